// A month's figures cover the month as its findings.csv lists it: summary.json's counts and money, the scan's console
// line, and the report's trend row count the findings the scan raised and the open ones it carried unjudged (未复查),
// and the money leaves 误报 out as the report and the workbooks do. The demo township scanned as October, as November
// without the deaths list (which carries every open deceased finding), and as December with it again, after staff found
// one deceased finding a false alarm (误报). Real CLI, real DuckDB.
import { cp, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ScanSummary } from '../../scanner/export/summary.ts';
import { SAMPLE_CONFIG, SAMPLE_INPUT } from '../support/ledger-fixture.ts';
import { parseCsv } from '../support/parse-csv.ts';
import { looksLikeStackTrace, runCli, type CliRun } from '../support/run-cli.ts';
import { tempFolder } from '../support/temp-folder.ts';

const root = await tempFolder('rollsweep-month-totals-');
const ledger = join(root, 'rollsweep.duckdb');
const out = (period: string) => join(root, `out-${period}`);

async function cli(args: string[]): Promise<CliRun> {
  const run = await runCli([...args, '--ledger', ledger]);
  expect(looksLikeStackTrace(run.stderr), run.stderr).toBe(false);
  expect(run.code, run.stderr).toBe(0);
  return run;
}

const scanMonth = (input: string, period: string, asOf: string) =>
  cli(['scan', '--input', input, '--period', period, '--as-of', asOf, '--config', SAMPLE_CONFIG, '--out', out(period), '--quiet']);

const findingsCsv = async (period: string) => parseCsv(await readFile(join(out(period), 'findings.csv'), 'utf8'));

type SummaryFindings = ScanSummary['findings'];

const summaryOf = async (period: string) =>
  (JSON.parse(await readFile(join(out(period), 'summary.json'), 'utf8')) as { findings: SummaryFindings }).findings;

function countBy(rows: Record<string, string>[], key: (row: Record<string, string>) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const row of rows) counts[key(row)] = (counts[key(row)] ?? 0) + 1;
  return counts;
}

/** Exact yuan from the CSV's amounts (cents, so that no float error creeps in). */
function yuanOf(rows: Record<string, string>[]): string {
  const cents = rows.reduce((sum, row) => sum + (row['overpayment_yuan'] ? Math.round(Number(row['overpayment_yuan']) * 100) : 0), 0);
  return (cents / 100).toFixed(2);
}

const isCarried = (row: Record<string, string>) => /^(未复查|人工保留)：/.test(row['tracking']!);

let october: Record<string, string>[];
let november: Record<string, string>[];
let december: Record<string, string>[];
let novemberScan: CliRun;
let falsePositive: Record<string, string>;
const reports: Record<string, string> = {};

async function writeReport(period: string): Promise<void> {
  await cli(['report', '--period', period, '--out', join(root, 'report')]);
  reports[period] = await readFile(join(root, 'report', `report-${period}.html`), 'utf8');
}

beforeAll(async () => {
  await scanMonth(SAMPLE_INPUT, '2026-10', '2026-11-05');
  october = await findingsCsv('2026-10');
  // A deceased finding with money that staff found a false alarm: found again in December, not in its money.
  falsePositive = october.find((row) => row['category'] === 'deceased' && Number(row['overpayment_yuan']) > 0)!;
  await cli(['ledger', 'set', falsePositive['finding_id']!, '--status', '误报', '--note', '入户核实：人员健在，户籍误注销']);
  const withoutDeaths = join(root, 'november-input');
  await cp(SAMPLE_INPUT, withoutDeaths, { recursive: true });
  await rm(join(withoutDeaths, '公安户籍注销死亡人员.csv'));
  novemberScan = await cli(['scan', '--input', withoutDeaths, '--period', '2026-11', '--as-of', '2026-12-05', '--config', SAMPLE_CONFIG,
    '--out', out('2026-11')]);
  november = await findingsCsv('2026-11');
  // Before December's scan changes any status, so that the month's cards still show it as scanned.
  await writeReport('2026-11');
  await scanMonth(SAMPLE_INPUT, '2026-12', '2027-01-05');
  december = await findingsCsv('2026-12');
  await writeReport('2026-12');
}, 120_000);

