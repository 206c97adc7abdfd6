import type { Kysely } from 'kysely';
import type { Database } from '../../server/db/schema.ts';
import { CSRF_HEADER, SESSION_COOKIE } from '../../server/modules/auth/authentication.ts';
import { createSession } from '../../server/modules/auth/session.repository.ts';

// Signed-in sessions for the benchmark's clients, made with the product's own session repository
// rather than POST /api/auth/sign-in: sign-in is limited to 20 attempts a minute per address, and
// the benchmark needs hundreds of sessions from 127.0.0.1.

export interface BenchSession {
  accountId: number;
  /** Cookie and CSRF headers for every request of this session. */
  headers: Record<string, string>;
}

export async function openSession(db: Kysely<Database>, accountId: number): Promise<BenchSession> {
  const session = await createSession(db, accountId, { ip: '127.0.0.1', userAgent: 'hoso-bench' });
  return {
    accountId,
    headers: { cookie: `${SESSION_COOKIE}=${session.token}`, [CSRF_HEADER]: session.csrfToken },
  };
}

export async function openSessions(
  db: Kysely<Database>,
  accountIds: readonly number[],
): Promise<Map<number, BenchSession>> {
  const sessions = new Map<number, BenchSession>();
  for (const accountId of accountIds)
    if (!sessions.has(accountId)) sessions.set(accountId, await openSession(db, accountId));
  return sessions;
}
