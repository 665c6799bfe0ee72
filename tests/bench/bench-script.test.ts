// The benchmark script (bench/): measures a tiny generated workload with the real CLI and writes results.json.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { answerKeyProblem, compareWithAnswerKey } from '../../bench/answer-key.ts';
import { judgeTargets, runBenchmark } from '../../bench/benchmark.ts';
import { measureFloor } from '../../bench/floor.ts';
import { formatWorkload } from '../../bench/print.ts';
import type { BenchResults, WorkloadResult } from '../../bench/benchmark.ts';
import { median, PHASES, scanWithoutWorkbooks } from '../../bench/measure.ts';
import { parseBenchArgs } from '../../bench/run.ts';
import { allWorkloads, prepareWorkload, selectWorkloads, workloadSpec } from '../../bench/workloads.ts';

/** A measured workload with only the figures the targets and the report read. */
const fakeWorkload = (name: string, wallMs: number, exportsMs: number, rss: number): WorkloadResult => ({
  name, runs_ok: 1, runs_failed: 0, runs: [], input: { files: 1, rows: 1, bytes: 1 }, generation: { reused: true, seconds: 1, generated_at: '2026-12-04' },
  stats: {
    wall_ms: { median: wallMs, min: wallMs, max: wallMs }, scan_without_exports_ms: { median: wallMs - exportsMs, min: 0, max: 0 },
    peak_rss_bytes: { median: rss, min: rss, max: rss }, phases_ms: {}, checks_ms: {},
  },
}) as unknown as WorkloadResult;

