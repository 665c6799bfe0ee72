// The streaming XLSX reader: title rows, cell types, precision loss, chunk-safe Chinese text, refusals.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from '../../scanner/read/exceljs.ts';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../scanner/errors.ts';
import type { RawRow } from '../../scanner/read/raw-row.ts';
import { openXlsx } from '../../scanner/read/xlsx-reader.ts';
import { fixedDecimals } from '../../scanner/read/xlsx-styles.ts';
import { tempFolder } from '../support/temp-folder.ts';

const folder = await tempFolder();

async function readAll(path: string): Promise<{ sheet: string | undefined; hidden: boolean; rows: RawRow[] }[]> {
  const sheets = [];
  for await (const sheet of openXlsx(path)) {
    const rows: RawRow[] = [];
    for await (const row of sheet.rows) rows.push(row);
    sheets.push({ sheet: sheet.sheet, hidden: sheet.hidden, rows });
  }
  return sheets;
}

describe('XLSX reader', () => {
  it('reads title rows, dates, numbers, rich text, formulas and shared strings with Excel row numbers', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('花名册');
    sheet.addRow(['某某镇2026年10月农村低保花名册']);
    sheet.mergeCells('A1:E1');
    sheet.addRow([]);
    sheet.addRow(['姓名', '身份证号码', '开始享受时间', '月保障金', '备注']);
    sheet.addRow(['张三', '110101199003074514', new Date(Date.UTC(2026, 2, 15)), 600, { richText: [{ text: '富' }, { text: '文本' }] }]);
    sheet.addRow(['李四', 370481199001011234, 46096, 1200.5, { formula: '1+1', result: 2 }]);
    sheet.addRow(['王五', 370481900101123, null, null, null]);
    const hidden = workbook.addWorksheet('字典', { state: 'hidden' });
    hidden.addRow(['农村低保']);
    const path = join(folder, 'roll.xlsx');
    await workbook.xlsx.writeFile(path);

    const [roll, dictionary] = await readAll(path);
    expect(roll!.sheet).toBe('花名册');
    expect(roll!.rows.map((r) => r.line)).toEqual([1, 3, 4, 5, 6]);
    expect(roll!.rows[0]!.cells[0]).toBe('某某镇2026年10月农村低保花名册');
    expect(roll!.rows[2]!.cells).toEqual(['张三', '110101199003074514', '2026-03-15', '600', '富文本']);
    // An 18-digit ID typed as a number lost its last digits: kept in exponent form, never as digits.
    expect(roll!.rows[3]!.cells).toEqual(['李四', expect.stringMatching(/^3\.7048119900101\d*e\+17$/), '46096', '1200.5', '2']);
    // A 15-digit number is exact in a double and stays usable.
    expect(roll!.rows[4]!.cells.slice(0, 2)).toEqual(['王五', '370481900101123']);
    expect(dictionary).toMatchObject({ sheet: '字典', hidden: true });
  });

  it('writes a 16-digit number ending in 0 in exponent form: Excel kept 15 digits of what was typed', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('花名册');
    sheet.addRow(['家庭编号', '银行账号']);
    // Typed into Excel, 6228480012345678 is stored as 6228480012345670: its neighbour's card reads the same.
    sheet.addRow([3704810010010120, 6228480012345670]);
    // A 16th digit other than 0 was kept (a system wrote the file): the number is exact and stays usable.
    sheet.addRow([3704810010010123, 6228480012345678]);
    sheet.addRow([370481001001012, 100000000000000]);
    const path = join(folder, 'sixteen-digits.xlsx');
    await workbook.xlsx.writeFile(path);
    const [roll] = await readAll(path);
    expect(roll!.rows.slice(1).map((row) => row.cells)).toEqual([
      ['3.70481001001012e+15', '6.22848001234567e+15'],
      ['3704810010010123', '6228480012345678'],
      ['370481001001012', '100000000000000'],
    ]);
  });

  it('reads 2026.1 as its format shows it (0.00: 2026.10), and marks it a month in doubt where nothing shows which it is', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('发放');
    sheet.addRow(['发放月份', '金额']);
    // Typed 2026.10 into a number cell, Excel keeps 2026.1: as a month, January or October.
    const formats = [undefined, '0.00', '0.000', '#,##0.00', '[$-804]0.00_ ', '0.0#', '0.0', '0', '0.00%', '0.00E+00', '@'];
    for (const format of formats) {
      const row = sheet.addRow([2026.1, 2026.1]);
      if (format) row.getCell(1).numFmt = format;
    }
    // No month is in doubt in the other numbers: 2026.01, 2026.11, 2026.12 keep both digits, 2026.2 is no 2026.20.
    sheet.addRow([2026.01, 2026.11]);
    sheet.addRow([2026.12, { formula: '2026+0.1', result: 2026.1 }]);
    const shown = sheet.addRow([2026.2, 1926.1]);
    shown.getCell(1).numFmt = '0.00';
    sheet.addRow([2100.1, 1899.1]);
    // A whole row styled 0.00 shows its cells so too; one merged down fills its rows with the doubt.
    const styledRow = sheet.addRow([2026.1, 2026.1]);
    styledRow.numFmt = '0.00';
    sheet.addRow([2026.1, 'a']);
    sheet.addRow([null, 'b']);
    sheet.mergeCells(`A${styledRow.number + 1}:A${styledRow.number + 2}`);
    const path = join(folder, 'months.xlsx');
    await workbook.xlsx.writeFile(path);

    const [sheetRead] = await readAll(path);
    const read = sheetRead!.rows.slice(1).map((row) => [row.cells, row.doubtfulMonthCells ?? []]);
    expect(read).toEqual([
      [['2026.1', '2026.1'], [0, 1]],
      [['2026.10', '2026.1'], [1]],
      [['2026.100', '2026.1'], [1]],
      [['2026.10', '2026.1'], [1]],
      [['2026.10', '2026.1'], [1]],
      [['2026.1', '2026.1'], [0, 1]],
      [['2026.1', '2026.1'], [0, 1]],
      [['2026.1', '2026.1'], [0, 1]],
      [['2026.1', '2026.1'], [0, 1]],
      [['2026.1', '2026.1'], [0, 1]],
      [['2026.1', '2026.1'], [0, 1]],
      [['2026.01', '2026.11'], []],
      [['2026.12', '2026.1'], [1]],
      [['2026.2', '1926.1'], [1]],
      [['2100.1', '1899.1'], []],
      [['2026.10', '2026.10'], []],
      [['2026.1', 'a'], [0]],
      [['2026.1', 'b'], [0]],
    ]);
  });

  it('counts the decimals a number format always shows', () => {
    expect(['General', '0.00', '#,##0.00', '0.00_);[Red](0.00)', '"￥"#,##0.00', '[$-804]0.000', '0.0#', '0.0', '#.0?', '0']
      .map(fixedDecimals)).toEqual([0, 2, 2, 2, 2, 3, 1, 1, 1, 0]);
    // Formats that show another number than the stored one (a date, a percentage, scientific, text) show no decimals of it.
    expect(['yyyy.mm', '0.00%', '0.00E+00', '@', '"年"0.00"月"', '', undefined].map(fixedDecimals)).toEqual([0, 0, 0, 0, 2, 0, 0]);
  });

  it('never splits a Chinese character between stream chunks (exceljs decoded each chunk on its own)', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('花名册');
    const names = ['张秀英', '欧阳娜', '阿依古丽·买买提', '農村低保', '王𠀋'];
    for (let i = 0; i < 20_000; i++) sheet.addRow([`${names[i % names.length]}${i}`, '农村最低生活保障', `第${i}户`]);
    const path = join(folder, 'large.xlsx');
    await workbook.xlsx.writeFile(path);
    const [read] = await readAll(path);
    expect(read!.rows).toHaveLength(20_000);
    expect(read!.rows.filter((row) => row.cells.some((cell) => cell?.includes('\ufffd')))).toEqual([]);
    expect(read!.rows[19_999]!.cells).toEqual([`${names[19_999 % names.length]}19999`, '农村最低生活保障', '第19999户']);
  });

  it('refuses a corrupt workbook and an old .xls with a clear message', async () => {
    const corrupt = join(folder, 'corrupt.xlsx');
    await writeFile(corrupt, Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]));
    await expect(readAll(corrupt)).rejects.toBeInstanceOf(InputError);
    const old = join(folder, 'old.xls');
    await writeFile(old, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0]), Buffer.alloc(100)]));
    await expect(readAll(old)).rejects.toThrow(/\.xls|97-2003/);
    const text = join(folder, 'text.xlsx');
    await writeFile(text, '姓名,身份证号码\n');
    await expect(readAll(text)).rejects.toThrow(/不是有效的 XLSX/);
  });
});
