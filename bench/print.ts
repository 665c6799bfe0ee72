// Readable tables of the benchmark: one per workload (median, min, max of each figure) and the targets.
import { cpus } from 'node:os';
import type { FloorResult } from './floor.ts';
import type { Stat } from './measure.ts';
import type { BenchResults, MachineInfo, TargetResult, WorkloadResult } from './benchmark.ts';

const cpuCount = (): number => cpus().length;
const int = (value: number): string => Math.round(value).toLocaleString('en');
const secs = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
const mb = (bytes: number): string => `${int(bytes / 1e6)} MB`;
const perSecond = (value: number): string => `${int(value)}/s`;

function row(label: string, value: Stat | null | undefined, format: (value: number) => string): string {
  const cells = value ? [value.median, value.min, value.max].map(format) : ['—', '', ''];
  return `  ${label.padEnd(40)}${cells.map((cell) => cell.padStart(14)).join('')}`;
}

function floorLines(floor: FloorResult): string[] {
  if ('skipped' in floor) return [`  floor: not measured — ${floor.skipped}`];
  return [
    `  floor, DuckDB alone on the same files (bench/floor.ts; ${int(floor.runs[0]!.rows)} rows counted)`,
    row('  parse every file (count its rows)', floor.stats.parse_ms, secs),
    row('  land every row as text', floor.stats.land_ms, secs),
    row('  copy each landed table once', floor.stats.copy_ms, secs),
    row('  land + copy: the floor', floor.stats.land_and_copy_ms, secs),
  ];
}

export function formatWorkload(workload: WorkloadResult): string {
  const { stats } = workload;
  const generated = workload.generation.reused
    ? `reused (generated in ${workload.generation.seconds} s on ${workload.generation.generated_at.slice(0, 10)})`
    : `generated in ${workload.generation.seconds} s`;
  const lines = [
    '',
    `${workload.name} — ${int(workload.persons)} persons, ${int(workload.input.rows)} rows in ${workload.input.files} files `
      + `(${mb(workload.input.bytes)}, style ${workload.style}), period ${workload.period}; ${generated}`,
    `  ${`${workload.runs_ok} of ${workload.runs.length} runs ok`.padEnd(40)}${['median', 'min', 'max'].map((cell) => cell.padStart(14)).join('')}`,
    row('wall (spawn → exit)', stats.wall_ms, secs),
    row('wall without the workbooks', stats.scan_without_exports_ms, secs),
    row('CPU time (user + sys)', stats.cpu_ms, secs),
    row('peak RSS', stats.peak_rss_bytes, mb),
    row('peak RSS, polled VmHWM (check)', stats.peak_rss_polled_bytes, mb),
    row('rows/s (rows read ÷ wall)', stats.rows_per_s, perSecond),
    row('phase read', stats.phases_ms.read, secs),
    row('phase normalise', stats.phases_ms.normalise, secs),
    row('phase checks', stats.phases_ms.checks, secs),
  ];
  const checks = Object.entries(stats.checks_ms).sort(([, a], [, b]) => (b?.median ?? 0) - (a?.median ?? 0));
  for (const [id, value] of checks) lines.push(row(`  ${id}`, value, secs));
  lines.push(
    row('phase ledger', stats.phases_ms.ledger, secs),
    row('phase exports (findings.csv + XLSX)', stats.phases_ms.exports, secs),
    row('other (start-up, totals, SHA-256, exit)', stats.phases_ms.other, secs),
  );
  if (workload.floor) lines.push(...floorLines(workload.floor));
  const findings = workload.runs.find((run) => run.findings_total !== null)?.findings_total;
  if (findings !== undefined && findings !== null) lines.push(`  findings: ${int(findings)}`);
  const compared = workload.runs.filter((run) => run.answer_key !== null);
  const correct = compared.filter((run) => run.status === 'ok').length;
  if (compared.length > 0) {
    const key = compared[0]!.answer_key!;
    lines.push(`  answer key: ${correct} of ${compared.length} runs found exactly its ${int(key.expected)} findings (listings included)`);
  }
  const loads = workload.runs.flatMap((run) => (run.load_avg_1m ? [run.load_avg_1m.start, run.load_avg_1m.end] : []));
  if (loads.length > 0) {
    lines.push(`  load average (1 min) around the runs: ${Math.min(...loads).toFixed(2)}–${Math.max(...loads).toFixed(2)} on ${cpuCount()} CPUs`);
  }
  for (const run of workload.runs.filter((r) => r.status !== 'ok')) {
    lines.push(`  run ${run.run}: ${run.status} — ${run.error?.split('\n')[0] ?? ''}`);
  }
  return lines.join('\n');
}

function targetValue(target: TargetResult): string {
  if (target.value === null) return '—';
  if (target.unit === 's') return `${target.value.toFixed(2)} s`;
  if (target.unit === 'bytes') return `${(target.value / 1e9).toFixed(2)} GB`;
  return target.value.toFixed(2);
}

function targetLimit(target: TargetResult): string {
  if (target.unit === 's') return `≤ ${target.limit} s`;
  if (target.unit === 'bytes') return `≤ ${target.limit / 1e9} GB`;
  return `≤ ${target.limit}`;
}

export function formatTargets(targets: TargetResult[]): string {
  const lines = ['', 'Targets (quality-bars.md, on the 2-core 24 GB machine; medians)'];
  for (const target of targets) {
    const verdict = target.pass === null ? 'n/a ' : target.pass ? 'PASS' : 'FAIL';
    lines.push(`  ${verdict}  ${target.description}`);
    lines.push(`        ${target.workload}, ${target.measure}: ${targetValue(target)} (${targetLimit(target)})${target.note ? ` — ${target.note}` : ''}`);
  }
  return lines.join('\n');
}

export function formatMachine(machine: MachineInfo): string {
  return `${machine.cpu_count} × ${machine.cpu_model}, ${(machine.total_memory_bytes / 2 ** 30).toFixed(1)} GiB, node ${machine.node_version}, `
    + `DuckDB ${machine.duckdb_version}, commit ${machine.git_commit?.slice(0, 10) ?? '?'}${machine.git_dirty ? ' (+ uncommitted changes)' : ''}`;
}

export function formatResults(results: BenchResults): string {
  return `${results.workloads.map(formatWorkload).join('\n')}\n${formatTargets(results.targets)}\n`;
}
