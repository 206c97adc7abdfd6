import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConfiguredApp, startConfiguredApp } from '../../test/configured-app.ts';
import { makeSmallProvince } from '../../test/factories.ts';
import {
  followToCallback,
  type LocalOidcProvider,
  OIDC_CLIENT_ID,
  OIDC_CLIENT_SECRET,
  startLocalOidcProvider,
} from '../../test/local-oidc-provider.ts';
import { SESSION_COOKIE } from './authentication.ts';

// The callback address is never fetched: the test stops the browser walk there and hands the
// URL to the app in-process.
const REDIRECT_URI = 'http://localhost:3000/api/auth/oidc/callback';

let provider: LocalOidcProvider;
let configured: ConfiguredApp;

beforeAll(async () => {
  provider = await startLocalOidcProvider(
    {
      'nguoi-1': { email: 'TP.Canbo@test.gov.vn' },
      'nguoi-2': { email: 'khong.co.tai.khoan@test.gov.vn' },
      'nguoi-3': { email: 'tp.duyet@test.gov.vn', emailVerified: false },
      'nguoi-4': { email: 'tp.admin@test.gov.vn' },
    },
    REDIRECT_URI,
  );
  configured = await startConfiguredApp({
    OIDC_ISSUER: provider.issuer,
    OIDC_CLIENT_ID,
    OIDC_CLIENT_SECRET,
    OIDC_REDIRECT_URI: REDIRECT_URI,
    TOTP_FOR_ADMINS: 'true',
  });
  await makeSmallProvince(configured.database.db);
});

afterAll(async () => {
  await configured?.close();
  await provider?.close();
});

/** Runs the whole flow as a browser would and returns the app's answer to the callback. */
async function signInThroughProvider(subject: string, tamper: (callbackUrl: URL) => void = () => {}) {
  provider.loginAs(subject);
  const start = await configured.app.inject({ method: 'GET', url: '/api/auth/oidc/start' });
  expect(start.statusCode).toBe(302);
  const stateCookie = start.cookies.find((cookie) => cookie.name === 'hoso_oidc_state')?.value ?? '';
  const callbackUrl = new URL(await followToCallback(String(start.headers.location), REDIRECT_URI));
  tamper(callbackUrl);
  const callback = await configured.app.inject({
    method: 'GET',
    url: `${callbackUrl.pathname}${callbackUrl.search}`,
    headers: { cookie: `hoso_oidc_state=${stateCookie}` },
  });
  return { start, callback, callbackUrl, stateCookie };
}

function sessionCookieOf(response: { cookies: Array<{ name: string; value: string }> }) {
  return response.cookies.find((cookie) => cookie.name === SESSION_COOKIE)?.value;
}

describe('OpenID Connect sign-in', () => {
  it('sends PKCE, state and nonce to the provider', async () => {
    const start = await configured.app.inject({ method: 'GET', url: '/api/auth/oidc/start' });
    const location = new URL(String(start.headers.location));
    expect(location.origin).toBe(provider.issuer);
    expect(location.searchParams.get('code_challenge_method')).toBe('S256');
    expect(location.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(location.searchParams.get('state')).toBeTruthy();
    expect(location.searchParams.get('nonce')).toBeTruthy();
    expect(location.searchParams.get('redirect_uri')).toBe(REDIRECT_URI);
  });

  it('opens a session for the account with the e-mail', async () => {
    const { callback } = await signInThroughProvider('nguoi-1');
    expect(callback.statusCode).toBe(302);
    expect(callback.headers.location).toBe('/');
    const cookie = sessionCookieOf(callback);
    expect(cookie).toBeTruthy();
    const session = await configured.app.inject({
      method: 'GET',
      url: '/api/auth/session',
      headers: { cookie: `${SESSION_COOKIE}=${cookie}` },
    });
    expect(session.statusCode).toBe(200);
    expect(session.json().email).toBe('tp.canbo@test.gov.vn');
  });

  it('answers an e-mail without an account like a wrong password', async () => {
    const { callback } = await signInThroughProvider('nguoi-2');
    expect(callback.headers.location).toBe('/dang-nhap?loi=INVALID_CREDENTIALS');
    expect(sessionCookieOf(callback)).toBeUndefined();
  });

  it('rejects an unverified e-mail', async () => {
    const { callback } = await signInThroughProvider('nguoi-3');
    expect(callback.headers.location).toBe('/dang-nhap?loi=INVALID_CREDENTIALS');
  });

  it('works once per callback', async () => {
    const { callback, callbackUrl, stateCookie } = await signInThroughProvider('nguoi-1');
    expect(sessionCookieOf(callback)).toBeTruthy();
    const replay = await configured.app.inject({
      method: 'GET',
      url: `${callbackUrl.pathname}${callbackUrl.search}`,
      headers: { cookie: `hoso_oidc_state=${stateCookie}` },
    });
    expect(replay.headers.location).toBe('/dang-nhap?loi=INVALID_CREDENTIALS');
    expect(sessionCookieOf(replay)).toBeUndefined();
  });

  it('rejects a callback from another browser', async () => {
    provider.loginAs('nguoi-1');
    const start = await configured.app.inject({ method: 'GET', url: '/api/auth/oidc/start' });
    const callbackUrl = new URL(await followToCallback(String(start.headers.location), REDIRECT_URI));
    const callback = await configured.app.inject({
      method: 'GET',
      url: `${callbackUrl.pathname}${callbackUrl.search}`,
    });
    expect(callback.headers.location).toBe('/dang-nhap?loi=INVALID_CREDENTIALS');
  });

  it('rejects a changed authorization code', async () => {
    const { callback } = await signInThroughProvider('nguoi-1', (url) =>
      url.searchParams.set('code', 'ma-gia-mao'),
    );
    expect(callback.headers.location).toBe('/dang-nhap?loi=INVALID_CREDENTIALS');
  });

  it('still asks an admin for the TOTP code', async () => {
    const { callback } = await signInThroughProvider('nguoi-4');
    const cookie = sessionCookieOf(callback);
    const session = await configured.app.inject({
      method: 'GET',
      url: '/api/auth/session',
      headers: { cookie: `${SESSION_COOKIE}=${cookie}` },
    });
    expect(session.json().secondFactor).toBe('enrol');
  });
});

describe('single sign-on only', () => {
  it('turns the password form off', async () => {
    const ssoOnly = await startConfiguredApp({
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID,
      OIDC_CLIENT_SECRET,
      SIGN_IN_PASSWORD: 'false',
    });
    const methods = (await ssoOnly.app.inject({ method: 'GET', url: '/api/auth/methods' })).json();
    const password = await ssoOnly.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: 'tp.canbo@test.gov.vn', password: 'bat-ky' },
    });
    await ssoOnly.close();
    expect(methods).toEqual({
      password: false,
      ldap: false,
      oidc: true,
      passwordReset: false,
      totpForAdmins: false,
    });
    expect(password.statusCode).toBe(404);
    expect(password.json().code).toBe('SIGN_IN_METHOD_DISABLED');
  });
});
