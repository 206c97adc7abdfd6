import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSmallProvince, TEST_PASSWORD } from '../../test/factories.ts';
import { startTestApp, type TestApp, type TestClient } from '../../test/harness.ts';
import { sessionFor } from './test-sessions.ts';

let testApp: TestApp;
let province: Awaited<ReturnType<typeof makeSmallProvince>>;
let snv: TestClient;

beforeAll(async () => {
  testApp = await startTestApp();
  province = await makeSmallProvince(testApp.database.db);
  snv = await sessionFor(testApp, 'snv.admin@test.gov.vn');
});

afterAll(async () => {
  await testApp?.close();
});

let serial = 0;
async function createAccount(homeUnitId = province.justiceControl.id) {
  serial += 1;
  const response = await snv.post('/api/accounts', {
    email: `thay.doi.${serial}@test.gov.vn`,
    displayName: `Người Thử ${serial}`,
    homeUnitId,
  });
  expect(response.statusCode).toBe(201);
  return response.json() as {
    account: { id: number; email: string; rowVersion: number };
    initialPassword: string;
  };
}

async function accountRow(id: number) {
  return testApp.database.db
    .selectFrom('accounts')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

async function openSessions(id: number) {
  const rows = await testApp.database.db
    .selectFrom('sessions')
    .select('id')
    .where('account_id', '=', id)
    .where('ended_at', 'is', null)
    .execute();
  return rows.length;
}

describe('account update', () => {
  it('moves an account to another agency', async () => {
    const { account } = await createAccount();
    const justiceAdmin = await sessionFor(testApp, 'tp.admin@test.gov.vn');
    const homeAdmin = await sessionFor(testApp, 'nv.admin@test.gov.vn');
    expect((await justiceAdmin.get(`/api/accounts/${account.id}`)).statusCode).toBe(200);

    const moved = await snv.patch(`/api/accounts/${account.id}`, {
      homeUnitId: province.homeBoard.id,
      rowVersion: account.rowVersion,
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().homeUnit.code).toBe('113001');
    expect(moved.json().rowVersion).toBe(account.rowVersion + 1);

    expect((await justiceAdmin.get(`/api/accounts/${account.id}`)).statusCode).toBe(404);
    expect((await homeAdmin.get(`/api/accounts/${account.id}`)).statusCode).toBe(200);
  });

  it('renames and links a person', async () => {
    const { account } = await createAccount();
    const person = await testApp.database.db
      .insertInto('people')
      .values({
        full_name: 'Bùi Văn Liên Kết',
        name_sort_key: 'ket',
        gender: 'male',
        birth_date: '1990-01-01',
        personal_id_number: null,
        employee_code: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const response = await snv.patch(`/api/accounts/${account.id}`, {
      displayName: '  Bùi  Văn Liên Kết ',
      personId: person.id,
      rowVersion: account.rowVersion,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().displayName).toBe('Bùi Văn Liên Kết');
    expect(response.json().personId).toBe(person.id);

    const unlinked = await snv.patch(`/api/accounts/${account.id}`, {
      personId: null,
      rowVersion: account.rowVersion + 1,
    });
    expect(unlinked.statusCode).toBe(200);
    expect(unlinked.json().personId).toBeNull();
  });

  it('rejects a stale row version', async () => {
    const { account } = await createAccount();
    const first = await snv.patch(`/api/accounts/${account.id}`, {
      displayName: 'Lần Một',
      rowVersion: account.rowVersion,
    });
    expect(first.statusCode).toBe(200);
    const second = await snv.patch(`/api/accounts/${account.id}`, {
      displayName: 'Lần Hai',
      rowVersion: account.rowVersion,
    });
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe('CONFLICT');
    expect((await accountRow(account.id)).display_name).toBe('Lần Một');
  });

  it('rejects an empty change naming a field', async () => {
    const { account } = await createAccount();
    const response = await snv.patch(`/api/accounts/${account.id}`, { rowVersion: account.rowVersion });
    expect(response.statusCode).toBe(400);
    expect(response.json().fields[0].field).toBe('displayName');
    expect(response.json().message).toContain('ít nhất một thay đổi');
  });

  it('rejects a move to an unknown unit', async () => {
    const { account } = await createAccount();
    const response = await snv.patch(`/api/accounts/${account.id}`, {
      homeUnitId: 987654,
      rowVersion: account.rowVersion,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().fields[0].field).toBe('homeUnitId');
    expect((await accountRow(account.id)).home_unit_id).toBe(province.justiceControl.id);
  });
});

describe('disable and enable', () => {
  it('ends sessions and refuses sign-in like a wrong password', async () => {
    const { account } = await createAccount();
    const owner = await sessionFor(testApp, account.email);
    expect(await openSessions(account.id)).toBe(1);

    const disabled = await snv.post(`/api/accounts/${account.id}/disable`);
    expect(disabled.statusCode).toBe(200);
    expect(disabled.json().disabled).toBe(true);
    expect(await openSessions(account.id)).toBe(0);
    expect((await owner.get('/api/auth/session')).statusCode).toBe(401);

    await testApp.database.db
      .updateTable('accounts')
      .set({ password_hash: (await accountRow(province.accounts.justicePerson.id)).password_hash })
      .where('id', '=', account.id)
      .execute();
    const signIn = await testApp
      .anonymous()
      .post('/api/auth/sign-in', { email: account.email, password: TEST_PASSWORD });
    expect(signIn.statusCode).toBe(401);
    expect(signIn.json().code).toBe('INVALID_CREDENTIALS');

    const enabled = await snv.post(`/api/accounts/${account.id}/enable`);
    expect(enabled.statusCode).toBe(200);
    expect(enabled.json().disabled).toBe(false);
    await testApp.signIn(account.email, TEST_PASSWORD);
  });

  it('refuses to disable the own account', async () => {
    const self = province.accounts.provinceAdmin.id;
    const response = await snv.post(`/api/accounts/${self}/disable`);
    expect(response.statusCode).toBe(403);
    expect(response.json().message).toContain('chính mình');
    expect((await accountRow(self)).disabled_at).toBeNull();
  });
});

describe('password reset', () => {
  it('sets a new default password and ends sessions', async () => {
    const { account, initialPassword } = await createAccount();
    const owner = await sessionFor(testApp, account.email);
    await testApp.database.db
      .updateTable('accounts')
      .set({
        must_change_password: false,
        failed_sign_in_count: 5,
        locked_until: new Date(Date.now() + 600_000),
      })
      .where('id', '=', account.id)
      .execute();

    const response = await snv.post(`/api/accounts/${account.id}/reset-password`);
    expect(response.statusCode).toBe(200);
    const reset = response.json();
    expect(reset.initialPassword).not.toBe(initialPassword);
    expect(reset.account.mustChangePassword).toBe(true);
    expect(reset.account.lockedUntil).toBeNull();
    expect((await owner.get('/api/auth/session')).statusCode).toBe(401);

    const oldPassword = await testApp
      .anonymous()
      .post('/api/auth/sign-in', { email: account.email, password: initialPassword });
    expect(oldPassword.statusCode).toBe(401);
    const fresh = await testApp.signIn(account.email, reset.initialPassword);
    const blocked = await fresh.get('/api/accounts');
    expect(blocked.json().code).toBe('PASSWORD_CHANGE_REQUIRED');
  });

  it('refuses to reset the own password', async () => {
    const response = await snv.post(`/api/accounts/${province.accounts.provinceAdmin.id}/reset-password`);
    expect(response.statusCode).toBe(403);
    expect(response.json().message).toContain('Đổi mật khẩu');
  });
});

describe('audit log', () => {
  it('records every change of an account', async () => {
    const { account } = await createAccount();
    const id = account.id;
    const steps: Array<[string, () => Promise<{ statusCode: number }>]> = [
      [
        'account.update',
        () => snv.patch(`/api/accounts/${id}`, { displayName: 'Ghi Nhật Ký', rowVersion: 1 }),
      ],
      [
        'account.move',
        () => snv.patch(`/api/accounts/${id}`, { homeUnitId: province.justiceBoard.id, rowVersion: 2 }),
      ],
      [
        'account.grant',
        () => snv.post(`/api/accounts/${id}/grants`, { role: 'unit_admin', unitId: province.justice.id }),
      ],
      ['account.disable', () => snv.post(`/api/accounts/${id}/disable`)],
      ['account.enable', () => snv.post(`/api/accounts/${id}/enable`)],
      ['account.password_reset', () => snv.post(`/api/accounts/${id}/reset-password`)],
    ];
    for (const [action, send] of steps) expect((await send()).statusCode, action).toBeLessThan(300);
    const grantId = (
      await testApp.database.db
        .selectFrom('role_grants')
        .select('id')
        .where('account_id', '=', id)
        .executeTakeFirstOrThrow()
    ).id;
    expect((await snv.delete(`/api/accounts/${id}/grants/${grantId}`)).statusCode).toBe(200);

    const rows = await testApp.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_type', '=', 'account')
      .where('entity_id', '=', String(id))
      .orderBy('id')
      .execute();
    expect(rows.map((row) => row.action)).toEqual([
      'account.create',
      ...steps.map(([action]) => action),
      'account.revoke_grant',
    ]);
    expect(rows.every((row) => row.actor_account_id === province.accounts.provinceAdmin.id)).toBe(true);
    expect(rows.every((row) => row.request_id !== null)).toBe(true);
    const move = rows.find((row) => row.action === 'account.move')!;
    expect(move.before).toMatchObject({ homeUnitId: province.justiceControl.id });
    expect(move.after).toMatchObject({ homeUnitId: province.justiceBoard.id });
    expect(JSON.stringify(rows)).not.toMatch(/argon2/);
  });

  it('rolls back the audit row with a refused change', async () => {
    const before = await sql<{ n: number }>`select count(*)::int as n from audit_log`.execute(
      testApp.database.db,
    );
    const response = await snv.post('/api/accounts', {
      email: 'tp.admin@test.gov.vn',
      displayName: 'Trùng',
      homeUnitId: province.justice.id,
    });
    expect(response.statusCode).toBe(409);
    const after = await sql<{ n: number }>`select count(*)::int as n from audit_log`.execute(
      testApp.database.db,
    );
    expect(after.rows[0]!.n).toBe(before.rows[0]!.n);
  });

  it('rejects UPDATE and DELETE at the database', async () => {
    const db = testApp.database.db;
    const row = await db
      .selectFrom('audit_log')
      .select(['id', 'action'])
      .orderBy('id')
      .executeTakeFirstOrThrow();
    await expect(
      sql`update audit_log set action = 'forged' where id = ${row.id}`.execute(db),
    ).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log where id = ${row.id}`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_log`.execute(db)).rejects.toThrow(/append-only/);
    const kept = await db
      .selectFrom('audit_log')
      .select('action')
      .where('id', '=', row.id)
      .executeTakeFirstOrThrow();
    expect(kept.action).toBe(row.action);
  });
});
