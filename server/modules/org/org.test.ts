import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePerson, makeSmallProvince, makeUnit } from '../../test/factories.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';

let testApp: TestApp;
let province: Awaited<ReturnType<typeof makeSmallProvince>>;

beforeAll(async () => {
  testApp = await startTestApp();
  province = await makeSmallProvince(testApp.database.db);
});

afterAll(async () => {
  await testApp?.close();
});

describe('agency table', () => {
  it('counts each division like a direct SQL count', async () => {
    const admin = await testApp.signIn('tp.admin@test.gov.vn');
    const response = await admin.get(`/api/units/${province.justice.id}/agency-table`);
    expect(response.statusCode).toBe(200);
    const table = response.json();

    const expected = await sql<{ division_id: number; n: number }>`
      select division_id, count(*)::int as n from memberships
      where agency_id = ${province.justice.id} and valid_to is null group by division_id
    `.execute(testApp.database.db);
    for (const row of expected.rows) {
      const shown = table.rows.find((item: { unitId: number }) => item.unitId === row.division_id);
      expect(shown?.headcount).toBe(row.n);
    }
    expect(table.total).toBe(3);
  });

  it('shows the province admin every agency with totals', async () => {
    const snv = await testApp.signIn('snv.admin@test.gov.vn');
    const table = (await snv.get(`/api/units/${province.province.id}/agency-table`)).json();
    expect(table.rows.map((row: { code: string }) => row.code)).toEqual(['112', '113']);
    expect(table.total).toBe(5);
  });

  it('shows an ended agency with people as a blank row', async () => {
    const db = testApp.database.db;
    const ended = await makeUnit(db, { code: '190', name: 'Sở Đã Giải Thể', kind: 'agency', parentId: province.province.id });
    await makePerson(db, { fullName: 'Võ Thị Giang', agencyId: ended.id });
    await db.updateTable('units').set({ status: 'ended', valid_to: '2026-01-01' }).where('id', '=', ended.id).execute();

    const snv = await testApp.signIn('snv.admin@test.gov.vn');
    const after = (await snv.get(`/api/units/${province.province.id}/agency-table?asOf=2026-06-01`)).json();
    const blank = after.rows.find((row: { code: string }) => row.code === '190');
    expect(blank?.name).toBe('');
    expect(blank?.status).toBe('ended');
    expect(blank?.headcount).toBe(1);
    expect(after.total).toBe(6);

    const before = (await snv.get(`/api/units/${province.province.id}/agency-table?asOf=2025-06-01`)).json();
    expect(before.rows.find((row: { code: string }) => row.code === '190')?.name).toBe('Sở Đã Giải Thể');
  });

  it('hides another agency from a unit admin', async () => {
    const admin = await testApp.signIn('tp.admin@test.gov.vn');
    for (const url of [
      `/api/units/${province.home.id}`,
      `/api/units/${province.home.id}/agency-table`,
      `/api/units/${province.homeBoard.id}/people`,
      `/api/units/tree?rootId=${province.home.id}`,
      `/api/units/${province.province.id}/agency-table`,
    ]) {
      const response = await admin.get(url);
      expect([403, 404], url).toContain(response.statusCode);
    }
  });

  it('rejects a person without staff roles', async () => {
    const person = await testApp.signIn('tp.canbo@test.gov.vn');
    const response = await person.get(`/api/units/${province.justice.id}/agency-table`);
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('FORBIDDEN');
  });
});

describe('unit changes', () => {
  it('creates a division under its agency', async () => {
    const snv = await testApp.signIn('snv.admin@test.gov.vn');
    const response = await snv.post('/api/units', { code: '112021', name: 'Phòng Thử nghiệm', kind: 'division', parentId: province.justice.id });
    expect(response.statusCode).toBe(201);
    const audit = await testApp.database.db.selectFrom('audit_log').selectAll().where('action', '=', 'unit.create').execute();
    expect(audit.map((row) => row.entity_id)).toContain(String(response.json().id));
  });

  it('rejects a duplicate active code in Vietnamese', async () => {
    const snv = await testApp.signIn('snv.admin@test.gov.vn');
    const response = await snv.post('/api/units', { code: '112011', name: 'Trùng mã', kind: 'division', parentId: province.justice.id });
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('UNIT_CODE_TAKEN');
    expect(response.json().message).toContain('Mã số đơn vị 112011');
  });

  it('rejects a division code outside its agency prefix', async () => {
    const snv = await testApp.signIn('snv.admin@test.gov.vn');
    const response = await snv.post('/api/units', { code: '999001', name: 'Sai tiền tố', kind: 'division', parentId: province.justice.id });
    expect(response.statusCode).toBe(400);
    expect(response.json().fields[0].field).toBe('code');
  });

  it('rejects a move that makes a cycle', async () => {
    const snv = await testApp.signIn('snv.admin@test.gov.vn');
    const parent = (await snv.post('/api/units', { code: '112030', name: 'Phòng Cha', kind: 'division', parentId: province.justice.id })).json();
    const child = (await snv.post('/api/units', { code: '112030001', name: 'Tổ Con', kind: 'division', parentId: parent.id })).json();
    const response = await snv.post(`/api/units/${parent.id}/move`, { parentId: child.id, rowVersion: parent.rowVersion });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('UNIT_CYCLE');
    expect(response.json().message).toMatch(/không thể chuyển/i);
  });

  it('keeps the old name for dates before a rename', async () => {
    const snv = await testApp.signIn('snv.admin@test.gov.vn');
    const unit = (await snv.get(`/api/units/${province.homeBoard.id}`)).json();
    const renamed = await snv.patch(`/api/units/${province.homeBoard.id}`, { name: 'Ban Lãnh đạo Sở', effectiveDate: '2025-03-01', rowVersion: unit.rowVersion });
    expect(renamed.statusCode).toBe(200);
    const before = (await snv.get(`/api/units/${province.home.id}/agency-table?asOf=2024-12-31`)).json();
    const after = (await snv.get(`/api/units/${province.home.id}/agency-table?asOf=2025-03-01`)).json();
    expect(before.rows[0].name).toBe('Ban Giám đốc');
    expect(after.rows[0].name).toBe('Ban Lãnh đạo Sở');
  });

  it('refuses unit changes from a unit admin', async () => {
    const admin = await testApp.signIn('tp.admin@test.gov.vn');
    const response = await admin.post('/api/units', { code: '112099', name: 'Không được', kind: 'division', parentId: province.justice.id });
    expect(response.statusCode).toBe(403);
  });

  it('names the invalid field on bad input', async () => {
    const snv = await testApp.signIn('snv.admin@test.gov.vn');
    const response = await snv.post('/api/units', { code: '12a', name: '', kind: 'division', parentId: 'x' });
    expect(response.statusCode).toBe(400);
    const fields = response.json().fields.map((field: { field: string }) => field.field);
    expect(fields).toEqual(expect.arrayContaining(['code', 'name', 'parentId']));
  });
});
