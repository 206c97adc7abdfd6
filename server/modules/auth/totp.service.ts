import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../http/app-error.ts';
import type { Actor } from '../../http/policy.ts';
import { type AuditContext, recordAudit } from '../audit/audit.ts';
import { endSession } from './session.repository.ts';
import type { SignInOptions } from './sign-in-options.ts';
import { findChallenge, findTotpSecret } from './totp.repository.ts';
import { matchingTotpStep, newTotpSecret, totpUri } from './totp.ts';

/** Wrong codes for one sign-in after which the session ends and the person signs in again. */
export const MAX_TOTP_ATTEMPTS = 5;

const ADMIN_ROLES = ['unit_admin', 'province_admin'] as const;

export interface TotpEnrolment {
  secret: string;
  otpauthUri: string;
}

/**
 * The TOTP second factor: after the first factor, sessions of unit admins and province admins
 * wait in a challenge until a valid code arrives (TOTP_FOR_ADMINS).
 */
export class TotpService {
  readonly #db: Kysely<Database>;
  readonly #options: SignInOptions;

  constructor(db: Kysely<Database>, options: SignInOptions) {
    this.#db = db;
    this.#options = options;
  }

  /** Puts a freshly created session into a challenge when its account needs a second factor. */
  async startChallengeIfRequired(sessionId: string): Promise<void> {
    if (!this.#options.totpForAdmins) return;
    const admin = await this.#db
      .selectFrom('sessions')
      .innerJoin('role_grants', 'role_grants.account_id', 'sessions.account_id')
      .select('role_grants.id')
      .where('sessions.id', '=', sessionId)
      .where('role_grants.revoked_at', 'is', null)
      .where('role_grants.role', 'in', ADMIN_ROLES)
      .executeTakeFirst();
    if (!admin) return;
    await this.#db
      .insertInto('totp_challenges')
      .values({ session_id: sessionId })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }

  /**
   * Creates a new secret for an account that has no confirmed one and returns it with its
   * otpauth URI. The secret counts only after a code made from it has been verified.
   */
  async enrol(actor: Actor, audit: AuditContext): Promise<TotpEnrolment> {
    const existing = await findTotpSecret(this.#db, actor.accountId);
    if (existing?.confirmed_at)
      throw new AppError('FORBIDDEN', {
        message: 'Tài khoản đã đăng ký ứng dụng xác thực. Hãy nhập mã đang hiện trên ứng dụng.',
      });

    const secret = newTotpSecret();
    await this.#db.transaction().execute(async (trx) => {
      await trx
        .insertInto('totp_secrets')
        .values({ account_id: actor.accountId, secret })
        .onConflict((oc) =>
          oc.column('account_id').doUpdateSet({ secret, created_at: new Date(), last_used_step: null }),
        )
        .execute();
      await recordAudit(trx, audit, {
        action: 'auth.totp_enrol_started',
        entityType: 'account',
        entityId: actor.accountId,
      });
    });
    return { secret, otpauthUri: totpUri(secret, this.#options.totpIssuer, actor.email) };
  }

  /**
   * Checks a code for the session's challenge. A right code confirms the secret (on enrolment)
   * and ends the challenge; a code already used or a wrong one counts as a failed attempt, and
   * the fifth one ends the session.
   */
  async verify(actor: Actor, code: string, audit: AuditContext): Promise<void> {
    const challenge = await findChallenge(this.#db, actor.sessionId);
    if (!challenge) return;
    const secret = await findTotpSecret(this.#db, actor.accountId);
    if (!secret)
      throw new AppError('SECOND_FACTOR_REQUIRED', {
        message: 'Hãy đăng ký ứng dụng xác thực trước khi nhập mã.',
      });

    const step = matchingTotpStep(secret.secret, code);
    const replayed = step !== null && secret.last_used_step !== null && step <= secret.last_used_step;
    if (step === null || replayed) {
      await this.#recordWrongCode(actor, challenge.failed_attempts + 1, audit);
      throw new AppError('SECOND_FACTOR_INVALID', {
        fields: [{ field: 'code', label: 'Mã xác thực', message: 'Mã không đúng hoặc đã được dùng.' }],
      });
    }

    await this.#db.transaction().execute(async (trx) => {
      // The step condition makes two requests with the same code race safely: one wins.
      const updated = await trx
        .updateTable('totp_secrets')
        .set({ last_used_step: step, confirmed_at: secret.confirmed_at ?? new Date() })
        .where('account_id', '=', actor.accountId)
        .where((eb) => eb.or([eb('last_used_step', 'is', null), eb('last_used_step', '<', step)]))
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 0) throw new AppError('SECOND_FACTOR_INVALID');
      await trx.deleteFrom('totp_challenges').where('session_id', '=', actor.sessionId).execute();
      await recordAudit(trx, audit, {
        action: 'auth.second_factor',
        entityType: 'account',
        entityId: actor.accountId,
        detail: { enrolled: secret.confirmed_at === null },
      });
    });
  }

  async #recordWrongCode(actor: Actor, attempts: number, audit: AuditContext): Promise<void> {
    await this.#db.transaction().execute(async (trx) => {
      await trx
        .updateTable('totp_challenges')
        .set({ failed_attempts: attempts })
        .where('session_id', '=', actor.sessionId)
        .execute();
      const ends = attempts >= MAX_TOTP_ATTEMPTS;
      if (ends) await endSession(trx, actor.sessionId);
      await recordAudit(trx, audit, {
        action: ends ? 'auth.second_factor_locked' : 'auth.second_factor_failed',
        entityType: 'account',
        entityId: actor.accountId,
        detail: { attempts },
      });
    });
  }
}
