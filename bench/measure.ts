// One timed run of the real CLI (`node bin/rollsweep.js scan …`) in a child process: wall time, peak RSS and
// the phases of its summary.json; and the median/min/max over a workload's runs.
import { spawn } from 'node:child_process';
import { accessSync, constants, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { answerKeyProblem, compareWithAnswerKey, type AnswerKeyComparison } from './answer-key.ts';
import { REPO_ROOT } from './workloads.ts';
import type { PreparedWorkload } from './workloads.ts';

export const CLI = join(REPO_ROOT, 'bin', 'rollsweep.js');
const GNU_TIME = '/usr/bin/time';
const POLL_MS = 50;

export const PHASES = ['read', 'normalise', 'checks', 'ledger', 'exports'] as const;
export type Phase = (typeof PHASES)[number];

/**
 * Peak RSS, two ways. Preferred: GNU time's %M, i.e. ru_maxrss from wait4() — the kernel's own high-water mark
 * of the child, taken when it is reaped, so nothing is missed. Polling /proc/<pid>/status VmHWM every 50 ms is
 * kept as a cross-check and as the fallback without /usr/bin/time: VmHWM is a high-water mark too, but the last
 * read can come up to 50 ms before exit (the XLSX export runs last), and once the process has exited its
 * /proc entry no longer shows VmHWM, and Node reaps the child itself, so it cannot be read afterwards.
 */
export type RssMethod = 'gnu-time-maxrss' | 'proc-vmhwm-poll';

export interface RunFigures {
  run: number;
  status: 'ok' | 'failed' | 'timeout';
  exit_code: number | null;
  signal: string | null;
  /** Process spawn to exit, as the parent saw it. */
  wall_ms: number;
  peak_rss_bytes: number | null;
  rss_method: RssMethod;
  /** VmHWM polled from /proc every 50 ms (a lower bound; cross-check of peak_rss_bytes). */
  peak_rss_polled_bytes: number | null;
  /** User + system CPU time of the child (GNU time %U + %S; null without it): less sensitive than the wall to other work on the machine. */
  cpu_ms: number | null;
  /** Sum of rows_read over every dataset of summary.json. */
  rows_read: number | null;
  rows_per_s: number | null;
  /** summary.json phases_ms, and `other` = wall − their sum (process start-up and module loading, config, DuckDB
   *  start and ledger attach, finding totals, SHA-256 of the inputs, summary.json, shutdown). */
  phases_ms: (Record<Phase, number> & { other: number }) | null;
  /**
   * The spec's "scan" (load + normalise + checks + ledger write + findings.csv): the wall without the workbooks.
   * wall − exports phase + what of that phase is not the workbooks: findings.csv, and the ledger's checkpoint that
   * runs beside them (it would run as long without them), whichever takes longer.
   */
  scan_without_exports_ms: number | null;
  /** summary.json duration_ms: the scan inside the process. */
  in_process_ms: number | null;
  /** checks_run[].duration_ms by check id. */
  checks_ms: Record<string, number> | null;
  findings_total: number | null;
  /** The run's findings against the workload's answer key (a run that differs is failed: its time does not count). */
  answer_key: AnswerKeyComparison | null;
  /** 1-minute load average when the run started and when it ended: other work on the machine skews the figures. */
  load_avg_1m: { start: number; end: number };
  /** The last lines of stderr when the run did not succeed. */
  error?: string;
  /** Where the ledger and outputs went (kept with --keep). */
  kept?: string;
}

export interface RunOptions {
  timeoutMs: number;
  keep: boolean;
  /** Overridable for tests; defaults to GNU time when /usr/bin/time runs. */
  rssMethod?: RssMethod;
}

let gnuTimeAvailable: boolean | null = null;

/** Whether /usr/bin/time is GNU time and can write %M to a file. */
export async function hasGnuTime(): Promise<boolean> {
  if (gnuTimeAvailable !== null) return gnuTimeAvailable;
  try {
    accessSync(GNU_TIME, constants.X_OK);
  } catch {
    return (gnuTimeAvailable = false);
  }
  const dir = mkdtempSync(join(tmpdir(), 'rollsweep-bench-probe-'));
  try {
    const file = join(dir, 'time.txt');
    const code = await new Promise<number | null>((done) => {
      const child = spawn(GNU_TIME, ['-f', TIME_FORMAT, '-o', file, process.execPath, '-e', ''], { stdio: 'ignore' });
      child.on('error', () => done(null));
      child.on('exit', (exitCode) => done(exitCode));
    });
    gnuTimeAvailable = code === 0 && parseTimeFile(readFileSync(file, 'utf8')) !== null;
  } catch {
    gnuTimeAvailable = false;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return gnuTimeAvailable;
}

const TIME_FORMAT = '%M %U %S';

/** GNU time's -o file: possibly "Command exited with non-zero status N" first, then `maxrss-KiB user-s sys-s`. */
function parseTimeFile(text: string): { maxRssKb: number; userS: number; sysS: number } | null {
  const line = text.trim().split('\n').map((l) => l.trim()).filter((l) => /^\d+ \d+(\.\d+)? \d+(\.\d+)?$/.test(l)).at(-1);
  if (line === undefined) return null;
  const [maxRssKb, userS, sysS] = line.split(' ').map(Number) as [number, number, number];
  return { maxRssKb, userS, sysS };
}

function readStatusKb(pid: number, field: string): number | null {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

/** The node process: the child itself, or under GNU time the child's own child. */
function nodePid(childPid: number, underTime: boolean): number | null {
  if (!underTime) return childPid;
  try {
    const children = readFileSync(`/proc/${childPid}/task/${childPid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
    return children.length > 0 ? Number(children[0]) : null;
  } catch {
    return null;
  }
}

interface SummaryJson {
  duration_ms: number;
  phases_ms: Record<Phase, number>;
  export_parts_ms?: { findings_csv: number; workbooks: number; ledger_checkpoint: number };
  datasets: Record<string, { rows_read: number }>;
  checks_run: { id: string; duration_ms: number }[];
  findings: { total: number };
}

/** The wall time without the workbooks (see RunFigures.scan_without_exports_ms); an older summary.json lacks the parts. */
export function scanWithoutWorkbooks(wallMs: number, exportsMs: number, parts: SummaryJson['export_parts_ms']): number {
  if (!parts) return wallMs - exportsMs;
  return wallMs - exportsMs + Math.min(exportsMs, Math.max(parts.findings_csv, parts.ledger_checkpoint));
}

/** Runs `rollsweep scan` once on the workload with a fresh ledger and output folder. */
export async function runScanOnce(workload: PreparedWorkload, run: number, options: RunOptions): Promise<RunFigures> {
  const method: RssMethod = options.rssMethod ?? ((await hasGnuTime()) ? 'gnu-time-maxrss' : 'proc-vmhwm-poll');
  const underTime = method === 'gnu-time-maxrss';
  // cwd is the run folder too, so anything DuckDB spills (.tmp of an in-memory database) goes away with it.
  const runDir = mkdtempSync(join(tmpdir(), `rollsweep-bench-${workload.spec.name}-`));
  const timeFile = join(runDir, 'time.txt');
  const outDir = join(runDir, 'out');
  const cliArgs = [
    CLI, 'scan', '--input', workload.input, '--period', workload.spec.options.period, '--config', workload.config,
    '--ledger', join(runDir, 'ledger.duckdb'), '--out', outDir, '--quiet',
  ];
  const [command, args] = underTime ? [GNU_TIME, ['-f', TIME_FORMAT, '-o', timeFile, process.execPath, ...cliArgs]] : [process.execPath, cliArgs];

  let stderr = '';
  let polledKb = 0;
  let timedOut = false;
  const loadAtStart = loadavg()[0]!;
  const started = performance.now();
  // detached: its own process group, so a timeout kills GNU time and node together.
  const child = spawn(command, args, { cwd: runDir, detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-8000);
  });
  let watched: number | null = null;
  const poll = setInterval(() => {
    watched ??= child.pid === undefined ? null : nodePid(child.pid, underTime);
    if (watched === null) return;
    const hwm = readStatusKb(watched, 'VmHWM');
    if (hwm !== null && hwm > polledKb) polledKb = hwm;
  }, POLL_MS);
  const timer = setTimeout(() => {
    timedOut = true;
    try {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    } catch { /* already gone */ }
  }, options.timeoutMs);

  const exit = await new Promise<{ code: number | null; signal: NodeJS.Signals | null; wallMs: number; spawnError?: Error }>((done) => {
    child.on('error', (error) => done({ code: null, signal: null, wallMs: performance.now() - started, spawnError: error }));
    child.on('exit', (code, signal) => done({ code, signal, wallMs: performance.now() - started }));
  });
  clearInterval(poll);
  clearTimeout(timer);
  // stderr may still be draining after exit.
  await new Promise<void>((done) => (child.stderr.readableEnded ? done() : child.stderr.once('close', () => done())));

  const figures: RunFigures = {
    run, status: timedOut ? 'timeout' : exit.code === 0 ? 'ok' : 'failed', exit_code: exit.code, signal: exit.signal,
    wall_ms: Math.round(exit.wallMs), peak_rss_bytes: null, rss_method: method, peak_rss_polled_bytes: polledKb > 0 ? polledKb * 1024 : null, cpu_ms: null,
    rows_read: null, rows_per_s: null, phases_ms: null, scan_without_exports_ms: null, in_process_ms: null, checks_ms: null, findings_total: null,
    answer_key: null, load_avg_1m: { start: round2(loadAtStart), end: round2(loadavg()[0]!) },
  };
  if (underTime) {
    try {
      const time = parseTimeFile(readFileSync(timeFile, 'utf8'));
      if (time) {
        figures.peak_rss_bytes = time.maxRssKb * 1024;
        figures.cpu_ms = Math.round((time.userS + time.sysS) * 1000);
      }
    } catch { /* killed before GNU time wrote it */ }
  }
  if (figures.peak_rss_bytes === null && figures.peak_rss_polled_bytes !== null) {
    // No GNU time figure (the run was killed before it wrote one): the polled high-water mark is the best there is.
    figures.peak_rss_bytes = figures.peak_rss_polled_bytes;
    figures.rss_method = 'proc-vmhwm-poll';
  }
  if (figures.status === 'ok') {
    try {
      const summary = JSON.parse(readFileSync(join(outDir, 'summary.json'), 'utf8')) as SummaryJson;
      const rows = Object.values(summary.datasets).reduce((sum, dataset) => sum + dataset.rows_read, 0);
      const phases = Object.fromEntries(PHASES.map((phase) => [phase, summary.phases_ms[phase] ?? 0])) as Record<Phase, number>;
      const phaseSum = PHASES.reduce((sum, phase) => sum + phases[phase], 0);
      figures.rows_read = rows;
      figures.rows_per_s = Math.round(rows / (figures.wall_ms / 1000));
      figures.phases_ms = { ...phases, other: figures.wall_ms - phaseSum };
      figures.scan_without_exports_ms = scanWithoutWorkbooks(figures.wall_ms, phases.exports, summary.export_parts_ms);
      figures.in_process_ms = summary.duration_ms;
      figures.checks_ms = Object.fromEntries(summary.checks_run.map((check) => [check.id, check.duration_ms]));
      figures.findings_total = summary.findings.total;
    } catch (error) {
      figures.status = 'failed';
      figures.error = `summary.json unreadable: ${(error as Error).message}`;
    }
  }
  const answerKey = workload.spec.options.answerKey;
  if (figures.status === 'ok' && answerKey) {
    try {
      figures.answer_key = await compareWithAnswerKey(join(runDir, 'ledger.duckdb'), answerKey);
      const problem = answerKeyProblem(figures.answer_key);
      if (problem) {
        figures.status = 'failed';
        figures.error = problem;
      }
    } catch (error) {
      figures.status = 'failed';
      figures.error = `answer key not compared: ${(error as Error).message}`;
    }
  }
  if (figures.status !== 'ok' && figures.error === undefined) {
    const why = timedOut ? `timed out after ${options.timeoutMs / 1000} s (killed)` : exit.spawnError ? `spawn failed: ${exit.spawnError.message}` : `exit code ${exit.code}${exit.signal ? `, signal ${exit.signal}` : ''}`;
    figures.error = `${why}${stderr.trim() ? `\n${stderr.trim().split('\n').slice(-15).join('\n')}` : ''}`;
  }
  if (options.keep) figures.kept = runDir;
  else rmSync(runDir, { recursive: true, force: true });
  return figures;
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

export interface Stat {
  median: number;
  min: number;
  max: number;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function stat(values: (number | null | undefined)[]): Stat | null {
  const present = values.filter((value): value is number => typeof value === 'number' && Number.isFinite(value));
  if (present.length === 0) return null;
  return { median: median(present), min: Math.min(...present), max: Math.max(...present) };
}

export interface RunStats {
  wall_ms: Stat | null;
  scan_without_exports_ms: Stat | null;
  in_process_ms: Stat | null;
  cpu_ms: Stat | null;
  peak_rss_bytes: Stat | null;
  peak_rss_polled_bytes: Stat | null;
  rows_per_s: Stat | null;
  phases_ms: Record<Phase | 'other', Stat | null>;
  checks_ms: Record<string, Stat | null>;
}

/** Median, min and max of every figure over the successful runs. */
export function summariseRuns(runs: RunFigures[]): RunStats {
  const ok = runs.filter((run) => run.status === 'ok');
  const checkIds = [...new Set(ok.flatMap((run) => Object.keys(run.checks_ms ?? {})))];
  return {
    wall_ms: stat(ok.map((run) => run.wall_ms)),
    scan_without_exports_ms: stat(ok.map((run) => run.scan_without_exports_ms)),
    in_process_ms: stat(ok.map((run) => run.in_process_ms)),
    cpu_ms: stat(ok.map((run) => run.cpu_ms)),
    peak_rss_bytes: stat(ok.map((run) => run.peak_rss_bytes)),
    peak_rss_polled_bytes: stat(ok.map((run) => run.peak_rss_polled_bytes)),
    rows_per_s: stat(ok.map((run) => run.rows_per_s)),
    phases_ms: Object.fromEntries([...PHASES, 'other' as const].map((phase) => [phase, stat(ok.map((run) => run.phases_ms?.[phase]))])) as RunStats['phases_ms'],
    checks_ms: Object.fromEntries(checkIds.map((id) => [id, stat(ok.map((run) => run.checks_ms?.[id]))])),
  };
}
