// Open findings a month's scan cannot judge again — their check did not run (a list not delivered, a check disabled
// in config), their township is not on this month's roll, or staff reopened the month's 自动销号 of them — stay open
// and belong to that month all the same: in its findings.csv and workbooks as 未复查 (with why), counted as open and
// overdue, and by --fail-on; edits to them in the month's workbook are imported. Real CLI, real DuckDB.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { onlyFindingId } from '../support/finding-rows.ts';
import { parseCsv } from '../support/parse-csv.ts';
import { cellOf, dataRows, editWorkbook, readWorkbook } from '../support/ledger-fixture.ts';
import { readLedgerRows } from '../support/read-ledger.ts';
import { looksLikeStackTrace, runCli, type CliRun } from '../support/run-cli.ts';
import { PEOPLE, ROLL_HEADER, validId } from '../support/small-township.ts';
import { tempFolder } from '../support/temp-folder.ts';

const root = await tempFolder();
const ledger = join(root, 'rollsweep.duckdb');

const zhao = validId('370481', '19900101', '123');
const wu = validId('370481', '19661111', '668');
/** Wrong check character: data_quality.id-invalid. */
const broken = (valid: string) => valid.slice(0, 17) + (valid.endsWith('0') ? '1' : '0');

const ZHANGZHUANG = [
  `张庄镇,东村,H001,张大山,${PEOPLE.zhang},户主,农村低保,1400,在保`, // owns a car: over_asset.vehicle (high)
  `张庄镇,东村,H001,李秀英,${PEOPLE.li},配偶,农村低保,1400,在保`,
  `张庄镇,西村,H002,王小明,${PEOPLE.wang},户主,农村低保,700,在保`,
  `张庄镇,西村,H004,孙七,${validId('370481', '19700505', '446')},配偶,农村低保,700,在保`, // no head (low)
];
const october = [
  ...ZHANGZHUANG,
  `张庄镇,西村,H003,赵六,${broken(zhao)},户主,农村低保,700,在保`, // id-invalid, fixed in November → 自动销号
  `李庄镇,南村,H010,吴九,${broken(wu)},户主,农村低保,700,在保`, // id-invalid in a township November's roll lacks
];
// November: 赵六's number fixed, 李庄镇 not exported, no 机动车登记信息, household-no-head disabled in config.
const november = [...ZHANGZHUANG, `张庄镇,西村,H003,赵六,${zhao},户主,农村低保,700,在保`];
const VEHICLES = `所有人,所有人身份证号码,号牌号码,车辆类型,状态\n张大山,${PEOPLE.zhang},鲁Q12345,小型普通客车,正常\n`;

async function writeMonth(name: string, rows: string[], vehicles: boolean): Promise<string> {
  const folder = join(root, name);
  await mkdir(folder, { recursive: true });
  await writeFile(join(folder, '低保花名册.csv'), `${[ROLL_HEADER, ...rows].join('\n')}\n`);
  if (vehicles) await writeFile(join(folder, '机动车登记信息.csv'), VEHICLES);
  return folder;
}

async function cli(args: string[]): Promise<CliRun> {
  const run = await runCli([...args, '--ledger', ledger]);
  expect(looksLikeStackTrace(run.stderr), run.stderr).toBe(false);
  return run;
}

const config = join(root, 'november.config.json');
const out = (period: string) => join(root, `out-${period}`);

async function scanNovember(extra: string[] = []): Promise<CliRun> {
  return cli(['scan', '--input', join(root, '2026-11'), '--period', '2026-11', '--as-of', '2026-11-28', '--out', out('2026-11'),
    '--config', config, '--quiet', ...extra]);
}

async function summaryOf(period: string): Promise<Record<string, unknown>> {
  return (JSON.parse(await readFile(join(out(period), 'summary.json'), 'utf8')) as { findings: Record<string, unknown> }).findings;
}

async function findingsCsv(period: string): Promise<Record<string, string>[]> {
  return parseCsv(await readFile(join(out(period), 'findings.csv'), 'utf8'));
}

