import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordData } from '../../../common/schemas/record.ts';
import { makeSmallProvince } from '../../test/factories.ts';
import { startTestApp, type TestApp, type TestClient } from '../../test/harness.ts';
import { writeApprovedVersion } from '../records/records.repository.ts';
import { findSoffice } from './cv-pdf.ts';
import { cvRecordData, docxPart, paragraphsOf, pdfText } from './documents.fixtures.ts';

let test: TestApp;
let province: Awaited<ReturnType<typeof makeSmallProvince>>;
let recordPersonId: number;
let draftPersonId: number;
let blankPersonId: number;
let provinceAdmin: TestClient;
let justiceAdmin: TestClient;
let justiceApprover: TestClient;
let homeAdmin: TestClient;
let self: TestClient;

beforeAll(async () => {
  test = await startTestApp();
  const db = test.database.db;
  province = await makeSmallProvince(db);
  const place = { agencyId: province.justice.id, divisionId: province.justiceControl.id };

  // tp.canbo@test.gov.vn is linked to justicePeople[1], whose record is approved.
  recordPersonId = province.justicePeople[1]!.id;
  await db.transaction().execute((trx) =>
    writeApprovedVersion(trx, {
      personId: recordPersonId,
      data: recordData.parse(cvRecordData(place)),
      source: 'import',
      declarationId: null,
      approvedBy: null,
    }),
  );

  draftPersonId = province.justicePeople[2]!.id;
  const draft = recordData.parse({
    ...cvRecordData(place),
    identity: { ...cvRecordData(place).identity, fullName: 'Lê Văn Cường', personalIdNumber: '079188000999' },
  });
  await db
    .insertInto('declarations')
    .values({ person_id: draftPersonId, status: 'draft', data: JSON.stringify(draft) })
    .execute();

  blankPersonId = province.justicePeople[0]!.id;

  provinceAdmin = await test.signIn('snv.admin@test.gov.vn');
  justiceAdmin = await test.signIn('tp.admin@test.gov.vn');
  justiceApprover = await test.signIn('tp.duyet@test.gov.vn');
  homeAdmin = await test.signIn('nv.admin@test.gov.vn');
  self = await test.signIn('tp.canbo@test.gov.vn');
});
afterAll(async () => {
  await test.close();
});

function indexOfStart(paragraphs: string[], prefix: string): number {
  return paragraphs.findIndex((text) => text.startsWith(prefix));
}

/** Asserts that every prefix starts a paragraph, in the given order. */
function expectInOrder(paragraphs: string[], prefixes: string[]): void {
  let previous = -1;
  for (const prefix of prefixes) {
    const index = indexOfStart(paragraphs, prefix);
    expect(index, `"${prefix}" is missing`).toBeGreaterThan(-1);
    expect(index, `"${prefix}" is out of order`).toBeGreaterThan(previous);
    previous = index;
  }
}

