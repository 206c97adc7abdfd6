// Calendar arithmetic on 'YYYY-MM-DD' strings, without time zones. Salary and retirement rules
// count whole months, so these helpers work on year and month numbers.

export interface YearMonth {
  year: number;
  /** 1-12 */
  month: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Splits a real calendar date; raises RangeError for text that is not one (2023-02-29, 2024-13-01). */
export function parseIsoDate(iso: string): { year: number; month: number; day: number } {
  const match = ISO_DATE.exec(iso);
  if (!match) throw new RangeError(`Not a date in YYYY-MM-DD form: "${iso}"`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month))
    throw new RangeError(`Not a calendar date: "${iso}"`);
  return { year, month, day };
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function formatIsoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Months since year 0, so that month differences are plain subtraction. */
export function monthIndex(value: YearMonth): number {
  return value.year * 12 + (value.month - 1);
}

export function fromMonthIndex(index: number): YearMonth {
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/**
 * Adds whole months to a date. A day that the target month lacks becomes that month's last day,
 * so 2024-02-29 plus 12 months is 2025-02-28 and 2023-01-31 plus 1 month is 2023-02-28.
 */
export function addMonths(iso: string, months: number): string {
  const { year, month, day } = parseIsoDate(iso);
  const target = fromMonthIndex(monthIndex({ year, month }) + months);
  return formatIsoDate(target.year, target.month, Math.min(day, daysInMonth(target.year, target.month)));
}

/** Whole months from `from` to `to` (negative when `to` is earlier); a partial month does not count. */
export function wholeMonthsBetween(from: string, to: string): number {
  const start = parseIsoDate(from);
  const end = parseIsoDate(to);
  let months = monthIndex(end) - monthIndex(start);
  if (months > 0 && addMonths(from, months) > to) months -= 1;
  if (months < 0 && addMonths(from, months) < to) months += 1;
  return months;
}

export function lastDayOfMonth(value: YearMonth): string {
  return formatIsoDate(value.year, value.month, daysInMonth(value.year, value.month));
}

export function firstDayOfMonth(value: YearMonth): string {
  return formatIsoDate(value.year, value.month, 1);
}
