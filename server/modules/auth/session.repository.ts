import { createHash, randomBytes } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import { limits } from '../../../common/limits.ts';
import type { Database } from '../../db/schema.ts';

export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export interface NewSession {
  /** The secret sent to the browser in the cookie; only its hash is stored. */
  token: string;
  sessionId: string;
  csrfToken: string;
}

export async function createSession(
  db: Kysely<Database>,
  accountId: number,
  client: { ip: string | null; userAgent: string | null },
): Promise<NewSession> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const sessionId = hashSessionToken(token);
  await db
    .insertInto('sessions')
    .values({
      id: sessionId,
      account_id: accountId,
      csrf_token: csrfToken,
      expires_at: new Date(Date.now() + limits.sessionMaxHours * 3_600_000),
      ip: client.ip,
      user_agent: client.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  return { token, sessionId, csrfToken };
}

/**
 * Reads a session with its account, the account's active role grants and the session's pending
 * second factor, in one statement: every signed-in request starts here, and three round trips
 * were a large share of a short request (docs/benchmarks.md).
 */
export async function findSessionWithAccount(db: Kysely<Database>, sessionId: string) {
  return db
    .selectFrom('sessions')
    .innerJoin('accounts', 'accounts.id', 'sessions.account_id')
    .select((eb) => [
      'sessions.id as sessionId',
      'sessions.csrf_token as csrfToken',
      'sessions.last_seen_at as lastSeenAt',
      'sessions.expires_at as expiresAt',
      'sessions.ended_at as endedAt',
      'accounts.id as accountId',
      'accounts.email',
      'accounts.display_name as displayName',
      'accounts.person_id as personId',
      'accounts.home_unit_id as homeUnitId',
      'accounts.must_change_password as mustChangePassword',
      'accounts.disabled_at as disabledAt',
      jsonArrayFrom(
        eb
          .selectFrom('role_grants')
          .select(['role_grants.role', 'role_grants.unit_id as unitId'])
          .whereRef('role_grants.account_id', '=', 'accounts.id')
          .where('role_grants.revoked_at', 'is', null)
          .orderBy('role_grants.id'),
      ).as('grants'),
      // A challenge row means the second factor is pending: 'verify' once a secret is confirmed, else 'enrol'.
      eb
        .selectFrom('totp_challenges')
        .leftJoin('totp_secrets', 'totp_secrets.account_id', 'accounts.id')
        .select(
          sql<
            'verify' | 'enrol'
          >`case when totp_secrets.confirmed_at is null then 'enrol' else 'verify' end`.as('pending'),
        )
        .whereRef('totp_challenges.session_id', '=', 'sessions.id')
        .limit(1)
        .as('secondFactor'),
    ])
    .where('sessions.id', '=', sessionId)
    .executeTakeFirst();
}

export async function touchSession(db: Kysely<Database>, sessionId: string): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: new Date() }).where('id', '=', sessionId).execute();
}

export async function endSession(db: Kysely<Database>, sessionId: string): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ ended_at: new Date() })
    .where('id', '=', sessionId)
    .where('ended_at', 'is', null)
    .execute();
}

/** Ends every open session of an account, as a password change or a disabled account requires. */
export async function endAllSessions(db: Kysely<Database>, accountId: number): Promise<number> {
  const result = await db
    .updateTable('sessions')
    .set({ ended_at: new Date() })
    .where('account_id', '=', accountId)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
