import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportJob } from '../../../common/schemas/import.ts';
import { makeSmallProvince } from '../../test/factories.ts';
import { startTestApp, type TestApp, type TestClient } from '../../test/harness.ts';
import { personWithRecord, recordInput } from '../due-lists/due-lists.fixtures.ts';
import {
  check,
  importFile,
  libreOfficeCsv,
  libreOfficeXlsx,
  runImport,
  upload,
  waitForJob,
  withMergedTitleRow,
} from './import.fixtures.ts';

// An import file as a unit makes it: a CSV with dd/mm/yyyy text dates and ID numbers with a
// leading zero, saved as .xlsx by LibreOffice Calc. Calc stores the ID numbers as numbers, so
// they lose the zero, and the ethnic code "01" as the number 1. exceljs then puts a merged title
// row above the header, because a CSV cannot carry merged cells. One row has a date that does
// not exist.

const HEADER =
  'STT,Số định danh cá nhân,Họ và tên,Giới tính,Ngày sinh,Dân tộc,"Cán bộ, công chức, viên chức",Mã bộ phận,"Mã ngạch, chức danh nghề nghiệp",Bậc lương,Hệ số lương,Ngày hưởng bậc lương,Ngày tuyển dụng lần đầu';
const ROWS = [
  '1,044185000111,Nguyễn Thị Ánh,Nữ,15/06/1985,01,Công chức,112011,01.003,3,"3,00",01/07/2023,01/09/2010',
  '2,079190000222,Trần Văn Bảo,Nam,02/01/1990,01,Công chức,112001,01.003,2,"2,67",15/03/2024,01/03/2016',
  '3,001188000333,Lê Hoàng Cúc,Nữ,29/02/1988,01,Viên chức,112011,V.07.01.03,4,"3,33",01/12/2022,15/08/2011',
  '4,044180000444,Phạm Văn Đông,Nam,20/11/1980,01,Công chức,112011,01.003,5,"3,66",01/01/2024,01/06/2005',
  '5,044192000555,Hồ Thị Sai,Nữ,31/02/1992,01,Công chức,112011,01.003,1,"2,34",01/10/2025,01/10/2025',
  '6,044183000666,Đặng Văn Sáu,Nam,10/10/1983,01,Công chức,112001,01.003,4,"3,33",01/04/2022,01/04/2008',
];
// Column formats: standard for everything, text for the name, gender, birth date, type and rank
// code columns, DMY dates for the step and recruitment dates (LibreOffice makes real dates).
const FORMATS = '1/1/2/1/3/2/4/2/5/2/6/1/7/2/8/1/9/2/10/1/11/1/12/4/13/4';

let app: TestApp;
let province: Awaited<ReturnType<typeof makeSmallProvince>>;
let justiceAdmin: TestClient;
let homeAdmin: TestClient;
let file: Buffer;
let existingId: number;
let first: { uploaded: ImportJob; checked: ImportJob; imported: ImportJob };

beforeAll(async () => {
  app = await startTestApp();
  const db = app.database.db;
  province = await makeSmallProvince(db);
  const place = { agencyId: province.justice.id, divisionId: province.justiceControl.id };
  const existing = recordInput(place, {
    fullName: 'Phạm Văn Đông',
    birthDate: '1980-11-20',
    salary: {
      rankKind: 'grade',
      rankCode: '01.003',
      salaryGroup: 'A1',
      salaryStep: 4,
      coefficient: 3.33,
      stepStartDate: '2021-01-01',
    },
  });
  existing.identity = { ...existing.identity, personalIdNumber: '044180000444' };
  existing.family = {
    ownSide: [{ relation: 'Mẹ', fullName: 'Phạm Thị Mẹ', birthYear: 1955 }],
    spouseSide: [],
  };
  existingId = (await personWithRecord(db, place, existing)).personId;

  justiceAdmin = await app.signIn('tp.admin@test.gov.vn');
  homeAdmin = await app.signIn('nv.admin@test.gov.vn');
  const converted = await libreOfficeXlsx(`${[HEADER, ...ROWS].join('\n')}\n`, FORMATS);
  file = await withMergedTitleRow(converted, 'DANH SÁCH HỒ SƠ CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC SỞ TƯ PHÁP');
  first = await importFile(justiceAdmin, province.justice.id, file);
}, 180_000);

