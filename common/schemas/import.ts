import { z } from 'zod';
import type { CatalogName } from './catalogs.ts';

// Excel import of existing personnel records by a unit admin (into their agency) or Sở Nội vụ.
// The flow: download the template, upload a file, adjust the column mapping and the date format
// of each date column, run a dry run that lists every problem by row and column, then import.
// Each person is matched on the số định danh cá nhân; identical data creates no new version.

/** How a column's cells are read. */
export type ImportFieldKind =
  | 'personalId'
  | 'text'
  | 'date'
  | 'integer'
  | 'decimal'
  | 'code'
  | 'rank'
  | 'gender'
  | 'employmentType'
  | 'bloodGroup'
  | 'division';

export interface ImportFieldDefinition {
  key: string;
  /** The column header of the template, the exact Vietnamese label. */
  header: string;
  kind: ImportFieldKind;
  /** Catalog the code comes from, for 'code' columns. */
  catalog?: CatalogName;
  /** Columns every import file must have. */
  required?: boolean;
}

/** Every column the import reads, in template order. Repeating tables (family, work history) are not imported. */
export const importFields = [
  { key: 'personalIdNumber', header: 'Số định danh cá nhân', kind: 'personalId', required: true },
  { key: 'fullName', header: 'Họ và tên', kind: 'text', required: true },
  { key: 'gender', header: 'Giới tính', kind: 'gender' },
  { key: 'birthDate', header: 'Ngày sinh', kind: 'date' },
  { key: 'otherNames', header: 'Tên gọi khác', kind: 'text' },
  { key: 'idIssueDate', header: 'Ngày cấp căn cước', kind: 'date' },
  { key: 'idIssuePlace', header: 'Nơi cấp căn cước', kind: 'text' },
  { key: 'personnelNumber', header: 'Số hiệu cán bộ, công chức, viên chức', kind: 'text' },
  { key: 'phone', header: 'Số điện thoại', kind: 'text' },
  { key: 'socialInsuranceNumber', header: 'Số sổ bảo hiểm xã hội', kind: 'text' },
  { key: 'healthInsuranceNumber', header: 'Số thẻ bảo hiểm y tế', kind: 'text' },
  { key: 'ethnicityCode', header: 'Dân tộc', kind: 'code', catalog: 'ethnic_groups' },
  { key: 'religionCode', header: 'Tôn giáo', kind: 'code', catalog: 'religions' },
  { key: 'birthPlaceProvince', header: 'Nơi sinh - tỉnh, thành phố', kind: 'code', catalog: 'provinces' },
  { key: 'birthPlaceDetail', header: 'Nơi sinh - địa chỉ', kind: 'text' },
  { key: 'hometownProvince', header: 'Quê quán - tỉnh, thành phố', kind: 'code', catalog: 'provinces' },
  { key: 'hometownDetail', header: 'Quê quán - địa chỉ', kind: 'text' },
  {
    key: 'residenceProvince',
    header: 'Nơi ở hiện nay - tỉnh, thành phố',
    kind: 'code',
    catalog: 'provinces',
  },
  { key: 'residenceDetail', header: 'Nơi ở hiện nay - địa chỉ', kind: 'text' },
  { key: 'divisionCode', header: 'Mã bộ phận', kind: 'division' },
  { key: 'employmentType', header: 'Cán bộ, công chức, viên chức', kind: 'employmentType' },
  { key: 'firstRecruitmentDate', header: 'Ngày tuyển dụng lần đầu', kind: 'date' },
  { key: 'recruitingAgency', header: 'Cơ quan tuyển dụng', kind: 'text' },
  { key: 'currentAgencyJoinDate', header: 'Ngày vào cơ quan hiện nay', kind: 'date' },
  { key: 'positionName', header: 'Chức vụ', kind: 'text' },
  { key: 'positionAppointmentDate', header: 'Ngày bổ nhiệm chức vụ', kind: 'date' },
  { key: 'rankCode', header: 'Mã ngạch, chức danh nghề nghiệp', kind: 'rank' },
  { key: 'rankAppointmentDate', header: 'Ngày bổ nhiệm ngạch, chức danh nghề nghiệp', kind: 'date' },
  { key: 'salaryStep', header: 'Bậc lương', kind: 'integer' },
  { key: 'coefficient', header: 'Hệ số lương', kind: 'decimal' },
  { key: 'stepStartDate', header: 'Ngày hưởng bậc lương', kind: 'date' },
  { key: 'overFramePercent', header: 'Phụ cấp thâm niên vượt khung (%)', kind: 'integer' },
  { key: 'overFrameStartDate', header: 'Ngày hưởng phụ cấp thâm niên vượt khung', kind: 'date' },
  { key: 'positionAllowance', header: 'Hệ số phụ cấp chức vụ', kind: 'decimal' },
  {
    key: 'generalEducationCode',
    header: 'Trình độ giáo dục phổ thông',
    kind: 'code',
    catalog: 'general_education',
  },
  {
    key: 'professionalLevelCode',
    header: 'Trình độ chuyên môn cao nhất',
    kind: 'code',
    catalog: 'professional_levels',
  },
  { key: 'professionalMajor', header: 'Chuyên ngành', kind: 'text' },
  { key: 'politicalTheoryCode', header: 'Lý luận chính trị', kind: 'code', catalog: 'political_theory' },
  { key: 'stateManagementCode', header: 'Quản lý nhà nước', kind: 'code', catalog: 'state_management' },
  { key: 'itLevelCode', header: 'Tin học', kind: 'code', catalog: 'it_skills' },
  { key: 'foreignLanguage', header: 'Ngoại ngữ', kind: 'text' },
  {
    key: 'foreignLanguageLevelCode',
    header: 'Trình độ ngoại ngữ',
    kind: 'code',
    catalog: 'foreign_languages',
  },
  { key: 'partyJoinDate', header: 'Ngày vào Đảng', kind: 'date' },
  { key: 'partyOfficialDate', header: 'Ngày chính thức', kind: 'date' },
  { key: 'enlistmentDate', header: 'Ngày nhập ngũ', kind: 'date' },
  { key: 'dischargeDate', header: 'Ngày xuất ngũ', kind: 'date' },
  { key: 'highestMilitaryRank', header: 'Quân hàm cao nhất', kind: 'text' },
  { key: 'healthStatus', header: 'Tình trạng sức khỏe', kind: 'text' },
  { key: 'heightCm', header: 'Chiều cao (cm)', kind: 'integer' },
  { key: 'weightKg', header: 'Cân nặng (kg)', kind: 'integer' },
  { key: 'bloodGroup', header: 'Nhóm máu', kind: 'bloodGroup' },
] as const satisfies readonly ImportFieldDefinition[];

