// GB 11643 ID numbers: check characters, uniqueness of allocation, and every valid ID written passes MOD 11-2.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { utcDate } from '../../sample-data/generator/calendar.ts';
import { IdAllocator, checkCharacter, fromLegacy15, isValidId, toLegacy15, withWrongCheck } from '../../sample-data/generator/id-number.ts';
import { normaliseId, readCsv } from './support/clean-files.ts';
import { dispose, generate } from './support/workloads.ts';

/** MOD 11-2 written out from the standard, independent of the generator's code. */
function passesMod112(id: string): boolean {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((total, weight, i) => total + weight * Number(id[i]), 0);
  return '10X98765432'[sum % 11] === id[17];
}

describe('check character', () => {
  it('matches published examples', () => {
    expect(checkCharacter('11010519491231002')).toBe('X');
    expect(checkCharacter('44052418800101001')).toBe('4');
    expect(isValidId('11010519491231002X')).toBe(true);
  });

  it('rejects a wrong check character, an impossible date and a wrong length', () => {
    expect(isValidId(withWrongCheck('11010519491231002X'))).toBe(false);
    const feb30 = '11010519490230002';
    expect(isValidId(feb30 + checkCharacter(feb30))).toBe(false);
    expect(isValidId('11010519491231002')).toBe(false);
  });

  it('converts the legacy 15-digit form both ways', () => {
    expect(toLegacy15('11010519491231002X')).toBe('110105491231002');
    expect(fromLegacy15('110105491231002')).toBe('11010519491231002X');
  });
});

describe('IdAllocator', () => {
  it('never hands out the same ID, even when one birth day is over-subscribed', () => {
    const allocator = new IdAllocator();
    const seen = new Set<string>();
    for (let i = 0; i < 3000; i++) {
      const id = allocator.allocate('371329', utcDate(1960, 5, 1 + (i % 3)), i % 2 === 0);
      expect(isValidId(id) && passesMod112(id)).toBe(true);
      expect(Number(id[16]) % 2 === 1).toBe(i % 2 === 0);
      seen.add(id);
    }
    expect(seen.size).toBe(3000);
  });
});

describe('IDs in a generated workload', () => {
  it('are valid 18-digit IDs of the county, except the faults and spellings the answer key lists', async () => {
    const generated = await generate('sample', { style: 'clean' });
    const { directory, key } = generated;
    const faulty = new Set(key.expected.filter((e) => ['data_quality.id-invalid', 'data_quality.id-legacy'].includes(e.check_id)).map((e) => `${e.file}:${e.line}`));
    const spelled = new Set(key.decoys.filter((d) => d.kind === 'id-spelling-variant').map((d) => `${d.file}:${d.line}`));
    const counties = new Set<string>();
    let checked = 0;
    for (const dataset of ['roll', 'deaths', 'vehicles', 'properties', 'businesses', 'payroll', 'deposits', 'cadres', 'prisoners', 'kinship']) {
      for (const row of readCsv(join(directory, `${dataset}.csv`), `${dataset}.csv`)) {
        const location = `${row.file}:${row.line}`;
        for (const column of ['id_number', 'relative_id_number']) {
          const id = row.values[column];
          if (id === undefined || faulty.has(location) || spelled.has(location)) continue;
          expect(passesMod112(id) && isValidId(id), `${location} ${id}`).toBe(true);
          counties.add(id.slice(0, 6));
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThan(8_000);
    expect(counties.size).toBe(1);
    expect(normaliseId(' 11010519491231002x').id).toBe('11010519491231002X');
    dispose(generated);
  });
});
