import { z } from 'zod';
import { limits } from '../limits.ts';
import { grantedRoles } from '../roles.ts';

export const signInBody = z.object({
  email: z.string().trim().min(1, 'Hãy nhập thư điện tử công vụ.').max(limits.emailMaxLength),
  password: z.string().min(1, 'Hãy nhập mật khẩu.').max(limits.passwordMaxLength),
});
export type SignInBody = z.infer<typeof signInBody>;

export const changePasswordBody = z.object({
  currentPassword: z.string().min(1, 'Hãy nhập mật khẩu hiện tại.').max(limits.passwordMaxLength),
  newPassword: z.string().min(1, 'Hãy nhập mật khẩu mới.').max(limits.passwordMaxLength),
});
export type ChangePasswordBody = z.infer<typeof changePasswordBody>;

export const grantSchema = z.object({
  role: z.enum(grantedRoles),
  unitId: z.number(),
  unitCode: z.string(),
  unitName: z.string(),
});

export const sessionInfo = z.object({
  accountId: z.number(),
  email: z.string(),
  displayName: z.string(),
  personId: z.number().nullable(),
  homeUnitId: z.number(),
  mustChangePassword: z.boolean(),
  grants: z.array(grantSchema),
  csrfToken: z.string(),
  /** When the session ends if no further request arrives (ISO timestamp). */
  idleExpiresAt: z.string(),
  idleMinutes: z.number(),
  /** The TOTP step this session still owes ('enrol' or 'verify'); null or absent when none. */
  secondFactor: z.enum(['verify', 'enrol']).nullable().optional(),
});
export type SessionInfo = z.infer<typeof sessionInfo>;
