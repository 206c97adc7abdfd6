import { type Kysely, sql } from 'kysely';
import type {
  Account,
  AccountsPage,
  AccountWithPassword,
  CreateAccountBody,
  ListAccountsQuery,
  UpdateAccountBody,
} from '../../../common/schemas/accounts.ts';
import { normalizeText } from '../../../common/vietnamese.ts';
import type { AccountRow, Database } from '../../db/schema.ts';
import { AppError } from '../../http/app-error.ts';
import type { Actor } from '../../http/policy.ts';
import { assertCoversUnit, coversUnit, grantRoots, STAFF_ROLES } from '../access/scope.ts';
import { type AuditContext, recordAudit } from '../audit/audit.ts';
import { hashPassword } from '../auth/password.ts';
import { endAllSessions } from '../auth/session.repository.ts';
import {
  assertEmailFree,
  assertPersonLinkable,
  lockAccountForAdmin,
  mapAccountUniqueViolation,
  requireActiveUnitInScope,
} from './account-checks.ts';
import { accountDto, activeGrantRows, listAccounts } from './accounts.repository.ts';
import { assertApproverGrantsRemovable } from './approver-rule.ts';
import { generateInitialPassword } from './initial-password.ts';

/** Picks the fields of an account that the audit log records, which never include the password hash. */
function auditSnapshot(row: Pick<AccountRow, 'email' | 'display_name' | 'home_unit_id' | 'person_id'>) {
  return {
    email: row.email,
    displayName: row.display_name,
    homeUnitId: row.home_unit_id,
    personId: row.person_id,
  };
}

/**
 * Accounts: SNV (province_admin) creates, moves, disables, enables them and resets their
 * passwords. Unit admins and approvers read the accounts whose home unit lies in their subtree.
 * Accounts outside the caller's scope are reported as not found.
 */
