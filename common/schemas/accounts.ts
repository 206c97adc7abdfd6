import { z } from 'zod';
import { limits } from '../limits.ts';
import { grantedRoles, unitKinds } from '../roles.ts';

/** The official e-mail issued by the provincial IT centre: the username, stored in lowercase. */
export const officialEmail = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, 'Hãy nhập thư điện tử công vụ.')
  .max(limits.emailMaxLength, `Thư điện tử công vụ không quá ${limits.emailMaxLength} ký tự.`)
  .regex(z.regexes.email, 'Thư điện tử công vụ không hợp lệ; hãy nhập đúng dạng ten@donvi.gov.vn.');

const displayName = z
  .string()
  .trim()
  .min(1, 'Hãy nhập họ và tên.')
  .max(limits.personNameMaxLength, `Họ và tên không quá ${limits.personNameMaxLength} ký tự.`);

const unitId = z.number({ error: 'Hãy chọn đơn vị.' }).int().positive();
const personId = z.number().int().positive().nullable();

export const accountGrant = z.object({
  id: z.number(),
  role: z.enum(grantedRoles),
  unitId: z.number(),
  unitCode: z.string(),
  unitName: z.string(),
  grantedAt: z.string(),
});
export type AccountGrant = z.infer<typeof accountGrant>;

export const accountSchema = z.object({
  id: z.number(),
  email: z.string(),
  displayName: z.string(),
  homeUnit: z.object({ id: z.number(), code: z.string(), name: z.string(), kind: z.enum(unitKinds) }),
  personId: z.number().nullable(),
  /** Full name on the linked personnel record. */
  personName: z.string().nullable(),
  disabled: z.boolean(),
  disabledAt: z.string().nullable(),
  /** True while the account still has the default password set by SNV. */
  mustChangePassword: z.boolean(),
  /** When the current sign-in lock ends; null when the account is not locked. */
  lockedUntil: z.string().nullable(),
  lastSignInAt: z.string().nullable(),
  passwordChangedAt: z.string().nullable(),
  createdAt: z.string(),
  rowVersion: z.number(),
  grants: z.array(accountGrant),
});
export type Account = z.infer<typeof accountSchema>;

export const accountsPage = z.object({
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  items: z.array(accountSchema),
});
export type AccountsPage = z.infer<typeof accountsPage>;

export const listAccountsQuery = z.object({
  /** Only accounts whose home unit is this unit or lies below it. */
  unitId: z.coerce.number().int().positive().optional(),
  /** Part of the display name or e-mail; tone marks and case are ignored. */
  q: z.string().trim().max(100, 'Từ khóa tìm kiếm không quá 100 ký tự.').optional(),
  defaultPassword: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(limits.pageSizeMax).default(50),
});
export type ListAccountsQuery = z.infer<typeof listAccountsQuery>;

export const defaultPasswordsQuery = listAccountsQuery.omit({ defaultPassword: true });

export const createAccountBody = z.object({
  email: officialEmail,
  displayName,
  homeUnitId: unitId,
  personId: personId.optional(),
});
export type CreateAccountBody = z.infer<typeof createAccountBody>;

export const updateAccountBody = z
  .object({
    displayName: displayName.optional(),
    /** A new home unit moves the account; its role grants stay until revoked. */
    homeUnitId: unitId.optional(),
    /** null unlinks the personnel record. */
    personId: personId.optional(),
    rowVersion: z.number().int().positive(),
  })
  .refine(
    (body) => body.displayName !== undefined || body.homeUnitId !== undefined || body.personId !== undefined,
    {
      message: 'Hãy nêu ít nhất một thay đổi: họ và tên, đơn vị hoặc hồ sơ cán bộ.',
      path: ['displayName'],
    },
  );
export type UpdateAccountBody = z.infer<typeof updateAccountBody>;

/** An account together with its new default password, which the response shows only once. */
export const accountWithPassword = z.object({
  account: accountSchema,
  initialPassword: z.string(),
});
export type AccountWithPassword = z.infer<typeof accountWithPassword>;

export const grantBody = z.object({
  role: z.enum(grantedRoles, { error: 'Hãy chọn vai trò: approver, unit_admin hoặc province_admin.' }),
  unitId,
});
export type GrantBody = z.infer<typeof grantBody>;

export const grantParams = z.object({
  id: z.coerce.number().int().positive(),
  grantId: z.coerce.number().int().positive(),
});
