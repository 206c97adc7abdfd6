import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { limits } from '../../../common/limits.ts';
import { makeAccount, makeSmallProvince, TEST_PASSWORD } from '../../test/factories.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { clientWithCookie, sessionFor } from '../accounts/test-sessions.ts';
import { SESSION_COOKIE } from './authentication.ts';
import { hashSessionToken } from './session.repository.ts';

let testApp: TestApp;
let province: Awaited<ReturnType<typeof makeSmallProvince>>;

beforeAll(async () => {
  testApp = await startTestApp();
  province = await makeSmallProvince(testApp.database.db);
});

afterAll(async () => {
  await testApp?.close();
});

function sessionCookieOf(response: { cookies: Array<{ name: string; value: string }> }): string {
  return response.cookies.find((cookie) => cookie.name === SESSION_COOKIE)?.value ?? '';
}

async function setLastSeen(client: { cookie: string }, minutesAgo: number) {
  await testApp.database.db
    .updateTable('sessions')
    .set({ last_seen_at: new Date(Date.now() - minutesAgo * 60_000) })
    .where('id', '=', hashSessionToken(client.cookie))
    .execute();
}

describe('password change', () => {
  it('ends the old session and every other browser', async () => {
    const email = 'hai.trinh.duyet@test.gov.vn';
    await makeAccount(testApp.database.db, { email, homeUnitId: province.justice.id });
    const firstBrowser = await testApp.signIn(email);
    const secondBrowser = await testApp.signIn(email);
    expect((await secondBrowser.get('/api/auth/session')).statusCode).toBe(200);

    const newPassword = 'Doi-mat-khau-an-toan-2026';
    const changed = await firstBrowser.post('/api/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword,
    });
    expect(changed.statusCode).toBe(200);
    const renewed = clientWithCookie(testApp, sessionCookieOf(changed), changed.json().csrfToken);
    expect(renewed.cookie).not.toBe('');
    expect(renewed.cookie).not.toBe(firstBrowser.cookie);

    const oldCookie = await firstBrowser.get('/api/auth/session');
    expect(oldCookie.statusCode).toBe(401);
    expect(oldCookie.json().code).toBe('UNAUTHENTICATED');
    expect((await secondBrowser.get('/api/auth/session')).statusCode).toBe(401);
    expect((await renewed.get('/api/auth/session')).statusCode).toBe(200);
    expect((await renewed.get('/api/units/options')).statusCode).toBe(200);

    const oldPassword = await testApp
      .anonymous()
      .post('/api/auth/sign-in', { email, password: TEST_PASSWORD });
    expect(oldPassword.statusCode).toBe(401);
    await testApp.signIn(email, newPassword);
  });

  it('rejects a new password equal to the current one', async () => {
    const client = await sessionFor(testApp, 'tp.duyet@test.gov.vn');
    const response = await client.post('/api/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: TEST_PASSWORD,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().fields[0].field).toBe('newPassword');
  });
});

