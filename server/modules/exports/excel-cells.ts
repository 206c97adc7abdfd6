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

interface CellContent {
  value?: ExcelJS.CellValue;
  numFmt?: string;
}

/** Converts a value into what a cell of the column kind stores: its value and number format. */
function cellContent(kind: ExcelColumnKind, value: ExcelValue): CellContent {
  if (value === null || value === undefined || value === '')
    return kind === 'text' ? { numFmt: TEXT_FORMAT } : {};

  switch (kind) {
    case 'text':
      // A string cell is never evaluated, even when it starts with = + - or @ (exceljs makes a
      // formula only from an object with a `formula` key). The text format keeps it a string when
      // a user edits the cell or saves the sheet as CSV.
      return { value: String(value).normalize('NFC'), numFmt: TEXT_FORMAT };
    case 'date': {
      const date = typeof value === 'string' ? excelDate(value) : null;
      return date ? { value: date, numFmt: DATE_FORMAT } : { value: String(value), numFmt: TEXT_FORMAT };
    }
    case 'integer':
    case 'decimal': {
      const number = typeof value === 'number' ? value : Number(value);
      if (!Number.isFinite(number)) return { value: String(value), numFmt: TEXT_FORMAT };
      return { value: number, numFmt: kind === 'integer' ? '0' : '0.00' };
    }
  }
}

/** Writes one value into a cell with the format of its column kind. */
export function setCell(cell: ExcelJS.Cell, kind: ExcelColumnKind, value: ExcelValue): void {
  cell.font = { name: EXCEL_FONT, size: 11 };
  const content = cellContent(kind, value);
  if (content.value !== undefined) cell.value = content.value;
  if (content.numFmt !== undefined) cell.numFmt = content.numFmt;
}

// One frozen style object per number format, shared by every bordered list cell: exceljs' style
// registry caches a style id per style object (a WeakMap), so a shared object is rendered to XML
// once instead of once per cell. Frozen, because a change to a shared style would restyle every cell.
const borderedStyles = new Map<string, Partial<ExcelJS.Style>>();

function borderedStyle(numFmt: string | undefined): Partial<ExcelJS.Style> {
  const key = numFmt ?? '';
  let style = borderedStyles.get(key);
  if (!style) {
    style = Object.freeze({
      font: Object.freeze({ name: EXCEL_FONT, size: 11 }),
      border: thinBorder,
      ...(numFmt !== undefined ? { numFmt } : {}),
    });
    borderedStyles.set(key, style);
  }
  return style;
}

/** Writes one value into a list cell: the format of its column kind and a thin border, with a shared style. */
export function setBorderedCell(cell: ExcelJS.Cell, kind: ExcelColumnKind, value: ExcelValue): void {
  const content = cellContent(kind, value);
  if (content.value !== undefined) cell.value = content.value;
  cell.style = borderedStyle(content.numFmt);
}

/** Styles a header cell: bold, centred, wrapped, thin border. */
export function styleHeaderCell(cell: ExcelJS.Cell): void {
  cell.font = { name: EXCEL_FONT, size: 11, bold: true };
  cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  cell.border = thinBorder;
}

export const thinBorder: Partial<ExcelJS.Borders> = Object.freeze({
  top: Object.freeze({ style: 'thin' }),
  left: Object.freeze({ style: 'thin' }),
  bottom: Object.freeze({ style: 'thin' }),
  right: Object.freeze({ style: 'thin' }),
} as const);
