import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { limits } from '../../../common/limits.ts';
import { makeAccount, makeSmallProvince, TEST_PASSWORD } from '../../test/factories.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { sessionFor } from '../accounts/test-sessions.ts';

let testApp: TestApp;
let province: Awaited<ReturnType<typeof makeSmallProvince>>;

beforeAll(async () => {
  testApp = await startTestApp();
  province = await makeSmallProvince(testApp.database.db);
});

afterAll(async () => {
  await testApp?.close();
});

// The sign-in route allows 20 attempts a minute per client address. Some tests send theirs from
// the IPv6 loopback address (::1), so that neither address of localhost runs out of attempts.
function attemptSignIn(email: string, password: string, remoteAddress = '127.0.0.1') {
  return testApp.app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    payload: { email, password },
    remoteAddress,
  });
}

async function lockState(email: string) {
  return testApp.database.db
    .selectFrom('accounts')
    .select(['failed_sign_in_count', 'locked_until'])
    .where('email', '=', email)
    .executeTakeFirstOrThrow();
}

describe('sign-in lockout', () => {
  it('locks for 15 minutes after five failures', async () => {
    const email = 'khoa.thu@test.gov.vn';
    await makeAccount(testApp.database.db, { email, homeUnitId: province.justice.id });

    for (let attempt = 1; attempt <= limits.maxFailedSignIns; attempt += 1) {
      const response = await attemptSignIn(email, `Sai-mat-khau-${attempt}`, '::1');
      expect(response.statusCode, `attempt ${attempt}`).toBe(401);
      expect(response.json().code).toBe('INVALID_CREDENTIALS');
    }

    const locked = await attemptSignIn(email, TEST_PASSWORD, '::1');
    expect(locked.statusCode).toBe(423);
    expect(locked.json().code).toBe('ACCOUNT_LOCKED');
    const { locked_until: lockedUntil } = await lockState(email);
    const minutesLeft = (new Date(lockedUntil!).getTime() - Date.now()) / 60_000;
    expect(minutesLeft).toBeGreaterThan(14);
    expect(minutesLeft).toBeLessThanOrEqual(15);

    await testApp.database.db
      .updateTable('accounts')
      .set({ locked_until: new Date(Date.now() - 1000) })
      .where('email', '=', email)
      .execute();
    const unlocked = await attemptSignIn(email, TEST_PASSWORD, '::1');
    expect(unlocked.statusCode).toBe(200);
    expect((await lockState(email)).failed_sign_in_count).toBe(0);
  });

  it('counts failures sent at the same time', async () => {
    const email = 'song.song@test.gov.vn';
    await makeAccount(testApp.database.db, { email, homeUnitId: province.justice.id });

    const attempts = Array.from({ length: limits.maxFailedSignIns }, (_, index) =>
      attemptSignIn(email, `Doan-sai-${index}-xyz`),
    );
    const responses = await Promise.all(attempts);
    expect(responses.map((response) => response.statusCode)).toEqual(
      Array(limits.maxFailedSignIns).fill(401),
    );

    const state = await lockState(email);
    expect(state.failed_sign_in_count).toBe(limits.maxFailedSignIns);
    expect(state.locked_until).not.toBeNull();
    const locked = await attemptSignIn(email, TEST_PASSWORD);
    expect(locked.json().code).toBe('ACCOUNT_LOCKED');
  });

  it('keeps the lock through a burst of failures', async () => {
    const email = 'van.khoa@test.gov.vn';
    await makeAccount(testApp.database.db, { email, homeUnitId: province.justice.id });

    // Three more than the limit at once: the attempts after the fifth read the account before
    // it was locked, and their failures must not start a new count that clears the lock.
    const burst = Array.from({ length: limits.maxFailedSignIns + 3 }, (_, index) =>
      attemptSignIn(email, `Doan-nhieu-${index}-xyz`, '::1'),
    );
    await Promise.all(burst);

    const state = await lockState(email);
    expect(state.locked_until).not.toBeNull();
    const locked = await attemptSignIn(email, TEST_PASSWORD, '::1');
    expect(locked.json().code).toBe('ACCOUNT_LOCKED');
  });
});

