import { z } from 'zod';
import { recordData, safeText } from './record.ts';

// API shapes of the declaration workflow (kê khai, nộp phiếu, phê duyệt, trả lại) and of reading
// records and their versions.

export const declarationStatuses = ['draft', 'submitted', 'returned', 'approved', 'discarded'] as const;
export type DeclarationStatus = (typeof declarationStatuses)[number];

export const declarationStatusLabels: Record<DeclarationStatus, { vi: string; en: string }> = {
  draft: { vi: 'Đang kê khai', en: 'Draft' },
  submitted: { vi: 'Đã nộp, chờ phê duyệt', en: 'Submitted' },
  returned: { vi: 'Bị trả lại', en: 'Returned' },
  approved: { vi: 'Đã phê duyệt', en: 'Approved' },
  discarded: { vi: 'Đã hủy', en: 'Discarded' },
};

/** Declaration progress of a person, as the progress table counts it. */
export const progressStatuses = ['never_declared', 'draft', 'submitted', 'returned', 'approved'] as const;
export type ProgressStatus = (typeof progressStatuses)[number];
export const progressStatusLabels: Record<ProgressStatus, { vi: string; en: string }> = {
  never_declared: { vi: 'Chưa kê khai', en: 'Never declared' },
  draft: { vi: 'Đang kê khai', en: 'Draft' },
  submitted: { vi: 'Đã nộp', en: 'Submitted' },
  returned: { vi: 'Bị trả lại', en: 'Returned' },
  approved: { vi: 'Đã phê duyệt', en: 'Approved' },
};

const unitRef = z.object({ id: z.number(), code: z.string(), name: z.string(), kind: z.string() });
const fieldProblem = z.object({ field: z.string(), label: z.string(), message: z.string() });

export const declarationEvent = z.object({
  event: z.enum(['created', 'submitted', 'returned', 'approved', 'discarded']),
  actorName: z.string().nullable(),
  onBehalf: z.boolean(),
  reason: z.string().nullable(),
  occurredAt: z.string(),
});

export const declarationSchema = z.object({
  id: z.number(),
  personId: z.number(),
  personName: z.string(),
  status: z.enum(declarationStatuses),
  data: recordData,
  baseVersionNo: z.number().nullable(),
  currentAgency: unitRef.nullable(),
  targetAgency: unitRef.nullable(),
  targetDivision: unitRef.nullable(),
  route: z.enum(['agency', 'province']).nullable(),
  isTransfer: z.boolean(),
  submittedAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
  returnReason: z.string().nullable(),
  rowVersion: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  events: z.array(declarationEvent),
});
export type Declaration = z.infer<typeof declarationSchema>;

/** The person's open declaration, if any, and the last decided one (to show its outcome). */
export const myDeclarationResponse = z.object({
  open: declarationSchema.nullable(),
  lastDecided: declarationSchema.nullable(),
});

const rowVersion = z.number({ error: 'Thiếu phiên bản phiếu (rowVersion).' }).int().positive();

/** An autosave or save of a draft: the whole data, with the rowVersion the client last saw. */
export const saveDeclarationBody = z.object({
  rowVersion,
  /** The declaration the client edits; a save is refused when another one is open by now. */
  declarationId: z.number().int().positive().optional(),
  data: recordData,
});
export type SaveDeclarationBody = z.infer<typeof saveDeclarationBody>;

export const submitDeclarationBody = z.object({
  rowVersion,
  declarationId: z.number().int().positive().optional(),
});

export const decisionBody = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('approve'), rowVersion }),
  z.object({
    decision: z.literal('return'),
    rowVersion,
    reason: safeText(2000)
      .transform((value) => value.trim())
      .refine((value) => value.length > 0, 'Hãy nêu lý do trả lại phiếu.'),
  }),
]);
export type DecisionBody = z.infer<typeof decisionBody>;

/** A person's version: /api/people/:id/record/versions/:versionNo. */
export const versionParam = z.object({
  id: z.coerce.number().int().positive(),
  versionNo: z.coerce.number().int().positive(),
});
export const myVersionParam = z.object({ versionNo: z.coerce.number().int().positive() });

