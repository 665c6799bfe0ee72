// What a scan tells the person or the log while it runs: a progress bar on a terminal, plain timestamped lines
// otherwise (cron, systemd, a pipe), nothing with --quiet. Never a prompt: a scheduled run has nobody to answer.
import type { ScanPhase } from '../scan.ts';
import type { CliIo } from './main.ts';

export interface ScanProgress {
  message: (text: string) => void;
  step: (phase: ScanPhase, done: number, total: number, label: string) => void;
  finish: () => void;
}

const PHASE_LABELS: Record<ScanPhase, string> = { read: '读取', normalise: '规范化', checks: '检查', ledger: '记入台账', exports: '导出' };
const BAR_WIDTH = 24;

export function scanProgress(io: CliIo, options: { quiet: boolean }): ScanProgress {
  if (options.quiet) return { message: () => {}, step: () => {}, finish: () => {} };
  return io.isTerminal ? progressBar(io) : logLines(io);
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
