import { type ImportDateFormat, importDateFormatLabels } from '../../../common/schemas/import.ts';
import { foldForSearch } from '../../../common/vietnamese.ts';
import { displayText, type RawCell } from './import-cells.ts';

// Parsing one cell into the value of its field. Each parser returns the value, or an error that
// names what is wrong with the cell and how to fix it. A warning comes with a value that was
// read only after a repair (a leading zero put back). The caller puts the column name in front
// of the message.

export type Parsed<T> =
  | { value: T | null; error?: undefined; warning?: string }
  | { value?: undefined; error: string; warning?: undefined };

const ok = <T>(value: T | null, warning?: string): Parsed<T> => (warning ? { value, warning } : { value });
const fail = <T>(error: string): Parsed<T> => ({ error });

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const DATE_PARTS = /^(\d{1,4})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{1,4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/;

/**
 * Parses a date cell. A real Excel date is taken as it is. Text is read in the column's declared
 * format (dd/mm/yyyy by default, with /, - or . between the parts), except that a first part of
 * four digits is always a year (yyyy-mm-dd). Two-digit years are rejected, because 01/02/45 could
 * be 1945 or 2045.
 */
export function parseDate(raw: RawCell, format: ImportDateFormat): Parsed<string> {
  const label = importDateFormatLabels[format];
  if (raw.kind === 'empty') return ok(null);
  if (raw.kind === 'date') return checkYear(raw.iso);
  if (raw.kind === 'number') {
    return fail(
      `ô chứa số ${raw.value}, không phải ngày. Hãy ghi ngày dạng ${label} (ví dụ 15/06/1985) hoặc định dạng ô là Ngày (Date).`,
    );
  }
  if (raw.kind !== 'text')
    return fail(`"${displayText(raw)}" không phải là ngày. Hãy ghi ngày dạng ${label}, ví dụ 15/06/1985.`);

  const match = DATE_PARTS.exec(raw.text);
  if (!match) return fail(`"${raw.text}" không phải là ngày. Hãy ghi ngày dạng ${label}, ví dụ 15/06/1985.`);
  const [first, second, third] = [match[1]!, match[2]!, match[3]!];

  let year: string;
  let month: string;
  let day: string;
  if (first.length === 4) [year, month, day] = [first, second, third];
  else if (format === 'ymd')
    return fail(
      `"${raw.text}" không theo dạng ${label} đã chọn cho cột. Hãy sửa ô hoặc đổi định dạng ngày của cột ở bước ghép cột.`,
    );
  else if (format === 'mdy') [month, day, year] = [first, second, third];
  else [day, month, year] = [first, second, third];

  if (year.length !== 4) {
    return fail(
      `năm "${year}" trong "${raw.text}" không đủ 4 chữ số. Hãy ghi năm đủ 4 chữ số, ví dụ 15/06/1985 chứ không ghi 15/06/85.`,
    );
  }
  const [y, m, d] = [Number(year), Number(month), Number(day)];
  if (m < 1 || m > 12 || d < 1 || d > daysIn(y, m)) {
    return fail(
      `ngày "${raw.text}" không có thật khi đọc theo dạng ${label}. Hãy sửa ngày, tháng hoặc đổi định dạng ngày của cột ở bước ghép cột.`,
    );
  }
  return checkYear(`${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`);
}

function checkYear(iso: string): Parsed<string> {
  const year = Number(iso.slice(0, 4));
  if (year < 1900 || year > 2100)
    return fail(`năm ${year} nằm ngoài khoảng 1900–2100. Hãy kiểm tra lại ngày.`);
  return ok(iso);
}

/** Reads "3,33", "3.33", "1.234,5" or "5%" as a number; a decimal comma is the Vietnamese default. */
function numberOfText(text: string): number | undefined {
  let compact = text.replace(/[\s%]/g, '');
  const lastComma = compact.lastIndexOf(',');
  const lastDot = compact.lastIndexOf('.');
  if (lastComma >= 0 && lastDot >= 0) {
    const decimal = lastComma > lastDot ? ',' : '.';
    const grouping = decimal === ',' ? '.' : ',';
    compact = compact.replaceAll(grouping, '').replace(decimal, '.');
  } else if (lastComma >= 0) {
    compact = compact.replace(',', '.');
  }
  if (!/^-?\d+(\.\d+)?$/.test(compact)) return undefined;
  return Number(compact);
}

/** Parses a number cell, or text holding a number (numbers stored as text). */
export function parseDecimal(raw: RawCell): Parsed<number> {
  if (raw.kind === 'empty') return ok(null);
  if (raw.kind === 'number') return ok(raw.value);
  const value = raw.kind === 'text' ? numberOfText(raw.text) : undefined;
  if (value === undefined)
    return fail(
      `"${displayText(raw)}" không phải là số. Hãy ghi một số, dùng dấu phẩy cho phần thập phân (ví dụ 3,33).`,
    );
  return ok(value);
}

export function parseInteger(raw: RawCell): Parsed<number> {
  const parsed = parseDecimal(raw);
  if (parsed.error !== undefined || parsed.value === null) return parsed;
  if (!Number.isInteger(parsed.value))
    return fail(`"${displayText(raw)}" phải là số nguyên. Hãy ghi số không có phần thập phân.`);
  return parsed;
}

/**
 * Parses a số định danh cá nhân: 12 digits, spaces and dots ignored. A number cell has lost its
 * leading zeros (Excel stores 079… as 79…), so it is padded back to 12 digits with a warning.
 */
export function parsePersonalId(raw: RawCell): Parsed<string> {
  if (raw.kind === 'empty') return ok(null);
  if (raw.kind === 'number') {
    const digits = Number.isInteger(raw.value) && raw.value >= 0 ? String(raw.value) : '';
    if (digits.length >= 9 && digits.length <= 12) {
      const padded = digits.padStart(12, '0');
      const warning =
        padded === digits
          ? undefined
          : `Excel lưu số định danh ${digits} dưới dạng số nên mất số 0 ở đầu; đã hiểu là ${padded}. Hãy định dạng cột là Văn bản (Text) để giữ số 0.`;
      return ok(padded, warning);
    }
    return fail(`"${displayText(raw)}" không phải số định danh cá nhân. Hãy ghi đủ 12 chữ số.`);
  }
  const text = displayText(raw).replace(/^'/, '').replace(/[\s.]/g, '');
  if (/^\d{12}$/.test(text)) return ok(text);
  if (/^\d{9}$/.test(text)) {
    return fail(
      `"${text}" là số chứng minh nhân dân 9 chữ số. Hãy ghi số định danh cá nhân (căn cước) 12 chữ số.`,
    );
  }
  if (/^\d{10,11}$/.test(text)) {
    return fail(
      `"${text}" chỉ có ${text.length} chữ số. Hãy ghi đủ 12 chữ số; nếu số bắt đầu bằng 0, hãy định dạng cột là Văn bản (Text) rồi nhập lại.`,
    );
  }
  return fail(`"${text}" không phải số định danh cá nhân. Hãy ghi đủ 12 chữ số.`);
}

/** Parses free text; a number or date cell is kept as the user sees it. */
export function parseText(raw: RawCell): Parsed<string> {
  if (raw.kind === 'empty') return ok(null);
  if (raw.kind === 'error')
    return fail(`ô có lỗi công thức (${raw.text}). Hãy nhập giá trị thay cho công thức.`);
  return ok(displayText(raw));
}

function folded(raw: RawCell): string {
  return foldForSearch(displayText(raw)).replace(/\s+/g, ' ').trim();
}

export function parseGender(raw: RawCell): Parsed<'male' | 'female'> {
  if (raw.kind === 'empty') return ok(null);
  const value = folded(raw);
  if (value === 'nam' || value === 'male') return ok('male');
  if (value === 'nu' || value === 'female') return ok('female');
  return fail(`"${displayText(raw)}" không phải giới tính. Hãy ghi Nam hoặc Nữ.`);
}

export function parseEmploymentType(raw: RawCell): Parsed<'cadre' | 'civil_servant' | 'public_employee'> {
  if (raw.kind === 'empty') return ok(null);
  const value = folded(raw);
  if (value === 'vien chuc') return ok('public_employee');
  if (value === 'cong chuc') return ok('civil_servant');
  if (value === 'can bo') return ok('cadre');
  return fail(`"${displayText(raw)}" không hợp lệ. Hãy ghi một trong: Cán bộ, Công chức, Viên chức.`);
}

export function parseBloodGroup(raw: RawCell): Parsed<'A' | 'B' | 'AB' | 'O'> {
  if (raw.kind === 'empty') return ok(null);
  const value = displayText(raw).toUpperCase().replace(/\s+/g, '').replace(/^0$/, 'O');
  if (value === 'A' || value === 'B' || value === 'AB' || value === 'O') return ok(value);
  return fail(`"${displayText(raw)}" không phải nhóm máu. Hãy ghi A, B, AB hoặc O.`);
}
