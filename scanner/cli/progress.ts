// What a scan tells the person or the log while it runs: a progress bar on a terminal, plain timestamped lines
// otherwise (cron, systemd, a pipe), nothing with --quiet. Never a prompt: a scheduled run has nobody to answer.
import { maskIdsUnless } from '../mask-id.ts';
import type { ScanPhase } from '../scan.ts';
import type { CliIo } from './main.ts';

export interface ScanProgress {
  message: (text: string) => void;
  step: (phase: ScanPhase, done: number, total: number, label: string) => void;
  finish: () => void;
}

const PHASE_LABELS: Record<ScanPhase, string> = { read: '读取', normalise: '规范化', checks: '检查', ledger: '记入台账', exports: '导出' };
const BAR_WIDTH = 24;

export function scanProgress(io: CliIo, options: { quiet: boolean; unmask?: boolean }): ScanProgress {
  if (options.quiet) return { message: () => {}, step: () => {}, finish: () => {} };
  const shown = io.isTerminal ? progressBar(io) : logLines(io);
  // A file named with an ID (371329…的花名册.xlsx) is logged masked, as the scan's report prints it (print-scan-result.ts):
  // a cron log is kept for years. Until 2026-12-06 it was logged whole.
  const mask = (text: string) => maskIdsUnless(text, options.unmask ?? false);
  return { message: (text) => shown.message(mask(text)), step: (phase, done, total, label) => shown.step(phase, done, total, mask(label)), finish: shown.finish };
}

function logLines(io: CliIo): ScanProgress {
  const line = (text: string) => io.err(`${new Date().toISOString()} ${text}\n`);
  return {
    message: line,
    step: (phase, done, total, label) => line(`${PHASE_LABELS[phase]}${total > 1 ? ` (${done + 1}/${total})` : ''}${label ? ` ${label}` : ''}`),
    finish: () => {},
  };
}

function progressBar(io: CliIo): ScanProgress {
  let shown = false;
  const clear = () => {
    if (shown) io.err('\r\x1b[2K');
    shown = false;
  };
  return {
    message: (text) => {
      clear();
      io.err(`${text}\n`);
    },
    step: (phase, done, total, label) => {
      const filled = Math.round((BAR_WIDTH * done) / Math.max(total, 1));
      const bar = `${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}`;
      const count = total > 1 ? ` ${done + 1}/${total}` : '';
      // Keep to one terminal line: long file names are cut, the bar stays put.
      io.err(`\r\x1b[2K${bar} ${PHASE_LABELS[phase]}${count} ${label}`.slice(0, 100));
      shown = true;
    },
    finish: clear,
  };
}
