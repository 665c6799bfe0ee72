// `report` counts 逾期 against the period's scan date, as `ledger export` and the scan's own workbooks do, or against the
// day given with --as-of, and says which date it used; until 2026-12-03 it counted against the day it ran and refused
// --as-of. The month scanned is 2020-10, so its deadlines are long past whatever day the test runs.
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { format } from 'date-fns';
import { beforeAll, describe, expect, it } from 'vitest';
import { looksLikeStackTrace, runCli, type CliRun } from '../support/run-cli.ts';
import { PEOPLE, rollCsv } from '../support/small-township.ts';
import { tempFolder } from '../support/temp-folder.ts';

const root = await tempFolder();
const ledger = join(root, 'rollsweep.duckdb');
const SCAN_DATE = '2020-11-05';

async function cli(args: string[], ledgerFile = ledger): Promise<CliRun> {
  const run = await runCli([...args, '--ledger', ledgerFile]);
  expect(looksLikeStackTrace(run.stderr), run.stderr).toBe(false);
  return run;
}

async function reportWith(name: string, extra: string[], ledgerFile = ledger): Promise<{ run: CliRun; page: string }> {
  const run = await cli(['report', '--period', '2020-10', '--out', join(root, name), ...extra], ledgerFile);
  expect(run.code, run.stderr).toBe(0);
  return { run, page: await readFile(join(root, name, 'report-2020-10.html'), 'utf8') };
}

async function scanInto(ledgerFile: string, name: string): Promise<void> {
  const input = join(root, `${name}-input`);
  await mkdir(input);
  await writeFile(join(input, '低保花名册.csv'), rollCsv());
  // 张大山 owns a car: one open over_asset.vehicle finding (high), due some weeks after the scan date.
  await writeFile(join(input, '机动车登记信息.csv'), `所有人,所有人身份证号码,号牌号码,车辆类型,状态\n张大山,${PEOPLE.zhang},鲁Q12345,小型普通客车,正常\n`);
  const scan = await cli(['scan', '--input', input, '--period', '2020-10', '--as-of', SCAN_DATE, '--out', join(root, `${name}-scan`), '--quiet'], ledgerFile);
  expect(scan.code, scan.stderr).toBe(0);
}

beforeAll(async () => {
  await scanInto(ledger, 'main');
});

describe('report: 逾期 (README "The report for directors")', () => {
  it('without --as-of counts against the scan date, and says so in the page and the output line', async () => {
    const { run, page } = await reportWith('default', []);
    expect(run.stdout).toContain(`2020-10 排查整改报告（逾期按 ${SCAN_DATE} 计）：${join(root, 'default', 'report-2020-10.html')}`);
    expect(page).toContain(`data-testid="overdue">0</div>`);
    expect(page).toContain(`逾期按 <span data-testid="as-of">${SCAN_DATE}</span> 计`);
    expect(page).toContain(`其中高风险 0；逾期按 ${SCAN_DATE} 计`);
    expect(page).toContain(`整改时限早于 ${SCAN_DATE}`);
    // The scan's own workbook and `ledger export` count the same day, so all three agree.
    const exported = await cli(['ledger', 'export', '--period', '2020-10', '--out', join(root, 'export')]);
    expect(exported.stdout).toContain(`逾期按 ${SCAN_DATE} 计`);
  });

  it('with --as-of counts against that day', async () => {
    const later = await reportWith('later', ['--as-of', '2021-06-30']);
    expect(later.run.stdout).toContain('逾期按 2021-06-30 计');
    expect(later.page).toContain(`data-testid="overdue">1</div>`);
    expect(later.page).toContain('逾期按 <span data-testid="as-of">2021-06-30</span> 计');
    expect(later.page).toContain('其中高风险 1；逾期按 2021-06-30 计');
    const same = await reportWith('same-day', ['--as-of', SCAN_DATE]);
    expect(same.page).toContain(`data-testid="overdue">0</div>`);
  });

  it('refuses an --as-of that is not a date, writing nothing', async () => {
    const run = await cli(['report', '--period', '2020-10', '--out', join(root, 'bad'), '--as-of', '2021-02-30']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--as-of 应为 YYYY-MM-DD 形式的日期');
    expect(existsSync(join(root, 'bad'))).toBe(false);
  });

  it('counts a run recorded without a scan date against today', async () => {
    const old = join(root, 'old.duckdb');
    await scanInto(old, 'old');
    // A ledger made before ledger.runs kept the scan date.
    const instance = await DuckDBInstance.create(old);
    const connection = await instance.connect();
    await connection.run('UPDATE runs SET as_of = NULL');
    connection.closeSync();
    instance.closeSync();
    const before = format(new Date(), 'yyyy-MM-dd');
    const { run, page } = await reportWith('old', [], old);
    const days = [before, format(new Date(), 'yyyy-MM-dd')].join('|');
    expect(run.stdout).toMatch(new RegExp(`逾期按 (${days}) 计`));
    expect(page).toMatch(new RegExp(`逾期按 <span data-testid="as-of">(${days})</span> 计`));
    expect(page).toContain(`data-testid="overdue">1</div>`);
  });
});
