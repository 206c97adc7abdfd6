import type { Kysely } from 'kysely';
import { type Gender, type Retirement, retirementFor } from '../../../common/rules/retirement.ts';
import { monthlySalary, type SalaryAmount, type SalaryInput } from '../../../common/rules/salary.ts';
import { type NextStep, nextRegularStep, type StepHistory } from '../../../common/rules/salary-step.ts';
import type { Database } from '../../db/schema.ts';
import { findStepRule, listBaseSalaryPeriods, listRetirementAges } from '../catalogs/catalogs.lookup.ts';

// The salary, step and retirement rules with their inputs read from the catalogs, for modules
// that hold a person's data but not the tables (reminders, reports, the CV form).

/** Computes the monthly salary for a month, with the base salary of that month from the base salary catalog. */
export async function salaryForMonth(
  db: Kysely<Database>,
  input: SalaryInput,
  month: string,
): Promise<SalaryAmount> {
  return monthlySalary(input, month, await listBaseSalaryPeriods(db));
}

/**
 * Computes the next regular step or over-frame start, with the interval of the salary group in force on the
 * date of the current step. Undefined when the catalog has no rule for the group.
 */
export async function nextStepFor(
  db: Kysely<Database>,
  salaryGroup: string,
  history: StepHistory,
): Promise<NextStep | undefined> {
  const rule = await findStepRule(db, salaryGroup, history.stepDate);
  return rule ? nextRegularStep(history, rule) : undefined;
}

/** Computes the retirement month and dates from the retirement age catalog (NĐ 135/2020/NĐ-CP). */
export async function retirementOf(db: Kysely<Database>, gender: Gender, birth: string): Promise<Retirement> {
  return retirementFor(await listRetirementAges(db), gender, birth);
}
