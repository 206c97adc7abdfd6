import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { SESSION_COOKIE } from '../modules/auth/authentication.ts';
import { TEST_PASSWORD } from './factories.ts';
import { createTestDatabase, type TestDatabase } from './test-database.ts';

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  close(): Promise<void>;
  /** Signs in through the API and returns a client that sends the cookie and CSRF token. */
  signIn(email: string, password?: string): Promise<TestClient>;
  /** A client without a session. */
  anonymous(): TestClient;
}

export interface TestClient {
  csrfToken: string;
  cookie: string;
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
}

function makeClient(app: FastifyInstance, cookie: string, csrfToken: string): TestClient {
  const request = (options: InjectOptions) =>
    app.inject({
      ...options,
      headers: { ...(cookie ? { cookie: `${SESSION_COOKIE}=${cookie}` } : {}), ...(csrfToken ? { 'x-csrf-token': csrfToken } : {}), ...(options.headers ?? {}) },
    });
  return {
    csrfToken,
    cookie,
    request,
    get: (url) => request({ method: 'GET', url }),
    post: (url, payload) => request({ method: 'POST', url, payload: payload as InjectOptions['payload'] ?? {} }),
    patch: (url, payload) => request({ method: 'PATCH', url, payload: payload as InjectOptions['payload'] ?? {} }),
    delete: (url) => request({ method: 'DELETE', url }),
  };
}

/** Starts the app in-process on a fresh test database (PGlite, or PostgreSQL with TEST_DATABASE_URL). */
export async function startTestApp(): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = { ...loadConfig({}), webDist: '/nonexistent', demo: false };
  const app = await buildApp({ db: database.db, config, logger: false });
  await app.ready();

  return {
    app,
    database,
    async close() {
      await app.close();
      await database.dispose();
    },
    async signIn(email, password = TEST_PASSWORD) {
      const response = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email, password } });
      if (response.statusCode !== 200) throw new Error(`Sign-in of ${email} failed: ${response.statusCode} ${response.body}`);
      const cookie = response.cookies.find((item) => item.name === SESSION_COOKIE)?.value ?? '';
      return makeClient(app, cookie, response.json().csrfToken);
    },
    anonymous: () => makeClient(app, '', ''),
  };
}