describe('Mẫu 2C-BNV/2008 as Word', () => {
  it('prints every item in the order of the form', async () => {
    const response = await self.get(`/api/people/${recordPersonId}/cv?form=2c&format=docx`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('wordprocessingml');
    expect(String(response.headers['content-disposition'])).toContain(
      "filename*=UTF-8''S%C6%A1%20y%E1%BA%BFu",
    );

    const paragraphs = paragraphsOf(docxPart(response.rawPayload, 'word/document.xml'));
    expect(paragraphs[0]).toBe('Mẫu 2C-BNV/2008');
    expectInOrder(paragraphs, [
      'Cơ quan, đơn vị có thẩm quyền quản lý CBCC: UBND tỉnh Thử Nghiệm',
      'Cơ quan, đơn vị sử dụng CBCC: Phòng Kiểm soát thủ tục hành chính - Sở Tư pháp',
      'SƠ YẾU LÝ LỊCH CÁN BỘ, CÔNG CHỨC',
      'Ảnh màu (4 x 6 cm)',
      '1) Họ và tên khai sinh (viết chữ in hoa): TRẦN THỊ BÌNH',
      '2) Tên gọi khác: Bình Nhi',
      '3) Sinh ngày 12 tháng 03 năm 1988; Giới tính (nam, nữ): Nữ',
      '4) Nơi sinh: Bệnh viện Đa khoa, Tỉnh Quảng Trị',
      '5) Quê quán: Thôn Đông Hà, Tỉnh Quảng Trị',
      '6) Dân tộc: Mường',
      '7) Tôn giáo: Không theo tôn giáo nào',
      '8) Nơi đăng ký hộ khẩu thường trú: Số 12 đường Lê Lợi, Tỉnh Quảng Trị',
      '9) Nơi ở hiện nay: Số 12 đường Lê Lợi',
      '10) Nghề nghiệp khi được tuyển dụng: Sinh viên',
      '11) Ngày tuyển dụng: 01/09/2012; Cơ quan tuyển dụng: Sở Tư pháp',
      '12) Chức vụ (chức danh) hiện tại: Phó Trưởng phòng; Thư ký Hội đồng',
      '13) Công việc chính được giao: Kiểm soát thủ tục hành chính',
      '14) Ngạch công chức (viên chức): Chuyên viên; Mã ngạch: 01.003; Bậc lương: 4; Hệ số: 3,33; Ngày hưởng: 01/09/2024; Phụ cấp chức vụ: 0,30',
      '15) Trình độ:',
      '15.1) Trình độ giáo dục phổ thông: 12/12',
      '15.2) Trình độ chuyên môn cao nhất: Đại học Luật',
      '15.3) Lý luận chính trị: Trung cấp lý luận chính trị',
      '15.4) Quản lý nhà nước: Bồi dưỡng theo tiêu chuẩn ngạch Chuyên viên',
      '15.5) Ngoại ngữ: Tiếng Anh: Bậc 3 (B1) - Trung cấp',
      '15.6) Tin học: Chuẩn kỹ năng sử dụng CNTT cơ bản',
      '16) Ngày vào Đảng Cộng sản Việt Nam: 19/05/2015; Ngày chính thức: 19/05/2016',
      '17) Ngày tham gia tổ chức chính trị - xã hội: 26/03/2003',
      '18) Ngày nhập ngũ',
      '19) Danh hiệu được phong tặng cao nhất',
      '20) Sở trường công tác: Soạn thảo văn bản',
      '21) Khen thưởng: Bằng khen của Chủ tịch UBND tỉnh (2023)',
      '22) Kỷ luật: Không',
      '23) Tình trạng sức khỏe: Tốt; Chiều cao: 158 cm; Cân nặng: 50 kg; Nhóm máu: O',
      '24) Là thương binh hạng; là con gia đình chính sách: Con thương binh',
      '25) Số chứng minh nhân dân (căn cước): 079188000123; Ngày cấp: 20/04/2021',
      '26) Số sổ BHXH: 4412345678',
      '27) Đào tạo, bồi dưỡng',
      'Tên trường',
      'Trường Đại học Luật Huế',
      '28) Tóm tắt quá trình công tác:',
      '09/2012 - 12/2021',
      '01/2022 - nay',
      '29) Đặc điểm lịch sử bản thân:',
      '30) Quan hệ gia đình:',
      'a) Về bản thân',
      'Trần Văn Hải',
      'b) Về bên vợ (hoặc chồng)',
      'Phan Văn Tâm',
      '31) Diễn biến quá trình lương của cán bộ, công chức:',
      'Tháng/năm',
      '32) Nhận xét, đánh giá của cơ quan, đơn vị quản lý và sử dụng cán bộ, công chức:',
      'Hoàn thành tốt nhiệm vụ được giao.',
      'Người khai',
      'Tôi xin cam đoan những lời khai trên đây là đúng sự thật',
      'Thủ trưởng cơ quan, đơn vị quản lý và sử dụng CBCC',
    ]);
    expect(paragraphs).toContain('01.003/2');
    expect(paragraphs).toContain('2,67');
  });

  it('uses A4 and Times New Roman without a draft mark', async () => {
    const response = await self.get(`/api/people/${recordPersonId}/cv?form=2c&format=docx`);
    const documentXml = docxPart(response.rawPayload, 'word/document.xml');
    expect(documentXml).toMatch(/<w:pgSz[^>]*w:w="11906"[^>]*w:h="16838"/);
    expect(docxPart(response.rawPayload, 'word/styles.xml')).toContain('Times New Roman');
    expect(documentXml).toContain('w:ascii="Times New Roman"');
    const header = docxPart(response.rawPayload, 'word/header1.xml');
    expect(header).toContain('<w:hdr');
    expect(header).not.toContain('BẢN NHÁP');
  });
});

describe('2023 form as Word', () => {
  it('prints the 38 items in order', async () => {
    const response = await justiceAdmin.get(`/api/people/${recordPersonId}/cv?form=2023&format=docx`);
    expect(response.statusCode).toBe(200);
    const paragraphs = paragraphsOf(docxPart(response.rawPayload, 'word/document.xml'));
    expectInOrder(paragraphs, [
      'Cơ quan quản lý cán bộ, công chức, viên chức: UBND tỉnh Thử Nghiệm',
      'Cơ quan, đơn vị sử dụng cán bộ, công chức, viên chức',
      'Số hiệu: TP-0042',
      'Mã số định danh: 079188000123',
      'SƠ YẾU LÝ LỊCH',
      '1) Họ và tên khai sinh (viết chữ in hoa): TRẦN THỊ BÌNH; Giới tính: Nữ',
      '2) Các tên gọi khác: Bình Nhi',
      '3) Sinh ngày 12 tháng 03 năm 1988',
      '4) Nơi sinh',
      '5) Quê quán',
      '6) Dân tộc: Mường',
      '7) Tôn giáo',
      '8) Số CCCD: 079188000123; Ngày cấp: 20/04/2021; SĐT liên hệ: 0912 345 678',
      '9) Số BHXH: 4412345678; Số thẻ BHYT: GD4441234567890',
      '10) Nơi ở hiện nay',
      '11) Thành phần gia đình xuất thân: Nông dân',
      '12) Nghề nghiệp trước khi được tuyển dụng: Sinh viên',
      '13) Ngày được tuyển dụng lần đầu: 01/09/2012',
      '14) Ngày vào cơ quan hiện đang công tác: 01/09/2012',
      '15) Ngày vào Đảng Cộng sản Việt Nam: 19/05/2015',
      '16) Ngày tham gia tổ chức chính trị - xã hội đầu tiên: 26/03/2003',
      '17) Ngày nhập ngũ',
      '18) Đối tượng chính sách: Con thương binh',
      '19) Trình độ giáo dục phổ thông: 12/12',
      '20) Trình độ chuyên môn cao nhất: Đại học Luật',
      '21) Học hàm',
      '22) Danh hiệu nhà nước phong tặng',
      '23) Chức vụ hiện tại: Phó Trưởng phòng; Ngày bổ nhiệm/ngày phê chuẩn: 15/01/2022',
      '24) Được quy hoạch chức danh: Trưởng phòng',
      '25) Chức vụ kiêm nhiệm: Thư ký Hội đồng',
      '26) Chức vụ Đảng hiện tại: Chi ủy viên',
      '27) Chức vụ Đảng kiêm nhiệm',
      '28) Công việc chính được giao',
      '29) Sở trường công tác: Soạn thảo văn bản; Công việc làm lâu nhất: Chuyên viên pháp chế',
      '30) Tiền lương:',
      '30.1) Ngạch/chức danh nghề nghiệp: Chuyên viên; Mã số: 01.003; Ngày bổ nhiệm ngạch/CDNN: 01/09/2013; Bậc lương: 4; Hệ số: 3,33',
      '30.2) Phụ cấp chức vụ: 0,30',
      '30.3) Vị trí việc làm: Chuyên viên kiểm soát thủ tục hành chính; Mã số: VTVL-12',
      '31) Tình trạng sức khỏe: Tốt; Chiều cao (cm): 158; Cân nặng (kg): 50; Nhóm máu: O',
      '32) Quá trình đào tạo, bồi dưỡng:',
      '32.1) Chuyên môn',
      '32.2) Lý luận chính trị:',
      '32.3) Bồi dưỡng quản lý nhà nước',
      '32.4) Bồi dưỡng kiến thức quốc phòng, an ninh:',
      '32.5) Tin học:',
      '32.6) Ngoại ngữ / tiếng dân tộc:',
      '33) Tóm tắt quá trình công tác:',
      '34) Đặc điểm lịch sử bản thân:',
      '34.1) Khai rõ: bị bắt, bị tù',
      '34.2) Bản thân có làm việc cho chế độ cũ:',
      '34.3) Tham gia hoặc có quan hệ với các tổ chức chính trị, kinh tế, xã hội nào ở nước ngoài:',
      '35) Khen thưởng, kỷ luật:',
      '35.1) Thành tích thi đua, khen thưởng:',
      'Hoàn thành tốt nhiệm vụ',
      '35.2) Kỷ luật Đảng / hành chính:',
      '36) Quan hệ gia đình:',
      '36.1) Về bản thân',
      '36.2) Về bên vợ (hoặc chồng)',
      '37) Hoàn cảnh kinh tế gia đình:',
      '37.1) Quá trình lương của bản thân:',
      '37.2) Các loại phụ cấp khác:',
      '37.3) Nguồn thu nhập chính của gia đình hằng năm:',
      '- Tiền lương: 120.000.000',
      '- Nhà ở: Tự mua, tự xây: Nhà cấp 4, 80 m²',
      '38) Nhận xét, đánh giá của cơ quan, tổ chức, đơn vị sử dụng:',
      'Người khai',
    ]);
  });
});

describe('draft and blank forms', () => {
  it('marks a declaration not yet approved', async () => {
    const response = await justiceApprover.get(`/api/people/${draftPersonId}/cv?form=2c`);
    expect(response.statusCode).toBe(200);
    expect(paragraphsOf(docxPart(response.rawPayload, 'word/header1.xml')).join(' ')).toContain('BẢN NHÁP');
    expect(paragraphsOf(docxPart(response.rawPayload, 'word/document.xml'))).toContain(
      '1) Họ và tên khai sinh (viết chữ in hoa): LÊ VĂN CƯỜNG',
    );
    expect(String(response.headers['content-disposition'])).toContain('ban-nhap');
  });

  it('refuses the approved record when there is none', async () => {
    const response = await justiceAdmin.get(`/api/people/${draftPersonId}/cv?source=record`);
    expect(response.statusCode).toBe(404);
    expect(response.json().message).toContain('chưa có hồ sơ được phê duyệt');
  });

  it('prints a blank draft for someone who never declared', async () => {
    const response = await justiceAdmin.get(`/api/people/${blankPersonId}/cv?form=2023`);
    expect(response.statusCode).toBe(200);
    expect(paragraphsOf(docxPart(response.rawPayload, 'word/header1.xml')).join(' ')).toContain('BẢN NHÁP');
    expect(paragraphsOf(docxPart(response.rawPayload, 'word/document.xml'))).toContain(
      '1) Họ và tên khai sinh (viết chữ in hoa): NGUYỄN VĂN AN; Giới tính: Nam',
    );
  });
});

describe('CV access', () => {
  it('lets the person, agency staff and the province admin print', async () => {
    for (const client of [self, justiceAdmin, justiceApprover, provinceAdmin]) {
      expect((await client.get(`/api/people/${recordPersonId}/cv`)).statusCode).toBe(200);
    }
  });

  it('hides people outside the caller scope', async () => {
    expect((await homeAdmin.get(`/api/people/${recordPersonId}/cv`)).statusCode).toBe(404);
    expect((await self.get(`/api/people/${draftPersonId}/cv`)).statusCode).toBe(404);
    expect((await test.anonymous().get(`/api/people/${recordPersonId}/cv`)).statusCode).toBe(401);
  });

  it('audits each print as a record read', async () => {
    await homeAdmin.get(`/api/people/${recordPersonId}/cv?form=2023`);
    await provinceAdmin.get(`/api/people/${recordPersonId}/cv?form=2023`);
    const rows = await test.database.db
      .selectFrom('audit_log')
      .select(['actor_account_id', 'detail'])
      .where('action', '=', 'record.read')
      .where('entity_id', '=', String(recordPersonId))
      .orderBy('id', 'desc')
      .execute();
    expect(rows[0]?.actor_account_id).toBe(province.accounts.provinceAdmin.id);
    expect(rows[0]?.detail).toMatchObject({
      view: 'cv',
      form: '2023',
      format: 'docx',
      draft: false,
      versionNo: 1,
    });
    expect(rows.some((row) => row.actor_account_id === province.accounts.homeAdmin.id)).toBe(false);
  });

  it('names an invalid form in Vietnamese', async () => {
    const response = await self.get(`/api/people/${recordPersonId}/cv?form=3a`);
    expect(response.statusCode).toBe(400);
    expect(response.json().fields[0]).toMatchObject({ field: 'form' });
    expect(response.json().fields[0].message).toContain('Mẫu chỉ nhận');
  });
});

describe('CV as PDF', () => {
  it.skipIf(!findSoffice())('keeps every Vietnamese mark', async () => {
    const response = await self.get(`/api/people/${recordPersonId}/cv?form=2c&format=pdf`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    const text = pdfText(response.rawPayload);
    for (const phrase of [
      'SƠ YẾU LÝ LỊCH CÁN BỘ, CÔNG CHỨC',
      'TRẦN THỊ BÌNH',
      'Sinh ngày 12 tháng 03 năm 1988',
      'Nơi đăng ký hộ khẩu thường trú',
      'Thôn Đông Hà, Tỉnh Quảng Trị',
      'Trung cấp lý luận chính trị',
      'Bồi dưỡng theo tiêu chuẩn ngạch Chuyên viên',
      'Ngày vào Đảng Cộng sản Việt Nam',
      'Danh hiệu được phong tặng cao nhất',
      'Tình trạng sức khỏe',
      'Đặc điểm lịch sử bản thân',
      'Diễn biến quá trình lương của cán bộ, công chức',
      'Tôi xin cam đoan những lời khai trên đây là đúng sự thật',
      'Lê Thị Hoa',
    ]) {
      expect(text, phrase).toContain(phrase);
    }
  });

  it('explains a missing LibreOffice in Vietnamese', async () => {
    const saved = process.env.HOSO_SOFFICE;
    process.env.HOSO_SOFFICE = '/nonexistent/soffice';
    try {
      const response = await self.get(`/api/people/${recordPersonId}/cv?format=pdf`);
      expect(response.statusCode).toBe(503);
      expect(response.json()).toMatchObject({ code: 'PDF_CONVERTER_MISSING' });
      expect(response.json().message).toContain('chưa cài LibreOffice');
    } finally {
      if (saved === undefined) delete process.env.HOSO_SOFFICE;
      else process.env.HOSO_SOFFICE = saved;
    }
  });
});
