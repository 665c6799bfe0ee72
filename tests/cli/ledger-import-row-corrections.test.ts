// `ledger import` of rows staff corrected rather than sorted: a misspelt 姓名 and a digit of the 身份证号 put right on
// one row, or a 姓名 put right after a rescan rewrote the finding's 问题描述. Such a row holds no other finding's content
// and is its own finding's row: its staff columns land, its locked columns are listed as 此列不可修改. Until
// 2026-12-07 two changed identifying columns refused the row and every edit of its sheet, as if it had been sorted.
// But a sort that left 问题编号 out still refuses the sheet when no other finding shows on the row: staff typed a case
// of their own under the table and the sort traded it with a finding's row (R11; taken as that finding's until
// 2026-12-07), or swapped two findings of one person that differ in 问题描述 alone.
// And a 整改时限 cell holding a date with a time of day is refused as the same typed as text is (it was taken silently).
// Real CLI, real XLSX, real DuckDB.
import { readFile, writeFile, cp } from 'node:fs/promises';
import { join } from 'node:path';
import type * as ExcelTypes from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { columnOf, copyLedger, dataRows, editWorkbook, queryLedger, readWorkbook, SAMPLE_CONFIG, SAMPLE_INPUT, scanAndExportThroughCli } from '../support/ledger-fixture.ts';
import { looksLikeStackTrace, runCli, type CliRun } from '../support/run-cli.ts';
import { tempFolder } from '../support/temp-folder.ts';

const root = await tempFolder('rollsweep-import-corrections-');
const SHEET = '东八里巷村';
/** Rows 3–6 of the sheet as exported (the demo's data): 杨莲, 韩爱香 (no valid ID), 黄月慧, 陈鑫. */
let ids: string[];
let base: string;
let exported: string;

beforeAll(async () => {
  ({ ledger: base, workbook: exported } = await scanAndExportThroughCli(root));
  const rows = dataRows((await readWorkbook(exported)).getWorksheet(SHEET)!).slice(0, 4);
  expect(rows.map((row) => row.values['姓名'])).toEqual(['杨莲', '韩爱香', '黄月慧', '陈鑫']);
  expect(rows[2]!.values['身份证号']).toBe('371329********7847');
  ids = rows.map((row) => String(row.values['问题编号']));
}, 240_000);

function cell(sheet: ExcelTypes.Worksheet, row: number, header: string): ExcelTypes.Cell {
  return sheet.getRow(row).getCell(columnOf(sheet, header));
}

let copies = 0;
async function importEdited(ledger: string, edit: (sheet: ExcelTypes.Worksheet) => void, sheetName = SHEET): Promise<CliRun> {
  const file = join(root, `${++copies}-店头镇.xlsx`);
  await editWorkbook(exported, file, (workbook) => edit(workbook.getWorksheet(sheetName)!));
  const run = await runCli(['ledger', 'import', file, '--ledger', ledger, '--by', '王干事']);
  expect(looksLikeStackTrace(run.stdout + run.stderr)).toBe(false);
  return run;
}

async function finding(ledger: string, id: string): Promise<Record<string, unknown>> {
  const [row] = await queryLedger(ledger, `SELECT status, note, strftime(deadline, '%Y-%m-%d') AS deadline, evidence FROM ledger.findings WHERE finding_id = '${id}'`);
  return row!;
}

async function workbookChanges(ledger: string): Promise<string[]> {
  const rows = await queryLedger(ledger, `SELECT finding_id, field FROM ledger.changes WHERE source_kind = 'workbook' ORDER BY change_id`);
  return rows.map((row) => `${String(row['finding_id'])}.${String(row['field'])}`).sort();
}

