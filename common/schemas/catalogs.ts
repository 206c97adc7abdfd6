import { z } from 'zod';
import { isoDate } from './common.ts';

/**
 * Every catalog (danh mục) the system keeps. An entry is identified by catalog and code; the
 * same code may have several rows with non-overlapping validity periods.
 */
export const catalogNames = [
  'grades',
  'professional_titles',
  'salary_coefficients',
  'base_salary',
  'salary_step_rules',
  'leadership_allowances',
  'ethnic_groups',
  'religions',
  'general_education',
  'professional_levels',
  'academic_titles',
  'political_theory',
  'state_management',
  'foreign_languages',
  'it_skills',
  'provinces',
  'communes',
  'retirement_age_by_year',
  'retirement_by_birth_month',
] as const;
export type CatalogName = (typeof catalogNames)[number];

export const catalogLabels: Record<CatalogName, { vi: string; en: string }> = {
  grades: { vi: 'Ngạch công chức', en: 'Civil servant grades' },
  professional_titles: { vi: 'Chức danh nghề nghiệp viên chức', en: 'Professional titles' },
  salary_coefficients: { vi: 'Hệ số lương theo bảng, nhóm, bậc', en: 'Salary coefficients' },
  base_salary: { vi: 'Lương cơ sở', en: 'Base salary' },
  salary_step_rules: { vi: 'Thời gian nâng bậc lương thường xuyên', en: 'Regular step intervals' },
  leadership_allowances: { vi: 'Phụ cấp chức vụ lãnh đạo', en: 'Leadership position allowances' },
  ethnic_groups: { vi: 'Dân tộc', en: 'Ethnic groups' },
  religions: { vi: 'Tôn giáo', en: 'Religions' },
  general_education: { vi: 'Trình độ giáo dục phổ thông', en: 'General education' },
  professional_levels: { vi: 'Trình độ chuyên môn', en: 'Professional qualification levels' },
  academic_titles: { vi: 'Học hàm', en: 'Academic titles' },
  political_theory: { vi: 'Trình độ lý luận chính trị', en: 'Political theory' },
  state_management: { vi: 'Trình độ quản lý nhà nước', en: 'State management training' },
  foreign_languages: { vi: 'Trình độ ngoại ngữ', en: 'Foreign language levels' },
  it_skills: { vi: 'Trình độ tin học', en: 'IT skill levels' },
  provinces: { vi: 'Tỉnh, thành phố', en: 'Provinces' },
  communes: { vi: 'Xã, phường, đặc khu', en: 'Communes' },
  retirement_age_by_year: { vi: 'Tuổi nghỉ hưu theo năm', en: 'Retirement age by year' },
  retirement_by_birth_month: { vi: 'Tuổi nghỉ hưu theo tháng, năm sinh', en: 'Retirement by birth month' },
};

/** Salary tables of NĐ 204/2004/NĐ-CP. Professional titles of viên chức are paid on Bảng 3. */
export const salaryTables = [
  'bang_1_chuyen_gia_cao_cap',
  'bang_2_cong_chuc',
  'bang_3_vien_chuc',
  'bang_4_thua_hanh_phuc_vu',
] as const;
export type SalaryTable = (typeof salaryTables)[number];
export const salaryTableLabels: Record<SalaryTable, string> = {
  bang_1_chuyen_gia_cao_cap: 'Bảng 1 - Chuyên gia cao cấp',
  bang_2_cong_chuc: 'Bảng 2 - Cán bộ, công chức',
  bang_3_vien_chuc: 'Bảng 3 - Viên chức',
  bang_4_thua_hanh_phuc_vu: 'Bảng 4 - Nhân viên thừa hành, phục vụ',
};

export const confidenceLevels = ['high', 'medium', 'low'] as const;
export const entryStatuses = ['current', 'legacy'] as const;
export type EntryStatus = (typeof entryStatuses)[number];

const salaryGroup = z
  .string()
  .trim()
  .regex(/^[A-Z][A-Z0-9.]{0,7}$/, 'Nhóm lương có dạng A1, A2.1, B, C1, NV1.');
const coefficient = z.number().min(0, 'Hệ số không được âm.').max(20, 'Hệ số không quá 20.');
const percent = z.number().int().min(0).max(100);
const gender = z.enum(['nam', 'nu']);
const text = z.string().trim().max(500);

/**
 * The shape of each catalog's `attributes`. Values are checked when an entry is loaded or
 * edited, so that the rules that read them (salary, step dates, retirement) can trust them.
 */
