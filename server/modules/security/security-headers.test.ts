import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { makeSmallProvince, TEST_PASSWORD } from '../../test/factories.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { SESSION_COOKIE } from '../auth/authentication.ts';
import { rateLimits } from './rate-limits.ts';

let testApp: TestApp;

beforeAll(async () => {
  testApp = await startTestApp();
  await makeSmallProvince(testApp.database.db);
});

afterAll(async () => {
  await testApp?.close();
});

/** A second app on the same database, with configuration overrides and extra probe routes. */
async function appWith(overrides: { trustProxy?: boolean }, addRoutes?: (app: FastifyInstance) => void) {
  const config = { ...loadConfig({}), webDist: '/nonexistent', demo: false, ...overrides };
  const app = await buildApp({ db: testApp.database.db, config, logger: false });
  addRoutes?.(app);
  await app.ready();
  return app;
}

function signIn(app: FastifyInstance, email: string, headers: Record<string, string> = {}) {
  return app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    payload: { email, password: TEST_PASSWORD },
    headers,
  });
}

describe('response headers', () => {
  it('send a content security policy that forbids framing', async () => {
    const response = await testApp.anonymous().get('/api/health');
    const policy = response.headers['content-security-policy'];
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
  });

  it('forbid framing and MIME sniffing', async () => {
    const response = await testApp.anonymous().get('/api/health');
    expect(response.headers['x-frame-options']).toBe('DENY');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
  });

  it('omit HSTS without a TLS proxy', async () => {
    const response = await testApp.anonymous().get('/api/health');
    expect(response.headers['strict-transport-security']).toBeUndefined();
  });

  it('send HSTS behind a TLS proxy', async () => {
    const app = await appWith({ trustProxy: true });
    const response = await app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-forwarded-proto': 'https' },
    });
    await app.close();
    expect(response.headers['strict-transport-security']).toMatch(/max-age=31536000/);
  });
});

describe('session cookie', () => {
  it('is HttpOnly and SameSite=Lax', async () => {
    const response = await signIn(testApp.app, 'tp.canbo@test.gov.vn');
    const cookie = response.cookies.find((item) => item.name === SESSION_COOKIE);
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    expect(cookie?.path).toBe('/');
  });

  it('is Secure when the proxy reports HTTPS', async () => {
    const app = await appWith({ trustProxy: true });
    const response = await signIn(app, 'tp.canbo@test.gov.vn', { 'x-forwarded-proto': 'https' });
    await app.close();
    expect(response.cookies.find((item) => item.name === SESSION_COOKIE)?.secure).toBe(true);
  });

  it('is not Secure over plain HTTP', async () => {
    const response = await signIn(testApp.app, 'tp.canbo@test.gov.vn');
    expect(response.cookies.find((item) => item.name === SESSION_COOKIE)?.secure).toBeFalsy();
  });
});

describe('error responses', () => {
  async function probe(path: string) {
    const app = await appWith({}, (instance) => {
      instance.get('/api/security-probe/throw', { config: { policy: { access: 'public' } } }, async () => {
        throw new Error('select secret from relation "accounts" failed at /srv/hoso/server/x.ts:12:3');
      });
      instance.get('/api/security-probe/sql', { config: { policy: { access: 'public' } } }, async () => {
        await sql`select * from table_that_does_not_exist`.execute(testApp.database.db);
        return {};
      });
    });
    const response = await app.inject({ method: 'GET', url: path });
    await app.close();
    return response;
  }

  it('hide an internal error message and stack', async () => {
    const response = await probe('/api/security-probe/throw');
    expect(response.statusCode).toBe(500);
    expect(response.json().code).toBe('INTERNAL');
    expect(response.body).not.toContain('relation');
    expect(response.body).not.toContain('.ts:');
    expect(response.json().requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('hide a database error', async () => {
    const response = await probe('/api/security-probe/sql');
    expect(response.statusCode).toBe(500);
    expect(response.body).not.toContain('table_that_does_not_exist');
    expect(response.body).not.toMatch(/does not exist/);
  });

  it('name the field for a NUL character', async () => {
    const response = await testApp
      .anonymous()
      .post('/api/auth/sign-in', { email: 'a\u0000b@test.gov.vn', password: 'x' });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('VALIDATION_FAILED');
    expect(response.json().fields[0].field).toBe('email');
  });

  it('answer an over-long path value in the catalog shape', async () => {
    const response = await testApp.anonymous().get(`/api/units/${'9'.repeat(150)}`);
    expect(response.statusCode).toBe(414);
    expect(response.json().code).toBe('BAD_REQUEST');
  });
});

describe('rate limits', () => {
  it('stop sign-in attempts from one address', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt <= rateLimits.signIn.max; attempt++) {
      const response = await testApp.app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        payload: { email: 'khong.co@test.gov.vn', password: 'sai-mat-khau' },
        remoteAddress: '127.0.9.1',
      });
      statuses.push(response.statusCode);
    }
    expect(statuses.slice(0, rateLimits.signIn.max).every((status) => status !== 429)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });

  it('count the export limit per account', async () => {
    const app = await appWith({}, (instance) => {
      instance.get(
        '/api/security-probe/export',
        { config: { policy: { access: 'signed_in' }, rateLimit: rateLimits.export } },
        async () => ({ ok: true }),
      );
    });
    async function sessionCookie(email: string) {
      const response = await signIn(app, email);
      return `${SESSION_COOKIE}=${response.cookies.find((item) => item.name === SESSION_COOKIE)?.value}`;
    }
    const first = await sessionCookie('tp.admin@test.gov.vn');
    const second = await sessionCookie('nv.admin@test.gov.vn');
    const firstStatuses: number[] = [];
    for (let index = 0; index <= rateLimits.export.max; index++) {
      firstStatuses.push(
        (await app.inject({ method: 'GET', url: '/api/security-probe/export', headers: { cookie: first } }))
          .statusCode,
      );
    }
    const secondStatus = (
      await app.inject({ method: 'GET', url: '/api/security-probe/export', headers: { cookie: second } })
    ).statusCode;
    await app.close();
    expect(firstStatuses.slice(0, rateLimits.export.max).every((status) => status === 200)).toBe(true);
    expect(firstStatuses.at(-1)).toBe(429);
    expect(secondStatus).toBe(200);
  });
});
