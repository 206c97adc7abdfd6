import { addMonths, parseIsoDate, wholeMonthsBetween } from './months.ts';

/** Step interval and over-frame allowance rule of a salary group (niên hạn nâng bậc). */
export interface StepRule {
  salaryGroup: string;
  /** 36 for groups A0 and above, 24 for B, C and Bảng 4, 60 for chuyên gia cao cấp. */
  intervalMonths: number;
  /** Months at the last step before the first over-frame percentage; null where it does not apply. */
  overFrameWaitMonths: number | null;
  overFrameFirstPercent: number | null;
  overFrameYearlyPercent: number | null;
}

export const staffCategories = ['can_bo', 'cong_chuc', 'vien_chuc'] as const;
export type StaffCategory = (typeof staffCategories)[number];

export const disciplineKinds = ['khien_trach', 'canh_cao', 'giang_chuc', 'cach_chuc'] as const;
export type DisciplineKind = (typeof disciplineKinds)[number];

/**
 * Months by which a discipline in the interval delays the next regular step (TT 08/2013/TT-BNV as
 * amended by TT 03/2021/TT-BNV): 12 for a cán bộ or viên chức removed from office and for a công
 * chức demoted or removed; 6 for a cán bộ or công chức reprimanded or warned and for a viên chức
 * warned; 3 for a viên chức reprimanded. A kind the law does not apply to a category is absent.
 */
export const DISCIPLINE_DELAY_MONTHS: Record<StaffCategory, Partial<Record<DisciplineKind, number>>> = {
  can_bo: { khien_trach: 6, canh_cao: 6, cach_chuc: 12 },
  cong_chuc: { khien_trach: 6, canh_cao: 6, giang_chuc: 12, cach_chuc: 12 },
  vien_chuc: { khien_trach: 3, canh_cao: 6, cach_chuc: 12 },
};

/** Delay for each year of the interval rated "không hoàn thành nhiệm vụ". */
export const UNSATISFACTORY_YEAR_DELAY_MONTHS = 6;
/** The most a step may be brought forward for outstanding achievement or a retirement notice. */
export const MAX_EARLY_MONTHS = 12;

export type YearRating = 'hoan_thanh_xuat_sac' | 'hoan_thanh_tot' | 'hoan_thanh' | 'khong_hoan_thanh';

export interface StepHistory {
  /** Date the current step took effect (ngày hưởng bậc hiện tại). */
  stepDate: string;
  step: number;
  stepCount: number;
  staffCategory: StaffCategory;
  /** Disciplines with the date of the decision; only those inside the interval count. */
  disciplines?: readonly { kind: DisciplineKind; decidedOn: string }[];
  /** Yearly ratings; a "không hoàn thành" year that overlaps the interval adds a delay. */
  ratings?: readonly { year: number; rating: YearRating }[];
  /** Months granted early (nâng bậc trước thời hạn), 0 to 12. */
  earlyMonths?: number;
}

export interface NextStep {
  /** 'step' moves to the next bậc; 'over_frame' starts phụ cấp thâm niên vượt khung at the last bậc. */
  kind: 'step' | 'over_frame' | 'none';
  /** Step after the change (the same step for over-frame). */
  step: number;
  dueDate: string | null;
  /** The first over-frame percentage, for kind 'over_frame'. */
  overFramePercent: number | null;
  delayMonths: number;
  earlyMonths: number;
  regularDate: string | null;
}

/** Months of delay from disciplines and unsatisfactory years inside [start, end). */
export function delayMonthsIn(history: StepHistory, start: string, end: string): number {
  const delays = DISCIPLINE_DELAY_MONTHS[history.staffCategory];
  let months = 0;
  for (const discipline of history.disciplines ?? []) {
    if (discipline.decidedOn < start || discipline.decidedOn >= end) continue;
    const delay = delays[discipline.kind];
    if (delay === undefined)
      throw new RangeError(`Discipline ${discipline.kind} does not apply to ${history.staffCategory}`);
    months += delay;
  }

  const startYear = parseIsoDate(start).year;
  const endYear = parseIsoDate(end).year;
  for (const rating of history.ratings ?? []) {
    // A calendar year overlaps [start, end) when it begins before end and ends on or after start.
    const overlaps =
      rating.year >= startYear &&
      (rating.year < endYear || (rating.year === endYear && end.slice(5) !== '01-01'));
    if (overlaps && rating.rating === 'khong_hoan_thanh') months += UNSATISFACTORY_YEAR_DELAY_MONTHS;
  }
  return months;
}

/**
 * Next regular step date = date of the current step + interval + delays − months granted early.
 * At the last step the same date starts phụ cấp thâm niên vượt khung at its first percentage.
 * Delays count disciplines and unsatisfactory years within the regular interval.
 */
export function nextRegularStep(history: StepHistory, rule: StepRule): NextStep {
  const earlyMonths = history.earlyMonths ?? 0;
  if (!Number.isInteger(earlyMonths) || earlyMonths < 0 || earlyMonths > MAX_EARLY_MONTHS) {
    throw new RangeError(`Early months must be a whole number from 0 to ${MAX_EARLY_MONTHS}: ${earlyMonths}`);
  }
  if (history.step < 1 || history.step > history.stepCount)
    throw new RangeError(`Step ${history.step} is outside 1-${history.stepCount}`);

  const atLastStep = history.step === history.stepCount;
  const interval = atLastStep ? rule.overFrameWaitMonths : rule.intervalMonths;
  if (interval === null || (atLastStep && rule.overFrameFirstPercent === null)) {
    return {
      kind: 'none',
      step: history.step,
      dueDate: null,
      overFramePercent: null,
      delayMonths: 0,
      earlyMonths: 0,
      regularDate: null,
    };
  }

  const regularDate = addMonths(history.stepDate, interval);
  const delayMonths = delayMonthsIn(history, history.stepDate, regularDate);
  return {
    kind: atLastStep ? 'over_frame' : 'step',
    step: atLastStep ? history.step : history.step + 1,
    dueDate: addMonths(history.stepDate, interval + delayMonths - earlyMonths),
    overFramePercent: atLastStep ? rule.overFrameFirstPercent : null,
    delayMonths,
    earlyMonths,
    regularDate,
  };
}

/**
 * Over-frame percentage on a date for someone whose first percentage started on `startDate`:
 * 0 before it, the first percentage from it, and one more yearly increment per further 12 months.
 * `delayMonths` postpones the later increments (discipline after the start).
 */
export function overFramePercentOn(
  startDate: string,
  onDate: string,
  rule: StepRule,
  delayMonths = 0,
): number {
  if (rule.overFrameFirstPercent === null || onDate < startDate) return 0;
  const months = wholeMonthsBetween(startDate, onDate) - delayMonths;
  const increments = Math.max(0, Math.floor(months / 12));
  return rule.overFrameFirstPercent + increments * (rule.overFrameYearlyPercent ?? 0);
}
