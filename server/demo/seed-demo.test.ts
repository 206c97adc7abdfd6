import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { type Kysely, sql } from 'kysely';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/schema.ts';
import { passwordPolicyViolations } from '../modules/auth/password.ts';
import { startTestApp, type TestApp } from '../test/harness.ts';
import { createTestDatabase } from '../test/test-database.ts';
import { readCsvFile } from './csv.ts';
import { DEMO_LOGIN_EMAILS } from './demo-logins.ts';
import { buildDemoOrgPlan } from './org-plan.ts';
import { DEMO_PASSWORD, listDemoLogins, seedDemoProvince } from './seed-demo.ts';

const PEOPLE = 1_500;
const SEED = 7;
const silentLog = pino({ level: 'silent' });

let testApp: TestApp;
let db: Kysely<Database>;

beforeAll(async () => {
  testApp = await startTestApp();
  db = testApp.database.db;
  await seedDemoProvince(db, { people: PEOPLE, log: silentLog, seed: SEED });
});

afterAll(async () => {
  await testApp?.close();
});

/** Hashes every generated value and placement, in a fixed order. */
async function fingerprint(database: Kysely<Database>): Promise<string> {
  const result = await sql<Record<string, string>>`
    select p.full_name, p.name_sort_key, p.gender, p.birth_date, p.personal_id_number, p.employee_code,
      agency.code as agency_code, division.code as division_code, m.valid_from, a.email
    from people p
    join memberships m on m.person_id = p.id and m.valid_to is null
    join units agency on agency.id = m.agency_id
    join units division on division.id = m.division_id
    join accounts a on a.person_id = p.id
    order by p.employee_code
  `.execute(database);
  return createHash('sha256').update(JSON.stringify(result.rows)).digest('hex');
}

describe('demo seed determinism', () => {
  it('builds identical people from the same seed', async () => {
    const other = await createTestDatabase();
    try {
      await seedDemoProvince(other.db, { people: PEOPLE, log: silentLog, seed: SEED });
      expect(await fingerprint(other.db)).toBe(await fingerprint(db));
    } finally {
      await other.dispose();
    }
  });
});

