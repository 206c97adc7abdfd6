import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PersonSummary } from '../../../common/schemas/search.ts';
import { makeAccount, makePerson, makeSmallProvince, makeUnit } from '../../test/factories.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { makeStatisticsPeople } from '../statistics/statistics-fixtures.ts';

let testApp: TestApp;
let province: Awaited<ReturnType<typeof makeSmallProvince>>;
let searchAgency: Awaited<ReturnType<typeof makeUnit>>;

beforeAll(async () => {
  testApp = await startTestApp();
  const db = testApp.database.db;
  province = await makeSmallProvince(db);
  searchAgency = await makeUnit(db, {
    code: '114',
    name: 'Sở Thử Tìm Kiếm',
    kind: 'agency',
    parentId: province.province.id,
  });
  for (const fullName of [
    'Nguyễn Thị Vân',
    'Nguyễn Văn Ân',
    'Đặng Văn Nguyên',
    'Nguyễn Văn Ánh',
    'Nguyễn Thị Lan',
    'Vân Thị Hoa',
    'Nguyễn Văn An',
  ]) {
    await makePerson(db, { fullName, agencyId: searchAgency.id });
  }
  await makeStatisticsPeople(db, {
    seed: 7,
    count: 60,
    placements: [
      { agencyId: province.justice.id, divisionId: province.justiceBoard.id },
      { agencyId: province.justice.id, divisionId: province.justiceControl.id },
      { agencyId: province.home.id, divisionId: province.homeBoard.id },
    ],
  });
  await makeAccount(db, {
    email: 'tim.admin@test.gov.vn',
    homeUnitId: searchAgency.id,
    grants: [{ role: 'unit_admin', unitId: searchAgency.id }],
  });
});

afterAll(async () => {
  await testApp?.close();
});

