import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConfiguredApp, sessionClient, startConfiguredApp } from '../../test/configured-app.ts';
import { makeSmallProvince, TEST_PASSWORD } from '../../test/factories.ts';
import { type LocalSmtp, resetTokenIn, startLocalSmtp } from '../../test/local-smtp.ts';

let smtp: LocalSmtp;
let configured: ConfiguredApp;
let address = 0;

beforeAll(async () => {
  smtp = await startLocalSmtp();
  configured = await startConfiguredApp({
    SMTP_URL: smtp.url,
    SMTP_FROM: 'hoso@test.gov.vn',
    PASSWORD_RESET_MINUTES: '30',
    PUBLIC_URL: 'https://hoso.test.gov.vn',
  });
  await makeSmallProvince(configured.database.db);
});

afterAll(async () => {
  await configured?.close();
  await smtp?.close();
});

// Each call comes from its own loopback address, so the reset rate limit (per address) does not
// decide the tests; one test checks that limit on purpose.
function post(url: string, payload: unknown, remoteAddress = `127.0.5.${++address}`) {
  return configured.app.inject({
    method: 'POST',
    url,
    payload: payload as Record<string, unknown>,
    remoteAddress,
  });
}

async function requestLink(email: string): Promise<string> {
  const mail = smtp.nextMailTo(email);
  const response = await post('/api/auth/password-reset', { email });
  expect(response.statusCode).toBe(200);
  return resetTokenIn(await mail);
}

function signIn(email: string, password: string) {
  return post('/api/auth/sign-in', { email, password });
}

describe('password reset', () => {
  it('mails a link that sets a new password once', async () => {
    const token = await requestLink('tp.canbo@test.gov.vn');
    const mail = smtp.mails.at(-1)!;
    expect(mail.raw).toContain('https://hoso.test.gov.vn/dat-lai-mat-khau#token=');

    const done = await post('/api/auth/password-reset/complete', {
      token,
      newPassword: 'Mat-khau-moi-cua-toi-2026',
    });
    expect(done.statusCode).toBe(200);
    expect((await signIn('tp.canbo@test.gov.vn', 'Mat-khau-moi-cua-toi-2026')).statusCode).toBe(200);
    expect((await signIn('tp.canbo@test.gov.vn', TEST_PASSWORD)).statusCode).toBe(401);

    const again = await post('/api/auth/password-reset/complete', {
      token,
      newPassword: 'Mat-khau-khac-nua-2026',
    });
    expect(again.statusCode).toBe(400);
    expect(again.json().code).toBe('PASSWORD_RESET_LINK_INVALID');
  });

  it('ends the sessions of the account', async () => {
    const before = await signIn('tp.duyet@test.gov.vn', TEST_PASSWORD);
    const client = sessionClient(configured.app, before);
    const token = await requestLink('tp.duyet@test.gov.vn');
    expect(
      (await post('/api/auth/password-reset/complete', { token, newPassword: 'Duyet-mat-khau-moi-2026' }))
        .statusCode,
    ).toBe(200);
    expect((await client.request({ method: 'GET', url: '/api/auth/session' })).statusCode).toBe(401);
  });

  it('kills the link when the password changes another way', async () => {
    const token = await requestLink('nv.duyet@test.gov.vn');
    const client = sessionClient(configured.app, await signIn('nv.duyet@test.gov.vn', TEST_PASSWORD));
    const changed = await client.request({
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'Doi-bang-tay-2026-abc' },
    });
    expect(changed.statusCode).toBe(200);
    const response = await post('/api/auth/password-reset/complete', {
      token,
      newPassword: 'Qua-link-cu-2026-abc',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('PASSWORD_RESET_LINK_INVALID');
  });

  it('rejects an expired link', async () => {
    const token = await requestLink('nv.admin@test.gov.vn');
    await configured.database.db
      .updateTable('password_reset_tokens')
      .set({ expires_at: new Date(Date.now() - 1_000) })
      .where('used_at', 'is', null)
      .execute();
    const response = await post('/api/auth/password-reset/complete', {
      token,
      newPassword: 'Het-han-roi-2026-abc',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('PASSWORD_RESET_LINK_INVALID');
  });

  it('answers an unknown e-mail the same and mails nothing', async () => {
    const mailsBefore = smtp.mails.length;
    const unknown = await post('/api/auth/password-reset', { email: 'khong.ton.tai@test.gov.vn' });
    const known = await post('/api/auth/password-reset', { email: 'tp.admin@test.gov.vn' });
    expect(unknown.statusCode).toBe(known.statusCode);
    expect(unknown.json()).toEqual(known.json());
    await Promise.all(configured.app.passwordResetMails);
    expect(smtp.mails.slice(mailsBefore).map((mail) => mail.to)).toEqual([['tp.admin@test.gov.vn']]);
  });

  it('applies the password policy to the new password', async () => {
    const token = await requestLink('tp.admin@test.gov.vn');
    const response = await post('/api/auth/password-reset/complete', { token, newPassword: '123456' });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('PASSWORD_POLICY');
  });

  it('stores only a hash of the token', async () => {
    const token = await requestLink('nv.admin@test.gov.vn');
    const rows = await configured.database.db
      .selectFrom('password_reset_tokens')
      .select('token_hash')
      .execute();
    expect(rows.some((row) => row.token_hash === token)).toBe(false);
    expect(rows.every((row) => /^[0-9a-f]{64}$/.test(row.token_hash))).toBe(true);
  });

  it('limits requests from one address', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 6; attempt++) {
      statuses.push(
        (await post('/api/auth/password-reset', { email: 'khong.ton.tai@test.gov.vn' }, '127.0.6.1'))
          .statusCode,
      );
    }
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(statuses[5]).toBe(429);
  });
});

describe('password reset when SMTP is not set', () => {
  it('answers that the feature is off', async () => {
    const plain = await startConfiguredApp({});
    const response = await plain.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset',
      payload: { email: 'tp.canbo@test.gov.vn' },
    });
    await plain.close();
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe('SIGN_IN_METHOD_DISABLED');
  });
});
