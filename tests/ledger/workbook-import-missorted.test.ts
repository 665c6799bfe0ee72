// `ledger import` of a sheet staff sorted without its 问题编号 column (the sheet protection has no password): a row
// that now shows another finding is not imported into the 问题编号 left beside it, and no row of that sheet is taken
// until the order is put back; other sheets import as usual, and a single corrected 姓名 still does not stop its row.
// Until 2026-12-06 the row's 整改状态 and 备注 closed the wrong person's finding. Real CLI, real XLSX, real DuckDB.
import { join } from 'node:path';
import type * as ExcelTypes from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { columnOf, copyLedger, dataRows, editWorkbook, queryLedger, readWorkbook, scanAndExportThroughCli } from '../support/ledger-fixture.ts';
import { looksLikeStackTrace, runCli, type CliRun } from '../support/run-cli.ts';
import { tempFolder } from '../support/temp-folder.ts';

const root = await tempFolder('rollsweep-missorted-');
const SHEET = '东八里巷村';
/** Rows 3–6 of the sheet as exported, in order (the demo's data): 杨莲, 韩爱香, 黄月慧, 陈鑫. */
let ids: string[];
let base: string;
let exported: string;
/** A finding of another village's sheet of the same workbook, and its row. */
let elsewhere: { sheet: string; id: string; row: number };

beforeAll(async () => {
  ({ ledger: base, workbook: exported } = await scanAndExportThroughCli(root));
  {
    const workbook = await readWorkbook(exported);
    const rows = dataRows(workbook.getWorksheet(SHEET)!).slice(0, 4);
    expect(rows.map((row) => row.values['姓名'])).toEqual(['杨莲', '韩爱香', '黄月慧', '陈鑫']);
    ids = rows.map((row) => String(row.values['问题编号']));
    const other = workbook.worksheets.find((sheet) => !['汇总', '_rollsweep', SHEET].includes(sheet.name))!;
    const first = dataRows(other)[0]!;
    elsewhere = { sheet: other.name, id: String(first.values['问题编号']), row: first.row };
  }
  // What staff wrote about 黄月慧 before this month's workbook went out (the reviewer's case).
  const set = await runCli(['ledger', 'set', ids[2]!, '--note', '已入户核实', '--ledger', base, '--by', '李干事']);
  expect(set.code).toBe(0);
  const reexport = await runCli(['ledger', 'export', '--ledger', base, '--period', '2026-10', '--out', join(root, 'export')]);
  expect(reexport.code).toBe(0);
}, 240_000);

/** Sorts columns `from`..`to` of rows 3–6 by `header`, descending, leaving the other columns (问题编号) where they are. */
function sortBlock(sheet: ExcelTypes.Worksheet, from: number, to: number, header: string): void {
  const key = columnOf(sheet, header);
  const rows = [3, 4, 5, 6].map((row) => (sheet.getRow(row).values as ExcelTypes.CellValue[]).slice());
  const order = rows.map((_, index) => index).sort((a, b) => String(rows[b]![key]).localeCompare(String(rows[a]![key]), 'zh'));
  order.forEach((source, index) => {
    for (let column = from; column <= to; column++) sheet.getRow(3 + index).getCell(column).value = rows[source]![column] ?? null;
  });
}

function cell(sheet: ExcelTypes.Worksheet, row: number, header: string): ExcelTypes.Cell {
  return sheet.getRow(row).getCell(columnOf(sheet, header));
}

let copies = 0;
async function importEdited(edit: (workbook: ExcelTypes.Workbook) => void): Promise<{ ledger: string; run: CliRun }> {
  const ledger = await copyLedger(base);
  const file = join(root, `${++copies}-店头镇.xlsx`);
  await editWorkbook(exported, file, edit);
  const run = await runCli(['ledger', 'import', file, '--ledger', ledger, '--by', '王干事']);
  expect(looksLikeStackTrace(run.stdout + run.stderr)).toBe(false);
  return { ledger, run };
}

async function findings(ledger: string, wanted: readonly string[]): Promise<Record<string, Record<string, unknown>>> {
  const rows = await queryLedger(ledger, `SELECT finding_id, status, remedy, strftime(deadline, '%Y-%m-%d') AS deadline, note
    FROM ledger.findings WHERE finding_id IN (${wanted.map((id) => `'${id}'`).join(', ')})`);
  return Object.fromEntries(rows.map((row) => [String(row['finding_id']), row]));
}

async function workbookChanges(ledger: string): Promise<string[]> {
  const rows = await queryLedger(ledger, `SELECT finding_id, field FROM ledger.changes WHERE source_kind = 'workbook' ORDER BY change_id`);
  return rows.map((row) => `${String(row['finding_id'])}.${String(row['field'])}`);
}