const statusOf = async (findingId: string) =>
  (await readLedgerRows(ledger, `SELECT status, note FROM findings WHERE finding_id = '${findingId}'`))[0];

const ids: Record<string, string> = {};
let novemberRun: CliRun;

beforeAll(async () => {
  await writeFile(config, JSON.stringify({ checks: { 'data_quality.household-no-head': { enabled: false } } }));
  const first = await cli(['scan', '--input', await writeMonth('2026-10', october, true), '--period', '2026-10', '--as-of', '2026-11-05',
    '--out', out('2026-10'), '--quiet']);
  expect(first.code, first.stderr).toBe(0);
  const rows = await findingsCsv('2026-10');
  const pick = (check: string, household: string) => onlyFindingId(rows, { check_id: check, household_id: household });
  ids['vehicle'] = pick('over_asset.vehicle', 'H001');
  ids['noHead'] = pick('data_quality.household-no-head', 'H004');
  ids['fixed'] = pick('data_quality.id-invalid', 'H003');
  ids['otherTownship'] = pick('data_quality.id-invalid', 'H010');
  // Not yet due on November's scan date (the others, 15 days from 2026-11-05, are).
  expect((await cli(['ledger', 'set', ids['noHead']!, '--deadline', '2027-01-31'])).code).toBe(0);
  await writeMonth('2026-11', november, false);
  novemberRun = await scanNovember(['--fail-on', 'high']);
});