describe('demo organisation tree', () => {
  it('gives Sở Tư pháp the code 112 and division 112011', async () => {
    const justice = await db
      .selectFrom('units')
      .selectAll()
      .where('code', '=', '112')
      .executeTakeFirstOrThrow();
    expect(justice.name).toBe('Sở Tư pháp');
    expect(justice.kind).toBe('agency');

    const control = await db
      .selectFrom('units')
      .selectAll()
      .where('code', '=', '112011')
      .executeTakeFirstOrThrow();
    expect(control.name).toBe('Phòng Kiểm soát thủ tục hành chính');
    expect(control.kind).toBe('division');
    expect(control.parent_id).toBe(justice.id);
  });

  it('roots the agencies at province 44', async () => {
    // The replayed 2025 history adds the old province 45 as an ended unit; only active units count.
    const province = await db
      .selectFrom('units')
      .selectAll()
      .where('kind', '=', 'province')
      .where('status', '=', 'active')
      .execute();
    expect(province.map((unit) => unit.code)).toEqual(['44']);
    expect(province[0]!.parent_id).toBeNull();

    const strays = await db
      .selectFrom('units')
      .select('code')
      .where('kind', 'in', ['agency', 'holding_root'])
      .where('status', '=', 'active')
      .where((eb) => eb.or([eb('parent_id', 'is', null), eb('parent_id', '!=', province[0]!.id)]))
      .execute();
    expect(strays).toEqual([]);
  });

  it('starts every division code with its agency code', async () => {
    const divisions = await db
      .selectFrom('units as division')
      .innerJoin('units as agency', 'agency.id', 'division.parent_id')
      .select(['division.code as divisionCode', 'agency.code as agencyCode', 'agency.kind as agencyKind'])
      .where('division.kind', '=', 'division')
      .execute();
    expect(divisions.length).toBeGreaterThan(500);
    for (const division of divisions) {
      expect(division.agencyKind).toBe('agency');
      expect(division.divisionCode.startsWith(division.agencyCode), division.divisionCode).toBe(true);
      expect(division.divisionCode.length, division.divisionCode).toBe(division.agencyCode.length + 3);
    }
  });

  it('creates one UBND agency per commune of province 44', async () => {
    const communes = readCsvFile(
      resolve(import.meta.dirname, '../../data-seed/catalogs/communes_2025.csv'),
    ).filter((row) => row.province_code === '44');
    expect(communes).toHaveLength(78);

    const agencies = await db
      .selectFrom('units')
      .select(['code', 'name'])
      .where('kind', '=', 'agency')
      .where('name', 'like', 'UBND %')
      .execute();
    expect(agencies).toHaveLength(78);
    const nameByCode = new Map(agencies.map((agency) => [agency.code, agency.name]));
    for (const commune of communes) expect(nameByCode.get(commune.code!)).toBe(`UBND ${commune.name}`);
    expect(nameByCode.get('19333')).toBe('UBND Phường Đông Hà');
  });

  it('gives every province agency from the list a numeric code', async () => {
    const listed = readCsvFile(
      resolve(import.meta.dirname, '../../data-seed/standard/quang-tri-org.csv'),
    ).filter((row) => row.parent_code === '44');
    const agencies = await db
      .selectFrom('units')
      .select(['code', 'name'])
      .where('kind', '=', 'agency')
      .where('status', '=', 'active')
      .where('name', 'not like', 'UBND %')
      .execute();
    expect(agencies.map((agency) => agency.name).sort()).toEqual(listed.map((row) => row.name).sort());
    for (const agency of agencies) expect(agency.code, agency.name).toMatch(/^[0-9]{3}$/);
  });

  it('adds the holding groups under Nhóm giảm tài khoản', async () => {
    const root = await db
      .selectFrom('units')
      .selectAll()
      .where('kind', '=', 'holding_root')
      .executeTakeFirstOrThrow();
    expect(root.name).toBe('Nhóm giảm tài khoản');
    const groups = await db
      .selectFrom('units')
      .select(['name', 'parent_id'])
      .where('kind', '=', 'holding_group')
      .orderBy('code')
      .execute();
    expect(groups.map((group) => group.name)).toEqual([
      'Nhóm nghỉ hưu',
      'Nhóm chuyển công tác',
      'Nhóm mất',
      'Nhóm thôi việc',
    ]);
    for (const group of groups) expect(group.parent_id).toBe(root.id);
  });

  it('writes one open revision per unit', async () => {
    const units = await db
      .selectFrom('units')
      .select(['id', 'name', 'parent_id', 'valid_from'])
      .where('status', '=', 'active')
      .execute();
    const revisions = await db
      .selectFrom('unit_revisions')
      .innerJoin('units', 'units.id', 'unit_revisions.unit_id')
      .selectAll('unit_revisions')
      .where('units.status', '=', 'active')
      .execute();
    expect(revisions).toHaveLength(units.length);
    const revisionByUnit = new Map(revisions.map((revision) => [revision.unit_id, revision]));
    for (const unit of units) {
      const revision = revisionByUnit.get(unit.id);
      expect(revision?.name).toBe(unit.name);
      expect(revision?.parent_id).toBe(unit.parent_id);
      expect(revision?.valid_from).toBe('2025-07-01');
      expect(revision?.valid_to).toBeNull();
    }
  });
});

