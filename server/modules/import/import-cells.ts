import type ExcelJS from 'exceljs';
import { normalizeText } from '../../../common/vietnamese.ts';

// One cell of an uploaded sheet, reduced to what the importer can tell apart: text, a number, a
// date, a truth value or an error. Rich text is joined, a formula gives its cached result,
// no-break spaces and decomposed (NFD) letters are normalised, and blank text counts as empty.

export type RawCell =
  | { kind: 'empty' }
  | { kind: 'text'; text: string }
  | { kind: 'number'; value: number }
  | { kind: 'date'; iso: string }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'error'; text: string };

const EMPTY: RawCell = { kind: 'empty' };

/**
 * Returns the calendar day of a date cell. exceljs gives a date cell as a Date at midnight UTC;
 * rounding to the minute absorbs the floating-point error of the serial number, so that
 * 23:59:59.999 of the day before does not become that day.
 */
export function isoOfExcelDate(date: Date): string | null {
  const time = date.getTime();
  if (Number.isNaN(time)) return null;
  return new Date(Math.round(time / 60_000) * 60_000).toISOString().slice(0, 10);
}

function rawOf(value: ExcelJS.CellValue | undefined): RawCell {
  if (value === null || value === undefined) return EMPTY;
  if (typeof value === 'string') {
    const text = normalizeText(value);
    return text === '' ? EMPTY : { kind: 'text', text };
  }
  if (typeof value === 'number') return Number.isFinite(value) ? { kind: 'number', value } : EMPTY;
  if (typeof value === 'boolean') return { kind: 'boolean', value };
  if (value instanceof Date) {
    const iso = isoOfExcelDate(value);
    return iso ? { kind: 'date', iso } : { kind: 'error', text: 'ngày không hợp lệ' };
  }
  if ('richText' in value) return rawOf(value.richText.map((part) => part.text).join(''));
  if ('error' in value) return { kind: 'error', text: String(value.error) };
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: ExcelJS.CellValue }).result;
    if (result !== null && typeof result === 'object' && 'error' in result)
      return { kind: 'error', text: String(result.error) };
    return rawOf(result);
  }
  if ('text' in value) return rawOf((value as { text: ExcelJS.CellValue }).text);
  return EMPTY;
}

/** Reads a cell; a cell inside a merged range reads as the range's top-left cell. */
export function readCell(row: ExcelJS.Row, column: number): RawCell {
  return rawOf(row.getCell(column).value);
}

/** Formats the cell as the user sees it, for messages. */
export function displayText(raw: RawCell): string {
  switch (raw.kind) {
    case 'empty':
      return '';
    case 'text':
    case 'error':
      return raw.text;
    case 'number':
      return String(raw.value);
    case 'date':
      return `${raw.iso.slice(8, 10)}/${raw.iso.slice(5, 7)}/${raw.iso.slice(0, 4)}`;
    case 'boolean':
      return raw.value ? 'TRUE' : 'FALSE';
  }
}
