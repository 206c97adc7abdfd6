// Dimensions of the workforce quality statistics and their buckets, after form BM02/BNV
// (Thông tư 11/2012/TT-BNV). Every person falls into exactly one bucket of every dimension.

export interface Label {
  vi: string;
  en: string;
}

export interface BucketDefinition {
  id: string;
  label: Label;
  /** Catalog codes counted in this bucket, for dimensions read from a coded record column. */
  codes?: readonly string[];
}

export interface DimensionDefinition {
  id: string;
  label: Label;
  /** Fixed buckets, or none for a dimension whose buckets are the codes found in the data. */
  buckets: readonly BucketDefinition[];
  dynamic: boolean;
}

/** No approved record, or the field left empty where empty does not mean "none". */
export const UNKNOWN_BUCKET = 'unknown';
/** The record exists and says the person has none (no training, no position, not a Party member). */
export const NONE_BUCKET = 'none';
/** A code the buckets do not list. */
export const OTHER_BUCKET = 'other';

const unknown: BucketDefinition = {
  id: UNKNOWN_BUCKET,
  label: { vi: 'Chưa có thông tin', en: 'Not declared' },
};
const other: BucketDefinition = { id: OTHER_BUCKET, label: { vi: 'Khác', en: 'Other' } };
const untrained: BucketDefinition = {
  id: NONE_BUCKET,
  label: { vi: 'Chưa qua đào tạo, bồi dưỡng', en: 'None' },
};

