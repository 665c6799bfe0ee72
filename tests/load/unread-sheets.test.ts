// A workbook's sheet where no header is found, beside sheets that were read: a header below the rows searched (under a
// 填报说明) or rows holding ID numbers refuse the file, naming the sheet, where the header is or what it lacks; a 说明,
// an 汇总 or an empty template stays skipped with a warning. Until 2026-12-06 each such list was skipped, exit 0.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../scanner/errors.ts';
import { isIdNumber } from '../../scanner/load/unread-sheets.ts';
import { loadDatabase } from '../support/load-database.ts';
import type { SheetRow } from '../support/scan-input.ts';
import { PEOPLE, validId } from '../support/small-township.ts';

const HEADER = ['序号', '乡镇', '村', '家庭编号', '姓名', '身份证号码', '与户主关系', '救助类别', '月保障金', '保障状态'];
const WEST = validId('371329', '19700101', '014');
const EAST_ROWS: SheetRow[] = [HEADER, [1, '店头镇', '东村', 'H401', '张三', PEOPLE.zhang, '户主', '农村低保', 700, '在保']];
const westRows = (header: string[]): SheetRow[] => [header, [1, '店头镇', '西村', 'H402', '李四', WEST, '户主', '农村低保', 1400, '在保'],
  [2, '店头镇', '西村', 'H403', '王五', PEOPLE.wang, '户主', '农村低保', 700, '在保']];
const UNDER_NOTES: SheetRow[] = [['2026年10月店头镇西村农村低保花名册'],
  ...Array.from({ length: 10 }, (_, i) => [`填报说明${i + 1}：请按系统导出格式填写，身份证号码须为18位。`]), ...westRows(HEADER)];
const withIdHeader = (header: string) => HEADER.map((h) => (h === '身份证号码' ? header : h));

async function workbook(sheets: Record<string, SheetRow[]>): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) book.addWorksheet(name).addRows(rows);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('isIdNumber', () => {
  it('takes an 18-digit ID with a birth date and a right check character, nothing else', () => {
    const endingInX = Array.from({ length: 100 }, (_, i) => validId('110101', '20100101', String(i).padStart(3, '0'))).find((id) => id.endsWith('X'))!;
    expect([PEOPLE.zhang, ` ${WEST} `, endingInX, endingInX.toLowerCase()].map(isIdNumber)).toEqual([true, true, true, true]);
    const wrongCheck = PEOPLE.zhang.slice(0, 17) + (PEOPLE.zhang[17] === '0' ? '1' : '0');
    const noDate = validId('370481', '19581302', '113');
    expect([wrongCheck, noDate, '6222021234567890123', '3713291970010', null, '身份证号码', '371329197001010135号'].map(isIdNumber))
      .toEqual([false, false, false, false, false, false, false]);
  });
});

describe('a roll workbook\'s sheet where no header is found in the first 10 rows', () => {
  const db = loadDatabase();
  const refusal = (files: Record<string, Buffer>) => db.loadFolder(files).then(() => null, (e: unknown) => e as InputError);

  it('with its header on row 12 under a 填报说明, refuses the file naming the sheet, the row and how to fix it', async () => {
    const error = await refusal({ '2026年10月农村低保花名册.xlsx': await workbook({ 东村: EAST_ROWS, 西村: UNDER_NOTES }) });
    expect(error).toBeInstanceOf(InputError);
    expect(error!.location).toEqual({ file: '2026年10月农村低保花名册.xlsx', sheet: '西村', line: 12 });
    expect(error!.message).toMatch(/救助对象花名册的表头在第 12 行（「序号」、「乡镇」.*「保障状态」），在查找表头的前 10 行（空行不计）之外.*同一文件的其他工作表已按救助对象花名册读取/);
    expect(error!.hint).toMatch(/删去该工作表表头上方的说明行.*移到单独的文件.*"headerRow": 12/);
  });

  it('with a header lacking the ID column over rows of IDs, refuses it naming the header row, the column and what was found', async () => {
    const error = await refusal({ '低保花名册.xlsx': await workbook({ 东村: EAST_ROWS, 西村: [['西村花名册'], ...westRows(withIdHeader('证照号码'))] }) });
    expect(error!.location).toEqual({ file: '低保花名册.xlsx', sheet: '西村', line: 2, column: '身份证号码' });
    expect(error!.message).toMatch(/第 2 行的表头：救助对象花名册缺少必需的列 「身份证号码」.*找到的列：「序号」.*「证照号码」.*此表第 3、4 行有身份证号码（共 2 行）/);
    expect(error!.message).not.toContain('前 10 行中找不到');
  });

  it('with rows of IDs under no header at all, refuses it naming the rows', async () => {
    const error = await refusal({ '低保花名册.xlsx': await workbook({ 东村: EAST_ROWS, 西村: westRows(['']).slice(1) }) });
    expect(error!.location).toEqual({ file: '低保花名册.xlsx', sheet: '西村', line: 1 });
    expect(error!.message).toMatch(/找不到可识别的表头，但此表第 1、2 行有身份证号码/);
  });

  it('headed 公民身份证号, reads it: an alias of 身份证号码', async () => {
    const result = await db.loadFolder({ '低保花名册.xlsx': await workbook({ 东村: EAST_ROWS, 西村: [['西村花名册'], ...westRows(withIdHeader('公民身份证号'))] }) });
    expect(result.datasets.roll).toMatchObject({ rowsRead: 3, rowsUsed: 3 });
    expect(result.warnings).toEqual([]);
  });

  it('holding no person (说明, 汇总, an empty template), stays skipped: the warning names a header that nearly fits', async () => {
    const result = await db.loadFolder({
      '低保花名册.xlsx': await workbook({
        东村: EAST_ROWS, 说明: [['填报说明'], ['身份证号码填18位，如 370481195803021134']], 汇总: [['乡镇', '村', '户数', '人数'], ['店头镇', '东村', 1, 1]],
        西村: [['西村花名册'], withIdHeader('证照号码')],
      }),
    });
    expect(result.datasets.roll).toMatchObject({ rowsRead: 1, rowsUsed: 1 });
    expect(result.warnings.map((w) => w.message)).toEqual([
      '工作表「说明」未读取：前 10 行中找不到可识别的表头',
      '工作表「汇总」未读取：前 10 行中找不到可识别的表头',
      '工作表「西村」未读取：第 2 行像是救助对象花名册的表头，但缺少必需的列 「身份证号码」',
    ]);
  });
});
