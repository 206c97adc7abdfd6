import { type Kysely, sql } from 'kysely';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/schema.ts';
import { makeAccount } from '../test/factories.ts';
import { startTestApp, type TestApp, type TestClient } from '../test/harness.ts';
import { buildDemoOrgPlan } from './org-plan.ts';
import { SeededRandom } from './random.ts';
import type { DemoSeedContext } from './seed-context.ts';
import { DEMO_SEED_STEPS } from './seed-demo.ts';
import { MARCH_2025_MERGERS, readOldProvincePlan, seedHistory } from './seed-history.ts';

const PEOPLE = 1_500;

let testApp: TestApp;
let db: Kysely<Database>;
let snv: TestClient;

interface TableRow {
  unitId: number;
  code: string;
  name: string;
  headcount: number;
}

/**
 * Builds the demo province with the history step after the demo's own steps, as seedDemoProvince
 * does once the step is in DEMO_SEED_STEPS (it is skipped there if already listed).
 */
async function seedWithHistory(database: Kysely<Database>): Promise<void> {
  const seed = 11;
  await database.transaction().execute(async (trx) => {
    const context: DemoSeedContext = {
      db: trx,
      seed,
      log: pino({ level: 'silent' }),
      plan: buildDemoOrgPlan(),
      peopleCount: PEOPLE,
      unitIds: new Map(),
      people: [],
      accountIds: new Map(),
      random: (stream) => SeededRandom.forStream(seed, stream),
    };
    const steps = [
      ...DEMO_SEED_STEPS.filter((step) => step.run !== seedHistory),
      { name: 'history', run: seedHistory },
    ];
    for (const step of steps) await step.run(context);
  });
}

beforeAll(async () => {
  testApp = await startTestApp();
  db = testApp.database.db;
  await seedWithHistory(db);
  const province = await db
    .selectFrom('units')
    .select('id')
    .where('code', '=', '44')
    .executeTakeFirstOrThrow();
  const home = await db.selectFrom('units').select('id').where('code', '=', '111').executeTakeFirstOrThrow();
  await makeAccount(db, {
    email: 'lich.su.snv@test.gov.vn',
    homeUnitId: home.id,
    grants: [{ role: 'province_admin', unitId: province.id }],
  });
  snv = await testApp.signIn('lich.su.snv@test.gov.vn');
});

afterAll(async () => {
  await testApp?.close();
});

async function unitByName(name: string, code: string) {
  return db
    .selectFrom('units')
    .selectAll()
    .where('name', '=', name)
    .where('code', 'like', `${code}%`)
    .orderBy('id')
    .execute();
}