export const dimensionDefinitions = [
  {
    id: 'employment_type',
    label: { vi: 'Cán bộ, công chức, viên chức', en: 'Employment type' },
    dynamic: false,
    buckets: [
      { id: 'cadre', label: { vi: 'Cán bộ', en: 'Cadres' } },
      { id: 'civil_servant', label: { vi: 'Công chức', en: 'Civil servants' } },
      { id: 'public_employee', label: { vi: 'Viên chức', en: 'Public employees' } },
      unknown,
    ],
  },
  {
    id: 'rank_level',
    label: { vi: 'Ngạch, chức danh tương đương', en: 'Grade level' },
    dynamic: false,
    buckets: [
      {
        id: 'senior_specialist',
        label: { vi: 'Chuyên viên cao cấp và tương đương', en: 'Senior specialist and equivalent' },
      },
      {
        id: 'principal_specialist',
        label: { vi: 'Chuyên viên chính và tương đương', en: 'Principal specialist and equivalent' },
      },
      { id: 'specialist', label: { vi: 'Chuyên viên và tương đương', en: 'Specialist and equivalent' } },
      { id: 'officer', label: { vi: 'Cán sự và tương đương', en: 'Officer and equivalent' } },
      { id: 'staff', label: { vi: 'Nhân viên', en: 'Staff' } },
      unknown,
    ],
  },
  {
    id: 'salary_group',
    label: { vi: 'Nhóm lương', en: 'Salary group' },
    dynamic: false,
    buckets: [
      ...['A3.1', 'A3.2', 'A2.1', 'A2.2', 'A1', 'A0', 'B', 'C1', 'C2', 'C3'].map((group) => ({
        id: group,
        label: { vi: group, en: group },
        codes: [group],
      })),
      other,
      unknown,
    ],
  },
  {
    id: 'rank',
    label: { vi: 'Ngạch, chức danh nghề nghiệp', en: 'Grade or professional title' },
    dynamic: true,
    buckets: [unknown],
  },
  {
    id: 'education',
    label: { vi: 'Trình độ chuyên môn', en: 'Professional qualification' },
    dynamic: false,
    buckets: [
      { id: 'doctorate', label: { vi: 'Tiến sĩ', en: 'Doctorate' }, codes: ['TSKH', 'TS', 'CKII'] },
      { id: 'master', label: { vi: 'Thạc sĩ', en: 'Master' }, codes: ['THS', 'CKI', 'BSNT'] },
      { id: 'university', label: { vi: 'Đại học', en: 'University' }, codes: ['DH'] },
      { id: 'college', label: { vi: 'Cao đẳng', en: 'College' }, codes: ['CD'] },
      { id: 'intermediate', label: { vi: 'Trung cấp', en: 'Intermediate' }, codes: ['TC'] },
      { id: 'elementary', label: { vi: 'Sơ cấp', en: 'Elementary' }, codes: ['SC'] },
      other,
      unknown,
    ],
  },
  {
    id: 'political_theory',
    label: { vi: 'Lý luận chính trị', en: 'Political theory' },
    dynamic: false,
    buckets: [
      { id: 'bachelor', label: { vi: 'Cử nhân', en: 'Bachelor' }, codes: ['CN'] },
      { id: 'advanced', label: { vi: 'Cao cấp', en: 'Advanced' }, codes: ['CC'] },
      { id: 'intermediate', label: { vi: 'Trung cấp', en: 'Intermediate' }, codes: ['TC'] },
      { id: 'elementary', label: { vi: 'Sơ cấp', en: 'Elementary' }, codes: ['SC'] },
      other,
      untrained,
      unknown,
    ],
  },
  {
    id: 'state_management',
    label: { vi: 'Quản lý nhà nước', en: 'State management' },
    dynamic: false,
    buckets: [
      {
        id: 'senior_specialist',
        label: { vi: 'Chuyên viên cao cấp', en: 'Senior specialist' },
        codes: ['CVCC'],
      },
      {
        id: 'principal_specialist',
        label: { vi: 'Chuyên viên chính', en: 'Principal specialist' },
        codes: ['CVC'],
      },
      { id: 'specialist', label: { vi: 'Chuyên viên', en: 'Specialist' }, codes: ['CV'] },
      { id: 'officer', label: { vi: 'Cán sự', en: 'Officer' }, codes: ['CS'] },
      other,
      untrained,
      unknown,
    ],
  },
  {
    id: 'it_level',
    label: { vi: 'Tin học', en: 'IT skills' },
    dynamic: false,
    buckets: [
      {
        id: 'advanced',
        label: { vi: 'Chuẩn kỹ năng CNTT nâng cao', en: 'Advanced IT standard' },
        codes: ['NC'],
      },
      { id: 'basic', label: { vi: 'Chuẩn kỹ năng CNTT cơ bản', en: 'Basic IT standard' }, codes: ['CB'] },
      {
        id: 'old_certificate',
        label: { vi: 'Chứng chỉ A, B, C (cũ)', en: 'Old A, B, C certificate' },
        codes: ['A', 'B', 'C'],
      },
      other,
      untrained,
      unknown,
    ],
  },
  {
    id: 'foreign_language',
    label: { vi: 'Ngoại ngữ', en: 'Foreign language' },
    dynamic: false,
    buckets: [
      { id: 'english', label: { vi: 'Tiếng Anh', en: 'English' } },
      { id: 'other_language', label: { vi: 'Ngoại ngữ khác', en: 'Other languages' } },
      untrained,
      unknown,
    ],
  },
  {
    id: 'foreign_language_level',
    label: { vi: 'Trình độ ngoại ngữ', en: 'Foreign language level' },
    dynamic: false,
    buckets: [
      { id: 'BAC6', label: { vi: 'Bậc 6 (C2)', en: 'Level 6 (C2)' }, codes: ['BAC6'] },
      { id: 'BAC5', label: { vi: 'Bậc 5 (C1)', en: 'Level 5 (C1)' }, codes: ['BAC5'] },
      { id: 'BAC4', label: { vi: 'Bậc 4 (B2)', en: 'Level 4 (B2)' }, codes: ['BAC4'] },
      { id: 'BAC3', label: { vi: 'Bậc 3 (B1)', en: 'Level 3 (B1)' }, codes: ['BAC3'] },
      { id: 'BAC2', label: { vi: 'Bậc 2 (A2)', en: 'Level 2 (A2)' }, codes: ['BAC2'] },
      { id: 'BAC1', label: { vi: 'Bậc 1 (A1)', en: 'Level 1 (A1)' }, codes: ['BAC1'] },
      other,
      untrained,
      unknown,
    ],
  },
  {
    id: 'age_band',
    label: { vi: 'Độ tuổi', en: 'Age' },
    dynamic: false,
    buckets: [
      { id: 'up_to_30', label: { vi: 'Từ 30 trở xuống', en: '30 or younger' } },
      { id: 'from_31_to_40', label: { vi: 'Từ 31 đến 40', en: '31 to 40' } },
      { id: 'from_41_to_50', label: { vi: 'Từ 41 đến 50', en: '41 to 50' } },
      { id: 'from_51_to_60', label: { vi: 'Từ 51 đến 60', en: '51 to 60' } },
      { id: 'over_60', label: { vi: 'Trên 60', en: 'Over 60' } },
      unknown,
    ],
  },
  {
    id: 'gender',
    label: { vi: 'Giới tính', en: 'Gender' },
    dynamic: false,
    buckets: [
      { id: 'male', label: { vi: 'Nam', en: 'Male' } },
      { id: 'female', label: { vi: 'Nữ', en: 'Female' } },
      unknown,
    ],
  },
  {
    id: 'ethnicity',
    label: { vi: 'Dân tộc', en: 'Ethnicity' },
    dynamic: false,
    buckets: [
      { id: 'kinh', label: { vi: 'Kinh', en: 'Kinh' }, codes: ['01'] },
      { id: 'minority', label: { vi: 'Dân tộc thiểu số', en: 'Ethnic minorities' } },
      unknown,
    ],
  },
  {
    id: 'religion',
    label: { vi: 'Tôn giáo', en: 'Religion' },
    dynamic: false,
    buckets: [
      { id: NONE_BUCKET, label: { vi: 'Không theo tôn giáo', en: 'No religion' }, codes: ['99'] },
      { id: 'religious', label: { vi: 'Có tôn giáo', en: 'Religious' } },
      unknown,
    ],
  },
  {
    id: 'party',
    label: { vi: 'Đảng viên', en: 'Party membership' },
    dynamic: false,
    buckets: [
      { id: 'member', label: { vi: 'Đảng viên', en: 'Party members' } },
      { id: NONE_BUCKET, label: { vi: 'Chưa là đảng viên', en: 'Not members' } },
      unknown,
    ],
  },
  {
    id: 'position',
    label: { vi: 'Chức vụ', en: 'Position' },
    dynamic: true,
    buckets: [
      { id: OTHER_BUCKET, label: { vi: 'Chức vụ khác (chưa có mã)', en: 'Other position (no code)' } },
      { id: NONE_BUCKET, label: { vi: 'Không giữ chức vụ', en: 'No position' } },
      unknown,
    ],
  },
] as const satisfies readonly DimensionDefinition[];

