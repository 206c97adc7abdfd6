import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

export async function findTotpSecret(db: Db, accountId: number) {
  return db.selectFrom('totp_secrets').selectAll().where('account_id', '=', accountId).executeTakeFirst();
}

export async function findChallenge(db: Db, sessionId: string) {
  return db.selectFrom('totp_challenges').selectAll().where('session_id', '=', sessionId).executeTakeFirst();
}
