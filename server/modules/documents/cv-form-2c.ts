import type { RecordData } from '../../../common/schemas/record.ts';
import {
  birthDateVi,
  type CvBlock,
  type CvDocument,
  type CvInput,
  coefficientVi,
  dateVi,
  genderVi,
  joinNonEmpty,
  monthVi,
  periodVi,
  text,
  upperVi,
} from './cv-model.ts';

// Mẫu 2C-BNV/2008 (Quyết định 02/2008/QĐ-BNV): 32 items in the order of the printed form.

/** Lists every training row of the record in the five columns of item 27. */
function trainingRows(training: RecordData['training']): string[][] {
  const period = (row: { from?: string | null | undefined; to?: string | null | undefined }) =>
    periodVi(row.from, row.to, '');
  return [
    ...training.professional.map((row) => [
      text(row.institution),
      text(row.major),
      period(row),
      text(row.mode),
      text(row.degree),
    ]),
    ...training.politicalTheory.map((row) => [
      text(row.institution),
      'Lý luận chính trị',
      period(row),
      text(row.mode),
      text(row.degree),
    ]),
    ...training.management.map((row) => [
      text(row.institution),
      'Quản lý nhà nước, nghiệp vụ',
      period(row),
      'Bồi dưỡng',
      text(row.certificate),
    ]),
    ...training.defence.map((row) => [
      text(row.institution),
      'Kiến thức quốc phòng, an ninh',
      period(row),
      'Bồi dưỡng',
      text(row.certificate),
    ]),
    ...training.informationTechnology.map((row) => [
      text(row.institution),
      'Tin học',
      period(row),
      '',
      text(row.certificate),
    ]),
    ...training.languages.map((row) => [
      text(row.institution),
      text(row.language) || 'Ngoại ngữ',
      period(row),
      '',
      joinNonEmpty([row.certificate, row.score], ', '),
    ]),
  ];
}

function familyRows(rows: RecordData['family']['ownSide']): string[][] {
  return rows.map((row) => [
    row.relation,
    row.fullName,
    text(row.birthYear),
    joinNonEmpty(
      [row.details, row.socioPoliticalMembership ? `Thành viên: ${row.socioPoliticalMembership}` : null],
      '; ',
    ),
  ]);
}

const FAMILY_COLUMNS = [
  'Mối quan hệ',
  'Họ và tên',
  'Năm sinh',
  'Quê quán, nghề nghiệp, chức danh, chức vụ, đơn vị công tác, học tập, nơi ở (trong, ngoài nước); thành viên các tổ chức chính trị - xã hội',
];

