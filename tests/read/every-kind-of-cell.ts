// Workbooks written by exceljs holding every kind of cell a roll export or a township's own workbook may hold.
import type * as ExcelTypes from 'exceljs';
import ExcelJS from '../../scanner/read/exceljs.ts';

const utc = (year: number, month: number, day: number, hours = 0, minutes = 0, seconds = 0) => new Date(Date.UTC(year, month - 1, day, hours, minutes, seconds));

/** [value, number format] pairs for one row each: what the reader must turn into the same text as before. */
const VALUES: [ExcelTypes.CellValue, string?][] = [
  ['张三'], ['  前后有空格  '], ['换行\n第二行'], ['回车换行\r\n第二行'], ['<>&"\''], ['a &amp; b 与 &lt; 字面'], [''],
  ['110101199003074514'], [370481199001011234], [370481900101123], [0], [-12.5], [0.1 + 0.2], [1e-7], [1e21], [123.456, '0.00'],
  [utc(2026, 3, 15)], [utc(2026, 3, 15), 'yyyy-mm-dd'], [utc(2026, 3, 15), 'yyyy"年"m"月"d"日"'], [utc(2026, 3, 15, 14, 30), 'yyyy/m/d h:mm'],
  [utc(2026, 3, 15, 8, 5, 9), 'yyyy-mm-dd hh:mm:ss'], [utc(1900, 1, 1)], [utc(1899, 12, 31)], [0.5, 'h:mm:ss'], [46096, 'mm-dd-yy'],
  [46096, '[$-804]yyyy年m月d日'], [0.125, '0.00%'], [1234.5, '¥#,##0.00'], [600, '#,##0.00"元"'], [-5, '[Red]#,##0'], [12345, '0.00E+00'],
  [46096, '@'], [0.75, '# ?/?'], [46096, '"第"0"号"'],
  [true], [false], [{ error: '#N/A' } as ExcelTypes.CellValue], [{ error: '#DIV/0!' } as ExcelTypes.CellValue],
  [{ formula: 'A1*2', result: 5 }], [{ formula: 'A2&""', result: '张三' }], [{ formula: 'A1-A1', result: 0 }], [{ formula: 'A1+1' } as ExcelTypes.CellValue],
  // (A date-styled formula is read as its date, where exceljs gives its serial: xlsx-fast-reader.test.ts.)
  [{ formula: 'TRUE()', result: true } as unknown as ExcelTypes.CellValue],
  [{ formula: '1/0', result: { error: '#DIV/0!' } } as unknown as ExcelTypes.CellValue], [{ formula: '""', result: '' }],
  [{ text: '链接', hyperlink: 'http://example.invalid/?a=1&b=2' }], [{ text: 'mail', hyperlink: 'mailto:x@example.invalid' }],
  [{ richText: [{ text: '富', font: { bold: true } }, { text: '文本' }] }], [{ richText: [{ text: '' }] }],
  [{ richText: [{ text: '  ', font: { italic: true } }, { text: 'x<y' }] }],
  // A 16-digit card typed into Excel (its last digit became 0), and one a system wrote exactly.
  [6228480012345670], [6228480012345678],
];

/** Every kind of cell, in several sheets: visible, hidden, very hidden, empty, merged titles, styled-only cells. */
export async function everyKindOfCellWorkbook(date1904 = false): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.properties.date1904 = date1904;
  const roll = workbook.addWorksheet('花名册');
  roll.addRow(['某某镇2026年10月农村低保花名册']);
  roll.mergeCells('A1:F1');
  roll.getCell('A1').font = { bold: true };
  roll.addRow([]);
  roll.addRow(['值', '同一值在第二列', '说明']);
  VALUES.forEach(([value, numFmt], i) => {
    const row = roll.addRow([value, value, `第${i + 1}种`]);
    if (numFmt) {
      row.getCell(1).numFmt = numFmt;
      row.getCell(2).numFmt = numFmt;
    }
  });
  // Styled cells without a value: after the last value (not counted in the row's length) and in between.
  const styled = roll.addRow(['后面有带格式的空单元格']);
  styled.getCell(5).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
  styled.getCell(8).numFmt = 'yyyy-mm-dd';
  const gaps = roll.addRow(['A', null, null, 'D']);
  gaps.getCell(2).border = { top: { style: 'thin' } };
  const dated = roll.addRow([]);
  dated.getCell(3).value = 44000;
  dated.getCell(3).numFmt = 'yyyy-mm-dd';
  roll.getRow(roll.rowCount + 3).values = ['隔了几行'];
  // Shared formulas: a master and copies, one of them with result 0.
  const shared = roll.addRow([]);
  shared.getCell(1).value = { formula: 'ROW()', result: 1, shareType: 'shared', ref: `A${shared.number}:C${shared.number}` } as ExcelTypes.CellValue;
  shared.getCell(2).value = { sharedFormula: `A${shared.number}`, result: 2 } as ExcelTypes.CellValue;
  shared.getCell(3).value = { sharedFormula: `A${shared.number}`, result: 0 } as ExcelTypes.CellValue;
  const wide = roll.addRow([]);
  wide.getCell(30).value = '第30列';
  wide.getCell(703).value = '第703列 AAA';

  workbook.addWorksheet('字典', { state: 'hidden' }).addRows([['农村低保'], ['城市低保'], [1], [utc(2020, 1, 1)]]);
  workbook.addWorksheet('机密', { state: 'veryHidden' }).addRow(['隐藏很深', 42]);
  workbook.addWorksheet('空表');
  const long = workbook.addWorksheet('长表');
  for (let i = 0; i < 3000; i++) {
    long.addRow([`姓名${i}`, `3704811990${String(i).padStart(8, '0')}`, i * 1.5, utc(2000 + (i % 30), 1 + (i % 12), 1 + (i % 28)), i % 7 === 0 ? null : '农村低保', i % 2 === 0]);
  }
  long.getColumn(4).numFmt = 'yyyy-mm-dd';
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * The rows of streamedWorkbook holding rich text (in its columns C and E) and that text whole. Without shared strings
 * the writer puts it in inline runs, of which exceljs' streaming reader keeps the last; the fast reader reads them all.
 */
export const STREAMED_RICH_TEXT = VALUES.flatMap(([value], i) => {
  if (value === null || typeof value !== 'object' || !('richText' in value)) return [];
  return [{ line: i + 2, text: value.richText.map((run) => run.text).join('') || null }];
});

/** The streaming writer, as the roll exports are written: inline (t="str") or shared strings, styles or none. */
export async function streamedWorkbook(options: { useSharedStrings: boolean; useStyles: boolean }): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const { Writable } = await import('node:stream');
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, ...options });
  const sheet = workbook.addWorksheet('名单');
  sheet.addRow(['姓名', '身份证号码', '金额', '日期', '备注']).commit();
  for (const [i, [value, numFmt]] of VALUES.entries()) {
    const row = sheet.addRow([`人${i}`, `37048119900101${String(i).padStart(4, '0')}`, value, utc(2026, 1 + (i % 12), 1 + (i % 28)), value]);
    row.getCell(4).numFmt = 'yyyy-mm-dd';
    if (numFmt) row.getCell(3).numFmt = numFmt;
    row.commit();
  }
  sheet.commit();
  const second = workbook.addWorksheet('第二页', { state: 'hidden' });
  second.addRow(['第二页']).commit();
  second.commit();
  await workbook.commit();
  return Buffer.concat(chunks);
}