describe('a row whose identifying columns staff corrected', () => {
  it('takes the staff columns of a row with its 姓名 and a visible digit of its 身份证号 corrected, and the rest of the sheet', async () => {
    const ledger = await copyLedger(base);
    const run = await importEdited(ledger, (sheet) => {
      cell(sheet, 5, '姓名').value = '黄月惠';
      cell(sheet, 5, '身份证号').value = '371329********7848';
      cell(sheet, 5, '整改状态').value = '核实中';
      cell(sheet, 5, '备注').value = '姓名、身份证号末位已按户口簿更正';
      cell(sheet, 6, '整改状态').value = '核实中';
    });
    // Exit 2 for the two locked columns, which are not the ledger's to change; nothing else is held back.
    expect(run.code).toBe(2);
    expect(run.stdout).toContain(`第 5 行 列「姓名」：此列不可修改，导出时为「黄月慧」，改动未导入`);
    expect(run.stdout).toContain(`第 5 行 列「身份证号」：此列不可修改，导出时为「371329********7847」，改动未导入`);
    expect(run.stdout).not.toContain('排序');
    expect(run.stdout).toContain('拒绝 0 格');
    expect(await workbookChanges(ledger)).toEqual([`${ids[2]}.note`, `${ids[2]}.status`, `${ids[3]}.status`].sort());
    expect(await finding(ledger, ids[2]!)).toMatchObject({ status: '核实中', note: '姓名、身份证号末位已按户口簿更正' });
  }, 120_000);

  it('takes a row whose 姓名 staff corrected after a rescan rewrote its 问题描述 (compared with the workbook, not the rescan)', async () => {
    // The same roll with 黄月慧's business registered on the file's last line: her finding stays, its 问题描述 cites the new line.
    const input = join(root, 'input-rescan');
    await cp(SAMPLE_INPUT, input, { recursive: true });
    const businesses = join(input, '市场主体登记信息.csv');
    const lines = (await readFile(businesses, 'utf8')).split(/(?<=\n)/);
    const hers = lines.findIndex((line) => line.includes('黄记农资店'));
    expect(hers).toBeGreaterThan(0);
    await writeFile(businesses, [...lines.slice(0, hers), ...lines.slice(hers + 1), lines[hers]!].join(''));
    const ledger = await copyLedger(base);
    const before = String((await finding(ledger, ids[2]!))['evidence']);
    const rescan = await runCli(['scan', '--input', input, '--config', SAMPLE_CONFIG, '--period', '2026-10', '--ledger', ledger, '--out', join(root, 'out-rescan'), '--quiet']);
    expect(rescan.code).toBe(0);
    expect(String((await finding(ledger, ids[2]!))['evidence'])).not.toBe(before);

    const run = await importEdited(ledger, (sheet) => {
      cell(sheet, 5, '姓名').value = '黄月惠';
      cell(sheet, 5, '整改状态').value = '核实中';
    });
    expect(run.code).toBe(2);
    expect(run.stdout).toContain(`第 5 行 列「姓名」：此列不可修改，导出时为「黄月慧」，改动未导入`);
    expect(run.stdout).not.toContain('排序');
    expect(await workbookChanges(ledger)).toEqual([`${ids[2]}.status`]);
  }, 180_000);

  it('still refuses a sort of the 姓名 and 身份证号 columns alone: the rows show each other\'s person', async () => {
    const ledger = await copyLedger(base);
    const run = await importEdited(ledger, (sheet) => {
      // 韩爱香 (row 4) and 黄月慧 (row 5) trade 姓名 and 身份证号, the rest of their rows left where they were.
      for (const header of ['姓名', '身份证号']) {
        const [four, five] = [cell(sheet, 4, header).value, cell(sheet, 5, header).value];
        cell(sheet, 4, header).value = five;
        cell(sheet, 5, header).value = four;
      }
      cell(sheet, 4, '整改状态').value = '已清退';
    });
    expect(run.code).toBe(2);
    expect(run.stdout).toContain(`第 4 行 列「问题编号」：姓名、身份证号与问题编号 ${ids[1]} 导出时不符（导出时姓名为「韩爱香」，现为「黄月慧」；现为问题编号 ${ids[2]} 的内容`);
    expect(await workbookChanges(ledger)).toEqual([]);
  }, 120_000);
});

