import type { RecordData } from '../../../common/schemas/record.ts';
import { type CvBlock, joinNonEmpty, moneyVi, monthVi, text } from './cv-model.ts';

// The tables and lists of the 2023 Sơ yếu lý lịch (items 32, 35, 36 and 37), used by cv-form-2023.ts.

type Period = { from?: string | null | undefined; to?: string | null | undefined };
export const from = (row: Period) => monthVi(row.from);
export const to = (row: Period) => monthVi(row.to);

export const QUALITY_LABELS: Record<string, string> = {
  excellent: 'Hoàn thành xuất sắc nhiệm vụ',
  good: 'Hoàn thành tốt nhiệm vụ',
  completed: 'Hoàn thành nhiệm vụ',
  not_completed: 'Không hoàn thành nhiệm vụ',
};

export const FAMILY_COLUMNS = [
  'Mối quan hệ',
  'Họ và tên',
  'Năm sinh',
  'Quê quán, nghề nghiệp, chức danh, chức vụ, đơn vị công tác, học tập, nơi ở (trong, ngoài nước); thành viên các tổ chức chính trị - xã hội (trong, ngoài nước); làm việc cho chế độ cũ; tiền án, tiền sự (nếu có)',
];

export function familyRows(rows: RecordData['family']['ownSide']): string[][] {
  return rows.map((row) => [
    row.relation,
    row.fullName,
    text(row.birthYear),
    joinNonEmpty(
      [
        row.details,
        row.socioPoliticalMembership ? `Thành viên: ${row.socioPoliticalMembership}` : null,
        row.formerRegime ? `Chế độ cũ: ${row.formerRegime}` : null,
        row.criminalRecord ? `Tiền án, tiền sự: ${row.criminalRecord}` : null,
      ],
      '; ',
    ),
  ]);
}

export function trainingBlocks(training: RecordData['training']): CvBlock[] {
  const short = ['Từ tháng, năm', 'Đến tháng, năm', 'Tên cơ sở đào tạo', 'Chứng chỉ được cấp'];
  return [
    {
      kind: 'heading',
      number: '32.1',
      text: 'Chuyên môn (từ trung cấp trở lên cả trong nước và nước ngoài)',
    },
    {
      kind: 'table',
      columns: [
        'Từ tháng, năm',
        'Đến tháng, năm',
        'Tên cơ sở đào tạo',
        'Chuyên ngành đào tạo',
        'Hình thức đào tạo',
        'Văn bằng được cấp, trình độ',
      ],
      rows: training.professional.map((row) => [
        from(row),
        to(row),
        text(row.institution),
        text(row.major),
        text(row.mode),
        text(row.degree),
      ]),
    },
    { kind: 'heading', number: '32.2', text: 'Lý luận chính trị' },
    {
      kind: 'table',
      columns: [
        'Từ tháng, năm',
        'Đến tháng, năm',
        'Tên cơ sở đào tạo',
        'Hình thức đào tạo',
        'Văn bằng được cấp',
      ],
      rows: training.politicalTheory.map((row) => [
        from(row),
        to(row),
        text(row.institution),
        text(row.mode),
        text(row.degree),
      ]),
    },
    {
      kind: 'heading',
      number: '32.3',
      text: 'Bồi dưỡng quản lý nhà nước / chức danh nghề nghiệp / nghiệp vụ chuyên ngành',
    },
    {
      kind: 'table',
      columns: short,
      rows: training.management.map((row) => [
        from(row),
        to(row),
        text(row.institution),
        text(row.certificate),
      ]),
    },
    { kind: 'heading', number: '32.4', text: 'Bồi dưỡng kiến thức quốc phòng, an ninh' },
    {
      kind: 'table',
      columns: short,
      rows: training.defence.map((row) => [from(row), to(row), text(row.institution), text(row.certificate)]),
    },
    { kind: 'heading', number: '32.5', text: 'Tin học' },
    {
      kind: 'table',
      columns: short,
      rows: training.informationTechnology.map((row) => [
        from(row),
        to(row),
        text(row.institution),
        text(row.certificate),
      ]),
    },
    { kind: 'heading', number: '32.6', text: 'Ngoại ngữ / tiếng dân tộc' },
    {
      kind: 'table',
      columns: [
        'Từ tháng, năm',
        'Đến tháng, năm',
        'Tên cơ sở đào tạo',
        'Tên ngoại ngữ / tiếng dân tộc',
        'Chứng chỉ được cấp',
        'Điểm số',
      ],
      rows: training.languages.map((row) => [
        from(row),
        to(row),
        text(row.institution),
        text(row.language),
        text(row.certificate),
        text(row.score),
      ]),
    },
  ];
}

export function assetLines(assets: RecordData['assets']): string[] {
  const housing = assets.housing.map(
    (row) =>
      `${row.acquisition === 'allocated_or_rented' ? 'Được cấp, được thuê' : 'Tự mua, tự xây'}: ${joinNonEmpty([row.houseType, row.areaM2 ? `${row.areaM2} m²` : null, row.certificate], ', ')}`,
  );
  const land = assets.residentialLand.map(
    (row) =>
      `${row.acquisition === 'allocated' ? 'Được cấp' : 'Tự mua'}: ${joinNonEmpty([row.areaM2 ? `${row.areaM2} m²` : null, row.certificate], ', ')}`,
  );
  return [
    `- Tiền lương: ${moneyVi(assets.annualSalaryIncome)}`,
    `- Các nguồn khác: ${joinNonEmpty([assets.otherIncomeSources, moneyVi(assets.otherIncomeAmount)], ', ')}`,
    `- Nhà ở: ${housing.join('; ')}`,
    `- Đất ở: ${land.join('; ')}`,
    `- Đất sản xuất, kinh doanh: ${text(assets.productionLand)}`,
  ];
}
