// A past month's report as the month stood, through the real CLI: a small township scanned with a county's own check for
// October, then November's roll renaming a village and a head of household (same ID), and a September scanned after
// October (a backfill). October's report must name the village and the person as October's roll did; September's trend
// row must be what its own summary.json said; and a custom check that failed as it ran is named among the checks not run.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readWorkbook } from '../support/ledger-fixture.ts';
import { parseCsv } from '../support/parse-csv.ts';
import { looksLikeStackTrace, runCli } from '../support/run-cli.ts';
import { PEOPLE, ROLL_HEADER } from '../support/small-township.ts';
import { tempFolder } from '../support/temp-folder.ts';

type Summary = { findings: { total: number; open: number; overdue: number; overpayment_yuan: string; backfill: boolean }; checks_skipped: { id: string }[] };

/** A county's check: every member paid over 1,000 yuan a month, high, 50.00 yuan each. Its fact is the ID alone. */
const BIG_AMOUNT = {
  id: 'data_quality.county-big-amount', category: 'data_quality', severity: 'high', title: '月保障金超过 1000 元',
  description: '县里自定的核查口径', basis: '县民政局 2026 年第 3 号通知', inputs: ['roll'], remedy: '入户核实', deadlineDays: 20,
  sql: ['SELECT id_number AS subject_id, name AS subject_name, household_id, county, township, village, program,',
    "       'big|' || coalesce(id_number, id_raw, '') AS fact, '月保障金 ' || monthly_amount_cents // 100 || ' 元' AS evidence,",
    '       5000 AS overpayment_cents', 'FROM roll WHERE monthly_amount_cents > 100000'],
};
/** A county's check whose SQL fails as it runs: recorded as not run, the rest of the month as usual (exit 2). */
const BROKEN = {
  ...BIG_AMOUNT, id: 'data_quality.county-broken', title: '写错的检查',
  sql: "SELECT id_number AS subject_id, name AS subject_name, household_id, county, township, village, program, 'x' || no_such_column AS fact, 'x' AS evidence FROM roll",
};

const root = await tempFolder('rollsweep-past-month-');
const pages: Record<string, string> = {};
const summaries: Record<string, Summary> = {};
const outs: Record<string, string> = {};

function roll(village: string, head: string): string {
  return [ROLL_HEADER, `张庄镇,${village},H001,${head},${PEOPLE.zhang},户主,农村低保,1400,在保`,
    `张庄镇,${village},H001,李秀英,${PEOPLE.li},配偶,农村低保,1400,在保`, `张庄镇,西村,H002,王小明,${PEOPLE.wang},户主,农村低保,700,在保`].join('\n') + '\n';
}

async function folderWith(name: string, files: Record<string, string>): Promise<string> {
  const folder = join(root, name);
  await mkdir(folder);
  for (const [file, text] of Object.entries(files)) await writeFile(join(folder, file), text);
  return folder;
}

async function cli(args: string[], code = 0): Promise<void> {
  const run = await runCli(args);
  expect(looksLikeStackTrace(run.stderr), run.stderr).toBe(false);
  expect(run.code, run.stderr).toBe(code);
}

async function scan(ledger: string, input: string, checks: string, period: string, asOf: string, code = 0): Promise<Record<string, string>[]> {
  const out = join(root, `${ledger}-${period}`);
  outs[`${ledger}-${period}`] = out;
  await cli(['scan', '--input', input, '--checks-dir', checks, '--period', period, '--as-of', asOf,
    '--ledger', join(root, `${ledger}.duckdb`), '--out', out, '--quiet'], code);
  summaries[`${ledger}-${period}`] = JSON.parse(await readFile(join(out, 'summary.json'), 'utf8')) as Summary;
  return parseCsv(await readFile(join(out, 'findings.csv'), 'utf8'));
}

async function report(ledger: string, period: string): Promise<string> {
  const out = join(root, `report-${ledger}-${period}`);
  await cli(['report', '--period', period, '--out', out, '--ledger', join(root, `${ledger}.duckdb`)]);
  return readFile(join(out, `report-${period}.html`), 'utf8');
}