/** As Excel sorts rows first…last of the columns from…to (序号 and 问题编号 left out) by 整改状态: stable, in this order. */
function sortByStatus(sheet: ExcelTypes.Worksheet, columns: [string, string], first: number, last: number, order: readonly string[]): void {
  const [from, to] = [columnOf(sheet, columns[0]), columnOf(sheet, columns[1])];
  const status = columnOf(sheet, '整改状态') - from;
  const rows: ExcelTypes.CellValue[][] = [];
  for (let row = first; row <= last; row++) {
    const values: ExcelTypes.CellValue[] = [];
    for (let column = from; column <= to; column++) values.push(sheet.getRow(row).getCell(column).value);
    rows.push(values);
  }
  rows.sort((a, b) => order.indexOf(String(a[status])) - order.indexOf(String(b[status])));
  rows.forEach((values, index) => values.forEach((value, offset) => { sheet.getRow(first + index).getCell(from + offset).value = value; }));
}

const STATUS_ORDER = ['待核实', '核实中', '整改中', '已清退'];

describe('a sort that left 问题编号 out and shows no other finding on the moved row', () => {
  /** The sheet's last finding (高文) set 已清退 with a note, and a case staff typed on the row under it (R11). */
  function closeLastAndAddOwnCase(sheet: ExcelTypes.Worksheet): number {
    const last = dataRows(sheet).at(-1)!.row;
    expect(cell(sheet, last, '姓名').value).toBe('高文');
    cell(sheet, last, '整改状态').value = '已清退';
    cell(sheet, last, '备注').value = '高文名下车辆已核实，11月起停发';
    const ownCase: Record<string, string> = {
      乡镇: '店头镇', '村(社区)': SHEET, 家庭编号: '3713291102040170', 户主姓名: '赵大', 姓名: '赵小', 身份证号: '371329********1234',
      检查项: '群众举报（自查新增）', 问题描述: '群众反映赵小在城区务工', 整改状态: '核实中', 备注: '村里自查新增，待入户',
    };
    for (const [header, value] of Object.entries(ownCase)) cell(sheet, last + 1, header).value = value;
    return last;
  }

  async function lastFinding(): Promise<string> {
    const rows = dataRows((await readWorkbook(exported)).getWorksheet(SHEET)!);
    return String(rows.at(-1)!.values['问题编号']);
  }

  it('refuses the finding\'s row that staff\'s own case was sorted onto, its person now on the row without 问题编号', async () => {
    const ledger = await copyLedger(base);
    const id = await lastFinding();
    const before = await finding(ledger, id);
    let last = 0;
    const run = await importEdited(ledger, (sheet) => {
      last = closeLastAndAddOwnCase(sheet);
      sortByStatus(sheet, ['乡镇', '备注'], 3, last + 1, STATUS_ORDER);
    });
    expect(run.code).toBe(2);
    expect(run.stdout).toContain(`第 ${last} 行 列「问题编号」：姓名、身份证号等与问题编号 ${id} 导出时不符（导出时姓名为「高文」，现为「赵小」；`
      + `此问题导出时的内容现在第 ${last + 1} 行，该行没有问题编号；可能排序时未选中问题编号列），此行的填报未导入`);
    expect(run.stdout).toContain(`第 ${last + 1} 行 列「问题编号」：此行没有问题编号`);
    // Not reopened 核实中 with 赵小's note, its 整改措施 not erased: nothing of the sheet taken until the order is put back.
    expect(await workbookChanges(ledger)).toEqual([]);
    expect(await finding(ledger, id)).toEqual(before);
  }, 120_000);

  it('refuses it with the sorted-away row deleted: a changed 姓名 with a changed 检查项 or 问题描述 is no correction', async () => {
    const ledger = await copyLedger(base);
    const id = await lastFinding();
    let last = 0;
    const run = await importEdited(ledger, (sheet) => {
      last = closeLastAndAddOwnCase(sheet);
      sortByStatus(sheet, ['乡镇', '备注'], 3, last + 1, STATUS_ORDER);
      sheet.spliceRows(last + 1, 1);
    });
    expect(run.code).toBe(2);
    expect(run.stdout).toContain(`第 ${last} 行 列「问题编号」：姓名、身份证号等与问题编号 ${id} 导出时不符（导出时姓名为「高文」，现为「赵小」；`
      + `检查项、问题描述不会因更正姓名或身份证号而改变；可能排序时未选中问题编号列）`);
    expect(await workbookChanges(ledger)).toEqual([]);
  }, 120_000);

  it('refuses a sort of 整改措施 … 备注 alone that traded the finding\'s 首次发现 and 跟踪情况 onto staff\'s own case', async () => {
    const ledger = await copyLedger(base);
    const id = await lastFinding();
    let last = 0;
    const run = await importEdited(ledger, (sheet) => {
      last = closeLastAndAddOwnCase(sheet);
      sortByStatus(sheet, ['整改措施', '备注'], 3, last + 1, STATUS_ORDER);
    });
    expect(run.code).toBe(2);
    expect(run.stdout).toContain(`第 ${last} 行 列「问题编号」：整改措施、整改时限等与问题编号 ${id} 导出时不符（此问题导出时的内容现在第 ${last + 1} 行，该行没有问题编号；`);
    expect(await workbookChanges(ledger)).toEqual([]);
  }, 120_000);

  it('refuses two findings of one person and check swapped by a sort: they differ in 问题描述 alone', async () => {
    const ledger = await copyLedger(base);
    const village = '措庄村';
    const rows = dataRows((await readWorkbook(exported)).getWorksheet(village)!);
    const [first, second] = [rows.find((row) => row.row === 7)!, rows.find((row) => row.row === 8)!];
    // Two lines of 黄敏丽 in one household: one finding per line, the same 家庭编号, 姓名, 身份证号 and 检查项.
    for (const header of ['家庭编号', '姓名', '身份证号', '检查项']) expect(first.values[header]).toEqual(second.values[header]);
    expect(first.values['问题描述']).not.toEqual(second.values['问题描述']);
    const [firstId, secondId] = [String(first.values['问题编号']), String(second.values['问题编号'])];
    const run = await importEdited(ledger, (sheet) => {
      cell(sheet, 7, '整改状态').value = '已清退';
      cell(sheet, 7, '备注').value = '重复登记的一行已删除';
      cell(sheet, 8, '整改状态').value = '核实中';
      sortByStatus(sheet, ['乡镇', '备注'], 7, 8, STATUS_ORDER);
    }, village);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain(`第 7 行 列「问题编号」：问题描述与问题编号 ${firstId} 导出时不符（现为问题编号 ${secondId} 的内容；可能排序时未选中问题编号列）`);
    expect(run.stdout).toContain(`第 8 行 列「问题编号」：问题描述与问题编号 ${secondId} 导出时不符（现为问题编号 ${firstId} 的内容；`);
    expect(await workbookChanges(ledger)).toEqual([]);
  }, 120_000);
});

