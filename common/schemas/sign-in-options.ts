import { z } from 'zod';
import { limits } from '../limits.ts';

/** Which sign-in options this server offers, so that the sign-in page shows only those. */
export const signInMethods = z.object({
  password: z.boolean(),
  ldap: z.boolean(),
  oidc: z.boolean(),
  passwordReset: z.boolean(),
  totpForAdmins: z.boolean(),
});
export type SignInMethods = z.infer<typeof signInMethods>;

export const totpEnrolment = z.object({
  /** Base32 secret to type into an authenticator app that cannot scan the QR code. */
  secret: z.string(),
  /** otpauth:// URI to show as a QR code. */
  otpauthUri: z.string(),
});
export type TotpEnrolment = z.infer<typeof totpEnrolment>;

export const totpVerifyBody = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{3} ?\d{3}$/, 'Mã xác thực gồm 6 chữ số, lấy từ ứng dụng xác thực.'),
});

export const passwordResetRequestBody = z.object({
  email: z.string().trim().min(1, 'Hãy nhập thư điện tử công vụ.').max(limits.emailMaxLength),
});

export const passwordResetCompleteBody = z.object({
  token: z
    .string()
    .regex(
      /^[A-Za-z0-9_-]{20,200}$/,
      'Đường dẫn đặt lại mật khẩu không đúng. Hãy mở lại đường dẫn trong thư.',
    ),
  newPassword: z.string().min(1, 'Hãy nhập mật khẩu mới.').max(limits.passwordMaxLength),
});
