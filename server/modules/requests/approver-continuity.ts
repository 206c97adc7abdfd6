import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { AppError, fieldError } from '../../http/app-error.ts';
import { ancestorIds } from '../access/scope.ts';
import { assertApproverGrantsRemovable } from '../accounts/approver-rule.ts';
import { type AuditContext, recordAudit } from '../audit/audit.ts';

type Db = Kysely<Database> | Transaction<Database>;

// An agency must never be left without an approver. A reduction or transfer that takes away the
// last one is refused unless it names a replacement, who receives the approver role when the
// request is processed, before the leaving person's roles are revoked.

const REPLACEMENT_FIELD = 'details.replacementApproverAccountId';
const REPLACEMENT_LABEL = 'Người phê duyệt phiếu thay thế';

async function activeGrantsOf(db: Db, accountIds: readonly number[]) {
  if (accountIds.length === 0) return [];
  return db
    .selectFrom('role_grants')
    .select(['id', 'account_id', 'role', 'unit_id'])
    .where('account_id', 'in', [...accountIds])
    .where('revoked_at', 'is', null)
    .orderBy('id')
    .execute();
}

/** Checks that the replacement is an enabled account of the agency and is not leaving itself. */
export async function requireReplacement(
  db: Db,
  accountId: number,
  agencyId: number,
  leavingAccountIds: readonly number[],
  field = REPLACEMENT_FIELD,
) {
  const account = await db.selectFrom('accounts').selectAll().where('id', '=', accountId).executeTakeFirst();
  const inAgency = account
    ? (await ancestorIds(db as Kysely<Database>, account.home_unit_id)).includes(agencyId)
    : false;
  if (!account || !inAgency)
    throw fieldError(field, REPLACEMENT_LABEL, 'Hãy chọn một tài khoản thuộc cơ quan này.');
  if (account.disabled_at !== null)
    throw fieldError(field, REPLACEMENT_LABEL, 'Tài khoản này đang bị vô hiệu hóa; hãy chọn người khác.');
  if (leavingAccountIds.includes(accountId))
    throw fieldError(field, REPLACEMENT_LABEL, 'Người thay thế không được là người đang rời cơ quan.');
  return account;
}

/**
 * Raises LAST_APPROVER, naming the field to fill, when the leaving accounts include the last
 * approver of an agency and no replacement is named. Call it inside a transaction.
 */
export async function assertLeaversReplaced(
  trx: Transaction<Database>,
  change: {
    agencyId: number;
    leavingAccountIds: readonly number[];
    replacementAccountId: number | undefined;
    field?: string;
  },
): Promise<void> {
  const field = change.field ?? REPLACEMENT_FIELD;
  if (change.replacementAccountId !== undefined) {
    await requireReplacement(
      trx,
      change.replacementAccountId,
      change.agencyId,
      change.leavingAccountIds,
      field,
    );
    return;
  }
  const grants = await activeGrantsOf(trx, change.leavingAccountIds);
  try {
    await assertApproverGrantsRemovable(
      trx,
      grants.filter((grant) => grant.role === 'approver').map((grant) => grant.id),
    );
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'LAST_APPROVER') throw error;
    throw new AppError('LAST_APPROVER', {
      message: `${error.message.split('. ')[0]}. Hãy chỉ định người phê duyệt phiếu thay thế trong đề nghị.`,
      fields: [
        {
          field,
          label: REPLACEMENT_LABEL,
          message: 'Hãy chọn người sẽ phê duyệt phiếu thay người rời cơ quan.',
        },
      ],
    });
  }
}

/**
 * Grants the approver role on the agency to the replacement (when named and not yet held), then
 * revokes every active grant of the leaving accounts that `shouldRevoke` selects, checking that no
 * agency is left without an approver. Each grant and revocation is audited.
 */
export async function handOverRoles(
  trx: Transaction<Database>,
  audit: AuditContext,
  change: {
    agencyId: number;
    leavingAccountIds: readonly number[];
    replacementAccountId: number | undefined;
    actorAccountId: number;
    requestId: number;
    shouldRevoke?: (grant: { role: string; unit_id: number }) => boolean;
  },
): Promise<void> {
  if (change.replacementAccountId !== undefined) {
    await requireReplacement(
      trx,
      change.replacementAccountId,
      change.agencyId,
      change.leavingAccountIds,
      'replacementApproverAccountId',
    );
    await grantRole(trx, audit, {
      accountId: change.replacementAccountId,
      role: 'approver',
      unitId: change.agencyId,
      actorAccountId: change.actorAccountId,
      requestId: change.requestId,
    });
  }

  const grants = (await activeGrantsOf(trx, change.leavingAccountIds)).filter(
    (grant) => change.shouldRevoke?.(grant) ?? true,
  );
  await assertApproverGrantsRemovable(
    trx,
    grants.filter((grant) => grant.role === 'approver').map((grant) => grant.id),
  ).catch((error: unknown) => {
    if (!(error instanceof AppError) || error.code !== 'LAST_APPROVER') throw error;
    throw new AppError('LAST_APPROVER', {
      message: `${error.message.split('. ')[0]}. Hãy chọn người phê duyệt phiếu thay thế khi xử lý đề nghị.`,
      fields: [
        {
          field: 'replacementApproverAccountId',
          label: REPLACEMENT_LABEL,
          message: 'Hãy chọn người sẽ phê duyệt phiếu thay người rời cơ quan.',
        },
      ],
    });
  });

  for (const grant of grants) {
    await trx
      .updateTable('role_grants')
      .set({ revoked_at: new Date(), revoked_by: change.actorAccountId })
      .where('id', '=', grant.id)
      .execute();
    await recordAudit(trx, audit, {
      action: 'account.revoke_grant',
      entityType: 'account',
      entityId: grant.account_id,
      before: { grantId: grant.id, role: grant.role, unitId: grant.unit_id },
      detail: { requestId: change.requestId },
    });
  }
}

/** Grants a role on a unit, with an audit row, unless the account already has it there. */
export async function grantRole(
  trx: Transaction<Database>,
  audit: AuditContext,
  grant: {
    accountId: number;
    role: 'approver' | 'unit_admin';
    unitId: number;
    actorAccountId: number;
    requestId: number;
  },
): Promise<void> {
  const existing = await trx
    .selectFrom('role_grants')
    .select('id')
    .where('account_id', '=', grant.accountId)
    .where('role', '=', grant.role)
    .where('unit_id', '=', grant.unitId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (existing) return;
  const row = await trx
    .insertInto('role_grants')
    .values({
      account_id: grant.accountId,
      role: grant.role,
      unit_id: grant.unitId,
      granted_by: grant.actorAccountId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await recordAudit(trx, audit, {
    action: 'account.grant',
    entityType: 'account',
    entityId: grant.accountId,
    after: { grantId: row.id, role: grant.role, unitId: grant.unitId },
    detail: { requestId: grant.requestId },
  });
}
