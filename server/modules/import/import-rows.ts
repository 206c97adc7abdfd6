import type ExcelJS from 'exceljs';
import {
  IMPORT_MAX_ROWS,
  type ImportDateFormatMap,
  type ImportFieldKey,
  type ImportMapping,
  type ImportProblem,
  importFieldOf,
  importFields,
} from '../../../common/schemas/import.ts';
import { type RawCell, readCell } from './import-cells.ts';
import { columnLetter, type HeaderColumn } from './import-headers.ts';
import type { CodeEntry, ImportLookups, RankExtra } from './import-lookups.ts';
import {
  type Parsed,
  parseBloodGroup,
  parseDate,
  parseDecimal,
  parseEmploymentType,
  parseGender,
  parseInteger,
  parsePersonalId,
  parseText,
} from './import-values.ts';

// Reading the data rows under the header with the chosen mapping: every mapped cell is parsed
// by its field's kind, and every problem is kept with its row and column. Rows with nothing in
// the mapped columns (the empty rows a sheet keeps after its last person, or a template's
// pre-numbered STT rows) are skipped, and so is a row of column numbers such as (1) (2) (3).

/** The value of each mapped, non-empty cell of one row. */
export interface RowValues {
  personalIdNumber?: string;
  text: Partial<Record<ImportFieldKey, string>>;
  numbers: Partial<Record<ImportFieldKey, number>>;
  gender?: 'male' | 'female';
  employmentType?: 'cadre' | 'civil_servant' | 'public_employee';
  bloodGroup?: 'A' | 'B' | 'AB' | 'O';
  codes: Partial<Record<ImportFieldKey, string>>;
  rank?: CodeEntry<RankExtra>;
  divisionId?: number;
}

export interface ParsedRow {
  rowNumber: number;
  values: RowValues;
  problems: ImportProblem[];
}

export interface SheetRows {
  rows: ParsedRow[];
  /** Problems of the whole file, such as too many rows. */
  fileProblems: ImportProblem[];
}

const COLUMN_NUMBERING = /^\(?\d{1,3}\)?$/;

/** Builds a problem of one cell, naming the column by the header the file shows. */
export function cellProblem(
  rowNumber: number,
  column: HeaderColumn | undefined,
  field: ImportFieldKey,
  level: ImportProblem['level'],
  message: string,
): ImportProblem {
  const header = column?.header || importFieldOf(field).header;
  return {
    row: rowNumber,
    column: column?.letter ?? null,
    header,
    level,
    message: `Cột "${header}"${column ? ` (${column.letter})` : ''}: ${message}`,
  };
}

function isNumberingRow(cells: RawCell[]): boolean {
  const filled = cells.filter((cell) => cell.kind !== 'empty');
  return (
    filled.length >= 2 && filled.every((cell) => cell.kind === 'text' && COLUMN_NUMBERING.test(cell.text))
  );
}

function parseField(
  field: (typeof importFields)[number],
  raw: RawCell,
  dateFormats: ImportDateFormatMap,
  lookups: ImportLookups,
): Parsed<unknown> {
  switch (field.kind) {
    case 'personalId':
      return parsePersonalId(raw);
    case 'text':
      return parseText(raw);
    case 'date':
      return parseDate(raw, dateFormats[field.key] ?? 'dmy');
    case 'integer':
      return parseInteger(raw);
    case 'decimal':
      return parseDecimal(raw);
    case 'gender':
      return parseGender(raw);
    case 'employmentType':
      return parseEmploymentType(raw);
    case 'bloodGroup':
      return parseBloodGroup(raw);
    case 'code':
      return lookups.catalogs.get(field.catalog)!.resolve(raw);
    case 'rank':
      return lookups.ranks.resolve(raw);
    case 'division':
      return lookups.divisions.resolve(raw);
  }
}

function store(values: RowValues, field: (typeof importFields)[number], value: unknown): void {
  switch (field.kind) {
    case 'personalId':
      values.personalIdNumber = value as string;
      return;
    case 'text':
    case 'date':
      values.text[field.key] = value as string;
      return;
    case 'integer':
    case 'decimal':
      values.numbers[field.key] = value as number;
      return;
    case 'gender':
      values.gender = value as RowValues['gender'];
      return;
    case 'employmentType':
      values.employmentType = value as RowValues['employmentType'];
      return;
    case 'bloodGroup':
      values.bloodGroup = value as RowValues['bloodGroup'];
      return;
    case 'code':
      values.codes[field.key] = (value as CodeEntry).code;
      return;
    case 'rank':
      values.rank = value as CodeEntry<RankExtra>;
      return;
    case 'division':
      values.divisionId = (value as CodeEntry<{ id: number }>).extra.id;
      return;
  }
}

/** Parses the rows under the header row with the mapping and date formats chosen. */
export function readSheetRows(
  sheet: ExcelJS.Worksheet,
  headerRow: number,
  columns: HeaderColumn[],
  mapping: ImportMapping,
  dateFormats: ImportDateFormatMap,
  lookups: ImportLookups,
): SheetRows {
  const mapped = importFields.flatMap((field) => {
    const index = mapping[field.key];
    if (!index) return [];
    const column = columns.find((item) => item.index === index) ?? {
      index,
      letter: columnLetter(index),
      header: '',
    };
    return [{ field, column }];
  });
  const rows: ParsedRow[] = [];
  const fileProblems: ImportProblem[] = [];

  for (let rowNumber = headerRow + 1; rowNumber <= sheet.rowCount; rowNumber++) {
    const row = sheet.getRow(rowNumber);
    const cells = mapped.map(({ column }) => readCell(row, column.index));
    if (cells.every((cell) => cell.kind === 'empty')) continue;
    if (rowNumber === headerRow + 1 && isNumberingRow(cells)) continue;
    if (rows.length === IMPORT_MAX_ROWS) {
      fileProblems.push({
        row: rowNumber,
        column: null,
        header: null,
        level: 'error',
        message: `Tệp có hơn ${IMPORT_MAX_ROWS.toLocaleString('vi-VN')} dòng dữ liệu; các dòng từ dòng ${rowNumber} không được đọc. Hãy chia thành nhiều tệp.`,
      });
      break;
    }

    const values: RowValues = { text: {}, numbers: {}, codes: {} };
    const problems: ImportProblem[] = [];
    mapped.forEach(({ field, column }, position) => {
      const parsed = parseField(field, cells[position]!, dateFormats, lookups);
      if (parsed.error !== undefined) {
        problems.push(cellProblem(rowNumber, column, field.key, 'error', parsed.error));
        return;
      }
      if (parsed.warning) problems.push(cellProblem(rowNumber, column, field.key, 'warning', parsed.warning));
      if (parsed.value !== null) store(values, field, parsed.value);
    });
    rows.push({ rowNumber, values, problems });
  }
  return { rows, fileProblems };
}
