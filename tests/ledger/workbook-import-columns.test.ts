// `ledger import` of a workbook whose columns staff changed: text typed in a column of their own (核查情况 added after
// 备注, a cell with no header) is listed and counted as not in the ledger; a staff column under a renamed header is read
// when the header is clearly its own (备注（说明）), and otherwise its edits are refused, never taken for another column.
// Until 2026-12-06 both were dropped without a word and the import exited 0.
import { join } from 'node:path';
import type * as ExcelTypes from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { LEDGER_COLUMNS } from '../../scanner/export/ledger-workbook/columns.ts';
import { exportLedgerWorkbooks } from '../../scanner/export/ledger-workbook/export-ledger-workbooks.ts';
import { editsNotApplied, formatImportReport, importLedgerWorkbooks, type ImportReport } from '../../scanner/ledger/import/import-ledger-workbooks.ts';
import { headerKey, headerKeysAreDistinct } from '../../scanner/ledger/import/sheet-columns.ts';
import { withLedger } from '../../scanner/ledger/with-ledger.ts';
import {
  cellOf, columnOf, copyLedger, dataRows, editWorkbook, readWorkbook, SAMPLE_AS_OF, SAMPLE_PERIOD, scanSampleLedger, staffFields,
} from '../support/ledger-fixture.ts';
import { tempFolder } from '../support/temp-folder.ts';

const root = await tempFolder();
let base: string;
let township: string;
let sheetName: string;
let ids: string[];
/** Where each of the first sheet's findings was exported; and the column after 备注, the last one exported. */
let rowOf: (id: string) => number;
const AFTER_NOTE = LEDGER_COLUMNS.length + 1;
const letter = (column: number) => String.fromCharCode(64 + column);

beforeAll(async () => {
  base = await scanSampleLedger(root);
  const result = await withLedger(base, (connection) =>
    exportLedgerWorkbooks(connection, { period: SAMPLE_PERIOD, outDir: join(root, 'export'), split: 'township', unmask: false, asOf: SAMPLE_AS_OF }));
  township = result.files[0]!;
  const sheet = (await readWorkbook(township)).worksheets.find((one) => !['汇总', '_rollsweep'].includes(one.name))!;
  sheetName = sheet.name;
  const rows = dataRows(sheet);
  ids = rows.map(({ values }) => String(values['问题编号']));
  rowOf = (id) => rows[ids.indexOf(id)]!.row;
});

let copies = 0;
/** The exported workbook with the first village sheet changed as staff would. */
function filledIn(edit: (sheet: ExcelTypes.Worksheet) => void): Promise<string> {
  return editWorkbook(township, join(root, `${++copies}-店头镇.xlsx`), (book) => edit(book.getWorksheet(sheetName)!));
}

async function imported(edit: (sheet: ExcelTypes.Worksheet) => void): Promise<{ ledger: string; report: ImportReport }> {
  const ledger = await copyLedger(base);
  const workbook = await filledIn(edit);
  const report = await withLedger(ledger, (connection) => importLedgerWorkbooks(connection, [workbook], { by: '王干事', at: new Date('2026-11-20T08:00:00Z') }));
  return { ledger, report };
}

/** Renames the header of `header` (row 2) and returns its column. */
function rename(sheet: ExcelTypes.Worksheet, header: string, to: string | null): number {
  const column = columnOf(sheet, header);
  sheet.getRow(2).getCell(column).value = to;
  return column;
}

const at = (cell: { sheet: string; row: number; column: string }) => `${cell.sheet}!${cell.row}:${cell.column}`;

