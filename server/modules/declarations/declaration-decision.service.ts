import { type Kysely, sql, type Transaction } from 'kysely';
import { todayIso } from '../../../common/dates.ts';
import type { DecisionBody, Declaration } from '../../../common/schemas/declarations.ts';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../http/app-error.ts';
import type { Actor } from '../../http/policy.ts';
import { STAFF_ROLES } from '../access/scope.ts';
import { type AuditContext, recordAudit } from '../audit/audit.ts';
import { staffCoversPerson } from '../records/person-access.ts';
import { readStoredRecordData, validationError } from '../records/record-data.ts';
import { lockPerson, moveMembership, writeApprovedVersion } from '../records/records.repository.ts';
import { decidedMessage } from './declaration-messages.ts';
import { assertMayDecide, type Routing, routeDeclaration } from './declaration-routing.ts';
import { findDeclarationProblems } from './declaration-validation.ts';
import {
  type DeclarationRow,
  findDeclaration,
  insertEvent,
  toDeclarationDto,
} from './declarations.repository.ts';
import { notifyPerson } from './notifications.repository.ts';

// Approving or returning a submitted declaration. The declaration row stays locked (SELECT … FOR
// UPDATE) for the whole decision, so of two approvers deciding at once exactly one succeeds. The
// other waits for the lock, then finds the declaration decided and gets DECLARATION_ALREADY_DECIDED.

type Db = Kysely<Database> | Transaction<Database>;

/** Returns whether the actor may see the declaration: the person, or staff covering them or its target agency. */
export async function canViewDeclaration(db: Db, actor: Actor, row: DeclarationRow): Promise<boolean> {
  if (actor.personId !== null && actor.personId === row.person_id) return true;
  return staffCoversPerson(db, actor, row.person_id, STAFF_ROLES);
}

export class DeclarationDecisionService {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async decide(
    actor: Actor,
    declarationId: number,
    body: DecisionBody,
    audit: AuditContext,
  ): Promise<Declaration> {
    return this.#db.transaction().execute(async (trx) => {
      const row = await findDeclaration(trx, declarationId, { lock: true });
      if (!row || !(await canViewDeclaration(trx, actor, row))) throw new AppError('NOT_FOUND');

      const data = readStoredRecordData(row.data);
      const targetAgencyId = row.target_agency_id ?? data.employment.agencyId;
      if (!targetAgencyId)
        throw new AppError('DECLARATION_ALREADY_DECIDED', { message: decidedMessage(row) });
      const routing = await routeDeclaration(trx, row.person_id, targetAgencyId);
      await assertMayDecide(trx, actor, { personId: row.person_id }, routing);

      if (row.status !== 'submitted')
        throw new AppError('DECLARATION_ALREADY_DECIDED', { message: decidedMessage(row) });
      if (row.row_version !== body.rowVersion) {
        throw new AppError('DECLARATION_STALE', {
          message:
            'Phiếu đã được nộp lại với nội dung mới sau khi bạn mở. Hãy xem lại phiếu trước khi quyết định.',
        });
      }

      if (body.decision === 'approve') return this.#approve(trx, actor, row, routing, audit);
      return this.#return(trx, actor, row, body.reason, audit);
    });
  }

  async #approve(
    trx: Transaction<Database>,
    actor: Actor,
    row: DeclarationRow,
    routing: Routing,
    audit: AuditContext,
  ): Promise<Declaration> {
    const data = readStoredRecordData(row.data);
    const today = todayIso();
    const problems = await findDeclarationProblems(trx, data, { personId: row.person_id, today });
    if (problems.length > 0) {
      const error = validationError(problems);
      throw new AppError('VALIDATION_FAILED', {
        message: `Phiếu không còn đúng quy định hiện hành nên chưa phê duyệt được; hãy trả lại phiếu kèm lý do để người khai sửa. ${error.message}`,
        fields: problems,
      });
    }

    await lockPerson(trx, row.person_id);
    const version = await writeApprovedVersion(trx, {
      personId: row.person_id,
      data,
      source: 'declaration',
      declarationId: row.id,
      approvedBy: actor.accountId,
    });
    // The person joins the new agency (or division) only now; until this moment the old agency counts them.
    await moveMembership(
      trx,
      row.person_id,
      routing.targetAgencyId,
      data.employment.divisionId ?? null,
      today,
    );

    const updated = await trx
      .updateTable('declarations')
      .set({
        status: 'approved',
        decided_at: sql`now()`,
        decided_by_account_id: actor.accountId,
        approved_version_id: version.id,
        route: routing.route,
        row_version: sql`row_version + 1`,
        updated_at: sql`now()`,
      })
      .where('id', '=', row.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await insertEvent(trx, {
      declarationId: row.id,
      event: 'approved',
      actorAccountId: actor.accountId,
      onBehalf: false,
    });
    await notifyPerson(trx, {
      personId: row.person_id,
      kind: 'declaration_approved',
      message: `Phiếu thông tin cá nhân của bạn đã được phê duyệt; hồ sơ chính thức là phiên bản số ${version.versionNo}.`,
      declarationId: row.id,
      createdBy: actor.accountId,
    });
    await recordAudit(trx, audit, {
      action: 'declaration.approve',
      entityType: 'declaration',
      entityId: row.id,
      before: { status: row.status },
      after: { status: 'approved', versionNo: version.versionNo },
      detail: {
        personId: row.person_id,
        route: routing.route,
        isTransfer: routing.isTransfer,
        fromAgencyId: routing.currentAgencyId,
        toAgencyId: routing.targetAgencyId,
      },
    });
    return toDeclarationDto(trx, updated);
  }

  async #return(
    trx: Transaction<Database>,
    actor: Actor,
    row: DeclarationRow,
    reason: string,
    audit: AuditContext,
  ): Promise<Declaration> {
    const updated = await trx
      .updateTable('declarations')
      .set({
        status: 'returned',
        decided_at: sql`now()`,
        decided_by_account_id: actor.accountId,
        return_reason: reason,
        row_version: sql`row_version + 1`,
        updated_at: sql`now()`,
      })
      .where('id', '=', row.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await insertEvent(trx, {
      declarationId: row.id,
      event: 'returned',
      actorAccountId: actor.accountId,
      onBehalf: false,
      reason,
    });
    await notifyPerson(trx, {
      personId: row.person_id,
      kind: 'declaration_returned',
      message: `Phiếu thông tin cá nhân của bạn bị trả lại. Lý do: ${reason}`,
      declarationId: row.id,
      createdBy: actor.accountId,
    });
    await recordAudit(trx, audit, {
      action: 'declaration.return',
      entityType: 'declaration',
      entityId: row.id,
      before: { status: row.status },
      after: { status: 'returned' },
      detail: { personId: row.person_id, reason },
    });
    return toDeclarationDto(trx, updated);
  }
}
