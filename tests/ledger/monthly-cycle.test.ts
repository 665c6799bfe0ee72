// Two months of a township's ledger through the real CLI: scan October, staff edit by `ledger set` and by an edited
// workbook, scan November where some faults were fixed, one remedied fault came back and new ones appeared.
// Every carry-over transition of ledger.md is asserted, and so is that no staff edit is ever lost.
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from '../../scanner/read/exceljs.ts';
import { onlyFindingId } from '../support/finding-rows.ts';
import { parseCsv } from '../support/parse-csv.ts';
import { looksLikeStackTrace, runCli, type CliRun } from '../support/run-cli.ts';
import { ROLL_HEADER, validId } from '../support/small-township.ts';
import { readLedgerRows } from '../support/read-ledger.ts';
import { tempFolder } from '../support/temp-folder.ts';

const root = await tempFolder();
const ledger = join(root, 'rollsweep.duckdb');

const id = {
  zhang: validId('370481', '19580302', '113'),
  li: validId('370481', '19620715', '224'),
  wang: validId('370481', '19900101', '335'),
  sun: validId('370481', '19700505', '446'),
  zhou: validId('370481', '19850808', '557'),
  wu: validId('370481', '19661111', '668'),
  qian: validId('370481', '19550303', '779'),
  zhao: validId('370481', '19900101', '123'),
  zheng: validId('370481', '19721212', '881'),
};
/** Wrong check character: data_quality.id-invalid. */
const broken = (valid: string) => valid.slice(0, 17) + (valid.endsWith('0') ? '1' : '0');

/** The faults, by what should happen to them. */
const october = [
  `张庄镇,东村,H001,张大山,${id.zhang},户主,农村低保,1400,在保`, // owns a car: vehicle finding → staff mark 误报
  `张庄镇,东村,H001,李秀英,${id.li},配偶,农村低保,1400,在保`,
  `张庄镇,西村,H002,王小明,${id.wang},户主,农村低保,700,在保`,
  `张庄镇,西村,H003,赵六,${broken(id.zhao)},户主,农村低保,700,在保`, // id-invalid → 已整改 by set, fixed in November
  `张庄镇,西村,H004,孙七,${id.sun},配偶,农村低保,700,在保`, // no head → 已清退 by workbook, comes back: 整改未到位
  `张庄镇,东村,H005,周八,${id.zhou},子,农村低保,700,在保`, // no head, untouched, fixed in November → 自动销号
  `张庄镇,东村,H006,吴九,${broken(id.wu)},户主,农村低保,700,在保`, // id-invalid → 核实中 with a past deadline → 逾期
  `张庄镇,东村,H008,钱十一,${id.qian},女,农村低保,700,在保`, // no head, untouched, still there → 持续
];
const november = october
  .map((row) => row.replace(broken(id.zhao), id.zhao)) // fixed
  .map((row) => row.replace(`H005,周八,${id.zhou},子`, `H005,周八,${id.zhou},户主`)) // fixed
  .concat([`张庄镇,西村,H007,郑十,${broken(id.zheng)},户主,农村低保,700,在保`]); // new

const VEHICLES = `所有人,所有人身份证号码,号牌号码,车辆类型,状态\n张大山,${id.zhang},鲁Q12345,小型普通客车,正常\n`;

async function writeMonth(name: string, rows: string[]): Promise<string> {
  const folder = join(root, name);
  await mkdir(folder, { recursive: true });
  await writeFile(join(folder, '低保花名册.csv'), `${[ROLL_HEADER, ...rows].join('\n')}\n`);
  await writeFile(join(folder, '机动车登记信息.csv'), VEHICLES);
  return folder;
}

async function cli(args: string[]): Promise<CliRun> {
  const run = await runCli([...args, '--ledger', ledger]);
  expect(looksLikeStackTrace(run.stderr), run.stderr).toBe(false);
  return run;
}

async function scanMonth(folder: string, period: string, asOf: string): Promise<Record<string, unknown>> {
  const out = join(root, `out-${period}`);
  const run = await cli(['scan', '--input', folder, '--period', period, '--as-of', asOf, '--out', out, '--quiet']);
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(await readFile(join(out, 'summary.json'), 'utf8')) as Record<string, unknown>;
}

