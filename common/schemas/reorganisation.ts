import { z } from 'zod';
import { limits } from '../limits.ts';
import { unitKinds } from '../roles.ts';
import { isoDate } from './common.ts';

const unitId = z.number().int().positive();

/** The legal basis every reorganisation cites: effective date and the decision behind it. */
const legalBasis = {
  effectiveDate: isoDate,
  decisionNumber: z
    .string()
    .trim()
    .min(1, 'Hãy nhập số quyết định.')
    .max(limits.decisionNumberMaxLength, `Số quyết định không quá ${limits.decisionNumberMaxLength} ký tự.`),
  decisionDate: isoDate,
  note: z.string().trim().max(2_000).optional(),
  /** The organisation mismatch request (R1) that this change answers, if any. */
  requestId: unitId.optional(),
};

/** A unit created by the reorganisation itself, as the successor of the units that end. */
export const newUnitSpec = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[0-9]+$/, 'Mã số đơn vị chỉ gồm chữ số.')
    .max(limits.unitCodeMaxLength, `Mã số đơn vị không quá ${limits.unitCodeMaxLength} chữ số.`),
  name: z
    .string()
    .trim()
    .min(1, 'Hãy nhập tên đơn vị.')
    .max(limits.unitNameMaxLength, `Tên đơn vị không quá ${limits.unitNameMaxLength} ký tự.`),
  kind: z.enum(['agency', 'division']),
  parentId: unitId,
});
export type NewUnitSpec = z.infer<typeof newUnitSpec>;

/** A successor: an existing active unit, or a new one. */
export const successorSpec = z.union([z.object({ unitId }), z.object({ newUnit: newUnitSpec })]);
export type SuccessorSpec = z.infer<typeof successorSpec>;

export const mergeBody = z.object({
  sourceUnitIds: z.array(unitId).min(1, 'Hãy chọn ít nhất một đơn vị được sáp nhập.').max(50),
  target: successorSpec,
  ...legalBasis,
});
export type MergeBody = z.infer<typeof mergeBody>;

export const splitBody = z.object({
  sourceUnitId: unitId,
  targets: z.array(successorSpec).min(2, 'Chia tách cần ít nhất hai đơn vị mới.').max(20),
  ...legalBasis,
});
export type SplitBody = z.infer<typeof splitBody>;

export const dissolveBody = z.object({ unitId, ...legalBasis });
export type DissolveBody = z.infer<typeof dissolveBody>;

export const moveMembersBody = z.object({
  fromUnitId: unitId,
  /** The first day in the successor; defaults to the day the unit ended. */
  effectiveDate: isoDate.optional(),
});
export type MoveMembersBody = z.infer<typeof moveMembersBody>;

const unitRef = z.object({ id: z.number(), code: z.string(), name: z.string(), kind: z.enum(unitKinds) });

export const lineageRow = z.object({
  fromUnit: unitRef,
  toUnit: unitRef.nullable(),
  effectiveDate: z.string(),
});

export const reorganisationEvent = z.object({
  id: z.number(),
  kind: z.enum(['merge', 'split', 'dissolve', 'move_members']),
  effectiveDate: z.string(),
  decisionNumber: z.string(),
  decisionDate: z.string(),
  note: z.string().nullable(),
  requestId: z.number().nullable(),
  createdAt: z.string(),
  lineage: z.array(lineageRow),
});
export type ReorganisationEvent = z.infer<typeof reorganisationEvent>;

/** What a merge, split or dissolution returns. */
export const reorganisationResult = z.object({
  event: reorganisationEvent,
  /** Units that ended, the divisions of an ended agency included. */
  endedUnitIds: z.array(z.number()),
  /** Units created as successors. */
  createdUnitIds: z.array(z.number()),
  /** People still attached to the ended units; they declare their new unit or are moved at once. */
  peopleAttached: z.number(),
  /** Accounts of those people, each sent a notification. */
  notifiedAccounts: z.number(),
});
export type ReorganisationResult = z.infer<typeof reorganisationResult>;

export const eventsQuery = z.object({
  unitId: z.coerce.number().int().positive().optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(limits.pageSizeMax).default(50),
});
export const eventsPage = z.object({
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  items: z.array(reorganisationEvent),
});

/** Where a person of an ended unit should declare next: an active agency and maybe a division. */
export const placement = z.object({
  agency: unitRef,
  division: unitRef.nullable(),
});
export type Placement = z.infer<typeof placement>;

export const successorsResponse = z.object({
  unit: unitRef.extend({ status: z.enum(['active', 'ended']), validTo: z.string().nullable() }),
  /** Active successors reached through the lineage; empty for an active or dissolved unit. */
  placements: z.array(placement),
  dissolved: z.boolean(),
});
export type SuccessorsResponse = z.infer<typeof successorsResponse>;

export const myPlacementResponse = z.object({
  current: z.object({ agency: unitRef, division: unitRef.nullable() }).nullable(),
  /** True when the current agency or division has ended and the person must declare again. */
  mustRedeclare: z.boolean(),
  suggestions: z.array(placement),
});

/** An ended unit that still has people attached ("dòng trắng"), with its successors. */
export const pendingUnit = z.object({
  unit: unitRef.extend({ validTo: z.string().nullable() }),
  agency: unitRef.nullable(),
  headcount: z.number(),
  placements: z.array(placement),
});
export const pendingUnitsResponse = z.array(pendingUnit);

export const moveMembersResponse = z.object({ eventId: z.number(), movedPeople: z.number(), placement });
