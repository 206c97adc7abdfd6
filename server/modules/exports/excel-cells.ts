import type ExcelJS from 'exceljs';

/**
 * Cell type and format of a column:
 * - text: stored as a string cell in the '@' (Text) format, so codes and ID numbers keep their
 *   leading zeros and nothing typed into the cell later turns into a number or a formula;
 * - date: a 'YYYY-MM-DD' string written as a real Excel date shown dd/mm/yyyy;
 * - integer and decimal: numbers.
 */
export type ExcelColumnKind = 'text' | 'date' | 'integer' | 'decimal';

export type ExcelValue = string | number | null | undefined;

export interface ExcelColumn<Row> {
  header: string;
  /** Width in characters. */
  width: number;
  kind: ExcelColumnKind;
  value: (row: Row, index: number) => ExcelValue;
}

export const EXCEL_FONT = 'Times New Roman';
export const DATE_FORMAT = 'dd/mm/yyyy';
export const TEXT_FORMAT = '@';

/**
 * Converts 'YYYY-MM-DD' into the Date that exceljs stores as that calendar day. exceljs writes a
 * Date as a serial number in UTC, so a local-midnight Date east of Greenwich would become the
 * previous day; Date.UTC avoids that.
 */
export function excelDate(iso: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) return null;
  const [, year, month, day] = match;
  return new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
}

/** Writes one value into a cell with the format of its column kind. */
export function setCell(cell: ExcelJS.Cell, kind: ExcelColumnKind, value: ExcelValue): void {
  cell.font = { name: EXCEL_FONT, size: 11 };
  if (value === null || value === undefined || value === '') {
    if (kind === 'text') cell.numFmt = TEXT_FORMAT;
    return;
  }

  switch (kind) {
    case 'text': {
      // A string cell is never evaluated, even when it starts with = + - or @ (exceljs makes a
      // formula only from an object with a `formula` key). The text format keeps it a string when
      // a user edits the cell or saves the sheet as CSV.
      cell.value = String(value).normalize('NFC');
      cell.numFmt = TEXT_FORMAT;
      return;
    }
    case 'date': {
      const date = typeof value === 'string' ? excelDate(value) : null;
      if (date) {
        cell.value = date;
        cell.numFmt = DATE_FORMAT;
      } else {
        cell.value = String(value);
        cell.numFmt = TEXT_FORMAT;
      }
      return;
    }
    case 'integer':
    case 'decimal': {
      const number = typeof value === 'number' ? value : Number(value);
      if (Number.isFinite(number)) {
        cell.value = number;
        cell.numFmt = kind === 'integer' ? '0' : '0.00';
      } else {
        cell.value = String(value);
        cell.numFmt = TEXT_FORMAT;
      }
      return;
    }
  }
}

/** Styles a header cell: bold, centred, wrapped, thin border. */
export function styleHeaderCell(cell: ExcelJS.Cell): void {
  cell.font = { name: EXCEL_FONT, size: 11, bold: true };
  cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  cell.border = thinBorder;
}

export const thinBorder: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};
