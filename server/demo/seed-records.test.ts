import { type Kysely, sql } from 'kysely';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIso } from '../../common/dates.ts';
import type { Database } from '../db/schema.ts';
import { findDeclarationProblems } from '../modules/declarations/declaration-validation.ts';
import { readStoredRecordData } from '../modules/records/record-data.ts';
import { startTestApp, type TestApp } from '../test/harness.ts';
import { DEMO_PASSWORD, seedDemoProvince } from './seed-demo.ts';

const PEOPLE = 1_500;
let testApp: TestApp;
let db: Kysely<Database>;

beforeAll(async () => {
  testApp = await startTestApp();
  db = testApp.database.db;
  await seedDemoProvince(db, { people: PEOPLE, log: pino({ level: 'silent' }), seed: 11 });
});

afterAll(async () => {
  await testApp?.close();
});

describe('demo records', () => {
  it('gives every person an approved record', async () => {
    const result = await sql<{ people: number; records: number; firstVersions: number }>`
      select (select count(*)::int from people) as people,
        (select count(*)::int from person_records) as records,
        (select count(*)::int from record_versions where version_no = 1 and source = 'import') as "firstVersions"
    `.execute(db);
    expect(result.rows[0]).toEqual({ people: PEOPLE, records: PEOPLE, firstVersions: PEOPLE });
  });

  it('uses coefficients of the salary table for each step', async () => {
    const mismatched = await sql<{ n: number }>`
      select count(*)::int as n from person_records r
      join catalog_entries rank on rank.catalog = case when r.rank_kind = 'grade' then 'grades' else 'professional_titles' end and rank.code = r.rank_code
      left join catalog_entries c on c.catalog = 'salary_coefficients'
        and c.code = (rank.attributes->>'salaryTable') || '/' || r.salary_group || '/' || r.salary_step
      where c.id is null or (c.attributes->>'coefficient')::numeric <> r.salary_coefficient
    `.execute(db);
    expect(mismatched.rows[0]!.n).toBe(0);
    const titled = await db
      .selectFrom('person_records')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('rank_kind', '=', 'professional_title')
      .executeTakeFirstOrThrow();
    expect(Number(titled.n)).toBeGreaterThan(PEOPLE * 0.2);
  });

  it('draws ethnicity mostly Kinh with Bru-Vân Kiều and Tà-ôi', async () => {
    const rows = await db
      .selectFrom('person_records')
      .select(['ethnicity_code', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('ethnicity_code')
      .execute();
    const count = (code: string) => Number(rows.find((row) => row.ethnicity_code === code)?.n ?? 0);
    expect(count('01')).toBeGreaterThan(PEOPLE * 0.8);
    expect(count('24')).toBeGreaterThan(0);
    expect(count('27')).toBeGreaterThan(0);
  });

  it('passes the submit rules for a sample of records', async () => {
    const sample = await db
      .selectFrom('record_versions')
      .select(['person_id', 'data'])
      .where('version_no', '=', 1)
      .orderBy('person_id')
      .limit(60)
      .execute();
    for (const row of sample) {
      const problems = await findDeclarationProblems(db, readStoredRecordData(row.data), {
        personId: row.person_id,
        today: todayIso(),
      });
      expect(problems, `person ${row.person_id}`).toEqual([]);
    }
  });

  it('mixes declaration states, with approved ones as version 2', async () => {
    const rows = await db
      .selectFrom('declarations')
      .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('status')
      .execute();
    const count = (status: string) => Number(rows.find((row) => row.status === status)?.n ?? 0);
    for (const status of ['draft', 'submitted', 'returned', 'approved'])
      expect(count(status), status).toBeGreaterThan(0);
    const unlinked = await db
      .selectFrom('declarations')
      .select('id')
      .where('status', '=', 'approved')
      .where('approved_version_id', 'is', null)
      .execute();
    expect(unlinked).toHaveLength(0);
    const returned = await db
      .selectFrom('declarations')
      .select('return_reason')
      .where('status', '=', 'returned')
      .execute();
    for (const row of returned) expect(row.return_reason).toBeTruthy();
  });

  it('fills an approver’s inbox with the agency’s submitted declarations', async () => {
    const busiest = await sql<{
      agencyId: number;
      accountId: number;
      email: string;
      approverPersonId: number | null;
    }>`
      select d.target_agency_id as "agencyId", a.id as "accountId", a.email, a.person_id as "approverPersonId"
      from declarations d
      join role_grants g on g.unit_id = d.target_agency_id and g.role = 'approver' and g.revoked_at is null
      join accounts a on a.id = g.account_id
      where d.status = 'submitted'
      group by d.target_agency_id, a.id, a.email, a.person_id
      order by count(*) desc, a.id
      limit 1
    `.execute(db);
    const approverRow = busiest.rows[0]!;
    const expected = await db
      .selectFrom('declarations')
      .select('id')
      .where('status', '=', 'submitted')
      .where('target_agency_id', '=', approverRow.agencyId)
      .where('person_id', '<>', approverRow.approverPersonId ?? -1)
      .execute();
    expect(expected.length).toBeGreaterThan(0);

    await db
      .updateTable('accounts')
      .set({ must_change_password: false })
      .where('id', '=', approverRow.accountId)
      .execute();
    const approver = await testApp.signIn(approverRow.email, DEMO_PASSWORD);
    const inbox = await approver.get('/api/declarations/inbox');
    expect(inbox.statusCode, inbox.body).toBe(200);
    const ids = inbox.json().map((item: { id: number }) => item.id);
    expect(ids).toEqual(expect.arrayContaining(expected.map((row) => row.id)));
  });
});