describe('a sheet sorted without its 问题编号 column', () => {
  it('imports nothing of the rows that now show another person, nor of the rest of that sheet', async () => {
    const before = await findings(base, ids);
    const { ledger, run } = await importEdited((workbook) => {
      const sheet = workbook.getWorksheet(SHEET)!;
      // Columns C onward of rows 3–6 sorted by 姓名 (A 序号 and B 问题编号 not selected): 韩爱香 and 黄月慧 trade rows.
      sortBlock(sheet, 3, sheet.columnCount, '姓名');
      expect(cell(sheet, 4, '姓名').value).toBe('黄月慧');
      // Staff close the person row 4 now shows, and fill in the row below the block, which the sort did not touch.
      cell(sheet, 4, '整改状态').value = '已清退';
      cell(sheet, 4, '备注').value = `${String(cell(sheet, 4, '姓名').value)} 已于11月停发清退`;
      cell(sheet, 7, '整改状态').value = '核实中';
      const other = workbook.getWorksheet(elsewhere.sheet)!;
      cell(other, elsewhere.row, '整改状态').value = '核实中';
    });
    // Exit 2: some of what staff typed is not in the ledger.
    expect(run.code).toBe(2);
    expect(run.stdout).toContain(`工作表「${SHEET}」 第 4 行 列「问题编号」：姓名、身份证号等与问题编号 ${ids[1]} 导出时不符（导出时姓名为「韩爱香」，现为「黄月慧」；现为问题编号 ${ids[2]} 的内容；可能排序时未选中问题编号列），此行的填报未导入；请恢复原顺序后重新导入`);
    expect(run.stdout).toContain(`工作表「${SHEET}」 第 5 行 列「问题编号」：姓名、身份证号等与问题编号 ${ids[2]} 导出时不符（导出时姓名为「黄月慧」，现为「韩爱香」`);
    expect(run.stdout).toContain(`工作表「${SHEET}」 第 4 行 列「整改状态」「已清退」：此行不是问题编号 ${ids[1]} 的行`);
    expect(run.stdout).toContain(`工作表「${SHEET}」 第 7 行 列「整改状态」「核实中」：本工作表第 4 行、第 5 行与其问题编号不符（可能排序时未选中问题编号列），无法确认其余各行仍是各自问题的行，本表的填报均未导入`);
    // Not one cell per locked column of the moved rows: one line says what happened to each.
    expect(run.stdout).not.toContain('此列不可修改');

    const after = await findings(ledger, ids);
    expect(after).toEqual(before);
    expect(after[ids[1]!]).toMatchObject({ status: '待核实', note: null });
    expect(after[ids[2]!]).toMatchObject({ status: '待核实', note: '已入户核实' });
    // The other village's sheet is another sort's business: its edit lands.
    expect(await workbookChanges(ledger)).toEqual([`${elsewhere.id}.status`]);
    const shown = await runCli(['ledger', 'show', ids[1]!, '--ledger', ledger]);
    expect(shown.stdout).not.toContain('已清退');
  }, 120_000);

  it('refuses the sort alone, with nothing typed: remedies and deadlines stay with their findings', async () => {
    const before = await findings(base, ids);
    const { ledger, run } = await importEdited((workbook) => {
      const sheet = workbook.getWorksheet(SHEET)!;
      sortBlock(sheet, 3, sheet.columnCount, '姓名');
    });
    expect(run.code).toBe(2);
    expect(run.stdout).toContain(`第 4 行 列「整改措施」`);
    expect(await findings(ledger, ids)).toEqual(before);
    expect(await workbookChanges(ledger)).toEqual([]);
  }, 120_000);

  it('refuses a sort of the staff columns alone (整改措施 to 备注) that moved two or more of them', async () => {
    const before = await findings(base, ids);
    const { ledger, run } = await importEdited((workbook) => {
      const sheet = workbook.getWorksheet(SHEET)!;
      sortBlock(sheet, columnOf(sheet, '整改措施'), columnOf(sheet, '备注'), '整改时限');
    });
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/整改措施、整改时限等?与问题编号 RS\w+ 导出时不符（现为问题编号 RS\w+ 的内容；可能排序时未选中问题编号列）/);
    expect(await findings(ledger, ids)).toEqual(before);
    expect(await workbookChanges(ledger)).toEqual([]);
  }, 120_000);

  it('still imports a row whose 姓名 staff corrected, and a remedy and deadline copied from the row above', async () => {
    const { ledger, run } = await importEdited((workbook) => {
      const sheet = workbook.getWorksheet(SHEET)!;
      cell(sheet, 4, '姓名').value = '韩爱湘';
      cell(sheet, 4, '整改状态').value = '核实中';
      for (const header of ['整改措施', '整改时限']) cell(sheet, 5, header).value = cell(sheet, 4, header).value;
    });
    // Exit 2 for the 姓名, which is not the ledger's to change; the rest of the row lands.
    expect(run.code).toBe(2);
    expect(run.stdout).toContain(`第 4 行 列「姓名」：此列不可修改，导出时为「韩爱香」，改动未导入`);
    expect(run.stdout).not.toContain('排序');
    expect((await workbookChanges(ledger)).sort()).toEqual([`${ids[1]}.status`, `${ids[2]}.remedy`, `${ids[2]}.deadline`].sort());
    expect((await findings(ledger, [ids[1]!]))[ids[1]!]).toMatchObject({ status: '核实中' });
  }, 120_000);
});