describe('open findings a month cannot judge again are carried into it (ledger.md)', () => {
  it('stay open, not 自动销号; the one fixed and looked at again is closed', async () => {
    for (const key of ['vehicle', 'noHead', 'otherTownship']) expect(await statusOf(ids[key]!), key).toMatchObject({ status: '待核实' });
    expect(await statusOf(ids['fixed']!)).toMatchObject({ status: '自动销号' });
  });

  it('are in the month\'s findings.csv with their status and tracking 未复查 and why', async () => {
    const november = Object.fromEntries((await findingsCsv('2026-11')).map((r) => [r['finding_id'], r]));
    expect(november[ids['vehicle']!]).toMatchObject({ status: '待核实', first_seen: '2026-10', tracking: '未复查：本月缺少机动车登记信息' });
    expect(november[ids['noHead']!]).toMatchObject({ status: '待核实', tracking: '未复查：检查未运行（配置中已停用）' });
    expect(november[ids['otherTownship']!]).toMatchObject({ status: '待核实', township: '李庄镇', tracking: '未复查：本月花名册无该乡镇' });
    expect(november[ids['vehicle']!]!['evidence']).toContain('鲁Q12345');
    expect(november[ids['fixed']!]).toBeUndefined();
  });

  it('ledger show lists the month that carried one unjudged, with why, after the months that saw it', async () => {
    const shown = await cli(['ledger', 'show', ids['vehicle']!]);
    expect(shown.code, shown.stderr).toBe(0);
    const history = shown.stdout.slice(shown.stdout.indexOf('历次扫描'), shown.stdout.indexOf('变更记录'));
    expect(history).toMatch(/^历次扫描（2）\s+其中 1 个月未复查/);
    expect(history).toMatch(/\n {2}2026-10 {2}新发现 .*\n {2}2026-11 {2}未复查：本月缺少机动车登记信息 {2}多发 — {2}运行 2026-11-/);
    expect(shown.stdout).toContain('最近发现 2026-10'); // carried, not seen again
    expect(shown.stdout).not.toContain(PEOPLE.zhang);
    expect(shown.stdout).toContain(`${PEOPLE.zhang.slice(0, 6)}********${PEOPLE.zhang.slice(-4)}`);
  });

  it('are counted as open, overdue when past their deadline, and carried', async () => {
    expect(await summaryOf('2026-11')).toMatchObject({
      previous_period: '2026-10', new: 0, auto_closed: 1, carried: 3, open: 3, overdue: 2, open_by_severity: { high: 1, medium: 1, low: 1 },
    });
    // And among the month's findings, as in its findings.csv (until 2026-12-05 summary.json counted the scan's own only).
    const november = await findingsCsv('2026-11');
    expect(await summaryOf('2026-11')).toMatchObject({ total: november.length, by_category: { over_asset: 1, data_quality: 2 } });
  });

  it('fail --fail-on: the carried car owner is an open high finding', () => {
    expect(novemberRun.code, novemberRun.stderr).toBe(1);
    expect(novemberRun.stderr).toMatch(/--fail-on high：本次扫描有 1 条 high 及以上级别的未办结问题/);
  });

  it('are listed in the month\'s township workbooks, counted as open in 汇总', async () => {
    const zhangzhuang = await readWorkbook(join(out('2026-11'), 'ledger', '张庄镇.xlsx'));
    expect(cellOf(zhangzhuang.getWorksheet('东村')!, ids['vehicle']!, '跟踪情况').value).toBe('未复查：本月缺少机动车登记信息');
    expect(cellOf(zhangzhuang.getWorksheet('西村')!, ids['noHead']!, '跟踪情况').value).toBe('未复查：检查未运行（配置中已停用）');
    const lizhuang = await readWorkbook(join(out('2026-11'), 'ledger', '李庄镇.xlsx'));
    expect(cellOf(lizhuang.getWorksheet('南村')!, ids['otherTownship']!, '整改状态').value).toBe('待核实');
    const summary = dataRows(lizhuang.getWorksheet('汇总')!).find((row) => row.values['村(社区)'] === '南村')!;
    expect(summary.values).toMatchObject({ 未办结: 1, 逾期: 1 });
  });

  it('edits to them in the month\'s workbook are imported', async () => {
    const returned = await editWorkbook(join(out('2026-11'), 'ledger', '张庄镇.xlsx'), join(root, '张庄镇-returned.xlsx'), (workbook) => {
      cellOf(workbook.getWorksheet('东村')!, ids['vehicle']!, '整改状态').value = '核实中';
      cellOf(workbook.getWorksheet('东村')!, ids['vehicle']!, '备注').value = '车管所名单下月补报';
    });
    const imported = await cli(['ledger', 'import', returned]);
    expect(imported.code, imported.stdout + imported.stderr).toBe(0);
    expect(await statusOf(ids['vehicle']!)).toEqual({ status: '核实中', note: '车管所名单下月补报' });
  });

  it('a 自动销号 staff reopened is listed again when the month is rescanned (人工保留), once; so is every carried finding', async () => {
    expect((await cli(['ledger', 'set', ids['fixed']!, '--status', '核实中', '--note', '号码仍待派出所确认'])).code).toBe(0);
    const again = await scanNovember();
    expect(again.code, again.stderr).toBe(0);
    expect(await statusOf(ids['fixed']!)).toMatchObject({ status: '核实中' });
    const november = await findingsCsv('2026-11');
    expect(november.filter((r) => r['finding_id'] === ids['fixed'])).toEqual([
      expect.objectContaining({ status: '核实中', tracking: '人工保留：本月未再发现，自动销号已由工作人员撤回' }),
    ]);
    expect(november.map((r) => r['finding_id']).sort()).toEqual([ids['fixed'], ids['noHead'], ids['otherTownship'], ids['vehicle']].sort());
    expect(await summaryOf('2026-11')).toMatchObject({ auto_closed: 0, carried: 4, open: 4 });
    const shown = (await cli(['ledger', 'show', ids['fixed']!])).stdout;
    expect(shown.match(/^ {2}2026-11 .*$/gm)).toEqual([expect.stringContaining('2026-11  人工保留：本月未再发现，自动销号已由工作人员撤回')]);
    const zhangzhuang = await readWorkbook(join(out('2026-11'), 'ledger', '张庄镇.xlsx'));
    expect(cellOf(zhangzhuang.getWorksheet('西村')!, ids['fixed']!, '整改状态').value).toBe('核实中');
  });
});

