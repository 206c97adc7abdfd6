import { describe, expect, it } from 'vitest';
import { addMonths, parseIsoDate, wholeMonthsBetween } from './months.ts';

describe('addMonths', () => {
  it('keeps the day when the month has it', () => {
    expect(addMonths('2023-07-01', 36)).toBe('2026-07-01');
    expect(addMonths('2026-07-15', -1)).toBe('2026-06-15');
  });

  it('moves a missing day to the month end', () => {
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2024-02-29', 48)).toBe('2028-02-29');
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28');
  });
});

describe('wholeMonthsBetween', () => {
  it('counts only complete months', () => {
    expect(wholeMonthsBetween('2025-01-01', '2025-12-31')).toBe(11);
    expect(wholeMonthsBetween('2025-01-01', '2026-01-01')).toBe(12);
    expect(wholeMonthsBetween('2025-01-15', '2025-02-14')).toBe(0);
    expect(wholeMonthsBetween('2026-01-01', '2025-01-01')).toBe(-12);
  });
});

describe('parseIsoDate', () => {
  it('rejects dates that do not exist', () => {
    expect(() => parseIsoDate('2023-02-29')).toThrow(RangeError);
    expect(() => parseIsoDate('2024-13-01')).toThrow(RangeError);
    expect(() => parseIsoDate('01/07/2026')).toThrow(RangeError);
    expect(parseIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
  });
});
