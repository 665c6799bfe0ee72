// Rows hidden in Excel, or struck through: staff hide or cross out the members who left, or a filter hides other
// villages. They are read like any other row (nothing in the file is dropped unseen), and the summary names them, so
// that a hidden or crossed-out 已退出 member whose finding then comes up is seen for what it is.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { scanInput } from '../support/scan-input.ts';
import { PEOPLE, ROLL_HEADER, validId } from '../support/small-township.ts';

/** A roll workbook: H001 (张大山 on line 2, 李秀英 on line 3), then one-person households of 西村; `mark` styles it. */
async function scanRollWorkbook(others: number, mark: (sheet: ExcelJS.Worksheet) => void) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('花名册');
  sheet.addRows([
    ROLL_HEADER.split(','),
    ['张庄镇', '东村', 'H001', '张大山', PEOPLE.zhang, '户主', '农村低保', 1400, '在保'],
    ['张庄镇', '东村', 'H001', '李秀英', PEOPLE.li, '配偶', '农村低保', 1400, '在保'],
    ...Array.from({ length: others }, (_, i) => ['张庄镇', '西村', `H1${i}`, `王${i}`, validId('370481', `1970010${i + 1}`, '335'), '户主', '农村低保', 700, '在保']),
  ]);
  mark(sheet);
  return scanInput({ '低保花名册.xlsx': Buffer.from(await workbook.xlsx.writeBuffer()) });
}

describe('rows hidden in an XLSX roll', () => {
  it('are read, and the warning names how many and where', async () => {
    const { summary } = await scanRollWorkbook(7, (sheet) => {
      for (const line of [3, 5, 6, 7, 8, 9]) sheet.getRow(line).hidden = true;
    });
    expect(summary.datasets.roll).toMatchObject({ rows_read: 9, rows_used: 9 });
    expect(summary.warnings).toEqual([{
      file: '低保花名册.xlsx',
      message: '工作表「花名册」有 6 行在 Excel 中被隐藏（第 3、5、6、7、8 行 等），已照常读取；隐藏的行可能是已停保、已退出或筛选掉的，请核实，不应读取的请从表中删除后再扫描',
    }]);
  });
});

describe('rows struck through in an XLSX roll', () => {
  it('are read, and the warnings name them: whole rows, and rows whose name or ID alone is crossed out', async () => {
    const { summary } = await scanRollWorkbook(3, (sheet) => {
      // 李秀英's row crossed out cell by cell; 王0's name alone and 王1's ID alone struck; 王2's amount struck (no person's mark).
      sheet.getRow(3).eachCell((cell) => { cell.font = { strike: true }; });
      sheet.getCell('D4').font = { strike: true };
      sheet.getCell('E5').font = { strike: true };
      sheet.getCell('H6').font = { strike: true };
    });
    expect(summary.datasets.roll).toMatchObject({ rows_read: 5, rows_used: 5 });
    expect(summary.warnings).toEqual([
      {
        file: '低保花名册.xlsx',
        message: '工作表「花名册」有 1 行整行带删除线（第 3 行），已照常读取；划掉的行常是已停保、已退出的成员，请核实，不应读取的请从表中删除后再扫描',
      },
      {
        file: '低保花名册.xlsx',
        message: '工作表「花名册」有 2 行的姓名或身份证号带删除线（第 4、5 行），已照常读取；划掉姓名或身份证号常表示该成员已退出，请核实，不应读取的请从表中删除后再扫描',
      },
    ]);
  });
});
