import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIso } from '../../../common/dates.ts';
import { progressStatuses } from '../../../common/schemas/declarations.ts';
import { type QualityStatistics, reportColumnGroups } from '../../../common/schemas/statistics.ts';
import { makeSmallProvince } from '../../test/factories.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { downloadExport, listRows } from '../exports/export-test-helpers.ts';
import { countWhere } from './statistics-expectations.ts';
import { makeStatisticsPeople } from './statistics-fixtures.ts';

let testApp: TestApp;
let province: Awaited<ReturnType<typeof makeSmallProvince>>;
const today = todayIso();
const columns = reportColumnGroups.flatMap((group) => group.columns);

beforeAll(async () => {
  testApp = await startTestApp();
  const db = testApp.database.db;
  province = await makeSmallProvince(db);
  const people = await makeStatisticsPeople(db, {
    seed: 33,
    count: 90,
    placements: [
      { agencyId: province.justice.id, divisionId: province.justiceControl.id },
      { agencyId: province.home.id, divisionId: province.homeBoard.id },
    ],
  });

  // Declarations in progress for the dashboard: two drafts and one submitted in Sở Tư pháp, one
  // approved in Sở Nội vụ.
  const declare = async (personId: number, status: 'draft' | 'submitted' | 'approved') =>
    db
      .insertInto('declarations')
      .values({ person_id: personId, status, data: JSON.stringify({}) })
      .execute();
  await declare(people[0]!, 'draft');
  await declare(people[2]!, 'draft');
  await declare(people[4]!, 'submitted');
  await declare(people[1]!, 'approved');
});

afterAll(async () => {
  await testApp?.close();
});

describe('statistics report export', () => {
  it('writes the BM02 table as on screen, cell by cell', async () => {
    const snv = await testApp.signIn('snv.admin@test.gov.vn');
    const statistics: QualityStatistics = (await snv.get('/api/statistics/quality')).json();
    const { workbook, job } = await downloadExport(snv, await snv.post('/api/statistics/report/export', {}));
    const sheet = workbook.getWorksheet('Báo cáo BM02')!;

    expect(sheet.getCell('A1').value).toBe('BÁO CÁO SỐ LƯỢNG, CHẤT LƯỢNG CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC');
    expect(sheet.getCell('A1').font.name).toBe('Times New Roman');
    expect(sheet.getCell('A2').value).toBe('Tỉnh Thử Nghiệm (mã số 44)');
    expect(sheet.getCell('B5').value).toBe('Tên đơn vị');
    expect(sheet.getCell('D5').value).toBe('Tổng số');
    expect(sheet.getCell('E5').value).toBe('Trong đó');
    expect(sheet.getCell('E6').value).toBe('Đảng viên');
    expect(sheet.getCell('F6').value).toBe('Nữ');
    expect(sheet.getCell('D7').value).toBe(1);

    const rows = listRows(sheet, 'A');
    expect(job.rowsTotal).toBe(statistics.rows.length);
    statistics.rows.forEach((unitRow, index) => {
      const row = rows[index]!;
      expect(row.getCell(1).value).toBe(index + 1);
      expect(row.getCell(2).value).toBe(unitRow.name);
      expect(row.getCell(3).value).toBe(unitRow.code);
      columns.forEach((column, offset) => {
        const expected = column.key === 'total' ? unitRow.total : (unitRow.counts[column.key] ?? 0);
        expect(row.getCell(4 + offset).value, `${unitRow.code} ${column.key}`).toBe(expected);
      });
    });

    const grandTotal = rows[statistics.rows.length]!;
    expect(grandTotal.getCell(2).value).toBe('Tổng cộng');
    expect(grandTotal.getCell(4).value).toBe(statistics.total);
    expect(grandTotal.getCell(4).value).toBe(
      await countWhere(testApp.database.db, { agencyIds: [province.justice.id, province.home.id] }, today),
    );
  });

  it('keeps unit codes as text', async () => {
    const snv = await testApp.signIn('snv.admin@test.gov.vn');
    const { workbook } = await downloadExport(
      snv,
      await snv.post('/api/statistics/report/export', { unitId: province.justice.id }),
    );
    const rows = listRows(workbook.getWorksheet('Báo cáo BM02')!, 'A');
    const control = rows.find((row) => row.getCell(3).value === '112011')!;
    expect(control.getCell(3).type).toBe(ExcelJS.ValueType.String);
    expect(control.getCell(2).value).toBe('Phòng Kiểm soát thủ tục hành chính');
  });

  it('lists every bucket with its share', async () => {
    const snv = await testApp.signIn('snv.admin@test.gov.vn');
    const statistics: QualityStatistics = (await snv.get('/api/statistics/quality')).json();
    const { workbook } = await downloadExport(snv, await snv.post('/api/statistics/report/export', {}));
    const rows = listRows(workbook.getWorksheet('Theo tiêu chí')!, 'Tiêu chí');
    const expected = statistics.dimensions.flatMap((dimension) =>
      dimension.buckets.map((bucket) => [dimension.label, bucket.label, bucket.count]),
    );
    expect(rows.map((row) => [row.getCell(1).value, row.getCell(2).value, row.getCell(3).value])).toEqual(
      expected,
    );
    const women = rows.find((row) => row.getCell(1).value === 'Giới tính' && row.getCell(2).value === 'Nữ')!;
    expect(women.getCell(4).value).toBeCloseTo((Number(women.getCell(3).value) * 100) / statistics.total, 2);
  });

  it('gives a unit admin their agency only', async () => {
    const admin = await testApp.signIn('tp.admin@test.gov.vn');
    const { workbook } = await downloadExport(admin, await admin.post('/api/statistics/report/export', {}));
    const sheet = workbook.getWorksheet('Báo cáo BM02')!;
    expect(sheet.getCell('A2').value).toBe('Sở Tư pháp (mã số 112)');
    const rows = listRows(sheet, 'A');
    const grandTotal = rows.find((row) => row.getCell(2).value === 'Tổng cộng')!;
    expect(grandTotal.getCell(4).value).toBe(
      await countWhere(testApp.database.db, { agencyIds: [province.justice.id] }, today),
    );
    expect((await admin.post('/api/statistics/report/export', { unitId: province.home.id })).statusCode).toBe(
      404,
    );
  });
});

