// One ledger scanned month after month with the real CLI, for tests that follow findings through carry-over.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect } from 'vitest';
import { parseCsv } from './parse-csv.ts';
import { looksLikeStackTrace, runCli } from './run-cli.ts';

/** A ledger `<name>.duckdb` in root; `cli` runs a command on it (exit 0, no stack trace), `scan` returns findings.csv's rows. */
export function ledgerMonths(root: string, name: string) {
  const ledger = join(root, `${name}.duckdb`);
  const cli = async (args: string[]) => {
    const run = await runCli([...args, '--ledger', ledger]);
    expect(looksLikeStackTrace(run.stderr), run.stderr).toBe(false);
    expect(run.code, run.stderr).toBe(0);
    return run;
  };
  let step = 0;
  let lastOut = '';
  const scan = async (folder: string, period: string, asOf: string) => {
    step += 1;
    lastOut = join(root, `${name}-${period}-${step}`);
    await cli(['scan', '--input', folder, '--period', period, '--as-of', asOf, '--out', lastOut, '--quiet']);
    return parseCsv(await readFile(join(lastOut, 'findings.csv'), 'utf8'));
  };
  /** The output folder of the last scan. */
  const lastScanOut = () => lastOut;
  return { ledger, cli, scan, lastScanOut };
}
