// The ledger: a rescan of a period replaces its run with the same finding ids; a ledger in use gives exit 2.
import { spawn } from 'node:child_process';
import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { looksLikeStackTrace, runCli } from '../support/run-cli.ts';
import { writeSmallTownship } from '../support/small-township.ts';
import { readLedgerRows } from '../support/read-ledger.ts';
import { tempFolder } from '../support/temp-folder.ts';

const root = await tempFolder();
const input = join(root, 'input');
await mkdir(input);
// One invalid ID and one household without head give findings to compare across scans.
await writeSmallTownship(input, ['张庄镇,西村,H003,赵六,37048119900101123,子,农村低保,700,在保']);
const ledger = join(root, 'ledger.duckdb');

const ledgerRows = (sql: string) => readLedgerRows(ledger, sql);

describe('ledger', () => {
  it('rescanning a period leaves one run and the same finding ids', async () => {
    const scan = () => runCli(['scan', '--input', input, '--period', '2026-10', '--ledger', ledger, '--out', join(root, 'out'), '--quiet']);
    expect((await scan()).code).toBe(0);
    const first = await ledgerRows('SELECT finding_id FROM findings ORDER BY 1');
    expect(first.length).toBeGreaterThan(0);
    expect((await scan()).code).toBe(0);
    expect(await ledgerRows('SELECT finding_id FROM findings ORDER BY 1')).toEqual(first);
    expect(await ledgerRows(`SELECT count(*)::INT AS runs FROM runs WHERE period = '2026-10'`)).toEqual([{ runs: 1 }]);
    expect(await ledgerRows('SELECT count(DISTINCT run_id)::INT AS runs FROM run_findings')).toEqual([{ runs: 1 }]);
  });

  it('rescanning a month once a later month is scanned keeps the month\'s 自动销号 (a backfill changes no status)', async () => {
    const backfillLedger = join(root, 'backfill.duckdb');
    const fixed = join(root, 'fixed');
    await mkdir(fixed);
    await writeSmallTownship(fixed); // 赵六's row is gone: his findings are not found again
    const scanMonth = (folder: string, period: string) =>
      runCli(['scan', '--input', folder, '--period', period, '--ledger', backfillLedger, '--out', join(root, `out-${period}`), '--quiet']);
    expect((await scanMonth(input, '2026-10')).code).toBe(0);
    expect((await scanMonth(fixed, '2026-11')).code).toBe(0);
    const closed = await readLedgerRows(backfillLedger, `SELECT finding_id FROM findings WHERE status = '自动销号' ORDER BY 1`);
    expect(closed.length).toBeGreaterThan(0);
    expect((await scanMonth(fixed, '2026-12')).code).toBe(0);
    expect((await scanMonth(fixed, '2026-11')).code).toBe(0);
    // Undoing November's carry-over here reopened them, though December had carried on from it.
    expect(await readLedgerRows(backfillLedger, `SELECT finding_id FROM findings WHERE status = '自动销号' ORDER BY 1`)).toEqual(closed);
  });

  it('is created readable by its owner only', async () => {
    expect((await stat(ledger)).mode & 0o777).toBe(0o600);
    expect((await stat(join(root, 'out', 'findings.csv'))).mode & 0o777).toBe(0o600);
  });

  it('a second process on a ledger in use gets "ledger in use" and exit 2', async () => {
    const holder = spawn(process.execPath, ['--input-type=module', '-e', `
      import { DuckDBInstance } from '@duckdb/node-api';
      const instance = await DuckDBInstance.create(${JSON.stringify(ledger)});
      await instance.connect();
      console.log('holding');
      setTimeout(() => {}, 60000);`], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      await new Promise<void>((resolve) => holder.stdout.once('data', () => resolve()));
      const run = await runCli(['scan', '--input', input, '--period', '2026-10', '--ledger', ledger, '--out', join(root, 'out2'), '--quiet']);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/ledger in use/);
      expect(looksLikeStackTrace(run.stderr)).toBe(false);
    } finally {
      holder.kill('SIGKILL');
    }
  });
});