describe('drill-down export', () => {
  it('writes the people behind a number', async () => {
    const admin = await testApp.signIn('tp.admin@test.gov.vn');
    const list = (await admin.get('/api/statistics/people?buckets=gender:female&pageSize=500')).json();
    const { workbook, job } = await downloadExport(
      admin,
      await admin.post('/api/statistics/people/export', { buckets: 'gender:female' }),
    );
    const sheet = workbook.worksheets[0]!;
    const rows = listRows(sheet);
    expect(job.rowsDone).toBe(list.total);
    expect(rows.map((row) => row.getCell(2).value)).toEqual(
      list.items.map((item: { fullName: string }) => item.fullName),
    );
    expect(rows.every((row) => row.getCell(3).value === 'Nữ')).toBe(true);
    expect(rows.every((row) => row.getCell(7).value === '112')).toBe(true);

    const subtitles: unknown[] = [];
    sheet.eachRow((row, number) => {
      if (number < 8) subtitles.push(row.getCell(1).value);
    });
    expect(subtitles).toContain('Giới tính: Nữ');
  });

  it('audits the filter of the export', async () => {
    const admin = await testApp.signIn('tp.admin@test.gov.vn');
    const { job } = await downloadExport(
      admin,
      await admin.post('/api/statistics/people/export', { buckets: 'party:member' }),
    );
    const audit = await testApp.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_id', '=', job.id)
      .executeTakeFirstOrThrow();
    expect(audit.detail).toMatchObject({
      kind: 'statistics.people',
      filter: { unitId: province.justice.id, buckets: [{ dimension: 'party', bucket: 'member' }] },
      rowCount: job.rowsDone,
    });
  });
});

describe('province dashboard', () => {
  it('counts every agency, kind and declaration status like SQL', async () => {
    const snv = await testApp.signIn('snv.admin@test.gov.vn');
    const response = await snv.get('/api/statistics/dashboard');
    expect(response.statusCode, response.body).toBe(200);
    const dashboard = response.json();
    const db = testApp.database.db;

    for (const agency of [province.justice, province.home]) {
      const row = dashboard.rows.find((item: { unitId: number }) => item.unitId === agency.id);
      expect(row.total).toBe(await countWhere(db, { agencyIds: [agency.id] }, today));
      for (const kind of ['cadre', 'civil_servant', 'public_employee']) {
        expect(row.byEmploymentType[kind], `${agency.code} ${kind}`).toBe(
          await countWhere(db, { agencyIds: [agency.id] }, today, `r.employment_type = '${kind}'`),
        );
      }
      expect(
        Object.values(row.byEmploymentType as Record<string, number>).reduce((sum, value) => sum + value, 0),
      ).toBe(row.total);
      expect(
        Object.values(row.progress as Record<string, number>).reduce((sum, value) => sum + value, 0),
      ).toBe(row.total);
    }

    const justice = dashboard.rows.find((item: { unitId: number }) => item.unitId === province.justice.id);
    const statusCount = async (agencyId: number, status: string) =>
      (
        await sql<{ n: number }>`
          select count(*)::int as n from declarations d join memberships m on m.person_id = d.person_id and m.valid_to is null
          where m.agency_id = ${agencyId} and d.status = ${status}
        `.execute(db)
      ).rows[0]!.n;
    expect(justice.progress.draft).toBe(await statusCount(province.justice.id, 'draft'));
    expect(justice.progress.submitted).toBe(await statusCount(province.justice.id, 'submitted'));
    expect(dashboard.progress.approved).toBe(
      (await statusCount(province.home.id, 'approved')) +
        (await statusCount(province.justice.id, 'approved')),
    );
    expect(dashboard.total).toBe(
      dashboard.rows.reduce((sum: number, row: { total: number }) => sum + row.total, 0),
    );
  });

  it('agrees with the declaration progress table', async () => {
    const snv = await testApp.signIn('snv.admin@test.gov.vn');
    const dashboard = (await snv.get('/api/statistics/dashboard')).json();
    for (const agency of [province.justice, province.home]) {
      const response = await snv.get(`/api/units/${agency.id}/declaration-progress`);
      expect(response.statusCode, response.body).toBe(200);
      const totals = response.json().totals;
      const row = dashboard.rows.find((item: { unitId: number }) => item.unitId === agency.id);
      for (const status of progressStatuses)
        expect(row.progress[status], `${agency.code} ${status}`).toBe(totals[status]);
    }
  });

  it('hides the province overview from a unit admin', async () => {
    const admin = await testApp.signIn('tp.admin@test.gov.vn');
    expect((await admin.get(`/api/statistics/dashboard?unitId=${province.province.id}`)).statusCode).toBe(
      404,
    );
    const own = (await admin.get('/api/statistics/dashboard')).json();
    expect(own.unit.id).toBe(province.justice.id);
    expect(own.total).toBe(
      await countWhere(testApp.database.db, { agencyIds: [province.justice.id] }, today),
    );
  });
});
