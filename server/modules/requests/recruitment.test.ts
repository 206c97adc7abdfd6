import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSmallProvince } from '../../test/factories.ts';
import { startTestApp, type TestApp, type TestClient } from '../../test/harness.ts';
import { verifyPassword } from '../auth/password.ts';
import { declareAndSubmit, validRecordData } from '../declarations/declarations.fixtures.ts';

let testApp: TestApp;
let province: Awaited<ReturnType<typeof makeSmallProvince>>;

beforeAll(async () => {
  testApp = await startTestApp();
  province = await makeSmallProvince(testApp.database.db);
});

afterAll(async () => {
  await testApp?.close();
});

// Sign-ins are rate limited, so each account signs in once per file.
const clients = new Map<string, Promise<TestClient>>();
function as(email: string): Promise<TestClient> {
  if (!clients.has(email)) clients.set(email, testApp.signIn(email));
  return clients.get(email)!;
}

const RECRUITS = [
  'Nguyễn Thị Ánh',
  'Trần Văn Bảo',
  'Lê Thị Cúc',
  'Phạm Văn Dũng',
  'Hoàng Thị Êm',
  'Vũ Văn Giáp',
  'Đỗ Thị Hằng',
  'Bùi Văn Khang',
  'Đặng Thị Liên',
  'Ngô Văn Mạnh',
].map((fullName, index) => ({ fullName, email: `tuyen.dung.${index + 1}@test.gov.vn` }));

/** Builds a recruits list as an agency would send it: a title row, then the header, then one row each. */
async function recruitsWorkbook(extraRows: Array<[string, string, string?]>): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Danh sách');
  sheet.addRow(['DANH SÁCH NGƯỜI ĐƯỢC TUYỂN DỤNG NĂM 2025']);
  sheet.addRow(['STT', 'Họ và tên', 'Thư điện tử công vụ', 'Mã bộ phận']);
  RECRUITS.forEach((recruit, index) => {
    const row = sheet.addRow([index + 1, recruit.fullName, recruit.email, index === 0 ? '112011' : '']);
    // Mail programs paste addresses as hyperlinks; the cell text is what counts.
    if (index === 1)
      row.getCell(3).value = { text: recruit.email.toUpperCase(), hyperlink: `mailto:${recruit.email}` };
  });
  sheet.addRow([]);
  for (const [index, [fullName, email, divisionCode]] of extraRows.entries()) {
    sheet.addRow([RECRUITS.length + index + 1, fullName, email, divisionCode ?? '']);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
}