describe('demo people and accounts', () => {
  it('stores the requested number of people', async () => {
    const { count } = await db
      .selectFrom('people')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow();
    expect(Number(count)).toBe(PEOPLE);
  });

  it('gives every person exactly one open membership', async () => {
    const result = await sql<{ id: number; open: number }>`
      select p.id, count(m.id)::int as open from people p
      left join memberships m on m.person_id = p.id and m.valid_to is null
      group by p.id having count(m.id) <> 1
    `.execute(db);
    expect(result.rows).toEqual([]);

    const misplaced = await sql<{ id: number }>`
      select m.id from memberships m join units d on d.id = m.division_id
      where d.parent_id <> m.agency_id or m.valid_from < '2025-07-01'
    `.execute(db);
    expect(misplaced.rows).toEqual([]);
  });

  it('places people in every division', async () => {
    const empty = await sql<{ code: string }>`
      select d.code from units d where d.kind = 'division'
      and not exists (select 1 from memberships m where m.division_id = d.id and m.valid_to is null)
    `.execute(db);
    expect(empty.rows).toEqual([]);
  });

  it('gives every person an account that must change its password', async () => {
    const missing = await sql<{ id: number }>`
      select p.id from people p left join accounts a on a.person_id = p.id where a.id is null
    `.execute(db);
    expect(missing.rows).toEqual([]);

    const accounts = await db
      .selectFrom('accounts')
      .select(['email', 'must_change_password', 'home_unit_id', 'person_id'])
      .execute();
    expect(accounts).toHaveLength(PEOPLE);
    for (const account of accounts) {
      expect(account.email).toMatch(/^[a-z0-9.]+@quangtri\.gov\.vn$/);
      expect(account.must_change_password).toBe(true);
    }
    expect(new Set(accounts.map((account) => account.email)).size).toBe(PEOPLE);
  });

  it('keeps personal ID numbers unique and twelve digits', async () => {
    const people = await db
      .selectFrom('people')
      .select(['personal_id_number', 'birth_date', 'gender'])
      .execute();
    const numbers = people.map((person) => person.personal_id_number);
    expect(new Set(numbers).size).toBe(PEOPLE);
    for (const person of people) {
      expect(person.personal_id_number).toMatch(/^[0-9]{12}$/);
      // Digits 4-6 carry the century, gender and birth year, as on a citizen ID card.
      const year = Number(person.birth_date!.slice(0, 4));
      const centuryGender = (year >= 2000 ? 2 : 0) + (person.gender === 'female' ? 1 : 0);
      expect(person.personal_id_number!.slice(3, 6)).toBe(
        `${centuryGender}${String(year % 100).padStart(2, '0')}`,
      );
    }
  });

  it('gives each agency a unit admin and an approver of its own', async () => {
    const result = await sql<{ code: string; admins: number; approvers: number; outsiders: number }>`
      select u.code,
        count(*) filter (where g.role = 'unit_admin')::int as admins,
        count(*) filter (where g.role = 'approver')::int as approvers,
        count(*) filter (where a.home_unit_id <> u.id)::int as outsiders
      from units u
      left join role_grants g on g.unit_id = u.id and g.revoked_at is null
      left join accounts a on a.id = g.account_id
      where u.kind = 'agency' and u.status = 'active'
      group by u.code
    `.execute(db);
    expect(result.rows).toHaveLength(buildDemoOrgPlan().agencies.length);
    for (const agency of result.rows) {
      expect(agency.admins, agency.code).toBe(1);
      expect(agency.approvers, agency.code).toBeGreaterThanOrEqual(1);
      expect(agency.approvers, agency.code).toBeLessThanOrEqual(2);
      expect(agency.outsiders, agency.code).toBe(0);
    }
  });

  it('rejects a second build into the same database', async () => {
    await expect(seedDemoProvince(db, { people: PEOPLE, log: silentLog, seed: SEED })).rejects.toThrow(
      /empty database/,
    );
    const { count } = await db
      .selectFrom('people')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow();
    expect(Number(count)).toBe(PEOPLE);
  });

  it('rejects fewer people than divisions', async () => {
    await expect(seedDemoProvince(db, { people: 10, log: silentLog })).rejects.toThrow(RangeError);
  });
});

