// `npm run bench` (node --import tsx bench/run.ts): the benchmark of quality-bars.md.
//
// Generates each workload once into bench/workloads/<name>/ (reused while its stamp.json — generator options and
// a hash of the generator's source — matches), runs the real CLI on it (`node bin/rollsweep.js scan … --quiet`,
// fresh ledger and output folder each run) R times, prints wall time, peak RSS, rows/s and every phase and check
// (median, min, max), judges the targets and writes bench/results.json.
//
//   node --import tsx bench/run.ts [--only county,b100k,b1m] [--formats csv,parquet] [--runs 3]
//        [--timeout-s 900] [--keep] [--merge] [--floor] [--results FILE] [--workloads DIR]
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_RESULTS, machineInfo, runBenchmark } from './benchmark.ts';
import { formatMachine, formatTargets, formatWorkload } from './print.ts';
import { DEFAULT_WORKLOADS_ROOT, allWorkloads, selectWorkloads } from './workloads.ts';
import type { InputFormat } from './workloads.ts';

export const USAGE = `usage: node --import tsx bench/run.ts [options]

  --only LIST       workloads: county, b100k, b1m, or names (B100k-csv, B1M-parquet …); default all of those;
                    b3m (a province of three million persons, CSV: minutes a run) only when named
  --formats LIST    csv, parquet (B100k and B1M; the county is always its messy files); default csv,parquet
  --runs N          runs per workload, fresh ledger each (default 3); medians are reported
  --timeout-s S     a run longer than this is killed and counted as failed (default 900)
  --keep            keep each run's ledger and outputs (their folders are printed)
  --floor           also measure each CSV or Parquet workload's floor: DuckDB alone parsing its files, landing every
                    row as text and copying each landed table once (bench/floor.ts), as many times as --runs
  --merge           keep workloads of an earlier results file that this invocation does not run
                    (so B1M and B100k measured separately still give the growth ratio)
  --results FILE    default bench/results.json
  --workloads DIR   default bench/workloads`;

export interface BenchArgs {
  only: string[] | null;
  formats: InputFormat[] | null;
  runs: number;
  timeoutS: number;
  keep: boolean;
  merge: boolean;
  floor: boolean;
  results: string;
  workloadsRoot: string;
  help: boolean;
}

function list(text: string | undefined): string[] | null {
  if (text === undefined) return null;
  const items = text.split(',').map((item) => item.trim()).filter(Boolean);
  return items.length > 0 ? items : null;
}

function positive(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number, got ${text}`);
  return value;
}

export function parseBenchArgs(argv: string[]): BenchArgs {
  const { values } = parseArgs({
    args: argv, strict: true, allowPositionals: false,
    options: {
      only: { type: 'string' }, formats: { type: 'string' }, runs: { type: 'string' }, 'timeout-s': { type: 'string' },
      keep: { type: 'boolean', default: false }, merge: { type: 'boolean', default: false }, floor: { type: 'boolean', default: false },
      results: { type: 'string' }, workloads: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const formats = list(values.formats);
  for (const format of formats ?? []) {
    if (format !== 'csv' && format !== 'parquet') throw new Error(`--formats takes csv and parquet, got ${format}`);
  }
  const runs = positive('runs', values.runs, 3);
  if (!Number.isInteger(runs)) throw new Error(`--runs must be a whole number, got ${values.runs}`);
  return {
    only: list(values.only), formats: formats as InputFormat[] | null, runs, timeoutS: positive('timeout-s', values['timeout-s'], 900),
    keep: values.keep, merge: values.merge, floor: values.floor, results: resolve(values.results ?? DEFAULT_RESULTS),
    workloadsRoot: resolve(values.workloads ?? DEFAULT_WORKLOADS_ROOT), help: values.help,
  };
}

export async function main(argv: string[]): Promise<number> {
  const args = parseBenchArgs(argv);
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const workloads = selectWorkloads(allWorkloads(args.workloadsRoot), args.only, args.formats);
  if (workloads.length === 0) throw new Error(`no workload matches --only ${args.only?.join(',') ?? ''} --formats ${args.formats?.join(',') ?? ''}`);
  const log = (line: string): void => {
    process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${line}\n`);
  };
  log(`rollsweep benchmark: ${workloads.map((w) => w.name).join(', ')}; ${args.runs} run(s) each, timeout ${args.timeoutS} s`);
  log(formatMachine(machineInfo()));
  const results = await runBenchmark({
    workloads, runs: args.runs, timeoutS: args.timeoutS, keep: args.keep, merge: args.merge, floor: args.floor, resultsPath: args.results, log,
    onWorkload: (result) => process.stdout.write(`${formatWorkload(result)}\n`),
  });
  const measured = new Set(workloads.map((w) => w.name));
  const merged = results.workloads.filter((w) => !measured.has(w.name));
  if (merged.length > 0) {
    process.stdout.write(`\n(also in the targets, from ${args.results}: ${merged.map((w) => `${w.name} measured ${w.measured_at}`).join(', ')})\n`);
  }
  process.stdout.write(`${formatTargets(results.targets)}\n\nwrote ${args.results}\n`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).then(
    (code) => { process.exitCode = code; },
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n\n${USAGE}\n`);
      process.exitCode = 2;
    },
  );
}