describe('bench/run.ts', () => {
  const root = mkdtempSync(join(tmpdir(), 'rollsweep-bench-test-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('measures a small workload end to end and writes results.json', async () => {
    const spec = workloadSpec('tiny-csv', 'b100k', 'csv', root, { persons: 500, townships: 1, villages: 3, seed: 11 });
    const resultsPath = join(root, 'results.json');
    const lines: string[] = [];
    const returned = await runBenchmark({ workloads: [spec], runs: 1, timeoutS: 60, keep: true, merge: false, resultsPath, log: (line) => lines.push(line) });

    const results = JSON.parse(readFileSync(resultsPath, 'utf8')) as BenchResults;
    expect(results).toEqual(JSON.parse(JSON.stringify(returned)));
    expect(results.schema).toBe('rollsweep-bench/1');
    expect(results.machine.cpu_count).toBeGreaterThan(0);
    expect(results.machine.total_memory_bytes).toBeGreaterThan(0);
    expect(results.machine.node_version).toBe(process.version);
    expect(results.machine.duckdb_version).toMatch(/^v?\d+\.\d+/);
    expect(Number.isNaN(Date.parse(results.date))).toBe(false);

    expect(results.workloads).toHaveLength(1);
    const [workload] = results.workloads as [WorkloadResult];
    expect(workload).toMatchObject({ name: 'tiny-csv', format: 'csv', style: 'clean', runs_ok: 1, runs_failed: 0 });
    expect(workload.persons).toBeGreaterThanOrEqual(500);
    expect(workload.input.rows).toBeGreaterThan(workload.persons);
    expect(workload.generation.reused).toBe(false);
    const [run] = workload.runs;
    expect(run, lines.join('\n')).toMatchObject({ status: 'ok', exit_code: 0 });
    expect(run!.wall_ms).toBeGreaterThan(0);
    expect(run!.peak_rss_bytes).toBeGreaterThan(20e6);
    if (run!.rss_method === 'gnu-time-maxrss') expect(run!.cpu_ms).toBeGreaterThan(0);
    expect(run!.rows_read).toBeGreaterThan(0);
    expect(run!.rows_per_s).toBeGreaterThan(0);
    for (const phase of PHASES) expect(run!.phases_ms![phase]).toBeGreaterThanOrEqual(0);
    expect(run!.phases_ms!.read + run!.phases_ms!.checks).toBeGreaterThan(0);
    expect(Object.keys(run!.checks_ms!).length).toBeGreaterThan(5);
    // The run found exactly the workload's answer key, listings included: a key of some findings (about 2% of 500
    // persons, drawn by weight over the scenarios, so a new scenario moves it), not an empty one matched by nothing.
    expect(run!.answer_key).toMatchObject({ missing: 0, extra: 0, overpayments_off: 0, examples: [] });
    expect(run!.answer_key!.expected).toBeGreaterThanOrEqual(8);
    expect(run!.answer_key!.found).toBe(run!.answer_key!.expected);
    expect(workload.stats.wall_ms).toEqual({ median: run!.wall_ms, min: run!.wall_ms, max: run!.wall_ms });
    expect(workload.stats.peak_rss_bytes!.median).toBeGreaterThan(0);
    expect(workload.stats.rows_per_s!.median).toBeGreaterThan(0);
    expect(existsSync(join(spec.dir, 'stamp.json'))).toBe(true);
    // Not the benchmark workloads: every target is "not measured".
    expect(results.targets.map((t) => t.id)).toEqual(['b1m-csv-scan', 'b1m-csv-peak-rss', 'b1m-csv-with-xlsx', 'growth-csv', 'growth-parquet', 'county-whole-cli']);
    expect(results.targets.every((t) => t.pass === null)).toBe(true);

    // Against a key that differs (a finding the scan made dropped, one no scan makes added, an overpayment 5 yuan
    // higher) the same ledger is a wrong result: the benchmark fails such a run.
    const key = JSON.parse(readFileSync(join(spec.dir, 'answer-key.json'), 'utf8')) as { expected: Record<string, unknown>[] };
    const paid = key.expected.find((entry) => typeof entry['overpayment_cents'] === 'number');
    expect(paid, 'the tiny workload has a deceased recipient with an overpayment').toBeDefined();
    paid!['overpayment_cents'] = (paid!['overpayment_cents'] as number) + 500;
    const dropped = key.expected.splice(key.expected.indexOf(paid!) === 0 ? 1 : 0, 1)[0]!;
    key.expected.push({ ...dropped, household_id: 'H-NOBODY', id_number: '110101190001010000', file: 'nowhere.csv', line: 1 });
    const wrongKey = join(root, 'wrong-answer-key.json');
    writeFileSync(wrongKey, JSON.stringify(key));
    const comparison = await compareWithAnswerKey(join(run!.kept!, 'ledger.duckdb'), wrongKey);
    expect(comparison).toMatchObject({ missing: 1, extra: 1, overpayments_off: 1 });
    expect(answerKeyProblem(comparison)).toMatch(/^findings differ from the answer key: 1 missing, 1 extra, 1 overpayments off/);
    rmSync(run!.kept!, { recursive: true, force: true });
    // Measured against that key, the run is failed and its time is left out of the medians.
    const keyPath = join(spec.dir, 'answer-key.json');
    const rightKey = readFileSync(keyPath);
    writeFileSync(keyPath, JSON.stringify(key));
    const wrong = (await runBenchmark({ workloads: [spec], runs: 1, timeoutS: 60, keep: false, merge: false, resultsPath: join(root, 'wrong.json'), log: () => {} })).workloads[0]!;
    writeFileSync(keyPath, rightKey);
    expect(wrong).toMatchObject({ runs_ok: 0, runs_failed: 1 });
    expect(wrong.runs[0]).toMatchObject({ status: 'failed', exit_code: 0, answer_key: { missing: 1, extra: 1, overpayments_off: 1 } });
    expect(wrong.runs[0]!.error).toMatch(/^findings differ from the answer key/);
    expect(wrong.stats.wall_ms).toBeNull();

    // A second benchmark reuses the workload (its stamp matches).
    const again = await prepareWorkload(spec);
    expect(again.reused).toBe(true);
    expect(again.stamp.generated_at).toBe(workload.generation.generated_at);
  }, 60_000);

  it('measures the floor: DuckDB alone parsing, landing and copying every row of a CSV or Parquet workload', async () => {
    for (const format of ['csv', 'parquet'] as const) {
      const prepared = await prepareWorkload(workloadSpec(`tiny-floor-${format}`, 'b100k', format, root, { persons: 300, townships: 1, villages: 2, seed: 5 }));
      const floor = await measureFloor(prepared, 2);
      if ('skipped' in floor) throw new Error(`${format}: ${floor.skipped}`);
      expect(floor.runs).toHaveLength(2);
      for (const run of floor.runs) {
        // Every data row of every file, headers not counted: the floor read what the scan reads.
        expect(run).toMatchObject({ files: prepared.stamp.files.length, rows: prepared.stamp.files.reduce((sum, file) => sum + file.rows, 0) });
        for (const ms of [run.parse_ms, run.land_ms, run.copy_ms]) expect(ms).toBeGreaterThan(0);
      }
      expect(floor.stats.land_and_copy_ms.median).toBeGreaterThan(floor.stats.land_ms.median);
      const printed = formatWorkload({ ...fakeWorkload(`tiny-floor-${format}`, 1_000, 100, 1e8), floor } as WorkloadResult);
      expect(printed).toMatch(/land \+ copy: the floor \s+\d+\.\d\d s/);
    }
    // The county's workbooks and GB18030 files are the scan's careful reader's to read: no floor, and the report says why.
    const messy = { spec: workloadSpec('county', 'county', 'messy', root), input: join(root, 'nowhere') } as unknown as Parameters<typeof measureFloor>[0];
    expect(await measureFloor(messy, 1)).toEqual({ skipped: expect.stringMatching(/^messy files/) });
    // Measured on B1M, the floor is named beside the scan's target.
    const b1m = { ...fakeWorkload('B1M-csv', 20_000, 8_000, 2e9), floor: {
      runs: [],
      stats: {
        parse_ms: { median: 2_000, min: 2_000, max: 2_000 }, land_ms: { median: 7_000, min: 7_000, max: 7_000 },
        copy_ms: { median: 5_000, min: 5_000, max: 5_000 }, land_and_copy_ms: { median: 12_000, min: 11_000, max: 13_000 },
      },
    } };
    expect(judgeTargets([b1m]).find((t) => t.id === 'b1m-csv-scan')!.note).toMatch(/floor .*: 12\.0 s$/);
  }, 60_000);

  it('takes the workbooks, not findings.csv nor the ledger checkpoint beside them, off the wall for the scan', () => {
    // wall 40 s, exports 5 s: findings.csv 0.3 s and a checkpoint of 1.2 s that ran while the workbooks were written.
    expect(scanWithoutWorkbooks(40_000, 5_000, { findings_csv: 300, workbooks: 4_600, ledger_checkpoint: 1_200 })).toBe(36_200);
    expect(scanWithoutWorkbooks(40_000, 5_000, { findings_csv: 300, workbooks: 4_600, ledger_checkpoint: 100 })).toBe(35_300);
    // A checkpoint that outlasted the workbooks is inside the exports phase already: never more than the whole wall.
    expect(scanWithoutWorkbooks(40_000, 5_000, { findings_csv: 300, workbooks: 1_000, ledger_checkpoint: 4_900 })).toBe(39_900);
    expect(scanWithoutWorkbooks(40_000, 5_000, undefined)).toBe(35_000);
  });

  it('judges the targets on the medians', () => {
    const targets = judgeTargets([
      fakeWorkload('B100k-csv', 2_000, 500, 5e8), fakeWorkload('B1M-csv', 20_000, 8_000, 2e9), fakeWorkload('county', 3_500, 1_000, 4e8),
    ]);
    const byId = Object.fromEntries(targets.map((t) => [t.id, t]));
    expect(byId['b1m-csv-scan']).toMatchObject({ value: 12, pass: true });
    expect(byId['b1m-csv-with-xlsx']).toMatchObject({ value: 20, pass: true });
    expect(byId['b1m-csv-peak-rss']).toMatchObject({ value: 2e9, pass: true });
    expect(byId['growth-csv']).toMatchObject({ value: 10, pass: true });
    expect(byId['growth-parquet']).toMatchObject({ value: null, pass: null });
    expect(byId['county-whole-cli']).toMatchObject({ value: 3.5, pass: false });
  });

  it('parses its options and selects workloads', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    const defaults = parseBenchArgs([]);
    expect(defaults).toMatchObject({ only: null, formats: null, runs: 3, timeoutS: 900, keep: false, floor: false });
    expect(parseBenchArgs(['--floor']).floor).toBe(true);
    const args = parseBenchArgs(['--only', 'county,b100k', '--formats', 'csv', '--runs', '1', '--timeout-s', '60', '--keep']);
    expect(args).toMatchObject({ only: ['county', 'b100k'], formats: ['csv'], runs: 1, timeoutS: 60, keep: true });
    expect(selectWorkloads(allWorkloads('/nowhere'), args.only, args.formats).map((w) => w.name)).toEqual(['county', 'B100k-csv']);
    expect(selectWorkloads(allWorkloads('/nowhere'), null, null).map((w) => w.name))
      .toEqual(['county', 'B100k-csv', 'B100k-parquet', 'B1M-csv', 'B1M-parquet']);
    // The province runs only when named.
    expect(selectWorkloads(allWorkloads('/nowhere'), ['b3m'], null).map((w) => w.name)).toEqual(['B3M-csv']);
    expect(selectWorkloads(allWorkloads('/nowhere'), ['b1m', 'B3M-csv'], ['csv']).map((w) => w.name)).toEqual(['B1M-csv', 'B3M-csv']);
    expect(() => parseBenchArgs(['--formats', 'xlsx'])).toThrow(/csv and parquet/);
    expect(() => parseBenchArgs(['--runs', '0'])).toThrow(/positive/);
  });
});