export const catalogAttributeSchemas = {
  grades: z.object({
    field: text.optional(),
    salaryTable: z.enum(salaryTables),
    salaryGroup,
    stepCount: z.number().int().min(1).max(20),
    firstCoefficient: coefficient,
    lastCoefficient: coefficient,
  }),
  professional_titles: z.object({
    sector: text.optional(),
    rank: z.enum(['I', 'II', 'III', 'IV']).nullable(),
    salaryTable: z.enum(salaryTables),
    // Blank where the salary article of the circular was not available.
    salaryGroup: salaryGroup.nullable(),
  }),
  salary_coefficients: z.object({
    salaryTable: z.enum(salaryTables),
    salaryGroup,
    groupLabel: text.optional(),
    step: z.number().int().min(1).max(20),
    stepCount: z.number().int().min(1).max(20),
    coefficient,
  }),
  base_salary: z.object({
    amount: z.number().int().positive().max(100_000_000),
    kind: text.optional(),
  }),
  salary_step_rules: z.object({
    intervalMonths: z.number().int().min(1).max(120),
    overFrameWaitMonths: z.number().int().min(1).max(120).nullable(),
    overFrameFirstPercent: percent.nullable(),
    overFrameYearlyPercent: percent.nullable(),
  }),
  leadership_allowances: z.object({
    level: text,
    unitType: text,
    position: text,
    area: text.nullable(),
    coefficient,
  }),
  ethnic_groups: z.object({
    code1979: z
      .string()
      .regex(/^[0-9]{2}$/)
      .nullable(),
    otherName: text.nullable(),
  }),
  religions: z.object({
    codeSystem: z.enum(['qd1019_2008', 'local']),
    recognisedByState: z.boolean(),
  }),
  general_education: z.object({}),
  professional_levels: z.object({ equivalence: text.nullable() }),
  academic_titles: z.object({}),
  political_theory: z.object({}),
  state_management: z.object({}),
  foreign_languages: z.object({ equivalence: text.nullable() }),
  it_skills: z.object({ equivalence: text.nullable() }),
  provinces: z.object({ unitType: text, formedFrom: text.nullable() }),
  communes: z.object({ provinceCode: z.string().regex(/^[0-9]{2}$/) }),
  retirement_age_by_year: z.object({
    gender,
    year: z.number().int().min(2000).max(2100),
    ageYears: z.number().int().min(40).max(80),
    ageMonths: z.number().int().min(0).max(11),
  }),
  retirement_by_birth_month: z.object({
    gender,
    birthYear: z.number().int().min(1900).max(2100),
    birthMonth: z.number().int().min(1).max(12),
    ageYears: z.number().int().min(40).max(80),
    ageMonths: z.number().int().min(0).max(11),
    reachMonth: z.string().regex(/^[0-9]{4}-[0-9]{2}$/),
    pensionStartMonth: z.string().regex(/^[0-9]{4}-[0-9]{2}$/),
  }),
} satisfies Record<CatalogName, z.ZodType>;

export type CatalogAttributes<C extends CatalogName> = z.infer<(typeof catalogAttributeSchemas)[C]>;