/** One changed scalar field: old value → new value. */
export const fieldChange = z.object({
  path: z.string(),
  label: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});
export type FieldChange = z.infer<typeof fieldChange>;

/** One row of a repeating table that was added, removed or changed. */
export const rowChange = z.object({
  table: z.string(),
  tableLabel: z.string(),
  rowId: z.string(),
  change: z.enum(['added', 'removed', 'changed']),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
  fields: z.array(fieldChange),
});
export type RowChange = z.infer<typeof rowChange>;

export const recordDiff = z.object({ fields: z.array(fieldChange), rows: z.array(rowChange) });
export type RecordDiff = z.infer<typeof recordDiff>;

export const declarationReview = z.object({
  declaration: declarationSchema,
  baseVersionNo: z.number().nullable(),
  diff: recordDiff,
  /** Rules the declaration breaks today; an approval is refused while this is not empty. */
  problems: z.array(fieldProblem),
});

export const inboxItem = z.object({
  id: z.number(),
  personId: z.number(),
  personName: z.string(),
  currentAgency: unitRef.nullable(),
  targetAgency: unitRef.nullable(),
  targetDivision: unitRef.nullable(),
  isTransfer: z.boolean(),
  route: z.enum(['agency', 'province']),
  submittedAt: z.string(),
  rowVersion: z.number(),
});

export const recordView = z.object({
  personId: z.number(),
  fullName: z.string(),
  versionNo: z.number().nullable(),
  approvedAt: z.string().nullable(),
  agency: unitRef.nullable(),
  division: unitRef.nullable(),
  data: recordData.nullable(),
});

export const versionSummary = z.object({
  versionNo: z.number(),
  approvedAt: z.string(),
  approvedByName: z.string().nullable(),
  source: z.enum(['declaration', 'import']),
  declarationId: z.number().nullable(),
});

export const versionView = versionSummary.extend({ personId: z.number(), data: recordData });

export const needsFixingItem = z.object({
  personId: z.number(),
  personName: z.string(),
  kind: z.enum(['declaration', 'record']),
  declarationId: z.number().nullable(),
  status: z.enum(declarationStatuses).nullable(),
  division: unitRef.nullable(),
  problems: z.array(fieldProblem),
});

export const progressRow = z.object({
  divisionId: z.number().nullable(),
  code: z.string(),
  name: z.string(),
  total: z.number(),
  never_declared: z.number(),
  draft: z.number(),
  submitted: z.number(),
  returned: z.number(),
  approved: z.number(),
});

export const progressTable = z.object({
  unit: unitRef,
  rows: z.array(progressRow),
  totals: progressRow.omit({ divisionId: true, code: true, name: true }),
});

export const progressPeopleQuery = z.object({
  status: z.enum(progressStatuses).optional(),
  divisionId: z.coerce.number().int().positive().optional(),
  direct: z.enum(['true', 'false']).optional(),
});

export const progressPerson = z.object({
  personId: z.number(),
  fullName: z.string(),
  divisionId: z.number().nullable(),
  status: z.enum(progressStatuses),
  declarationId: z.number().nullable(),
  updatedAt: z.string().nullable(),
});

/** A reminder to one person. */
export const reminderBody = z.object({ message: safeText(1000).optional() });

/** A reminder to everyone of a unit whose declaration progress has one status. */
export const unitReminderBody = z.object({
  status: z.enum(['never_declared', 'draft', 'returned'], {
    error: 'Chỉ nhắc người chưa kê khai, đang kê khai hoặc bị trả lại phiếu.',
  }),
  divisionId: z.number().int().positive().optional(),
  message: safeText(1000).optional(),
});

export const reminderResult = z.object({ sent: z.number() });

export const notificationKinds = [
  'declaration_returned',
  'declaration_approved',
  'declaration_reminder',
] as const;
export const notificationSchema = z.object({
  id: z.number(),
  kind: z.enum(notificationKinds),
  message: z.string(),
  declarationId: z.number().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});

export const notificationsQuery = z.object({ unreadOnly: z.enum(['true', 'false']).optional() });
export const notificationParam = z.object({ id: z.coerce.number().int().positive() });
