import { z } from 'zod';
import { limits } from '../limits.ts';
import { unitKinds } from '../roles.ts';
import { isoDate } from './common.ts';

const unitCode = z
  .string()
  .trim()
  .regex(/^[0-9]+$/, 'Mã số đơn vị chỉ gồm chữ số.')
  .max(limits.unitCodeMaxLength, `Mã số đơn vị không quá ${limits.unitCodeMaxLength} chữ số.`);
const unitName = z
  .string()
  .trim()
  .min(1, 'Hãy nhập tên đơn vị.')
  .max(limits.unitNameMaxLength, `Tên đơn vị không quá ${limits.unitNameMaxLength} ký tự.`);
const decision = {
  decisionNumber: z.string().trim().max(limits.decisionNumberMaxLength).optional(),
  decisionDate: isoDate.optional(),
};

export const unitSchema = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(unitKinds),
  parentId: z.number().nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  status: z.enum(['active', 'ended']),
  decisionNumber: z.string().nullable(),
  decisionDate: z.string().nullable(),
  rowVersion: z.number(),
});
export type Unit = z.infer<typeof unitSchema>;

export const unitWithPath = unitSchema.extend({
  path: z.array(z.object({ id: z.number(), code: z.string(), name: z.string(), kind: z.enum(unitKinds) })),
});

export interface UnitTreeNode {
  id: number;
  code: string;
  name: string;
  kind: (typeof unitKinds)[number];
  status: 'active' | 'ended';
  children: UnitTreeNode[];
}
export const unitTreeNode: z.ZodType<UnitTreeNode> = z.lazy(() =>
  z.object({
    id: z.number(),
    code: z.string(),
    name: z.string(),
    kind: z.enum(unitKinds),
    status: z.enum(['active', 'ended']),
    children: z.array(unitTreeNode),
  }),
);

export const createUnitBody = z.object({
  code: unitCode,
  name: unitName,
  kind: z.enum(['agency', 'division', 'holding_group']),
  parentId: z.number().int().positive(),
  validFrom: isoDate.optional(),
  ...decision,
});
export type CreateUnitBody = z.infer<typeof createUnitBody>;

export const renameUnitBody = z.object({
  name: unitName,
  effectiveDate: isoDate.optional(),
  rowVersion: z.number().int().positive(),
  ...decision,
});
export type RenameUnitBody = z.infer<typeof renameUnitBody>;

export const moveUnitBody = z.object({
  parentId: z.number().int().positive(),
  /** A new code, needed when the old one does not start with the new parent's code. */
  code: unitCode.optional(),
  effectiveDate: isoDate.optional(),
  rowVersion: z.number().int().positive(),
  ...decision,
});
export type MoveUnitBody = z.infer<typeof moveUnitBody>;

export const asOfQuery = z.object({ asOf: isoDate.optional() });

export const treeQuery = z.object({
  rootId: z.coerce.number().int().positive().optional(),
  asOf: isoDate.optional(),
});

export const unitOptionsQuery = z.object({
  /** Without a kind, agencies and divisions; holding groups only when asked for. */
  kind: z.enum(['agency', 'division', 'holding_group']).optional(),
  parentId: z.coerce.number().int().positive().optional(),
});
export const unitOption = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(unitKinds),
  parentId: z.number().nullable(),
});

export const agencyTableRow = z.object({
  unitId: z.number(),
  code: z.string(),
  /** Empty for an ended unit that still has people (dòng trắng). */
  name: z.string(),
  kind: z.enum(unitKinds),
  status: z.enum(['active', 'ended']),
  headcount: z.number(),
});
export const agencyTable = z.object({
  unit: z.object({ id: z.number(), code: z.string(), name: z.string(), kind: z.enum(unitKinds) }),
  asOf: z.string(),
  total: z.number(),
  /** People attached to the agency itself rather than to one of its divisions. */
  directHeadcount: z.number(),
  rows: z.array(agencyTableRow),
});
export type AgencyTable = z.infer<typeof agencyTable>;

export const peopleQuery = z.object({
  asOf: isoDate.optional(),
  /** Only the people attached to this unit itself, not to units below it ("Chi tiết"). */
  direct: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(limits.pageSizeMax).default(50),
});
export const personListItem = z.object({
  id: z.number(),
  fullName: z.string(),
  gender: z.enum(['male', 'female']).nullable(),
  birthDate: z.string().nullable(),
  agencyId: z.number(),
  agencyName: z.string(),
  divisionId: z.number().nullable(),
  divisionName: z.string().nullable(),
});
export const peoplePage = z.object({
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  items: z.array(personListItem),
});
