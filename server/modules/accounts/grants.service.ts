import type { Kysely } from 'kysely';
import { type GrantedRole, roleLabels, type UnitKind } from '../../../common/roles.ts';
import type { Account, GrantBody } from '../../../common/schemas/accounts.ts';
import type { Database } from '../../db/schema.ts';
import { AppError, fieldError } from '../../http/app-error.ts';
import type { Actor } from '../../http/policy.ts';
import { type AuditContext, recordAudit } from '../audit/audit.ts';
import { lockAccountForAdmin, requireActiveUnitInScope } from './account-checks.ts';
import { accountDto } from './accounts.repository.ts';
import { assertApproverGrantsRemovable } from './approver-rule.ts';

// The kind of unit each role is granted on: approvers and unit admins serve one agency (and its
// divisions), SNV the whole province.
const UNIT_KIND_OF_ROLE: Record<GrantedRole, UnitKind> = {
  approver: 'agency',
  unit_admin: 'agency',
  province_admin: 'province',
};
const UNIT_KIND_TEXT: Record<GrantedRole, string> = {
  approver: 'một cơ quan, đơn vị',
  unit_admin: 'một cơ quan, đơn vị',
  province_admin: 'đơn vị cấp tỉnh',
};

/** Role grants on units. Only SNV (province_admin) grants and revokes them. */
export class GrantsService {
  private readonly db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.db = db;
  }

  async grant(actor: Actor, accountId: number, body: GrantBody, audit: AuditContext): Promise<Account> {
    await this.db.transaction().execute(async (trx) => {
      const account = await lockAccountForAdmin(trx, actor, accountId);
      if (account.disabled_at !== null) {
        throw new AppError('ACCOUNT_DISABLED', {
          message: 'Tài khoản đang bị vô hiệu hóa. Hãy mở lại tài khoản trước khi cấp vai trò.',
        });
      }

      const unit = await requireActiveUnitInScope(trx, actor, body.unitId, 'unitId', 'Đơn vị');
      if (unit.kind !== UNIT_KIND_OF_ROLE[body.role]) {
        throw fieldError(
          'unitId',
          'Đơn vị',
          `Vai trò ${roleLabels[body.role].vi} chỉ cấp trên ${UNIT_KIND_TEXT[body.role]}; hãy chọn lại đơn vị.`,
        );
      }

      const existing = await trx
        .selectFrom('role_grants')
        .select('id')
        .where('account_id', '=', accountId)
        .where('role', '=', body.role)
        .where('unit_id', '=', body.unitId)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      if (existing) {
        throw new AppError('GRANT_EXISTS', {
          message: `Tài khoản đã có vai trò ${roleLabels[body.role].vi} trên ${unit.name} (mã số ${unit.code}).`,
        });
      }

      const grant = await trx
        .insertInto('role_grants')
        .values({ account_id: accountId, role: body.role, unit_id: body.unitId, granted_by: actor.accountId })
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordAudit(trx, audit, {
        action: 'account.grant',
        entityType: 'account',
        entityId: accountId,
        after: { grantId: grant.id, role: body.role, unitId: body.unitId },
      });
    });
    return this.view(accountId);
  }

  /**
   * Revokes one active grant. Refused with LAST_APPROVER when it is the last approver grant of an
   * agency, and for the caller's own province_admin grant, which would lock SNV out.
   */
  async revoke(actor: Actor, accountId: number, grantId: number, audit: AuditContext): Promise<Account> {
    await this.db.transaction().execute(async (trx) => {
      await lockAccountForAdmin(trx, actor, accountId);
      const grant = await trx
        .selectFrom('role_grants')
        .select(['id', 'role', 'unit_id'])
        .where('id', '=', grantId)
        .where('account_id', '=', accountId)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      if (!grant)
        throw new AppError('NOT_FOUND', {
          message: 'Không tìm thấy vai trò đang hiệu lực này của tài khoản.',
        });
      if (grant.role === 'province_admin' && accountId === actor.accountId) {
        throw new AppError('FORBIDDEN', {
          message: 'Bạn không thể tự thu hồi vai trò Sở Nội vụ của chính mình.',
        });
      }

      await assertApproverGrantsRemovable(trx, [grant.id]);

      await trx
        .updateTable('role_grants')
        .set({ revoked_at: new Date(), revoked_by: actor.accountId })
        .where('id', '=', grant.id)
        .execute();
      await recordAudit(trx, audit, {
        action: 'account.revoke_grant',
        entityType: 'account',
        entityId: accountId,
        before: { grantId: grant.id, role: grant.role, unitId: grant.unit_id },
      });
    });
    return this.view(accountId);
  }

  private async view(accountId: number): Promise<Account> {
    const account = await accountDto(this.db, accountId);
    if (!account) throw new AppError('NOT_FOUND');
    return account;
  }
}