afterAll(async () => {
  await app.close();
});

async function snapshot() {
  const db = app.database.db;
  const count = async (table: 'people' | 'record_versions' | 'memberships' | 'person_records') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    people: await count('people'),
    versions: await count('record_versions'),
    memberships: await count('memberships'),
  };
}

describe('LibreOffice file', () => {
  it('finds the header under the merged title row', () => {
    expect(first.uploaded.headerRow).toBe(2);
    expect(first.uploaded.mapping).toMatchObject({
      personalIdNumber: 2,
      fullName: 3,
      birthDate: 5,
      employmentType: 7,
      rankCode: 9,
      stepStartDate: 12,
    });
  });

  it('reports the bad row by row and column in the dry run', () => {
    expect(first.checked.counts).toEqual({ create: 4, update: 1, unchanged: 0, failed: 1 });
    const errors = first.checked.problems.filter((problem) => problem.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ row: 7, column: 'E', header: 'Ngày sinh' });
    expect(errors[0]!.message).toContain('Cột "Ngày sinh" (E)');
    expect(errors[0]!.message).toContain('31/02/1992');
    expect(errors[0]!.message).toContain('không có thật');
  });

  it('warns about ID numbers that lost their leading zero', () => {
    const warnings = first.checked.problems.filter(
      (problem) => problem.level === 'warning' && problem.column === 'B',
    );
    expect(warnings.map((warning) => warning.row)).toEqual([3, 4, 5, 6, 7, 8]);
    expect(warnings[0]!.message).toContain('044185000111');
  });

  it('imports every good row and skips the bad one', async () => {
    expect(first.imported.counts).toEqual({ create: 4, update: 1, unchanged: 0, failed: 1 });
    const db = app.database.db;
    const people = await db
      .selectFrom('people')
      .select(['personal_id_number', 'full_name', 'birth_date'])
      .where('personal_id_number', 'in', [
        '044185000111',
        '079190000222',
        '001188000333',
        '044180000444',
        '044183000666',
        '044192000555',
      ])
      .orderBy('personal_id_number')
      .execute();
    expect(people).toEqual([
      { personal_id_number: '001188000333', full_name: 'Lê Hoàng Cúc', birth_date: '1988-02-29' },
      { personal_id_number: '044180000444', full_name: 'Phạm Văn Đông', birth_date: '1980-11-20' },
      { personal_id_number: '044183000666', full_name: 'Đặng Văn Sáu', birth_date: '1983-10-10' },
      { personal_id_number: '044185000111', full_name: 'Nguyễn Thị Ánh', birth_date: '1985-06-15' },
      { personal_id_number: '079190000222', full_name: 'Trần Văn Bảo', birth_date: '1990-01-02' },
    ]);
  });

  it('stores approved versions signed by the importing admin', async () => {
    const db = app.database.db;
    const version = await db
      .selectFrom('record_versions as v')
      .innerJoin('people as p', 'p.id', 'v.person_id')
      .select(['v.source', 'v.approved_by_account_id', 'v.data', 'v.person_id'])
      .where('p.personal_id_number', '=', '044185000111')
      .executeTakeFirstOrThrow();
    expect(version.source).toBe('import');
    expect(version.approved_by_account_id).toBe(province.accounts.justiceAdmin.id);
    const data = version.data as {
      salary: Record<string, unknown>;
      employment: Record<string, unknown>;
      identity: Record<string, unknown>;
    };
    expect(data.salary).toMatchObject({
      rankKind: 'grade',
      rankCode: '01.003',
      salaryGroup: 'A1',
      salaryStep: 3,
      coefficient: 3,
      stepStartDate: '2023-07-01',
    });
    expect(data.employment).toMatchObject({
      agencyId: province.justice.id,
      divisionId: province.justiceControl.id,
      firstRecruitmentDate: '2010-09-01',
    });
    expect(data.identity).toMatchObject({ ethnicityCode: '01', gender: 'female' });

    const membership = await db
      .selectFrom('memberships')
      .selectAll()
      .where('person_id', '=', version.person_id)
      .executeTakeFirstOrThrow();
    expect(membership).toMatchObject({
      agency_id: province.justice.id,
      division_id: province.justiceControl.id,
      valid_to: null,
    });

    const audit = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'record.import')
      .where('entity_id', '=', String(version.person_id))
      .executeTakeFirstOrThrow();
    expect(audit.actor_account_id).toBe(province.accounts.justiceAdmin.id);
    expect(audit.detail).toMatchObject({ importId: first.uploaded.id, rowNumber: 3, created: true });
  });

  it('updates the existing person and keeps what the file does not hold', async () => {
    const db = app.database.db;
    const versions = await db
      .selectFrom('record_versions')
      .select(['version_no', 'source', 'data'])
      .where('person_id', '=', existingId)
      .orderBy('version_no')
      .execute();
    expect(versions.map((version) => [version.version_no, version.source])).toEqual([
      [1, 'declaration'],
      [2, 'import'],
    ]);
    const data = versions[1]!.data as {
      salary: Record<string, unknown>;
      family: { ownSide: Array<{ fullName: string }> };
    };
    expect(data.salary).toMatchObject({ salaryStep: 5, coefficient: 3.66, stepStartDate: '2024-01-01' });
    expect(data.family.ownSide.map((row) => row.fullName)).toEqual(['Phạm Thị Mẹ']);
  });

  it('changes nothing when the same file is imported again', async () => {
    const before = await snapshot();
    const again = await importFile(justiceAdmin, province.justice.id, file);
    expect(again.uploaded.previousImport?.id).toBe(first.uploaded.id);
    expect(again.checked.counts).toEqual({ create: 0, update: 0, unchanged: 5, failed: 1 });
    expect(again.imported.counts).toEqual({ create: 0, update: 0, unchanged: 5, failed: 1 });
    expect(await snapshot()).toEqual(before);
  });
});

