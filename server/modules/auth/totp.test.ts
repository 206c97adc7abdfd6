import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConfiguredApp, sessionClient, startConfiguredApp } from '../../test/configured-app.ts';
import { makeSmallProvince, TEST_PASSWORD } from '../../test/factories.ts';
import { MAX_TOTP_ATTEMPTS } from './totp.service.ts';
import { matchingTotpStep, totpCode } from './totp.ts';

let configured: ConfiguredApp;
let address = 0;

beforeAll(async () => {
  configured = await startConfiguredApp({ TOTP_FOR_ADMINS: 'true', TOTP_ISSUER: 'HoSo Thử nghiệm' });
  await makeSmallProvince(configured.database.db);
});

afterAll(async () => {
  await configured?.close();
});

async function signIn(email: string) {
  address += 1;
  const response = await configured.app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    payload: { email, password: TEST_PASSWORD },
    remoteAddress: `127.0.3.${address}`,
  });
  expect(response.statusCode).toBe(200);
  return { response, client: sessionClient(configured.app, response) };
}

async function enrolAndVerify(email: string) {
  const { client } = await signIn(email);
  // Second-factor routes allow 10 requests a minute from one address; each call gets its own.
  const remoteAddress = `127.0.4.${address}`;
  const enrolled = await client.request({ method: 'POST', url: '/api/auth/totp/enrol', remoteAddress });
  expect(enrolled.statusCode, enrolled.body).toBe(200);
  const enrolment = enrolled.json();
  const verifiedAt = Date.now();
  const verify = await client.request({
    method: 'POST',
    url: '/api/auth/totp/verify',
    payload: { code: totpCode(enrolment.secret, verifiedAt) },
    remoteAddress,
  });
  return { client, secret: enrolment.secret as string, verify, verifiedAt };
}

describe('totp codes', () => {
  it('accept the neighbouring steps only', () => {
    const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
    const now = Date.UTC(2026, 11, 4, 8, 0, 15);
    const step = Math.floor(now / 30_000);
    expect(matchingTotpStep(secret, totpCode(secret, now), now)).toBe(step);
    expect(matchingTotpStep(secret, totpCode(secret, now - 30_000), now)).toBe(step - 1);
    expect(matchingTotpStep(secret, totpCode(secret, now + 30_000), now)).toBe(step + 1);
    expect(matchingTotpStep(secret, totpCode(secret, now - 90_000), now)).toBeNull();
    expect(matchingTotpStep(secret, 'abcdef', now)).toBeNull();
  });
});

