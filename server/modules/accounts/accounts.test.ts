import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAccount, makePerson, makeSmallProvince, makeUnit } from '../../test/factories.ts';
import { startTestApp, type TestApp, type TestClient } from '../../test/harness.ts';
import { sessionFor } from './test-sessions.ts';

let testApp: TestApp;
let province: Awaited<ReturnType<typeof makeSmallProvince>>;
let snv: TestClient;
let justiceAdmin: TestClient;
let homeAdmin: TestClient;

beforeAll(async () => {
  testApp = await startTestApp();
  province = await makeSmallProvince(testApp.database.db);
  snv = await sessionFor(testApp, 'snv.admin@test.gov.vn');
  justiceAdmin = await sessionFor(testApp, 'tp.admin@test.gov.vn');
  homeAdmin = await sessionFor(testApp, 'nv.admin@test.gov.vn');
});

afterAll(async () => {
  await testApp?.close();
});

async function auditRowsOf(accountId: number) {
  return testApp.database.db
    .selectFrom('audit_log')
    .selectAll()
    .where('entity_type', '=', 'account')
    .where('entity_id', '=', String(accountId))
    .orderBy('id')
    .execute();
}

describe('account creation', () => {
  it('returns a one-time default password', async () => {
    const response = await snv.post('/api/accounts', {
      email: '  Nguyen.Thi.Hoa@TEST.gov.vn ',
      displayName: 'Nguyễn  Thị Hoa',
      homeUnitId: province.justiceControl.id,
    });
    expect(response.statusCode).toBe(201);
    const { account, initialPassword } = response.json();
    expect(account.email).toBe('nguyen.thi.hoa@test.gov.vn');
    expect(account.displayName).toBe('Nguyễn Thị Hoa');
    expect(account.mustChangePassword).toBe(true);
    expect(account.homeUnit.code).toBe('112011');
    expect(initialPassword).toMatch(/^[A-Za-z2-9]{4}-[A-Za-z2-9]{4}-[A-Za-z2-9]{4}$/);

    const row = await testApp.database.db
      .selectFrom('accounts')
      .selectAll()
      .where('id', '=', account.id)
      .executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(row.password_hash).not.toContain(initialPassword);

    const audit = await auditRowsOf(account.id);
    expect(audit.map((entry) => entry.action)).toEqual(['account.create']);
    expect(JSON.stringify(audit)).not.toContain(initialPassword);
  });

  it('forces a password change at first sign-in', async () => {
    const created = (
      await snv.post('/api/accounts', {
        email: 'tran.van.moi@test.gov.vn',
        displayName: 'Trần Văn Mới',
        homeUnitId: province.justice.id,
      })
    ).json();
    const owner = await testApp.signIn('tran.van.moi@test.gov.vn', created.initialPassword);

    const blocked = await owner.get('/api/units/options');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('PASSWORD_CHANGE_REQUIRED');

    const changed = await owner.post('/api/auth/password', {
      currentPassword: created.initialPassword,
      newPassword: 'Mot-mat-khau-rieng-2026',
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().mustChangePassword).toBe(false);
  });

  it('names the e-mail field when it is invalid', async () => {
    const response = await snv.post('/api/accounts', {
      email: 'khong-phai-thu',
      displayName: 'Ai Đó',
      homeUnitId: province.justice.id,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().fields.map((field: { field: string }) => field.field)).toContain('email');
    expect(response.json().message).toContain('Thư điện tử công vụ');
  });

  it('rejects an e-mail that already has an account', async () => {
    const response = await snv.post('/api/accounts', {
      email: 'TP.CANBO@test.gov.vn',
      displayName: 'Trùng',
      homeUnitId: province.justice.id,
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('EMAIL_TAKEN');
    expect(response.json().fields[0].field).toBe('email');
  });

  it('rejects an ended home unit', async () => {
    const ended = await makeUnit(testApp.database.db, {
      code: '112090',
      name: 'Phòng Đã Giải thể',
      kind: 'division',
      parentId: province.justice.id,
    });
    await testApp.database.db
      .updateTable('units')
      .set({ status: 'ended', valid_to: '2024-01-01' })
      .where('id', '=', ended.id)
      .execute();
    const response = await snv.post('/api/accounts', {
      email: 'giai.the@test.gov.vn',
      displayName: 'Giải Thể',
      homeUnitId: ended.id,
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('UNIT_ENDED');
    expect(response.json().fields[0].field).toBe('homeUnitId');
  });

  it('rejects a person already linked to an account', async () => {
    const linked = province.justicePeople[1]!.id;
    const response = await snv.post('/api/accounts', {
      email: 'hai.tai.khoan@test.gov.vn',
      displayName: 'Hai',
      homeUnitId: province.justice.id,
      personId: linked,
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('PERSON_ACCOUNT_TAKEN');
  });

  it('links a free personnel record', async () => {
    const person = await makePerson(testApp.database.db, {
      fullName: 'Võ Thị Liên',
      agencyId: province.justice.id,
    });
    const response = await snv.post('/api/accounts', {
      email: 'vo.thi.lien@test.gov.vn',
      displayName: 'Võ Thị Liên',
      homeUnitId: province.justice.id,
      personId: person.id,
    });
    expect(response.statusCode).toBe(201);
    expect(response.json().account.personId).toBe(person.id);
    expect(response.json().account.personName).toBe('Võ Thị Liên');
  });

  it('refuses creation by a unit admin', async () => {
    const response = await justiceAdmin.post('/api/accounts', {
      email: 'tu.tao@test.gov.vn',
      displayName: 'Tự Tạo',
      homeUnitId: province.justice.id,
    });
    expect(response.statusCode).toBe(403);
    expect(
      await testApp.database.db
        .selectFrom('accounts')
        .select('id')
        .where('email', '=', 'tu.tao@test.gov.vn')
        .executeTakeFirst(),
    ).toBeUndefined();
  });
});

describe('account scope', () => {
  it('lists only the own agency for a unit admin', async () => {
    const page = (await justiceAdmin.get('/api/accounts?pageSize=500')).json();
    const expected = await sql<{ n: number }>`
      select count(*)::int as n from accounts a join units u on u.id = a.home_unit_id
      where u.id = ${province.justice.id} or u.parent_id = ${province.justice.id}
    `.execute(testApp.database.db);
    expect(page.total).toBe(expected.rows[0]!.n);
    const emails = page.items.map((item: { email: string }) => item.email);
    expect(emails).toContain('tp.duyet@test.gov.vn');
    expect(emails.filter((email: string) => email.startsWith('nv.') || email.startsWith('snv.'))).toEqual([]);
  });

  it('hides every account of agency 113 from the admin of 112', async () => {
    const homeAccounts = await testApp.database.db
      .selectFrom('accounts')
      .select(['id', 'email'])
      .where('home_unit_id', 'in', [province.home.id, province.homeBoard.id])
      .execute();
    expect(homeAccounts.length).toBeGreaterThanOrEqual(3);
    const someGrant = await testApp.database.db
      .selectFrom('role_grants')
      .select('id')
      .where('account_id', '=', province.accounts.homeApprover.id)
      .executeTakeFirstOrThrow();

    for (const account of homeAccounts) {
      const requests: Array<[string, () => ReturnType<TestClient['get']>]> = [
        ['read', () => justiceAdmin.get(`/api/accounts/${account.id}`)],
        [
          'update',
          () => justiceAdmin.patch(`/api/accounts/${account.id}`, { displayName: 'Đổi Tên', rowVersion: 1 }),
        ],
        [
          'move',
          () =>
            justiceAdmin.patch(`/api/accounts/${account.id}`, {
              homeUnitId: province.justice.id,
              rowVersion: 1,
            }),
        ],
        ['disable', () => justiceAdmin.post(`/api/accounts/${account.id}/disable`)],
        ['enable', () => justiceAdmin.post(`/api/accounts/${account.id}/enable`)],
        ['reset', () => justiceAdmin.post(`/api/accounts/${account.id}/reset-password`)],
        [
          'grant',
          () =>
            justiceAdmin.post(`/api/accounts/${account.id}/grants`, {
              role: 'approver',
              unitId: province.justice.id,
            }),
        ],
        ['revoke', () => justiceAdmin.delete(`/api/accounts/${account.id}/grants/${someGrant.id}`)],
      ];
      for (const [name, send] of requests) {
        const response = await send();
        expect([403, 404], `${name} ${account.email}`).toContain(response.statusCode);
      }
    }

    const filtered = await justiceAdmin.get(`/api/accounts?unitId=${province.home.id}`);
    expect(filtered.statusCode).toBe(404);
    const report = await justiceAdmin.get(`/api/accounts/default-passwords?unitId=${province.home.id}`);
    expect(report.statusCode).toBe(404);
    const searched = (await justiceAdmin.get('/api/accounts?q=nv.')).json();
    expect(searched.items.map((item: { email: string }) => item.email)).toEqual([]);

    const unchanged = await testApp.database.db
      .selectFrom('accounts')
      .select(['display_name', 'home_unit_id', 'disabled_at'])
      .where(
        'id',
        'in',
        homeAccounts.map((item) => item.id),
      )
      .execute();
    expect(unchanged.every((row) => row.display_name !== 'Đổi Tên' && row.disabled_at === null)).toBe(true);
  });

  it('reports an unknown account id as not found', async () => {
    const response = await snv.get('/api/accounts/987654');
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe('NOT_FOUND');
  });

  it('lets an approver read the own agency', async () => {
    const approver = await sessionFor(testApp, 'tp.duyet@test.gov.vn');
    const response = await approver.get(`/api/accounts/${province.accounts.justicePerson.id}`);
    expect(response.statusCode).toBe(200);
    expect(response.json().email).toBe('tp.canbo@test.gov.vn');
  });

  it('refuses a person without a staff role', async () => {
    const person = await sessionFor(testApp, 'tp.canbo@test.gov.vn');
    const response = await person.get('/api/accounts');
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('FORBIDDEN');
  });
});

describe('account search', () => {
  beforeAll(async () => {
    const db = testApp.database.db;
    await makeAccount(db, {
      email: 'dang.van.duc@test.gov.vn',
      displayName: 'Đặng Văn Đức',
      homeUnitId: province.justiceBoard.id,
    });
    await makeAccount(db, {
      email: 'le.thi.hoa@test.gov.vn',
      displayName: 'Lê Thị Hoà',
      homeUnitId: province.justiceBoard.id,
    });
    await makeAccount(db, {
      email: 'ngo.phan.tram@test.gov.vn',
      displayName: 'Ngô 100% Trâm',
      homeUnitId: province.justiceBoard.id,
    });
  });

  async function emailsFor(query: string): Promise<string[]> {
    const response = await justiceAdmin.get(`/api/accounts?q=${encodeURIComponent(query)}`);
    expect(response.statusCode).toBe(200);
    return response.json().items.map((item: { email: string }) => item.email);
  }

  it('ignores tone marks and case', async () => {
    expect(await emailsFor('duc')).toEqual(['dang.van.duc@test.gov.vn']);
    expect(await emailsFor('ĐỨC')).toEqual(['dang.van.duc@test.gov.vn']);
    expect(await emailsFor('thi hoa')).toContain('le.thi.hoa@test.gov.vn');
  });

  it('matches part of the e-mail', async () => {
    expect(await emailsFor('tp.can')).toEqual(['tp.canbo@test.gov.vn']);
  });

  it('treats LIKE wildcards as text', async () => {
    expect(await emailsFor('100%')).toEqual(['ngo.phan.tram@test.gov.vn']);
    expect(await emailsFor('_')).toEqual([]);
  });

  it('filters by unit subtree', async () => {
    const page = (
      await justiceAdmin.get(`/api/accounts?unitId=${province.justiceBoard.id}&pageSize=500`)
    ).json();
    expect(page.items.length).toBeGreaterThan(0);
    expect(
      page.items.every((item: { homeUnit: { id: number } }) => item.homeUnit.id === province.justiceBoard.id),
    ).toBe(true);
  });

  it('pages in a stable order', async () => {
    const all = (await snv.get('/api/accounts?pageSize=500')).json();
    const second = (await snv.get('/api/accounts?page=2&pageSize=2')).json();
    expect(second.total).toBe(all.total);
    expect(second.items.map((item: { id: number }) => item.id)).toEqual(
      all.items.slice(2, 4).map((item: { id: number }) => item.id),
    );
  });

  it('names the field of a bad page size', async () => {
    const response = await snv.get('/api/accounts?pageSize=0');
    expect(response.statusCode).toBe(400);
    expect(response.json().fields[0].field).toBe('pageSize');
  });
});

describe('default password report', () => {
  it('lists enabled accounts in scope that keep the default password', async () => {
    const fresh = (
      await snv.post('/api/accounts', {
        email: 'chua.doi@test.gov.vn',
        displayName: 'Chưa Đổi',
        homeUnitId: province.justiceBoard.id,
      })
    ).json();
    const gone = (
      await snv.post('/api/accounts', {
        email: 'da.nghi@test.gov.vn',
        displayName: 'Đã Nghỉ',
        homeUnitId: province.justiceBoard.id,
      })
    ).json();
    expect((await snv.post(`/api/accounts/${gone.account.id}/disable`)).statusCode).toBe(200);

    const report = (await justiceAdmin.get('/api/accounts/default-passwords?pageSize=500')).json();
    const emails = report.items.map((item: { email: string }) => item.email);
    expect(emails).toContain('chua.doi@test.gov.vn');
    expect(emails).not.toContain('da.nghi@test.gov.vn');
    expect(emails).not.toContain('tp.admin@test.gov.vn');
    expect(report.items.every((item: { mustChangePassword: boolean }) => item.mustChangePassword)).toBe(true);

    const filtered = (await justiceAdmin.get('/api/accounts?defaultPassword=true&pageSize=500')).json();
    expect(filtered.items.map((item: { email: string }) => item.email)).toContain('da.nghi@test.gov.vn');

    const otherAgency = (await homeAdmin.get('/api/accounts/default-passwords?pageSize=500')).json();
    expect(otherAgency.items.map((item: { id: number }) => item.id)).not.toContain(fresh.account.id);
  });
});
