import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * What a session still owes before it may do anything else: 'enrol' when the account has no
 * confirmed TOTP secret yet, 'verify' when it has one, or null when nothing is pending.
 */
export async function pendingSecondFactor(db: Db, sessionId: string): Promise<'verify' | 'enrol' | null> {
  const row = await db
    .selectFrom('totp_challenges')
    .innerJoin('sessions', 'sessions.id', 'totp_challenges.session_id')
    .leftJoin('totp_secrets', 'totp_secrets.account_id', 'sessions.account_id')
    .select(['totp_secrets.confirmed_at as confirmedAt'])
    .where('totp_challenges.session_id', '=', sessionId)
    .executeTakeFirst();
  if (!row) return null;
  return row.confirmedAt ? 'verify' : 'enrol';
}

export async function findTotpSecret(db: Db, accountId: number) {
  return db.selectFrom('totp_secrets').selectAll().where('account_id', '=', accountId).executeTakeFirst();
}

export async function findChallenge(db: Db, sessionId: string) {
  return db.selectFrom('totp_challenges').selectAll().where('session_id', '=', sessionId).executeTakeFirst();
}
