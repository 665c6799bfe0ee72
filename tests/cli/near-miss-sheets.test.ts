// A roll workbook with a sheet per village, one of which heads its 救助类别 otherwise (保障类型, no alias): that sheet was
// skipped with a warning naming no column, and its persons were never checked (exit 0). A sheet whose header is nearly
// that of a list read from another sheet of the file is refused as a one-sheet file would be; a 说明 or an 汇总 is still
// skipped with the warning.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { looksLikeStackTrace } from '../support/run-cli.ts';
import { runScan, scanInput, type SheetRow } from '../support/scan-input.ts';
import { PEOPLE, ROLL_HEADER, rollCsv, validId } from '../support/small-township.ts';

const NORTH = validId('370481', '19750505', '446');
const SOUTH_ROWS: SheetRow[] = [ROLL_HEADER.split(','), ['张庄镇', '南村', 'H001', '张大山', PEOPLE.zhang, '户主', '农村低保', 1400, '在保']];
const NORTH_ROWS: SheetRow[] = [
  ROLL_HEADER.replace('救助类别', '保障类型').split(','),
  ['张庄镇', '北村', 'H101', '赵北', NORTH, '户主', '农村低保', 700, '在保'],
];
const NOTES_ROWS: SheetRow[] = [['填报说明'], ['1. 每户一行户主，成员依次列出'], ['2. 身份证号码填18位']];
const TOTALS_ROWS: SheetRow[] = [['乡镇', '村(社区)', '户数', '人数', '月保障金合计'], ['张庄镇', '南村', 1, 1, 1400], ['张庄镇', '北村', 1, 1, 700]];

async function workbook(sheets: Record<string, SheetRow[]>): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) book.addWorksheet(name).addRows(rows);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('a sheet whose header nearly fits the list another sheet of the workbook was read as', () => {
  it('stops the scan (exit 2) naming the sheet, the column missing with its aliases and the columns found', async () => {
    const { run } = await runScan({ '低保花名册.xlsx': await workbook({ 南村: SOUTH_ROWS, 北村: NORTH_ROWS, 说明: NOTES_ROWS, 汇总: TOTALS_ROWS }) });
    expect(run.code, run.stderr).toBe(2);
    expect(looksLikeStackTrace(run.stderr)).toBe(false);
    expect(run.stderr).toContain('低保花名册.xlsx 工作表「北村」 第 1 行 列「救助类别」: 救助对象花名册缺少必需的列 「救助类别」(program；可用表头：救助类别、保障类别、类别、救助类型)');
    expect(run.stderr).toContain('找到的列：「乡镇」、「村(社区)」、「家庭编号」、「姓名」、「身份证号码」、「与户主关系」、「保障类型」、「月保障金」、「保障状态」');
    expect(run.stderr).toContain('同一文件的其他工作表已按救助对象花名册读取');
  });

  it('with --skip-bad-files, skips and lists the workbook: none of its rows is used, the other roll is scanned', async () => {
    const { run, out } = await runScan(
      { '低保花名册.csv': rollCsv(), '特困花名册.xlsx': await workbook({ 南村: SOUTH_ROWS, 北村: NORTH_ROWS }) },
      undefined, ['--skip-bad-files'],
    );
    expect(run.code, run.stderr).toBe(0);
    const summary = JSON.parse(await readFile(join(out, 'summary.json'), 'utf8'));
    expect(summary.files_skipped).toEqual([
      { file: '特困花名册.xlsx', reason: expect.stringMatching(/^无法读取，已跳过：特困花名册\.xlsx 工作表「北村」 第 1 行 列「救助类别」: .*缺少必需的列/) },
    ]);
    expect(summary.datasets.roll).toMatchObject({ files: ['低保花名册.csv'], rows_read: 3, rows_used: 3, rows_rejected: 0 });
  });

  it('leaves sheets that are no list (说明, an 汇总 of 户数 and 人数) skipped with a warning, as before', async () => {
    const { summary } = await scanInput({ '低保花名册.xlsx': await workbook({ 南村: SOUTH_ROWS, 说明: NOTES_ROWS, 汇总: TOTALS_ROWS }) });
    expect(summary.datasets.roll).toMatchObject({ rows_read: 1, rows_used: 1 });
    expect(summary.warnings).toEqual([
      { file: '低保花名册.xlsx', message: '工作表「说明」未读取：前 10 行中找不到可识别的表头' },
      { file: '低保花名册.xlsx', message: '工作表「汇总」未读取：前 10 行中找不到可识别的表头' },
    ]);
  });

  it('leaves a payment workbook\'s monthly 汇总 (发放月份 and 发放金额, but no household or payee) skipped with a warning', async () => {
    const payments = await workbook({
      '10月': [['家庭编号', '姓名', '发放月份', '发放金额'], ['H001', '张大山', '2026-10', 1400], ['H002', '王小明', '2026-10', 700]],
      汇总: [['发放月份', '户数', '人数', '发放金额'], ['2026-10', 2, 3, 2100]],
    });
    const { summary } = await scanInput({ '低保花名册.csv': rollCsv(), '低保发放明细.xlsx': payments });
    expect(summary.datasets.payments).toMatchObject({ rows_read: 2, rows_used: 2 });
    expect(summary.warnings).toContainEqual({ file: '低保发放明细.xlsx', message: '工作表「汇总」未读取：前 10 行中找不到可识别的表头' });
  });
});