describe('text typed in a column the exported sheet did not have', () => {
  it('lists each cell with its column, its text and why, applies the row\'s valid edits, and counts it as not in the ledger', async () => {
    let below = 0;
    const { ledger, report } = await imported((sheet) => {
      cellOf(sheet, ids[0]!, '整改状态').value = '核实中';
      sheet.getRow(2).getCell(AFTER_NOTE).value = '核查情况';
      sheet.getRow(rowOf(ids[0]!)).getCell(AFTER_NOTE).value = '已入户，本人已死亡，建议停发';
      sheet.getRow(rowOf(ids[1]!)).getCell(AFTER_NOTE + 1).value = '已追回 500 元';
      // A signature typed under the table beside it is a line under the table, as in column A.
      below = sheet.rowCount + 2;
      sheet.getRow(below).getCell(AFTER_NOTE).value = '村委会盖章：';
    });
    const file = report.files[0]!;
    expect(file.applied.map((change) => [change.findingId, change.field, change.to])).toEqual([[ids[0], 'status', '核实中']]);
    expect(file.rejected).toEqual([]);
    expect(file.ignored.map((cell) => [at(cell), cell.value, cell.reason, cell.outsideTable])).toEqual([
      [`${sheetName}!${below}:问题编号`, undefined, '此行不是台账中的问题（没有问题编号，如签字、盖章、说明），未读取', true],
      [`${sheetName}!${rowOf(ids[0]!)}:核查情况（${letter(AFTER_NOTE)} 列）`, '已入户，本人已死亡，建议停发', '不是台账的列，未导入；请写入备注', undefined],
      [`${sheetName}!${rowOf(ids[1]!)}:${letter(AFTER_NOTE + 1)} 列（无表头）`, '已追回 500 元', '不是台账的列，未导入；请写入备注', undefined],
    ]);
    expect(editsNotApplied(report)).toBe(2);
    expect(formatImportReport(report)).toContain(
      `已忽略 ${file.file} 工作表「${sheetName}」 第 ${rowOf(ids[0]!)} 行 列「核查情况（X 列）」「已入户，本人已死亡，建议停发」：不是台账的列，未导入；请写入备注`);
    expect((await staffFields(ledger))[ids[0]!]).toMatchObject({ status: '核实中', note: null });
  });

  it('names a column inserted between the exported ones by its letter, masks an ID in it, and still reads every exported column by its header', async () => {
    const { ledger, report } = await imported((sheet) => {
      sheet.spliceColumns(3, 0, []);
      sheet.getRow(2).getCell(3).value = '联系人';
      sheet.getRow(rowOf(ids[2]!)).getCell(3).value = '张三 371329198507071071';
      cellOf(sheet, ids[2]!, '备注').value = '已电话联系';
    });
    const file = report.files[0]!;
    expect(file.applied.map((change) => [change.findingId, change.field, change.to])).toEqual([[ids[2], 'note', '已电话联系']]);
    expect(file.ignored.map((cell) => [at(cell), cell.value])).toEqual([[`${sheetName}!${rowOf(ids[2]!)}:联系人（C 列）`, '张三 371329198507071071']]);
    expect(editsNotApplied(report)).toBe(1);
    // Printed as every value the report quotes: with the ID masked.
    expect(formatImportReport(report)).toContain(`列「联系人（C 列）」「张三 371329********1071」：不是台账的列`);
    expect((await staffFields(ledger))[ids[2]!]).toMatchObject({ note: '已电话联系' });
  });

  it('says nothing of an exported cell merged across into the next column, nor of blank or styled cells there', async () => {
    const { report } = await imported((sheet) => {
      const row = rowOf(ids[0]!);
      cellOf(sheet, ids[0]!, '备注').value = '已核实';
      sheet.mergeCells(row, LEDGER_COLUMNS.length, row, AFTER_NOTE);
      sheet.getRow(rowOf(ids[1]!)).getCell(AFTER_NOTE).value = '   ';
      sheet.getRow(rowOf(ids[2]!)).getCell(AFTER_NOTE).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
    });
    expect(report.files[0]!.applied.map((change) => [change.findingId, change.field, change.to])).toEqual([[ids[0], 'note', '已核实']]);
    expect(report.files[0]!.ignored).toEqual([]);
    expect(editsNotApplied(report)).toBe(0);
  });
});