describe('recruits from an Excel list', () => {
  it('previews each row with its errors', async () => {
    const admin = await as('tp.admin@test.gov.vn');
    const fileBase64 = await recruitsWorkbook([
      ['Trùng Địa Chỉ', RECRUITS[2]!.email],
      ['Sai Địa Chỉ', 'khong-phai-email'],
      ['', 'thieu.ten@test.gov.vn'],
      ['Đã Có Tài Khoản', 'tp.canbo@test.gov.vn'],
      ['Sai Bộ Phận', 'sai.bo.phan@test.gov.vn', '113001'],
    ]);
    const response = await admin.post('/api/requests/recruitment-preview', {
      agencyId: province.justice.id,
      fileBase64,
    });
    expect(response.statusCode, response.body).toBe(200);
    const preview = response.json();
    expect(preview.fileErrors).toEqual([]);
    expect(preview.validCount).toBe(10);
    expect(preview.errorCount).toBe(5);

    const byName = new Map(preview.rows.map((row: { fullName: string }) => [row.fullName, row]));
    expect(byName.get('Nguyễn Thị Ánh')).toMatchObject({
      rowNumber: 3,
      divisionId: province.justiceControl.id,
      errors: [],
    });
    expect(byName.get('Trần Văn Bảo')).toMatchObject({ email: 'tuyen.dung.2@test.gov.vn', errors: [] });
    expect(byName.get('Trùng Địa Chỉ')).toMatchObject({ errors: ['Trùng thư điện tử với dòng 5.'] });
    expect((byName.get('Sai Địa Chỉ') as { errors: string[] }).errors[0]).toContain('không hợp lệ');
    expect((byName.get('') as { errors: string[] }).errors).toEqual(['Thiếu họ và tên.']);
    expect((byName.get('Đã Có Tài Khoản') as { errors: string[] }).errors).toEqual([
      'Thư điện tử này đã có tài khoản.',
    ]);
    expect((byName.get('Sai Bộ Phận') as { errors: string[] }).errors[0]).toContain('113001');
  });

  it('reports a file without a header row', async () => {
    const admin = await as('tp.admin@test.gov.vn');
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Trống').addRow(['Không có tiêu đề', 'x']);
    const fileBase64 = Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
    const preview = (
      await admin.post('/api/requests/recruitment-preview', { agencyId: province.justice.id, fileBase64 })
    ).json();
    expect(preview.rows).toEqual([]);
    expect(preview.fileErrors[0]).toContain('Họ và tên');

    const broken = (
      await admin.post('/api/requests/recruitment-preview', {
        agencyId: province.justice.id,
        fileBase64: Buffer.from('not a workbook').toString('base64'),
      })
    ).json();
    expect(broken.fileErrors[0]).toContain('.xlsx');
  });

  it('refuses another agency’s preview', async () => {
    const admin = await as('nv.admin@test.gov.vn');
    const response = await admin.post('/api/requests/recruitment-preview', {
      agencyId: province.justice.id,
      recruits: [],
    });
    expect(response.statusCode).toBe(404);
  });

  it('serves the template that reads back', async () => {
    const admin = await as('tp.admin@test.gov.vn');
    const response = await admin.get('/api/requests/recruitment-template');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    const preview = (
      await admin.post('/api/requests/recruitment-preview', {
        agencyId: province.justice.id,
        fileBase64: response.rawPayload.toString('base64'),
      })
    ).json();
    expect(preview.fileErrors).toEqual(['Tệp không có dòng dữ liệu nào dưới dòng tiêu đề.']);
  });

  it('creates ten accounts that must change the default password', async () => {
    const admin = await as('tp.admin@test.gov.vn');
    const preview = (
      await admin.post('/api/requests/recruitment-preview', {
        agencyId: province.justice.id,
        fileBase64: await recruitsWorkbook([]),
      })
    ).json();
    const recruits = preview.rows.map(
      (row: { fullName: string; email: string; divisionId: number | null }) => ({
        fullName: row.fullName,
        email: row.email,
        ...(row.divisionId ? { divisionId: row.divisionId } : {}),
      }),
    );
    const filed = await admin.post('/api/requests', {
      kind: 'recruitment',
      agencyId: province.justice.id,
      details: { recruits, decisionNumber: '120/QĐ-SNV', decisionDate: '2025-08-01' },
    });
    expect(filed.statusCode, filed.body).toBe(201);
    expect(filed.json().summary).toContain('Tuyển dụng mới 10 người');

    const snv = await as('snv.admin@test.gov.vn');
    const processed = await snv.post(`/api/requests/${filed.json().id}/process`, {
      rowVersion: filed.json().rowVersion,
    });
    expect(processed.statusCode, processed.body).toBe(200);
    const created = processed.json().createdAccounts;
    expect(created).toHaveLength(10);

    const db = testApp.database.db;
    for (const account of created) {
      const row = await db
        .selectFrom('accounts')
        .selectAll()
        .where('id', '=', account.accountId)
        .executeTakeFirstOrThrow();
      expect(row.must_change_password, account.email).toBe(true);
      expect(row.home_unit_id).toBe(province.justice.id);
      expect(row.person_id).not.toBeNull();
      expect(await verifyPassword(row.password_hash!, account.initialPassword)).toBe(true);
    }
    const stored = JSON.stringify(processed.json().request.result);
    expect(stored).not.toContain(created[0].initialPassword);

    const signIn = await testApp.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: created[0].email, password: created[0].initialPassword },
      remoteAddress: '127.0.0.21',
    });
    expect(signIn.statusCode, signIn.body).toBe(200);
    expect(signIn.json().mustChangePassword).toBe(true);
  });

  it('lets a recruit make the first declaration', async () => {
    const snv = await as('snv.admin@test.gov.vn');
    const admin = await as('tp.admin@test.gov.vn');
    const filed = await admin.post('/api/requests', {
      kind: 'recruitment',
      agencyId: province.justice.id,
      details: { recruits: [{ fullName: 'Lạc Thị Xuân', email: 'lt.xuan@test.gov.vn' }] },
    });
    const processed = (
      await snv.post(`/api/requests/${filed.json().id}/process`, { rowVersion: filed.json().rowVersion })
    ).json();
    const [account] = processed.createdAccounts;

    const signIn = await testApp.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: account.email, password: account.initialPassword },
      remoteAddress: '127.0.0.22',
    });
    const cookie = signIn.cookies.find((item) => item.name === 'hoso_session')!.value;
    const headers = { cookie: `hoso_session=${cookie}`, 'x-csrf-token': signIn.json().csrfToken };
    const blocked = await testApp.app.inject({ method: 'GET', url: '/api/me/declaration', headers });
    expect(blocked.json().code).toBe('PASSWORD_CHANGE_REQUIRED');
    const changed = await testApp.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers,
      payload: { currentPassword: account.initialPassword, newPassword: 'Tuyen-dung-moi-2025!' },
      remoteAddress: '127.0.0.22',
    });
    expect(changed.statusCode, changed.body).toBe(200);

    const recruit = await testApp.signIn(account.email, 'Tuyen-dung-moi-2025!');
    const submitted = await declareAndSubmit(
      recruit,
      '/api/me/declaration',
      validRecordData(
        { agencyId: province.justice.id, divisionId: province.justiceBoard.id },
        'Lạc Thị Xuân',
      ),
    );
    const approver = await as('tp.duyet@test.gov.vn');
    const decided = await approver.post(`/api/declarations/${submitted.id}/decision`, {
      decision: 'approve',
      rowVersion: submitted.rowVersion,
    });
    expect(decided.statusCode, decided.body).toBe(200);
    const people = (await admin.get(`/api/units/${province.justiceBoard.id}/people`)).json();
    expect(people.items.map((item: { fullName: string }) => item.fullName)).toContain('Lạc Thị Xuân');
  });

  it('refuses a recruit whose e-mail already has an account', async () => {
    const admin = await as('tp.admin@test.gov.vn');
    const response = await admin.post('/api/requests', {
      kind: 'recruitment',
      agencyId: province.justice.id,
      details: {
        recruits: [
          { fullName: 'Một', email: 'mot@test.gov.vn' },
          { fullName: 'Hai', email: 'tuyen.dung.3@test.gov.vn' },
        ],
      },
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().fields[0].field).toBe('details.recruits.1.email');
  });
});