export type ImportFieldKey = (typeof importFields)[number]['key'];
export const importFieldKeys = importFields.map((field) => field.key) as [
  ImportFieldKey,
  ...ImportFieldKey[],
];

export function importFieldOf(key: ImportFieldKey): ImportFieldDefinition {
  return importFields.find((field) => field.key === key)!;
}

/** How text dates of a column are written; real Excel date cells are read as they are. */
export const importDateFormats = ['dmy', 'mdy', 'ymd'] as const;
export type ImportDateFormat = (typeof importDateFormats)[number];
export const importDateFormatLabels: Record<ImportDateFormat, string> = {
  dmy: 'dd/mm/yyyy',
  mdy: 'mm/dd/yyyy',
  ymd: 'yyyy-mm-dd',
};

/** Largest upload: 20 MB of .xlsx, sent base64-encoded. */
export const IMPORT_MAX_FILE_BYTES = 20 * 1024 * 1024;
/** Largest number of data rows in one file. */
export const IMPORT_MAX_ROWS = 20_000;

const excelColumnNumber = z.number().int().min(1).max(16_384);

/** Which file column (1 = A) feeds each field; null or absent leaves the field out of the import. */
export const importMapping = z.partialRecord(z.enum(importFieldKeys), excelColumnNumber.nullable());
export type ImportMapping = z.infer<typeof importMapping>;
export const importDateFormatMap = z.partialRecord(z.enum(importFieldKeys), z.enum(importDateFormats));
export type ImportDateFormatMap = z.infer<typeof importDateFormatMap>;

