import type { Transaction } from 'kysely';
import type { ImportProblem } from '../../../common/schemas/import.ts';
import type { Database } from '../../db/schema.ts';
import { type AuditContext, type AuditEntry, recordAudits } from '../audit/audit.ts';
import {
  createPeopleWithRecords,
  lockPerson,
  moveMembership,
  writeApprovedVersion,
} from '../records/records.repository.ts';
import { batchLookups, type ImportTarget, planRow, type RowPlan } from './import-plan.ts';
import { cellProblem, type ParsedRow } from './import-rows.ts';

// Writing a batch of rows inside one transaction. Each row is planned again there, because the
// dry run may be minutes old. A row that fails its checks writes nothing; the others get their
// person, membership, approved version and audit row, all committed with the batch.

export interface ImportActor {
  accountId: number;
  audit: AuditContext;
}

export interface WrittenRow {
  outcome: RowPlan['outcome'];
  problems: ImportProblem[];
}

const UNIQUE_VIOLATION = '23505';

/**
 * A batch that met a unique conflict: another import created the same person between a row's
 * check and its insert. The failed statement aborts the transaction it ran in, so the batch runs
 * again one row per transaction. There the failing row gets `result` as its outcome.
 */
export class RowConflict extends Error {
  /** The row's outcome when the batch held a single row; null for a larger batch. */
  readonly result: WrittenRow | null;

  constructor(result: WrittenRow | null) {
    super('Import row conflict');
    this.name = 'RowConflict';
    this.result = result;
  }
}

function conflictResult(row: ParsedRow): WrittenRow {
  return {
    outcome: 'error',
    problems: [
      ...row.problems,
      cellProblem(
        row.rowNumber,
        undefined,
        'personalIdNumber',
        'error',
        'số định danh vừa được một lần nhập khác ghi vào hệ thống. Hãy nhập lại tệp để cập nhật dòng này.',
      ),
    ],
  };
}

function importAuditEntry(
  target: ImportTarget & { importId: number; fileName: string },
  row: ParsedRow,
  plan: Extract<RowPlan, { data: unknown }>,
  personId: number,
  versionNo: number,
): AuditEntry {
  return {
    action: 'record.import',
    entityType: 'person',
    entityId: personId,
    after: { versionNo },
    detail: {
      importId: target.importId,
      fileName: target.fileName,
      rowNumber: row.rowNumber,
      created: plan.outcome === 'create',
      agencyId: target.agency.id,
      divisionId: plan.divisionId,
      note: 'Phiên bản hồ sơ đã phê duyệt, nhập từ Excel, ký duyệt bởi quản trị viên nhập tệp.',
    },
  };
}

/**
 * Imports a batch of rows in `trx`; returns what each row did and its problems, in row order.
 * Rows that change an existing record are written one by one. New people, most of a first
 * import, are written together at the end of the batch (createPeopleWithRecords).
 */
export async function importBatch(
  trx: Transaction<Database>,
  target: ImportTarget & { importId: number; fileName: string },
  rows: readonly ParsedRow[],
  actor: ImportActor,
  today: string,
  seenIds: Map<string, number>,
): Promise<WrittenRow[]> {
  const lookups = await batchLookups(trx, rows);
  const results: WrittenRow[] = [];
  const created: Array<{ row: ParsedRow; plan: Extract<RowPlan, { data: unknown }> }> = [];
  const audits: AuditEntry[] = [];

  try {
    for (const row of rows) {
      const plan = await planRow(trx, target, row, today, seenIds, lookups);
      results.push({ outcome: plan.outcome, problems: plan.problems });
      if (plan.outcome === 'error' || plan.outcome === 'unchanged') continue;
      if (plan.personId === null) {
        created.push({ row, plan });
        continue;
      }
      await lockPerson(trx, plan.personId);
      await moveMembership(trx, plan.personId, target.agency.id, plan.divisionId, today);
      const version = await writeApprovedVersion(trx, {
        personId: plan.personId,
        data: plan.data,
        source: 'import',
        declarationId: null,
        approvedBy: actor.accountId,
      });
      audits.push(importAuditEntry(target, row, plan, plan.personId, version.versionNo));
    }

    const written = await createPeopleWithRecords(
      trx,
      created.map(({ plan }) => ({
        data: plan.data,
        agencyId: target.agency.id,
        divisionId: plan.divisionId,
        validFrom: today,
      })),
      { source: 'import', approvedBy: actor.accountId },
    );
    for (const [index, { row, plan }] of created.entries()) {
      const person = written[index]!;
      audits.push(importAuditEntry(target, row, plan, person.personId, person.versionNo));
    }
    await recordAudits(trx, actor.audit, audits);
    return results;
  } catch (error) {
    if ((error as { code?: string }).code !== UNIQUE_VIOLATION) throw error;
    // Which row met the conflict is known only when the rows are written one per transaction.
    throw new RowConflict(rows.length === 1 ? conflictResult(rows[0]!) : null);
  }
}
