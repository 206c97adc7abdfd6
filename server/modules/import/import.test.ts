import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportJob } from '../../../common/schemas/import.ts';
import { makeSmallProvince } from '../../test/factories.ts';
import { startTestApp, type TestApp, type TestClient } from '../../test/harness.ts';
import { personWithRecord, recordInput } from '../due-lists/due-lists.fixtures.ts';
import { check, importFile, runImport, upload } from './import.fixtures.ts';

// A sheet as units make them by hand. It has a merged title and a two-row header with vertically
// merged cells, with "Quê quán" merged over its two sub-columns. Headers come in capitals, with
// no-break spaces or decomposed letters. Below them are a row of column numbers, numbers stored as
// text, one date column written month first, a column the importer does not know, and formatted
// empty rows after the last person. Every name and number is generated.

let app: TestApp;
let province: Awaited<ReturnType<typeof makeSmallProvince>>;
let justiceAdmin: TestClient;
let provinceAdmin: TestClient;

const OTHER_AGENCY_ID = '044170000088';
const PENDING_ID = '044171000099';

async function handMadeFile(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Danh sách');
  sheet.getCell('A1').value = 'DANH SÁCH CÁN BỘ, CÔNG CHỨC NĂM 2026';
  sheet.mergeCells('A1:O1');

  const single: Array<[string, string]> = [
    ['A', 'STT'],
    ['B', 'Số định danh\u00a0cá nhân'],
    ['C', 'HỌ VÀ TÊN'.normalize('NFD')],
    ['D', 'Ngày sinh (tháng/ngày/năm)'],
    ['G', 'Giới tính'],
    ['H', 'Dân tộc'],
    ['I', 'Loại'],
    ['J', 'Mã ngạch'],
    ['K', 'Bậc'],
    ['L', 'Hệ số'],
    ['M', 'Ngày hưởng'],
    ['N', 'Ngày đến đơn vị'],
    ['O', 'Ghi chú'],
  ];
  for (const [column, header] of single) {
    sheet.getCell(`${column}2`).value = header;
    sheet.mergeCells(`${column}2:${column}3`);
  }
  sheet.getCell('E2').value = 'Quê quán';
  sheet.mergeCells('E2:F2');
  sheet.getCell('E3').value = 'Tỉnh, thành phố';
  sheet.getCell('F3').value = 'Địa chỉ';
  sheet.getRow(4).values = [
    '(1)',
    '(2)',
    '(3)',
    '(4)',
    '(5)',
    '(6)',
    '(7)',
    '(8)',
    '(9)',
    '(10)',
    '(11)',
    '(12)',
    '(13)',
    '(14)',
    '(15)',
  ];

  const rows: unknown[][] = [
    [
      1,
      '044186000001',
      'Đỗ\u00a0Minh  Khang',
      '06/15/1986',
      '44',
      'Thôn Một',
      'Nam',
      '01 - Kinh',
      'Công chức',
      '01.003',
      '3',
      '3,00',
      '01/07/2023',
      '01/02/2015',
      'Chuyển từ tỉnh khác',
    ],
    [
      2,
      '044 190 000 002',
      'Vũ Thị Hằng'.normalize('NFD'),
      '12/31/1990',
      'Quảng Trị',
      'Thôn Hai',
      'NỮ',
      'Kinh',
      'Viên chức',
      'V.07.01.03',
      2,
      2.67,
      new Date(Date.UTC(2024, 0, 1)),
      '15/09/2016',
      '',
    ],
    [
      3,
      '044188000003',
      'Lý Văn Hai Số',
      '03/04/88',
      '44',
      '',
      'Nam',
      '01',
      'Công chức',
      '01.003',
      '1',
      '2,34',
      '01/01/2024',
      '',
      '',
    ],
    [
      4,
      OTHER_AGENCY_ID,
      'Người Cơ Quan Khác',
      '01/01/1980',
      '44',
      '',
      'Nam',
      '01',
      'Công chức',
      '01.003',
      '1',
      '2,34',
      '01/01/2024',
      '',
      '',
    ],
    [
      5,
      PENDING_ID,
      'Người Đang Chờ Duyệt',
      '01/01/1981',
      '44',
      '',
      'Nam',
      '01',
      'Công chức',
      '01.003',
      '1',
      '2,34',
      '01/01/2024',
      '',
      '',
    ],
  ];
  rows.forEach((values, index) => {
    sheet.getRow(5 + index).values = values as ExcelJS.CellValue[];
  });
  // Empty rows after the list, formatted and pre-numbered in the STT column only.
  for (let row = 10; row <= 40; row++) {
    sheet.getCell(`A${row}`).value = row - 4;
    for (const column of ['B', 'C', 'D', 'M']) {
      sheet.getCell(`${column}${row}`).numFmt = '@';
      sheet.getCell(`${column}${row}`).border = { top: { style: 'thin' } };
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

let handMade: Buffer;
let uploaded: ImportJob;

/** Downloads the agency's import template and fills one row per entry, by header text. */
async function filledTemplate(rows: Array<Record<string, string>>): Promise<Buffer> {
  const template = await justiceAdmin.get(`/api/units/${province.justice.id}/imports/template`);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet('Hồ sơ')!;
  const headers = new Map<string, number>();
  sheet.getRow(3).eachCell((cell, column) => headers.set(String(cell.value).replace(' (*)', ''), column));
  for (const [index, row] of rows.entries()) {
    for (const [header, value] of Object.entries(row))
      sheet.getCell(4 + index, headers.get(header)!).value = value;
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

beforeAll(async () => {
  app = await startTestApp();
  const db = app.database.db;
  province = await makeSmallProvince(db);

  const home = { agencyId: province.home.id, divisionId: province.homeBoard.id };
  const other = recordInput(home, { fullName: 'Người Cơ Quan Khác' });
  other.identity = { ...other.identity, personalIdNumber: OTHER_AGENCY_ID };
  await personWithRecord(db, home, other);

  const justice = { agencyId: province.justice.id, divisionId: province.justiceControl.id };
  const pending = recordInput(justice, { fullName: 'Người Đang Chờ Duyệt' });
  pending.identity = { ...pending.identity, personalIdNumber: PENDING_ID };
  const pendingPerson = await personWithRecord(db, justice, pending);
  await db
    .insertInto('declarations')
    .values({
      person_id: pendingPerson.personId,
      status: 'submitted',
      data: JSON.stringify(pendingPerson.data),
      base_version_no: 1,
      target_agency_id: province.justice.id,
      target_division_id: null,
      route: 'agency',
      created_by_account_id: null,
      last_edited_by_account_id: null,
      submitted_at: new Date(),
      submitted_by_account_id: null,
      decided_at: null,
      decided_by_account_id: null,
      return_reason: null,
      approved_version_id: null,
    })
    .execute();

  justiceAdmin = await app.signIn('tp.admin@test.gov.vn');
  provinceAdmin = await app.signIn('snv.admin@test.gov.vn');
  handMade = await handMadeFile();
  const response = await upload(justiceAdmin, province.justice.id, handMade, {
    divisionId: province.justiceControl.id,
  });
  expect(response.statusCode, response.body).toBe(201);
  uploaded = response.json();
});

afterAll(async () => {
  await app.close();
});

describe('upload', () => {
  it('reads a two-row header with merged cells, NBSP and NFD', () => {
    expect(uploaded.headerRow).toBe(3);
    expect(uploaded.sheetName).toBe('Danh sách');
    expect(uploaded.mapping).toEqual({
      personalIdNumber: 2,
      fullName: 3,
      birthDate: 4,
      hometownProvince: 5,
      hometownDetail: 6,
      gender: 7,
      ethnicityCode: 8,
      employmentType: 9,
      rankCode: 10,
      salaryStep: 11,
      coefficient: 12,
      stepStartDate: 13,
    });
    expect(uploaded.fileColumns.find((column) => column.letter === 'E')?.header).toBe(
      'Quê quán - Tỉnh, thành phố',
    );
    expect(uploaded.defaultDivision?.code).toBe('112011');
  });

  it('rejects a file that is not a spreadsheet', async () => {
    const response = await upload(justiceAdmin, province.justice.id, Buffer.from('tên,số\nA,1\n'));
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'IMPORT_FILE_INVALID' });
    expect(response.json().message).toContain('.xlsx');
  });

  it('rejects a sheet without a header row', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Trang 1').addRow(['một', 'hai', 'ba']);
    const response = await upload(
      justiceAdmin,
      province.justice.id,
      Buffer.from(await workbook.xlsx.writeBuffer()),
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toContain('Không tìm thấy dòng tiêu đề');
  });

  it('imports into agencies only, and a default division of that agency', async () => {
    const intoDivision = await upload(justiceAdmin, province.justiceControl.id, handMade);
    expect(intoDivision.statusCode).toBe(400);
    expect(intoDivision.json().message).toContain('không phải là cơ quan');
    const foreignDivision = await upload(provinceAdmin, province.justice.id, handMade, {
      divisionId: province.homeBoard.id,
    });
    expect(foreignDivision.statusCode).toBe(400);
    expect(foreignDivision.json().fields[0]).toMatchObject({
      field: 'divisionId',
      label: 'Bộ phận mặc định',
    });
  });
});

describe('column mapping', () => {
  it('requires the ID number and name columns', async () => {
    const response = await justiceAdmin.post(`/api/imports/${uploaded.id}/check`, {
      mapping: { personalIdNumber: 2 },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().fields).toContainEqual(
      expect.objectContaining({ field: 'mapping.fullName', label: 'Họ và tên' }),
    );
  });

  it('rejects one column mapped to two fields', async () => {
    const response = await justiceAdmin.post(`/api/imports/${uploaded.id}/check`, {
      mapping: { ...uploaded.mapping, positionName: 3 },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().fields[0].message).toContain('đã được ghép cho "Họ và tên"');
  });

  it('refuses to import before a dry run', async () => {
    const response = await justiceAdmin.post(`/api/imports/${uploaded.id}/run`);
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('IMPORT_NOT_CHECKED');
  });
});

describe('dry run', () => {
  it('reads the month-first column wrongly until its format is declared', async () => {
    const checked = await check(justiceAdmin, uploaded.id, { mapping: uploaded.mapping, dateFormats: {} });
    const birthDates = checked.problems.filter(
      (problem) => problem.column === 'D' && problem.level === 'error',
    );
    expect(birthDates.map((problem) => problem.row)).toEqual([5, 6, 7]);
    expect(birthDates[0]!.message).toContain('đổi định dạng ngày của cột');
  });

  it('reports every problem by row and column once the mapping is adjusted', async () => {
    const checked = await check(justiceAdmin, uploaded.id, {
      mapping: { ...uploaded.mapping, currentAgencyJoinDate: 14 },
      dateFormats: { birthDate: 'mdy' },
    });
    expect(checked.phase).toBe('checked');
    expect(checked.checkedCurrent).toBe(true);
    expect(checked.rowsTotal).toBe(5);
    expect(checked.counts).toEqual({ create: 2, update: 0, unchanged: 0, failed: 3 });

    const errors = checked.problems.filter((problem) => problem.level === 'error');
    expect(errors.map((problem) => [problem.row, problem.column])).toEqual([
      [7, 'D'],
      [8, 'B'],
      [9, 'B'],
    ]);
    expect(errors[0]!.message).toContain('không đủ 4 chữ số');
    expect(errors[1]!.message).toContain('không thuộc Sở Tư pháp');
    expect(errors[2]!.message).toContain('chờ phê duyệt');
  });

  it('lists every problem through the problems route', async () => {
    const response = await justiceAdmin.get(`/api/imports/${uploaded.id}/problems`);
    expect(response.statusCode).toBe(200);
    expect(response.json().total).toBe(response.json().problems.length);
    expect(response.json().problems.length).toBeGreaterThanOrEqual(3);
  });
});

describe('import', () => {
  it('writes the good rows with normalised text and parsed numbers', async () => {
    const imported = await runImport(justiceAdmin, uploaded.id);
    expect(imported.phase).toBe('imported');
    expect(imported.counts).toEqual({ create: 2, update: 0, unchanged: 0, failed: 3 });

    const db = app.database.db;
    const rows = await db
      .selectFrom('record_versions as v')
      .innerJoin('people as p', 'p.id', 'v.person_id')
      .select(['p.full_name', 'v.data'])
      .where('p.personal_id_number', 'in', ['044186000001', '044190000002'])
      .orderBy('p.personal_id_number')
      .execute();
    expect(rows.map((row) => row.full_name)).toEqual(['Đỗ Minh Khang', 'Vũ Thị Hằng']);
    expect(rows[1]!.full_name).toBe('Vũ Thị Hằng'.normalize('NFC'));

    const khang = rows[0]!.data as Record<string, Record<string, unknown>>;
    expect(khang.identity).toMatchObject({ birthDate: '1986-06-15', gender: 'male', ethnicityCode: '01' });
    expect(khang.places!.hometown).toEqual({ provinceCode: '44', detail: 'Thôn Một' });
    expect(khang.employment).toMatchObject({
      divisionId: province.justiceControl.id,
      currentAgencyJoinDate: '2015-02-01',
      employmentType: 'civil_servant',
    });
    expect(khang.salary).toMatchObject({ salaryStep: 3, coefficient: 3, stepStartDate: '2023-07-01' });

    const hang = rows[1]!.data as Record<string, Record<string, unknown>>;
    expect(hang.identity).toMatchObject({ birthDate: '1990-12-31', gender: 'female' });
    expect(hang.salary).toMatchObject({
      rankKind: 'professional_title',
      salaryStep: 2,
      coefficient: 2.67,
      stepStartDate: '2024-01-01',
    });
  });

  it('refuses to run the finished import twice', async () => {
    const response = await justiceAdmin.post(`/api/imports/${uploaded.id}/run`);
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('IMPORT_DONE');
  });

  it('lists the agency imports', async () => {
    const response = await justiceAdmin.get(`/api/units/${province.justice.id}/imports`);
    expect(response.statusCode).toBe(200);
    expect(response.json()[0]).toMatchObject({
      id: uploaded.id,
      phase: 'imported',
      createdByName: 'tp.admin',
    });
  });
});

describe('a row that meets a concurrent import', () => {
  it('fails alone, and the rest of its batch is imported', async () => {
    const db = app.database.db;
    const conflicting = '044188000031';
    // Stands in for another import that inserts the same person between this row's check and its
    // insert: PostgreSQL reports that race as a unique violation (23505) on the insert.
    await sql`
      create function raise_import_race() returns trigger language plpgsql as $$
      begin
        if new.personal_id_number = ${sql.lit(conflicting)} then
          raise unique_violation using message = 'people_personal_id_number_key';
        end if;
        return new;
      end $$`.execute(db);
    await sql`create trigger import_race before insert on people for each row execute function raise_import_race()`.execute(
      db,
    );
    try {
      const people = [
        ['044188000030', 'Lê Văn Trước', 'Nam', '01/02/1988'],
        [conflicting, 'Lê Văn Tranh', 'Nam', '02/02/1988'],
        ['044188000032', 'Lê Thị Sau', 'Nữ', '03/02/1988'],
      ];
      const file = await filledTemplate(
        people.map(([idNumber, name, gender, birthDate]) => ({
          'Số định danh cá nhân': idNumber!,
          'Họ và tên': name!,
          'Giới tính': gender!,
          'Ngày sinh': birthDate!,
          'Dân tộc': '01 - Kinh',
          'Mã bộ phận': '112001 - Ban Lãnh đạo',
          'Cán bộ, công chức, viên chức': 'Công chức',
        })),
      );

      const uploadedFile = await upload(justiceAdmin, province.justice.id, file);
      expect(uploadedFile.statusCode, uploadedFile.body).toBe(201);
      const job = uploadedFile.json() as ImportJob;
      const checked = await check(justiceAdmin, job.id, { mapping: job.mapping, dateFormats: {} });
      expect(checked.counts).toEqual({ create: 3, update: 0, unchanged: 0, failed: 0 });
      const imported = await runImport(justiceAdmin, job.id);
      expect(imported.phase, imported.error ?? '').toBe('imported');
      expect(imported.counts).toEqual({ create: 2, update: 0, unchanged: 0, failed: 1 });

      const problems = await justiceAdmin.get(`/api/imports/${job.id}/problems`);
      expect(JSON.stringify(problems.json())).toContain('vừa được một lần nhập khác');
      const written = await db
        .selectFrom('people')
        .select('personal_id_number')
        .where('personal_id_number', 'in', ['044188000030', conflicting, '044188000032'])
        .orderBy('personal_id_number')
        .execute();
      expect(written.map((row) => row.personal_id_number)).toEqual(['044188000030', '044188000032']);
      const audited = await db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<number>().as('rows'))
        .where('action', '=', 'record.import')
        .where(sql<boolean>`detail->>'importId' = ${String(job.id)}`)
        .executeTakeFirstOrThrow();
      expect(Number(audited.rows)).toBe(2);
    } finally {
      await sql`drop trigger import_race on people`.execute(db);
      await sql`drop function raise_import_race()`.execute(db);
    }
  });
});

describe('template', () => {
  it('has the headers, the hidden code lists and drop-down lists', async () => {
    const response = await justiceAdmin.get(`/api/units/${province.justice.id}/imports/template`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toContain('.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);

    const sheet = workbook.getWorksheet('Hồ sơ')!;
    expect(sheet.getCell('A3').value).toBe('STT');
    expect(sheet.getCell('B3').value).toBe('Số định danh cá nhân (*)');
    expect(sheet.getCell('C3').value).toBe('Họ và tên (*)');
    expect(sheet.getCell('A1').isMerged).toBe(true);

    const lists = workbook.getWorksheet('DanhMuc')!;
    expect(lists.state).toBe('hidden');
    const listValues: string[] = [];
    lists.eachRow((row) => row.eachCell((cell) => listValues.push(String(cell.value))));
    expect(listValues).toContain('01 - Kinh');
    expect(listValues).toContain('112011 - Phòng Kiểm soát thủ tục hành chính');
    expect(listValues).toContain('01.003 - Chuyên viên');

    const validations = (
      sheet as unknown as { dataValidations: { model: Record<string, { formulae: string[] }> } }
    ).dataValidations.model;
    const ethnicColumn = String.fromCharCode(64 + 1 + 12);
    expect(validations[`${ethnicColumn}4`]?.formulae[0]).toMatch(/^DanhMuc!\$[A-Z]+\$2:\$[A-Z]+\$\d+$/);
  });

  it('imports a filled-in template', async () => {
    const filled = await filledTemplate([
      {
        'Số định danh cá nhân': '044187000010',
        'Họ và tên': 'Tô Thị Mẫu',
        'Giới tính': 'Nữ',
        'Ngày sinh': '07/08/1987',
        'Dân tộc': '01 - Kinh',
        'Mã bộ phận': '112001 - Ban Lãnh đạo',
        'Cán bộ, công chức, viên chức': 'Công chức',
      },
    ]);

    const result = await importFile(provinceAdmin, province.justice.id, filled);
    expect(result.uploaded.headerRow).toBe(3);
    expect(result.imported.counts).toEqual({ create: 1, update: 0, unchanged: 0, failed: 0 });
    const membership = await app.database.db
      .selectFrom('memberships as m')
      .innerJoin('people as p', 'p.id', 'm.person_id')
      .select(['m.agency_id', 'm.division_id'])
      .where('p.personal_id_number', '=', '044187000010')
      .executeTakeFirstOrThrow();
    expect(membership).toEqual({ agency_id: province.justice.id, division_id: province.justiceBoard.id });
  });
});
