// The draw's pure parts: the seeded generator (pinned outputs), rejection sampling, weighted draws without
// replacement (chi-square over many seeds), shuffles, the half-flagged household rule and the canonical order.
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../scanner/errors.ts';
import { compareCodeUnits, drawFromPopulation, type DrawRequest, type PopulationVillage, type VillageHouseholds } from '../../scanner/sample/draw.ts';
import { createSeededRandom, normaliseSeed, uniformIntBelow } from '../../scanner/sample/seeded-random.ts';
import { drawWeightedWithoutReplacement, pickHouseholds, shuffled } from '../../scanner/sample/weighted-draw.ts';

/** Chi-square critical values at 0.999 by degrees of freedom (standard tables). */
const CHI_SQUARE_999: Record<number, number> = { 5: 20.515, 8: 26.124 };

function chiSquare(observed: readonly number[], expected: readonly number[]): number {
  return observed.reduce((sum, count, i) => sum + (count - expected[i]!) ** 2 / expected[i]!, 0);
}

// The pinned values below were also computed by an independent Python implementation of the same
// SHA-256 → sfc32 → rejection → draw steps: they are what any machine must produce.
describe('seeded generator', () => {
  it('gives the pinned outputs for a seed', () => {
    const random = createSeededRandom('rollsweep');
    expect(Array.from({ length: 5 }, () => random.nextUint32())).toEqual([828895544, 3580552754, 174528560, 126153628, 2746346185]);
    const dice = createSeededRandom('rollsweep');
    expect(Array.from({ length: 8 }, () => dice.uniformInt(10))).toEqual([4, 4, 0, 8, 5, 6, 2, 5]);
  });

  it('is the same generator for the same seed and a different one for another seed', () => {
    const outputs = (seed: string) => {
      const random = createSeededRandom(seed);
      return Array.from({ length: 4 }, () => random.nextUint32());
    };
    expect(outputs('2026年10月抽查')).toEqual(outputs('2026年10月抽查'));
    expect(outputs('2026年10月抽查')).not.toEqual(outputs('2026年11月抽查'));
  });

  it('reads a seed trimmed and in NFC, and refuses an empty or overlong one', () => {
    expect(normaliseSeed('  抽查 ')).toBe('抽查');
    expect(normaliseSeed('Cafe\u0301')).toBe('Caf\u00e9');
    expect(createSeededRandom('Cafe\u0301').nextUint32()).toBe(createSeededRandom('Caf\u00e9').nextUint32());
    expect(() => normaliseSeed('   ')).toThrow(UsageError);
    expect(() => normaliseSeed('x'.repeat(65))).toThrow(UsageError);
    expect(normaliseSeed('种'.repeat(64))).toHaveLength(64);
  });

  it('rejects the outputs that would favour some values, and keeps the rest', () => {
    // 2^32 % 3 = 1: the single output 2^32 − 1 would give 0 one extra time, so it is thrown away.
    const script = [2 ** 32 - 1, 7];
    expect(uniformIntBelow(() => script.shift()!, 3)).toBe(1);
    expect(script).toEqual([]);
    const accepted = [2 ** 32 - 2];
    expect(uniformIntBelow(() => accepted.shift()!, 3)).toBe((2 ** 32 - 2) % 3);
    expect(uniformIntBelow(() => 123456789, 2 ** 32)).toBe(123456789);
    expect(uniformIntBelow(() => 123456789, 1)).toBe(0);
    for (const bad of [0, -1, 1.5, 2 ** 32 + 1, Number.NaN]) expect(() => uniformIntBelow(() => 0, bad)).toThrow(RangeError);
  });
});

describe('weighted draw without replacement', () => {
  it('gives the pinned order for a seed, every index once', () => {
    expect(drawWeightedWithoutReplacement([5, 1, 3, 8, 2], 5, createSeededRandom('2026-10'))).toEqual([3, 2, 0, 1, 4]);
    expect(drawWeightedWithoutReplacement([5, 1, 3], 10, createSeededRandom('x')).sort()).toEqual([0, 1, 2]);
    expect(drawWeightedWithoutReplacement([5, 1, 3], 0, createSeededRandom('x'))).toEqual([]);
    for (const bad of [[0, 1], [1.5], [-2]]) expect(() => drawWeightedWithoutReplacement(bad, 1, createSeededRandom('x'))).toThrow(RangeError);
  });

  // Weights like the demo township's villages, plus one village without findings (weight 1).
  const weights = [17, 12, 13, 8, 12, 9, 9, 10, 1];
  const draws = 2000;
  const counts = weights.map(() => 0);
  for (let i = 0; i < draws; i++) counts[drawWeightedWithoutReplacement(weights, 1, createSeededRandom(`chi-square-${i}`))[0]!]++;
  const total = weights.reduce((sum, weight) => sum + weight, 0);

  it('draws each village in proportion to its weight (chi-square, 2,000 seeds)', () => {
    const statistic = chiSquare(counts, weights.map((weight) => (draws * weight) / total));
    expect(statistic).toBeLessThan(CHI_SQUARE_999[weights.length - 1]!);
    // The same counts are far from what equal weights would give: the test can tell weighted from unweighted.
    expect(chiSquare(counts, weights.map(() => draws / weights.length))).toBeGreaterThan(10 * CHI_SQUARE_999[weights.length - 1]!);
  });

  it('still draws a village whose weight is 1', () => {
    expect(counts[weights.length - 1]).toBeGreaterThan(0);
    expect(counts[weights.length - 1]).toBeLessThan(counts[0]! / 5);
  });
});