export class AccountsService {
  private readonly db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.db = db;
  }

  async list(
    actor: Actor,
    query: ListAccountsQuery,
    options: { enabledOnly?: boolean } = {},
  ): Promise<AccountsPage> {
    let roots = grantRoots(actor, STAFF_ROLES);
    if (query.unitId !== undefined) {
      await assertCoversUnit(this.db, actor, query.unitId, STAFF_ROLES);
      roots = [query.unitId];
    }
    const mustChangePassword =
      query.defaultPassword === undefined ? undefined : query.defaultPassword === 'true';
    const result = await listAccounts(
      this.db,
      { rootUnitIds: [...new Set(roots)], q: query.q, mustChangePassword, enabledOnly: options.enabledOnly },
      query.page,
      query.pageSize,
    );
    return { ...result, page: query.page, pageSize: query.pageSize };
  }

  /** Lists the enabled accounts in scope that still have the default password, whom the admins must remind. */
  async defaultPasswords(
    actor: Actor,
    query: Omit<ListAccountsQuery, 'defaultPassword'>,
  ): Promise<AccountsPage> {
    return this.list(actor, { ...query, defaultPassword: 'true' }, { enabledOnly: true });
  }

  async get(actor: Actor, accountId: number): Promise<Account> {
    const account = await accountDto(this.db, accountId);
    if (!account || !(await coversUnit(this.db, actor, account.homeUnit.id, STAFF_ROLES)))
      throw new AppError('NOT_FOUND');
    return account;
  }

  async create(actor: Actor, body: CreateAccountBody, audit: AuditContext): Promise<AccountWithPassword> {
    const displayName = normalizeText(body.displayName);
    const initialPassword = generateInitialPassword(body.email);
    const passwordHash = await hashPassword(initialPassword);

    const accountId = await this.db
      .transaction()
      .execute(async (trx) => {
        await requireActiveUnitInScope(trx, actor, body.homeUnitId, 'homeUnitId', 'Đơn vị');
        await assertEmailFree(trx, body.email);
        if (body.personId) await assertPersonLinkable(trx, actor, body.personId, null);

        const row = await trx
          .insertInto('accounts')
          .values({
            email: body.email,
            display_name: displayName,
            home_unit_id: body.homeUnitId,
            person_id: body.personId ?? null,
            password_hash: passwordHash,
            must_change_password: true,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await recordAudit(trx, audit, {
          action: 'account.create',
          entityType: 'account',
          entityId: row.id,
          after: auditSnapshot(row),
        });
        return row.id;
      })
      .catch((error: unknown) => {
        throw mapAccountUniqueViolation(error, body.email);
      });

    return { account: await this.get(actor, accountId), initialPassword };
  }

  /** Changes the display name, the home unit (a move) or the linked personnel record. */
  async update(
    actor: Actor,
    accountId: number,
    body: UpdateAccountBody,
    audit: AuditContext,
  ): Promise<Account> {
    await this.db
      .transaction()
      .execute(async (trx) => {
        const account = await lockAccountForAdmin(trx, actor, accountId);
        if (account.row_version !== body.rowVersion) throw new AppError('CONFLICT');

        const next = {
          email: account.email,
          display_name:
            body.displayName === undefined ? account.display_name : normalizeText(body.displayName),
          home_unit_id: body.homeUnitId ?? account.home_unit_id,
          person_id: body.personId === undefined ? account.person_id : body.personId,
        };
        if (next.home_unit_id !== account.home_unit_id) {
          await requireActiveUnitInScope(trx, actor, next.home_unit_id, 'homeUnitId', 'Đơn vị');
        }
        if (next.person_id !== null && next.person_id !== account.person_id) {
          await assertPersonLinkable(trx, actor, next.person_id, account.id);
        }

        await trx
          .updateTable('accounts')
          .set({
            display_name: next.display_name,
            home_unit_id: next.home_unit_id,
            person_id: next.person_id,
            updated_at: sql<Date>`now()`,
            row_version: account.row_version + 1,
          })
          .where('id', '=', accountId)
          .execute();
        await recordAudit(trx, audit, {
          action: next.home_unit_id === account.home_unit_id ? 'account.update' : 'account.move',
          entityType: 'account',
          entityId: accountId,
          before: auditSnapshot(account),
          after: auditSnapshot(next),
        });
      })
      .catch((error: unknown) => {
        throw mapAccountUniqueViolation(error, null);
      });
    return this.get(actor, accountId);
  }

  /**
   * Disables the account and ends its sessions. Refused with LAST_APPROVER when the account is
   * the last approver of an agency, and for the caller's own account, which would lock SNV out.
   */
  async disable(actor: Actor, accountId: number, audit: AuditContext): Promise<Account> {
    await this.db.transaction().execute(async (trx) => {
      const account = await lockAccountForAdmin(trx, actor, accountId);
      if (account.id === actor.accountId) {
        throw new AppError('FORBIDDEN', {
          message: 'Bạn không thể tự vô hiệu hóa tài khoản của chính mình.',
        });
      }
      if (account.disabled_at !== null) return;

      const grants = await activeGrantRows(trx, accountId);
      await assertApproverGrantsRemovable(
        trx,
        grants.map((grant) => grant.id),
      );

      await trx
        .updateTable('accounts')
        .set({ disabled_at: new Date(), updated_at: sql<Date>`now()`, row_version: account.row_version + 1 })
        .where('id', '=', accountId)
        .execute();
      const sessionsEnded = await endAllSessions(trx, accountId);
      await recordAudit(trx, audit, {
        action: 'account.disable',
        entityType: 'account',
        entityId: accountId,
        detail: { sessionsEnded },
      });
    });
    return this.get(actor, accountId);
  }

  /** Enables a disabled account and clears any sign-in lock. */
  async enable(actor: Actor, accountId: number, audit: AuditContext): Promise<Account> {
    await this.db.transaction().execute(async (trx) => {
      const account = await lockAccountForAdmin(trx, actor, accountId);
      if (account.disabled_at === null) return;

      await trx
        .updateTable('accounts')
        .set({
          disabled_at: null,
          failed_sign_in_count: 0,
          locked_until: null,
          updated_at: sql<Date>`now()`,
          row_version: account.row_version + 1,
        })
        .where('id', '=', accountId)
        .execute();
      await recordAudit(trx, audit, { action: 'account.enable', entityType: 'account', entityId: accountId });
    });
    return this.get(actor, accountId);
  }

  /**
   * Sets a new default password, which the owner must change at the next sign-in, ends every
   * session of the account and clears a sign-in lock. The password is returned once and never
   * stored or logged in clear. The caller's own account is refused: its owner knows the password
   * and changes it through /api/auth/password.
   */
  async resetPassword(actor: Actor, accountId: number, audit: AuditContext): Promise<AccountWithPassword> {
    const email = (await this.get(actor, accountId)).email;
    const initialPassword = generateInitialPassword(email);
    const passwordHash = await hashPassword(initialPassword);

    await this.db.transaction().execute(async (trx) => {
      const account = await lockAccountForAdmin(trx, actor, accountId);
      if (account.id === actor.accountId) {
        throw new AppError('FORBIDDEN', {
          message: 'Hãy đổi mật khẩu của chính mình bằng chức năng Đổi mật khẩu.',
        });
      }
      await trx
        .updateTable('accounts')
        .set({
          password_hash: passwordHash,
          must_change_password: true,
          password_changed_at: new Date(),
          failed_sign_in_count: 0,
          locked_until: null,
          updated_at: sql<Date>`now()`,
          row_version: account.row_version + 1,
        })
        .where('id', '=', accountId)
        .execute();
      const sessionsEnded = await endAllSessions(trx, accountId);
      await recordAudit(trx, audit, {
        action: 'account.password_reset',
        entityType: 'account',
        entityId: accountId,
        detail: { sessionsEnded },
      });
    });
    return { account: await this.get(actor, accountId), initialPassword };
  }

  /**
   * Removes an account's authenticator (TOTP) secret, for a user who lost their phone, and ends
   * the account's sessions. With TOTP_FOR_ADMINS on, the next sign-in starts a new enrolment.
   */
  async resetTotp(actor: Actor, accountId: number, audit: AuditContext): Promise<Account> {
    await this.db.transaction().execute(async (trx) => {
      const account = await lockAccountForAdmin(trx, actor, accountId);
      if (account.id === actor.accountId) {
        throw new AppError('FORBIDDEN', {
          message:
            'Bạn không thể tự đặt lại ứng dụng xác thực của mình; hãy nhờ một quản trị viên khác của Sở Nội vụ.',
        });
      }
      const removed = await trx
        .deleteFrom('totp_secrets')
        .where('account_id', '=', accountId)
        .executeTakeFirst();
      const sessionsEnded = await endAllSessions(trx, accountId);
      await recordAudit(trx, audit, {
        action: 'account.totp_reset',
        entityType: 'account',
        entityId: accountId,
        detail: { hadSecret: Number(removed.numDeletedRows) > 0, sessionsEnded },
      });
    });
    return this.get(actor, accountId);
  }
}
