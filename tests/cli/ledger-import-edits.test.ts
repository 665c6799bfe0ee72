// `rollsweep ledger import` run as a township clerk (or a cron job) runs it, on the demo township's workbook filled
// in as a village would: what is applied, what is reported instead, and the exit code.
import { join } from 'node:path';
import type * as ExcelTypes from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  cellOf, copyLedger, dataRows, editWorkbook, readWorkbook, SAMPLE_AS_OF, SAMPLE_CONFIG, SAMPLE_INPUT, SAMPLE_PERIOD, staffFields,
} from '../support/ledger-fixture.ts';
import { looksLikeStackTrace, runCli, type CliRun } from '../support/run-cli.ts';
import { tempFolder } from '../support/temp-folder.ts';

const root = await tempFolder();
const scanned = join(root, 'ledger.duckdb');
const exported = join(root, 'out', 'ledger', '店头镇.xlsx');
/** The first village sheet of 店头镇.xlsx and its first finding. */
let sheetName: string;
let id: string;

beforeAll(async () => {
  const run = await runCli(['scan', '--input', SAMPLE_INPUT, '--period', SAMPLE_PERIOD, '--as-of', SAMPLE_AS_OF, '--config', SAMPLE_CONFIG,
    '--ledger', scanned, '--out', join(root, 'out'), '--quiet']);
  expect(run.code, run.stderr).toBe(0);
  const sheet = (await readWorkbook(exported)).worksheets.find((one) => !['汇总', '_rollsweep'].includes(one.name))!;
  sheetName = sheet.name;
  id = String(dataRows(sheet)[0]!.values['问题编号']);
});

async function cli(ledger: string, args: string[]): Promise<CliRun> {
  const run = await runCli([...args, '--ledger', ledger]);
  expect(looksLikeStackTrace(run.stderr), run.stderr).toBe(false);
  return run;
}

let copies = 0;
/** The exported workbook as a village sends it back, saved under a name of its own. */
function filledIn(edit: (sheet: ExcelTypes.Worksheet) => void): Promise<string> {
  return editWorkbook(exported, join(root, `${++copies}-店头镇.xlsx`), (book) => edit(book.getWorksheet(sheetName)!));
}

describe('a decision made in the ledger after the export', () => {
  it('is not overwritten by importing the same workbook again: the cells are listed, exit 2', async () => {
    const ledger = await copyLedger(scanned);
    const workbook = await filledIn((sheet) => {
      cellOf(sheet, id, '整改状态').value = '误报';
      cellOf(sheet, id, '备注').value = '车已卖';
    });
    const first = await cli(ledger, ['ledger', 'import', workbook]);
    expect(first.code, first.stdout + first.stderr).toBe(0);
    expect(first.stdout).toContain('导入 2 处修改（1 条问题）');
    const twice = await cli(ledger, ['ledger', 'import', workbook]);
    expect([twice.code, twice.stdout]).toEqual([0, expect.stringContaining('没有需要导入的修改')]);

    // The supervisor rejects the 误报, putting back exactly what the workbook was exported with.
    const set = await cli(ledger, ['ledger', 'set', id, '--status', '待核实', '--note', '', '--by', '张主任']);
    expect(set.code, set.stderr).toBe(0);
    const again = await cli(ledger, ['ledger', 'import', workbook, '--by', '王干事']);
    expect(again.code, again.stdout).toBe(2);
    expect(again.stdout).toMatch(new RegExp(`已拒绝 .*工作表「${sheetName}」 第 3 行 列「整改状态」「误报」：导出后台账中此项已改为「待核实」（ledger set（张主任），\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d），未覆盖`));
    expect(again.stdout).toMatch(/列「备注」「车已卖」：导出后台账中此项已改为「（空）」（ledger set（张主任），/);
    expect(again.stdout).toContain('导入 0 处修改（0 条问题），拒绝 2 格');
    expect((await staffFields(ledger))[id]).toMatchObject({ status: '待核实', note: null });
  });
});

describe('values typed with a Chinese input method', () => {
  it('takes full-width digits in 整改时限 and 已追回金额, from a workbook and from ledger set', async () => {
    const ledger = await copyLedger(scanned);
    const workbook = await filledIn((sheet) => {
      cellOf(sheet, id, '整改时限').value = '２０２６年１２月３１日';
      cellOf(sheet, id, '已追回金额(元)').value = '１２００';
    });
    const imported = await cli(ledger, ['ledger', 'import', workbook]);
    expect(imported.code, imported.stdout + imported.stderr).toBe(0);
    expect(imported.stdout).toContain('导入 2 处修改（1 条问题），拒绝 0 格');
    expect((await staffFields(ledger))[id]).toMatchObject({ deadline: '2026-12-31', recovered_cents: 120000 });

    const set = await cli(ledger, ['ledger', 'set', id, '--recovered', '１２３４．５', '--deadline', '2027-01-31 00:00:00']);
    expect(set.code, set.stderr).toBe(0);
    expect((await staffFields(ledger))[id]).toMatchObject({ deadline: '2027-01-31', recovered_cents: 123450 });
  });
});