async function searchAll(
  email: string,
  params: Record<string, string>,
): Promise<{ total: number; items: PersonSummary[]; fullIdNumbers: boolean }> {
  const client = await testApp.signIn(email);
  const response = await client.get(
    `/api/search/people?${new URLSearchParams({ pageSize: '500', ...params })}`,
  );
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

describe('search without tone marks', () => {
  it('finds "nguyen van" in Vietnamese name order', async () => {
    const result = await searchAll('tim.admin@test.gov.vn', { q: 'nguyen van' });
    // Given name first (An < Ánh < Ân < Nguyên < Vân), every word matched at a word start.
    expect(result.items.map((item) => item.fullName)).toEqual([
      'Nguyễn Văn An',
      'Nguyễn Văn Ánh',
      'Nguyễn Văn Ân',
      'Đặng Văn Nguyên',
      'Nguyễn Thị Vân',
    ]);
    expect(result.total).toBe(5);
  });

  it('matches đ typed as d', async () => {
    const result = await searchAll('tim.admin@test.gov.vn', { q: 'dang van nguyen' });
    expect(result.items.map((item) => item.fullName)).toEqual(['Đặng Văn Nguyên']);
  });

  it('matches words at their start only', async () => {
    const result = await searchAll('tim.admin@test.gov.vn', { q: 'an' });
    const names = result.items.map((item) => item.fullName);
    expect(names).toContain('Nguyễn Văn An');
    expect(names).toContain('Nguyễn Văn Ánh');
    expect(names).not.toContain('Nguyễn Thị Lan');
  });

  it('pages through the same order', async () => {
    const client = await testApp.signIn('tim.admin@test.gov.vn');
    const first = (await client.get('/api/search/people?q=nguyen&pageSize=2&page=1')).json();
    const second = (await client.get('/api/search/people?q=nguyen&pageSize=2&page=2')).json();
    const all = await searchAll('tim.admin@test.gov.vn', { q: 'nguyen' });
    expect([...first.items, ...second.items].map((item: PersonSummary) => item.id)).toEqual(
      all.items.slice(0, 4).map((item) => item.id),
    );
    expect(first.total).toBe(all.total);
    expect(second.total).toBe(all.total);

    // A page past the end is empty and still reports how many people match.
    const pastEnd = (await client.get('/api/search/people?q=nguyen&pageSize=2&page=500')).json();
    expect(pastEnd.items).toEqual([]);
    expect(pastEnd.total).toBe(all.total);
    const none = (await client.get('/api/search/people?q=khongcotennay&pageSize=2&page=1')).json();
    expect(none).toMatchObject({ items: [], total: 0 });
  });
});

describe('search scope', () => {
  it('gives a unit admin exactly their agency', async () => {
    const result = await searchAll('tp.admin@test.gov.vn', {});
    const expected = await sql<{ person_id: number }>`
      select person_id from memberships where agency_id = ${province.justice.id} and valid_from <= current_date and (valid_to is null or valid_to > current_date)
    `.execute(testApp.database.db);
    expect(result.items.map((item) => item.id).sort((a, b) => a - b)).toEqual(
      expected.rows.map((row) => row.person_id).sort((a, b) => a - b),
    );
    expect(result.items.every((item) => item.agencyId === province.justice.id)).toBe(true);
  });

  it('gives the province admin everyone', async () => {
    const result = await searchAll('snv.admin@test.gov.vn', {});
    const { count } = await testApp.database.db
      .selectFrom('people')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow();
    expect(result.total).toBe(Number(count));
  });

  it('finds nobody of another agency by name', async () => {
    const result = await searchAll('tp.admin@test.gov.vn', { q: 'nguyen van' });
    expect(result.items.map((item) => item.fullName)).not.toContain('Nguyễn Văn Ánh');
    expect(result.items.every((item) => item.agencyId === province.justice.id)).toBe(true);
  });

  it('hides a unit outside the scope', async () => {
    const client = await testApp.signIn('tp.admin@test.gov.vn');
    const response = await client.get(`/api/search/people?unitId=${province.home.id}`);
    expect(response.statusCode).toBe(404);
  });

  it('narrows to a division', async () => {
    const result = await searchAll('tp.admin@test.gov.vn', { unitId: String(province.justiceControl.id) });
    expect(result.total).toBeGreaterThan(0);
    expect(result.items.every((item) => item.divisionId === province.justiceControl.id)).toBe(true);
  });

  it('rejects a person without staff roles', async () => {
    const client = await testApp.signIn('tp.canbo@test.gov.vn');
    expect((await client.get('/api/search/people?q=an')).statusCode).toBe(403);
  });
});

describe('search by number', () => {
  it('masks ID numbers for agency staff and not for the province admin', async () => {
    const staff = await searchAll('tp.admin@test.gov.vn', { q: '' });
    const withId = staff.items.find((item) => item.personalIdNumber);
    expect(staff.fullIdNumbers).toBe(false);
    expect(withId?.personalIdNumber).toMatch(/^\*{8}[0-9]{4}$/);

    const snv = await searchAll('snv.admin@test.gov.vn', { q: '' });
    expect(snv.fullIdNumbers).toBe(true);
    expect(snv.items.find((item) => item.id === withId!.id)?.personalIdNumber).toMatch(/^0[0-9]{11}$/);
  });

  it('finds one person by a whole ID number', async () => {
    const person = await testApp.database.db
      .selectFrom('people')
      .innerJoin('memberships', 'memberships.person_id', 'people.id')
      .select(['people.id', 'people.personal_id_number'])
      .where('memberships.agency_id', '=', province.justice.id)
      .where('people.personal_id_number', 'is not', null)
      .executeTakeFirstOrThrow();
    const result = await searchAll('tp.admin@test.gov.vn', { q: person.personal_id_number! });
    expect(result.items.map((item) => item.id)).toEqual([person.id]);
  });

  it('finds employee codes by their leading digits', async () => {
    const result = await searchAll('snv.admin@test.gov.vn', { q: '000070001' });
    expect(result.total).toBe(10);
    expect(result.items.every((item) => item.employeeCode?.startsWith('000070001'))).toBe(true);
  });

  it('treats LIKE wildcards as plain characters', async () => {
    const result = await searchAll('snv.admin@test.gov.vn', { q: '%' });
    expect(result.total).toBe(0);
  });
});

describe('search input', () => {
  it('names the field of a too long entry', async () => {
    const client = await testApp.signIn('tp.admin@test.gov.vn');
    const response = await client.get(`/api/search/people?q=${'a'.repeat(101)}`);
    expect(response.statusCode).toBe(400);
    expect(response.json().fields[0].field).toBe('q');
    expect(response.json().message).toContain('Từ khóa tìm kiếm');
  });

  it('names the field of a bad grade code', async () => {
    const client = await testApp.signIn('tp.admin@test.gov.vn');
    const response = await client.get('/api/search/people?rankCode=01%20003');
    expect(response.statusCode).toBe(400);
    expect(response.json().fields[0].field).toBe('rankCode');
  });

  it('filters by grade code', async () => {
    const result = await searchAll('snv.admin@test.gov.vn', { rankCode: '01.003' });
    const expected = await sql<{
      n: number;
    }>`select count(*)::int as n from person_records where rank_code = '01.003'`.execute(testApp.database.db);
    expect(result.total).toBe(expected.rows[0]!.n);
    expect(result.items.every((item) => item.rankCode === '01.003')).toBe(true);
  });
});
