import { createHash, randomBytes } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../http/app-error.ts';
import { type AuditContext, recordAudit } from '../audit/audit.ts';
import { hashPassword, passwordPolicyViolations } from './password.ts';
import { PasswordResetMailer } from './password-reset.mailer.ts';
import { endAllSessions } from './session.repository.ts';
import type { SignInOptions } from './sign-in-options.ts';

function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/** Identifies the password an account has now, without storing anything that can check it. */
export function passwordFingerprint(passwordHash: string | null): string {
  return sha256(`hoso-password-fingerprint:${passwordHash ?? ''}`);
}

/**
 * Password reset by a link sent to the official e-mail. The link carries a random 256-bit token,
 * of which only the SHA-256 is stored. It works once, until it expires (PASSWORD_RESET_MINUTES),
 * and only while the account's password is the one it had when the link was made.
 */
export class PasswordResetService {
  readonly #db: Kysely<Database>;
  readonly #options: SignInOptions;
  readonly #log: FastifyBaseLogger;
  /** Mails on their way; tests and shutdown wait for them. */
  readonly pending = new Set<Promise<void>>();

  constructor(db: Kysely<Database>, options: SignInOptions, log: FastifyBaseLogger) {
    this.#db = db;
    this.#options = options;
    this.#log = log;
  }

  #settings() {
    const reset = this.#options.passwordReset;
    if (!reset || !this.#options.password) throw new AppError('SIGN_IN_METHOD_DISABLED');
    return reset;
  }

  /**
   * Creates a link and mails it when the e-mail belongs to an enabled account. Unknown and
   * disabled accounts get the same response and no mail. The mail goes out after the response,
   * so that its duration does not tell which accounts exist.
   */
  async request(emailInput: string, ip: string | null, audit: AuditContext): Promise<void> {
    const settings = this.#settings();
    const email = emailInput.trim().toLowerCase();
    const account = await this.#db
      .selectFrom('accounts')
      .select(['id', 'email', 'display_name', 'password_hash', 'disabled_at'])
      .where('email', '=', email)
      .executeTakeFirst();
    if (!account || account.disabled_at) return;

    const token = randomBytes(32).toString('base64url');
    await this.#db.transaction().execute(async (trx) => {
      await trx
        .insertInto('password_reset_tokens')
        .values({
          token_hash: sha256(token),
          account_id: account.id,
          password_fingerprint: passwordFingerprint(account.password_hash),
          expires_at: new Date(Date.now() + settings.linkMinutes * 60_000),
          requested_ip: ip,
        })
        .execute();
      await recordAudit(
        trx,
        { ...audit, actorAccountId: null },
        { action: 'account.password_reset_requested', entityType: 'account', entityId: account.id },
      );
    });

    // The token goes in the fragment, which browsers send to no server, so it stays out of access logs.
    const link = `${this.#options.publicUrl}/dat-lai-mat-khau#token=${token}`;
    const mailer = new PasswordResetMailer(settings);
    const sending = mailer
      .send({ to: account.email, displayName: account.display_name, link, minutes: settings.linkMinutes })
      .catch((error: unknown) =>
        this.#log.error({ err: error, accountId: account.id }, 'password reset mail failed'),
      )
      .finally(() => this.pending.delete(sending));
    this.pending.add(sending);
  }

  /** Sets a new password through a link, ends every session of the account and kills the link. */
  async complete(token: string, newPassword: string, audit: AuditContext): Promise<void> {
    this.#settings();
    const row = await this.#db
      .selectFrom('password_reset_tokens')
      .innerJoin('accounts', 'accounts.id', 'password_reset_tokens.account_id')
      .select([
        'password_reset_tokens.id as tokenId',
        'password_reset_tokens.password_fingerprint as fingerprint',
        'password_reset_tokens.expires_at as expiresAt',
        'password_reset_tokens.used_at as usedAt',
        'accounts.id as accountId',
        'accounts.email',
        'accounts.password_hash as passwordHash',
        'accounts.disabled_at as disabledAt',
      ])
      .where('password_reset_tokens.token_hash', '=', sha256(token))
      .executeTakeFirst();

    const usable =
      row &&
      !row.usedAt &&
      !row.disabledAt &&
      new Date(row.expiresAt).getTime() > Date.now() &&
      row.fingerprint === passwordFingerprint(row.passwordHash);
    if (!row || !usable) throw new AppError('PASSWORD_RESET_LINK_INVALID');

    const violations = passwordPolicyViolations(newPassword, row.email);
    if (violations.length > 0) {
      throw new AppError('PASSWORD_POLICY', {
        message: violations.join(' '),
        fields: violations.map((message) => ({ field: 'newPassword', label: 'Mật khẩu mới', message })),
      });
    }

    const passwordHash = await hashPassword(newPassword);
    await this.#db.transaction().execute(async (trx) => {
      // Marking the link used first makes two requests with one link race safely: one wins.
      const used = await trx
        .updateTable('password_reset_tokens')
        .set({ used_at: new Date() })
        .where('id', '=', row.tokenId)
        .where('used_at', 'is', null)
        .executeTakeFirst();
      if (Number(used.numUpdatedRows) === 0) throw new AppError('PASSWORD_RESET_LINK_INVALID');

      await trx
        .updateTable('accounts')
        .set({
          password_hash: passwordHash,
          must_change_password: false,
          password_changed_at: new Date(),
          failed_sign_in_count: 0,
          locked_until: null,
          updated_at: new Date(),
          row_version: (eb) => eb('row_version', '+', 1),
        })
        .where('id', '=', row.accountId)
        .execute();
      const ended = await endAllSessions(trx, row.accountId);
      await recordAudit(
        trx,
        { ...audit, actorAccountId: row.accountId },
        {
          action: 'account.password_reset',
          entityType: 'account',
          entityId: row.accountId,
          detail: { sessionsEnded: ended },
        },
      );
    });
  }
}
