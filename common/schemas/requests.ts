import { z } from 'zod';
import { limits } from '../limits.ts';
import { officialEmail } from './accounts.ts';
import { isoDate } from './common.ts';

export const requestKinds = ['org_mismatch', 'reduction', 'recruitment', 'transfer_in'] as const;
export type RequestKind = (typeof requestKinds)[number];
export const requestKindLabels: Record<RequestKind, { vi: string; en: string }> = {
  org_mismatch: { vi: 'Điều chỉnh tổ chức bộ máy', en: 'Organisation mismatch' },
  reduction: { vi: 'Giảm', en: 'Reduction' },
  recruitment: { vi: 'Tuyển dụng mới', en: 'New recruits' },
  transfer_in: { vi: 'Tiếp nhận', en: 'Transfer in' },
};

export const requestStatuses = ['new', 'in_progress', 'done', 'rejected'] as const;
export type RequestStatus = (typeof requestStatuses)[number];
export const requestStatusLabels: Record<RequestStatus, { vi: string; en: string }> = {
  new: { vi: 'Mới', en: 'New' },
  in_progress: { vi: 'Đang xử lý', en: 'In progress' },
  done: { vi: 'Đã xử lý', en: 'Done' },
  rejected: { vi: 'Từ chối', en: 'Rejected' },
};

export const reductionReasons = [
  'retirement',
  'death',
  'transfer_out_of_province',
  'transfer_to_party_bloc',
  'transfer_within_province',
] as const;
export type ReductionReason = (typeof reductionReasons)[number];
export const reductionReasonLabels: Record<ReductionReason, { vi: string; en: string }> = {
  retirement: { vi: 'Nghỉ hưu', en: 'Retirement' },
  death: { vi: 'Từ trần', en: 'Death' },
  transfer_out_of_province: { vi: 'Chuyển công tác ra ngoài tỉnh', en: 'Transfer out of the province' },
  transfer_to_party_bloc: {
    vi: 'Chuyển sang khối Đảng, Mặt trận, đoàn thể',
    en: 'Transfer to the Party or Front bloc',
  },
  transfer_within_province: {
    vi: 'Chuyển sang đơn vị khác trong tỉnh',
    en: 'Transfer to another unit in the province',
  },
};

export const reductionDispositions = ['delete', 'hold'] as const;
export type ReductionDisposition = (typeof reductionDispositions)[number];
export const reductionDispositionLabels: Record<ReductionDisposition, { vi: string; en: string }> = {
  delete: { vi: 'Xóa hồ sơ khỏi danh sách', en: 'Delete the record from the list' },
  hold: { vi: 'Lưu hồ sơ vào nhóm lưu trữ', en: 'Keep the record in a holding group' },
};

export const orgChangeTypes = ['merge', 'split', 'dissolve', 'new_division', 'rename', 'other'] as const;
export const orgChangeTypeLabels: Record<(typeof orgChangeTypes)[number], { vi: string; en: string }> = {
  merge: { vi: 'Sáp nhập', en: 'Merge' },
  split: { vi: 'Chia tách', en: 'Split' },
  dissolve: { vi: 'Giải thể', en: 'Dissolve' },
  new_division: { vi: 'Thành lập bộ phận mới', en: 'New division' },
  rename: { vi: 'Đổi tên', en: 'Rename' },
  other: { vi: 'Khác', en: 'Other' },
};

const id = z.number().int().positive();
const fullName = z
  .string()
  .trim()
  .min(1, 'Hãy nhập họ và tên.')
  .max(limits.personNameMaxLength, `Họ và tên không quá ${limits.personNameMaxLength} ký tự.`);
const decisionNumber = z
  .string()
  .trim()
  .min(1, 'Hãy nhập số quyết định.')
  .max(limits.decisionNumberMaxLength, `Số quyết định không quá ${limits.decisionNumberMaxLength} ký tự.`);
const note = z.string().trim().max(4_000, 'Ghi chú không quá 4000 ký tự.').optional();

export const orgMismatchFields = z.object({
  changeType: z.enum(orgChangeTypes),
  /** Units the change concerns, picked from the tree. */
  unitIds: z.array(id).max(50).default([]),
  description: z.string().trim().min(1, 'Hãy mô tả thay đổi cần điều chỉnh.').max(4_000),
  decisionNumber,
  decisionDate: isoDate,
  effectiveDate: isoDate.optional(),
});