/** One catalog entry as the API returns it. `validTo` is exclusive: the first day it no longer applies. */
export const catalogEntrySchema = z.object({
  id: z.number(),
  catalog: z.enum(catalogNames),
  code: z.string(),
  name: z.string(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  legalBasis: z.string().nullable(),
  legalDocumentNumber: z.string().nullable(),
  legalDocumentDate: z.string().nullable(),
  endLegalBasis: z.string().nullable(),
  endDocumentNumber: z.string().nullable(),
  endDocumentDate: z.string().nullable(),
  status: z.enum(entryStatuses),
  confidence: z.enum(confidenceLevels).nullable(),
  sources: z.string().nullable(),
  notes: z.string().nullable(),
  sortOrder: z.number(),
  attributes: z.record(z.string(), z.unknown()),
  rowVersion: z.number(),
});
export type CatalogEntry = z.infer<typeof catalogEntrySchema>;

export const catalogSummarySchema = z.object({
  catalog: z.enum(catalogNames),
  label: z.string(),
  labelEn: z.string(),
  entryCount: z.number(),
});

export const catalogParam = z.object({ catalog: z.enum(catalogNames, { error: 'Danh mục không tồn tại.' }) });
export const catalogEntryParam = catalogParam.extend({ id: z.coerce.number().int().positive() });

export const listCatalogQuery = z.object({
  onDate: isoDate.optional(),
  q: z.string().trim().max(200).optional(),
  includeEnded: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(5_000).optional(),
});

const entryCode = z
  .string()
  .trim()
  .min(1, 'Hãy nhập mã.')
  .max(40, 'Mã không quá 40 ký tự.')
  .regex(/^[0-9A-Za-zĐđ./_-]+$/, 'Mã chỉ gồm chữ, số và các dấu . / _ -');
const entryName = z.string().trim().min(1, 'Hãy nhập tên.').max(500, 'Tên không quá 500 ký tự.');
const legal = {
  legalBasis: z.string().trim().max(500, 'Căn cứ pháp lý không quá 500 ký tự.').optional(),
  legalDocumentNumber: z.string().trim().max(100, 'Số văn bản không quá 100 ký tự.').optional(),
  legalDocumentDate: isoDate.optional(),
};

export const createCatalogEntryBody = z.object({
  code: entryCode,
  name: entryName,
  validFrom: isoDate.optional(),
  validTo: isoDate.optional(),
  ...legal,
  status: z.enum(entryStatuses).optional(),
  notes: z.string().trim().max(2_000).optional(),
  sortOrder: z.number().int().min(0).max(1_000_000).optional(),
  attributes: z.record(z.string(), z.unknown()).optional(),
});
export type CreateCatalogEntryBody = z.infer<typeof createCatalogEntryBody>;

export const updateCatalogEntryBody = z.object({
  name: entryName.optional(),
  validFrom: isoDate.nullable().optional(),
  ...legal,
  status: z.enum(entryStatuses).optional(),
  notes: z.string().trim().max(2_000).nullable().optional(),
  sortOrder: z.number().int().min(0).max(1_000_000).optional(),
  attributes: z.record(z.string(), z.unknown()).optional(),
  rowVersion: z.number().int().positive(),
});
export type UpdateCatalogEntryBody = z.infer<typeof updateCatalogEntryBody>;

export const endCatalogEntryBody = z.object({
  /** First day on which the entry no longer applies (hết hiệu lực từ ngày). */
  validTo: isoDate,
  ...legal,
  rowVersion: z.number().int().positive(),
});
export type EndCatalogEntryBody = z.infer<typeof endCatalogEntryBody>;

export const catalogRequestStatuses = ['new', 'in_progress', 'done', 'rejected'] as const;
export type CatalogRequestStatus = (typeof catalogRequestStatuses)[number];
export const catalogRequestStatusLabels: Record<CatalogRequestStatus, string> = {
  new: 'Mới',
  in_progress: 'Đang xử lý',
  done: 'Đã xong',
  rejected: 'Từ chối',
};

export const createCatalogRequestBody = z.object({
  catalog: z.enum(catalogNames, { error: 'Hãy chọn danh mục.' }),
  /** The record field that needs the missing value, e.g. "Ngạch công chức". */
  field: z.string().trim().min(1, 'Hãy nêu trường cần bổ sung giá trị.').max(200),
  proposedCode: z.string().trim().max(40).optional(),
  proposedValue: z.string().trim().min(1, 'Hãy nhập giá trị đề nghị bổ sung.').max(500),
  legalDocumentNumber: z.string().trim().min(1, 'Hãy nhập số văn bản pháp lý.').max(100),
  legalDocumentDate: isoDate,
  note: z.string().trim().max(2_000).optional(),
  /** The requesting unit; defaults to the unit of the caller's admin grant. */
  unitId: z.number().int().positive().optional(),
});
export type CreateCatalogRequestBody = z.infer<typeof createCatalogRequestBody>;

export const updateCatalogRequestBody = z.object({
  status: z.enum(catalogRequestStatuses),
  resolutionNote: z.string().trim().max(2_000).optional(),
  rowVersion: z.number().int().positive(),
});
export type UpdateCatalogRequestBody = z.infer<typeof updateCatalogRequestBody>;

export const catalogRequestSchema = z.object({
  id: z.number(),
  catalog: z.enum(catalogNames),
  field: z.string(),
  proposedCode: z.string().nullable(),
  proposedValue: z.string(),
  legalDocumentNumber: z.string(),
  legalDocumentDate: z.string(),
  note: z.string().nullable(),
  status: z.enum(catalogRequestStatuses),
  unitId: z.number(),
  requestedBy: z.number(),
  handledBy: z.number().nullable(),
  resolutionNote: z.string().nullable(),
  createdAt: z.string(),
  rowVersion: z.number(),
});
export type CatalogRequest = z.infer<typeof catalogRequestSchema>;

export const catalogRequestQuery = z.object({ status: z.enum(catalogRequestStatuses).optional() });
