import type { Kysely, Transaction } from 'kysely';
import type { FieldError } from '../../../common/error-codes.ts';
import {
  type ImportFieldKey,
  type ImportMapping,
  type ImportProblem,
  importFieldOf,
} from '../../../common/schemas/import.ts';
import type { RecordData } from '../../../common/schemas/record.ts';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../http/app-error.ts';
import { findDeclarationProblems, type OrganisationMemo } from '../declarations/declaration-validation.ts';
import { parseRecordData } from '../records/record-data.ts';
import { findCurrentVersion, findOpenMembership } from '../records/records.repository.ts';
import type { HeaderColumn } from './import-headers.ts';
import { canonicalJson, importFieldOfPath, mergeRow } from './import-merge.ts';
import { cellProblem, type ParsedRow } from './import-rows.ts';

// Deciding what one row does: create a person, add an approved version to an existing record,
// change nothing (the record already contains exactly this data), or nothing because of an error.
// The record the row would produce passes the same rules as an approved declaration, so an
// import never stores what an approver could not approve.

type Db = Kysely<Database> | Transaction<Database>;

export interface ImportTarget {
  agency: { id: number; code: string; name: string };
  defaultDivisionId: number | null;
  columns: HeaderColumn[];
  mapping: ImportMapping;
}

export type RowPlan =
  | { outcome: 'error'; problems: ImportProblem[] }
  | {
      outcome: 'create' | 'update' | 'unchanged';
      personId: number | null;
      data: RecordData;
      divisionId: number | null;
      problems: ImportProblem[];
    };

function columnOf(target: ImportTarget, field: ImportFieldKey): HeaderColumn | undefined {
  const index = target.mapping[field];
  return index ? target.columns.find((column) => column.index === index) : undefined;
}

/** Turns the record rules' field errors into problems of the row's columns. */
export function problemsOfFieldErrors(
  target: ImportTarget,
  rowNumber: number,
  errors: FieldError[],
): ImportProblem[] {
  return errors.map((error) => {
    const field = importFieldOfPath(error.field);
    const column = field ? columnOf(target, field) : undefined;
    if (field && column) return cellProblem(rowNumber, column, field, 'error', error.message);

    let hint = '';
    if (field) {
      hint = ` Tệp chưa có cột "${importFieldOf(field).header}"; hãy thêm cột này vào tệp hoặc ghép cột ở bước ghép cột.`;
      if (field === 'divisionCode') hint += ' Cũng có thể chọn bộ phận mặc định khi tải tệp lên.';
    }
    return {
      row: rowNumber,
      column: null,
      header: null,
      level: 'error' as const,
      message: `${error.label}: ${error.message}${hint}`,
    };
  });
}

function rowError(target: ImportTarget, row: ParsedRow, field: ImportFieldKey, message: string): RowPlan {
  return {
    outcome: 'error',
    problems: [...row.problems, cellProblem(row.rowNumber, columnOf(target, field), field, 'error', message)],
  };
}

/**
 * Lookups shared by the rows of one batch: the people who already have the batch's ID numbers,
 * read in one query, and the organisation checks of each agency and division.
 */
export interface BatchLookups {
  personIdsByNumber: Map<string, number>;
  organisationMemo: OrganisationMemo;
}

/** Reads the lookups of a batch of rows in one query. */
export async function batchLookups(db: Db, rows: readonly ParsedRow[]): Promise<BatchLookups> {
  const numbers = [
    ...new Set(rows.map((row) => row.values.personalIdNumber).filter((id) => id !== undefined)),
  ];
  const people = numbers.length
    ? await db
        .selectFrom('people')
        .select(['id', 'personal_id_number'])
        .where('personal_id_number', 'in', numbers)
        .execute()
    : [];
  return {
    personIdsByNumber: new Map(people.map((person) => [person.personal_id_number!, person.id])),
    organisationMemo: new Map(),
  };
}

