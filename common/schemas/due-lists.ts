import { z } from 'zod';
import { unitKinds } from '../roles.ts';
import { isoDate } from './common.ts';
import { safeText } from './record.ts';

// Lists of people whose regular salary step (nâng bậc lương thường xuyên), over-frame seniority
// allowance (phụ cấp thâm niên vượt khung) or retirement (nghỉ hưu) falls due within the next
// 3, 6 or 12 months. They are computed from approved records with the salary-step and retirement
// rules. A date that has passed while the record still shows the old state is listed as overdue
// ("đã đến hạn"), ahead of the upcoming ones.

export const dueHorizons = [3, 6, 12] as const;
export type DueHorizon = (typeof dueHorizons)[number];

const horizon = z.coerce
  .number({ error: 'Khoảng thời gian là 3, 6 hoặc 12 tháng.' })
  .refine((value): value is DueHorizon => (dueHorizons as readonly number[]).includes(value), {
    message: 'Khoảng thời gian là 3, 6 hoặc 12 tháng.',
  });

export const dueListQuery = z.object({
  months: horizon.default(12),
  /** The day the horizon starts from (default today), to plan ahead or check a past list. */
  asOf: isoDate.optional(),
});
export type DueListQuery = z.infer<typeof dueListQuery>;

/**
 * - step: the next regular bậc;
 * - over_frame: the first over-frame percentage, at the last bậc;
 * - over_frame_increase: one more percent of over-frame allowance, a year after the last.
 */
export const stepDueKinds = ['step', 'over_frame', 'over_frame_increase'] as const;
export type StepDueKind = (typeof stepDueKinds)[number];
export const stepDueKindLabels: Record<StepDueKind, string> = {
  step: 'Nâng bậc lương thường xuyên',
  over_frame: 'Hưởng phụ cấp thâm niên vượt khung',
  over_frame_increase: 'Tăng phụ cấp thâm niên vượt khung',
};

const unitRef = z.object({ id: z.number(), code: z.string(), name: z.string() });

const personColumns = {
  personId: z.number(),
  fullName: z.string(),
  gender: z.enum(['male', 'female']).nullable(),
  birthDate: z.string().nullable(),
  agency: unitRef.nullable(),
  division: unitRef.nullable(),
  /** The due date lies before the day the list starts from. */
  overdue: z.boolean(),
};

export const stepDueItem = z.object({
  ...personColumns,
  kind: z.enum(stepDueKinds),
  rankCode: z.string().nullable(),
  rankName: z.string().nullable(),
  salaryGroup: z.string(),
  currentStep: z.number(),
  nextStep: z.number(),
  currentCoefficient: z.number().nullable(),
  /** Hệ số of the next bậc from the salary table, when the catalog has it. */
  nextCoefficient: z.number().nullable(),
  stepStartDate: z.string(),
  currentOverFramePercent: z.number().nullable(),
  nextOverFramePercent: z.number().nullable(),
  dueDate: z.string(),
  /** Months added for disciplines and "không hoàn thành nhiệm vụ" years inside the interval. */
  delayMonths: z.number(),
});
export type StepDueItem = z.infer<typeof stepDueItem>;

export const retirementDueItem = z.object({
  ...personColumns,
  positionName: z.string().nullable(),
  rankName: z.string().nullable(),
  ageYears: z.number(),
  ageMonths: z.number(),
  /** Last day of the month in which the person reaches the retirement age. */
  retirementDate: z.string(),
  pensionStartDate: z.string(),
});
export type RetirementDueItem = z.infer<typeof retirementDueItem>;

export const dueListResponse = z.object({
  unit: z.object({ id: z.number(), code: z.string(), name: z.string(), kind: z.enum(unitKinds) }),
  asOf: z.string(),
  months: z.number(),
  /** Last day of the horizon, included. */
  until: z.string(),
  /** How many people fall due within each horizon (overdue ones included). */
  counts: z.array(
    z.object({
      months: z.number(),
      steps: z.number(),
      retirements: z.number(),
      overdueSteps: z.number(),
      overdueRetirements: z.number(),
    }),
  ),
  steps: z.array(stepDueItem),
  retirements: z.array(retirementDueItem),
  /** People whose approved record lacks what a computation needs (bậc, ngày hưởng, nhóm lương; giới tính, ngày sinh). */
  incomplete: z.object({ steps: z.number(), retirements: z.number() }),
});
export type DueListResponse = z.infer<typeof dueListResponse>;

export const dueListExportBody = z.object({
  months: horizon.default(12),
  asOf: isoDate.optional(),
});

export const dueNotifyKinds = ['steps', 'retirements'] as const;

export const dueNotifyBody = z.object({
  months: horizon.default(3),
  asOf: isoDate.optional(),
  kind: z.enum(dueNotifyKinds, { error: 'Chọn nhắc nâng bậc lương (steps) hoặc nghỉ hưu (retirements).' }),
  /** Only these people of the list; absent means everyone on it. */
  personIds: z
    .array(z.number().int().positive())
    .max(5_000, 'Không quá 5.000 người mỗi lần nhắc.')
    .optional(),
  /** A line the admin adds under the computed text. */
  message: safeText(500).optional(),
});
export type DueNotifyBody = z.infer<typeof dueNotifyBody>;

export const dueNotifyResult = z.object({
  /** People on the list that the reminder covered. */
  people: z.number(),
  /** Accounts that received the notification. */
  notified: z.number(),
  /** People without an active account, who could not be notified. */
  withoutAccount: z.number(),
  /** Accounts that already had this exact reminder and did not get it twice. */
  alreadyNotified: z.number(),
});
