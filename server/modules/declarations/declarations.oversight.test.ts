import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAccount, makePerson, makeSmallProvince, makeUnit } from '../../test/factories.ts';
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

describe('declaration progress', () => {
  it('counts each status per division with the people behind it', async () => {
    // Trần Thị Bình (112011) submits; Lê Văn Cường (112011) keeps a draft; Nguyễn Văn An (112001) never declares.
    const person = await testApp.signIn('tp.canbo@test.gov.vn');
    await declareAndSubmit(
      person,
      '/api/me/declaration',
      validRecordData({ agencyId: province.justice.id, divisionId: province.justiceControl.id }),
    );
    const admin = await testApp.signIn('tp.admin@test.gov.vn');
    const draft = await admin.post(`/api/people/${province.justicePeople[2]!.id}/declaration`);
    expect(draft.statusCode).toBe(201);

    const response = await admin.get(`/api/units/${province.justice.id}/declaration-progress`);
    expect(response.statusCode, response.body).toBe(200);
    const table = response.json();
    const control = table.rows.find(
      (row: { divisionId: number }) => row.divisionId === province.justiceControl.id,
    );
    const board = table.rows.find(
      (row: { divisionId: number }) => row.divisionId === province.justiceBoard.id,
    );
    expect(control).toMatchObject({
      total: 2,
      submitted: 1,
      draft: 1,
      never_declared: 0,
      returned: 0,
      approved: 0,
    });
    expect(board).toMatchObject({ total: 1, never_declared: 1 });
    expect(table.totals).toMatchObject({ total: 3, submitted: 1, draft: 1, never_declared: 1 });

    const never = (
      await admin.get(`/api/units/${province.justice.id}/declaration-progress/people?status=never_declared`)
    ).json();
    expect(never.map((row: { fullName: string }) => row.fullName)).toEqual(['Nguyễn Văn An']);
    const inDivision = (
      await admin.get(
        `/api/units/${province.justice.id}/declaration-progress/people?divisionId=${province.justiceControl.id}`,
      )
    ).json();
    expect(inDivision.map((row: { status: string }) => row.status).sort()).toEqual(['draft', 'submitted']);
  });

  it('hides another agency’s progress', async () => {
    const admin = await testApp.signIn('nv.admin@test.gov.vn');
    for (const url of [
      `/api/units/${province.justice.id}/declaration-progress`,
      `/api/units/${province.justice.id}/declaration-progress/people`,
      `/api/units/${province.justice.id}/needs-fixing`,
    ]) {
      expect((await admin.get(url)).statusCode, url).toBe(404);
    }
  });
});