export type DimensionId = (typeof dimensionDefinitions)[number]['id'];
export const dimensionIds = dimensionDefinitions.map((dimension) => dimension.id) as [
  DimensionId,
  ...DimensionId[],
];

export function dimensionDefinition(id: DimensionId): DimensionDefinition {
  return dimensionDefinitions.find((dimension) => dimension.id === id)!;
}

export interface ReportColumn {
  /** `dimension:bucket`, or 'total'. */
  key: string;
  label: string;
}

export interface ReportColumnGroup {
  label: string;
  columns: ReportColumn[];
}

function dimensionGroup(id: DimensionId, label?: string): ReportColumnGroup {
  const dimension = dimensionDefinition(id);
  return {
    label: label ?? dimension.label.vi,
    columns: dimension.buckets.map((bucket) => ({ key: `${id}:${bucket.id}`, label: bucket.label.vi })),
  };
}

/**
 * Columns of the report table, in the order of form BM02/BNV: total, of which Party members,
 * women, ethnic minorities and religious people, then grade, qualification, political theory,
 * IT, foreign language, state management and age. Each group also has the buckets the form
 * lacks (other, none, not declared), so that every group adds up to the total.
 */
export const reportColumnGroups: ReportColumnGroup[] = [
  { label: 'Tổng số', columns: [{ key: 'total', label: 'Tổng số' }] },
  {
    label: 'Trong đó',
    columns: [
      { key: 'party:member', label: 'Đảng viên' },
      { key: 'gender:female', label: 'Nữ' },
      { key: 'ethnicity:minority', label: 'Dân tộc thiểu số' },
      { key: 'religion:religious', label: 'Tôn giáo' },
    ],
  },
  dimensionGroup('employment_type'),
  dimensionGroup('rank_level', 'Chia theo ngạch'),
  dimensionGroup('education'),
  dimensionGroup('political_theory'),
  dimensionGroup('it_level'),
  dimensionGroup('foreign_language'),
  dimensionGroup('state_management'),
  dimensionGroup('age_band'),
];