describe('sign-in answers', () => {
  it('answers unknown, disabled and wrong alike', async () => {
    const db = testApp.database.db;
    await makeAccount(db, { email: 'da.khoa@test.gov.vn', homeUnitId: province.justice.id });
    await db
      .updateTable('accounts')
      .set({ disabled_at: new Date() })
      .where('email', '=', 'da.khoa@test.gov.vn')
      .execute();
    await makeAccount(db, { email: 'go.sai@test.gov.vn', homeUnitId: province.justice.id });

    const unknown = await attemptSignIn('khong.ton.tai@test.gov.vn', TEST_PASSWORD);
    const disabled = await attemptSignIn('da.khoa@test.gov.vn', TEST_PASSWORD);
    const wrong = await attemptSignIn('go.sai@test.gov.vn', 'Mat-khau-sai-hoan-toan');

    const answer = (response: typeof unknown) => {
      const { code, message } = response.json();
      return { status: response.statusCode, code, message };
    };
    expect(answer(unknown)).toEqual({
      status: 401,
      code: 'INVALID_CREDENTIALS',
      message: 'Tên đăng nhập hoặc mật khẩu không đúng.',
    });
    expect(answer(disabled)).toEqual(answer(unknown));
    expect(answer(wrong)).toEqual(answer(unknown));
    expect(disabled.cookies).toEqual([]);
  });

  it('locks an unknown e-mail like a real one', async () => {
    const email = 'chua.co.tai.khoan@test.gov.vn';
    for (let attempt = 1; attempt <= limits.maxFailedSignIns; attempt += 1) {
      expect((await attemptSignIn(email, `Thu-lan-${attempt}-abc`)).json().code).toBe('INVALID_CREDENTIALS');
    }
    const locked = await attemptSignIn(email, TEST_PASSWORD);
    expect(locked.statusCode).toBe(423);
    expect(locked.json().code).toBe('ACCOUNT_LOCKED');
  });

  it('accepts the e-mail in any case', async () => {
    const response = await attemptSignIn('  TP.Admin@Test.GOV.vn ', TEST_PASSWORD);
    expect(response.statusCode).toBe(200);
    expect(response.json().email).toBe('tp.admin@test.gov.vn');
  });
});

describe('password policy', () => {
  const cases: Array<[string, (email: string) => string, RegExp]> = [
    ['shorter than 10 characters', () => 'Ngan-9ky', /ít nhất 10 ký tự/],
    ['equal to the username', (email) => email, /tên đăng nhập/],
    ['equal to the username in capitals', (email) => email.toUpperCase(), /tên đăng nhập/],
    ['containing the username', (email) => `${email.split('@')[0]}-2026-xyz`, /tên đăng nhập/],
    ['a common password', () => 'admin@12345', /phổ biến/],
  ];

  for (const [name, passwordFor, reason] of cases) {
    it(`rejects a password ${name}`, async () => {
      const email = `chinh.sach.${cases.findIndex(([caseName]) => caseName === name)}@test.gov.vn`;
      await makeAccount(testApp.database.db, { email, homeUnitId: province.justice.id });
      const client = await sessionFor(testApp, email);

      const response = await client.post('/api/auth/password', {
        currentPassword: TEST_PASSWORD,
        newPassword: passwordFor(email),
      });
      expect(response.statusCode).toBe(400);
      const body = response.json();
      expect(body.code).toBe('PASSWORD_POLICY');
      expect(body.fields.map((field: { field: string }) => field.field)).toContain('newPassword');
      expect(body.message).toMatch(reason);

      const row = await testApp.database.db
        .selectFrom('accounts')
        .select('password_changed_at')
        .where('email', '=', email)
        .executeTakeFirstOrThrow();
      expect(row.password_changed_at).toBeNull();
    });
  }

  it('rejects a wrong current password', async () => {
    const client = await sessionFor(testApp, 'tp.canbo@test.gov.vn');
    const response = await client.post('/api/auth/password', {
      currentPassword: 'Khong-phai-mat-khau',
      newPassword: 'Mot-mat-khau-moi-tot',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('CURRENT_PASSWORD_WRONG');
    expect(response.json().fields[0].field).toBe('currentPassword');
  });
});
