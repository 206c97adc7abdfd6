import {
  assetLines,
  FAMILY_COLUMNS,
  familyRows,
  from,
  QUALITY_LABELS,
  to,
  trainingBlocks,
} from './cv-form-2023-parts.ts';
import {
  birthDateVi,
  type CvBlock,
  type CvDocument,
  type CvInput,
  coefficientVi,
  dateVi,
  genderVi,
  joinNonEmpty,
  moneyVi,
  percentVi,
  text,
  upperVi,
} from './cv-model.ts';

// The 2023 Sơ yếu lý lịch with "Mã số định danh": 38 items in the order of the printed form.

export function buildForm2023({ data, names, draft }: CvInput): CvDocument {
  const { identity, employment, salary, party, military, honours, health, personalHistory } = data;

  const blocks: CvBlock[] = [
    {
      kind: 'item',
      number: '1',
      parts: [
        { label: 'Họ và tên khai sinh (viết chữ in hoa)', value: upperVi(identity.fullName) },
        { label: 'Giới tính', value: genderVi(identity.gender) },
      ],
    },
    { kind: 'item', number: '2', parts: [{ label: 'Các tên gọi khác', value: text(identity.otherNames) }] },
    { kind: 'item', number: '3', parts: [{ label: birthDateVi(identity.birthDate), value: '' }] },
    { kind: 'item', number: '4', parts: [{ label: 'Nơi sinh', value: text(names.birthPlace) }] },
    { kind: 'item', number: '5', parts: [{ label: 'Quê quán', value: text(names.hometown) }] },
    { kind: 'item', number: '6', parts: [{ label: 'Dân tộc', value: text(names.ethnicity) }] },
    { kind: 'item', number: '7', parts: [{ label: 'Tôn giáo', value: text(names.religion) }] },
    {
      kind: 'item',
      number: '8',
      parts: [
        { label: 'Số CCCD', value: text(identity.personalIdNumber) },
        { label: 'Ngày cấp', value: dateVi(identity.idIssueDate) },
        { label: 'SĐT liên hệ', value: text(identity.phone) },
      ],
    },
    {
      kind: 'item',
      number: '9',
      parts: [
        { label: 'Số BHXH', value: text(identity.socialInsuranceNumber) },
        { label: 'Số thẻ BHYT', value: text(identity.healthInsuranceNumber) },
      ],
    },
    { kind: 'item', number: '10', parts: [{ label: 'Nơi ở hiện nay', value: text(names.currentResidence) }] },
    {
      kind: 'item',
      number: '11',
      parts: [{ label: 'Thành phần gia đình xuất thân', value: text(identity.familyBackground) }],
    },
    {
      kind: 'item',
      number: '12',
      parts: [
        {
          label: 'Nghề nghiệp trước khi được tuyển dụng',
          value: text(employment.occupationBeforeRecruitment),
        },
      ],
    },
    {
      kind: 'item',
      number: '13',
      parts: [
        { label: 'Ngày được tuyển dụng lần đầu', value: dateVi(employment.firstRecruitmentDate) },
        { label: 'Cơ quan, tổ chức, đơn vị tuyển dụng', value: text(employment.recruitingAgency) },
      ],
    },
    {
      kind: 'item',
      number: '14',
      parts: [
        { label: 'Ngày vào cơ quan hiện đang công tác', value: dateVi(employment.currentAgencyJoinDate) },
      ],
    },
    {
      kind: 'item',
      number: '15',
      parts: [
        { label: 'Ngày vào Đảng Cộng sản Việt Nam', value: dateVi(party.partyJoinDate) },
        { label: 'Ngày chính thức', value: dateVi(party.partyOfficialDate) },
      ],
    },
    {
      kind: 'item',
      number: '16',
      parts: [
        {
          label: 'Ngày tham gia tổ chức chính trị - xã hội đầu tiên',
          value: dateVi(party.socioPoliticalJoinDate),
        },
        { label: 'Tổ chức', value: text(party.socioPoliticalOrganisations) },
      ],
    },
    {
      kind: 'item',
      number: '17',
      parts: [
        { label: 'Ngày nhập ngũ', value: dateVi(military.enlistmentDate) },
        { label: 'Ngày xuất ngũ', value: dateVi(military.dischargeDate) },
        { label: 'Quân hàm cao nhất', value: text(military.highestRank) },
      ],
    },
    {
      kind: 'item',
      number: '18',
      parts: [{ label: 'Đối tượng chính sách', value: text(identity.policyBeneficiary) }],
    },
    {
      kind: 'item',
      number: '19',
      parts: [{ label: 'Trình độ giáo dục phổ thông', value: text(names.generalEducation) }],
    },
    {
      kind: 'item',
      number: '20',
      parts: [
        {
          label: 'Trình độ chuyên môn cao nhất',
          value: joinNonEmpty([names.professionalLevel, data.education.professionalMajor], ' '),
        },
      ],
    },
    { kind: 'item', number: '21', parts: [{ label: 'Học hàm', value: text(names.academicTitle) }] },
    {
      kind: 'item',
      number: '22',
      parts: [{ label: 'Danh hiệu nhà nước phong tặng', value: text(honours.stateHonourTitle) }],
    },
    {
      kind: 'item',
      number: '23',
      parts: [
        { label: 'Chức vụ hiện tại', value: text(employment.positionName) },
        { label: 'Ngày bổ nhiệm/ngày phê chuẩn', value: dateVi(employment.positionAppointmentDate) },
        {
          label: 'Ngày bổ nhiệm lại/phê chuẩn nhiệm kỳ tiếp theo',
          value: dateVi(employment.positionReappointmentDate),
        },
      ],
    },
    {
      kind: 'item',
      number: '24',
      parts: [{ label: 'Được quy hoạch chức danh', value: text(employment.plannedPositions) }],
    },
    {
      kind: 'item',
      number: '25',
      parts: [{ label: 'Chức vụ kiêm nhiệm', value: employment.concurrentPositions.join('; ') }],
    },
    { kind: 'item', number: '26', parts: [{ label: 'Chức vụ Đảng hiện tại', value: text(party.partyPost) }] },
    {
      kind: 'item',
      number: '27',
      parts: [{ label: 'Chức vụ Đảng kiêm nhiệm', value: text(party.concurrentPartyPost) }],
    },
    {
      kind: 'item',
      number: '28',
      parts: [{ label: 'Công việc chính được giao', value: text(employment.mainDuties) }],
    },
    {
      kind: 'item',
      number: '29',
      parts: [
        { label: 'Sở trường công tác', value: text(employment.workStrengths) },
        { label: 'Công việc làm lâu nhất', value: text(employment.longestJob) },
      ],
    },
    { kind: 'heading', number: '30', text: 'Tiền lương' },
    {
      kind: 'item',
      number: '30.1',
      parts: [
        { label: 'Ngạch/chức danh nghề nghiệp', value: text(names.rank ?? salary.rankName) },
        { label: 'Mã số', value: text(salary.rankCode) },
        { label: 'Ngày bổ nhiệm ngạch/CDNN', value: dateVi(salary.rankAppointmentDate) },
        { label: 'Bậc lương', value: text(salary.salaryStep) },
        { label: 'Hệ số', value: coefficientVi(salary.coefficient) },
        { label: 'Ngày hưởng', value: dateVi(salary.stepStartDate) },
        { label: 'Phần trăm hưởng', value: percentVi(salary.salaryPercent) },
        { label: 'Phụ cấp thâm niên vượt khung', value: percentVi(salary.overFramePercent) },
        { label: 'Ngày hưởng PCTNVK', value: dateVi(salary.overFrameStartDate) },
      ],
    },
    {
      kind: 'item',
      number: '30.2',
      parts: [
        { label: 'Phụ cấp chức vụ', value: coefficientVi(salary.positionAllowance) },
        { label: 'Phụ cấp kiêm nhiệm', value: coefficientVi(salary.concurrentPostAllowance) },
        { label: 'Phụ cấp khác', value: text(salary.otherAllowances) },
      ],
    },
    {
      kind: 'item',
      number: '30.3',
      parts: [
        { label: 'Vị trí việc làm', value: text(employment.jobPositionName) },
        { label: 'Mã số', value: text(employment.jobPositionCode) },
        { label: 'Bậc lương', value: text(salary.positionSalaryStep) },
        { label: 'Lương theo mức tiền', value: moneyVi(salary.positionSalaryAmount) },
        { label: 'Ngày hưởng', value: dateVi(salary.positionSalaryStartDate) },
        { label: 'Phần trăm hưởng', value: percentVi(salary.positionSalaryPercent) },
      ],
    },
    {
      kind: 'item',
      number: '31',
      parts: [
        { label: 'Tình trạng sức khỏe', value: text(health.status) },
        { label: 'Chiều cao (cm)', value: text(health.heightCm) },
        { label: 'Cân nặng (kg)', value: text(health.weightKg) },
        { label: 'Nhóm máu', value: text(health.bloodGroup) },
      ],
    },
    { kind: 'heading', number: '32', text: 'Quá trình đào tạo, bồi dưỡng' },
    ...trainingBlocks(data.training),
    { kind: 'heading', number: '33', text: 'Tóm tắt quá trình công tác' },
    {
      kind: 'table',
      columns: [
        'Từ tháng, năm',
        'Đến tháng, năm',
        'Đơn vị công tác (đảng, chính quyền, đoàn thể, tổ chức xã hội)',
        'Chức danh/chức vụ',
      ],
      rows: data.workHistory.map((row) => [
        from(row),
        row.to ? to(row) : 'nay',
        text(row.unitName),
        text(row.title),
      ]),
    },
    { kind: 'heading', number: '34', text: 'Đặc điểm lịch sử bản thân' },
    {
      kind: 'item',
      number: '34.1',
      parts: [
        {
          label: 'Khai rõ: bị bắt, bị tù (thời gian, nơi), đã khai báo cho ai, những vấn đề gì',
          value: text(personalHistory.arrestHistory),
        },
      ],
    },
    { kind: 'heading', number: '34.2', text: 'Bản thân có làm việc cho chế độ cũ' },
    {
      kind: 'table',
      columns: ['Từ tháng, năm', 'Đến tháng, năm', 'Chức danh, chức vụ, đơn vị, địa điểm'],
      rows: personalHistory.formerRegimeService.map((row) => [from(row), to(row), row.description]),
    },
    {
      kind: 'heading',
      number: '34.3',
      text: 'Tham gia hoặc có quan hệ với các tổ chức chính trị, kinh tế, xã hội nào ở nước ngoài',
    },
    {
      kind: 'table',
      columns: ['Từ tháng, năm', 'Đến tháng, năm', 'Tên tổ chức, địa chỉ trụ sở, công việc đã làm'],
      rows: personalHistory.foreignOrganisations.map((row) => [from(row), to(row), row.description]),
    },
    { kind: 'heading', number: '35', text: 'Khen thưởng, kỷ luật' },
    { kind: 'heading', number: '35.1', text: 'Thành tích thi đua, khen thưởng' },
    {
      kind: 'table',
      columns: ['Năm', 'Xếp loại chuyên môn', 'Xếp loại thi đua', 'Hình thức khen thưởng'],
      rows: data.yearlyRatings.map((row) => [
        String(row.year),
        text(row.professionalRating) || (row.qualityRating ? (QUALITY_LABELS[row.qualityRating] ?? '') : ''),
        text(row.emulationRating),
        text(row.award),
      ]),
    },
    { kind: 'heading', number: '35.2', text: 'Kỷ luật Đảng / hành chính' },
    {
      kind: 'table',
      columns: [
        'Từ tháng, năm',
        'Đến tháng, năm',
        'Hình thức',
        'Hành vi vi phạm chính',
        'Cơ quan quyết định',
      ],
      rows: data.disciplines.map((row) => [
        from(row),
        to(row),
        text(row.form),
        text(row.violation),
        text(row.decidedBy),
      ]),
    },
    { kind: 'heading', number: '36', text: 'Quan hệ gia đình' },
    {
      kind: 'heading',
      number: '36.1',
      text: 'Về bản thân: cha, mẹ, vợ (hoặc chồng), các con, anh chị em ruột',
    },
    { kind: 'table', columns: FAMILY_COLUMNS, rows: familyRows(data.family.ownSide) },
    { kind: 'heading', number: '36.2', text: 'Về bên vợ (hoặc chồng): cha, mẹ, anh chị em ruột' },
    { kind: 'table', columns: FAMILY_COLUMNS, rows: familyRows(data.family.spouseSide) },
    { kind: 'heading', number: '37', text: 'Hoàn cảnh kinh tế gia đình' },
    { kind: 'heading', number: '37.1', text: 'Quá trình lương của bản thân' },
    {
      kind: 'table',
      columns: [
        'Từ tháng, năm',
        'Đến tháng, năm',
        'Mã số',
        'Bậc lương',
        'Hệ số lương',
        'Tiền lương theo vị trí việc làm',
      ],
      rows: data.salaryHistory.map((row) => [
        from(row),
        to(row),
        text(row.rankCode),
        text(row.salaryStep),
        coefficientVi(row.coefficient),
        moneyVi(row.positionSalaryAmount),
      ]),
    },
    { kind: 'heading', number: '37.2', text: 'Các loại phụ cấp khác' },
    {
      kind: 'table',
      columns: [
        'Từ tháng, năm',
        'Đến tháng, năm',
        'Loại phụ cấp',
        'Phần trăm hưởng',
        'Hệ số',
        'Hình thức hưởng',
        'Giá trị (đồng)',
      ],
      rows: data.allowanceHistory.map((row) => [
        from(row),
        to(row),
        text(row.allowanceType),
        percentVi(row.percent),
        coefficientVi(row.coefficient),
        text(row.paymentForm),
        moneyVi(row.amount),
      ]),
    },
    { kind: 'heading', number: '37.3', text: 'Nguồn thu nhập chính của gia đình hằng năm' },
    ...assetLines(data.assets).map((line): CvBlock => ({ kind: 'text', text: line })),
    { kind: 'heading', number: '38', text: 'Nhận xét, đánh giá của cơ quan, tổ chức, đơn vị sử dụng' },
    { kind: 'text', text: text(data.employerAssessment) },
  ];

  return {
    form: '2023',
    draft,
    formMark: null,
    headerLines: [
      { label: 'Cơ quan quản lý cán bộ, công chức, viên chức', value: text(employment.managingAgencyName) },
      {
        label: 'Cơ quan, đơn vị sử dụng cán bộ, công chức, viên chức',
        value: joinNonEmpty([names.division, names.agency], ' - '),
      },
      { label: 'Số hiệu', value: text(identity.personnelNumber) },
      { label: 'Mã số định danh', value: text(identity.personalIdNumber) },
    ],
    title: 'SƠ YẾU LÝ LỊCH',
    photoLabel: 'Ảnh màu (4 x 6 cm)',
    blocks,
    declarantName: identity.fullName,
    signerTitle: 'Thủ trưởng cơ quan, tổ chức, đơn vị quản lý hoặc sử dụng',
  };
}