function trendRow(page: string, period: string): Record<string, string> {
  const row = new RegExp(`<tr data-testid="trend-row" data-period="${period}">[\\s\\S]*?</tr>`).exec(page)?.[0] ?? '';
  return Object.fromEntries([...row.matchAll(/data-field="([^"]+)">([^<]*)</g)].map((m) => [m[1], m[2]]));
}

function asTrendCells(summary: Summary): Record<string, string> {
  const yuan = Number(summary.findings.overpayment_yuan).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return { findings: String(summary.findings.total), open: String(summary.findings.open), overdue: String(summary.findings.overdue), overpayment: yuan };
}

function villagesOf(page: string): string[] {
  return [...page.matchAll(/<tr data-testid="village-row" data-township="[^"]*" data-village="([^"]*)">/g)].map((m) => m[1]!).sort();
}

function namesOf(page: string): string[] {
  return [...page.matchAll(/<td class="name" data-field="name">([^<]*)</g)].map((m) => m[1]!).sort();
}

beforeAll(async () => {
  const checks = await folderWith('checks', { 'big.json': JSON.stringify(BIG_AMOUNT) });
  const checksOneBroken = await folderWith('checks-broken', { 'big.json': JSON.stringify(BIG_AMOUNT), 'broken.json': JSON.stringify(BROKEN) });
  // Renames: 东村 becomes 新东村 in November's roll, and its head 张大山 is written 张大善 (the same ID, the same findings).
  await scan('renamed', await folderWith('october', { '低保花名册.csv': roll('东村', '张大山') }), checks, '2026-10', '2026-11-05');
  await scan('renamed', await folderWith('november', { '低保花名册.csv': roll('新东村', '张大善') }), checksOneBroken, '2026-11', '2026-12-05', 2);
  pages['renamed-10'] = await report('renamed', '2026-10');
  pages['renamed-11'] = await report('renamed', '2026-11');
  // A backfill: October scanned, one finding 误报, then September scanned (the same roll), then the other 误报 too.
  const september = await folderWith('september', { '低保花名册.csv': roll('东村', '张大山') });
  const [first, second] = await scan('backfill', september, checks, '2026-10', '2026-11-05');
  await cli(['ledger', 'set', first!['finding_id']!, '--status', '误报', '--note', '核实为误报', '--ledger', join(root, 'backfill.duckdb')]);
  await scan('backfill', september, checks, '2026-09', '2026-10-05');
  await cli(['ledger', 'set', second!['finding_id']!, '--status', '误报', '--note', '核实为误报', '--ledger', join(root, 'backfill.duckdb')]);
  pages['backfill-09'] = await report('backfill', '2026-09');
  pages['backfill-10'] = await report('backfill', '2026-10');
}, 600_000);

describe('a past month\'s report after a later roll renamed a village and a person', () => {
  it('names them as the month\'s own roll did', () => {
    // Until 2026-12-07 October's village table and its high findings read 新东村 and 张大善, November's names.
    expect(villagesOf(pages['renamed-10']!)).toEqual(['东村']);
    expect(namesOf(pages['renamed-10']!)).toEqual(['张大山', '李秀英']);
    expect(pages['renamed-10']).not.toContain('新东村');
    expect(pages['renamed-10']).not.toContain('张大善');
  });

  it('and the later month by its own', () => {
    expect(villagesOf(pages['renamed-11']!)).toEqual(['新东村']);
    expect(namesOf(pages['renamed-11']!)).toEqual(['张大善', '李秀英']);
  });
});

describe('a month recorded by a backfill', () => {
  it('has the trend row its own summary.json said, in its report and the later month\'s', () => {
    const summary = summaries['backfill-2026-09']!;
    expect(summary.findings).toMatchObject({ backfill: true, total: 2, open: 1 });
    // Until 2026-12-07 a backfill's findings (补扫) were never open in the trend: 未办结 0 beside a summary.json of 1.
    expect(trendRow(pages['backfill-09']!, '2026-09')).toMatchObject(asTrendCells(summary));
    expect(trendRow(pages['backfill-10']!, '2026-09')).toMatchObject(asTrendCells(summary));
    expect(pages['backfill-09']).toContain('2026-09（补扫）');
  });

  it('says its statuses could not be replayed as they stood at its close', () => {
    expect(/data-testid="status-moment">([^<]*)</.exec(pages['backfill-09']!)?.[1]).toMatch(/^本月的扫描记录晚于 2026-10 的扫描（补扫或重扫），台账无法还原本月月末的情况/);
  });

  it('leaves the month scanned before it as its own summary.json said', () => {
    expect(trendRow(pages['backfill-10']!, '2026-10')).toMatchObject(asTrendCells(summaries['backfill-2026-10']!));
  });
});

describe('a custom check that failed as it ran', () => {
  it('is named among the checks not run, in the report and the 汇总, as in summary.json', async () => {
    expect(summaries['renamed-2026-11']!.checks_skipped.map((c) => c.id)).toContain(BROKEN.id);
    const notice = /<div class="notice" data-testid="checks-not-run">[\s\S]*?<\/div>/.exec(pages['renamed-11']!)?.[0] ?? '';
    expect(notice).toContain(`未运行 ${BROKEN.id}：`);
    expect(pages['renamed-10']).not.toContain(BROKEN.id);
    const workbook = await readWorkbook(join(outs['renamed-2026-11']!, 'ledger', '张庄镇.xlsx'));
    const texts: string[] = [];
    workbook.getWorksheet('汇总')!.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.value))));
    expect(texts.find((text) => text.includes('项检查，没有排查本月数据'))).toContain(`${BROKEN.id}——`);
  });

  it('refused before anything is read, records no month at all', async () => {
    const refused = await folderWith('checks-refused', {
      'steal.json': JSON.stringify({ ...BIG_AMOUNT, id: 'data_quality.county-steal', sql: "SELECT * FROM read_csv('/etc/passwd')" }),
    });
    const run = await runCli(['scan', '--input', join(root, 'october'), '--checks-dir', refused, '--period', '2026-10',
      '--ledger', join(root, 'refused.duckdb'), '--out', join(root, 'refused'), '--quiet']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('被拒绝');
    const reported = await runCli(['report', '--period', '2026-10', '--ledger', join(root, 'refused.duckdb'), '--out', join(root, 'refused-report')]);
    expect(reported.code).not.toBe(0);
  });
});
