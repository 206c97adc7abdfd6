import type { FieldError } from '../../../../../common/error-codes.ts';
import { type RecordDataInput, recordData } from '../../../../../common/schemas/record.ts';
import { recordFieldLabel } from '../../../../../common/schemas/record-labels.ts';

// The form contains RecordData as it is (dates as YYYY-MM-DD, codes, row ids). These helpers turn
// its values into what the API takes and check them with the schema the server uses.

/** Blank text and cleared pickers become null, as the server stores them. */
function blanksToNull(value: unknown): unknown {
  if (value === undefined || (typeof value === 'string' && value.trim() === '')) return null;
  if (Array.isArray(value)) return value.map(blanksToNull);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, blanksToNull(item)]));
  }
  return value;
}

/** Converts the form's values into the body of a save: the whole record, nothing the form did not show lost. */
export function recordOfFormValues(values: unknown): RecordDataInput {
  const cleaned = blanksToNull(values) as Record<string, unknown>;
  // Tag lists hold text only; a cleared list is empty rather than null.
  const employment = (cleaned.employment ?? {}) as Record<string, unknown>;
  if (employment.concurrentPositions === null) employment.concurrentPositions = [];
  return cleaned as RecordDataInput;
}

/**
 * Checks a record with the shared schema (types, lengths, character rules), so that autosave
 * sends only what the server will accept. Returns field errors named as the server names them
 * ("data.family.ownSide.0.fullName"), or none.
 */
export function checkRecord(record: RecordDataInput): FieldError[] {
  const parsed = recordData.safeParse(record);
  if (parsed.success) return [];
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  for (const issue of parsed.error.issues) {
    const path = issue.path.filter((part): part is string | number => typeof part !== 'symbol');
    const field = ['data', ...path].join('.');
    if (seen.has(field)) continue;
    seen.add(field);
    errors.push({ field, label: recordFieldLabel(path), message: issue.message });
  }
  return errors;
}

/** Converts a server field name ("data.family.ownSide.0.fullName") into a form name path. */
export function formNameOf(field: string): Array<string | number> {
  return field
    .split(/[/.]/)
    .filter(Boolean)
    .slice(field.startsWith('data') ? 1 : 0)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}
