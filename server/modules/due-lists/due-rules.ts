import type { Kysely } from 'kysely';
import { todayIso } from '../../../common/dates.ts';
import { addMonths } from '../../../common/rules/months.ts';
import { type Gender, type RetirementAgeRow, retirementFor } from '../../../common/rules/retirement.ts';
import {
  DISCIPLINE_DELAY_MONTHS,
  type DisciplineKind,
  delayMonthsIn,
  nextRegularStep,
  type StaffCategory,
  type StepHistory,
  type StepRule,
  type YearRating,
} from '../../../common/rules/salary-step.ts';
import type { CatalogEntry } from '../../../common/schemas/catalogs.ts';
import type { StepDueKind } from '../../../common/schemas/due-lists.ts';
import { foldForSearch } from '../../../common/vietnamese.ts';
import type { Database } from '../../db/schema.ts';
import { listCatalog, listRetirementAges } from '../catalogs/catalogs.lookup.ts';

// Inputs of the salary-step and retirement rules (common/rules/salary-step.ts, retirement.ts)
// and the per-person computation on top of them. The catalogs are read once per list, so a
// province of tens of thousands of people costs a handful of queries.

export interface RuleTables {
  stepRules: CatalogEntry[];
  retirementAges: RetirementAgeRow[];
  /** Ranks (ngạch and chức danh nghề nghiệp) by code: salary table and group. */
  ranks: Map<string, { salaryTable: string; salaryGroup: string | null; stepCount: number | null }>;
  /** Salary coefficient entries by code "table/group/step". */
  coefficients: Map<string, { coefficient: number; stepCount: number }>;
}

/** Reads every catalog the due lists need, in force today (step rules with their whole history). */
export async function loadRuleTables(db: Kysely<Database>): Promise<RuleTables> {
  const today = todayIso();
  const ranks = new Map<
    string,
    { salaryTable: string; salaryGroup: string | null; stepCount: number | null }
  >();
  for (const entry of await listCatalog(db, 'grades', { onDate: today, limit: 10_000 })) {
    const attributes = entry.attributes as { salaryTable: string; salaryGroup: string; stepCount: number };
    ranks.set(entry.code, {
      salaryTable: attributes.salaryTable,
      salaryGroup: attributes.salaryGroup,
      stepCount: attributes.stepCount,
    });
  }
  for (const entry of await listCatalog(db, 'professional_titles', { onDate: today, limit: 10_000 })) {
    const attributes = entry.attributes as { salaryTable: string; salaryGroup: string | null };
    ranks.set(entry.code, {
      salaryTable: attributes.salaryTable,
      salaryGroup: attributes.salaryGroup,
      stepCount: null,
    });
  }

  const coefficients = new Map<string, { coefficient: number; stepCount: number }>();
  for (const entry of await listCatalog(db, 'salary_coefficients', { onDate: today, limit: 10_000 })) {
    const attributes = entry.attributes as { coefficient: number; stepCount: number };
    coefficients.set(entry.code, { coefficient: attributes.coefficient, stepCount: attributes.stepCount });
  }

  return {
    stepRules: await listCatalog(db, 'salary_step_rules', {
      onDate: today,
      includeEnded: true,
      limit: 10_000,
    }),
    retirementAges: await listRetirementAges(db),
    ranks,
    coefficients,
  };
}

/** Finds the step rule of a salary group in force on a date (validTo is exclusive). */
export function stepRuleOn(tables: RuleTables, salaryGroup: string, onDate: string): StepRule | undefined {
  const entry = tables.stepRules.find(
    (candidate) =>
      candidate.code === salaryGroup &&
      (candidate.validFrom === null || candidate.validFrom <= onDate) &&
      (candidate.validTo === null || candidate.validTo > onDate),
  );
  if (!entry) return undefined;
  const attributes = entry.attributes as Omit<StepRule, 'salaryGroup'>;
  return { salaryGroup, ...attributes };
}

/** Fields of one approved record that the rules read. */
export interface DueInput {
  gender: Gender | null;
  birthDate: string | null;
  employmentType: 'cadre' | 'civil_servant' | 'public_employee' | null;
  rankKind: 'grade' | 'professional_title' | null;
  rankCode: string | null;
  salaryGroup: string | null;
  salaryStep: number | null;
  coefficient: number | null;
  stepStartDate: string | null;
  overFramePercent: number | null;
  overFrameStartDate: string | null;
  disciplines: Array<{ form?: string | null; from?: string | null }>;
  yearlyRatings: Array<{ year?: number; qualityRating?: string | null }>;
}

export interface StepDue {
  kind: StepDueKind;
  salaryGroup: string;
  currentStep: number;
  nextStep: number;
  nextCoefficient: number | null;
  currentOverFramePercent: number | null;
  nextOverFramePercent: number | null;
  dueDate: string;
  delayMonths: number;
}

const CATEGORY_OF: Record<NonNullable<DueInput['employmentType']>, StaffCategory> = {
  cadre: 'can_bo',
  civil_servant: 'cong_chuc',
  public_employee: 'vien_chuc',
};

const RATING_OF: Record<string, YearRating> = {
  excellent: 'hoan_thanh_xuat_sac',
  good: 'hoan_thanh_tot',
  completed: 'hoan_thanh',
  not_completed: 'khong_hoan_thanh',
};

// The record keeps the form of a discipline as free text. These are the four forms that delay a
// regular step, matched without accents.
const DISCIPLINE_FORMS: Array<[string, DisciplineKind]> = [
  ['khien trach', 'khien_trach'],
  ['canh cao', 'canh_cao'],
  ['giang chuc', 'giang_chuc'],
  ['cach chuc', 'cach_chuc'],
];