describe('summary.json counts the rows of the month\'s findings.csv, the carried ones included', () => {
  it('total, by_category, by_severity and by_village', async () => {
    // The month carries the open deceased findings, with their money (else this file tests nothing).
    const carriedDeceased = november.filter((row) => row['category'] === 'deceased');
    expect(carriedDeceased.length).toBeGreaterThan(5);
    expect(carriedDeceased.every((row) => row['tracking'] === '未复查：本月缺少死亡人员名单')).toBe(true);
    expect(Number(yuanOf(carriedDeceased))).toBeGreaterThan(0);
    const summary = await summaryOf('2026-11');
    expect(summary.total).toBe(november.length);
    expect(summary.by_category).toEqual(countBy(november, (row) => row['category']!));
    expect(summary.by_severity).toEqual(countBy(november, (row) => row['severity']!));
    expect(summary.by_village).toEqual(countBy(november, (row) => `${row['township']}/${row['village'] || '（未关联到村）'}`));
    expect(summary.carried).toBe(november.filter(isCarried).length);
  });

  it('overpayment_yuan: the rows\' amounts, and so the console line; listings are the scan\'s own, as before', async () => {
    const summary = await summaryOf('2026-11');
    expect(summary.overpayment_yuan).toBe(yuanOf(november));
    expect(novemberScan.stdout).toContain(`问题 ${november.length} 条，另有备案/清单类 ${summary.listings} 条；估算多发金额 ${summary.overpayment_yuan} 元`);
    expect(await summaryOf('2026-10')).toMatchObject({ total: october.length, overpayment_yuan: yuanOf(october), listings: summary.listings });
    expect(summary.listings).toBeGreaterThan(0);
  });

  it('overpayment_yuan leaves out a 误报 finding, as the report\'s 应追回金额 and the 汇总 sheet do', async () => {
    const row = december.find((r) => r['finding_id'] === falsePositive['finding_id'])!;
    expect(row).toMatchObject({ status: '误报', tracking: '误报', overpayment_yuan: falsePositive['overpayment_yuan'] });
    const summary = await summaryOf('2026-12');
    expect(summary.total).toBe(december.length);
    expect(summary.overpayment_yuan).toBe(yuanOf(december.filter((r) => r['status'] !== '误报')));
  });
});

/** The text of the element with `data-testid` in a month's report, and its detail line where it is a card. */
function card(period: string, testId: string): { value: string; detail: string | undefined } {
  const match = new RegExp(`data-testid="${testId}">([^<]*)</div>(?:\\s*<div class="detail">([^<]*)</div>)?`).exec(reports[period]!);
  expect(match, testId).not.toBeNull();
  return { value: match![1]!, detail: match![2] };
}

/** The trend row of `period` in the report on `reportPeriod`, by data-field. */
function trendRow(reportPeriod: string, period: string): Record<string, string> {
  const row = new RegExp(`<tr data-testid="trend-row" data-period="${period}">([\\s\\S]*?)</tr>`).exec(reports[reportPeriod]!);
  expect(row, period).not.toBeNull();
  return Object.fromEntries([...row![1]!.matchAll(/data-field="([^"]+)">([^<]*)</g)].map((m) => [m[1]!, m[2]!]));
}

const count = (text: string) => Number(text.replace(/,/g, ''));

describe('the report\'s trend counts a month as its findings.csv, and overdue as the cards do', () => {
  it('the month\'s row: findings, open and overdue agree with the cards, the money with summary.json', async () => {
    const row = trendRow('2026-11', '2026-11');
    expect(count(row['findings']!)).toBe(november.length);
    expect(count(row['open']!)).toBe(count(card('2026-11', 'open').value));
    expect(count(row['overdue']!)).toBe(count(card('2026-11', 'overdue').value));
    // The carried ones past their 整改时限 among them: the scan's 逾期 alone are fewer.
    expect(count(row['overdue']!)).toBeGreaterThan(november.filter((r) => r['tracking'] === '逾期').length);
    expect(row['overpayment']!.replace(/,/g, '')).toBe((await summaryOf('2026-11')).overpayment_yuan);
  });

  it('every month\'s row: its own findings.csv, and its money as its scan left it (its summary.json)', async () => {
    // October's findings.csv was written before staff found the false alarm: October's row keeps its money, as October's
    // summary.json does; November's and December's scans ran after it, and leave it out. Until 2026-12-07 every row left
    // out what is 误报 now, so a later 误报 rewrote a month already reported.
    for (const [period, rows] of [['2026-10', october], ['2026-11', november], ['2026-12', december]] as const) {
      const row = trendRow('2026-12', period);
      expect(count(row['findings']!), period).toBe(rows.length);
      expect(row['overpayment']!.replace(/,/g, ''), period).toBe((await summaryOf(period)).overpayment_yuan);
    }
    expect(trendRow('2026-12', '2026-10')['overpayment']!.replace(/,/g, '')).toBe(yuanOf(october));
    const notFalsePositive = (r: Record<string, string>) => r['finding_id'] !== falsePositive['finding_id'];
    expect(trendRow('2026-12', '2026-11')['overpayment']!.replace(/,/g, '')).toBe(yuanOf(november.filter(notFalsePositive)));
  });

  it('the card says what the scan found apart from what it carried unjudged', () => {
    const found = november.filter((row) => !isCarried(row)).length;
    const carried = november.filter(isCarried).length;
    expect(card('2026-11', 'total-findings').detail).toMatch(new RegExp(`^本月扫描发现 ${found}，另有未复查 ${carried}，本月自动销号 \\d+$`));
  });
});