export const importUploadBody = z.object({
  fileName: z
    .string()
    .trim()
    .min(1, 'Hãy chọn tệp Excel.')
    .max(200, 'Tên tệp không quá 200 ký tự.')
    .regex(
      /\.xlsx$/i,
      'Chỉ nhận tệp Excel dạng .xlsx (Excel 2007 trở lên). Hãy lưu tệp .xls thành .xlsx rồi tải lên lại.',
    ),
  fileBase64: z
    .string()
    .min(1, 'Tệp rỗng.')
    .max(Math.ceil((IMPORT_MAX_FILE_BYTES * 4) / 3) + 4, 'Tệp lớn hơn 20 MB; hãy chia thành nhiều tệp.')
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Nội dung tệp không đúng dạng base64.'),
  /** Division that people new to the system join when their row gives no "Mã bộ phận". */
  divisionId: z.number().int().positive().optional(),
});

export const importSettingsBody = z.object({
  mapping: importMapping,
  dateFormats: importDateFormatMap.default({}),
});
export type ImportSettings = z.infer<typeof importSettingsBody>;

export const importPhases = ['uploaded', 'checking', 'checked', 'importing', 'imported', 'failed'] as const;
export type ImportPhase = (typeof importPhases)[number];

/** One problem of the file, named by row and column the way the spreadsheet shows them. */
export const importProblem = z.object({
  /** Row number in the worksheet (1-based); 0 for a problem of the whole file. */
  row: z.number(),
  /** Column letter (A, B, …, AA), or null when the problem has no column of the file. */
  column: z.string().nullable(),
  header: z.string().nullable(),
  level: z.enum(['error', 'warning']),
  message: z.string(),
});
export type ImportProblem = z.infer<typeof importProblem>;

export const importCounts = z.object({
  /** People new to the system. */
  create: z.number(),
  /** People whose record gets a new approved version. */
  update: z.number(),
  /** People whose record already contains exactly this data. */
  unchanged: z.number(),
  /** Rows skipped whole because of an error. */
  failed: z.number(),
});
export type ImportCounts = z.infer<typeof importCounts>;

export const importFileColumn = z.object({ index: z.number(), letter: z.string(), header: z.string() });

const unitRef = z.object({ id: z.number(), code: z.string(), name: z.string() });

export const importJob = z.object({
  id: z.number(),
  agency: unitRef,
  defaultDivision: unitRef.nullable(),
  fileName: z.string(),
  sheetName: z.string(),
  headerRow: z.number(),
  phase: z.enum(importPhases),
  /** The check or import stopped with the server (a restart); start it again. */
  interrupted: z.boolean(),
  fileColumns: z.array(importFileColumn),
  mapping: importMapping,
  dateFormats: importDateFormatMap,
  /** The last dry run used the current mapping and found the file importable. */
  checkedCurrent: z.boolean(),
  rowsTotal: z.number(),
  rowsDone: z.number(),
  counts: importCounts,
  problemCount: z.number(),
  /** The first problems, by row; the full list is in GET /api/imports/:id/problems. */
  problems: z.array(importProblem),
  error: z.string().nullable(),
  /** An earlier import of the same file into this agency, if any. */
  previousImport: z.object({ id: z.number(), finishedAt: z.string().nullable() }).nullable(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ImportJob = z.infer<typeof importJob>;

export const importJobSummary = importJob.pick({
  id: true,
  fileName: true,
  phase: true,
  interrupted: true,
  counts: true,
  problemCount: true,
  createdByName: true,
  createdAt: true,
  finishedAt: true,
});
export const importJobList = z.array(importJobSummary);

export const importProblemsResponse = z.object({ total: z.number(), problems: z.array(importProblem) });
