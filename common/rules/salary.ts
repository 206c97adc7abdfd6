import { firstDayOfMonth, parseIsoDate } from './months.ts';

/** One period of mức lương cơ sở; validTo is exclusive. */
export interface BaseSalaryPeriod {
  validFrom: string;
  validTo: string | null;
  amount: number;
}

/** The base salary in force on a date, or undefined when no period covers it. */
export function baseSalaryOn(periods: readonly BaseSalaryPeriod[], onDate: string): number | undefined {
  const period = periods
    .filter((item) => item.validFrom <= onDate && (item.validTo === null || item.validTo > onDate))
    .sort((left, right) => right.validFrom.localeCompare(left.validFrom))[0];
  return period?.amount;
}

export interface SalaryInput {
  /** Hệ số lương of the grade or title step. */
  coefficient: number;
  /** Hệ số phụ cấp chức vụ lãnh đạo. */
  positionAllowance?: number;
  /** Other allowances paid as a coefficient of the base salary (kiêm nhiệm, trách nhiệm …). */
  otherAllowances?: readonly number[];
  /**
   * Phụ cấp thâm niên vượt khung, in percent. It applies to the last-step coefficient plus the
   * position allowance (TT 04/2005/TT-BNV), and is added as a coefficient.
   */
  overFramePercent?: number;
}

export interface SalaryAmount {
  month: string;
  baseSalary: number;
  overFrameCoefficient: number;
  totalCoefficient: number;
  /** VND per month, rounded to the đồng. */
  amount: number;
}

// Coefficients carry at most three decimals; summing them in thousandths keeps the arithmetic exact.
const SCALE = 1_000;
const toUnits = (value: number) => Math.round(value * SCALE);

/**
 * Monthly salary = (coefficient + position allowance + other coefficient allowances + over-frame
 * coefficient) × the base salary in force in that month. Base salary changes take effect on the
 * first day of a month, so the month is priced at its first day. `month` is 'YYYY-MM' or a date.
 */
export function monthlySalary(
  input: SalaryInput,
  month: string,
  periods: readonly BaseSalaryPeriod[],
): SalaryAmount {
  const { year, month: monthNumber } = parseIsoDate(month.length === 7 ? `${month}-01` : month);
  const firstDay = firstDayOfMonth({ year, month: monthNumber });
  const baseSalary = baseSalaryOn(periods, firstDay);
  if (baseSalary === undefined) throw new RangeError(`No base salary is recorded for ${firstDay}`);

  for (const value of [
    input.coefficient,
    input.positionAllowance ?? 0,
    ...(input.otherAllowances ?? []),
    input.overFramePercent ?? 0,
  ]) {
    if (!Number.isFinite(value) || value < 0)
      throw new RangeError(`Coefficients and percentages cannot be negative: ${value}`);
  }

  // Integer arithmetic: thousandths of a coefficient times (100 + percent) stays exact far below 2^53.
  const coefficientUnits = toUnits(input.coefficient);
  const positionUnits = toUnits(input.positionAllowance ?? 0);
  const otherUnits = (input.otherAllowances ?? []).reduce((sum, value) => sum + toUnits(value), 0);
  const percent = input.overFramePercent ?? 0;
  const hundredths = (coefficientUnits + positionUnits) * (100 + percent) + otherUnits * 100;

  return {
    month: firstDay.slice(0, 7),
    baseSalary,
    overFrameCoefficient: ((coefficientUnits + positionUnits) * percent) / 100 / SCALE,
    totalCoefficient: hundredths / 100 / SCALE,
    amount: Math.round((hundredths * baseSalary) / (100 * SCALE)),
  };
}
