// The benchmark: prepare each workload, run the CLI on it R times, judge the targets of quality-bars.md,
// write bench/results.json. Importable (tests run it on a tiny workload); bench/run.ts is the command line.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, release, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { version as duckdbVersion } from '@duckdb/node-api';
import { measureFloor, type FloorResult } from './floor.ts';
import { hasGnuTime, runScanOnce, summariseRuns } from './measure.ts';
import type { RssMethod, RunFigures, RunStats } from './measure.ts';
import { prepareWorkload, REPO_ROOT } from './workloads.ts';
import type { InputFormat, PreparedWorkload, WorkloadSpec } from './workloads.ts';

export const DEFAULT_RESULTS = join(REPO_ROOT, 'bench', 'results.json');

export interface MachineInfo {
  cpu_model: string;
  cpu_count: number;
  total_memory_bytes: number;
  platform: string;
  node_version: string;
  duckdb_version: string;
  duckdb_node_api_version: string | null;
  rollsweep_version: string | null;
  git_commit: string | null;
  /** Uncommitted changes in the working tree when measured. */
  git_dirty: boolean | null;
}

export interface WorkloadResult {
  name: string;
  preset: WorkloadSpec['preset'];
  format: InputFormat;
  style: string;
  persons: number;
  period: string;
  input: { dir: string; files: number; rows: number; bytes: number };
  generation: { reused: boolean; seconds: number; generated_at: string };
  measured_at: string;
  git_commit: string | null;
  runs_ok: number;
  runs_failed: number;
  runs: RunFigures[];
  stats: RunStats;
  /** With --floor: what DuckDB alone takes to parse, land and copy the workload's files (floor.ts). */
  floor?: FloorResult;
}

export interface TargetResult {
  id: string;
  description: string;
  workload: string;
  /** What is compared with the limit, e.g. median wall_ms. */
  measure: string;
  limit: number;
  unit: 's' | 'bytes' | 'ratio';
  value: number | null;
  /** null: not measured in these results (workload not selected, or no successful run). */
  pass: boolean | null;
  note?: string;
}

export interface BenchResults {
  schema: 'rollsweep-bench/1';
  date: string;
  machine: MachineInfo;
  settings: { runs: number; timeout_s: number; rss_method: RssMethod; merged_from?: string };
  workloads: WorkloadResult[];
  targets: TargetResult[];
}

export interface BenchOptions {
  workloads: WorkloadSpec[];
  runs: number;
  timeoutS: number;
  keep: boolean;
  resultsPath: string;
  /** Keep the entries of workloads not run this time from an existing results file (for targets across invocations). */
  merge: boolean;
  log: (line: string) => void;
  /** Called once per workload as soon as it is measured. */
  onWorkload?: (result: WorkloadResult) => void;
  rssMethod?: RssMethod;
  /** Also measure each workload's floor (floor.ts), as many times as the scan. */
  floor?: boolean;
}

