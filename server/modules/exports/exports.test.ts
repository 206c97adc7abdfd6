import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAccount, makePerson, makeSmallProvince } from '../../test/factories.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { makeStatisticsPeople } from '../statistics/statistics-fixtures.ts';
import { downloadExport, listRows } from './export-test-helpers.ts';

let testApp: TestApp;
let province: Awaited<ReturnType<typeof makeSmallProvince>>;

// Column positions of personColumns, after the STT column.
const COLUMN = {
  name: 2,
  gender: 3,
  birthDate: 4,
  employeeCode: 5,
  idNumber: 6,
  agencyCode: 7,
  agencyName: 8,
};

beforeAll(async () => {
  testApp = await startTestApp();
  const db = testApp.database.db;
  province = await makeSmallProvince(db);
  await makeStatisticsPeople(db, {
    seed: 11,
    count: 45,
    placements: [
      { agencyId: province.justice.id, divisionId: province.justiceControl.id },
      { agencyId: province.home.id, divisionId: province.homeBoard.id },
    ],
  });
  const tricky = await makePerson(db, {
    fullName: 'Đỗ Thị Ỹ Đào',
    agencyId: province.justice.id,
    birthDate: '1985-03-02',
    gender: 'female',
  });
  await db
    .updateTable('people')
    .set({ employee_code: '=HYPERLINK("http://127.0.0.1/x","x")', personal_id_number: '001085000042' })
    .where('id', '=', tricky.id)
    .execute();
  await makeAccount(db, {
    email: 'tp.xuat@test.gov.vn',
    homeUnitId: province.justice.id,
    grants: [{ role: 'unit_admin', unitId: province.justice.id }],
  });
});

afterAll(async () => {
  await testApp?.close();
});

function rowOf(rows: ExcelJS.Row[], fullName: string): ExcelJS.Row {
  const row = rows.find((item) => item.getCell(COLUMN.name).value === fullName);
  if (!row) throw new Error(`No row for ${fullName}`);
  return row;
}

describe('search export', () => {
  it('writes every matching person, read back cell by cell', async () => {
    const snv = await testApp.signIn('snv.admin@test.gov.vn');
    const { workbook, job } = await downloadExport(snv, await snv.post('/api/search/people/export', {}));
    const rows = listRows(workbook.worksheets[0]!);

    const { count } = await testApp.database.db
      .selectFrom('people')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow();
    expect(rows.length).toBe(Number(count));
    expect(job.rowsDone).toBe(Number(count));
    expect(job.rowsTotal).toBe(Number(count));
    expect(rows.map((row) => row.getCell(1).value)).toEqual(rows.map((_row, index) => index + 1));

    const tricky = rowOf(rows, 'Đỗ Thị Ỹ Đào');
    const birthDate = tricky.getCell(COLUMN.birthDate);
    expect(birthDate.value).toBeInstanceOf(Date);
    expect((birthDate.value as Date).toISOString()).toBe('1985-03-02T00:00:00.000Z');
    expect(birthDate.numFmt).toBe('dd/mm/yyyy');

    const idNumber = tricky.getCell(COLUMN.idNumber);
    expect(idNumber.type).toBe(ExcelJS.ValueType.String);
    expect(idNumber.value).toBe('001085000042');
    expect(idNumber.numFmt).toBe('@');

    const formulaLike = tricky.getCell(COLUMN.employeeCode);
    expect(formulaLike.type).toBe(ExcelJS.ValueType.String);
    expect(formulaLike.formula).toBeUndefined();
    expect(formulaLike.value).toBe('=HYPERLINK("http://127.0.0.1/x","x")');
    expect(formulaLike.numFmt).toBe('@');

    expect(tricky.getCell(COLUMN.gender).value).toBe('Nữ');
    expect(tricky.getCell(COLUMN.agencyName).value).toBe('Sở Tư pháp');
    expect(tricky.getCell(COLUMN.agencyCode).value).toBe('112');
  });

  it('keeps leading zeros of every generated code', async () => {
    const snv = await testApp.signIn('snv.admin@test.gov.vn');
    const { workbook } = await downloadExport(
      snv,
      await snv.post('/api/search/people/export', { q: '000110000' }),
    );
    const rows = listRows(workbook.worksheets[0]!);
    const expected = await sql<{ employee_code: string; personal_id_number: string }>`
      select employee_code, personal_id_number from people where employee_code like '000110000%'
    `.execute(testApp.database.db);
    expect(rows.length).toBe(expected.rows.length);
    expect(rows.length).toBeGreaterThan(0);
    const exported = rows
      .map((row) => `${row.getCell(COLUMN.employeeCode).value}|${row.getCell(COLUMN.idNumber).value}`)
      .sort();
    expect(exported).toEqual(
      expected.rows.map((row) => `${row.employee_code}|${row.personal_id_number}`).sort(),
    );
  });

  it('gives a unit admin only their agency, masked', async () => {
    const admin = await testApp.signIn('tp.xuat@test.gov.vn');
    const { workbook } = await downloadExport(admin, await admin.post('/api/search/people/export', {}));
    const rows = listRows(workbook.worksheets[0]!);
    const expected = await sql<{ n: number }>`
      select count(*)::int as n from memberships where agency_id = ${province.justice.id} and valid_to is null
    `.execute(testApp.database.db);
    expect(rows.length).toBe(expected.rows[0]!.n);
    expect(rows.every((row) => row.getCell(COLUMN.agencyCode).value === '112')).toBe(true);
    expect(rowOf(rows, 'Đỗ Thị Ỹ Đào').getCell(COLUMN.idNumber).value).toBe('********0042');
  });

  it('records who exported what in the audit log', async () => {
    const snv = await testApp.signIn('snv.admin@test.gov.vn');
    const { job } = await downloadExport(snv, await snv.post('/api/search/people/export', { q: 'đào' }));
    const audit = await testApp.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_id', '=', job.id)
      .executeTakeFirstOrThrow();
    expect(audit.action).toBe('export.create');
    expect(audit.actor_account_id).toBe(province.accounts.provinceAdmin.id);
    expect(audit.detail).toMatchObject({ kind: 'search', filter: { q: 'đào' }, rowCount: job.rowsDone });
    expect(job.rowsDone).toBeGreaterThan(0);
  });
});