async function findingsCsv(period: string): Promise<Record<string, string>[]> {
  return parseCsv(await readFile(join(root, `out-${period}`, 'findings.csv'), 'utf8'));
}

const ledgerRows = (sql: string) => readLedgerRows(ledger, sql);

const finding = async (findingId: string) =>
  (await ledgerRows(`SELECT *, strftime(deadline, '%Y-%m-%d') AS deadline FROM findings WHERE finding_id = '${findingId}'`))[0]!;

/** Fills editable cells of the exported workbook by 问题编号, as a village clerk would, and saves it. */
async function editWorkbook(file: string, edits: Record<string, Record<string, string>>): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  let applied = 0;
  workbook.eachSheet((sheet) => {
    if (sheet.state !== 'visible' || sheet.name === '汇总') return;
    const headers = new Map<string, number>();
    sheet.getRow(2).eachCell((cell, column) => headers.set(String(cell.value), column));
    sheet.eachRow((row, number) => {
      const rowEdits = number > 2 ? edits[String(row.getCell(headers.get('问题编号')!).value)] : undefined;
      for (const [column, value] of Object.entries(rowEdits ?? {})) {
        row.getCell(headers.get(column)!).value = value;
        applied++;
      }
    });
  });
  expect(applied).toBe(Object.values(edits).reduce((n, e) => n + Object.keys(e).length, 0));
  await workbook.xlsx.writeFile(file);
}

const ids: Record<string, string> = {};
let novemberSummary: Record<string, unknown>;

beforeAll(async () => {
  const first = await scanMonth(await writeMonth('2026-10', october), '2026-10', '2026-11-05');
  expect((first['findings'] as Record<string, unknown>)['new']).toBeGreaterThanOrEqual(6);
  const rows = await findingsCsv('2026-10');
  const pick = (check: string, household: string) => onlyFindingId(rows, { check_id: check, household_id: household });
  ids['vehicle'] = pick('over_asset.vehicle', 'H001');
  ids['fixedId'] = pick('data_quality.id-invalid', 'H003');
  ids['cameBack'] = pick('data_quality.household-no-head', 'H004');
  ids['autoClosed'] = pick('data_quality.household-no-head', 'H005');
  ids['overdue'] = pick('data_quality.id-invalid', 'H006');
  ids['stillOpen'] = pick('data_quality.household-no-head', 'H008');

  // Edits by command …
  expect((await cli(['ledger', 'set', ids['fixedId']!, '--status', '已整改', '--remedy', '已更正身份证号', '--by', '王会计'])).code).toBe(0);
  expect((await cli(['ledger', 'set', ids['overdue']!, '--status', '核实中', '--deadline', '2026-11-01', '--note', '已联系派出所'])).code).toBe(0);
  // … and by the village workbook, sent back edited.
  const exported = join(root, 'export-2026-10');
  expect((await cli(['ledger', 'export', '--period', '2026-10', '--out', exported])).code).toBe(0);
  const returned = join(root, '张庄镇-returned.xlsx');
  await copyFile(join(exported, '张庄镇.xlsx'), returned);
  await editWorkbook(returned, {
    [ids['cameBack']!]: { 整改状态: '已清退', 整改措施: '已停发并清退', 责任人: '李村主任' },
    [ids['vehicle']!]: { 整改状态: '误报', 备注: '车辆已于2024年过户，车管数据未更新' },
  });
  const imported = await cli(['ledger', 'import', returned]);
  expect(imported.code, imported.stdout + imported.stderr).toBe(0);

  novemberSummary = await scanMonth(await writeMonth('2026-11', november), '2026-11', '2026-11-25');
});

