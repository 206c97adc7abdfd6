import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import { limits } from '../../../common/limits.ts';
import { officialEmail } from '../../../common/schemas/accounts.ts';
import type { RecruitmentPreview } from '../../../common/schemas/requests.ts';
import { foldForSearch, normalizeText } from '../../../common/vietnamese.ts';
import type { Database } from '../../db/schema.ts';
import { EXCEL_FONT, setCell } from '../exports/excel-cells.ts';
import { activeDivisionsOf } from './recruitment.ts';

// The recruits list as SNV and the agencies exchange it: one row per person with the full name,
// the official e-mail issued by the provincial IT centre and, optionally, the division code.

const MAX_ROWS = 1_000;
const HEADER_SEARCH_ROWS = 10;
export const TEMPLATE_HEADERS = ['STT', 'Họ và tên', 'Thư điện tử công vụ', 'Mã bộ phận (không bắt buộc)'];

export interface RecruitInputRow {
  rowNumber: number;
  fullName: string;
  email: string;
  divisionCode: string;
}

type Column = 'fullName' | 'email' | 'divisionCode';

function columnOf(header: string): Column | null {
  const folded = foldForSearch(header).replace(/\s+/g, ' ').trim();
  if (folded.includes('ho va ten') || folded === 'ho ten' || folded.includes('ho ten')) return 'fullName';
  if (folded.includes('thu dien tu') || folded.includes('email') || folded.includes('e-mail')) return 'email';
  if (folded.includes('ma bo phan') || folded.includes('ma don vi')) return 'divisionCode';
  return null;
}

/** Reads the recruits of the first worksheet, locating the header row by its labels. */
export async function readRecruitsWorkbook(
  data: Buffer,
): Promise<{ rows: RecruitInputRow[]; fileErrors: string[] }> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    return {
      rows: [],
      fileErrors: ['Không đọc được tệp. Hãy chọn tệp Excel dạng .xlsx (Excel 2007 trở lên).'],
    };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { rows: [], fileErrors: ['Tệp Excel không có trang tính nào.'] };

  let headerRow = 0;
  const columns = new Map<Column, number>();
  for (
    let rowNumber = 1;
    rowNumber <= Math.min(HEADER_SEARCH_ROWS, sheet.rowCount) && headerRow === 0;
    rowNumber++
  ) {
    const found = new Map<Column, number>();
    sheet.getRow(rowNumber).eachCell((cell, columnNumber) => {
      const column = columnOf(cell.text ?? '');
      if (column && !found.has(column)) found.set(column, columnNumber);
    });
    if (found.has('fullName') && found.has('email')) {
      headerRow = rowNumber;
      for (const [column, index] of found) columns.set(column, index);
    }
  }
  if (headerRow === 0) {
    return {
      rows: [],
      fileErrors: [
        'Không tìm thấy dòng tiêu đề có cột "Họ và tên" và cột "Thư điện tử công vụ" trong 10 dòng đầu. Hãy dùng tệp mẫu.',
      ],
    };
  }

  const rows: RecruitInputRow[] = [];
  const fileErrors: string[] = [];
  const text = (row: ExcelJS.Row, column: Column) => {
    const index = columns.get(column);
    return index === undefined ? '' : normalizeText(row.getCell(index).text ?? '');
  };
  for (let rowNumber = headerRow + 1; rowNumber <= sheet.rowCount; rowNumber++) {
    const row = sheet.getRow(rowNumber);
    const entry = {
      rowNumber,
      fullName: text(row, 'fullName'),
      email: text(row, 'email').toLowerCase(),
      divisionCode: text(row, 'divisionCode'),
    };
    if (!entry.fullName && !entry.email && !entry.divisionCode) continue;
    if (rows.length === MAX_ROWS) {
      fileErrors.push(`Tệp có hơn ${MAX_ROWS} người; hãy chia thành nhiều đề nghị.`);
      break;
    }
    rows.push(entry);
  }
  if (rows.length === 0) fileErrors.push('Tệp không có dòng dữ liệu nào dưới dòng tiêu đề.');
  return { rows, fileErrors };
}

/**
 * Checks each row as a request would: name present, e-mail valid, unique in the list and without
 * an account, division code (if any) among the agency's active divisions.
 */
export async function checkRecruitRows(
  db: Kysely<Database>,
  agencyId: number,
  rows: RecruitInputRow[],
): Promise<RecruitmentPreview['rows']> {
  const divisions = new Map(
    (await activeDivisionsOf(db, agencyId)).map((division) => [division.code, division]),
  );
  const emails = rows.map((row) => row.email).filter(Boolean);
  const taken = new Set(
    emails.length === 0
      ? []
      : (await db.selectFrom('accounts').select('email').where('email', 'in', emails).execute()).map(
          (account) => account.email,
        ),
  );
  const firstRowOf = new Map<string, number>();

  return rows.map((row) => {
    const errors: string[] = [];
    if (!row.fullName) errors.push('Thiếu họ và tên.');
    if (row.fullName.length > limits.personNameMaxLength)
      errors.push(`Họ và tên dài quá ${limits.personNameMaxLength} ký tự.`);

    const parsed = officialEmail.safeParse(row.email);
    if (!parsed.success) {
      errors.push(
        row.email
          ? 'Thư điện tử công vụ không hợp lệ; hãy nhập đúng dạng ten@donvi.gov.vn.'
          : 'Thiếu thư điện tử công vụ.',
      );
    } else {
      const first = firstRowOf.get(parsed.data);
      if (first !== undefined) errors.push(`Trùng thư điện tử với dòng ${first}.`);
      else firstRowOf.set(parsed.data, row.rowNumber);
      if (taken.has(parsed.data)) errors.push('Thư điện tử này đã có tài khoản.');
    }

    const division = row.divisionCode ? divisions.get(row.divisionCode) : undefined;
    if (row.divisionCode && !division)
      errors.push(`Cơ quan không có bộ phận đang hoạt động mã ${row.divisionCode}.`);

    return {
      rowNumber: row.rowNumber,
      fullName: row.fullName,
      email: parsed.success ? parsed.data : row.email,
      divisionCode: row.divisionCode || null,
      divisionId: division?.id ?? null,
      errors,
    };
  });
}

/** Builds the empty recruits list with its header row, for agencies to fill in. */
export async function recruitsTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Tuyển dụng mới');
  sheet.columns = [{ width: 6 }, { width: 32 }, { width: 36 }, { width: 26 }];
  const header = sheet.getRow(1);
  TEMPLATE_HEADERS.forEach((title, index) => {
    const cell = header.getCell(index + 1);
    cell.value = title;
    cell.font = { name: EXCEL_FONT, size: 11, bold: true };
  });
  for (let rowNumber = 2; rowNumber <= 51; rowNumber++) {
    for (let column = 2; column <= 4; column++)
      setCell(sheet.getRow(rowNumber).getCell(column), 'text', null);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
