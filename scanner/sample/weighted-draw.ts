// The draw's building blocks in integer arithmetic only: weighted picks without replacement, shuffles, and the
// half-flagged, half-unflagged choice of households in one village.
import type { SeededRandom } from './seeded-random.ts';

const MAX_TOTAL_WEIGHT = 2 ** 32;

/**
 * Indices of `count` items (all of them if fewer), each step picking among those left with probability
 * weight / (total weight left): r is a uniform integer in [0, total) and the pick is the item whose
 * cumulative range [before, before + weight) holds r.
 */
export function drawWeightedWithoutReplacement(weights: readonly number[], count: number, random: SeededRandom): number[] {
  for (const weight of weights) {
    if (!Number.isSafeInteger(weight) || weight < 1) throw new RangeError(`weights must be positive integers, got ${weight}`);
  }
  const left = weights.map((weight, index) => ({ weight, index }));
  let total = weights.reduce((sum, weight) => sum + weight, 0);
  if (total > MAX_TOTAL_WEIGHT) throw new RangeError(`total weight ${total} exceeds 2^32`);
  const picked: number[] = [];
  while (picked.length < count && left.length > 0) {
    const target = random.uniformInt(total);
    // `end` is the cumulative weight up to and including `position`; target < total, so the walk stops in range.
    let position = 0;
    let end = left[0]!.weight;
    while (end <= target) {
      position++;
      end += left[position]!.weight;
    }
    const [chosen] = left.splice(position, 1);
    picked.push(chosen!.index);
    total -= chosen!.weight;
  }
  return picked;
}

/** Fisher–Yates from the end: every order equally likely. Returns a new array. */
export function shuffled<T>(items: readonly T[], random: SeededRandom): T[] {
  const result = [...items];
  for (let i = result.length - 1; i > 0; i--) {
    const j = random.uniformInt(i + 1);
    [result[i], result[j]] = [result[j]!, result[i]!];
  }
  return result;
}

export interface PickedHousehold {
  householdId: string;
  flagged: boolean;
}

/**
 * ceil(M/2) flagged and the rest unflagged, each side shuffled first (flagged, then unflagged, always both so that
 * the generator advances the same way whatever M is); a side that runs short is made up from the other, and a
 * village with fewer than M households gives all of them. Flagged picks come first, each side in shuffled order.
 */
export function pickHouseholds(flagged: readonly string[], unflagged: readonly string[], perVillage: number, random: SeededRandom): PickedHousehold[] {
  const flaggedOrder = shuffled(flagged, random);
  const unflaggedOrder = shuffled(unflagged, random);
  let flaggedCount = Math.min(Math.ceil(perVillage / 2), flaggedOrder.length);
  const unflaggedCount = Math.min(perVillage - flaggedCount, unflaggedOrder.length);
  flaggedCount = Math.min(perVillage - unflaggedCount, flaggedOrder.length);
  return [
    ...flaggedOrder.slice(0, flaggedCount).map((householdId) => ({ householdId, flagged: true })),
    ...unflaggedOrder.slice(0, unflaggedCount).map((householdId) => ({ householdId, flagged: false })),
  ];
}