describe('second factor for admins', () => {
  it('holds an admin session until enrolment', async () => {
    const { response, client } = await signIn('tp.admin@test.gov.vn');
    expect(response.json().secondFactor).toBe('enrol');
    const blocked = await client.request({ method: 'GET', url: '/api/units/tree' });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('SECOND_FACTOR_REQUIRED');
    const session = await client.request({ method: 'GET', url: '/api/auth/session' });
    expect(session.statusCode).toBe(200);
  });

  it('blocks a password change before the code', async () => {
    const { client } = await signIn('nv.admin@test.gov.vn');
    const response = await client.request({
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'Mot-mat-khau-moi-2026' },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('SECOND_FACTOR_REQUIRED');
  });

  it('enrols with a secret and an otpauth URI', async () => {
    const { client } = await signIn('snv.admin@test.gov.vn');
    const enrolled = await client.request({ method: 'POST', url: '/api/auth/totp/enrol' });
    expect(enrolled.statusCode, enrolled.body).toBe(200);
    const enrolment = enrolled.json();
    expect(enrolment.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(enrolment.otpauthUri).toContain(`secret=${enrolment.secret}`);
    expect(enrolment.otpauthUri).toContain('issuer=HoSo%20Th%E1%BB%AD%20nghi%E1%BB%87m');
    expect(enrolment.otpauthUri).toContain('snv.admin%40test.gov.vn');

    const verify = await client.request({
      method: 'POST',
      url: '/api/auth/totp/verify',
      payload: { code: totpCode(enrolment.secret) },
    });
    expect(verify.statusCode).toBe(200);
    expect(verify.json().secondFactor).toBeNull();
    expect((await client.request({ method: 'GET', url: '/api/units/tree' })).statusCode).toBe(200);
  });

  it('asks an enrolled admin for a code at the next sign-in', async () => {
    const { secret, verifiedAt } = await enrolAndVerify('tp.admin@test.gov.vn');
    const { response, client } = await signIn('tp.admin@test.gov.vn');
    expect(response.json().secondFactor).toBe('verify');
    const reEnrol = await client.request({ method: 'POST', url: '/api/auth/totp/enrol' });
    expect(reEnrol.statusCode).toBe(403);

    // The code of the enrolment step was used already, so the next sign-in needs a later one.
    const replay = await client.request({
      method: 'POST',
      url: '/api/auth/totp/verify',
      payload: { code: totpCode(secret, verifiedAt) },
    });
    expect(replay.statusCode).toBe(400);
    expect(replay.json().code).toBe('SECOND_FACTOR_INVALID');
    const next = await client.request({
      method: 'POST',
      url: '/api/auth/totp/verify',
      payload: { code: totpCode(secret, verifiedAt + 30_000) },
    });
    expect(next.statusCode).toBe(200);
  });

  it('ends the session after five wrong codes', async () => {
    const { client } = await signIn('nv.admin@test.gov.vn');
    await client.request({ method: 'POST', url: '/api/auth/totp/enrol' });
    const statuses: number[] = [];
    for (let attempt = 0; attempt < MAX_TOTP_ATTEMPTS; attempt++) {
      statuses.push(
        (await client.request({ method: 'POST', url: '/api/auth/totp/verify', payload: { code: '000000' } }))
          .statusCode,
      );
    }
    expect(statuses).toEqual(Array(MAX_TOTP_ATTEMPTS).fill(400));
    expect((await client.request({ method: 'GET', url: '/api/auth/session' })).statusCode).toBe(401);
    const audit = await configured.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'auth.second_factor_locked')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('leaves people and approvers alone', async () => {
    for (const email of ['tp.canbo@test.gov.vn', 'tp.duyet@test.gov.vn']) {
      const { response } = await signIn(email);
      expect(response.json().secondFactor).toBeNull();
    }
  });
});

describe('lost authenticator', () => {
  it('lets the province admin reset it', async () => {
    const db = configured.database.db;
    // Earlier tests may have enrolled both admins with secrets this test does not know.
    await db
      .deleteFrom('totp_secrets')
      .where('account_id', 'in', (eb) =>
        eb
          .selectFrom('accounts')
          .select('id')
          .where('email', 'in', ['nv.admin@test.gov.vn', 'snv.admin@test.gov.vn']),
      )
      .execute();
    const admin = await enrolAndVerify('nv.admin@test.gov.vn');
    expect(admin.verify.statusCode, admin.verify.body).toBe(200);
    const snv = await enrolAndVerify('snv.admin@test.gov.vn');
    expect(snv.verify.statusCode, snv.verify.body).toBe(200);
    const target = await db
      .selectFrom('accounts')
      .select('id')
      .where('email', '=', 'nv.admin@test.gov.vn')
      .executeTakeFirstOrThrow();

    const reset = await snv.client.request({ method: 'POST', url: `/api/accounts/${target.id}/reset-totp` });
    expect(reset.statusCode, reset.body).toBe(200);
    expect(reset.json().email).toBe('nv.admin@test.gov.vn');

    // The admin's open session ends, and the next sign-in starts a new enrolment.
    expect((await admin.client.request({ method: 'GET', url: '/api/auth/session' })).statusCode).toBe(401);
    const secrets = await db
      .selectFrom('totp_secrets')
      .select('account_id')
      .where('account_id', '=', target.id)
      .execute();
    expect(secrets).toEqual([]);
    const { response } = await signIn('nv.admin@test.gov.vn');
    expect(response.json().secondFactor).toBe('enrol');

    const audit = await db
      .selectFrom('audit_log')
      .select(['entity_id', 'detail'])
      .where('action', '=', 'account.totp_reset')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.entity_id).toBe(String(target.id));
    expect(audit[0]!.detail).toMatchObject({ hadSecret: true });

    // The province admin's own authenticator needs another admin of Sở Nội vụ.
    const own = await db
      .selectFrom('accounts')
      .select('id')
      .where('email', '=', 'snv.admin@test.gov.vn')
      .executeTakeFirstOrThrow();
    const rejected = await snv.client.request({ method: 'POST', url: `/api/accounts/${own.id}/reset-totp` });
    expect(rejected.statusCode).toBe(403);
    expect(rejected.json().message).toContain('quản trị viên khác');
  });
});
