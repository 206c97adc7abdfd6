import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { TestApp, TestClient } from '../../test/harness.ts';
import { SESSION_COOKIE } from '../auth/authentication.ts';
import { createSession } from '../auth/session.repository.ts';

// Test clients whose sessions are written straight to the database. Tests that are not about
// signing in use them, because the sign-in route allows only 20 attempts a minute per address
// and every test request comes from the same address.

export function clientWithCookie(testApp: TestApp, token: string, csrfToken: string): TestClient {
  const request = (options: InjectOptions): Promise<LightMyRequestResponse> =>
    testApp.app.inject({
      ...options,
      headers: {
        cookie: `${SESSION_COOKIE}=${token}`,
        'x-csrf-token': csrfToken,
        ...(options.headers ?? {}),
      },
    });
  return {
    csrfToken,
    cookie: token,
    request,
    get: (url) => request({ method: 'GET', url }),
    post: (url, payload) =>
      request({ method: 'POST', url, payload: (payload ?? {}) as InjectOptions['payload'] }),
    patch: (url, payload) =>
      request({ method: 'PATCH', url, payload: (payload ?? {}) as InjectOptions['payload'] }),
    delete: (url) => request({ method: 'DELETE', url }),
  };
}

/** Opens a session for the account with this e-mail without going through the sign-in route. */
export async function sessionFor(testApp: TestApp, email: string): Promise<TestClient> {
  const db = testApp.database.db;
  const account = await db
    .selectFrom('accounts')
    .select('id')
    .where('email', '=', email)
    .executeTakeFirstOrThrow();
  const session = await createSession(db, account.id, { ip: '127.0.0.1', userAgent: 'vitest' });
  return clientWithCookie(testApp, session.token, session.csrfToken);
}
