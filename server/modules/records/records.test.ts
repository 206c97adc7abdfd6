import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSmallProvince } from '../../test/factories.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { declareAndSubmit, put, validRecordData } from '../declarations/declarations.fixtures.ts';

let testApp: TestApp;
let province: Awaited<ReturnType<typeof makeSmallProvince>>;
let declarationId: number;

beforeAll(async () => {
  testApp = await startTestApp();
  province = await makeSmallProvince(testApp.database.db);

  // Version 1 of Trần Thị Bình, approved by the agency's approver.
  const person = await testApp.signIn('tp.canbo@test.gov.vn');
  const approver = await testApp.signIn('tp.duyet@test.gov.vn');
  const submitted = await declareAndSubmit(
    person,
    '/api/me/declaration',
    validRecordData({ agencyId: province.justice.id, divisionId: province.justiceControl.id }),
  );
  const approved = await approver.post(`/api/declarations/${submitted.id}/decision`, {
    decision: 'approve',
    rowVersion: submitted.rowVersion,
  });
  if (approved.statusCode !== 200) throw new Error(approved.body);

  // A second declaration: one scalar changed, one family row changed, one removed, one added.
  const current = (await person.get('/api/me/record')).json();
  const data = structuredClone(current.data);
  data.identity.phone = '0911 222 333';
  data.family.ownSide = data.family.ownSide.filter((row: { rowId: string }) => row.rowId !== 'mother');
  data.family.ownSide[0].details = 'Hưu trí, xã Thử Nghiệm';
  data.family.ownSide.push({ rowId: 'child', relation: 'Con', fullName: 'Trần Minh Khang', birthYear: 2015 });
  const started = (await person.post('/api/me/declaration')).json();
  const saved = await put(person, '/api/me/declaration', { rowVersion: started.rowVersion, data });
  const submittedAgain = await person.post('/api/me/declaration/submit', {
    rowVersion: saved.json().rowVersion,
  });
  if (submittedAgain.statusCode !== 200) throw new Error(submittedAgain.body);
  declarationId = started.id;
});

afterAll(async () => {
  await testApp?.close();
});

describe('review comparison', () => {
  it('shows exactly the changed fields and family rows', async () => {
    const approver = await testApp.signIn('tp.duyet@test.gov.vn');
    const response = await approver.get(`/api/declarations/${declarationId}/review`);
    expect(response.statusCode, response.body).toBe(200);
    const review = response.json();
    expect(review.baseVersionNo).toBe(1);
    expect(review.problems).toEqual([]);

    expect(review.diff.fields).toEqual([
      {
        path: 'identity.phone',
        label: 'Số điện thoại liên hệ',
        before: '0912 345 678',
        after: '0911 222 333',
      },
    ]);

    const rows = review.diff.rows
      .map(
        (row: { table: string; rowId: string; change: string }) => `${row.table}:${row.rowId}:${row.change}`,
      )
      .sort();
    expect(rows).toEqual([
      'family.ownSide:child:added',
      'family.ownSide:father:changed',
      'family.ownSide:mother:removed',
    ]);
    const father = review.diff.rows.find((row: { rowId: string }) => row.rowId === 'father');
    expect(father.tableLabel).toBe('Quan hệ gia đình (về bản thân)');
    expect(father.fields).toEqual([
      {
        path: 'family.ownSide.details',
        label: 'Quê quán, nghề nghiệp, chức danh, chức vụ, đơn vị công tác, học tập, nơi ở',
        before: 'Nông dân, xã Thử Nghiệm',
        after: 'Hưu trí, xã Thử Nghiệm',
      },
    ]);
  });

  it('writes an audit row for each full-record read', async () => {
    const admin = await testApp.signIn('tp.admin@test.gov.vn');
    const personId = province.justicePeople[1]!.id;
    const before = await testApp.database.db
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'record.read')
      .where('entity_id', '=', String(personId))
      .execute();
    const response = await admin.get(`/api/people/${personId}/record`);
    expect(response.statusCode).toBe(200);
    expect(response.json().versionNo).toBe(1);
    const after = await testApp.database.db
      .selectFrom('audit_log')
      .select(['actor_account_id', 'detail'])
      .where('action', '=', 'record.read')
      .where('entity_id', '=', String(personId))
      .orderBy('id')
      .execute();
    expect(after.length).toBe(before.length + 1);
    expect(after.at(-1)!.actor_account_id).toBe(province.accounts.justiceAdmin.id);
  });
});

describe('record scope', () => {
  it('hides one agency’s records from another agency’s staff', async () => {
    const personId = province.justicePeople[1]!.id;
    for (const email of ['nv.admin@test.gov.vn', 'nv.duyet@test.gov.vn']) {
      const staff = await testApp.signIn(email);
      for (const url of [
        `/api/people/${personId}/record`,
        `/api/people/${personId}/record/versions`,
        `/api/people/${personId}/record/versions/1`,
        `/api/declarations/${declarationId}`,
        `/api/declarations/${declarationId}/review`,
      ]) {
        const response = await staff.get(url);
        expect(response.statusCode, `${email} ${url}`).toBe(404);
      }
    }
  });

  it('stops another agency’s admin from declaring on a member’s behalf', async () => {
    const admin = await testApp.signIn('nv.admin@test.gov.vn');
    const personId = province.justicePeople[2]!.id;
    const start = await admin.post(`/api/people/${personId}/declaration`);
    expect(start.statusCode).toBe(404);
    const count = await testApp.database.db
      .selectFrom('declarations')
      .select('id')
      .where('person_id', '=', personId)
      .execute();
    expect(count).toHaveLength(0);
  });

  it('records a unit admin’s work as on behalf of the person', async () => {
    const admin = await testApp.signIn('tp.admin@test.gov.vn');
    const personId = province.justicePeople[2]!.id;
    const submitted = await declareAndSubmit(
      admin,
      `/api/people/${personId}/declaration`,
      validRecordData(
        { agencyId: province.justice.id, divisionId: province.justiceControl.id },
        'Lê Văn Cường',
      ),
    );
    expect(submitted.status).toBe('submitted');
    expect(submitted.events.every((event: { onBehalf: boolean }) => event.onBehalf)).toBe(true);
    const audit = await testApp.database.db
      .selectFrom('audit_log')
      .select(['action', 'detail'])
      .where('entity_type', '=', 'declaration')
      .where('entity_id', '=', String(submitted.id))
      .orderBy('id')
      .execute();
    expect(audit.map((row) => row.action)).toEqual([
      'declaration.create',
      'declaration.save',
      'declaration.submit',
    ]);
    for (const row of audit) expect((row.detail as { on_behalf: boolean }).on_behalf).toBe(true);
  });
});
