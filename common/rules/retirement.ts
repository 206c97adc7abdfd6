import {
  firstDayOfMonth,
  fromMonthIndex,
  lastDayOfMonth,
  monthIndex,
  parseIsoDate,
  type YearMonth,
} from './months.ts';

/** One row of the NĐ 135/2020/NĐ-CP table: the retirement age of people retiring in a year. */
export interface RetirementAgeRow {
  gender: 'nam' | 'nu';
  year: number;
  ageYears: number;
  ageMonths: number;
}

export type Gender = 'male' | 'female';

// Bộ luật Lao động 2019 Điều 169: 60 (men) and 55 (women) until 2020, then rising each year to
// 62 in 2028 and 60 in 2035, where the age stays.
const BEFORE_2021: Record<Gender, number> = { male: 60, female: 55 };
const FINAL_AGE: Record<Gender, number> = { male: 62, female: 60 };
const FIRST_RISING_YEAR = 2021;

/** Retirement age, in months, for someone who reaches it in `year`. */
export function retirementAgeMonths(
  table: readonly RetirementAgeRow[],
  gender: Gender,
  year: number,
): number {
  if (year < FIRST_RISING_YEAR) return BEFORE_2021[gender] * 12;
  const code = gender === 'male' ? 'nam' : 'nu';
  const row = table.find((item) => item.gender === code && item.year === year);
  if (row) return row.ageYears * 12 + row.ageMonths;

  // Past the last year in the table the age is the final one; a missing earlier year is a data gap.
  const years = table.filter((item) => item.gender === code).map((item) => item.year);
  if (years.length === 0) throw new RangeError(`The retirement table has no rows for ${code}`);
  if (year > Math.max(...years)) return FINAL_AGE[gender] * 12;
  throw new RangeError(`The retirement table has no row for ${code} in ${year}`);
}

/**
 * The birth month used by the rule: from a full date, from 'YYYY-MM', or January when only the
 * year is known. The day never matters, so 29 February needs no special case.
 */
export function birthMonthOf(birth: string): YearMonth {
  if (/^\d{4}$/.test(birth)) return { year: Number(birth), month: 1 };
  const { year, month } = parseIsoDate(birth.length === 7 ? `${birth}-01` : birth);
  return { year, month };
}

export interface Retirement {
  /** Month in which the person reaches retirement age, as YYYY-MM. */
  reachMonth: string;
  ageYears: number;
  ageMonths: number;
  /** Last day of the reach month: the retirement moment under NĐ 135/2020/NĐ-CP. */
  retirementDate: string;
  /** First day of the next month, when the pension starts. */
  pensionStartDate: string;
}

/**
 * Retirement under normal working conditions: the first calendar year Y in which birth month +
 * age(Y) falls, with age(Y) from the NĐ 135/2020/NĐ-CP table (60/55 before 2021, 62/60 after it).
 */
export function retirementFor(table: readonly RetirementAgeRow[], gender: Gender, birth: string): Retirement {
  const born = birthMonthOf(birth);
  const bornIndex = monthIndex(born);
  for (let year = born.year + 40; year <= born.year + 80; year++) {
    const age = retirementAgeMonths(table, gender, year);
    const reach = fromMonthIndex(bornIndex + age);
    if (reach.year !== year) continue;

    const next = fromMonthIndex(bornIndex + age + 1);
    return {
      reachMonth: `${reach.year}-${String(reach.month).padStart(2, '0')}`,
      ageYears: Math.floor(age / 12),
      ageMonths: age % 12,
      retirementDate: lastDayOfMonth(reach),
      pensionStartDate: firstDayOfMonth(next),
    };
  }
  throw new RangeError(`No retirement year found for birth ${birth}`);
}