describe('monthly carry-over (ledger.md)', () => {
  it('staff edits from the command and from the workbook are in the ledger with their audit records', async () => {
    const changes = await ledgerRows(
      `SELECT finding_id, source_kind, field, from_value, to_value FROM changes WHERE source_kind <> 'scan' ORDER BY change_id`,
    );
    expect(changes).toEqual(expect.arrayContaining([
      { finding_id: ids['fixedId'], source_kind: 'command', field: 'status', from_value: '待核实', to_value: '已整改' },
      { finding_id: ids['overdue'], source_kind: 'command', field: 'deadline', from_value: expect.any(String), to_value: '2026-11-01' },
      { finding_id: ids['cameBack'], source_kind: 'workbook', field: 'status', from_value: '待核实', to_value: '已清退' },
      { finding_id: ids['vehicle'], source_kind: 'workbook', field: 'note', from_value: null, to_value: '车辆已于2024年过户，车管数据未更新' },
    ]));
    const bySource = await ledgerRows(`SELECT DISTINCT source FROM changes WHERE source_kind = 'command' ORDER BY 1`);
    expect(bySource.map((r) => r['source'])).toContain('ledger set（王会计）');
  });

  it('ledger set refuses 误报 without a note, 已追回 without an amount and an open finding without a deadline, with an example of what each needs', async () => {
    const noNote = await cli(['ledger', 'set', ids['stillOpen']!, '--status', '误报']);
    expect(noNote.code).toBe(2);
    expect(noNote.stderr).toContain('标为「误报」须在备注中写明理由');
    expect(noNote.stderr).toContain('--status 误报 --note');
    const noAmount = await cli(['ledger', 'set', ids['stillOpen']!, '--status', '已追回']);
    expect(noAmount.code).toBe(2);
    expect(noAmount.stderr).toContain('标为「已追回」须填写已追回金额');
    expect(noAmount.stderr).toContain('--status 已追回 --recovered');
    // Cleared, the deadline of an open finding would never be 逾期 again.
    const noDeadline = await cli(['ledger', 'set', ids['stillOpen']!, '--deadline', '']);
    expect(noDeadline.code).toBe(2);
    expect(noDeadline.stderr).toContain('未办结的问题须有整改时限，不能清空');
    expect(await finding(ids['stillOpen']!)).toMatchObject({ status: '待核实', deadline: '2026-12-05' });
  });

  it('found again, not closed: stays open, last_seen moves on; overdue once past its deadline', async () => {
    const overdue = await finding(ids['overdue']!);
    expect(overdue).toMatchObject({ status: '核实中', deadline: '2026-11-01', last_seen: '2026-11', first_seen: '2026-10', note: '已联系派出所' });
    const stillOpen = await finding(ids['stillOpen']!);
    // New in October (as of 2026-11-05) with the check's 30 days; not yet due on 2026-11-25.
    expect(stillOpen).toMatchObject({ status: '待核实', deadline: '2026-12-05', last_seen: '2026-11' });
    const tracking = await ledgerRows(
      `SELECT finding_id, tracking FROM run_findings JOIN runs USING (run_id) WHERE period = '2026-11' ORDER BY finding_id`,
    );
    const trackingOf = Object.fromEntries(tracking.map((r) => [r['finding_id'], r['tracking']]));
    expect(trackingOf[ids['overdue']!]).toBe('逾期');
    expect(trackingOf[ids['stillOpen']!]).toBe('持续');
  });

  it('found again after a fix: reopened as 整改未到位, back to 待核实 with a new deadline, staff notes kept', async () => {
    expect(await finding(ids['cameBack']!)).toMatchObject({
      status: '待核实', deadline: '2026-12-25', remedy: '已停发并清退', responsible: '李村主任', last_seen: '2026-11',
    });
    const audit = await ledgerRows(
      `SELECT source_kind, field, from_value, to_value, note, run_id FROM changes WHERE finding_id = '${ids['cameBack']}' AND source_kind = 'scan' ORDER BY field`,
    );
    expect(audit).toEqual([
      { source_kind: 'scan', field: 'deadline', from_value: '2026-12-05', to_value: '2026-12-25', note: '整改未到位，重新计算整改时限', run_id: expect.stringMatching(/^2026-11-/) },
      { source_kind: 'scan', field: 'status', from_value: '已清退', to_value: '待核实', note: '整改未到位：2026-11 再次发现', run_id: expect.stringMatching(/^2026-11-/) },
    ]);
    // ledger show tells the history once each: the scan by its period, the workbook by its kind.
    const shown = await cli(['ledger', 'show', ids['cameBack']!]);
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toMatch(/  扫描 2026-11（运行 2026-11-\S+）  整改状态：已清退 → 待核实/);
    expect(shown.stdout).toMatch(/  工作簿 张庄镇-returned.xlsx 工作表「西村」第 3 行（.+）  整改状态：待核实 → 已清退/);
    expect(shown.stdout).not.toContain('扫描 扫描');
  });

  it('found again as 误报: stays 误报, kept apart, not counted as open', async () => {
    expect(await finding(ids['vehicle']!)).toMatchObject({ status: '误报', note: '车辆已于2024年过户，车管数据未更新', last_seen: '2026-11' });
  });

  it('not found again while open: 自动销号 by the run that closed it; closed by staff: left as staff set it', async () => {
    const closed = await finding(ids['autoClosed']!);
    expect(closed).toMatchObject({ status: '自动销号', last_seen: '2026-10' });
    expect(String(closed['closed_run_id'])).toMatch(/^2026-11-/);
    expect(await finding(ids['fixedId']!)).toMatchObject({ status: '已整改', remedy: '已更正身份证号', last_seen: '2026-10', closed_run_id: null });
  });

  it('new findings start 待核实 with deadline = scan date + the check\'s deadlineDays', async () => {
    const november = await findingsCsv('2026-11');
    const fresh = november.filter((r) => r['first_seen'] === '2026-11');
    expect(fresh).toHaveLength(1);
    expect(fresh[0]).toMatchObject({ check_id: 'data_quality.id-invalid', household_id: 'H007', status: '待核实', deadline: '2026-12-10', tracking: '新发现' });
  });

  it('summary.json counts new / open / overdue / reopened / auto-closed against the previous period', () => {
    expect(novemberSummary['findings']).toMatchObject({
      previous_period: '2026-10', backfill: false,
      new: 1, reopened: 1, overdue: 1, false_positive: 1, auto_closed: 1,
      open: 4, // new + 持续 + 逾期 + reopened
    });
  });

  it('findings.csv shows each finding\'s current status and first_seen', async () => {
    const november = Object.fromEntries((await findingsCsv('2026-11')).map((r) => [r['finding_id'], r]));
    expect(november[ids['vehicle']!]).toMatchObject({ status: '误报', first_seen: '2026-10', tracking: '误报' });
    expect(november[ids['cameBack']!]).toMatchObject({ status: '待核实', first_seen: '2026-10', tracking: '整改未到位' });
    expect(november[ids['fixedId']!]).toBeUndefined();
  });

  it('rescanning November replaces its run: same ids, same statuses, staff edits untouched', async () => {
    const before = await ledgerRows(`SELECT finding_id, status, deadline, note, remedy, closed_run_id IS NULL AS open FROM findings ORDER BY 1`);
    const again = await scanMonth(join(root, '2026-11'), '2026-11', '2026-11-25');
    expect(again['findings']).toMatchObject({ new: 1, reopened: 1, overdue: 1, false_positive: 1, auto_closed: 1, open: 4 });
    expect(await ledgerRows(`SELECT finding_id, status, deadline, note, remedy, closed_run_id IS NULL AS open FROM findings ORDER BY 1`)).toEqual(before);
    expect(await ledgerRows(`SELECT period, count(*)::INT AS runs FROM runs GROUP BY 1 ORDER BY 1`)).toEqual([
      { period: '2026-10', runs: 1 }, { period: '2026-11', runs: 1 },
    ]);
  });

  it('a fix made after a month was scanned is not reopened by rescanning that same month', async () => {
    expect((await cli(['ledger', 'set', ids['stillOpen']!, '--status', '已整改'])).code).toBe(0);
    const again = await scanMonth(join(root, '2026-11'), '2026-11', '2026-11-25');
    expect(await finding(ids['stillOpen']!)).toMatchObject({ status: '已整改' });
    expect(again['findings']).toMatchObject({ reopened: 1, closed_this_period: 1 });
  });

  it('a deadline staff set on a finding the month reopened survives a rescan of that month, still 整改未到位', async () => {
    expect((await cli(['ledger', 'set', ids['cameBack']!, '--deadline', '2027-03-31', '--remedy', '分期追回'])).code).toBe(0);
    const again = await scanMonth(join(root, '2026-11'), '2026-11', '2026-11-25');
    expect(await finding(ids['cameBack']!)).toMatchObject({ status: '待核实', deadline: '2027-03-31', remedy: '分期追回' });
    // The fix staff made after the first November scan (the test before) is still 已办结 at a second rescan.
    expect(again['findings']).toMatchObject({ reopened: 1, closed_this_period: 1 });
    expect(await finding(ids['stillOpen']!)).toMatchObject({ status: '已整改' });
    const november = Object.fromEntries((await findingsCsv('2026-11')).map((r) => [r['finding_id'], r]));
    expect(november[ids['cameBack']!]).toMatchObject({ tracking: '整改未到位' });
  });

  it('a new finding staff took up is still new when its month is rescanned', async () => {
    const fresh = (await findingsCsv('2026-11')).filter((r) => r['check_id'] === 'data_quality.id-invalid' && r['household_id'] === 'H007');
    expect(fresh).toHaveLength(1);
    ids['fresh'] = fresh[0]!['finding_id']!;
    expect((await cli(['ledger', 'set', ids['fresh']!, '--status', '核实中', '--note', '已通知村委'])).code).toBe(0);
    const again = await scanMonth(join(root, '2026-11'), '2026-11', '2026-11-25');
    expect(again['findings']).toMatchObject({ new: 1 });
    const november = Object.fromEntries((await findingsCsv('2026-11')).map((r) => [r['finding_id'], r]));
    expect(november[ids['fresh']!]).toMatchObject({ status: '核实中', first_seen: '2026-11', tracking: '新发现' });
  });

  it('a 自动销号 staff annotated since stays closed by the month\'s run after a rescan (the run its workbook lists it under)', async () => {
    expect((await cli(['ledger', 'set', ids['autoClosed']!, '--note', '户主已补登'])).code).toBe(0);
    await scanMonth(join(root, '2026-11'), '2026-11', '2026-11-25');
    const [run] = await ledgerRows(`SELECT run_id FROM runs WHERE period = '2026-11'`);
    expect(await ledgerRows(`SELECT status, note, closed_run_id FROM findings WHERE finding_id = '${ids['autoClosed']}'`))
      .toEqual([{ status: '自动销号', note: '户主已补登', closed_run_id: run!['run_id'] }]);
  });

  it('a finding the month closed (自动销号) and staff reopened since is not closed again by rescanning that month', async () => {
    expect((await cli(['ledger', 'set', ids['autoClosed']!, '--status', '核实中', '--note', '户主仍未登记'])).code).toBe(0);
    const again = await scanMonth(join(root, '2026-11'), '2026-11', '2026-11-25');
    expect(await finding(ids['autoClosed']!)).toMatchObject({ status: '核实中', note: '户主仍未登记' });
    expect(again['findings']).toMatchObject({ auto_closed: 0 });
  });

  it('rescanning a month after a later one was scanned changes no status or deadline (a backfill)', async () => {
    await scanMonth(join(root, '2026-11'), '2026-12', '2026-12-28');
    const before = await ledgerRows(`SELECT finding_id, status, strftime(deadline, '%Y-%m-%d') AS deadline FROM findings ORDER BY 1`);
    expect(before.find((row) => row['finding_id'] === ids['cameBack'])).toMatchObject({ status: '待核实' });
    const novemberTracking = (await findingsCsv('2026-11')).map((row) => [row['finding_id'], row['tracking']]);
    const rescan = await scanMonth(join(root, '2026-11'), '2026-11', '2026-11-25');
    // November's account stays as December carried on from it (its 整改未到位 counted as November recorded it), while no
    // status changes; until 2026-12-06 every row became 补扫.
    expect(rescan['findings']).toMatchObject({ backfill: true, reopened: 1, auto_closed: 0 });
    expect((await findingsCsv('2026-11')).map((row) => [row['finding_id'], row['tracking']])).toEqual(novemberTracking);
    expect(await ledgerRows(`SELECT finding_id, status, strftime(deadline, '%Y-%m-%d') AS deadline FROM findings ORDER BY 1`)).toEqual(before);
    // A 自动销号 stays the closing run's: no finding points at a run that is gone.
    expect(await ledgerRows(`SELECT finding_id FROM findings WHERE closed_run_id NOT IN (SELECT run_id FROM runs)`)).toEqual([]);
  });

  it('scanning an older month again records it without changing any status', async () => {
    const before = await ledgerRows(`SELECT finding_id, status, deadline FROM findings ORDER BY 1`);
    const backfill = await scanMonth(join(root, '2026-10'), '2026-10', '2026-11-05');
    expect(backfill['findings']).toMatchObject({ backfill: true, reopened: 0, auto_closed: 0 });
    expect(await ledgerRows(`SELECT finding_id, status, deadline FROM findings ORDER BY 1`)).toEqual(before);
  });
});
