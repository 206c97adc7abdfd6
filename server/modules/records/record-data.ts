import { randomUUID } from 'node:crypto';
import type { FieldError } from '../../../common/error-codes.ts';
import { type RecordData, recordData, repeatingTables } from '../../../common/schemas/record.ts';
import { recordFieldLabel } from '../../../common/schemas/record-labels.ts';
import { normalizeText } from '../../../common/vietnamese.ts';
import { AppError } from '../../http/app-error.ts';

// Parsing and normalising RecordData as the server stores it: Unicode NFC text, blank text as
// null, and a stable rowId on every row of a repeating table so that versions can be compared
// row by row.

/** Normalises every string: NFC; one-line text gets normalizeText, multi-line text keeps its lines. */
function normalizeStrings(value: unknown): unknown {
  if (typeof value === 'string') {
    const nfc = value.normalize('NFC');
    const text = nfc.includes('\n')
      ? nfc
          .split(/\r?\n/)
          .map((line) => normalizeText(line))
          .join('\n')
          .trim()
      : normalizeText(nfc);
    return text === '' ? null : text;
  }
  if (Array.isArray(value)) return value.map(normalizeStrings);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, normalizeStrings(item)]));
  }
  return value;
}

/** Gets the value at a dotted path such as 'family.ownSide'. */
export function valueAtPath(data: unknown, path: string): unknown {
  let current: unknown = data;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function assignRowIds(data: RecordData): RecordData {
  for (const table of repeatingTables) {
    const rows = valueAtPath(data, table) as Array<{ rowId?: string | undefined }> | undefined;
    for (const row of rows ?? []) row.rowId ??= randomUUID().replaceAll('-', '').slice(0, 16);
  }
  return data;
}

/** Turns zod issues on RecordData into field errors named the way the printed form names them. */
export function recordFieldErrors(
  issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>,
  prefix = 'data',
): FieldError[] {
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  for (const issue of issues) {
    const path = issue.path.filter((part): part is string | number => typeof part !== 'symbol');
    const field = [prefix, ...path].filter((part) => part !== '').join('.');
    if (seen.has(field)) continue;
    seen.add(field);
    errors.push({ field, label: recordFieldLabel(path), message: issue.message });
  }
  return errors;
}

/** Builds a VALIDATION_FAILED error listing every field, with one summary sentence naming them. */
export function validationError(fields: FieldError[]): AppError {
  const summary = fields
    .slice(0, 5)
    .map((field) => `${field.label}: ${field.message}`)
    .join('; ');
  const more = fields.length > 5 ? ` (và ${fields.length - 5} lỗi khác)` : '';
  return new AppError('VALIDATION_FAILED', { message: `Dữ liệu không hợp lệ. ${summary}${more}`, fields });
}

/**
 * Parses client input into RecordData: text normalised first, then the shared schema, then row
 * ids. Raises VALIDATION_FAILED naming each invalid field; nothing is stored on failure.
 */
export function parseRecordData(input: unknown): RecordData {
  const parsed = recordData.safeParse(normalizeStrings(input));
  if (!parsed.success) throw validationError(recordFieldErrors(parsed.error.issues));
  return assignRowIds(parsed.data);
}

/** Reads stored JSON back into RecordData (stored data was valid when written). */
export function readStoredRecordData(stored: unknown): RecordData {
  const value = typeof stored === 'string' ? JSON.parse(stored) : stored;
  const parsed = recordData.safeParse(value);
  // Data that no longer passes the schema (written under an older one) is returned as stored.
  return parsed.success ? parsed.data : (value as RecordData);
}
