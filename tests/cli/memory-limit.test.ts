// --memory-limit: the scan keeps within it (spilling to a private temporary folder); running out is a plain
// message with the way out and exit 2, never a crash, and the ledger is left as it was.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLedgerRows } from '../support/read-ledger.ts';
import { looksLikeStackTrace, runCli } from '../support/run-cli.ts';
import { SAMPLE_CONFIG, SAMPLE_INPUT } from '../support/ledger-fixture.ts';
import { tempFolder } from '../support/temp-folder.ts';

const scanArgs = (folder: string, limit: string) =>
  ['scan', '--input', SAMPLE_INPUT, '--config', SAMPLE_CONFIG, '--period', '2026-10', '--ledger', join(folder, 'ledger.duckdb'),
    '--out', join(folder, 'out'), '--memory-limit', limit, '--quiet'];

describe('scan --memory-limit', () => {
  it('a limit too small for the data: exit 2, "内存不足" with the option to raise, no run in the ledger', async () => {
    const folder = await tempFolder();
    const run = await runCli(scanArgs(folder, '5MB'));
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toContain('内存不足');
    expect(run.stderr).toContain('--memory-limit');
    expect(looksLikeStackTrace(run.stderr)).toBe(false);
    expect(await readLedgerRows(join(folder, 'ledger.duckdb'), 'SELECT count(*)::INT AS n FROM runs')).toEqual([{ n: 0 }]);
    expect(existsSync(join(folder, 'out', 'findings.csv'))).toBe(false);
  });

  it('a workable limit scans as usual', async () => {
    const folder = await tempFolder();
    const run = await runCli(scanArgs(folder, '512MB'));
    expect(run.code, run.stderr).toBe(0);
    expect(existsSync(join(folder, 'out', 'findings.csv'))).toBe(true);
  });

  it('a value without a unit is a usage error naming the option', async () => {
    const folder = await tempFolder();
    const run = await runCli(scanArgs(folder, '2000'));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--memory-limit 的值「2000」无法识别');
  });
});