function git(args: string[]): string | null {
  try {
    return execFileSync('git', args, { cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

function packageVersion(path: string): string | null {
  try {
    return (JSON.parse(readFileSync(path, 'utf8')) as { version?: string }).version ?? null;
  } catch {
    return null;
  }
}

export function machineInfo(): MachineInfo {
  const list = cpus();
  const status = git(['status', '--porcelain', '--untracked-files=no']);
  return {
    cpu_model: list[0]?.model.trim() ?? 'unknown',
    cpu_count: list.length,
    total_memory_bytes: totalmem(),
    platform: `${process.platform} ${release()} ${process.arch}`,
    node_version: process.version,
    duckdb_version: duckdbVersion(),
    duckdb_node_api_version: packageVersion(join(REPO_ROOT, 'node_modules', '@duckdb', 'node-api', 'package.json')),
    rollsweep_version: packageVersion(join(REPO_ROOT, 'package.json')),
    git_commit: git(['rev-parse', 'HEAD']),
    git_dirty: status === null ? null : status.length > 0,
  };
}

export async function measureWorkload(
  prepared: PreparedWorkload, options: Pick<BenchOptions, 'runs' | 'timeoutS' | 'keep' | 'log' | 'rssMethod'>,
): Promise<WorkloadResult> {
  const { spec, stamp } = prepared;
  const runs: RunFigures[] = [];
  for (let run = 1; run <= options.runs; run += 1) {
    const figures = await runScanOnce(prepared, run, { timeoutMs: options.timeoutS * 1000, keep: options.keep, rssMethod: options.rssMethod });
    runs.push(figures);
    const rss = figures.peak_rss_bytes === null ? '?' : `${(figures.peak_rss_bytes / 1e6).toFixed(0)} MB`;
    options.log(`${spec.name}: run ${run}/${options.runs} ${figures.status} — wall ${(figures.wall_ms / 1000).toFixed(2)} s, peak RSS ${rss}, load ${figures.load_avg_1m.start}→${figures.load_avg_1m.end}`
      + `${figures.kept ? `, kept in ${figures.kept}` : ''}${figures.error ? `\n  ${figures.error.replace(/\n/g, '\n  ')}` : ''}`);
  }
  return {
    name: spec.name, preset: spec.preset, format: spec.format, style: spec.options.style, persons: stamp.persons, period: spec.options.period,
    input: { dir: prepared.input, files: stamp.files.length, rows: stamp.files.reduce((sum, file) => sum + file.rows, 0), bytes: prepared.input_bytes },
    generation: { reused: prepared.reused, seconds: stamp.generation_s, generated_at: stamp.generated_at },
    measured_at: new Date().toISOString(), git_commit: git(['rev-parse', 'HEAD']),
    runs_ok: runs.filter((run) => run.status === 'ok').length, runs_failed: runs.filter((run) => run.status !== 'ok').length,
    runs, stats: summariseRuns(runs),
  };
}

const GB = 1e9;

/** The targets of quality-bars.md ("Benchmark"), judged on the medians. */
export function judgeTargets(workloads: WorkloadResult[]): TargetResult[] {
  const byName = new Map(workloads.map((workload) => [workload.name, workload]));
  const targets: TargetResult[] = [];
  const judge = (target: Omit<TargetResult, 'value' | 'pass'>, value: number | null | undefined, ran: boolean, failedNote?: string): void => {
    if (value === null || value === undefined) {
      targets.push({ ...target, value: null, pass: ran ? false : null, note: ran ? failedNote ?? 'no successful run' : 'not measured' });
    } else {
      targets.push({ ...target, value, pass: value <= target.limit });
    }
  };
  const failedNote = (workload: WorkloadResult | undefined): string | undefined => {
    const failed = workload?.runs.find((run) => run.status !== 'ok');
    return failed ? `no successful run (${failed.status}: ${failed.error?.split('\n')[0] ?? ''})` : undefined;
  };

  const b1m = byName.get('B1M-csv');
  const seconds = (ms: number | undefined): number | undefined => (ms === undefined ? undefined : ms / 1000);
  judge({
    id: 'b1m-csv-scan', workload: 'B1M-csv', measure: 'median (wall without the workbooks)', limit: 15, unit: 's',
    description: 'B1M from CSV: scan (load + normalise + checks + ledger write + findings.csv) ≤ 15 s',
    note: 'scan also writes the XLSX workbooks: their time is taken off the wall (the exports phase less findings.csv, or less the ledger checkpoint that runs beside the workbooks when it takes longer)',
  }, seconds(b1m?.stats.scan_without_exports_ms?.median), Boolean(b1m), failedNote(b1m));
  const floor = b1m?.floor && 'stats' in b1m.floor ? b1m.floor.stats.land_and_copy_ms : undefined;
  if (floor) {
    const target = targets.at(-1)!;
    target.note = `${target.note}; floor (DuckDB alone landing every row as text and copying it once, --floor): ${(floor.median / 1000).toFixed(1)} s`;
  }
  judge({
    id: 'b1m-csv-peak-rss', workload: 'B1M-csv', measure: 'median peak RSS', limit: 2.5 * GB, unit: 'bytes',
    description: 'B1M from CSV: peak RSS ≤ 2.5 GB (2.5 × 10⁹ bytes)',
  }, b1m?.stats.peak_rss_bytes?.median, Boolean(b1m), failedNote(b1m));
  judge({
    id: 'b1m-csv-with-xlsx', workload: 'B1M-csv', measure: 'median wall', limit: 25, unit: 's',
    description: 'B1M from CSV: scan with the XLSX ledger export (the whole `scan` command) ≤ 25 s',
  }, seconds(b1m?.stats.wall_ms?.median), Boolean(b1m), failedNote(b1m));

  for (const format of ['csv', 'parquet'] as const) {
    const small = byName.get(`B100k-${format}`);
    const large = byName.get(`B1M-${format}`);
    const ratio = small?.stats.wall_ms && large?.stats.wall_ms ? large.stats.wall_ms.median / small.stats.wall_ms.median : null;
    judge({
      id: `growth-${format}`, workload: `B1M-${format} / B100k-${format}`, measure: 'ratio of median walls', limit: 11, unit: 'ratio',
      description: `growth: B1M / B100k wall time ≤ 11 (${format === 'csv' ? 'CSV' : 'Parquet'})`,
    }, ratio, Boolean(small && large), failedNote(large) ?? failedNote(small));
    const cpuRatio = small?.stats.cpu_ms && large?.stats.cpu_ms ? large.stats.cpu_ms.median / small.stats.cpu_ms.median : null;
    const target = targets.at(-1)!;
    if (ratio !== null && cpuRatio !== null) target.note = `CPU-time (user + sys) ratio ${cpuRatio.toFixed(2)}, less sensitive to other work on the machine`;
  }

  const county = byName.get('county');
  judge({
    id: 'county-whole-cli', workload: 'county', measure: 'median wall', limit: 3, unit: 's',
    description: 'a county of 50 thousand persons (messy files, as they arrive): whole CLI run ≤ 3 s',
  }, seconds(county?.stats.wall_ms?.median), Boolean(county), failedNote(county));
  // A median over the runs that succeeded would hide the others: say so.
  for (const target of targets) {
    const failed = workloads.filter((workload) => target.workload.split(' / ').includes(workload.name) && workload.runs_failed > 0 && workload.runs_ok > 0);
    const text = failed.map((workload) => `${workload.name}: ${workload.runs_failed} of ${workload.runs.length} runs failed (median of the others)`).join('; ');
    if (text) target.note = target.note ? `${target.note}; ${text}` : text;
  }
  return targets;
}

function readPrevious(path: string): BenchResults | null {
  if (!existsSync(path)) return null;
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as BenchResults;
    return parsed.schema === 'rollsweep-bench/1' ? parsed : null;
  } catch {
    return null;
  }
}

export function writeResults(path: string, results: BenchResults): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(results, null, 2)}\n`);
}

/** Prepares and measures every workload, in order, and writes the results file (after each workload, so a crash keeps what was measured). */
export async function runBenchmark(options: BenchOptions): Promise<BenchResults> {
  const previous = options.merge ? readPrevious(options.resultsPath) : null;
  const rssMethod: RssMethod = options.rssMethod ?? ((await hasGnuTime()) ? 'gnu-time-maxrss' : 'proc-vmhwm-poll');
  const measured: WorkloadResult[] = [];
  const results = (): BenchResults => {
    const names = new Set(measured.map((workload) => workload.name));
    const kept = (previous?.workloads ?? []).filter((workload) => !names.has(workload.name));
    const workloads = [...kept, ...measured];
    return {
      schema: 'rollsweep-bench/1', date: new Date().toISOString(), machine: machineInfo(),
      settings: { runs: options.runs, timeout_s: options.timeoutS, rss_method: rssMethod, ...(kept.length > 0 ? { merged_from: options.resultsPath } : {}) },
      workloads, targets: judgeTargets(workloads),
    };
  };
  for (const spec of options.workloads) {
    const prepared = await prepareWorkload(spec, options.log);
    if (prepared.reused) options.log(`${spec.name}: reusing ${spec.dir} (generated ${prepared.stamp.generated_at} in ${prepared.stamp.generation_s} s)`);
    const result = await measureWorkload(prepared, { ...options, rssMethod });
    if (options.floor) {
      options.log(`${spec.name}: measuring the floor (DuckDB alone: parse, land and copy every file), ${options.runs} time(s)`);
      result.floor = await measureFloor(prepared, options.runs);
    }
    measured.push(result);
    options.onWorkload?.(result);
    writeResults(options.resultsPath, results());
  }
  const final = results();
  writeResults(options.resultsPath, final);
  return final;
}