export const reductionPerson = z.object({
  personId: id,
  reason: z.enum(reductionReasons),
  disposition: z.enum(reductionDispositions),
  /** The holding group for a kept record; by default the group of the reason. */
  holdingGroupId: id.optional(),
});
export const reductionFields = z.object({
  /** The first day the people no longer belong to the agency. */
  effectiveDate: isoDate,
  decisionNumber: decisionNumber.optional(),
  decisionDate: isoDate.optional(),
  people: z.array(reductionPerson).min(1, 'Hãy chọn ít nhất một người.').max(200),
  /** An account that becomes the agency's approver when the only approver leaves. */
  replacementApproverAccountId: id.optional(),
});

export const recruit = z.object({ fullName, email: officialEmail, divisionId: id.optional() });
export const recruitmentFields = z.object({
  recruits: z.array(recruit).min(1, 'Hãy nhập ít nhất một người được tuyển dụng.').max(1_000),
  decisionNumber: decisionNumber.optional(),
  decisionDate: isoDate.optional(),
});

export const transferInFields = z
  .object({
    fullName,
    /** The old unit when it is in the province; otherwise its name in `fromUnitName`. */
    fromUnitId: id.optional(),
    fromUnitName: z.string().trim().min(1).max(limits.unitNameMaxLength).optional(),
    toDivisionId: id.optional(),
    /** Needed when the person has no account yet, e.g. arriving from another province. */
    email: officialEmail.optional(),
    grantUnitAdmin: z.boolean().default(false),
    grantApprover: z.boolean().default(false),
    effectiveDate: isoDate.optional(),
    decisionNumber: decisionNumber.optional(),
    decisionDate: isoDate.optional(),
  })
  .refine((value) => value.fromUnitId !== undefined || value.fromUnitName !== undefined, {
    message: 'Hãy chọn đơn vị cũ trong tỉnh hoặc nhập tên đơn vị cũ ngoài tỉnh.',
    path: ['fromUnitName'],
  });

const common = { agencyId: id, note };
export const createRequestBody = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('org_mismatch'), ...common, details: orgMismatchFields }),
  z.object({ kind: z.literal('reduction'), ...common, details: reductionFields }),
  z.object({ kind: z.literal('recruitment'), ...common, details: recruitmentFields }),
  z.object({ kind: z.literal('transfer_in'), ...common, details: transferInFields }),
]);
export type CreateRequestBody = z.infer<typeof createRequestBody>;

/** A request as shown: the filed details, enriched with names, and the outcome once processed. */
export const requestSchema = z.object({
  id: z.number(),
  kind: z.enum(requestKinds),
  status: z.enum(requestStatuses),
  agency: z.object({ id: z.number(), code: z.string(), name: z.string() }),
  requestedBy: z.object({ id: z.number(), displayName: z.string(), email: z.string() }),
  summary: z.string(),
  note: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  result: z.record(z.string(), z.unknown()).nullable(),
  reconciliationId: z.number().nullable(),
  resolutionNote: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  rowVersion: z.number(),
});
export type RequestDto = z.infer<typeof requestSchema>;

export const requestEvent = z.object({
  id: z.number(),
  kind: z.enum(['created', 'status_changed', 'comment', 'processed']),
  occurredAt: z.string(),
  actor: z.object({ id: z.number(), displayName: z.string() }).nullable(),
  fromStatus: z.enum(requestStatuses).nullable(),
  toStatus: z.enum(requestStatuses).nullable(),
  comment: z.string().nullable(),
});
export const requestWithHistory = requestSchema.extend({ history: z.array(requestEvent) });

export const listRequestsQuery = z.object({
  status: z.enum(requestStatuses).optional(),
  kind: z.enum(requestKinds).optional(),
  agencyId: z.coerce.number().int().positive().optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(limits.pageSizeMax).default(50),
});
export const requestsPage = z.object({
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  /** Counts per status within the same filter, for the queue's tabs. */
  countsByStatus: z.record(z.string(), z.number()),
  items: z.array(requestSchema),
});

export const commentBody = z.object({
  text: z.string().trim().min(1, 'Hãy nhập nội dung trao đổi.').max(4_000),
});

