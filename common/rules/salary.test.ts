import { describe, expect, it } from 'vitest';
import { type BaseSalaryPeriod, baseSalaryOn, monthlySalary } from './salary.ts';

// The last three periods of mức lương cơ sở: NĐ 24/2023, NĐ 73/2024 and NĐ 161/2026.
const periods: BaseSalaryPeriod[] = [
  { validFrom: '2023-07-01', validTo: '2024-07-01', amount: 1_800_000 },
  { validFrom: '2024-07-01', validTo: '2026-07-01', amount: 2_340_000 },
  { validFrom: '2026-07-01', validTo: null, amount: 2_530_000 },
];

describe('baseSalaryOn', () => {
  it('switches on 01/07/2026', () => {
    expect(baseSalaryOn(periods, '2026-06-30')).toBe(2_340_000);
    expect(baseSalaryOn(periods, '2026-07-01')).toBe(2_530_000);
    expect(baseSalaryOn(periods, '2030-01-01')).toBe(2_530_000);
  });

  it('is undefined before the first period', () => {
    expect(baseSalaryOn(periods, '2023-06-30')).toBeUndefined();
  });
});

describe('monthlySalary', () => {
  it('prices June and July 2026 at their base salaries', () => {
    const input = { coefficient: 3.0, positionAllowance: 0.3 };
    expect(monthlySalary(input, '2026-06', periods)).toMatchObject({
      baseSalary: 2_340_000,
      totalCoefficient: 3.3,
      amount: 7_722_000,
    });
    expect(monthlySalary(input, '2026-07', periods)).toMatchObject({
      baseSalary: 2_530_000,
      totalCoefficient: 3.3,
      amount: 8_349_000,
    });
  });

  it('prices a date by the first day of its month', () => {
    expect(monthlySalary({ coefficient: 2.34 }, '2026-06-30', periods).amount).toBe(5_475_600);
    expect(monthlySalary({ coefficient: 2.34 }, '2026-07-31', periods).amount).toBe(5_920_200);
  });

  it('adds other coefficient allowances', () => {
    const result = monthlySalary(
      { coefficient: 4.4, positionAllowance: 0.5, otherAllowances: [0.2, 0.1] },
      '2026-07',
      periods,
    );
    expect(result.totalCoefficient).toBe(5.2);
    expect(result.amount).toBe(13_156_000);
  });

  it('adds the over-frame percentage of coefficient and position allowance', () => {
    const result = monthlySalary(
      { coefficient: 4.98, positionAllowance: 0, overFramePercent: 5 },
      '2026-06',
      periods,
    );
    expect(result.overFrameCoefficient).toBeCloseTo(0.249, 10);
    expect(result.amount).toBe(12_235_860);

    const withPosition = monthlySalary(
      { coefficient: 6.78, positionAllowance: 0.6, overFramePercent: 7 },
      '2026-07',
      periods,
    );
    // (6.78 + 0.60) × 1.07 = 7.8966, × 2,530,000 = 19,978,398
    expect(withPosition.amount).toBe(19_978_398);
  });

  it('rejects a month without a base salary', () => {
    expect(() => monthlySalary({ coefficient: 2.34 }, '2020-01', periods)).toThrow(RangeError);
  });

  it('rejects negative coefficients', () => {
    expect(() => monthlySalary({ coefficient: -1 }, '2026-07', periods)).toThrow(RangeError);
    expect(() => monthlySalary({ coefficient: 2.34, otherAllowances: [-0.1] }, '2026-07', periods)).toThrow(
      RangeError,
    );
  });
});
