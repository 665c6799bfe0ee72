// The whole draw, from villages and their households to the sample: canonical order, N villages by weight,
// M households in each. The same population and seed give the same sample on any machine.
import { createSeededRandom } from './seeded-random.ts';
import { drawWeightedWithoutReplacement, pickHouseholds, type PickedHousehold } from './weighted-draw.ts';

export interface PopulationVillage {
  township: string | null;
  village: string | null;
  /** Findings of the village in the period's ledger whose status was not terminal when the period was scanned. */
  openFindings: number;
}

/** A village's household ids (家庭编号): with a finding above info in the period's scan, and without; in any order. */
export interface VillageHouseholds {
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

/** Villages by township then village. */
export function inCanonicalOrder<V extends PopulationVillage>(villages: readonly V[]): V[] {
  return [...villages].sort((x, y) => compareCodeUnits(x.township, y.township) || compareCodeUnits(x.village, y.village));
}

const byCodeUnits = (ids: readonly string[]) => [...ids].sort(compareCodeUnits);

/**
 * Villages in the order drawn (all of them when N is at least their number), with their households. Only the drawn
 * villages' households are asked for, all at once and in draw order (householdsOf): a province's roll has a million
 * households, a spot check a few dozen.
 */
export async function drawFromPopulation<V extends PopulationVillage>(
  population: readonly V[], request: DrawRequest, householdsOf: (villages: readonly V[]) => readonly VillageHouseholds[] | Promise<readonly VillageHouseholds[]>,
): Promise<DrawnVillage[]> {
  for (const [name, value] of [['villages', request.villages], ['households', request.households]] as const) {
    if (!Number.isSafeInteger(value) || value < 1) throw new RangeError(`${name} must be a positive integer, got ${value}`);
  }
  const villages = inCanonicalOrder(population);
  const random = createSeededRandom(request.seed);
  const order = drawWeightedWithoutReplacement(villages.map(villageWeight), request.villages, random);
  // All villages are drawn before any household, so adding M or changing it never changes which villages come out.
  const drawnVillages = order.map((index) => villages[index]!);
  const households = await householdsOf(drawnVillages);
  // In draw order: each village's pick takes the next numbers from the one random stream.
  return drawnVillages.map((village, i) => ({
    township: village.township,
    village: village.village,
    openFindings: village.openFindings,
    weight: villageWeight(village),
    households: pickHouseholds(byCodeUnits(households[i]!.flagged), byCodeUnits(households[i]!.unflagged), request.households, random),
  }));
}
