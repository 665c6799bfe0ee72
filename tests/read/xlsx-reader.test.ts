// The streaming XLSX reader: title rows, cell types, precision loss, chunk-safe Chinese text, refusals.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from '../../scanner/read/exceljs.ts';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../scanner/errors.ts';
import type { RawRow } from '../../scanner/read/raw-row.ts';
import { openXlsx } from '../../scanner/read/xlsx-reader.ts';
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
