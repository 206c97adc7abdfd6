// Masks for personal data shown in lists. A full record (read one person at a time and written to
// the audit log) shows the value unmasked; every list, search result and export of many people
// shows it masked.

const MASK = '*';

/**
 * Masks a personal ID number (CCCD, 12 digits; old CMND, 9 digits), keeping the last 4 characters:
 * `001085012345` becomes `********2345`. Values of 4 characters or fewer are masked whole.
 */
export function maskPersonalId(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const compact = value.replace(/\s+/g, '');
  if (compact.length <= 4) return MASK.repeat(compact.length);
  return MASK.repeat(compact.length - 4) + compact.slice(-4);
}

/**
 * Masks a phone number, keeping the first 3 and last 3 digits: `0901234567` becomes `090****567`
 * and `+84 901 234 567` becomes `+84******567`. Numbers of 6 digits or fewer are masked whole.
 */
export function maskPhone(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const compact = value.replace(/[\s.-]+/g, '');
  const prefixLength = 3;
  if (compact.replace(/\D/g, '').length <= 6) return MASK.repeat(compact.length);
  return compact.slice(0, prefixLength) + MASK.repeat(compact.length - prefixLength - 3) + compact.slice(-3);
}