export const statusBody = z.object({
  status: z.enum(['in_progress', 'rejected']),
  rowVersion: z.number().int().positive(),
  /** Required when rejecting: the reason the requester reads. */
  comment: z.string().trim().max(4_000).optional(),
});

export const processBody = z.object({
  rowVersion: z.number().int().positive(),
  note: z.string().trim().max(4_000).optional(),
  /** Transfer in: the person's record when the person already works in the province. */
  personId: id.optional(),
  /** Transfer in: the official e-mail for a new account, when the request gave none. */
  email: officialEmail.optional(),
  /** Reduction or transfer in: who becomes approver of the agency the person leaves. */
  replacementApproverAccountId: id.optional(),
});
export type ProcessBody = z.infer<typeof processBody>;

/** A created account and its default password, shown once to the province admin. */
export const createdAccount = z.object({
  accountId: z.number(),
  email: z.string(),
  displayName: z.string(),
  initialPassword: z.string(),
});
export const processResponse = z.object({ request: requestSchema, createdAccounts: z.array(createdAccount) });

export const recruitmentPreviewBody = z.object({
  agencyId: id,
  /** An .xlsx file, base64-encoded. */
  fileBase64: z.string().max(7_000_000, 'Tệp Excel quá lớn (tối đa 5 MB).').optional(),
  recruits: z
    .array(z.object({ fullName: z.string(), email: z.string(), divisionCode: z.string().optional() }))
    .max(1_000)
    .optional(),
});
export const recruitmentPreviewRow = z.object({
  rowNumber: z.number(),
  fullName: z.string(),
  email: z.string(),
  divisionCode: z.string().nullable(),
  divisionId: z.number().nullable(),
  errors: z.array(z.string()),
});
export const recruitmentPreview = z.object({
  rows: z.array(recruitmentPreviewRow),
  validCount: z.number(),
  errorCount: z.number(),
  /** Problems with the file itself (no sheet, no header row). */
  fileErrors: z.array(z.string()),
});
export type RecruitmentPreview = z.infer<typeof recruitmentPreview>;

export const holdingGroup = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  reasons: z.array(z.enum(reductionReasons)),
});
export const holdingGroupsResponse = z.array(holdingGroup);

export const notificationItem = z.object({
  id: z.number(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  requestId: z.number().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export const notificationsQuery = z.object({
  unreadOnly: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const notificationsResponse = z.object({ unread: z.number(), items: z.array(notificationItem) });
export const markReadBody = z.object({ ids: z.array(id).max(500).optional() });
export const markReadResponse = z.object({ marked: z.number() });

const requestWithoutAgency = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('org_mismatch'), note, details: orgMismatchFields }),
  z.object({ kind: z.literal('reduction'), note, details: reductionFields }),
  z.object({ kind: z.literal('recruitment'), note, details: recruitmentFields }),
  z.object({ kind: z.literal('transfer_in'), note, details: transferInFields }),
]);
export const reconciliationBody = z.object({
  agencyId: id,
  checkedOn: isoDate,
  /** True when the list matched reality; otherwise the differences come as requests. */
  matches: z.boolean(),
  note,
  requests: z.array(requestWithoutAgency).max(50).default([]),
});
export type ReconciliationBody = z.infer<typeof reconciliationBody>;

export const reconciliationSchema = z.object({
  id: z.number(),
  agencyId: z.number(),
  checkedOn: z.string(),
  matches: z.boolean(),
  note: z.string().nullable(),
  checkedBy: z.object({ id: z.number(), displayName: z.string() }),
  requestIds: z.array(z.number()),
  createdAt: z.string(),
});
export const reconciliationsQuery = z.object({ agencyId: z.coerce.number().int().positive() });
export const reconciliationOverviewQuery = z.object({
  /** Agencies whose last check is before this date count as not reconciled. */
  since: isoDate,
});
export const reconciliationOverviewRow = z.object({
  agency: z.object({ id: z.number(), code: z.string(), name: z.string() }),
  lastCheckedOn: z.string().nullable(),
  lastMatches: z.boolean().nullable(),
  reconciled: z.boolean(),
});
export const reconciliationOverview = z.object({
  since: z.string(),
  total: z.number(),
  notReconciled: z.number(),
  rows: z.array(reconciliationOverviewRow),
});