describe('an exported staff column whose header was changed', () => {
  it('keeps the ledger\'s headers apart once spaces, full-width forms and remarks in brackets are dropped', () => {
    expect(headerKeysAreDistinct(LEDGER_COLUMNS.map((column) => column.header))).toBe(true);
    expect(['备注（说明）', '备 注', '备注 ', '＊备注：', '备注\n(村填)'].map(headerKey)).toEqual(Array(5).fill('备注'));
    expect(headerKey('已追回金额')).toBe(headerKey('已追回金额(元)'));
    expect(headerKey('已追回金额')).not.toBe(headerKey('应追回金额(元)'));
  });

  it.each([['备注', '备注（说明）'], ['备注', '备 注'], ['整改状态', '整改状态（下拉选择）'], ['已追回金额(元)', '已追回金额（元）']])(
    'reads %s under the header %s as itself', async (header, renamed) => {
      const value = header === '已追回金额(元)' ? 300 : header === '整改状态' ? '核实中' : '已入户核实，确认不符合条件';
      const { ledger, report } = await imported((sheet) => {
        cellOf(sheet, ids[0]!, header).value = value;
        rename(sheet, header, renamed);
      });
      expect(report.files[0]!.applied.map((change) => [change.findingId, change.column])).toEqual([[ids[0], header]]);
      expect(editsNotApplied(report)).toBe(0);
      const field = { 备注: 'note', 整改状态: 'status', '已追回金额(元)': 'recovered_cents' }[header]!;
      expect((await staffFields(ledger))[ids[0]!]![field]).toBe(header === '已追回金额(元)' ? 30000 : value);
    });

  it('refuses what was changed under a header it cannot tell is the column, and says nothing of the cells left as exported', async () => {
    let column = 0;
    const { ledger, report } = await imported((sheet) => {
      cellOf(sheet, ids[0]!, '整改措施').value = '已停发';
      cellOf(sheet, ids[0]!, '整改状态').value = '已清退';
      column = rename(sheet, '整改措施', '落实情况');
    });
    const file = report.files[0]!;
    const name = `整改措施（${letter(column)} 列，表头已改为「落实情况」）`;
    // Every row kept its exported 整改措施 (the check's remedy): only the one changed is listed.
    expect(file.rejected.map((cell) => [at(cell), cell.value, cell.reason])).toEqual([
      [`${sheetName}!${rowOf(ids[0]!)}:${name}`, '已停发', '无法确认此列是「整改措施」，未导入；请把表头改回「整改措施」后重新导入'],
    ]);
    expect(file.ignored).toEqual([]);
    expect(file.applied.map((change) => [change.findingId, change.field])).toEqual([[ids[0], 'status']]);
    expect(editsNotApplied(report)).toBe(1);
    expect((await staffFields(ledger))[ids[0]!]).toMatchObject({ status: '已清退', remedy: expect.not.stringMatching('已停发') });
  });

  it('refuses the edits of a column whose header was cleared', async () => {
    const { report } = await imported((sheet) => {
      cellOf(sheet, ids[1]!, '备注').value = '已核实';
      rename(sheet, '备注', null);
    });
    expect(report.files[0]!.rejected.map((cell) => [at(cell), cell.value])).toEqual([
      [`${sheetName}!${rowOf(ids[1]!)}:备注（W 列，表头已被清空）`, '已核实'],
    ]);
    expect(editsNotApplied(report)).toBe(1);
  });

  it('never reads a renamed header as another column: 整改措施 renamed 备注（措施）beside 备注 stays 整改措施', async () => {
    const { ledger, report } = await imported((sheet) => {
      cellOf(sheet, ids[0]!, '整改措施').value = '已停发';
      cellOf(sheet, ids[0]!, '备注').value = '村里已核实';
      rename(sheet, '整改措施', '备注（措施）');
    });
    const file = report.files[0]!;
    expect(file.applied.map((change) => [change.field, change.to])).toEqual([['note', '村里已核实']]);
    expect(file.rejected.map((cell) => [cell.column, cell.value])).toEqual([[expect.stringMatching(/^整改措施（Q 列，表头已改为「备注（措施）」）$/), '已停发']]);
    expect((await staffFields(ledger))[ids[0]!]).toMatchObject({ note: '村里已核实' });
  });

  it('reads neither of two headers that could both be 备注, and a second 备注 column beside the first is staff\'s own', async () => {
    const { ledger, report } = await imported((sheet) => {
      cellOf(sheet, ids[0]!, '备注').value = '说明一';
      rename(sheet, '备注', '备注（说明）');
      sheet.getRow(2).getCell(AFTER_NOTE).value = '备注（核查）';
      sheet.getRow(rowOf(ids[0]!)).getCell(AFTER_NOTE).value = '说明二';
    });
    const file = report.files[0]!;
    expect(file.applied).toEqual([]);
    expect(file.rejected.map((cell) => [cell.column, cell.value])).toEqual([['备注（W 列，表头已改为「备注（说明）」）', '说明一']]);
    expect(file.ignored.map((cell) => [cell.column, cell.value])).toEqual([['备注（核查）（X 列）', '说明二']]);
    expect((await staffFields(ledger))[ids[0]!]).toMatchObject({ note: null });

    const kept = await imported((sheet) => {
      cellOf(sheet, ids[0]!, '备注').value = '说明一';
      sheet.getRow(2).getCell(AFTER_NOTE).value = '备注（核查）';
      sheet.getRow(rowOf(ids[0]!)).getCell(AFTER_NOTE).value = '说明二';
    });
    expect(kept.report.files[0]!.applied.map((change) => [change.column, change.to])).toEqual([['备注', '说明一']]);
    expect(kept.report.files[0]!.ignored.map((cell) => [cell.column, cell.value])).toEqual([['备注（核查）（X 列）', '说明二']]);
  });

  it('names the sheet and the header of a staff column that is gone, once, and counts it', async () => {
    const { report } = await imported((sheet) => {
      cellOf(sheet, ids[0]!, '整改状态').value = '核实中';
      sheet.spliceColumns(columnOf(sheet, '备注'), 1);
    });
    const file = report.files[0]!;
    expect(file.applied.map((change) => change.field)).toEqual(['status']);
    expect(file.ignored.map((cell) => [at(cell), cell.reason])).toEqual([
      [`${sheetName}!2:备注`, '表头中找不到「备注」列（已改名或删除），此列的修改未导入；请把表头改回「备注」后重新导入'],
    ]);
    expect(editsNotApplied(report)).toBe(1);
  });

  it('says nothing of a renamed locked column left as exported, and lists an edit to it as to a locked column', async () => {
    const { report } = await imported((sheet) => {
      rename(sheet, '问题描述', '情况');
      rename(sheet, '文件依据', '依据（文件）');
    });
    expect(report.files[0]!.ignored).toEqual([]);
    expect(editsNotApplied(report)).toBe(0);

    const edited = await imported((sheet) => {
      cellOf(sheet, ids[0]!, '问题描述').value = '已改';
      rename(sheet, '问题描述', '情况');
    });
    expect(edited.report.files[0]!.ignored.map((cell) => [cell.column, cell.reason])).toEqual([
      ['问题描述（L 列，表头已改为「情况」）', expect.stringContaining('此列不可修改')],
    ]);
  });
});