describe('template', () => {
  it('opens in LibreOffice Calc with its headers', async () => {
    const template = await justiceAdmin.get(`/api/units/${province.justice.id}/imports/template`);
    expect(template.statusCode).toBe(200);
    const lines = (await libreOfficeCsv(template.rawPayload)).split('\n');
    expect(lines[0]).toContain('DANH SÁCH HỒ SƠ CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC - 112 Sở Tư pháp');
    expect(lines[2]).toMatch(/^STT,Số định danh cá nhân \(\*\),Họ và tên \(\*\),Giới tính,Ngày sinh,/);
  });
});

describe('another agency', () => {
  it('cannot upload into agency 112 nor get its template or list', async () => {
    expect((await upload(homeAdmin, province.justice.id, file)).statusCode).toBe(404);
    expect((await homeAdmin.get(`/api/units/${province.justice.id}/imports/template`)).statusCode).toBe(404);
    expect((await homeAdmin.get(`/api/units/${province.justice.id}/imports`)).statusCode).toBe(404);
  });

  it('cannot read, check or run an import of agency 112', async () => {
    const jobId = first.uploaded.id;
    expect((await homeAdmin.get(`/api/imports/${jobId}`)).statusCode).toBe(404);
    expect((await homeAdmin.get(`/api/imports/${jobId}/problems`)).statusCode).toBe(404);
    expect(
      (await homeAdmin.post(`/api/imports/${jobId}/check`, { mapping: first.uploaded.mapping })).statusCode,
    ).toBe(404);
    expect((await homeAdmin.post(`/api/imports/${jobId}/run`)).statusCode).toBe(404);
  });

  it('cannot run a job of agency 112 that is checked and waiting', async () => {
    const uploaded = (await upload(justiceAdmin, province.justice.id, file)).json() as ImportJob;
    const checked = await check(justiceAdmin, uploaded.id, { mapping: uploaded.mapping, dateFormats: {} });
    expect(checked.checkedCurrent).toBe(true);
    expect((await homeAdmin.post(`/api/imports/${uploaded.id}/run`)).statusCode).toBe(404);
    expect((await waitForJob(justiceAdmin, uploaded.id)).phase).toBe('checked');
    expect((await runImport(justiceAdmin, uploaded.id)).counts.unchanged).toBe(5);
  });
});