describe('export access', () => {
  it('hides one account’s export from another', async () => {
    const snv = await testApp.signIn('snv.admin@test.gov.vn');
    const { job } = await downloadExport(snv, await snv.post('/api/search/people/export', { q: 'an' }));
    const other = await testApp.signIn('tp.admin@test.gov.vn');
    expect((await other.get(`/api/exports/${job.id}`)).statusCode).toBe(404);
    expect((await other.get(`/api/exports/${job.id}/file`)).statusCode).toBe(404);
  });

  it('rejects a malformed job id with a message', async () => {
    const snv = await testApp.signIn('snv.admin@test.gov.vn');
    const response = await snv.get('/api/exports/not-a-uuid');
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('VALIDATION_FAILED');
  });

  it('refuses an agency list outside the scope', async () => {
    const admin = await testApp.signIn('tp.admin@test.gov.vn');
    const response = await admin.post(`/api/units/${province.home.id}/people/export`, {});
    expect(response.statusCode).toBe(404);
  });

  it('limits how often one account exports', async () => {
    const admin = await testApp.signIn('tp.xuat@test.gov.vn');
    const statuses: number[] = [];
    const codes: string[] = [];
    for (let attempt = 0; attempt < 12; attempt++) {
      const response = await admin.post(`/api/units/${province.justice.id}/people/export`, {});
      statuses.push(response.statusCode);
      codes.push(response.json().code ?? 'started');
    }
    expect(statuses.at(-1)).toBe(429);
    expect(codes.at(-1)).toBe('RATE_LIMITED');
    expect(statuses.filter((status) => status === 202).length).toBeGreaterThan(0);
  });
});

describe('agency list export', () => {
  it('writes the same people as the agency list on screen', async () => {
    const snv = await testApp.signIn('snv.admin@test.gov.vn');
    const screen = (await snv.get(`/api/units/${province.justiceControl.id}/people?pageSize=500`)).json();
    const { workbook } = await downloadExport(
      snv,
      await snv.post(`/api/units/${province.justiceControl.id}/people/export`, {}),
    );
    const rows = listRows(workbook.worksheets[0]!);
    expect(rows.map((row) => row.getCell(COLUMN.name).value)).toEqual(
      screen.items.map((item: { fullName: string }) => item.fullName),
    );
  });

  it('writes only the people attached to the agency itself when asked', async () => {
    const snv = await testApp.signIn('snv.admin@test.gov.vn');
    const { workbook } = await downloadExport(
      snv,
      await snv.post(`/api/units/${province.justice.id}/people/export`, { direct: true }),
    );
    const rows = listRows(workbook.worksheets[0]!);
    const names = rows.map((row) => row.getCell(COLUMN.name).value);
    expect(names).toContain('Đỗ Thị Ỹ Đào');
    expect(names).not.toContain('Nguyễn Văn An');
  });
});
