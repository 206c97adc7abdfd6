import { Secret, TOTP } from 'otpauth';

// RFC 6238 codes as authenticator apps make them: SHA-1, 6 digits, 30-second steps.
const PERIOD_SECONDS = 30;
const DIGITS = 6;

/** Steps before and after the current one whose codes are still accepted (clock drift of ±30 s). */
export const TOTP_WINDOW = 1;

/** Creates a new random 160-bit secret, Base32-encoded for authenticator apps. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totpFor(secret: string, issuer: string, label: string): TOTP {
  return new TOTP({
    issuer,
    label,
    algorithm: 'SHA1',
    digits: DIGITS,
    period: PERIOD_SECONDS,
    secret: Secret.fromBase32(secret),
  });
}

/** The otpauth:// URI that authenticator apps read from a QR code. */
export function totpUri(secret: string, issuer: string, email: string): string {
  return totpFor(secret, issuer, email).toString();
}

/** The code for a moment, as an authenticator app would show it. */
export function totpCode(secret: string, at = Date.now()): string {
  return totpFor(secret, 'HoSo', 'code').generate({ timestamp: at });
}

/**
 * Returns the 30-second step whose code matches, within TOTP_WINDOW steps of `at`, or null. The
 * caller stores the step so that the same code cannot be used twice.
 */
export function matchingTotpStep(secret: string, code: string, at = Date.now()): number | null {
  const token = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  const delta = totpFor(secret, 'HoSo', 'code').validate({ token, timestamp: at, window: TOTP_WINDOW });
  if (delta === null) return null;
  return Math.floor(at / 1000 / PERIOD_SECONDS) + delta;
}
