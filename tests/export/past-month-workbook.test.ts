// A past month's workbook, exported again after later months were scanned, shows the month as it stood at its close,
// as the month's report does: until 2026-12-07 it showed today's statuses under the month's title, so October's 汇总
// counted November's 自动销号 as October's and left out October's closures that November's scan reopened. Staff can
// still fill such a workbook in and import it, and nothing in it goes over a value changed after the month's close.
// The 汇总 also names the checks the month's scan did not run (December, scanned without 机动车登记信息.csv).
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cellInWorkbook, dataRows, editWorkbook, queryLedger, readWorkbook } from '../support/ledger-fixture.ts';
import { ledgerMonths } from '../support/ledger-months.ts';
import { looksLikeStackTrace, runCli } from '../support/run-cli.ts';
import { PEOPLE, rollCsv, validId } from '../support/small-township.ts';
import { tempFolder } from '../support/temp-folder.ts';

const root = await tempFolder();
const months = ledgerMonths(root, 'ledger');
const ZHAO = validId('370481', '19700808', '446');
const ROLL = rollCsv([`张庄镇,西村,H003,赵四,${ZHAO},户主,农村低保,700,在保`]);
const VEHICLE_HEADER = '所有人,所有人身份证号码,号牌号码,车辆类型,状态';

/** Each household's car finding: 张大山 (H001) closed in October and found again in November, 王小明 (H002) open in
 *  October and gone in November (自动销号), 赵四 (H003) closed in October and gone in November. */
const ids = { zhang: '', wang: '', zhao: '' };

async function monthFolder(name: string, cars: [string, string, string][] | null): Promise<string> {
  const folder = join(root, name);
  await mkdir(folder);
  await writeFile(join(folder, '低保花名册.csv'), ROLL);
  if (cars) {
    const lines = cars.map(([owner, id, plate]) => `${owner},${id},${plate},小型普通客车,正常`);
    await writeFile(join(folder, '机动车登记信息.csv'), [VEHICLE_HEADER, ...lines].join('\n') + '\n');
  }
  return folder;
}

async function exportMonth(period: string): Promise<string> {
  const out = join(root, `export-${period}`);
  await months.cli(['ledger', 'export', '--period', period, '--out', out]);
  return join(out, '张庄镇.xlsx');
}

/** The 汇总's 合计 row, its note under the table and its title. */
async function summaryOf(workbook: string): Promise<{ total: Record<string, unknown>; note: string; title: string }> {
  const sheet = (await readWorkbook(workbook)).getWorksheet('汇总')!;
  const rows = dataRows(sheet);
  const totalAt = rows.findIndex((row) => row.values['村(社区)'] === '合计');
  return {
    total: rows[totalAt]!.values,
    note: rows.slice(totalAt + 1).map((row) => String(row.values['村(社区)'])).join('\n'),
    title: String(sheet.getRow(1).getCell(1).value),
  };
}

beforeAll(async () => {
  const october = await monthFolder('m10', [['张大山', PEOPLE.zhang, '鲁Q11111'], ['王小明', PEOPLE.wang, '鲁Q22222'], ['赵四', ZHAO, '鲁Q33333']]);
  await months.scan(october, '2026-10', '2026-11-05');
  const cars = await queryLedger(months.ledger, `SELECT finding_id, household_id FROM ledger.findings WHERE check_id = 'over_asset.vehicle'`);
  const byHousehold = (household: string) => String(cars.find((car) => car['household_id'] === household)!['finding_id']);
  Object.assign(ids, { zhang: byHousehold('H001'), wang: byHousehold('H002'), zhao: byHousehold('H003') });
  await months.cli(['ledger', 'set', ids.zhang, '--status', '已清退', '--note', '十月已清退']);
  await months.cli(['ledger', 'set', ids.zhao, '--status', '已清退', '--note', '十月清退']);
  await months.scan(await monthFolder('m11', [['张大山', PEOPLE.zhang, '鲁Q11111']]), '2026-11', '2026-12-05');
  await months.scan(await monthFolder('m12', null), '2026-12', '2027-01-05');
  // After October's close: what October's workbook must neither show nor let an import undo.
  await months.cli(['ledger', 'set', ids.zhao, '--note', '十二月复核']);
}, 240_000);

describe('ledger export of a past month (README "The workbooks")', () => {
  it('shows the month as it stood at its close: its closures, none of the next month\'s 自动销号 or reopenings', async () => {
    const now = await queryLedger(months.ledger, `SELECT finding_id, status FROM ledger.findings WHERE check_id = 'over_asset.vehicle' ORDER BY household_id`);
    // The ledger today: 张大山's reopened by November, 王小明's closed by November's scan.
    expect(now.map((row) => row['status'])).toEqual(['待核实', '自动销号', '已清退']);

    const workbook = await exportMonth('2026-10');
    const summary = await summaryOf(workbook);
    expect(summary.total).toMatchObject({ 财产状况超标: 3, 未办结: 1, 已办结: 2, 自动销号: 0 });
    expect(summary.title).toContain('2026-10，状态为月末');
    expect(summary.note).toContain('本月月末，即 2026-11 扫描前');
    const book = await readWorkbook(workbook);
    const shown = (id: string, header: string) => cellInWorkbook(book, id, header).value;
    expect([shown(ids.zhang, '整改状态'), shown(ids.zhang, '备注')]).toEqual(['已清退', '十月已清退']);
    expect([shown(ids.wang, '整改状态'), shown(ids.wang, '跟踪情况')]).toEqual(['待核实', '新发现']);
    expect(shown(ids.zhao, '备注')).toBe('十月清退');
  });

  it('names the checks its scan did not run, and why', async () => {
    const december = await summaryOf(await exportMonth('2026-12'));
    expect(december.note).toMatch(/本月扫描未运行 \d+ 项检查[^。]*over_asset\.vehicle）——缺少输入数据：机动车登记信息/);
    // October's scan had the vehicles (it lacked other lists, as its line says).
    const october = (await summaryOf(join(root, 'export-2026-10', '张庄镇.xlsx'))).note;
    expect(october).toContain('本月扫描未运行');
    expect(october).not.toContain('over_asset.vehicle');
  });

  it('imports back what staff typed, never over a value changed since the month\'s close', async () => {
    const returned = await editWorkbook(join(root, 'export-2026-10', '张庄镇.xlsx'), join(root, 'returned-2026-10.xlsx'), (book) => {
      cellInWorkbook(book, ids.zhao, '责任人').value = '李会计';
      cellInWorkbook(book, ids.zhao, '备注').value = '十月的说明';
      cellInWorkbook(book, ids.wang, '备注').value = '已卖车';
    });
    const run = await runCli(['ledger', 'import', returned, '--ledger', months.ledger]);
    expect(looksLikeStackTrace(run.stderr), run.stderr).toBe(false);
    const after = await queryLedger(months.ledger, `SELECT finding_id, responsible, note FROM ledger.findings WHERE check_id = 'over_asset.vehicle'`);
    const of = (id: string) => after.find((row) => row['finding_id'] === id)!;
    // 赵四's finding is in no later month's workbook: this one is where it is filled in.
    expect(of(ids.zhao)['responsible']).toBe('李会计');
    // Its 备注 was changed in December: the October value staff edited from is not put over it.
    expect(of(ids.zhao)['note']).toBe('十二月复核');
    expect(run.stdout + run.stderr).toContain('十二月复核');
    // 王小明's is in November's workbook (its 自动销号): filled in there, not here.
    expect(of(ids.wang)['note']).toBeNull();
  });
});