function disciplineKindOf(form: string | null | undefined): DisciplineKind | undefined {
  if (!form) return undefined;
  const folded = foldForSearch(form);
  return DISCIPLINE_FORMS.find(([text]) => folded.includes(text))?.[1];
}

/** Builds the step history the rules take: disciplines the category can receive, and yearly ratings. */
function historyOf(input: DueInput, category: StaffCategory, stepCount: number): StepHistory {
  const disciplines = input.disciplines.flatMap((row) => {
    const kind = disciplineKindOf(row.form);
    // A form the law does not apply to this category (a viên chức cannot be demoted) delays nothing.
    if (!kind || !row.from || DISCIPLINE_DELAY_MONTHS[category][kind] === undefined) return [];
    return [{ kind, decidedOn: `${row.from}-01` }];
  });
  const ratings = input.yearlyRatings.flatMap((row) => {
    const rating = row.qualityRating ? RATING_OF[row.qualityRating] : undefined;
    return rating && typeof row.year === 'number' ? [{ year: row.year, rating }] : [];
  });
  return {
    stepDate: input.stepStartDate!,
    step: input.salaryStep!,
    stepCount,
    staffCategory: category,
    disciplines,
    ratings,
  };
}

/**
 * Outcome of the rules for one record: the next salary event ('due'), or 'incomplete' when the
 * record lacks the step, its start date, a known rank or salary group. 'none' means the group has
 * no further increase (chuyên gia cao cấp at the last step).
 */
export type StepOutcome = { kind: 'due'; due: StepDue } | { kind: 'incomplete' } | { kind: 'none' };

const INCOMPLETE: StepOutcome = { kind: 'incomplete' };

/**
 * Computes the next salary event of a record: the next bậc, the start of the over-frame allowance
 * at the last bậc, or the next yearly over-frame percent once it has started.
 */
export function stepDueOf(tables: RuleTables, input: DueInput): StepOutcome {
  if (!input.salaryStep || !input.stepStartDate) return INCOMPLETE;
  const rank = input.rankCode ? tables.ranks.get(input.rankCode) : undefined;
  const salaryGroup = input.salaryGroup ?? rank?.salaryGroup ?? null;
  if (!salaryGroup || !rank) return INCOMPLETE;

  const stepCount =
    rank.stepCount ?? tables.coefficients.get(`${rank.salaryTable}/${salaryGroup}/1`)?.stepCount;
  const rule = stepRuleOn(tables, salaryGroup, input.stepStartDate);
  if (!stepCount || !rule || input.salaryStep > stepCount) return INCOMPLETE;

  const category = input.employmentType
    ? CATEGORY_OF[input.employmentType]
    : input.rankKind === 'professional_title'
      ? 'vien_chuc'
      : 'cong_chuc';
  const history = historyOf(input, category, stepCount);

  const overFrameStarted =
    input.salaryStep === stepCount && (input.overFramePercent ?? 0) > 0 && input.overFrameStartDate;
  if (overFrameStarted) {
    const increase = overFrameIncreaseOf(input, rule, history, salaryGroup);
    return increase ? { kind: 'due', due: increase } : { kind: 'none' };
  }

  const next = nextRegularStep(history, rule);
  if (next.kind === 'none' || !next.dueDate) return { kind: 'none' };
  const due: StepDue = {
    kind: next.kind,
    salaryGroup,
    currentStep: input.salaryStep,
    nextStep: next.step,
    nextCoefficient:
      next.kind === 'step'
        ? (tables.coefficients.get(`${rank.salaryTable}/${salaryGroup}/${next.step}`)?.coefficient ?? null)
        : null,
    currentOverFramePercent: input.overFramePercent,
    nextOverFramePercent: next.overFramePercent,
    dueDate: next.dueDate,
    delayMonths: next.delayMonths,
  };
  return { kind: 'due', due };
}

/**
 * Computes the next yearly over-frame increment. The first percentage starts on
 * overFrameStartDate, and each further percent follows 12 months after the previous one, later by
 * the delays inside that year (disciplines, unsatisfactory years).
 */
function overFrameIncreaseOf(
  input: DueInput,
  rule: StepRule,
  history: StepHistory,
  salaryGroup: string,
): StepDue | undefined {
  const first = rule.overFrameFirstPercent;
  const yearly = rule.overFrameYearlyPercent;
  if (first === null || !yearly) return undefined;

  const increments = Math.max(0, Math.round(((input.overFramePercent ?? first) - first) / yearly));
  const previous = addMonths(input.overFrameStartDate!, 12 * increments);
  const regular = addMonths(input.overFrameStartDate!, 12 * (increments + 1));
  const delayMonths = delayMonthsIn(history, previous, regular);
  return {
    kind: 'over_frame_increase',
    salaryGroup,
    currentStep: input.salaryStep!,
    nextStep: input.salaryStep!,
    nextCoefficient: null,
    currentOverFramePercent: input.overFramePercent,
    nextOverFramePercent: (input.overFramePercent ?? first) + yearly,
    dueDate: addMonths(regular, delayMonths),
    delayMonths,
  };
}

/** Computes the retirement month and dates, or undefined without gender and birth date. */
export function retirementDueOf(tables: RuleTables, input: Pick<DueInput, 'gender' | 'birthDate'>) {
  if (!input.gender || !input.birthDate) return undefined;
  try {
    return retirementFor(tables.retirementAges, input.gender, input.birthDate);
  } catch (error) {
    // A year missing from the retirement table is a catalog gap, reported as incomplete data.
    if (error instanceof RangeError) return undefined;
    throw error;
  }
}
