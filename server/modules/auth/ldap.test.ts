import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConfiguredApp, sessionClient, startConfiguredApp } from '../../test/configured-app.ts';
import { makeAccount, makeSmallProvince, TEST_PASSWORD } from '../../test/factories.ts';
import {
  LDAP_ADMIN_DN,
  LDAP_ADMIN_PASSWORD,
  type LocalSlapd,
  startLocalSlapd,
} from '../../test/local-slapd.ts';
import { escapeFilterValue } from './ldap-directory.ts';

// Directory passwords differ from the local test password, so a success proves the directory
// answered, not the local hash.
const DIRECTORY_PEOPLE = [
  { uid: 'tpcanbo', email: 'tp.canbo@test.gov.vn', password: 'Thu-muc-tinh-2026-a' },
  { uid: 'tpadmin', email: 'tp.admin@test.gov.vn', password: 'Thu-muc-tinh-2026-b' },
  { uid: 'nguoingoai', email: 'nguoi.ngoai@test.gov.vn', password: 'Thu-muc-tinh-2026-c' },
  { uid: 'tpmoi', email: 'tp.moi@test.gov.vn', password: 'Thu-muc-tinh-2026-d' },
];

let slapd: LocalSlapd;
let configured: ConfiguredApp;
let address = 0;

function environment(extra: Record<string, string> = {}) {
  return {
    LDAP_URL: slapd.url,
    LDAP_BIND_DN: LDAP_ADMIN_DN,
    LDAP_BIND_PASSWORD: LDAP_ADMIN_PASSWORD,
    LDAP_SEARCH_BASE: slapd.searchBase,
    LDAP_SEARCH_FILTER: '(&(objectClass=inetOrgPerson)(mail={email}))',
    LDAP_TIMEOUT_MS: '3000',
    SIGN_IN_PASSWORD: 'false',
    ...extra,
  };
}

beforeAll(async () => {
  slapd = await startLocalSlapd(DIRECTORY_PEOPLE);
  configured = await startConfiguredApp(environment());
  const province = await makeSmallProvince(configured.database.db);
  await makeAccount(configured.database.db, {
    email: 'tp.moi@test.gov.vn',
    homeUnitId: province.justice.id,
    mustChangePassword: true,
  });
});

afterAll(async () => {
  await configured?.close();
  await slapd?.close();
});

function signIn(app: ConfiguredApp, email: string, password: string) {
  address += 1;
  return app.app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    payload: { email, password },
    remoteAddress: `127.0.7.${address}`,
  });
}

describe('LDAP sign-in', () => {
  it('binds with the directory password', async () => {
    const response = await signIn(configured, 'tp.canbo@test.gov.vn', 'Thu-muc-tinh-2026-a');
    expect(response.statusCode).toBe(200);
    expect(response.json().email).toBe('tp.canbo@test.gov.vn');
    const audit = await configured.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'auth.sign_in')
      .execute();
    expect(audit.length).toBeGreaterThan(0);
  });

  it('drops the default-password step for a new account', async () => {
    const response = await signIn(configured, 'tp.moi@test.gov.vn', 'Thu-muc-tinh-2026-d');
    expect(response.statusCode).toBe(200);
    expect(response.json().mustChangePassword).toBe(false);
  });

  it('rejects the local password', async () => {
    const response = await signIn(configured, 'tp.canbo@test.gov.vn', TEST_PASSWORD);
    expect(response.statusCode).toBe(401);
    expect(response.json().code).toBe('INVALID_CREDENTIALS');
  });

  it('answers a directory entry without an account like a wrong password', async () => {
    const unknown = await signIn(configured, 'nguoi.ngoai@test.gov.vn', 'Thu-muc-tinh-2026-c');
    const wrong = await signIn(configured, 'tp.admin@test.gov.vn', 'sai-mat-khau-thu-muc');
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json().code).toBe('INVALID_CREDENTIALS');
    expect(unknown.json().message).toBe(wrong.json().message);
  });

  it('rejects an account missing from the directory', async () => {
    const response = await signIn(configured, 'nv.admin@test.gov.vn', TEST_PASSWORD);
    expect(response.statusCode).toBe(401);
  });

  it('rejects an empty password without an anonymous bind', async () => {
    const response = await signIn(configured, 'tp.canbo@test.gov.vn', ' ');
    expect(response.statusCode).toBe(401);
  });

  it('escapes filter characters in the e-mail', async () => {
    expect(escapeFilterValue('*)(mail=*')).toBe('\\2a\\29\\28mail=\\2a');
    const response = await signIn(configured, '*)(|(mail=*', 'Thu-muc-tinh-2026-a');
    expect(response.statusCode).toBe(401);
  });

  it('refuses a local password change', async () => {
    const client = sessionClient(
      configured.app,
      await signIn(configured, 'tp.admin@test.gov.vn', 'Thu-muc-tinh-2026-b'),
    );
    const response = await client.request({
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: 'Thu-muc-tinh-2026-b', newPassword: 'Mot-mat-khau-khac-2026' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('PASSWORD_MANAGED_EXTERNALLY');
  });

  it('locks the account after five wrong directory passwords', async () => {
    for (let attempt = 0; attempt < 5; attempt++)
      await signIn(configured, 'tp.admin@test.gov.vn', `sai-${attempt}`);
    const response = await signIn(configured, 'tp.admin@test.gov.vn', 'Thu-muc-tinh-2026-b');
    expect(response.statusCode).toBe(423);
    expect(response.json().code).toBe('ACCOUNT_LOCKED');
  });
});

describe('LDAP directory down', () => {
  it('answers 503 with a clear message', async () => {
    const down = await startConfiguredApp(
      environment({ LDAP_URL: 'ldap://127.0.0.1:1', LDAP_TIMEOUT_MS: '1000' }),
    );
    await makeSmallProvince(down.database.db);
    const response = await signIn(down, 'tp.canbo@test.gov.vn', 'Thu-muc-tinh-2026-a');
    await down.close();
    expect(response.statusCode).toBe(503);
    expect(response.json().code).toBe('DIRECTORY_UNAVAILABLE');
  });
});

describe('LDAP with local passwords kept', () => {
  it('falls back to the local password for accounts the directory lacks', async () => {
    const mixed = await startConfiguredApp(environment({ SIGN_IN_PASSWORD: 'true' }));
    await makeSmallProvince(mixed.database.db);
    const local = await signIn(mixed, 'nv.admin@test.gov.vn', TEST_PASSWORD);
    const listedButLocal = await signIn(mixed, 'tp.canbo@test.gov.vn', TEST_PASSWORD);
    await mixed.close();
    expect(local.statusCode).toBe(200);
    expect(listedButLocal.statusCode).toBe(401);
  });
});
