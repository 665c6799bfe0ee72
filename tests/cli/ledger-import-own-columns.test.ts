// `rollsweep ledger import` of the demo township's workbook sent back as the reviewer's village did: a column 核查情况
// added after 备注 and a cell with no header on one sheet, 备注 renamed on another. Until 2026-12-06 it printed
// 没有需要导入的修改 and exited 0, the text in the added column and under the renamed header lost without a word.
import { join } from 'node:path';
import type * as ExcelTypes from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { LEDGER_COLUMNS } from '../../scanner/export/ledger-workbook/columns.ts';
import {
  columnOf, copyLedger, dataRows, editWorkbook, readWorkbook, SAMPLE_AS_OF, SAMPLE_CONFIG, SAMPLE_INPUT, SAMPLE_PERIOD, staffFields,
} from '../support/ledger-fixture.ts';
import { looksLikeStackTrace, runCli, type CliRun } from '../support/run-cli.ts';
import { tempFolder } from '../support/temp-folder.ts';

const root = await tempFolder();
const scanned = join(root, 'ledger.duckdb');
const exported = join(root, 'out', 'ledger', '店头镇.xlsx');
/** Two village sheets of 店头镇.xlsx, each with the 问题编号 of its first two rows (rows 3 and 4). */
let sheets: { name: string; ids: string[] }[];
const AFTER_NOTE = LEDGER_COLUMNS.length + 1;

beforeAll(async () => {
  const run = await runCli(['scan', '--input', SAMPLE_INPUT, '--period', SAMPLE_PERIOD, '--as-of', SAMPLE_AS_OF, '--config', SAMPLE_CONFIG,
    '--ledger', scanned, '--out', join(root, 'out'), '--quiet']);
  expect(run.code, run.stderr).toBe(0);
  sheets = (await readWorkbook(exported)).worksheets.filter((one) => !['汇总', '_rollsweep'].includes(one.name))
    .filter((one) => dataRows(one).length >= 2).slice(0, 2)
    .map((one) => ({ name: one.name, ids: dataRows(one).slice(0, 2).map((row) => String(row.values['问题编号'])) }));
  expect(sheets).toHaveLength(2);
});

async function cli(ledger: string, args: string[]): Promise<CliRun> {
  const run = await runCli([...args, '--ledger', ledger]);
  expect(looksLikeStackTrace(run.stderr), run.stderr).toBe(false);
  return run;
}

let copies = 0;
function sentBack(edit: (first: ExcelTypes.Worksheet, second: ExcelTypes.Worksheet) => void): Promise<string> {
  return editWorkbook(exported, join(root, `${++copies}-店头镇.xlsx`), (book) => edit(book.getWorksheet(sheets[0]!.name)!, book.getWorksheet(sheets[1]!.name)!));
}

describe('staff text outside the exported columns', () => {
  it('lists the added column\'s and the header-less cell\'s text and exits 2; a note under 备注（说明） is taken as 备注', async () => {
    const ledger = await copyLedger(scanned);
    const workbook = await sentBack((first, second) => {
      first.getRow(2).getCell(AFTER_NOTE).value = '核查情况';
      first.getRow(3).getCell(AFTER_NOTE).value = '已入户，本人已死亡，建议停发';
      first.getRow(4).getCell(AFTER_NOTE + 1).value = '已追回 500 元';
      const note = columnOf(second, '备注');
      second.getRow(2).getCell(note).value = '备注（说明）';
      second.getRow(3).getCell(note).value = '已入户核实，确认不符合条件';
      second.getRow(3).getCell(columnOf(second, '整改状态')).value = '已清退';
    });
    const run = await cli(ledger, ['ledger', 'import', workbook]);
    expect(run.code, run.stdout).toBe(2);
    const [first, second] = sheets as [{ name: string; ids: string[] }, { name: string; ids: string[] }];
    expect(run.stdout).toContain(`工作表「${first.name}」 第 3 行 列「核查情况（X 列）」「已入户，本人已死亡，建议停发」：不是台账的列，未导入；请写入备注`);
    expect(run.stdout).toContain(`工作表「${first.name}」 第 4 行 列「Y 列（无表头）」「已追回 500 元」：不是台账的列，未导入；请写入备注`);
    expect(run.stdout).toContain('导入 2 处修改（1 条问题），拒绝 0 格，忽略 2 处');
    expect((await staffFields(ledger))[second.ids[0]!]).toMatchObject({ status: '已清退', note: '已入户核实，确认不符合条件' });
    expect((await staffFields(ledger))[first.ids[0]!]).toMatchObject({ note: null });
  });

  it('refuses a note under a header it cannot tell is 备注, naming the sheet and the header, and exits 2', async () => {
    const ledger = await copyLedger(scanned);
    const workbook = await sentBack((_first, second) => {
      const note = columnOf(second, '备注');
      second.getRow(2).getCell(note).value = '情况说明';
      second.getRow(3).getCell(note).value = '已入户核实，确认不符合条件';
    });
    const run = await cli(ledger, ['ledger', 'import', workbook]);
    expect(run.code, run.stdout).toBe(2);
    expect(run.stdout).toContain(`已拒绝 ${workbook.split('/').pop()} 工作表「${sheets[1]!.name}」 第 3 行 列「备注（W 列，表头已改为「情况说明」）」`
      + '「已入户核实，确认不符合条件」：无法确认此列是「备注」，未导入；请把表头改回「备注」后重新导入');
    expect((await staffFields(ledger))[sheets[1]!.ids[0]!]).toMatchObject({ note: null });
  });

  it('exits 0 for a workbook sent back with an empty column added and a header respaced, as before', async () => {
    const ledger = await copyLedger(scanned);
    const workbook = await sentBack((first) => {
      first.getRow(2).getCell(AFTER_NOTE).value = '核查情况';
      first.getRow(2).getCell(columnOf(first, '备注')).value = '备 注';
    });
    const run = await cli(ledger, ['ledger', 'import', workbook]);
    expect([run.code, run.stdout]).toEqual([0, expect.stringContaining('没有需要导入的修改')]);
  });
});
