import type ExcelJS from 'exceljs';
import { type ImportFieldKey, type ImportMapping, importFields } from '../../../common/schemas/import.ts';
import { foldForSearch, normalizeText } from '../../../common/vietnamese.ts';

// Finding the header row of an uploaded sheet and proposing which column feeds which field.
// Headers are compared without accents, case, punctuation or notes in brackets, so "NGÀY SINH
// (dd/mm/yyyy)", "Ngày sinh" and a decomposed (NFD) "Ngày sinh" all name the birth date. A
// two-row header, where a merged cell such as "Quê quán" spans "Tỉnh, thành phố" and "Địa chỉ",
// is read as "Quê quán - Tỉnh, thành phố".

const HEADER_SEARCH_ROWS = 20;

/** Other ways units write each header, in the folded form of normalizeHeader. */
const ALIASES: Record<ImportFieldKey, string[]> = {
  personalIdNumber: [
    'so dinh danh',
    'ma dinh danh',
    'ma so dinh danh',
    'so cccd',
    'cccd',
    'so can cuoc',
    'so can cuoc cong dan',
    'so cmnd cccd',
    'so cmnd',
  ],
  fullName: ['ho ten', 'ho va ten khai sinh', 'ho va ten can bo'],
  gender: ['nam nu', 'gioi'],
  birthDate: ['ngay thang nam sinh', 'sinh ngay', 'ngay sinh thang sinh nam sinh'],
  otherNames: ['cac ten goi khac', 'ten khac'],
  idIssueDate: ['ngay cap', 'ngay cap cccd', 'ngay cap can cuoc cong dan', 'ngay cap cmnd'],
  idIssuePlace: ['noi cap', 'noi cap cccd', 'noi cap can cuoc cong dan', 'noi cap cmnd'],
  personnelNumber: ['so hieu', 'so hieu cbccvc', 'so hieu can bo'],
  phone: ['dien thoai', 'sdt', 'so dien thoai lien he'],
  socialInsuranceNumber: ['so so bhxh', 'so bhxh', 'ma so bhxh', 'so bao hiem xa hoi'],
  healthInsuranceNumber: ['so the bhyt', 'the bhyt', 'so bao hiem y te'],
  ethnicityCode: ['ma dan toc'],
  religionCode: ['ma ton giao'],
  birthPlaceProvince: ['noi sinh tinh', 'noi sinh ma tinh', 'noi sinh tinh thanh'],
  birthPlaceDetail: ['noi sinh', 'noi sinh chi tiet'],
  hometownProvince: ['que quan tinh', 'que quan ma tinh', 'que quan tinh thanh'],
  hometownDetail: ['que quan', 'que quan chi tiet'],
  residenceProvince: ['noi o hien nay tinh', 'noi o hien nay ma tinh', 'noi o tinh thanh pho'],
  residenceDetail: ['noi o hien nay', 'cho o hien nay', 'noi o'],
  divisionCode: ['bo phan', 'ma phong ban', 'phong ban', 'bo phan phong', 'ma bo phan phong'],
  employmentType: ['loai', 'doi tuong', 'cbccvc', 'loai can bo', 'can bo cong chuc hay vien chuc'],
  firstRecruitmentDate: ['ngay tuyen dung', 'ngay duoc tuyen dung lan dau', 'ngay tuyen dung lan dau'],
  recruitingAgency: ['co quan to chuc don vi tuyen dung', 'don vi tuyen dung'],
  currentAgencyJoinDate: ['ngay vao co quan', 'ngay vao co quan hien dang cong tac', 'ngay ve co quan'],
  positionName: ['chuc vu hien tai', 'chuc danh chuc vu', 'chuc vu chinh quyen'],
  positionAppointmentDate: ['ngay bo nhiem', 'ngay bo nhiem chuc vu hien tai'],
  rankCode: [
    'ma ngach',
    'ma so ngach',
    'ma chuc danh nghe nghiep',
    'ma ngach cdnn',
    'ngach chuc danh nghe nghiep',
    'ngach',
  ],
  rankAppointmentDate: [
    'ngay bo nhiem ngach',
    'ngay bo nhiem chuc danh nghe nghiep',
    'ngay bo nhiem ngach cdnn',
  ],
  salaryStep: ['bac', 'bac luong hien huong'],
  coefficient: ['he so', 'he so luong hien huong'],
  stepStartDate: ['ngay huong', 'ngay huong bac', 'ngay huong luong', 'ngay huong bac hien tai'],
  overFramePercent: ['phu cap tham nien vuot khung', 'vuot khung', 'pctnvk', 'tnvk'],
  overFrameStartDate: ['ngay huong vuot khung', 'ngay huong pctnvk', 'ngay huong tnvk'],
  positionAllowance: ['phu cap chuc vu', 'pccv'],
  generalEducationCode: ['giao duc pho thong', 'trinh do van hoa', 'trinh do gdpt'],
  professionalLevelCode: ['trinh do chuyen mon', 'trinh do chuyen mon nghiep vu'],
  professionalMajor: ['chuyen nganh dao tao', 'nganh dao tao'],
  politicalTheoryCode: ['trinh do ly luan chinh tri', 'llct'],
  stateManagementCode: ['trinh do quan ly nha nuoc', 'qlnn'],
  itLevelCode: ['trinh do tin hoc'],
  foreignLanguage: ['ten ngoai ngu'],
  foreignLanguageLevelCode: ['trinh do ngoai ngu', 'ngoai ngu trinh do'],
  partyJoinDate: ['ngay vao dang cong san viet nam', 'ngay vao dang csvn'],
  partyOfficialDate: ['ngay chinh thuc vao dang', 'ngay vao dang chinh thuc'],
  enlistmentDate: [],
  dischargeDate: [],
  highestMilitaryRank: ['quan ham'],
  healthStatus: ['suc khoe'],
  heightCm: [],
  weightKg: [],
  bloodGroup: [],
};