async function provinceTable(provinceId: number, asOf: string): Promise<{ total: number; rows: TableRow[] }> {
  const response = await snv.get(`/api/units/${provinceId}/agency-table?asOf=${asOf}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

/** People whose membership on `asOf` lies in the given agency, counted straight from the table. */
async function membersOn(agencyId: number, asOf: string): Promise<number> {
  const result = await sql<{ n: number }>`
    select count(*)::int as n from memberships
    where agency_id = ${agencyId} and valid_from <= ${asOf} and (valid_to is null or valid_to > ${asOf})
  `.execute(db);
  return result.rows[0]!.n;
}

describe('old province before the mergers', () => {
  it('lists the old departments with their people', async () => {
    const [oldProvince] = await unitByName('Tỉnh Quảng Trị (cũ)', '45');
    expect(oldProvince).toMatchObject({ status: 'ended', valid_to: '2025-07-01' });
    const plan = readOldProvincePlan();

    const table = await provinceTable(oldProvince!.id, '2025-01-01');
    expect(table.rows.map((row) => row.name).sort()).toEqual([...plan.beforeMarch].sort());
    expect(table.total).toBeGreaterThan(0);
    const planning = table.rows.find((row) => row.name === 'Sở Kế hoạch và Đầu tư');
    expect(planning!.headcount).toBe(await membersOn(planning!.unitId, '2025-01-01'));

    const today = await provinceTable(oldProvince!.id, '2025-08-01');
    expect(today.rows).toEqual([]);
  });

  it('shows the merged departments from March', async () => {
    const [oldProvince] = await unitByName('Tỉnh Quảng Trị (cũ)', '45');
    const april = await provinceTable(oldProvince!.id, '2025-04-01');
    const names = april.rows.map((row) => row.name);
    expect(names).toContain('Sở Nông nghiệp và Môi trường');
    expect(names).not.toContain('Sở Tài nguyên và Môi trường');
    expect(names).not.toContain('Sở Kế hoạch và Đầu tư');
    expect(april.rows).toHaveLength(
      20 - MARCH_2025_MERGERS.reduce((sum, merger) => sum + merger.from.length - 1, 0),
    );
  });
});

describe('people carried through each merger', () => {
  it('keeps the March merger’s headcount', async () => {
    const [newFinance] = (await unitByName('Sở Tài chính', '45')).filter(
      (unit) => unit.valid_from === '2025-03-01',
    );
    const predecessors = [
      ...(await unitByName('Sở Kế hoạch và Đầu tư', '45')),
      ...(await unitByName('Sở Tài chính', '45')).filter((unit) => unit.valid_from !== '2025-03-01'),
    ];
    expect(predecessors).toHaveLength(2);
    let before = 0;
    for (const unit of predecessors) before += await membersOn(unit.id, '2025-02-28');
    expect(before).toBeGreaterThan(0);
    expect(await membersOn(newFinance!.id, '2025-03-01')).toBe(before);
  });

  it('keeps the July merger’s headcount', async () => {
    const [oldJustice] = await unitByName('Sở Tư pháp', '45');
    const justice = await db
      .selectFrom('units')
      .selectAll()
      .where('code', '=', '112')
      .executeTakeFirstOrThrow();
    const carried = await sql<{ n: number }>`
      select count(*)::int as n from memberships m
      where m.agency_id = ${justice.id} and m.valid_from = '2025-07-01'
        and exists (select 1 from memberships old where old.person_id = m.person_id and old.valid_to = '2025-07-01')
    `.execute(db);
    expect(await membersOn(oldJustice!.id, '2025-06-30')).toBe(carried.rows[0]!.n);
    expect(carried.rows[0]!.n).toBeGreaterThan(0);
  });

  it('gives nobody two memberships on one day', async () => {
    const overlaps = await sql<{ person_id: number }>`
      select a.person_id from memberships a join memberships b
        on a.person_id = b.person_id and a.id < b.id
        and a.valid_from < coalesce(b.valid_to, 'infinity') and b.valid_from < coalesce(a.valid_to, 'infinity')
      limit 5
    `.execute(db);
    expect(overlaps.rows).toEqual([]);
  });
});

describe('lineage of the old units', () => {
  it('follows two mergers to the current agency', async () => {
    const [planning] = await unitByName('Sở Kế hoạch và Đầu tư', '45');
    const successors = (await snv.get(`/api/reorganisation/units/${planning!.id}/successors`)).json();
    expect(successors.placements).toHaveLength(1);
    expect(successors.placements[0].agency).toMatchObject({
      name: 'Sở Tài chính',
      code: expect.not.stringMatching(/^45/),
    });
  });

  it('records both rounds as dated events', async () => {
    const events = (await snv.get('/api/reorganisation/events?pageSize=100')).json();
    const byDate = new Map<string, number>();
    for (const event of events.items)
      byDate.set(event.effectiveDate, (byDate.get(event.effectiveDate) ?? 0) + 1);
    expect(byDate.get('2025-03-01')).toBe(MARCH_2025_MERGERS.length);
    expect(byDate.get('2025-07-01')).toBe(readOldProvincePlan().fromMarch.length + 2);
    expect(events.items.every((event: { decisionNumber: string }) => event.decisionNumber.length > 0)).toBe(
      true,
    );
  });

  it('keeps Sở Tư pháp 112 and its division 112011 active', async () => {
    const division = await db
      .selectFrom('units')
      .selectAll()
      .where('code', '=', '112011')
      .where('status', '=', 'active')
      .executeTakeFirstOrThrow();
    expect(division.name).toBe('Phòng Kiểm soát thủ tục hành chính');
  });
});
