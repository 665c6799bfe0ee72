// Programs (救助类别), their family and area, and household amounts consistent with the configured standards.
import type { Area } from './geography.ts';
import type { Family } from './model.ts';
import type { Random } from './random.ts';

/** Monthly 低保 standard per person, in cents (the sample config: 城市 900, 农村 700 元/月). */
export interface Standards {
  urbanCents: number;
  ruralCents: number;
}

/** checks.md: 特困 amounts may reach tekunFactor × standard × members. */
export const TEKUN_FACTOR_PERCENT = 130;

export function standardCents(standards: Standards, area: Area): number {
  return area === 'urban' ? standards.urbanCents : standards.ruralCents;
}

/** The cap that data_quality.amount-over-standard compares with. */
export function capCents(standards: Standards, family: Family, area: Area, members: number): number {
  const perPerson = standardCents(standards, area);
  return family === '低保' ? perPerson * members : (perPerson * TEKUN_FACTOR_PERCENT / 100) * members;
}

const PROGRAMS: Record<Family, Record<Area, readonly (readonly [string, number])[]>> = {
  低保: {
    rural: [['农村低保', 0.9], ['农村最低生活保障', 0.1]],
    urban: [['城市低保', 0.85], ['城镇低保', 0.15]],
  },
  特困: {
    rural: [['分散供养特困', 0.4], ['特困供养', 0.25], ['农村特困', 0.12], ['集中供养特困', 0.18], ['五保', 0.05]],
    urban: [['城市特困', 0.85], ['三无', 0.15]],
  },
};

/** Program text for a family and area, varied the way real systems spell it. */
export function programText(rng: Random, family: Family, area: Area): string {
  return rng.weighted(PROGRAMS[family][area]);
}

/** The canonical program text, for scenarios that want no variation. */
export function plainProgram(family: Family, area: Area): string {
  return PROGRAMS[family][area][0]![0];
}

/** data-contract.md "program values": family and area, or null when the text does not normalise. */
export function classifyProgram(text: string): { family: Family; area: Area } | null {
  if (['农村低保', '农村最低生活保障'].includes(text)) return { family: '低保', area: 'rural' };
  if (['城市低保', '城镇低保'].includes(text)) return { family: '低保', area: 'urban' };
  if (['城市特困', '三无'].includes(text)) return { family: '特困', area: 'urban' };
  if (['农村特困', '特困供养', '分散供养特困', '集中供养特困', '五保'].includes(text)) {
    return { family: '特困', area: /城市|城镇/.test(text) ? 'urban' : 'rural' };
  }
  return null;
}

/**
 * A household's monthly amount in cents. 低保 is 差额救助: (standard − per-capita income) × members,
 * with at least 20 元 of income so it stays below the cap; 特困 is a basic-living amount 10–60 元 under
 * 1.3 × standard per person. `members` is the number the amount is computed for: scenarios that put
 * extra rows on the roll compute it for fewer, so no counting choice can push it over the cap.
 */
export function householdAmountCents(rng: Random, standards: Standards, family: Family, area: Area, members: number): number {
  const perPerson = standardCents(standards, area);
  if (family === '特困') {
    return (perPerson * TEKUN_FACTOR_PERCENT / 100 - rng.int(1, 6) * 1000) * members;
  }
  // Most incomes are whole 10 元; a few are assessed to the half yuan, giving amounts like 1,966.50.
  const maxIncomeTens = Math.floor((perPerson * 0.6) / 1000);
  const incomeCents = rng.chance(0.15) ? rng.int(40, 1000) * 50 : rng.int(2, maxIncomeTens) * 1000;
  return (perPerson - incomeCents) * members;
}

/** 供养方式 as a 特困 roll writes it (empty for 低保): what a scenario set, else what the program says. */
export function careModeText(household: { family: Family | null; program: string; careMode?: string }): string | null {
  if (household.family !== '特困') return null;
  return household.careMode ?? (household.program.includes('集中') ? '集中供养' : '分散供养');
}