describe('staff work that shows no other finding (R15)', () => {
  it('takes a corrected 姓名 beside a 家庭编号 Excel cut to 15 digits when it was retyped', async () => {
    const ledger = await copyLedger(base);
    const household = String(dataRows((await readWorkbook(exported)).getWorksheet(SHEET)!)[2]!.values['家庭编号']);
    const run = await importEdited(ledger, (sheet) => {
      cell(sheet, 5, '姓名').value = '黄月惠';
      cell(sheet, 5, '家庭编号').value = Number(Number(household).toPrecision(15));
      cell(sheet, 5, '整改状态').value = '核实中';
      cell(sheet, 6, '整改状态').value = '核实中';
    });
    expect(run.stdout).not.toContain('排序');
    expect(run.stdout).toContain('第 5 行 列「姓名」：此列不可修改');
    expect(await workbookChanges(ledger)).toEqual([`${ids[2]}.status`, `${ids[3]}.status`].sort());
  }, 120_000);

  it('says a locked cell exported empty was empty: 韩爱香\'s 身份证号 filled in (no valid ID on the roll)', async () => {
    const ledger = await copyLedger(base);
    const run = await importEdited(ledger, (sheet) => {
      cell(sheet, 4, '身份证号').value = '371329198001011234';
      cell(sheet, 4, '整改状态').value = '核实中';
    });
    expect(run.stdout).toContain('第 4 行 列「身份证号」：此列不可修改，导出时为空，改动未导入');
    expect(await workbookChanges(ledger)).toEqual([`${ids[1]}.status`]);
  }, 120_000);

  it('takes a corrected 姓名 on a row staff copied below the table as a start for a case of their own', async () => {
    const ledger = await copyLedger(base);
    const run = await importEdited(ledger, (sheet) => {
      const below = dataRows(sheet).at(-1)!.row + 1;
      for (const header of ['乡镇', '村(社区)', '家庭编号', '户主姓名', '姓名', '身份证号', '检查项', '问题描述']) {
        cell(sheet, below, header).value = cell(sheet, 5, header).value;
      }
      cell(sheet, below, '问题描述').value = '村里自查：其子在城区开店，待核实';
      cell(sheet, 5, '姓名').value = '黄月惠';
      cell(sheet, 5, '整改状态').value = '核实中';
      cell(sheet, 6, '整改状态').value = '核实中';
    });
    expect(run.stdout).not.toContain('排序');
    expect(await workbookChanges(ledger)).toEqual([`${ids[2]}.status`, `${ids[3]}.status`].sort());
  }, 120_000);
});

