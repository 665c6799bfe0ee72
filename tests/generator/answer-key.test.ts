// The answer key is exactly true: an independent reading of checks.md over the data finds what it lists, nothing more.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normaliseId, parseDate, readCsv } from './support/clean-files.ts';
import { differences } from './support/compare.ts';
import { referenceFindings } from './support/reference-checks.ts';
import { SMALL_RANDOM_COUNTY, dispose, generate } from './support/workloads.ts';
import type { Generated } from './support/workloads.ts';

let messy: Generated;
let clean: Generated;
let county: Generated;

beforeAll(async () => {
  [messy, clean, county] = await Promise.all([generate('sample'), generate('sample', { style: 'clean' }), generate('county', SMALL_RANDOM_COUNTY)]);
});
afterAll(() => dispose(messy, clean, county));

const identity = (e: { check_id: string; id_number: string | null; household_id: string | null }) => `${e.check_id} ${e.id_number} ${e.household_id}`;

describe('answer key', () => {
  it('covers every check of checks.md in the sample', () => {
    const checks = new Set(messy.key.expected.map((entry) => entry.check_id));
    for (const id of ['deceased.recipient', 'imprisoned.recipient', 'over_asset.vehicle', 'over_asset.property', 'over_asset.business',
      'over_asset.payroll', 'over_asset.deposits', 'duplicate.dibao-and-tekun', 'duplicate.two-households', 'duplicate.same-household',
      'duplicate.shared-account', 'cadre_relative.unfiled', 'cadre_relative.self', 'cadre_relative.filed', 'data_quality.id-invalid',
      'data_quality.id-legacy', 'data_quality.id-name-conflict', 'data_quality.missing-field', 'data_quality.program-unknown',
      'data_quality.household-no-head', 'data_quality.household-split', 'data_quality.amount-inconsistent',
      'data_quality.amount-over-standard', 'data_quality.bad-row']) {
      expect(checks.has(id), id).toBe(true);
    }
    expect(messy.key.decoys.length).toBeGreaterThan(30);
    expect(messy.key.non_data_rows.length).toBe(2);
  });

  it('every deceased subject is on an active roll row and in deaths with a death date (or, where none is read, a 火化 or 注销 date) up to the period end', () => {
    const roll = readCsv(join(clean.directory, 'roll.csv'), 'roll.csv');
    const deaths = readCsv(join(clean.directory, 'deaths.csv'), 'deaths.csv');
    const periodEnd = parseDate('2026-10-31')!;
    for (const entry of clean.key.expected.filter((e) => e.check_id === 'deceased.recipient')) {
      const rows = roll.filter((row) => normaliseId(row.values['id_number']!).id === entry.id_number && row.values['household_id'] === entry.household_id);
      expect(rows.some((row) => ['', '在保'].includes(row.values['status']!)), entry.note).toBe(true);
      const death = deaths.find((row) => normaliseId(row.values['id_number']!).id === entry.id_number);
      const day = ['death_date', 'cremated_on', 'cancelled_on'].map((column) => parseDate(death!.values[column] ?? '')).find((read) => read !== null);
      expect(day!, entry.note).toBeLessThanOrEqual(periodEnd);
      expect(entry.overpayment_cents).toBeGreaterThanOrEqual(0);
    }
  });

  it('the sample key equals an independent reading of checks.md (clean spelling of the same sample)', () => {
    expect(differences(clean.key.expected, referenceFindings(clean.directory, clean.options.period, clean.options.standards))).toEqual([]);
  });

  it('a randomly drawn county workload has an exact key too (no accidental findings)', () => {
    expect(county.key.expected.length).toBeGreaterThan(80); // a drawn plan: about a hundred, never a handful
    expect(differences(county.key.expected, referenceFindings(county.directory, county.options.period, county.options.standards))).toEqual([]);
  });

  it('the messy sample lists the same findings as its clean spelling (files, lines and the Excel-number IDs aside)', () => {
    const comparable = (entries: typeof messy.key.expected) => entries.filter((e) => e.check_id !== 'data_quality.id-invalid').map(identity).sort();
    expect(comparable(messy.key.expected)).toEqual(comparable(clean.key.expected));
    const overpayments = (entries: typeof messy.key.expected) => entries.filter((e) => e.overpayment_cents !== undefined).map((e) => `${identity(e)} ${e.overpayment_cents}`).sort();
    expect(overpayments(messy.key.expected)).toEqual(overpayments(clean.key.expected));
  });

  it("expects a cadre's 儿媳/女婿 and grandchild written only under the cadre's child, and not the child's spouse's sibling or a sibling's child", () => {
    const read = (dataset: string) => readCsv(join(clean.directory, `${dataset}.csv`), `${dataset}.csv`);
    const cadres = new Set(read('cadres').map((row) => normaliseId(row.values['id_number']!).id));
    const kinship = read('kinship').map((row) => ({
      from: normaliseId(row.values['id_number']!).id, to: normaliseId(row.values['relative_id_number']!).id, rel: row.values['relation']!,
    }));
    // Every way the kinship list reaches R from a cadre in two written steps (C, M, first) + (M, R, second), when no row links C and R.
    const twoSteps = (id: string | null) => {
      if (kinship.some(({ from, to }) => (from === id && cadres.has(to)) || (to === id && cadres.has(from)))) return [];
      return kinship.filter(({ to }) => to === id)
        .flatMap(({ from: middle, rel: second }) => kinship.filter(({ from, to }) => to === middle && cadres.has(from)).map(({ rel: first }) => `${first}+${second}`));
    };
    const unfiled = clean.key.expected.filter((e) => e.check_id === 'cadre_relative.unfiled').flatMap((e) => twoSteps(e.id_number));
    expect(unfiled).toEqual(expect.arrayContaining([expect.stringMatching(/^(儿子|女儿)\+配偶$/), expect.stringMatching(/^(儿子|女儿)\+(儿子|女儿)$/)]));
    const notNear = clean.key.decoys.filter((d) => d.kind === 'cadre-relative-not-near' && d.must_not_flag.includes('cadre_relative.unfiled'))
      .flatMap((d) => twoSteps(d.id_number));
    expect(notNear).toEqual(expect.arrayContaining([
      expect.stringMatching(/^(儿子|女儿)\+(小舅子|小姨子|小叔子|小姑子)$/), expect.stringMatching(/^(兄弟|姐妹)\+(儿子|女儿)$/),
    ]));
  });

  it('includes the rounding case: a share of x.xx5 元 rounded half up', () => {
    const halfCent = clean.key.expected.find((e) => e.check_id === 'deceased.recipient' && e.note.includes('rounded half up'));
    expect(halfCent).toBeDefined();
    const payments = readCsv(join(clean.directory, 'payments.csv'), 'payments.csv').filter((row) => row.values['household_id'] === halfCent!.household_id);
    const amountCents = Math.round(Number(payments[0]!.values['amount']) * 100);
    expect(amountCents % 2).toBe(1);
  });

  it('points row-level faults at real rows carrying the raw value', () => {
    const rows = new Map<string, ReturnType<typeof readCsv>>();
    for (const entry of clean.key.expected.filter((e) => e.raw !== undefined && e.file)) {
      if (!rows.has(entry.file!)) rows.set(entry.file!, readCsv(join(clean.directory, entry.file!), entry.file!));
      const row = rows.get(entry.file!)!.find((candidate) => candidate.line === entry.line);
      expect(Object.values(row!.values), `${entry.check_id} ${entry.file}:${entry.line}`).toContain(entry.raw);
    }
  });
});
