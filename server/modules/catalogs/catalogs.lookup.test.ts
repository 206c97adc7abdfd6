import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import {
  findBaseSalary,
  findCatalogEntry,
  findEthnicGroup,
  findLeadershipAllowance,
  findSalaryCoefficient,
  findStepCount,
  findStepRule,
  listBaseSalaryPeriods,
  listCatalog,
  listRetirementAges,
} from './catalogs.lookup.ts';
import { readCatalogSeed } from './catalogs.seed.ts';

let test: TestApp;

beforeAll(async () => {
  test = await startTestApp();
});
afterAll(async () => {
  await test.close();
});

describe('catalog seed', () => {
  it('loads every CSV row into the migrated database', async () => {
    const expected = readCatalogSeed().length;
    const { count } = await test.database.db
      .selectFrom('catalog_entries')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow();
    expect(Number(count)).toBe(expected);
    expect(expected).toBeGreaterThan(4_000);
  });

  it('splits education levels by category', async () => {
    const political = await listCatalog(test.database.db, 'political_theory', { onDate: '2026-01-01' });
    expect(political.map((entry) => entry.name)).toEqual([
      'Cử nhân chính trị',
      'Cao cấp lý luận chính trị',
      'Trung cấp lý luận chính trị',
      'Sơ cấp lý luận chính trị',
    ]);
    const management = await listCatalog(test.database.db, 'state_management', { onDate: '2026-01-01' });
    expect(management).toHaveLength(4);
  });
});

describe('findCatalogEntry', () => {
  it('finds a grade with its salary attributes', async () => {
    const entry = await findCatalogEntry(test.database.db, 'grades', '01.003', '2026-01-01');
    expect(entry?.name).toBe('Chuyên viên');
    expect(entry?.attributes).toMatchObject({
      salaryTable: 'bang_2_cong_chuc',
      salaryGroup: 'A1',
      stepCount: 9,
    });
  });

  it('returns undefined for an unknown code', async () => {
    expect(await findCatalogEntry(test.database.db, 'grades', '99.999', '2026-01-01')).toBeUndefined();
  });

  it('respects the start date of a province', async () => {
    expect(await findCatalogEntry(test.database.db, 'provinces', '44', '2025-06-30')).toBeUndefined();
    expect((await findCatalogEntry(test.database.db, 'provinces', '44', '2025-07-01'))?.name).toBe(
      'Tỉnh Quảng Trị',
    );
  });
});

describe('listCatalog', () => {
  it('searches names without accents', async () => {
    const found = await listCatalog(test.database.db, 'communes', { onDate: '2026-01-01', q: 'dat mui' });
    expect(found.map((entry) => entry.name)).toContain('Xã Đất Mũi');
  });

  it('matches the start of a code', async () => {
    const found = await listCatalog(test.database.db, 'grades', { onDate: '2026-01-01', q: '01.00' });
    expect(found.map((entry) => entry.code)).toContain('01.003');
    expect(found.every((entry) => entry.code.startsWith('01.00'))).toBe(true);
  });

  it('treats LIKE wildcards in the query as text', async () => {
    expect(await listCatalog(test.database.db, 'grades', { onDate: '2026-01-01', q: '%' })).toEqual([]);
  });
});

describe('salary lookups', () => {
  it('gives coefficients and step counts by table, group and step', async () => {
    const db = test.database.db;
    expect(
      await findSalaryCoefficient(db, {
        salaryTable: 'bang_2_cong_chuc',
        salaryGroup: 'A1',
        step: 3,
        onDate: '2026-01-01',
      }),
    ).toBe(3);
    expect(
      await findSalaryCoefficient(db, {
        salaryTable: 'bang_3_vien_chuc',
        salaryGroup: 'A0',
        step: 10,
        onDate: '2026-01-01',
      }),
    ).toBe(4.89);
    expect(
      await findSalaryCoefficient(db, {
        salaryTable: 'bang_2_cong_chuc',
        salaryGroup: 'A1',
        step: 10,
        onDate: '2026-01-01',
      }),
    ).toBeUndefined();
    expect(
      await findStepCount(db, { salaryTable: 'bang_2_cong_chuc', salaryGroup: 'B', onDate: '2026-01-01' }),
    ).toBe(12);
    expect(
      await findStepCount(db, { salaryTable: 'bang_2_cong_chuc', salaryGroup: 'A3.1', onDate: '2026-01-01' }),
    ).toBe(6);
  });

  it('gives the base salary in force on each side of 01/07/2026', async () => {
    const db = test.database.db;
    expect((await findBaseSalary(db, '2026-06-30'))?.amount).toBe(2_340_000);
    expect((await findBaseSalary(db, '2026-07-01'))?.amount).toBe(2_530_000);
    expect((await findBaseSalary(db, '2024-06-30'))?.amount).toBe(1_800_000);
    expect(await findBaseSalary(db, '2000-01-01')).toBeUndefined();
    const periods = await listBaseSalaryPeriods(db);
    expect(periods.at(-1)).toEqual({ validFrom: '2026-07-01', validTo: null, amount: 2_530_000 });
  });

  it('gives step rules and leadership allowances', async () => {
    const db = test.database.db;
    expect((await findStepRule(db, 'A0', '2026-01-01'))?.intervalMonths).toBe(36);
    expect((await findStepRule(db, 'B', '2026-01-01'))?.intervalMonths).toBe(24);
    expect(await findLeadershipAllowance(db, 'PCCV001', '2026-01-01')).toBe(1);
  });
});

describe('other lookups', () => {
  it('finds an ethnic group in either code list', async () => {
    const db = test.database.db;
    expect((await findEthnicGroup(db, '04', 'qd1019_2008', '2026-01-01'))?.name).toBe('Mường');
    expect((await findEthnicGroup(db, '04', 'qd121_1979', '2026-01-01'))?.name).toBe('Hoa');
  });

  it('lists the retirement age table', async () => {
    const rows = await listRetirementAges(test.database.db);
    expect(rows).toContainEqual({ gender: 'nam', year: 2028, ageYears: 62, ageMonths: 0 });
    expect(rows).toHaveLength(23);
  });
});
