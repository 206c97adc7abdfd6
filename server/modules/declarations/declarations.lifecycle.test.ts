import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSmallProvince } from '../../test/factories.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { declareAndSubmit, put, validRecordData } from './declarations.fixtures.ts';

let testApp: TestApp;
let province: Awaited<ReturnType<typeof makeSmallProvince>>;

beforeAll(async () => {
  testApp = await startTestApp();
  province = await makeSmallProvince(testApp.database.db);
});

afterAll(async () => {
  await testApp?.close();
});

const justicePlace = () => ({ agencyId: province.justice.id, divisionId: province.justiceControl.id });

describe('declaration lifecycle', () => {
  it('goes from draft to approved record version', async () => {
    const person = await testApp.signIn('tp.canbo@test.gov.vn');
    const personId = province.justicePeople[1]!.id;

    const started = await person.post('/api/me/declaration');
    expect(started.statusCode).toBe(201);
    expect(started.json().status).toBe('draft');
    expect(started.json().data.identity.fullName).toBe('Trần Thị Bình');

    const again = await person.post('/api/me/declaration');
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(started.json().id);

    const data = validRecordData(justicePlace());
    const saved = await put(person, '/api/me/declaration', { rowVersion: started.json().rowVersion, data });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().rowVersion).toBe(started.json().rowVersion + 1);

    const submitted = await person.post('/api/me/declaration/submit', {
      rowVersion: saved.json().rowVersion,
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json().status).toBe('submitted');
    expect(submitted.json().route).toBe('agency');
    expect(submitted.json().isTransfer).toBe(false);

    const approver = await testApp.signIn('tp.duyet@test.gov.vn');
    const inbox = (await approver.get('/api/declarations/inbox')).json();
    const item = inbox.find((entry: { id: number }) => entry.id === submitted.json().id);
    expect(item?.personName).toBe('Trần Thị Bình');

    const decided = await approver.post(`/api/declarations/${item.id}/decision`, {
      decision: 'approve',
      rowVersion: item.rowVersion,
    });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json().status).toBe('approved');

    const record = (await person.get('/api/me/record')).json();
    expect(record.versionNo).toBe(1);
    expect(record.data.salary.rankCode).toBe('01.003');
    expect(record.data.family.ownSide).toHaveLength(2);

    const indexed = await testApp.database.db
      .selectFrom('person_records')
      .selectAll()
      .where('person_id', '=', personId)
      .executeTakeFirstOrThrow();
    expect(indexed.rank_code).toBe('01.003');
    expect(indexed.salary_coefficient).toBe(3);
    expect(indexed.is_party_member).toBe(true);
    expect(indexed.political_theory_code).toBe('TC');
    const people = await testApp.database.db
      .selectFrom('people')
      .selectAll()
      .where('id', '=', personId)
      .executeTakeFirstOrThrow();
    expect(people.personal_id_number).toBe(data.identity.personalIdNumber);

    const notifications = (await person.get('/api/me/notifications')).json();
    expect(notifications.map((entry: { kind: string }) => entry.kind)).toContain('declaration_approved');

    const audit = await testApp.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', String(item.id))
      .execute();
    expect(audit.map((row) => row.action)).toEqual(
      expect.arrayContaining([
        'declaration.create',
        'declaration.save',
        'declaration.submit',
        'declaration.approve',
      ]),
    );
  });

  it('keeps every approved version after a return and resubmit', async () => {
    const person = await testApp.signIn('tp.canbo@test.gov.vn');
    const approver = await testApp.signIn('tp.duyet@test.gov.vn');
    const personId = province.justicePeople[1]!.id;

    const current = (await person.get('/api/me/record')).json();
    const changed = structuredClone(current.data);
    changed.identity.phone = '0987 654 321';
    const submitted = await declareAndSubmit(person, '/api/me/declaration', changed);

    const returned = await approver.post(`/api/declarations/${submitted.id}/decision`, {
      decision: 'return',
      rowVersion: submitted.rowVersion,
      reason: 'Số điện thoại chưa đúng',
    });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(returned.json().status).toBe('returned');

    const mine = (await person.get('/api/me/declaration')).json();
    expect(mine.open.status).toBe('returned');
    expect(mine.open.returnReason).toBe('Số điện thoại chưa đúng');
    const notes = (await person.get('/api/me/notifications?unreadOnly=true')).json();
    expect(notes[0].kind).toBe('declaration_returned');
    expect(notes[0].message).toContain('Số điện thoại chưa đúng');

    changed.identity.phone = '0987 654 322';
    const fixed = await put(person, '/api/me/declaration', {
      rowVersion: mine.open.rowVersion,
      declarationId: mine.open.id,
      data: changed,
    });
    expect(fixed.statusCode, fixed.body).toBe(200);
    const resubmitted = await person.post('/api/me/declaration/submit', {
      rowVersion: fixed.json().rowVersion,
    });
    expect(resubmitted.statusCode).toBe(200);
    const approved = await approver.post(`/api/declarations/${submitted.id}/decision`, {
      decision: 'approve',
      rowVersion: resubmitted.json().rowVersion,
    });
    expect(approved.statusCode, approved.body).toBe(200);

    const versions = (await person.get('/api/me/record/versions')).json();
    expect(versions.map((version: { versionNo: number }) => version.versionNo)).toEqual([2, 1]);
    const first = (await person.get('/api/me/record/versions/1')).json();
    expect(first.data.identity.phone).toBe('0912 345 678');
    const second = (await person.get('/api/me/record/versions/2')).json();
    expect(second.data.identity.phone).toBe('0987 654 322');

    const events = approved.json().events.map((event: { event: string }) => event.event);
    expect(events).toEqual(['created', 'submitted', 'returned', 'submitted', 'approved']);

    // The database itself refuses to rewrite an approved version.
    await expect(
      sql`update record_versions set data = '{}'::jsonb where person_id = ${personId}`.execute(
        testApp.database.db,
      ),
    ).rejects.toThrow(/immutable/);
    await expect(
      sql`delete from record_versions where person_id = ${personId}`.execute(testApp.database.db),
    ).rejects.toThrow(/immutable/);
  });

  it('refuses to edit a declaration decided meanwhile', async () => {
    const person = await testApp.signIn('tp.canbo@test.gov.vn');
    const approver = await testApp.signIn('tp.duyet@test.gov.vn');
    const current = (await person.get('/api/me/record')).json();

    const started = (await person.post('/api/me/declaration')).json();
    const submitted = await person.post('/api/me/declaration/submit', { rowVersion: started.rowVersion });
    expect(submitted.statusCode, submitted.body).toBe(200);

    const edit = await put(person, '/api/me/declaration', {
      rowVersion: submitted.json().rowVersion,
      declarationId: started.id,
      data: current.data,
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().code).toBe('DECLARATION_NOT_EDITABLE');
    expect(edit.json().message).toContain('chờ phê duyệt');

    await approver.post(`/api/declarations/${started.id}/decision`, {
      decision: 'approve',
      rowVersion: submitted.json().rowVersion,
    });
    const late = await put(person, '/api/me/declaration', {
      rowVersion: submitted.json().rowVersion,
      declarationId: started.id,
      data: { ...current.data, identity: { ...current.data.identity, phone: '0900 000 000' } },
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('DECLARATION_NOT_EDITABLE');
    expect(late.json().message).toContain('đã được phê duyệt');

    const record = (await person.get('/api/me/record')).json();
    expect(record.data.identity.phone).toBe(current.data.identity.phone);
  });

  it('requires a reason to return', async () => {
    const person = await testApp.signIn('tp.canbo@test.gov.vn');
    const approver = await testApp.signIn('tp.duyet@test.gov.vn');
    const started = (await person.post('/api/me/declaration')).json();
    const submitted = (
      await person.post('/api/me/declaration/submit', { rowVersion: started.rowVersion })
    ).json();

    const response = await approver.post(`/api/declarations/${submitted.id}/decision`, {
      decision: 'return',
      rowVersion: submitted.rowVersion,
      reason: '   ',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().fields[0].label).toBe('Lý do trả lại');
    const stored = await testApp.database.db
      .selectFrom('declarations')
      .select('status')
      .where('id', '=', submitted.id)
      .executeTakeFirstOrThrow();
    expect(stored.status).toBe('submitted');

    const returned = await approver.post(`/api/declarations/${submitted.id}/decision`, {
      decision: 'return',
      rowVersion: submitted.rowVersion,
      reason: 'Không có thay đổi nào',
    });
    expect(returned.statusCode).toBe(200);
    const discarded = await person.post('/api/me/declaration/discard', {
      rowVersion: returned.json().rowVersion,
    });
    expect(discarded.statusCode).toBe(200);
  });

  it('rejects a save with a stale rowVersion', async () => {
    const person = await testApp.signIn('tp.canbo@test.gov.vn');
    const started = (await person.post('/api/me/declaration')).json();
    const first = await put(person, '/api/me/declaration', {
      rowVersion: started.rowVersion,
      data: started.data,
    });
    expect(first.statusCode).toBe(200);
    const second = await put(person, '/api/me/declaration', {
      rowVersion: started.rowVersion,
      data: started.data,
    });
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe('DECLARATION_STALE');

    const discarded = await person.post('/api/me/declaration/discard', {
      rowVersion: first.json().rowVersion,
    });
    expect(discarded.statusCode).toBe(200);
    expect((await person.get('/api/me/declaration')).json().open).toBeNull();
  });
});
