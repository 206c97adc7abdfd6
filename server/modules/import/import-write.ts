import type { Transaction } from 'kysely';
import type { ImportProblem } from '../../../common/schemas/import.ts';
import { nameSortKey } from '../../../common/vietnamese.ts';
import type { Database } from '../../db/schema.ts';
import { type AuditContext, recordAudit } from '../audit/audit.ts';
import { lockPerson, moveMembership, writeApprovedVersion } from '../records/records.repository.ts';
import { type ImportTarget, planRow, type RowPlan } from './import-plan.ts';
import { cellProblem, type ParsedRow } from './import-rows.ts';

// Writing one row inside the batch's transaction. The row is planned again there, because the
// dry run may be minutes old. Then the person, the membership, the approved version and the audit
// row are written together; a row that fails its checks writes nothing.

export interface ImportActor {
  accountId: number;
  audit: AuditContext;
}

export interface WrittenRow {
  outcome: RowPlan['outcome'];
  problems: ImportProblem[];
}

const UNIQUE_VIOLATION = '23505';

async function createPerson(
  trx: Transaction<Database>,
  plan: Extract<RowPlan, { data: unknown }>,
  agencyId: number,
  today: string,
): Promise<number> {
  const identity = plan.data.identity;
  const person = await trx
    .insertInto('people')
    .values({
      full_name: identity.fullName,
      name_sort_key: nameSortKey(identity.fullName),
      gender: identity.gender ?? null,
      birth_date: identity.birthDate ?? null,
      personal_id_number: identity.personalIdNumber ?? null,
      employee_code: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('memberships')
    .values({
      person_id: person.id,
      agency_id: agencyId,
      division_id: plan.divisionId,
      valid_from: today,
      valid_to: null,
    })
    .execute();
  return person.id;
}

/**
 * A row that met a unique conflict: another import created the same person between this row's
 * check and its insert. The statement failed, so the transaction it ran in is lost; the batch
 * runs again one row per transaction, where this result is that row's outcome.
 */
export class RowConflict extends Error {
  readonly result: WrittenRow;

  constructor(result: WrittenRow) {
    super('Import row conflict');
    this.name = 'RowConflict';
    this.result = result;
  }
}

/** Imports one row in `trx`; returns what it did and its problems. */
export async function importRow(
  trx: Transaction<Database>,
  target: ImportTarget & { importId: number; fileName: string },
  row: ParsedRow,
  actor: ImportActor,
  today: string,
  seenIds: Map<string, number>,
): Promise<WrittenRow> {
  const plan = await planRow(trx, target, row, today, seenIds);
  if (plan.outcome === 'error' || plan.outcome === 'unchanged')
    return { outcome: plan.outcome, problems: plan.problems };

  try {
    let personId = plan.personId;
    if (personId === null) {
      personId = await createPerson(trx, plan, target.agency.id, today);
    } else {
      await lockPerson(trx, personId);
      await moveMembership(trx, personId, target.agency.id, plan.divisionId, today);
    }
    const version = await writeApprovedVersion(trx, {
      personId,
      data: plan.data,
      source: 'import',
      declarationId: null,
      approvedBy: actor.accountId,
    });
    await recordAudit(trx, actor.audit, {
      action: 'record.import',
      entityType: 'person',
      entityId: personId,
      after: { versionNo: version.versionNo },
      detail: {
        importId: target.importId,
        fileName: target.fileName,
        rowNumber: row.rowNumber,
        created: plan.outcome === 'create',
        agencyId: target.agency.id,
        divisionId: plan.divisionId,
        note: 'Phiên bản hồ sơ đã phê duyệt, nhập từ Excel, ký duyệt bởi quản trị viên nhập tệp.',
      },
    });
    return { outcome: plan.outcome, problems: plan.problems };
  } catch (error) {
    if ((error as { code?: string }).code !== UNIQUE_VIOLATION) throw error;
    throw new RowConflict({
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
    });
  }
}
