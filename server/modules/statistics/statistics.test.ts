import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIso } from '../../../common/dates.ts';
import type { PersonSummary } from '../../../common/schemas/search.ts';
import type { QualityStatistics } from '../../../common/schemas/statistics.ts';
import { makeAccount, makePerson, makeSmallProvince, makeUnit } from '../../test/factories.ts';
import { startTestApp, type TestApp, type TestClient } from '../../test/harness.ts';
import { countWhere, expectedBuckets, idsWhere } from './statistics-expectations.ts';
import { makeStatisticsPeople } from './statistics-fixtures.ts';

let testApp: TestApp;
let province: Awaited<ReturnType<typeof makeSmallProvince>>;
let endedDivisionId: number;
let moverId: number;
let retiredId: number;
const today = todayIso();
const PAST = '2023-01-01';

beforeAll(async () => {
  testApp = await startTestApp();
  const db = testApp.database.db;
  province = await makeSmallProvince(db);
  await makeStatisticsPeople(db, {
    seed: 21,
    count: 160,
    placements: [
      { agencyId: province.justice.id, divisionId: province.justiceBoard.id },
      { agencyId: province.justice.id, divisionId: province.justiceControl.id },
      { agencyId: province.justice.id, divisionId: null },
      { agencyId: province.home.id, divisionId: province.homeBoard.id },
    ],
  });

  // A division that ended in 2025 while two people were still attached to it (dòng trắng).
  const ended = await makeUnit(db, {
    code: '112099',
    name: 'Phòng Đã Giải Thể',
    kind: 'division',
    parentId: province.justice.id,
  });
  await db
    .updateTable('units')
    .set({ valid_to: '2025-01-01', status: 'ended' })
    .where('id', '=', ended.id)
    .execute();
  await db
    .updateTable('unit_revisions')
    .set({ valid_to: '2025-01-01' })
    .where('unit_id', '=', ended.id)
    .execute();
  endedDivisionId = ended.id;
  for (const name of ['Trương Văn Sót', 'Lý Thị Còn'])
    await makePerson(db, { fullName: name, agencyId: province.justice.id, divisionId: ended.id });

  // Someone who moved from Sở Nội vụ to Sở Tư pháp on 2024-06-01.
  const mover = await makePerson(db, {
    fullName: 'Châu Văn Chuyển',
    agencyId: province.home.id,
    divisionId: province.homeBoard.id,
  });
  await db
    .updateTable('memberships')
    .set({ valid_to: '2024-06-01' })
    .where('person_id', '=', mover.id)
    .execute();
  await db
    .insertInto('memberships')
    .values({
      person_id: mover.id,
      agency_id: province.justice.id,
      division_id: province.justiceControl.id,
      valid_from: '2024-06-01',
      valid_to: null,
    })
    .execute();
  moverId = mover.id;

  // A retiree kept in a holding group: not part of the workforce.
  const holdingRoot = await makeUnit(db, {
    code: '449',
    name: 'Nhóm giảm tài khoản',
    kind: 'holding_root',
    parentId: province.province.id,
  });
  const retirees = await makeUnit(db, {
    code: '449001',
    name: 'Nhóm nghỉ hưu',
    kind: 'holding_group',
    parentId: holdingRoot.id,
  });
  retiredId = (await makePerson(db, { fullName: 'Mạc Văn Hưu', agencyId: retirees.id })).id;

  await makeAccount(db, {
    email: 'nv.thongke@test.gov.vn',
    homeUnitId: province.home.id,
    grants: [{ role: 'approver', unitId: province.home.id }],
  });
});

afterAll(async () => {
  await testApp?.close();
});