describe('shuffle', () => {
  it('gives the pinned order for a seed and leaves its input alone', () => {
    const items = ['a', 'b', 'c', 'd', 'e', 'f'];
    expect(shuffled(items, createSeededRandom('洗牌')).join('')).toBe('cfedba');
    expect(items.join('')).toBe('abcdef');
  });

  it('makes every order of three items about equally likely (chi-square, 6,000 seeds)', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 6000; i++) {
      const order = shuffled(['x', 'y', 'z'], createSeededRandom(`shuffle-${i}`)).join('');
      counts.set(order, (counts.get(order) ?? 0) + 1);
    }
    expect(counts.size).toBe(6);
    expect(chiSquare([...counts.values()], [...counts.values()].map(() => 1000))).toBeLessThan(CHI_SQUARE_999[5]!);
  });
});

describe('households of a village: half flagged, half unflagged where possible', () => {
  const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(2, '0')}`);
  const cases: { name: string; flagged: number; unflagged: number; perVillage: number; expected: [number, number] }[] = [
    { name: 'odd M: the extra one is flagged', flagged: 10, unflagged: 10, perVillage: 5, expected: [3, 2] },
    { name: 'even M: half and half', flagged: 10, unflagged: 10, perVillage: 4, expected: [2, 2] },
    { name: 'M = 1: one flagged', flagged: 3, unflagged: 3, perVillage: 1, expected: [1, 0] },
    { name: 'too few flagged: unflagged make up the rest', flagged: 1, unflagged: 10, perVillage: 4, expected: [1, 3] },
    { name: 'no flagged at all', flagged: 0, unflagged: 10, perVillage: 3, expected: [0, 3] },
    { name: 'too few unflagged: flagged make up the rest', flagged: 10, unflagged: 1, perVillage: 5, expected: [4, 1] },
    { name: 'village smaller than M: all of it', flagged: 2, unflagged: 1, perVillage: 5, expected: [2, 1] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const flagged = ids('F', c.flagged);
      const unflagged = ids('U', c.unflagged);
      const picks = pickHouseholds(flagged, unflagged, c.perVillage, createSeededRandom(c.name));
      expect([picks.filter((p) => p.flagged).length, picks.filter((p) => !p.flagged).length]).toEqual(c.expected);
      expect(new Set(picks.map((p) => p.householdId)).size).toBe(picks.length);
      for (const pick of picks) expect((pick.flagged ? flagged : unflagged)).toContain(pick.householdId);
      // Flagged picks come first.
      expect(picks.map((p) => p.flagged)).toEqual([...picks.map((p) => p.flagged)].sort((a, b) => Number(b) - Number(a)));
    });
  }
});

describe('drawing a sample from villages', () => {
  type Village = PopulationVillage & VillageHouseholds;
  const village = (township: string | null, name: string | null, openFindings: number, flagged: number, unflagged: number): Village => ({
    township, village: name, openFindings,
    flagged: Array.from({ length: flagged }, (_, i) => `${name}-F${i}`),
    unflagged: Array.from({ length: unflagged }, (_, i) => `${name}-U${i}`),
  });
  const population = [
    village('甲镇', '一村', 5, 4, 20), village('甲镇', '二村', 0, 0, 15), village('乙镇', '三村', 12, 9, 30),
    village('乙镇', '四村', 2, 1, 3), village(null, '无乡镇村', 1, 1, 2),
  ];
  const request = { villages: 3, households: 4, seed: 'S-1' };
  /** Each village's households are its own lists; which villages were asked for, in order, is kept. */
  const asked: (string | null)[][] = [];
  const draw = (villages: readonly Village[], of: DrawRequest) => drawFromPopulation(villages, of, (drawn) => {
    asked.push(drawn.map((v) => v.village));
    return drawn;
  });

  it('does not depend on the order villages and households are given in', async () => {
    const reordered = [...population].reverse().map((v) => ({ ...v, flagged: [...v.flagged].reverse(), unflagged: [...v.unflagged].reverse() }));
    expect(await draw(reordered, request)).toEqual(await draw(population, request));
  });

  it('draws the same sample from the same seed and another from another seed', async () => {
    const first = await draw(population, request);
    expect(await draw(population, request)).toEqual(first);
    expect(first).toHaveLength(3);
    expect(first.every((v) => v.weight === v.openFindings + 1)).toBe(true);
    expect(await draw(population, { ...request, seed: 'S-2' })).not.toEqual(first);
  });

  it('asks once for the households of the drawn villages only, in draw order', async () => {
    asked.length = 0;
    const drawn = await draw(population, request);
    expect(asked).toEqual([drawn.map((v) => v.village)]);
  });

  it('draws the same villages whatever M is, and all villages when N is larger than their number', async () => {
    const villagesOf = async (households: number) => (await draw(population, { ...request, households })).map((v) => v.village);
    expect(await villagesOf(2)).toEqual(await villagesOf(7));
    const all = await draw(population, { ...request, villages: 50 });
    expect(all.map((v) => v.village).sort()).toEqual(population.map((v) => v.village).sort());
    await expect(draw(population, { ...request, villages: 0 })).rejects.toThrow(RangeError);
  });

  it('orders text by code units, missing values last, not by locale', () => {
    const sorted = ['b', null, 'B', '乙', 'a', '甲'].sort(compareCodeUnits);
    expect(sorted).toEqual(['B', 'a', 'b', '乙', '甲', null]);
  });
});
