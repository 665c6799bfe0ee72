// The generator is a pure function of its options: same seed, same bytes; another seed, other data.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispose, generate } from './support/workloads.ts';
import type { Generated } from './support/workloads.ts';

const COMMITTED = 'sample-data/demo-township';
const COMMITTED_KEY = 'sample-data/demo-township.answer-key.json';

let first: Generated;
let second: Generated;
let otherSeed: Generated;

beforeAll(async () => {
  [first, second, otherSeed] = await Promise.all([generate('sample'), generate('sample'), generate('sample', { seed: 7, persons: 400 })]);
});
afterAll(() => dispose(first, second, otherSeed));

describe('determinism', () => {
  it('writes byte-identical files and answer keys for the same seed', () => {
    const files = readdirSync(first.directory).sort();
    expect(files.length).toBeGreaterThanOrEqual(12);
    expect(readdirSync(second.directory).sort()).toEqual(files);
    for (const file of files) {
      expect(readFileSync(join(second.directory, file)).equals(readFileSync(join(first.directory, file))), file).toBe(true);
    }
    expect(readFileSync(second.keyPath, 'utf8')).toBe(readFileSync(first.keyPath, 'utf8'));
  });

  it('writes different data for a different seed', () => {
    const payments = '低保发放明细.csv';
    expect(readFileSync(join(otherSeed.directory, payments)).equals(readFileSync(join(first.directory, payments)))).toBe(false);
    expect(otherSeed.key.expected.map((entry) => entry.id_number)).not.toEqual(first.key.expected.map((entry) => entry.id_number));
  });

  it('matches the committed sample: `--preset sample` regenerates it exactly', () => {
    const committed = readdirSync(COMMITTED).sort();
    expect(committed).toEqual(readdirSync(first.directory).sort());
    for (const file of committed) {
      expect(readFileSync(join(COMMITTED, file)).equals(readFileSync(join(first.directory, file))), `${file} differs: regenerate the sample`).toBe(true);
    }
    expect(readFileSync(COMMITTED_KEY, 'utf8')).toBe(readFileSync(first.keyPath, 'utf8'));
  });
});