export function buildForm2c({ data, names, draft }: CvInput): CvDocument {
  const { identity, employment, salary, education, party, military, honours, health, personalHistory } = data;
  const languages = education.foreignLanguages
    .map((item) =>
      joinNonEmpty(
        [item.language, item.levelCode ? (names.languageLevels[item.levelCode] ?? item.levelCode) : null],
        ': ',
      ),
    )
    .join('; ');

  const blocks: CvBlock[] = [
    {
      kind: 'item',
      number: '1',
      parts: [{ label: 'Họ và tên khai sinh (viết chữ in hoa)', value: upperVi(identity.fullName) }],
    },
    { kind: 'item', number: '2', parts: [{ label: 'Tên gọi khác', value: text(identity.otherNames) }] },
    {
      kind: 'item',
      number: '3',
      parts: [
        { label: birthDateVi(identity.birthDate), value: '' },
        { label: 'Giới tính (nam, nữ)', value: genderVi(identity.gender) },
      ],
    },
    { kind: 'item', number: '4', parts: [{ label: 'Nơi sinh', value: text(names.birthPlace) }] },
    { kind: 'item', number: '5', parts: [{ label: 'Quê quán', value: text(names.hometown) }] },
    { kind: 'item', number: '6', parts: [{ label: 'Dân tộc', value: text(names.ethnicity) }] },
    { kind: 'item', number: '7', parts: [{ label: 'Tôn giáo', value: text(names.religion) }] },
    {
      kind: 'item',
      number: '8',
      parts: [{ label: 'Nơi đăng ký hộ khẩu thường trú', value: text(names.permanentResidence) }],
    },
    { kind: 'item', number: '9', parts: [{ label: 'Nơi ở hiện nay', value: text(names.currentResidence) }] },
    {
      kind: 'item',
      number: '10',
      parts: [
        { label: 'Nghề nghiệp khi được tuyển dụng', value: text(employment.occupationBeforeRecruitment) },
      ],
    },
    {
      kind: 'item',
      number: '11',
      parts: [
        { label: 'Ngày tuyển dụng', value: dateVi(employment.firstRecruitmentDate) },
        { label: 'Cơ quan tuyển dụng', value: text(employment.recruitingAgency) },
      ],
    },
    {
      kind: 'item',
      number: '12',
      parts: [
        {
          label: 'Chức vụ (chức danh) hiện tại',
          value: joinNonEmpty([employment.positionName, ...employment.concurrentPositions], '; '),
        },
      ],
    },
    {
      kind: 'item',
      number: '13',
      parts: [{ label: 'Công việc chính được giao', value: text(employment.mainDuties) }],
    },
    {
      kind: 'item',
      number: '14',
      parts: [
        { label: 'Ngạch công chức (viên chức)', value: text(names.rank ?? salary.rankName) },
        { label: 'Mã ngạch', value: text(salary.rankCode) },
        { label: 'Bậc lương', value: text(salary.salaryStep) },
        { label: 'Hệ số', value: coefficientVi(salary.coefficient) },
        { label: 'Ngày hưởng', value: dateVi(salary.stepStartDate) },
        { label: 'Phụ cấp chức vụ', value: coefficientVi(salary.positionAllowance) },
        { label: 'Phụ cấp khác', value: text(salary.otherAllowances) },
      ],
    },
    { kind: 'heading', number: '15', text: 'Trình độ' },
    {
      kind: 'item',
      number: '15.1',
      parts: [{ label: 'Trình độ giáo dục phổ thông', value: text(names.generalEducation) }],
    },
    {
      kind: 'item',
      number: '15.2',
      parts: [
        {
          label: 'Trình độ chuyên môn cao nhất',
          value: joinNonEmpty([names.professionalLevel, education.professionalMajor], ' '),
        },
      ],
    },
    {
      kind: 'item',
      number: '15.3',
      parts: [{ label: 'Lý luận chính trị', value: text(names.politicalTheory) }],
    },
    {
      kind: 'item',
      number: '15.4',
      parts: [{ label: 'Quản lý nhà nước', value: text(names.stateManagement) }],
    },
    { kind: 'item', number: '15.5', parts: [{ label: 'Ngoại ngữ', value: languages }] },
    { kind: 'item', number: '15.6', parts: [{ label: 'Tin học', value: text(names.itLevel) }] },
    {
      kind: 'item',
      number: '16',
      parts: [
        { label: 'Ngày vào Đảng Cộng sản Việt Nam', value: dateVi(party.partyJoinDate) },
        { label: 'Ngày chính thức', value: dateVi(party.partyOfficialDate) },
      ],
    },
    {
      kind: 'item',
      number: '17',
      parts: [
        { label: 'Ngày tham gia tổ chức chính trị - xã hội', value: dateVi(party.socioPoliticalJoinDate) },
        { label: 'Tổ chức, chức vụ', value: text(party.socioPoliticalOrganisations) },
      ],
    },
    {
      kind: 'item',
      number: '18',
      parts: [
        { label: 'Ngày nhập ngũ', value: dateVi(military.enlistmentDate) },
        { label: 'Ngày xuất ngũ', value: dateVi(military.dischargeDate) },
        { label: 'Quân hàm cao nhất', value: text(military.highestRank) },
      ],
    },
    {
      kind: 'item',
      number: '19',
      parts: [{ label: 'Danh hiệu được phong tặng cao nhất', value: text(honours.stateHonourTitle) }],
    },
    {
      kind: 'item',
      number: '20',
      parts: [{ label: 'Sở trường công tác', value: text(employment.workStrengths) }],
    },
    { kind: 'item', number: '21', parts: [{ label: 'Khen thưởng', value: text(honours.highestAward) }] },
    { kind: 'item', number: '22', parts: [{ label: 'Kỷ luật', value: text(honours.highestDiscipline) }] },
    {
      kind: 'item',
      number: '23',
      parts: [
        { label: 'Tình trạng sức khỏe', value: text(health.status) },
        { label: 'Chiều cao', value: health.heightCm ? `${health.heightCm} cm` : '' },
        { label: 'Cân nặng', value: health.weightKg ? `${health.weightKg} kg` : '' },
        { label: 'Nhóm máu', value: text(health.bloodGroup) },
      ],
    },
    {
      kind: 'item',
      number: '24',
      parts: [
        { label: 'Là thương binh hạng; là con gia đình chính sách', value: text(identity.policyBeneficiary) },
      ],
    },
    {
      kind: 'item',
      number: '25',
      parts: [
        { label: 'Số chứng minh nhân dân (căn cước)', value: text(identity.personalIdNumber) },
        { label: 'Ngày cấp', value: dateVi(identity.idIssueDate) },
      ],
    },
    {
      kind: 'item',
      number: '26',
      parts: [{ label: 'Số sổ BHXH', value: text(identity.socialInsuranceNumber) }],
    },
    {
      kind: 'heading',
      number: '27',
      text: 'Đào tạo, bồi dưỡng về chuyên môn, nghiệp vụ, lý luận chính trị, ngoại ngữ, tin học',
    },
    {
      kind: 'table',
      columns: [
        'Tên trường',
        'Chuyên ngành đào tạo, bồi dưỡng',
        'Từ tháng, năm - đến tháng, năm',
        'Hình thức đào tạo',
        'Văn bằng, chứng chỉ, trình độ gì',
      ],
      rows: trainingRows(data.training),
    },
    { kind: 'heading', number: '28', text: 'Tóm tắt quá trình công tác' },
    {
      kind: 'table',
      columns: [
        'Từ tháng, năm đến tháng, năm',
        'Chức danh, chức vụ, đơn vị công tác (đảng, chính quyền, đoàn thể, tổ chức xã hội), kể cả thời gian được đào tạo, bồi dưỡng',
      ],
      rows: data.workHistory.map((row) => [
        periodVi(row.from, row.to),
        joinNonEmpty([row.title, row.unitName]),
      ]),
    },
    { kind: 'heading', number: '29', text: 'Đặc điểm lịch sử bản thân' },
    {
      kind: 'item',
      number: '-',
      parts: [
        {
          label:
            'Khai rõ: bị bắt, bị tù (từ ngày tháng năm nào đến ngày tháng năm nào, ở đâu), đã khai báo cho ai, những vấn đề gì; bản thân có làm việc trong chế độ cũ',
          value: joinNonEmpty(
            [
              personalHistory.arrestHistory,
              ...personalHistory.formerRegimeService.map(
                (row) => `${periodVi(row.from, row.to, '')}: ${row.description}`,
              ),
            ],
            '; ',
          ),
        },
      ],
    },
    {
      kind: 'item',
      number: '-',
      parts: [
        {
          label: 'Tham gia hoặc có quan hệ với các tổ chức chính trị, kinh tế, xã hội nào ở nước ngoài',
          value: personalHistory.foreignOrganisations
            .map((row) => `${periodVi(row.from, row.to, '')}: ${row.description}`)
            .join('; '),
        },
      ],
    },
    {
      kind: 'item',
      number: '-',
      parts: [
        {
          label: 'Có thân nhân (cha, mẹ, vợ, chồng, con, anh chị em ruột) ở nước ngoài',
          value: text(personalHistory.relativesAbroad),
        },
      ],
    },
    { kind: 'heading', number: '30', text: 'Quan hệ gia đình' },
    { kind: 'text', text: 'a) Về bản thân: cha, mẹ, vợ (hoặc chồng), các con, anh chị em ruột' },
    { kind: 'table', columns: FAMILY_COLUMNS, rows: familyRows(data.family.ownSide) },
    { kind: 'text', text: 'b) Về bên vợ (hoặc chồng): cha, mẹ, anh chị em ruột' },
    { kind: 'table', columns: FAMILY_COLUMNS, rows: familyRows(data.family.spouseSide) },
    { kind: 'heading', number: '31', text: 'Diễn biến quá trình lương của cán bộ, công chức' },
    {
      // The form lays the salary history out sideways: one column per change.
      kind: 'table',
      columns: ['Tháng/năm', ...data.salaryHistory.map((row) => monthVi(row.from))],
      rows: [
        [
          'Mã ngạch/bậc',
          ...data.salaryHistory.map((row) => joinNonEmpty([row.rankCode, text(row.salaryStep)], '/')),
        ],
        ['Hệ số lương', ...data.salaryHistory.map((row) => coefficientVi(row.coefficient))],
      ],
    },
    {
      kind: 'heading',
      number: '32',
      text: 'Nhận xét, đánh giá của cơ quan, đơn vị quản lý và sử dụng cán bộ, công chức',
    },
    { kind: 'text', text: text(data.employerAssessment) },
  ];

  return {
    form: '2c',
    draft,
    formMark: 'Mẫu 2C-BNV/2008',
    headerLines: [
      { label: 'Cơ quan, đơn vị có thẩm quyền quản lý CBCC', value: text(employment.managingAgencyName) },
      { label: 'Cơ quan, đơn vị sử dụng CBCC', value: joinNonEmpty([names.division, names.agency], ' - ') },
    ],
    title: 'SƠ YẾU LÝ LỊCH CÁN BỘ, CÔNG CHỨC',
    photoLabel: 'Ảnh màu (4 x 6 cm)',
    blocks,
    declarantName: identity.fullName,
    signerTitle: 'Thủ trưởng cơ quan, đơn vị quản lý và sử dụng CBCC',
  };
}
