import { type Kysely, sql } from 'kysely';
import { limits } from '../../../common/limits.ts';
import type { SessionInfo } from '../../../common/schemas/auth.ts';
import type { AccountRow, Database } from '../../db/schema.ts';
import { AppError } from '../../http/app-error.ts';
import type { Actor } from '../../http/policy.ts';
import { type AuditContext, recordAudit } from '../audit/audit.ts';
import { activeGrantsWithUnits } from './grants.repository.ts';
import type { LdapDirectory } from './ldap-directory.ts';
import { hashPassword, passwordPolicyViolations, verifyPassword } from './password.ts';
import { createSession, endAllSessions, endSession, type NewSession } from './session.repository.ts';
import { UnknownAccountThrottle } from './sign-in-throttle.ts';

export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
}

// Verified when the e-mail is unknown, so that an unknown account takes as long as a wrong password.
const DUMMY_HASH_PROMISE = hashPassword('hoso-dummy-password-for-timing');

export class AuthService {
  private readonly unknownAccounts = new UnknownAccountThrottle();
  private readonly db: Kysely<Database>;
  private readonly idleMinutes: number;

  constructor(db: Kysely<Database>, idleMinutes: number) {
    this.db = db;
    this.idleMinutes = idleMinutes;
  }

  /**
   * Checks the password and opens a session. Unknown, disabled and wrong-password attempts all
   * raise INVALID_CREDENTIALS; the fifth failure in a row locks the account (known or not) for
   * 15 minutes, during which even the right password raises ACCOUNT_LOCKED.
   */
  async signIn(emailInput: string, password: string, client: ClientInfo, audit: AuditContext): Promise<NewSession> {
    const email = emailInput.trim().toLowerCase();
    const account = await this.db.selectFrom('accounts').selectAll().where('email', '=', email).executeTakeFirst();

    if (!account) {
      await verifyPassword(await DUMMY_HASH_PROMISE, password);
      if (this.unknownAccounts.isLocked(email)) throw new AppError('ACCOUNT_LOCKED');
      this.unknownAccounts.recordFailure(email);
      throw new AppError('INVALID_CREDENTIALS');
    }

    const now = new Date();
    if (account.locked_until && new Date(account.locked_until) > now) {
      await recordAudit(this.db, { ...audit, actorAccountId: account.id }, {
        action: 'auth.sign_in_locked',
        entityType: 'account',
        entityId: account.id,
      });
      throw new AppError('ACCOUNT_LOCKED');
    }

    const passwordOk = await this.#passwordMatches(account, password);
    if (!passwordOk || account.disabled_at) {
      await this.recordFailure(account.id, audit);
      throw new AppError('INVALID_CREDENTIALS');
    }

    return this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('accounts')
        .set({ failed_sign_in_count: 0, locked_until: null, last_sign_in_at: now })
        .where('id', '=', account.id)
        .execute();
      const session = await createSession(trx, account.id, client);
      await recordAudit(trx, { ...audit, actorAccountId: account.id }, {
        action: 'auth.sign_in',
        entityType: 'account',
        entityId: account.id,
      });
      return session;
    });
  }

  private async recordFailure(accountId: number, audit: AuditContext): Promise<void> {
    const max = limits.maxFailedSignIns;
    const now = new Date();
    const lockUntil = new Date(now.getTime() + limits.lockMinutes * 60_000);
    // The counter is read and written in one statement, because attempts sent at the same time
    // all read the account before any of them fails, and a count computed from that read would
    // lose all but one. A lock that has run out starts the count again; a lock still running,
    // set by an attempt that overtook this one, is kept.
    const stillLocked = sql<boolean>`coalesce(locked_until > ${now}, false)`;
    const failureCount = sql<number>`case when failed_sign_in_count >= ${max} and not ${stillLocked} then 1 else failed_sign_in_count + 1 end`;
    await this.db.transaction().execute(async (trx) => {
      const row = await trx
        .updateTable('accounts')
        .set({
          failed_sign_in_count: failureCount,
          locked_until: sql<Date | null>`case when ${stillLocked} then locked_until when ${failureCount} >= ${max} then ${lockUntil}::timestamptz else null end`,
        })
        .where('id', '=', accountId)
        .returning(['failed_sign_in_count', 'locked_until'])
        .executeTakeFirstOrThrow();
      const failures = row.failed_sign_in_count;
      const locks = row.locked_until !== null && new Date(row.locked_until).getTime() === lockUntil.getTime();
      await recordAudit(trx, { ...audit, actorAccountId: null }, {
        action: locks ? 'auth.account_locked' : 'auth.sign_in_failed',
        entityType: 'account',
        entityId: accountId,
        detail: { failures },
      });
    });
  }

  #directory: LdapDirectory | null = null;
  #localPasswords = true;

  /**
   * Sends password checks to the province directory (LDAP). Local password hashes then serve only
   * accounts that the directory does not list, and only while local passwords stay enabled.
   */
  configureDirectory(directory: LdapDirectory | null, localPasswords: boolean): void {
    this.#directory = directory;
    this.#localPasswords = localPasswords;
  }

  async #passwordMatches(account: AccountRow, password: string): Promise<boolean> {
    if (this.#directory) {
      const verdict = await this.#directory.verify(account.email, password);
      if (verdict === 'ok') {
        // The directory owns the password, so HoSo's default password no longer needs changing.
        if (account.must_change_password) {
          await this.db.updateTable('accounts').set({ must_change_password: false }).where('id', '=', account.id).execute();
        }
        return true;
      }
      if (verdict === 'wrong_password') return false;
    }
    if (!this.#localPasswords) return false;
    return account.password_hash !== null && (await verifyPassword(account.password_hash, password));
  }

  async signOut(actor: Actor, audit: AuditContext): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await endSession(trx, actor.sessionId);
      await recordAudit(trx, audit, { action: 'auth.sign_out', entityType: 'account', entityId: actor.accountId });
    });
  }

  /**
   * Changes the password after checking the current one and the policy, ends every session of
   * the account (other browsers included) and opens a fresh one for this browser.
   */
  async changePassword(
    actor: Actor,
    currentPassword: string,
    newPassword: string,
    client: ClientInfo,
    audit: AuditContext,
  ): Promise<NewSession> {
    const account = await this.db
      .selectFrom('accounts')
      .select(['password_hash', 'email'])
      .where('id', '=', actor.accountId)
      .executeTakeFirstOrThrow();

    if (!account.password_hash || !(await verifyPassword(account.password_hash, currentPassword))) {
      throw new AppError('CURRENT_PASSWORD_WRONG', {
        fields: [{ field: 'currentPassword', label: 'Mật khẩu hiện tại', message: 'Mật khẩu hiện tại không đúng.' }],
      });
    }

    const violations = passwordPolicyViolations(newPassword, account.email);
    if (newPassword === currentPassword) violations.push('Mật khẩu mới phải khác mật khẩu hiện tại.');
    if (violations.length > 0) {
      throw new AppError('PASSWORD_POLICY', {
        message: violations.join(' '),
        fields: violations.map((message) => ({ field: 'newPassword', label: 'Mật khẩu mới', message })),
      });
    }

    const passwordHash = await hashPassword(newPassword);
    return this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('accounts')
        .set({
          password_hash: passwordHash,
          must_change_password: false,
          password_changed_at: new Date(),
          updated_at: new Date(),
          row_version: (eb) => eb('row_version', '+', 1),
        })
        .where('id', '=', actor.accountId)
        .execute();
      const ended = await endAllSessions(trx, actor.accountId);
      const session = await createSession(trx, actor.accountId, client);
      await recordAudit(trx, audit, {
        action: 'account.password_change',
        entityType: 'account',
        entityId: actor.accountId,
        detail: { sessionsEnded: ended },
      });
      return session;
    });
  }

  async sessionInfo(actor: Actor): Promise<SessionInfo> {
    return {
      accountId: actor.accountId,
      email: actor.email,
      displayName: actor.displayName,
      personId: actor.personId,
      homeUnitId: actor.homeUnitId,
      mustChangePassword: actor.mustChangePassword,
      secondFactor: actor.secondFactor ?? null,
      grants: await activeGrantsWithUnits(this.db, actor.accountId),
      csrfToken: actor.csrfToken,
      idleExpiresAt: new Date(Date.now() + this.idleMinutes * 60_000).toISOString(),
      idleMinutes: this.idleMinutes,
    };
  }
}