describe('a 整改时限 with a time of day', () => {
  it('refuses a date cell holding a time as it refuses the same typed as text, and takes a date at midnight', async () => {
    const ledger = await copyLedger(base);
    const before = await finding(ledger, ids[0]!);
    const run = await importEdited(ledger, (sheet) => {
      // As Excel keeps 2026-11-30 14:00 typed or pasted into a cell, shown with the column's date format.
      const dateTime = cell(sheet, 3, '整改时限');
      dateTime.value = new Date('2026-11-30T14:00:00Z');
      dateTime.numFmt = 'yyyy-mm-dd';
      cell(sheet, 4, '整改时限').value = '2026-11-30 14:00';
      cell(sheet, 5, '整改时限').value = new Date('2026-11-30T00:00:00Z');
    });
    expect(run.code).toBe(2);
    expect(run.stdout).toContain(`第 3 行 列「整改时限」「2026-11-30 14:00」：「2026-11-30 14:00」带有时刻，整改时限只填日期（应如 2026-12-31）`);
    expect(run.stdout).toContain(`第 4 行 列「整改时限」「2026-11-30 14:00」：「2026-11-30 14:00」带有时刻，整改时限只填日期（应如 2026-12-31）`);
    expect(await workbookChanges(ledger)).toEqual([`${ids[2]}.deadline`]);
    expect((await finding(ledger, ids[0]!))['deadline']).toBe(before['deadline']);
    expect((await finding(ledger, ids[2]!))['deadline']).toBe('2026-11-30');
  }, 120_000);

  it('refuses a time added to the exported day itself, which was dropped without a word', async () => {
    const ledger = await copyLedger(base);
    const run = await importEdited(ledger, (sheet) => {
      const deadline = cell(sheet, 3, '整改时限');
      const day = (deadline.value as Date).toISOString().slice(0, 10);
      deadline.value = new Date(`${day}T09:30:00Z`);
    });
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/第 3 行 列「整改时限」「\d{4}-\d{2}-\d{2} 09:30」：「\d{4}-\d{2}-\d{2} 09:30」带有时刻/);
    expect(await workbookChanges(ledger)).toEqual([]);
  }, 120_000);
});
