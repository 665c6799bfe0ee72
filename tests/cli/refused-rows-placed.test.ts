// A refused row about a recipient goes to the recipient's village. Until 2026-12-02 every refused row's finding had no
// village: a roll row shifted by an unquoted comma (1,400), or a death list's row of a recipient with an unreadable
// date, landed in 未关联乡镇.xlsx, where no village's staff look, while the recipient went unchecked.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { runScan } from '../support/scan-input.ts';
import { PEOPLE, rollCsv, validId } from '../support/small-township.ts';

const ZHAO = validId('370481', '19700101', '446');
const QIAN = validId('370481', '19720202', '557');
const STRANGER = validId('370481', '19800303', '668');

/** The 问题描述 cells of a village sheet of the township's workbook, or [] without that sheet. */
async function descriptionsIn(out: string, workbook: string, sheetName: string): Promise<string[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(join(out, 'ledger', workbook));
  const sheet = book.getWorksheet(sheetName);
  if (!sheet) return [];
  const headerRow = [...Array(sheet.rowCount).keys()].map((i) => sheet.getRow(i + 1)).find((row) => row.values.toString().includes('问题描述'))!;
  const column = (headerRow.values as unknown[]).indexOf('问题描述');
  const texts: string[] = [];
  sheet.eachRow((row, number) => { if (number > headerRow.number) texts.push(String(row.getCell(column).value ?? '')); });
  return texts.filter(Boolean);
}

describe('a refused row about a recipient is placed in the recipient\'s village', () => {
  it('places a shifted roll row by its village cell, and a refused death row by the recipient its ID names', async () => {
    const roll = rollCsv([
      // 1,400 unquoted: ten cells under nine headers. 赵 is on no other row; the row's 村 cell names 西村.
      `张庄镇,西村,H003,赵四,${ZHAO},户主,农村低保,1,400,在保`,
    ]);
    const deaths = [
      '身份证号码,姓名,死亡日期',
      `${PEOPLE.zhang},张大山,2026-13-45`,
      // Not on the roll: nowhere to place it.
      `${STRANGER},孙无名,2026-13-45`,
    ].join('\n') + '\n';
    const { run, out } = await runScan({ '低保花名册.csv': roll, '死亡人员.csv': deaths });
    expect(run.code, run.stderr).toBe(0);

    expect(await readdir(join(out, 'ledger'))).toEqual(expect.arrayContaining(['张庄镇.xlsx', '未关联乡镇.xlsx']));
    const west = await descriptionsIn(out, '张庄镇.xlsx', '西村');
    expect(west).toEqual([expect.stringMatching(/低保花名册\.csv 第5行 已拒收：本行有 10 列/)]);
    const east = await descriptionsIn(out, '张庄镇.xlsx', '东村');
    expect(east).toEqual([expect.stringMatching(/死亡人员\.csv 第2行 已拒收：死亡日期无法识别：2026-13-45/)]);
    const unplaced = await descriptionsIn(out, '未关联乡镇.xlsx', '未关联到村');
    expect(unplaced.join('\n')).toMatch(/死亡人员\.csv 第3行 已拒收/);
    expect(unplaced.join('\n')).not.toMatch(/低保花名册|第2行/);
  });

  it('leaves a row naming recipients of two villages unplaced, and places a shifted row by a village cell past the shift', async () => {
    const southRoll = [
      '家庭编号,姓名,身份证号码,与户主关系,救助类别,月保障金,保障状态,乡镇,村(社区)',
      `H010,钱五,${QIAN},户主,农村低保,700,在保,张庄镇,南村`,
      // The 村 cell moved one place right, whole.
      `H011,周六,${validId('370481', '19750505', '779')},户主,农村低保,1,200,在保,张庄镇,南村`,
    ].join('\n') + '\n';
    const kinship = [
      '本人身份证号,亲属身份证号,关系',
      // 张 of 东村 and 王 of 西村, the relation left empty.
      `${PEOPLE.zhang},${PEOPLE.wang},`,
    ].join('\n') + '\n';
    const { run, out } = await runScan({ '低保花名册.csv': rollCsv(), '南村花名册.csv': southRoll, '干部亲属关系.csv': kinship });
    expect(run.code, run.stderr).toBe(0);
    expect(await descriptionsIn(out, '张庄镇.xlsx', '南村')).toEqual([expect.stringMatching(/南村花名册\.csv 第3行 已拒收/)]);
    const unplaced = await descriptionsIn(out, '未关联乡镇.xlsx', '未关联到村');
    expect(unplaced.join('\n')).toMatch(/干部亲属关系\.csv 第2行 已拒收/);
  });
});