// A finding about a row of a list, or resting on one, is judged again only in a month that delivers that list.
describe('a finding drawn from a list not delivered this month is not 自动销号 (its source_dataset, compared_datasets)', () => {
  const listLedger = join(root, 'lists.duckdb');
  const listIds: Record<string, string> = {};
  const listScan = async (period: string, asOf: string, withLists: boolean) => {
    const folder = join(root, `lists-${period}`);
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, '低保花名册.csv'), `${[ROLL_HEADER, ...ZHANGZHUANG.slice(0, 3)].join('\n')}\n`);
    if (withLists) {
      await writeFile(join(folder, '机动车登记信息.csv'), [
        '所有人,所有人身份证号码,号牌号码,车辆类型,状态',
        `某某,${broken(zhao)},鲁Q54321,小型普通客车,正常`, // id-invalid in the vehicle list
        `王晓明,${PEOPLE.wang},鲁Q67890,二轮摩托车,注销`, // 王小明's number under another name: id-name-conflict
      ].join('\n') + '\n');
      await writeFile(join(folder, '金融资产核对反馈.csv'), `姓名,证件号码,金融机构名称,金融资产,截止日期\n张大山,${PEOPLE.zhang},农村商业银行,约5万,2026-09-30\n`);
    }
    const run = await runCli(['scan', '--input', folder, '--period', period, '--as-of', asOf, '--ledger', listLedger, '--out', join(root, `lists-out-${period}`), '--quiet']);
    expect(looksLikeStackTrace(run.stderr), run.stderr).toBe(false);
    expect(run.code, run.stderr).toBe(0);
    return parseCsv(await readFile(join(root, `lists-out-${period}`, 'findings.csv'), 'utf8'));
  };

  beforeAll(async () => {
    const october = await listScan('2026-10', '2026-11-05', true);
    const pick = (check: string, dataset: string) => onlyFindingId(october, { check_id: check, source_dataset: dataset });
    listIds['badDeposit'] = pick('data_quality.bad-row', 'deposits');
    listIds['badVehicleId'] = pick('data_quality.id-invalid', 'vehicles');
    listIds['nameConflict'] = pick('data_quality.id-name-conflict', 'roll');
  });

  it('stays open and is carried as 未复查：本月缺少<list> in a month without the list', async () => {
    const november = Object.fromEntries((await listScan('2026-11', '2026-11-28', false)).map((r) => [r['finding_id'], r]));
    expect(november[listIds['badDeposit']!]).toMatchObject({ status: '待核实', tracking: '未复查：本月缺少金融资产核对结果' });
    expect(november[listIds['badVehicleId']!]).toMatchObject({ status: '待核实', tracking: '未复查：本月缺少机动车登记信息' });
    expect(november[listIds['nameConflict']!]).toMatchObject({ status: '待核实', tracking: '未复查：本月缺少机动车登记信息' });
    const statuses = await readLedgerRows(listLedger, `SELECT DISTINCT status FROM findings WHERE finding_id IN ('${Object.values(listIds).join("', '")}')`);
    expect(statuses).toEqual([{ status: '待核实' }]);
  });

  it('is 自动销号 once a month delivers the list without it', async () => {
    const folder = join(root, 'lists-2026-12');
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, '低保花名册.csv'), `${[ROLL_HEADER, ...ZHANGZHUANG.slice(0, 3)].join('\n')}\n`);
    await writeFile(join(folder, '机动车登记信息.csv'), `所有人,所有人身份证号码,号牌号码,车辆类型,状态\n王小明,${PEOPLE.wang},鲁Q67890,二轮摩托车,注销\n`);
    await writeFile(join(folder, '金融资产核对反馈.csv'), `姓名,证件号码,金融机构名称,金融资产,截止日期\n张大山,${PEOPLE.zhang},农村商业银行,500,2026-11-30\n`);
    const run = await runCli(['scan', '--input', folder, '--period', '2026-12', '--as-of', '2026-12-28', '--ledger', listLedger, '--out', join(root, 'lists-out-2026-12'), '--quiet']);
    expect(run.code, run.stderr).toBe(0);
    const statuses = await readLedgerRows(listLedger, `SELECT DISTINCT status FROM findings WHERE finding_id IN ('${Object.values(listIds).join("', '")}')`);
    expect(statuses).toEqual([{ status: '自动销号' }]);
  });
});
