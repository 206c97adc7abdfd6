import ExcelJS from 'exceljs';
import { type ImportFieldDefinition, importFields } from '../../../common/schemas/import.ts';
import { EXCEL_FONT, styleHeaderCell, TEXT_FORMAT } from '../exports/excel-cells.ts';
import { columnLetter } from './import-headers.ts';
import type { CodeLookup, ImportLookups } from './import-lookups.ts';

// The template an agency fills in: a title row, a note on how to write dates and codes, the
// header row with the exact Vietnamese labels, and columns formatted as text (numbers for the
// numeric ones). Text cells keep the leading zeros of ID numbers and codes, and keep dates exactly
// as typed, whatever the locale of the spreadsheet program. A hidden sheet contains the code lists that the drop-down lists
// (data validation) of the code columns draw from.

export const TEMPLATE_SHEET = 'Hồ sơ';
const LISTS_SHEET = 'DanhMuc';
const HEADER_ROW = 3;
const DATA_ROWS = 1_000;

// exceljs 4.4 supports range validations at run time but leaves them out of its type definitions.
interface WithDataValidations {
  dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void };
}

const COLUMN_WIDTHS: Partial<Record<ImportFieldDefinition['kind'], number>> = { text: 24, date: 14 };

const INLINE_LISTS: Partial<Record<ImportFieldDefinition['kind'], string>> = {
  gender: '"Nam,Nữ"',
  employmentType: '"Cán bộ,Công chức,Viên chức"',
  bloodGroup: '"A,B,AB,O"',
};

function listOf(field: ImportFieldDefinition, lookups: ImportLookups): CodeLookup | undefined {
  if (field.kind === 'code' && field.catalog) return lookups.catalogs.get(field.catalog);
  if (field.kind === 'rank') return lookups.ranks;
  if (field.kind === 'division') return lookups.divisions;
  return undefined;
}

/** Builds the template of an agency, with its divisions in the "Mã bộ phận" list. */
export async function buildImportTemplate(
  agency: { code: string; name: string },
  lookups: ImportLookups,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'HoSo';
  const sheet = workbook.addWorksheet(TEMPLATE_SHEET, {
    views: [{ state: 'frozen', ySplit: HEADER_ROW, xSplit: 3 }],
  });
  const lists = workbook.addWorksheet(LISTS_SHEET);
  lists.state = 'hidden';

  const fields: ImportFieldDefinition[] = [...importFields];
  const lastColumn = fields.length + 1;
  sheet.getColumn(1).width = 6;
  fields.forEach((field, position) => {
    // A column style rather than one per cell: spreadsheet programs apply it to every new entry.
    // It is set before the title and header rows, which get their own style afterwards.
    const column = sheet.getColumn(position + 2);
    column.width = COLUMN_WIDTHS[field.kind] ?? 18;
    column.numFmt = field.kind === 'integer' || field.kind === 'decimal' ? 'General' : TEXT_FORMAT;
    column.font = { name: EXCEL_FONT, size: 11 };
  });

  sheet.getCell(1, 1).value = `DANH SÁCH HỒ SƠ CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC - ${agency.code} ${agency.name}`;
  sheet.getCell(1, 1).font = { name: EXCEL_FONT, size: 14, bold: true };
  sheet.mergeCells(1, 1, 1, lastColumn);
  sheet.getCell(2, 1).value =
    'Ngày ghi dạng dd/mm/yyyy, năm đủ 4 chữ số (ví dụ 15/06/1985). Cột mã chọn từ danh sách thả xuống. Ô để trống thì giữ nguyên thông tin đang có trong hồ sơ. Mỗi người một dòng, nhận ra theo số định danh cá nhân.';
  sheet.getCell(2, 1).font = { name: EXCEL_FONT, size: 11, italic: true };
  sheet.getCell(2, 1).alignment = { wrapText: true, vertical: 'top' };
  sheet.getRow(2).height = 32;
  sheet.mergeCells(2, 1, 2, lastColumn);

  const header = sheet.getRow(HEADER_ROW);
  header.getCell(1).value = 'STT';
  fields.forEach((field, position) => {
    header.getCell(position + 2).value = field.required ? `${field.header} (*)` : field.header;
  });
  header.eachCell((cell) => styleHeaderCell(cell));
  header.height = 45;

  let listColumn = 0;
  fields.forEach((field, position) => {
    const column = position + 2;
    const letter = columnLetter(column);

    const lookup = listOf(field, lookups);
    let formula = INLINE_LISTS[field.kind];
    if (lookup && lookup.entries.length > 0) {
      listColumn += 1;
      const listLetter = columnLetter(listColumn);
      lists.getCell(1, listColumn).value = field.header;
      lookup.entries.forEach((entry, index) => {
        lists.getCell(index + 2, listColumn).value = `${entry.code} - ${entry.name}`;
      });
      formula = `${LISTS_SHEET}!$${listLetter}$2:$${listLetter}$${lookup.entries.length + 1}`;
    }
    if (!formula) return;
    (sheet as unknown as WithDataValidations).dataValidations.add(
      `${letter}${HEADER_ROW + 1}:${letter}${HEADER_ROW + DATA_ROWS}`,
      {
        type: 'list',
        allowBlank: true,
        formulae: [formula],
        // A warning, not a stop: a bare code or a name typed by hand is accepted by the import.
        showErrorMessage: true,
        errorStyle: 'warning',
        errorTitle: field.header,
        error: 'Giá trị không có trong danh sách. Hãy chọn từ danh sách thả xuống.',
      },
    );
  });

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