describe('a workbook whose rows or columns staff moved', () => {
  /** The first three findings of the sheet get their own 整改状态 and 整改措施, so a row matched wrongly shows. */
  function fillFirstThree(sheet: ExcelTypes.Worksheet): string[] {
    const first = dataRows(sheet).slice(0, 3).map((row) => String(row.values['问题编号']));
    first.forEach((finding, i) => {
      cellOf(sheet, finding, '整改状态').value = ['核实中', '已整改', '核实中'][i]!;
      cellOf(sheet, finding, '整改措施').value = `措施-${finding}`;
    });
    return first;
  }

  async function expectEachOnItsOwnFinding(ledger: string, findings: readonly string[]): Promise<void> {
    const fields = await staffFields(ledger);
    expect(findings.map((finding) => fields[finding])).toMatchObject(findings.map((finding, i) => ({
      status: ['核实中', '已整改', '核实中'][i], remedy: `措施-${finding}`,
    })));
  }

  it('finds the header under a title line and a blank line added above it, and applies each edit to its finding', async () => {
    const ledger = await copyLedger(scanned);
    let findings: string[] = [];
    const workbook = await filledIn((sheet) => {
      findings = fillFirstThree(sheet);
      sheet.spliceRows(1, 0, ['东村整改情况'], []);
    });
    const run = await cli(ledger, ['ledger', 'import', workbook]);
    expect(run.code, run.stdout).toBe(0);
    expect(run.stdout).toContain('导入 6 处修改（3 条问题），拒绝 0 格，忽略 0 处');
    // The report names the rows where the village now sees them: the header moved from row 2 to row 4.
    expect(run.stdout).toContain(`工作表「${sheetName}」 第 5 行 列「整改状态」：待核实 → 核实中（${findings[0]}）`);
    await expectEachOnItsOwnFinding(ledger, findings);
  });

  it('matches rows by 问题编号 after a row and a column were inserted, and still tells a cleared 问题编号 from a line under the table', async () => {
    const ledger = await copyLedger(scanned);
    let findings: string[] = [];
    let cleared = 0;
    const workbook = await filledIn((sheet) => {
      findings = fillFirstThree(sheet);
      const last = dataRows(sheet).at(-1)!;
      cellOf(sheet, String(last.values['问题编号']), '整改状态').value = '已整改';
      cellOf(sheet, String(last.values['问题编号']), '问题编号').value = null;
      sheet.spliceRows(1, 0, ['东村整改情况']);
      sheet.spliceRows(6, 0, []);
      sheet.spliceColumns(3, 0, []);
      cleared = last.row + 2;
      sheet.getRow(cleared + 2).getCell(1).value = '村委会盖章：';
    });
    const run = await cli(ledger, ['ledger', 'import', workbook]);
    expect(run.code, run.stdout).toBe(2);
    expect(run.stdout).toContain('导入 6 处修改（3 条问题），拒绝 0 格，忽略 2 处');
    expect(run.stdout).toContain(`工作表「${sheetName}」 第 ${cleared} 行 列「问题编号」：此行没有问题编号，无法对应台账中的问题，未读取`);
    expect(run.stdout).toContain(`工作表「${sheetName}」 第 ${cleared + 2} 行 列「问题编号」：此行不是台账中的问题（没有问题编号`);
    await expectEachOnItsOwnFinding(ledger, findings);
  });
});

describe('the exit code: 2 when something staff changed in a finding\'s row is not in the ledger', () => {
  it('exits 0 when only a line under the table was passed over (村委会盖章：), and lists it', async () => {
    const ledger = await copyLedger(scanned);
    let below = 0;
    const workbook = await filledIn((sheet) => {
      cellOf(sheet, id, '整改状态').value = '核实中';
      below = sheet.rowCount + 2;
      sheet.getRow(below).getCell(2).value = '村委会盖章：';
      sheet.getRow(below + 1).getCell(2).value = '填表人：李四    日期：2026年11月20日';
    });
    const run = await cli(ledger, ['ledger', 'import', workbook]);
    expect(run.code, run.stdout).toBe(0);
    expect(run.stdout).toContain('导入 1 处修改（1 条问题），拒绝 0 格，忽略 2 处');
    expect(run.stdout).toContain(`工作表「${sheetName}」 第 ${below} 行 列「问题编号」：此行不是台账中的问题（问题编号栏为「村委会盖章：」，如签字、盖章、说明），未读取`);
    expect((await staffFields(ledger))[id]).toMatchObject({ status: '核实中' });
  });

  it('exits 2 for an edit to a locked column, and for a finding\'s row whose 问题编号 was cleared, applying the rest', async () => {
    const ledger = await copyLedger(scanned);
    const locked = await filledIn((sheet) => {
      cellOf(sheet, id, '整改状态').value = '核实中';
      cellOf(sheet, id, '姓名').value = '张三';
    });
    const run = await cli(ledger, ['ledger', 'import', locked]);
    expect(run.code, run.stdout).toBe(2);
    expect(run.stdout).toMatch(/列「姓名」：此列不可修改/);
    expect((await staffFields(ledger))[id]).toMatchObject({ status: '核实中' });

    const cleared = await filledIn((sheet) => {
      cellOf(sheet, id, '整改状态').value = '已整改';
      cellOf(sheet, id, '问题编号').value = null;
    });
    const again = await cli(ledger, ['ledger', 'import', cleared]);
    expect(again.code, again.stdout).toBe(2);
    expect(again.stdout).toContain(`工作表「${sheetName}」 第 3 行 列「问题编号」：此行没有问题编号`);
  });

  it('exits 2 for a workbook of an older month: none of its edits is applied', async () => {
    const ledger = await copyLedger(scanned);
    const november = await cli(ledger, ['scan', '--input', SAMPLE_INPUT, '--period', '2026-11', '--as-of', '2026-12-05', '--config', SAMPLE_CONFIG,
      '--out', join(root, 'out-2026-11'), '--quiet']);
    expect(november.code, november.stderr).toBe(0);
    const workbook = await filledIn((sheet) => {
      cellOf(sheet, id, '整改状态').value = '核实中';
    });
    const before = await staffFields(ledger);
    const run = await cli(ledger, ['ledger', 'import', workbook]);
    expect(run.code, run.stdout).toBe(2);
    expect(run.stdout).toContain('工作簿为 2026-10 的台账，台账最新月份为 2026-11');
    expect(await staffFields(ledger)).toEqual(before);
  });
});