describe('demo logins', () => {
  it('lists one login per role in Vietnamese', async () => {
    const logins = await listDemoLogins(db);
    expect(logins).toEqual([
      {
        role: 'province_admin',
        roleLabel: 'Sở Nội vụ',
        email: 'snv.admin@quangtri.gov.vn',
        passwordChanged: false,
      },
      {
        role: 'unit_admin',
        roleLabel: 'Quản trị viên đơn vị',
        email: 'tuphap.admin@quangtri.gov.vn',
        passwordChanged: false,
      },
      {
        role: 'approver',
        roleLabel: 'Người phê duyệt phiếu',
        email: 'tuphap.pheduyet@quangtri.gov.vn',
        passwordChanged: false,
      },
      { role: 'person', roleLabel: 'Cá nhân', email: 'tuphap.canbo@quangtri.gov.vn', passwordChanged: false },
    ]);
  });

  it('keeps the default password within the password policy', () => {
    for (const { email } of DEMO_LOGIN_EMAILS)
      expect(passwordPolicyViolations(DEMO_PASSWORD, email)).toEqual([]);
  });

  it('places each demo login where its role says', async () => {
    const rows = await sql<{
      email: string;
      role: string | null;
      grant_code: string | null;
      home_code: string;
      division_code: string;
    }>`
      select a.email, g.role, gu.code as grant_code, home.code as home_code, d.code as division_code
      from accounts a
      join units home on home.id = a.home_unit_id
      join memberships m on m.person_id = a.person_id and m.valid_to is null
      join units d on d.id = m.division_id
      left join role_grants g on g.account_id = a.id and g.revoked_at is null
      left join units gu on gu.id = g.unit_id
      where a.email in (${sql.join(DEMO_LOGIN_EMAILS.map((login) => login.email))})
      order by a.email
    `.execute(db);
    const byEmail = new Map(rows.rows.map((row) => [row.email, row]));

    expect(byEmail.get('snv.admin@quangtri.gov.vn')).toMatchObject({
      role: 'province_admin',
      grant_code: '44',
      home_code: '111',
    });
    expect(byEmail.get('tuphap.admin@quangtri.gov.vn')).toMatchObject({
      role: 'unit_admin',
      grant_code: '112',
      home_code: '112',
    });
    expect(byEmail.get('tuphap.pheduyet@quangtri.gov.vn')).toMatchObject({
      role: 'approver',
      grant_code: '112',
      home_code: '112',
    });
    expect(byEmail.get('tuphap.canbo@quangtri.gov.vn')).toMatchObject({
      role: null,
      home_code: '112',
      division_code: '112011',
    });
    expect(rows.rows).toHaveLength(4);
  });

  it('signs in with the default password and demands a change', async () => {
    for (const { email } of DEMO_LOGIN_EMAILS) {
      const response = await testApp.app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        payload: { email, password: DEMO_PASSWORD },
      });
      expect(response.statusCode, email).toBe(200);
      expect(response.json().mustChangePassword, email).toBe(true);
    }

    const admin = await testApp.signIn('tuphap.admin@quangtri.gov.vn', DEMO_PASSWORD);
    const justice = await db
      .selectFrom('units')
      .select('id')
      .where('code', '=', '112')
      .executeTakeFirstOrThrow();
    const blocked = await admin.get(`/api/units/${justice.id}/agency-table`);
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('PASSWORD_CHANGE_REQUIRED');
  });

  it('lets a demo admin work in its own agency only after the change', async () => {
    const email = 'tuphap.admin@quangtri.gov.vn';
    const newPassword = 'Mat-khau-rieng-cua-toi-42';
    const first = await testApp.signIn(email, DEMO_PASSWORD);
    const changed = await first.post('/api/auth/password', { currentPassword: DEMO_PASSWORD, newPassword });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().mustChangePassword).toBe(false);

    const logins = await listDemoLogins(db);
    expect(logins.find((login) => login.email === email)?.passwordChanged).toBe(true);
    expect(logins.find((login) => login.email === 'tuphap.canbo@quangtri.gov.vn')?.passwordChanged).toBe(
      false,
    );

    const admin = await testApp.signIn(email, newPassword);
    const justice = await db
      .selectFrom('units')
      .select('id')
      .where('code', '=', '112')
      .executeTakeFirstOrThrow();
    const table = await admin.get(`/api/units/${justice.id}/agency-table`);
    expect(table.statusCode).toBe(200);
    const { count } = await db
      .selectFrom('memberships')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('agency_id', '=', justice.id)
      .where('valid_to', 'is', null)
      .executeTakeFirstOrThrow();
    expect(table.json().total).toBe(Number(count));

    const homeAffairs = await db
      .selectFrom('units')
      .select('id')
      .where('code', '=', '111')
      .executeTakeFirstOrThrow();
    const other = await admin.get(`/api/units/${homeAffairs.id}/agency-table`);
    expect([403, 404]).toContain(other.statusCode);
  });
});