async function quality(client: TestClient, query = ''): Promise<QualityStatistics> {
  const response = await client.get(`/api/statistics/quality${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

async function drillDown(
  client: TestClient,
  query: string,
): Promise<{ total: number; items: PersonSummary[] }> {
  const response = await client.get(`/api/statistics/people?pageSize=500&${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

function bucketCount(statistics: QualityStatistics, dimension: string, bucket: string): number {
  return (
    statistics.dimensions.find((item) => item.id === dimension)!.buckets.find((item) => item.id === bucket)
      ?.count ?? 0
  );
}

describe('quality statistics of the province', () => {
  const agencies = () => [province.justice.id, province.home.id];

  it('counts the workforce like a direct SQL count', async () => {
    const snv = await testApp.signIn('snv.admin@test.gov.vn');
    const statistics = await quality(snv);
    expect(statistics.unit.id).toBe(province.province.id);
    expect(statistics.total).toBe(await countWhere(testApp.database.db, { agencyIds: agencies() }, today));
    expect(statistics.total).toBeGreaterThan(150);
  });

  it('matches hand-written SQL in every bucket', async () => {
    const snv = await testApp.signIn('snv.admin@test.gov.vn');
    const statistics = await quality(snv);
    const mismatches: string[] = [];
    for (const [dimension, buckets] of Object.entries(expectedBuckets(today))) {
      for (const [bucket, condition] of Object.entries(buckets)) {
        const expected = await countWhere(testApp.database.db, { agencyIds: agencies() }, today, condition);
        const reported = bucketCount(statistics, dimension, bucket);
        if (reported !== expected)
          mismatches.push(`${dimension}:${bucket} reports ${reported}, SQL counts ${expected}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('adds up to the total in every dimension', async () => {
    const snv = await testApp.signIn('snv.admin@test.gov.vn');
    const statistics = await quality(snv);
    for (const dimension of statistics.dimensions) {
      const sum = dimension.buckets.reduce((total, bucket) => total + bucket.count, 0);
      expect(sum, dimension.id).toBe(statistics.total);
    }
    const pyramid = statistics.ageByGender.reduce(
      (total, band) => total + band.male + band.female + band.unknown,
      0,
    );
    expect(pyramid).toBe(statistics.total);
  });

  it('counts every grade code found in the records', async () => {
    const snv = await testApp.signIn('snv.admin@test.gov.vn');
    const statistics = await quality(snv);
    const ranks = statistics.dimensions.find((item) => item.id === 'rank')!;
    for (const bucket of ranks.buckets.filter((item) => item.id !== 'unknown')) {
      expect(bucket.count, bucket.id).toBe(
        await countWhere(
          testApp.database.db,
          { agencyIds: agencies() },
          today,
          `r.rank_code = '${bucket.id}'`,
        ),
      );
    }
    expect(ranks.buckets.find((item) => item.id === '01.003')?.label).toBe('Chuyên viên (01.003)');
  });

  it('counts positions by code, name without code and none', async () => {
    const snv = await testApp.signIn('snv.admin@test.gov.vn');
    const statistics = await quality(snv);
    const db = testApp.database.db;
    const place = { agencyIds: agencies() };
    expect(bucketCount(statistics, 'position', 'GD')).toBe(
      await countWhere(db, place, today, "r.position_code = 'GD'"),
    );
    expect(bucketCount(statistics, 'position', 'other')).toBe(
      await countWhere(db, place, today, 'r.position_code is null and r.position_name is not null'),
    );
    expect(bucketCount(statistics, 'position', 'none')).toBe(
      await countWhere(db, place, today, 'r.person_id is not null and r.position_name is null'),
    );
  });

  it('counts each agency row like SQL and leaves out holding groups', async () => {
    const snv = await testApp.signIn('snv.admin@test.gov.vn');
    const statistics = await quality(snv);
    const db = testApp.database.db;
    const justice = statistics.rows.find((row) => row.unitId === province.justice.id)!;
    const home = statistics.rows.find((row) => row.unitId === province.home.id)!;
    expect(justice.total).toBe(await countWhere(db, { agencyIds: [province.justice.id] }, today));
    expect(home.total).toBe(await countWhere(db, { agencyIds: [province.home.id] }, today));
    expect(justice.counts['gender:female']).toBe(
      await countWhere(db, { agencyIds: [province.justice.id] }, today, "p.gender = 'female'"),
    );
    expect(statistics.rows.map((row) => row.code)).toEqual(['112', '113']);
    const everyone = await drillDown(snv, '');
    expect(everyone.items.map((item) => item.id)).not.toContain(retiredId);
  });
});

describe('drill-down', () => {
  it('lists exactly the people behind a number', async () => {
    const snv = await testApp.signIn('snv.admin@test.gov.vn');
    const statistics = await quality(snv);
    const expectations = expectedBuckets(today);
    for (const [dimension, bucket] of [
      ['education', 'university'],
      ['political_theory', 'none'],
      ['age_band', 'from_31_to_40'],
      ['party', 'unknown'],
      ['foreign_language', 'english'],
    ] as const) {
      const list = await drillDown(snv, `buckets=${dimension}:${bucket}`);
      expect(list.total, `${dimension}:${bucket}`).toBe(bucketCount(statistics, dimension, bucket));
      const expectedIds = await idsWhere(
        testApp.database.db,
        { agencyIds: [province.justice.id, province.home.id] },
        today,
        expectations[dimension]![bucket]!,
      );
      expect(list.items.map((item) => item.id).sort((a, b) => a - b)).toEqual(expectedIds);
    }
  });

  it('lists one cell of the age pyramid', async () => {
    const snv = await testApp.signIn('snv.admin@test.gov.vn');
    const statistics = await quality(snv);
    const band = statistics.ageByGender.find((item) => item.ageBand === 'from_41_to_50')!;
    const list = await drillDown(snv, 'buckets=age_band:from_41_to_50,gender:female');
    expect(list.total).toBe(band.female);
    expect(list.items.every((item) => item.gender === 'female')).toBe(true);
  });

  it('lists one row of the report table', async () => {
    const snv = await testApp.signIn('snv.admin@test.gov.vn');
    const statistics = await quality(snv);
    const justice = statistics.rows.find((row) => row.unitId === province.justice.id)!;
    const list = await drillDown(snv, `rowUnitId=${province.justice.id}&buckets=gender:female`);
    expect(list.total).toBe(justice.counts['gender:female']);
    expect(list.items.every((item) => item.agencyId === province.justice.id)).toBe(true);
  });

  it('names the field of a bad bucket filter', async () => {
    const snv = await testApp.signIn('snv.admin@test.gov.vn');
    const response = await snv.get('/api/statistics/people?buckets=shoe_size:42');
    expect(response.statusCode).toBe(400);
    expect(response.json().fields[0].field).toBe('buckets');
    expect(response.json().message).toContain('shoe_size:42');
  });
});

describe('agency statistics', () => {
  it('shows divisions, the ended division and direct members', async () => {
    const admin = await testApp.signIn('tp.admin@test.gov.vn');
    const statistics = await quality(admin);
    const db = testApp.database.db;
    expect(statistics.unit.id).toBe(province.justice.id);
    expect(statistics.total).toBe(await countWhere(db, { agencyIds: [province.justice.id] }, today));

    const rowOf = (unitId: number) => statistics.rows.find((row) => row.unitId === unitId);
    expect(rowOf(province.justiceBoard.id)?.total).toBe(
      await countWhere(db, { divisionIds: [province.justiceBoard.id] }, today),
    );
    expect(rowOf(endedDivisionId)).toMatchObject({ code: '112099', name: '', total: 2 });
    expect(rowOf(province.justice.id)).toMatchObject({
      direct: true,
      total: await countWhere(db, { agencyIds: [province.justice.id] }, today, 'm.division_id is null'),
    });
    expect(statistics.rows.reduce((sum, row) => sum + row.total, 0)).toBe(statistics.total);
  });

  it('never counts people of another agency', async () => {
    const admin = await testApp.signIn('tp.admin@test.gov.vn');
    const snv = await testApp.signIn('snv.admin@test.gov.vn');
    const own = await quality(admin);
    const all = await quality(snv);
    expect(own.total).toBe(all.rows.find((row) => row.unitId === province.justice.id)!.total);
    for (const dimension of own.dimensions) {
      for (const bucket of dimension.buckets) {
        const list = await drillDown(admin, `buckets=${dimension.id}:${bucket.id}`);
        expect(list.total, `${dimension.id}:${bucket.id}`).toBe(bucket.count);
        expect(list.items.every((item) => item.agencyId === province.justice.id)).toBe(true);
      }
    }
  });

  it('hides another agency from a unit admin', async () => {
    const admin = await testApp.signIn('tp.admin@test.gov.vn');
    for (const url of [
      `/api/statistics/quality?unitId=${province.home.id}`,
      `/api/statistics/people?unitId=${province.home.id}`,
      `/api/statistics/quality?unitId=${province.province.id}`,
      `/api/statistics/dashboard?unitId=${province.home.id}`,
    ]) {
      expect((await admin.get(url)).statusCode, url).toBe(404);
    }
  });

  it('keeps a row filter inside the counted unit', async () => {
    const admin = await testApp.signIn('tp.admin@test.gov.vn');
    const list = await drillDown(admin, `rowUnitId=${province.homeBoard.id}`);
    expect(list.total).toBe(0);
  });

  it('gives an approver their agency by default', async () => {
    const approver = await testApp.signIn('nv.thongke@test.gov.vn');
    const statistics = await quality(approver);
    expect(statistics.unit.id).toBe(province.home.id);
    expect(statistics.total).toBe(
      await countWhere(testApp.database.db, { agencyIds: [province.home.id] }, today),
    );
  });
});

describe('statistics on a past date', () => {
  it('uses the memberships and units valid that day', async () => {
    const snv = await testApp.signIn('snv.admin@test.gov.vn');
    const db = testApp.database.db;
    const past = await quality(snv, `?asOf=${PAST}`);
    const home = past.rows.find((row) => row.unitId === province.home.id)!;
    const justice = past.rows.find((row) => row.unitId === province.justice.id)!;
    expect(home.total).toBe(await countWhere(db, { agencyIds: [province.home.id] }, PAST));
    expect(justice.total).toBe(await countWhere(db, { agencyIds: [province.justice.id] }, PAST));

    const homeThen = await drillDown(snv, `asOf=${PAST}&rowUnitId=${province.home.id}`);
    const homeNow = await drillDown(snv, `rowUnitId=${province.home.id}`);
    expect(homeThen.items.map((item) => item.id)).toContain(moverId);
    expect(homeNow.items.map((item) => item.id)).not.toContain(moverId);
  });

  it('shows the ended division as a named row before it ended', async () => {
    const admin = await testApp.signIn('tp.admin@test.gov.vn');
    const past = await quality(admin, `?asOf=${PAST}`);
    expect(past.rows.find((row) => row.unitId === endedDivisionId)).toMatchObject({
      name: 'Phòng Đã Giải Thể',
      total: 2,
      direct: false,
    });
  });

  it('counts ages on the chosen date', async () => {
    const snv = await testApp.signIn('snv.admin@test.gov.vn');
    const past = await quality(snv, `?asOf=${PAST}`);
    const expectations = expectedBuckets(PAST).age_band!;
    for (const [bucket, condition] of Object.entries(expectations)) {
      expect(bucketCount(past, 'age_band', bucket), bucket).toBe(
        await countWhere(
          testApp.database.db,
          { agencyIds: [province.justice.id, province.home.id] },
          PAST,
          condition,
        ),
      );
    }
  });
});
