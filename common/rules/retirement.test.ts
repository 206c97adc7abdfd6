import { describe, expect, it } from 'vitest';
import { birthMonthOf, type RetirementAgeRow, retirementAgeMonths, retirementFor } from './retirement.ts';

// NĐ 135/2020/NĐ-CP: +3 months a year for men from 60y3m in 2021 to 62 in 2028, +4 months a
// year for women from 55y4m in 2021 to 60 in 2035.
const table: RetirementAgeRow[] = [
  ...Array.from({ length: 8 }, (_, index) => {
    const months = 60 * 12 + 3 * (index + 1);
    return {
      gender: 'nam' as const,
      year: 2021 + index,
      ageYears: Math.floor(months / 12),
      ageMonths: months % 12,
    };
  }),
  ...Array.from({ length: 15 }, (_, index) => {
    const months = 55 * 12 + 4 * (index + 1);
    return {
      gender: 'nu' as const,
      year: 2021 + index,
      ageYears: Math.floor(months / 12),
      ageMonths: months % 12,
    };
  }),
];

describe('retirementAgeMonths', () => {
  it('uses 60/55 before 2021 and the table after', () => {
    expect(retirementAgeMonths(table, 'male', 2020)).toBe(720);
    expect(retirementAgeMonths(table, 'female', 2020)).toBe(660);
    expect(retirementAgeMonths(table, 'male', 2021)).toBe(723);
    expect(retirementAgeMonths(table, 'female', 2035)).toBe(720);
  });

  it('caps at 62/60 past the table', () => {
    expect(retirementAgeMonths(table, 'male', 2040)).toBe(744);
    expect(retirementAgeMonths(table, 'female', 2040)).toBe(720);
  });

  it('rejects an empty table', () => {
    expect(() => retirementAgeMonths([], 'male', 2025)).toThrow(RangeError);
  });
});

describe('retirementFor', () => {
  it('retires men born 09/1961 at 60y3m in 12/2021', () => {
    expect(retirementFor(table, 'male', '1961-09-20')).toEqual({
      reachMonth: '2021-12',
      ageYears: 60,
      ageMonths: 3,
      retirementDate: '2021-12-31',
      pensionStartDate: '2022-01-01',
    });
  });

  it('retires men born 10/1961 at 60y6m in 04/2022', () => {
    expect(retirementFor(table, 'male', '1961-10-01')).toMatchObject({
      reachMonth: '2022-04',
      ageYears: 60,
      ageMonths: 6,
      retirementDate: '2022-04-30',
    });
  });

  it('retires women born 08/1966 at 55y4m in 12/2021', () => {
    expect(retirementFor(table, 'female', '1966-08-31')).toMatchObject({
      reachMonth: '2021-12',
      ageYears: 55,
      ageMonths: 4,
      pensionStartDate: '2022-01-01',
    });
    expect(retirementFor(table, 'female', '1966-09-01')).toMatchObject({
      reachMonth: '2022-05',
      ageYears: 55,
      ageMonths: 8,
    });
  });

  it('handles a birth on 29 February', () => {
    expect(retirementFor(table, 'male', '1964-02-29')).toMatchObject({
      reachMonth: '2025-05',
      ageYears: 61,
      ageMonths: 3,
      retirementDate: '2025-05-31',
    });
    // Women born in 1964 reached 55 in 2019, before the rise; February 2019 has 28 days.
    expect(retirementFor(table, 'female', '1964-02-29')).toMatchObject({
      reachMonth: '2019-02',
      retirementDate: '2019-02-28',
      pensionStartDate: '2019-03-01',
    });
  });

  it('takes January when only the year is known', () => {
    expect(birthMonthOf('1961')).toEqual({ year: 1961, month: 1 });
    expect(retirementFor(table, 'male', '1961')).toMatchObject({ reachMonth: '2021-04', ageMonths: 3 });
    expect(retirementFor(table, 'male', '1961-01')).toMatchObject({ reachMonth: '2021-04' });
  });

  it('reaches the final ages', () => {
    expect(retirementFor(table, 'male', '1966-04-10')).toMatchObject({
      reachMonth: '2028-04',
      ageYears: 62,
      ageMonths: 0,
    });
    expect(retirementFor(table, 'female', '1975-05-10')).toMatchObject({
      reachMonth: '2035-05',
      ageYears: 60,
      ageMonths: 0,
    });
    expect(retirementFor(table, 'male', '1990-12-01')).toMatchObject({ reachMonth: '2052-12', ageYears: 62 });
  });

  it('keeps 60/55 for earlier cohorts', () => {
    expect(retirementFor(table, 'male', '1960-12-05')).toMatchObject({
      reachMonth: '2020-12',
      ageYears: 60,
      ageMonths: 0,
      pensionStartDate: '2021-01-01',
    });
    expect(retirementFor(table, 'female', '1965-12-05')).toMatchObject({
      reachMonth: '2020-12',
      ageYears: 55,
      ageMonths: 0,
    });
  });

  it('rejects a birth date that does not exist', () => {
    expect(() => retirementFor(table, 'male', '1963-02-29')).toThrow(RangeError);
  });
});
