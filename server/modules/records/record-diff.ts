import type { FieldChange, RecordDiff, RowChange } from '../../../common/schemas/declarations.ts';
import { type RecordData, repeatingTables } from '../../../common/schemas/record.ts';
import { recordFieldLabel, recordFieldLabels } from '../../../common/schemas/record-labels.ts';
import { valueAtPath } from './record-data.ts';

// Field-by-field comparison of two record states, as the approver reviews a declaration: scalar
// fields old → new, and rows of repeating tables matched by rowId as added, removed or changed.

type Row = Record<string, unknown> & { rowId?: string };

const TABLES = new Set<string>(repeatingTables);

function isBlank(value: unknown): boolean {
  return (
    value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)
  );
}

function sameValue(left: unknown, right: unknown): boolean {
  if (isBlank(left) && isBlank(right)) return true;
  return JSON.stringify(left) === JSON.stringify(right);
}

/** Leaves of the record outside the repeating tables, keyed by dotted path. */
function scalarLeaves(value: unknown, prefix: string, into: Map<string, unknown>): void {
  if (TABLES.has(prefix)) return;
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, item] of Object.entries(value))
      scalarLeaves(item, prefix ? `${prefix}.${key}` : key, into);
    return;
  }
  into.set(prefix, value ?? null);
}

function compareScalars(before: RecordData | null, after: RecordData): FieldChange[] {
  const old = new Map<string, unknown>();
  const next = new Map<string, unknown>();
  if (before) scalarLeaves(before, '', old);
  scalarLeaves(after, '', next);

  const changes: FieldChange[] = [];
  for (const path of new Set([...old.keys(), ...next.keys()])) {
    const previous = old.get(path) ?? null;
    const current = next.get(path) ?? null;
    if (sameValue(previous, current)) continue;
    changes.push({ path, label: recordFieldLabel(path.split('.')), before: previous, after: current });
  }
  return changes;
}

function rowKey(row: Row, index: number): string {
  return row.rowId ?? `#${index}`;
}

function compareRows(table: string, beforeRows: Row[], afterRows: Row[]): RowChange[] {
  const tableLabel = recordFieldLabels[table] ?? table;
  const old = new Map(beforeRows.map((row, index) => [rowKey(row, index), row]));
  const next = new Map(afterRows.map((row, index) => [rowKey(row, index), row]));
  const changes: RowChange[] = [];

  for (const [rowId, row] of next) {
    const previous = old.get(rowId);
    if (!previous) {
      changes.push({ table, tableLabel, rowId, change: 'added', before: null, after: row, fields: [] });
      continue;
    }
    const fields: FieldChange[] = [];
    for (const key of new Set([...Object.keys(previous), ...Object.keys(row)])) {
      if (key === 'rowId' || sameValue(previous[key], row[key])) continue;
      fields.push({
        path: `${table}.${key}`,
        label: recordFieldLabels[`${table}.${key}`] ?? key,
        before: previous[key] ?? null,
        after: row[key] ?? null,
      });
    }
    if (fields.length > 0)
      changes.push({ table, tableLabel, rowId, change: 'changed', before: previous, after: row, fields });
  }
  for (const [rowId, row] of old) {
    if (!next.has(rowId))
      changes.push({ table, tableLabel, rowId, change: 'removed', before: row, after: null, fields: [] });
  }
  return changes;
}

/** Compares a record state with the proposed one; `before` is null for a first declaration. */
export function diffRecords(before: RecordData | null, after: RecordData): RecordDiff {
  const rows: RowChange[] = [];
  for (const table of repeatingTables) {
    const beforeRows = ((before && valueAtPath(before, table)) ?? []) as Row[];
    const afterRows = (valueAtPath(after, table) ?? []) as Row[];
    rows.push(...compareRows(table, beforeRows, afterRows));
  }
  return { fields: compareScalars(before, after), rows };
}
