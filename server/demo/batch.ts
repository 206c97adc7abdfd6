/** Rows per multi-row INSERT: few round trips, and far below PostgreSQL's 65,535 bind parameters. */
export const INSERT_BATCH_SIZE = 1_000;

/** Splits a list into consecutive slices of at most `size` items. */
export function* chunks<T>(items: readonly T[], size: number = INSERT_BATCH_SIZE): Generator<T[]> {
  for (let start = 0; start < items.length; start += size) yield items.slice(start, start + size);
}
