// The whole draw, from villages and their households to the sample: canonical order, N villages by weight,
// M households in each. Pure: the same population and seed give the same sample on any machine.
import { createSeededRandom } from './seeded-random.ts';
import { drawWeightedWithoutReplacement, pickHouseholds, type PickedHousehold } from './weighted-draw.ts';

export interface PopulationVillage {
  township: string | null;
  village: string | null;
  /** Findings of the village in the period's ledger whose status is not terminal. */
  openFindings: number;
  /** Household ids (家庭编号) with a finding above info in the period's scan. */
  flagged: readonly string[];
  unflagged: readonly string[];
}

export interface DrawRequest {
  villages: number;
  households: number;
  seed: string;
}

export interface DrawnVillage {
  township: string | null;
  village: string | null;
  openFindings: number;
  weight: number;
  /** Flagged picks first, each side in drawn order. */
  households: PickedHousehold[];
}

/** Open findings + 1: a village without open findings can still be drawn, just less often. */
export function villageWeight(village: Pick<PopulationVillage, 'openFindings'>): number {
  return village.openFindings + 1;
}

/**
 * Plain UTF-16 code-unit order, missing values last: the same on every machine, whatever its locale
 * (localeCompare and database collations are not).
 */
export function compareCodeUnits(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

/** Villages by township then village, and each village's households by 家庭编号. */
export function inCanonicalOrder(villages: readonly PopulationVillage[]): PopulationVillage[] {
  const byCodeUnits = (ids: readonly string[]) => [...ids].sort(compareCodeUnits);
  return villages
    .map((village) => ({ ...village, flagged: byCodeUnits(village.flagged), unflagged: byCodeUnits(village.unflagged) }))
    .sort((x, y) => compareCodeUnits(x.township, y.township) || compareCodeUnits(x.village, y.village));
}

/** Villages in the order drawn (all of them when N is at least their number), with their households. */
export function drawFromPopulation(population: readonly PopulationVillage[], request: DrawRequest): DrawnVillage[] {
  for (const [name, value] of [['villages', request.villages], ['households', request.households]] as const) {
    if (!Number.isSafeInteger(value) || value < 1) throw new RangeError(`${name} must be a positive integer, got ${value}`);
  }
  const villages = inCanonicalOrder(population);
  const random = createSeededRandom(request.seed);
  const order = drawWeightedWithoutReplacement(villages.map(villageWeight), request.villages, random);
  // All villages are drawn before any household, so adding M or changing it never changes which villages come out.
  return order.map((index) => {
    const village = villages[index]!;
    return {
      township: village.township,
      village: village.village,
      openFindings: village.openFindings,
      weight: villageWeight(village),
      households: pickHouseholds(village.flagged, village.unflagged, request.households, random),
    };
  });
}