/** Folds a header for comparison: no accents, no case, no bracketed notes, words of letters and digits. */
export function normalizeHeader(text: string): string {
  return foldForSearch(normalizeText(text))
    .replace(/\([^)]*\)/g, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const FIELD_BY_HEADER = new Map<string, ImportFieldKey>();
for (const field of importFields) FIELD_BY_HEADER.set(normalizeHeader(field.header), field.key);
for (const [key, aliases] of Object.entries(ALIASES) as Array<[ImportFieldKey, string[]]>) {
  for (const alias of aliases) if (!FIELD_BY_HEADER.has(alias)) FIELD_BY_HEADER.set(alias, key);
}

/** Finds the field a header names, or undefined. */
export function fieldOfHeader(text: string): ImportFieldKey | undefined {
  return FIELD_BY_HEADER.get(normalizeHeader(text));
}

/** Column letters as Excel shows them: 1 → A, 27 → AA. */
export function columnLetter(index: number): string {
  let letter = '';
  for (let rest = index; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    letter = String.fromCharCode(65 + ((rest - 1) % 26)) + letter;
  }
  return letter;
}

/** Text of a header cell; a merged cell reads as its top-left cell. */
export function headerText(cell: ExcelJS.Cell): string {
  return normalizeText(cell.text ?? '');
}

export interface HeaderColumn {
  index: number;
  letter: string;
  /** The header as the file shows it, with the merged group title in front for two-row headers. */
  header: string;
}

export interface DetectedHeader {
  sheet: ExcelJS.Worksheet;
  headerRow: number;
  columns: HeaderColumn[];
  mapping: ImportMapping;
}

/** Finds the first and last column of the merged range around the cell (its own column when not merged). */
function mergedSpan(sheet: ExcelJS.Worksheet, row: number, index: number): [number, number] {
  const cells = sheet.getRow(row);
  const master = cells.getCell(index).master.address;
  let left = index;
  let right = index;
  while (left > 1 && cells.getCell(left - 1).master.address === master) left -= 1;
  while (right < sheet.columnCount && cells.getCell(right + 1).master.address === master) right += 1;
  return [left, right];
}

/**
 * Reads the header of column `index` in `row`. Under a cell merged across several columns (a
 * group title such as "Quê quán"), the title is put in front, so that the same sub-header under
 * two titles names two fields. A merged cell that spans the whole header (the title of the
 * list) is not a group title.
 */
function columnHeader(
  sheet: ExcelJS.Worksheet,
  row: number,
  index: number,
  lastColumn: number,
): { header: string; candidates: string[] } {
  const ownCell = sheet.getRow(row).getCell(index);
  const own = headerText(ownCell);
  if (row === 1) return { header: own, candidates: [own] };

  const above = sheet.getRow(row - 1).getCell(index);
  const title = headerText(above);
  const [left, right] = mergedSpan(sheet, row - 1, index);
  const isGroupTitle = right > left && !(left === 1 && right >= lastColumn);
  const sameMergedCell = ownCell.isMerged && ownCell.master.address === above.master.address;
  if (!title || !isGroupTitle || sameMergedCell || title === own) return { header: own, candidates: [own] };
  const combined = own ? `${title} - ${own}` : title;
  return { header: combined, candidates: [combined, own] };
}

/** Tries each row near the top as the header and keeps the one that names the most fields. */
function scoreRow(sheet: ExcelJS.Worksheet, row: number, columnCount: number) {
  const mapping: ImportMapping = {};
  const columns: HeaderColumn[] = [];
  let lastColumn = 0;
  for (let index = 1; index <= columnCount; index++)
    if (headerText(sheet.getRow(row).getCell(index))) lastColumn = index;
  for (let index = 1; index <= columnCount; index++) {
    const { header, candidates } = columnHeader(sheet, row, index, lastColumn);
    columns.push({ index, letter: columnLetter(index), header });
    for (const candidate of candidates) {
      const field = fieldOfHeader(candidate);
      if (field && mapping[field] === undefined) {
        mapping[field] = index;
        break;
      }
    }
  }
  return { mapping, columns, score: Object.keys(mapping).length };
}

/**
 * Finds the header row among the first rows of the visible sheets. Returns undefined when no row
 * names at least two known columns.
 */
export function detectHeader(workbook: ExcelJS.Workbook): DetectedHeader | undefined {
  let best: (DetectedHeader & { score: number }) | undefined;
  for (const sheet of workbook.worksheets) {
    if (sheet.state !== 'visible') continue;
    const columnCount = Math.min(sheet.columnCount, 200);
    for (let row = 1; row <= Math.min(HEADER_SEARCH_ROWS, sheet.rowCount); row++) {
      const scored = scoreRow(sheet, row, columnCount);
      if (scored.score >= 2 && (!best || scored.score > best.score))
        best = { sheet, headerRow: row, ...scored };
    }
  }
  if (!best) return undefined;
  // Trailing columns without a header carry nothing to map.
  while (best.columns.length > 0 && best.columns[best.columns.length - 1]!.header === '') best.columns.pop();
  return { sheet: best.sheet, headerRow: best.headerRow, columns: best.columns, mapping: best.mapping };
}
