export const isoDatePattern = /^\d{4}-\d{2}-\d{2}$/;

/** A positive whole number from a search parameter, or the fallback. */
export function positiveIntParam(
  raw: string | null,
  fallback: number,
  max = Number.MAX_SAFE_INTEGER,
): number {
  const value = Number(raw);
  return Number.isInteger(value) && value >= 1 ? Math.min(value, max) : fallback;
}