/**
 * Plans one row on `today`. `seenIds` contains the ID numbers of earlier rows of the same file.
 * `lookups` are those of the row's batch, read by batchLookups in the same transaction.
 */
export async function planRow(
  db: Db,
  target: ImportTarget,
  row: ParsedRow,
  today: string,
  seenIds: Map<string, number>,
  lookups: BatchLookups,
): Promise<RowPlan> {
  if (row.problems.some((problem) => problem.level === 'error'))
    return { outcome: 'error', problems: row.problems };

  const idNumber = row.values.personalIdNumber;
  if (!idNumber) {
    return rowError(
      target,
      row,
      'personalIdNumber',
      'thiếu số định danh cá nhân. Mỗi dòng phải có số này để nhận ra người đã có hồ sơ; hãy ghi đủ 12 chữ số.',
    );
  }
  const firstRow = seenIds.get(idNumber);
  if (firstRow !== undefined) {
    return rowError(
      target,
      row,
      'personalIdNumber',
      `số ${idNumber} trùng với dòng ${firstRow}. Mỗi người chỉ ghi một dòng; hãy gộp hai dòng hoặc xóa một dòng.`,
    );
  }
  seenIds.set(idNumber, row.rowNumber);

  const existingId = lookups.personIdsByNumber.get(idNumber);
  const existing = existingId === undefined ? undefined : { id: existingId };
  const membership = existing ? await findOpenMembership(db, existing.id) : undefined;
  if (existing && membership?.agency_id !== target.agency.id) {
    return rowError(
      target,
      row,
      'personalIdNumber',
      `số ${idNumber} đã thuộc hồ sơ của một người không thuộc ${target.agency.name}. Nhập từ Excel không chuyển người giữa các cơ quan; hãy bỏ dòng này, hoặc làm đề nghị tiếp nhận để chuyển người về cơ quan.`,
    );
  }
  if (existing) {
    const pending = await db
      .selectFrom('declarations')
      .select('id')
      .where('person_id', '=', existing.id)
      .where('status', '=', 'submitted')
      .executeTakeFirst();
    if (pending) {
      return rowError(
        target,
        row,
        'personalIdNumber',
        'người này đang có phiếu đã nộp chờ phê duyệt. Hãy phê duyệt hoặc trả lại phiếu trước, rồi nhập lại dòng này.',
      );
    }
  }

  const current = existing ? await findCurrentVersion(db, existing.id) : undefined;
  const divisionId = existing
    ? (current?.data.employment.divisionId ?? membership?.division_id ?? null)
    : target.defaultDivisionId;
  const input = mergeRow(current?.data, row.values, { agencyId: target.agency.id, divisionId });

  let data: RecordData;
  try {
    data = parseRecordData(input);
  } catch (error) {
    if (!(error instanceof AppError) || !error.fields) throw error;
    return {
      outcome: 'error',
      problems: [...row.problems, ...problemsOfFieldErrors(target, row.rowNumber, error.fields)],
    };
  }

  const ruleErrors = await findDeclarationProblems(db as Kysely<Database>, data, {
    personId: existing?.id ?? 0,
    today,
    organisationMemo: lookups.organisationMemo,
    // The batch lookup found no person with this number, and a person created since then meets the
    // unique index when the row is written.
    personalIdFree: existing === undefined && data.identity.personalIdNumber === idNumber,
  });
  if (ruleErrors.length > 0) {
    return {
      outcome: 'error',
      problems: [...row.problems, ...problemsOfFieldErrors(target, row.rowNumber, ruleErrors)],
    };
  }

  const finalDivision = data.employment.divisionId ?? null;
  const sameRecord = current !== undefined && canonicalJson(current.data) === canonicalJson(data);
  const sameMembership = membership !== undefined && membership.division_id === finalDivision;
  let outcome: 'create' | 'update' | 'unchanged' = existing ? 'update' : 'create';
  if (sameRecord && sameMembership) outcome = 'unchanged';
  return { outcome, personId: existing?.id ?? null, data, divisionId: finalDivision, problems: row.problems };
}
