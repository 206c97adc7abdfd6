// Spreads a number of people over divisions in proportion to their weights, with the same
// minimum in every division. Deterministic: the same weights and total give the same counts.

/** People every division gets before the rest is shared by weight, when the total allows it. */
export const MIN_PEOPLE_PER_DIVISION = 3;

/**
 * Returns one count per weight, adding up to `total`. Each division first gets
 * MIN_PEOPLE_PER_DIVISION, or at least one when the total is too small for that. The rest goes
 * by weight, rounded with the largest-remainder method. Raises a RangeError when `total` is
 * smaller than the number of divisions.
 */
export function allocateHeadcount(weights: readonly number[], total: number): number[] {
  if (!Number.isInteger(total) || total < weights.length) {
    throw new RangeError(
      `Cannot place ${total} people in ${weights.length} divisions: each division needs at least one person.`,
    );
  }
  if (weights.length === 0) return [];

  const minimum = Math.min(MIN_PEOPLE_PER_DIVISION, Math.floor(total / weights.length));
  const rest = total - minimum * weights.length;
  const weightSum = weights.reduce((sum, weight) => sum + weight, 0);

  const exact = weights.map((weight) => (rest * weight) / weightSum);
  const counts = exact.map((share) => minimum + Math.floor(share));
  let missing = total - counts.reduce((sum, count) => sum + count, 0);

  // Hand the people lost to rounding down to the largest fractional parts; ties go to the earlier division.
  const order = exact
    .map((share, index) => ({ index, fraction: share - Math.floor(share) }))
    .sort((left, right) => right.fraction - left.fraction || left.index - right.index);
  for (const { index } of order) {
    if (missing === 0) break;
    counts[index]! += 1;
    missing -= 1;
  }
  return counts;
}
