// `rollsweep scan`: runs the scan job and prints where the outputs are (or summary.json with --json).
// Safe unattended: no prompts, progress only on a terminal, --fail-on turns open findings into exit code 1.
import type { Severity } from '../../engine/define-check.ts';
import type { ScanSummary } from '../../export/summary.ts';
import { maskIdsUnless } from '../../mask-id.ts';
import { scan } from '../../scan.ts';
import type { CliIo } from '../main.ts';
import { scanProgress } from '../progress.ts';
import { EXIT } from '../report-error.ts';
import { printScanResult } from './print-scan-result.ts';

export const FAIL_ON_LEVELS = ['high', 'medium', 'low'] as const;
export type FailOn = (typeof FAIL_ON_LEVELS)[number];

export interface ScanArgs {
  input: string;
  period: string;
  ledger: string;
  config?: string;
  out?: string;
  asOf?: string;
  skipBadFiles: boolean;
  checksDir?: string;
  unmask: boolean;
  memoryLimit?: string;
  json: boolean;
  quiet: boolean;
  failOn?: FailOn;
}

export async function runScanCommand(args: ScanArgs, io: CliIo): Promise<number> {
  const progress = scanProgress(io, { quiet: args.quiet, unmask: args.unmask });
  const result = await scan({
    input: args.input, period: args.period, ledger: args.ledger, config: args.config, out: args.out, asOf: args.asOf,
    skipBadFiles: args.skipBadFiles, checksDir: args.checksDir, unmask: args.unmask, memoryLimit: args.memoryLimit,
    log: progress.message, onStep: progress.step,
  }).finally(progress.finish);
  if (args.json) io.out(`${JSON.stringify(result.summary, null, 2)}\n`);
  else printScanResult(result, io, { unmask: args.unmask });
  const failing = args.failOn ? openAtOrAbove(result.summary.findings, args.failOn) : 0;
  // A county's own check that failed costs the month nothing else (run-checks.ts), but a scheduler must see it: exit 2,
  // which outranks 1; the --fail-on line is still printed, so the log of such a run also raises the findings' alarm.
  const problems = result.checkProblems ?? [];
  if (problems.length > 0) {
    if (failing > 0) io.err(`--fail-on ${args.failOn}：本次扫描有 ${failing} 条 ${args.failOn} 及以上级别的未办结问题\n`);
    io.err(`${problems.map((p) => `错误：${maskIdsUnless(p.message, args.unmask)}`).join('\n')}\n` +
      `本次运行 ${result.summary.run_id} 已记入台账，输出已写出；改正上述自定义检查项后重新扫描本月，退出码 2\n`);
    return EXIT.badInput;
  }
  if (failing === 0) return EXIT.ok;
  io.err(`--fail-on ${args.failOn}：本次扫描有 ${failing} 条 ${args.failOn} 及以上级别的未办结问题，退出码 1\n`);
  return EXIT.findings;
}

/**
 * Open findings (new, still open, overdue, reopened, carried unjudged — not 误报 nor closed; in a backfill, those it
 * raised that are open in the ledger now) at or above `level`.
 */
export function openAtOrAbove(findings: ScanSummary['findings'], level: FailOn): number {
  const counted: Severity[] = FAIL_ON_LEVELS.slice(0, FAIL_ON_LEVELS.indexOf(level) + 1);
  return counted.reduce((n, severity) => n + (findings.open_by_severity?.[severity] ?? 0), 0);
}
