import { readFileSync } from 'node:fs';
import { hash, verify } from '@node-rs/argon2';
import { limits } from '../../../common/limits.ts';
import { foldForSearch } from '../../../common/vietnamese.ts';

// Argon2id with the OWASP minimum (19 MiB, 2 passes): about 10 ms per hash on one core.
// The library's Algorithm is a const enum, which type stripping cannot read; 2 is its Argon2id.
const ARGON2ID = 2;
const ARGON2_OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

const commonPasswords = new Set(
  readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8')
    .split('\n')
    .map((line) => line.trim().toLowerCase())
    .filter((line) => line && !line.startsWith('#')),
);

/**
 * Returns the Vietnamese reasons a new password breaks the policy, or an empty list: at least
 * 10 characters, not the username (or its local part), not a commonly used password.
 */
export function passwordPolicyViolations(password: string, email: string): string[] {
  const violations: string[] = [];
  if (password.length < limits.passwordMinLength) {
    violations.push(`Mật khẩu phải có ít nhất ${limits.passwordMinLength} ký tự.`);
  }
  if (password.length > limits.passwordMaxLength) {
    violations.push(`Mật khẩu không được dài quá ${limits.passwordMaxLength} ký tự.`);
  }
  const lowered = foldForSearch(password);
  const localPart = email.toLowerCase().split('@')[0] ?? '';
  if (lowered === email.toLowerCase() || (localPart.length >= 3 && lowered.includes(localPart))) {
    violations.push('Mật khẩu không được trùng hoặc chứa tên đăng nhập.');
  }
  if (commonPasswords.has(password.toLowerCase()) || commonPasswords.has(lowered)) {
    violations.push('Mật khẩu này quá phổ biến, dễ bị đoán. Hãy chọn mật khẩu khác.');
  }
  return violations;
}