describe('default password', () => {
  // Routes that a session which must still change its password may call: the session itself,
  // the password change and sign-out, plus the sign-in steps that other /api/auth routes cover.
  const passwordChangeRoutes = [
    'GET /api/auth/session',
    'POST /api/auth/password',
    'POST /api/auth/sign-out',
  ];

  it('blocks every other route until the password changes', async () => {
    const email = 'mat.khau.mac.dinh@test.gov.vn';
    await makeAccount(testApp.database.db, {
      email,
      homeUnitId: province.home.id,
      mustChangePassword: true,
      grants: [{ role: 'province_admin', unitId: province.province.id }],
    });
    const client = await testApp.signIn(email);
    const session = await client.get('/api/auth/session');
    expect(session.statusCode).toBe(200);
    expect(session.json().mustChangePassword).toBe(true);

    const routes = testApp.app.declaredRoutes.filter(
      (route) => route.method !== 'HEAD' && route.url.startsWith('/api/'),
    );
    const gated = routes.filter(
      (route) => route.policy.access === 'signed_in' || route.policy.access === 'roles',
    );
    expect(gated.length).toBeGreaterThan(10);
    for (const route of gated) {
      const url = route.url.replace(/:[A-Za-z0-9_]+/g, '1');
      const response = await client.request({
        method: route.method as 'GET',
        url,
        ...(route.method === 'GET' ? {} : { payload: {} }),
      });
      expect(response.statusCode, `${route.method} ${route.url}`).toBe(403);
      expect(response.json().code, `${route.method} ${route.url}`).toBe('PASSWORD_CHANGE_REQUIRED');
    }

    // Whatever else a must-change session may reach belongs to signing in, never to data.
    const ungated = routes.filter((route) => route.policy.access !== 'public' && !gated.includes(route));
    const names = ungated.map((route) => `${route.method} ${route.url}`);
    expect(names).toEqual(expect.arrayContaining(passwordChangeRoutes));
    expect(names.filter((name) => !name.includes(' /api/auth/'))).toEqual([]);

    const changed = await client.post('/api/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'Mat-khau-cua-rieng-toi-2026',
    });
    expect(changed.statusCode).toBe(200);
    const renewed = clientWithCookie(testApp, sessionCookieOf(changed), changed.json().csrfToken);
    expect((await renewed.get('/api/units/options')).statusCode).toBe(200);
    expect((await renewed.get('/api/accounts')).statusCode).toBe(200);
  });
});

describe('idle expiry', () => {
  it('ends a session idle longer than the limit', async () => {
    const client = await sessionFor(testApp, 'tp.admin@test.gov.vn');
    await setLastSeen(client, limits.sessionIdleMinutes + 1);
    const response = await client.get('/api/accounts');
    expect(response.statusCode).toBe(401);
    expect(response.json().code).toBe('UNAUTHENTICATED');
  });

  it('keeps a session idle just under the limit', async () => {
    const client = await sessionFor(testApp, 'tp.admin@test.gov.vn');
    await setLastSeen(client, limits.sessionIdleMinutes - 1);
    const response = await client.get('/api/accounts');
    expect(response.statusCode).toBe(200);
    expect(response.headers['x-session-idle-expires-at']).toBeDefined();
  });

  it('ends a session past its maximum age', async () => {
    const client = await sessionFor(testApp, 'tp.admin@test.gov.vn');
    await testApp.database.db
      .updateTable('sessions')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('id', '=', hashSessionToken(client.cookie))
      .execute();
    expect((await client.get('/api/accounts')).statusCode).toBe(401);
  });
});

describe('CSRF protection', () => {
  it('rejects a change without the token header', async () => {
    const client = await sessionFor(testApp, 'snv.admin@test.gov.vn');
    const target = province.accounts.justicePerson.id;
    const withoutHeader = await testApp.app.inject({
      method: 'POST',
      url: `/api/accounts/${target}/disable`,
      headers: { cookie: `${SESSION_COOKIE}=${client.cookie}` },
      payload: {},
    });
    expect(withoutHeader.statusCode).toBe(403);
    expect(withoutHeader.json().code).toBe('CSRF_INVALID');

    const forged = await client.request({
      method: 'POST',
      url: `/api/accounts/${target}/disable`,
      headers: { 'x-csrf-token': 'forged' },
      payload: {},
    });
    expect(forged.statusCode).toBe(403);
    expect(forged.json().code).toBe('CSRF_INVALID');

    const row = await testApp.database.db
      .selectFrom('accounts')
      .select('disabled_at')
      .where('id', '=', target)
      .executeTakeFirstOrThrow();
    expect(row.disabled_at).toBeNull();
  });

  it('allows reads without the token header', async () => {
    const client = await sessionFor(testApp, 'snv.admin@test.gov.vn');
    const response = await testApp.app.inject({
      method: 'GET',
      url: '/api/accounts',
      headers: { cookie: `${SESSION_COOKIE}=${client.cookie}` },
    });
    expect(response.statusCode).toBe(200);
  });
});

describe('sign-out', () => {
  it('ends the session', async () => {
    const client = await sessionFor(testApp, 'tp.canbo@test.gov.vn');
    const response = await client.post('/api/auth/sign-out');
    expect(response.statusCode).toBe(200);
    expect((await client.get('/api/auth/session')).statusCode).toBe(401);
  });
});