describe('cần sửa list and reminders', () => {
  it('lists a submitted declaration whose division was dissolved, and records in it', async () => {
    const db = testApp.database.db;
    const division = await makeUnit(db, {
      code: '112031',
      name: 'Phòng Sắp Giải Thể',
      kind: 'division',
      parentId: province.justice.id,
    });
    const moved = await makePerson(db, {
      fullName: 'Hồ Thị Yến',
      agencyId: province.justice.id,
      divisionId: division.id,
    });
    const member = await makePerson(db, {
      fullName: 'Châu Văn Tài',
      agencyId: province.justice.id,
      divisionId: province.justiceBoard.id,
    });
    await makeAccount(db, {
      email: 'tp.chauvantai@test.gov.vn',
      homeUnitId: province.justice.id,
      personId: member.id,
    });
    const client = await testApp.signIn('tp.chauvantai@test.gov.vn');
    const submitted = await declareAndSubmit(
      client,
      '/api/me/declaration',
      validRecordData({ agencyId: province.justice.id, divisionId: division.id }, 'Châu Văn Tài'),
    );

    // Sở Nội vụ dissolves the division after the declaration was submitted.
    await db
      .updateTable('units')
      .set({ status: 'ended', valid_to: '2026-01-01' })
      .where('id', '=', division.id)
      .execute();

    const admin = await testApp.signIn('tp.admin@test.gov.vn');
    const response = await admin.get(`/api/units/${province.justice.id}/needs-fixing`);
    expect(response.statusCode, response.body).toBe(200);
    const items = response.json();
    const declared = items.find(
      (item: { declarationId: number | null }) => item.declarationId === submitted.id,
    );
    expect(declared.kind).toBe('declaration');
    expect(declared.division).toMatchObject({ code: '112031', name: '' });
    expect(declared.problems[0].field).toBe('data.employment.divisionId');
    expect(declared.problems[0].message).toContain('đã kết thúc hoạt động');
    const stranded = items.find(
      (item: { personId: number; kind: string }) => item.personId === moved.id && item.kind === 'record',
    );
    expect(stranded.problems[0].message).toContain('sáp nhập hoặc giải thể');

    // The approver cannot approve it either: the rule is checked again at the decision.
    const approver = await testApp.signIn('tp.duyet@test.gov.vn');
    const refused = await approver.post(`/api/declarations/${submitted.id}/decision`, {
      decision: 'approve',
      rowVersion: submitted.rowVersion,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().fields[0].field).toBe('data.employment.divisionId');

    const reminded = await admin.post(`/api/people/${member.id}/reminders`, {
      message: 'Bộ phận cũ đã giải thể, hãy chọn bộ phận mới.',
    });
    expect(reminded.statusCode, reminded.body).toBe(200);
    expect(reminded.json().sent).toBe(1);
    const notes = (await client.get('/api/me/notifications')).json();
    expect(notes[0]).toMatchObject({
      kind: 'declaration_reminder',
      message: 'Bộ phận cũ đã giải thể, hãy chọn bộ phận mới.',
    });
    const read = await client.post(`/api/me/notifications/${notes[0].id}/read`);
    expect(read.statusCode).toBe(200);
    expect((await client.get('/api/me/notifications?unreadOnly=true')).json()).toHaveLength(0);
  });

  it('lists a returned declaration with its reason', async () => {
    const admin = await testApp.signIn('tp.admin@test.gov.vn');
    const approver = await testApp.signIn('tp.duyet@test.gov.vn');
    const personId = province.justicePeople[2]!.id;
    const open = (await admin.get(`/api/people/${personId}/declaration`)).json().open;
    const saved = await put(admin, `/api/people/${personId}/declaration`, {
      rowVersion: open.rowVersion,
      data: validRecordData(
        { agencyId: province.justice.id, divisionId: province.justiceControl.id },
        'Lê Văn Cường',
      ),
    });
    const submitted = await admin.post(`/api/people/${personId}/declaration/submit`, {
      rowVersion: saved.json().rowVersion,
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    await approver.post(`/api/declarations/${submitted.json().id}/decision`, {
      decision: 'return',
      rowVersion: submitted.json().rowVersion,
      reason: 'Thiếu quan hệ gia đình bên vợ',
    });

    const items = (await admin.get(`/api/units/${province.justice.id}/needs-fixing`)).json();
    const returned = items.find(
      (item: { declarationId: number | null }) => item.declarationId === submitted.json().id,
    );
    expect(returned.status).toBe('returned');
    expect(returned.problems[0]).toMatchObject({
      label: 'Lý do trả lại',
      message: 'Thiếu quan hệ gia đình bên vợ',
    });
  });

  it('reminds everyone who never declared, within scope only', async () => {
    const admin = await testApp.signIn('tp.admin@test.gov.vn');
    const never = (
      await admin.get(`/api/units/${province.justice.id}/declaration-progress/people?status=never_declared`)
    ).json();
    const response = await admin.post(`/api/units/${province.justice.id}/reminders`, {
      status: 'never_declared',
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().sent).toBe(never.length);
    const rows = await testApp.database.db
      .selectFrom('person_notifications')
      .select('person_id')
      .where('kind', '=', 'declaration_reminder')
      .where(
        'person_id',
        'in',
        never.map((row: { personId: number }) => row.personId),
      )
      .execute();
    expect(rows.length).toBe(never.length);

    const other = await testApp.signIn('nv.admin@test.gov.vn');
    const refused = await other.post(`/api/people/${province.justicePeople[0]!.id}/reminders`, {});
    expect(refused.statusCode).toBe(404);
    const refusedUnit = await other.post(`/api/units/${province.justice.id}/reminders`, {
      status: 'never_declared',
    });
    expect(refusedUnit.statusCode).toBe(404);
  });
});
