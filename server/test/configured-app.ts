import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app.ts';
import { type AppConfig, loadConfig } from '../config.ts';
import { SESSION_COOKIE } from '../modules/auth/authentication.ts';
import { loadSignInOptions } from '../modules/auth/sign-in-options.ts';
import { createTestDatabase, type TestDatabase } from './test-database.ts';

export interface ConfiguredApp {
  app: FastifyInstance;
  database: TestDatabase;
  close(): Promise<void>;
}

export interface SessionClient {
  cookie: string;
  csrfToken: string;
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
}

/**
 * Starts the app on a fresh test database with sign-in settings read from the given environment
 * variables, as the server would read them at start.
 */
export async function startConfiguredApp(
  env: Record<string, string>,
  overrides: Partial<AppConfig> = {},
): Promise<ConfiguredApp> {
  const database = await createTestDatabase();
  const config: AppConfig = {
    ...loadConfig({}),
    webDist: '/nonexistent',
    demo: false,
    signIn: loadSignInOptions(env),
    ...overrides,
  };
  const app = await buildApp({ db: database.db, config, logger: false });
  await app.ready();
  return {
    app,
    database,
    async close() {
      await app.close();
      await database.dispose();
    },
  };
}

/** A client that sends a session cookie and CSRF token, taken from a sign-in style response. */
export function sessionClient(app: FastifyInstance, response: LightMyRequestResponse): SessionClient {
  const cookie = response.cookies.find((item) => item.name === SESSION_COOKIE)?.value ?? '';
  const csrfToken = (response.json() as { csrfToken?: string }).csrfToken ?? '';
  return {
    cookie,
    csrfToken,
    request: (options) =>
      app.inject({
        ...options,
        headers: {
          cookie: `${SESSION_COOKIE}=${cookie}`,
          'x-csrf-token': csrfToken,
          ...(options.headers ?? {}),
        },
      }),
  };
}
