// `ledger export` counts 逾期 in its 汇总 sheet against the period's scan date, as the scan's own workbooks do, or
// against the day given with --as-of; never silently against the day it happens to run (until 2026-12-03 it did, and
// --as-of was refused). The month scanned is 2020-10, so its deadlines are long past whatever day the test runs.
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { dataRows, readWorkbook } from '../support/ledger-fixture.ts';
import { looksLikeStackTrace, runCli, type CliRun } from '../support/run-cli.ts';
import { PEOPLE, rollCsv } from '../support/small-township.ts';
import { tempFolder } from '../support/temp-folder.ts';

const root = await tempFolder();
const ledger = join(root, 'rollsweep.duckdb');
const SCAN_DATE = '2020-11-05';

async function cli(args: string[]): Promise<CliRun> {
  const run = await runCli([...args, '--ledger', ledger]);
  expect(looksLikeStackTrace(run.stderr), run.stderr).toBe(false);
  return run;
}

/** The 汇总 sheet's 合计 row and its closing note. */
async function summaryOf(workbook: string): Promise<{ total: Record<string, unknown>; note: string }> {
  const rows = dataRows((await readWorkbook(workbook)).getWorksheet('汇总')!);
  const total = rows.find((row) => row.values['村(社区)'] === '合计')!.values;
  const note = String(rows.at(-1)!.values['村(社区)']);
  return { total, note };
}

async function exportWith(name: string, extra: string[]): Promise<CliRun> {
  return cli(['ledger', 'export', '--period', '2020-10', '--out', join(root, name), ...extra]);
}

beforeAll(async () => {
  const input = join(root, 'input');
  await mkdir(input);
  await writeFile(join(input, '低保花名册.csv'), rollCsv());
  // 张大山 owns a car: one open over_asset.vehicle finding, due some weeks after the scan date.
  await writeFile(join(input, '机动车登记信息.csv'), `所有人,所有人身份证号码,号牌号码,车辆类型,状态\n张大山,${PEOPLE.zhang},鲁Q12345,小型普通客车,正常\n`);
  const scan = await cli(['scan', '--input', input, '--period', '2020-10', '--as-of', SCAN_DATE, '--out', join(root, 'scan'), '--quiet']);
  expect(scan.code, scan.stderr).toBe(0);
});

describe('ledger export: 逾期 in 汇总 (README "The workbooks")', () => {
  it('without --as-of counts against the scan date, agreeing with the scan\'s own workbook', async () => {
    const scanned = await summaryOf(join(root, 'scan', 'ledger', '张庄镇.xlsx'));
    expect(scanned.total).toMatchObject({ 未办结: 1, 逾期: 0 });
    const run = await exportWith('default', []);
    expect(run.code, run.stderr).toBe(0);
    const exported = await summaryOf(join(root, 'default', '张庄镇.xlsx'));
    expect(exported.total).toEqual(scanned.total);
    expect(run.stdout).toContain(`逾期按 ${SCAN_DATE} 计`);
    expect(exported.note).toContain(`整改时限早于 ${SCAN_DATE}`);
  });

  it('with --as-of counts against that day', async () => {
    const later = await exportWith('later', ['--as-of', '2021-06-30']);
    expect(later.code, later.stderr).toBe(0);
    expect(later.stdout).toContain('逾期按 2021-06-30 计');
    const summary = await summaryOf(join(root, 'later', '张庄镇.xlsx'));
    expect(summary.total).toMatchObject({ 未办结: 1, 逾期: 1 });
    expect(summary.note).toContain('整改时限早于 2021-06-30');
    const same = await exportWith('same-day', ['--as-of', SCAN_DATE]);
    expect(same.code, same.stderr).toBe(0);
    expect((await summaryOf(join(root, 'same-day', '张庄镇.xlsx'))).total).toMatchObject({ 逾期: 0 });
  });

  it('refuses an --as-of that is not a date, writing nothing', async () => {
    const run = await exportWith('bad', ['--as-of', '2021-02-30']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--as-of 应为 YYYY-MM-DD 形式的日期');
    expect(existsSync(join(root, 'bad'))).toBe(false);
  });
});
