// A month typed 2026.10 into a number cell: Excel keeps 2026.1, which read as 2026年1月 moved an October payment after a
// death to January (no overpayment counted). Shown as 2026.10 by its 0.00 format, it is read as shown; otherwise a month
// column refuses it (the roll reports it), naming why; an amount of 2026.1 元 is read as before. Real workbooks written by
// exceljs, loaded into a real DuckDB.
import { describe, expect, it } from 'vitest';
import ExcelJS from '../../scanner/read/exceljs.ts';
import { PEOPLE, rollCsv } from '../support/small-township.ts';
import { loadDatabase } from '../support/load-database.ts';

const { rows, loadFolder } = loadDatabase();

/** A cell's value and, where given, its number format. */
type Value = string | number | null | [number, string];

async function workbook(sheet: string, data: Value[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const worksheet = book.addWorksheet(sheet);
  for (const values of data) {
    const row = worksheet.addRow(values.map((value) => (Array.isArray(value) ? value[0] : value)));
    values.forEach((value, i) => {
      if (Array.isArray(value)) row.getCell(i + 1).numFmt = value[1];
    });
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

const IN_DOUBT = '（Excel 数字单元格：输入 2026.10 也存成 2026.1，无法判断是 2026年1月 还是 2026年10月；请把该列设为文本后重新填写）';

describe('a month typed as a number (2026.10 kept by Excel as 2026.1)', () => {
  it('is read as its 0.00 format shows it, refused where nothing tells 1月 from 10月, and read as it stands otherwise', async () => {
    const result = await loadFolder({
      '低保花名册.csv': rollCsv(),
      '低保发放明细.xlsx': await workbook('10月', [
        ['家庭编号', '户主姓名', '发放月份', '发放金额'],
        ['H001', '张大山', 2026.1, 1400],
        ['H001', '张大山', [2026.1, '0.00'], 1400],
        ['H001', '张大山', [2026.1, '0.0#'], 1400],
        ['H001', '张大山', [2026.1, '0.0'], 1400],
        ['H001', '张大山', [2026.1, '#,##0.00_);(#,##0.00)'], 1400],
        ['H002', '王小明', 2026.11, 700],
        ['H002', '王小明', 2026.12, 700],
        ['H002', '王小明', 2026.01, 700],
        ['H002', '王小明', [2026.2, '0.00'], 700],
        // Written as text, 2026.1 is what the clerk wrote: January.
        ['H002', '王小明', '2026.1', 700],
        // An amount of 2026.1 元 is no month: read as it stands.
        ['H002', '王小明', '2026-09', 2026.1],
      ]),
    });
    expect(result.datasets.payments).toMatchObject({ rowsRead: 11, rowsUsed: 8, rowsRejected: 3 });
    expect(await rows(`SELECT _line, strftime(month, '%Y-%m') AS month, month_raw, amount_cents::INTEGER AS cents FROM payments ORDER BY _line`)).toEqual([
      { _line: 3, month: '2026-10', month_raw: '2026.10', cents: 140000 },
      { _line: 6, month: '2026-10', month_raw: '2026.10', cents: 140000 },
      { _line: 7, month: '2026-11', month_raw: '2026.11', cents: 70000 },
      { _line: 8, month: '2026-12', month_raw: '2026.12', cents: 70000 },
      { _line: 9, month: '2026-01', month_raw: '2026.01', cents: 70000 },
      { _line: 10, month: '2026-02', month_raw: '2026.2', cents: 70000 },
      { _line: 11, month: '2026-01', month_raw: '2026.1', cents: 70000 },
      { _line: 12, month: '2026-09', month_raw: '2026-09', cents: 202610 },
    ]);
    expect(await rows(`SELECT _file, _sheet, _line, column_name, reason, raw_row FROM load_rejects WHERE dataset = 'payments' ORDER BY _line`)).toEqual(
      [2, 4, 5].map((line) => ({
        _file: '低保发放明细.xlsx', _sheet: '10月', _line: line, column_name: '发放月份',
        reason: `发放月份无法识别：2026.1${IN_DOUBT}`, raw_row: 'H001,张大山,2026.1,1400',
      })),
    );
  });

  it('in the roll\'s 开始享受时间 is left unread and kept for data_quality.bad-value, the person still on the roll', async () => {
    const header = ['乡镇', '村(社区)', '家庭编号', '姓名', '身份证号码', '与户主关系', '救助类别', '月保障金', '保障状态', '开始享受时间'];
    await loadFolder({
      '低保花名册.xlsx': await workbook('花名册', [
        header,
        ['张庄镇', '东村', 'H001', '张大山', PEOPLE.zhang, '户主', '农村低保', 1400, '在保', 2020.1],
        ['张庄镇', '东村', 'H001', '李秀英', PEOPLE.li, '配偶', '农村低保', 1400, '在保', [2020.1, '0.00']],
        ['张庄镇', '西村', 'H002', '王小明', PEOPLE.wang, '户主', '农村低保', 700, '在保', 2020.11],
      ]),
    });
    expect(await rows(`SELECT _line, CAST(start_date AS VARCHAR) AS start, start_date_raw FROM roll ORDER BY _line`)).toEqual([
      { _line: 2, start: null, start_date_raw: `2020.1${IN_DOUBT.replaceAll('2026', '2020')}` },
      { _line: 3, start: '2020-10-01', start_date_raw: '2020.10' },
      { _line: 4, start: '2020-11-01', start_date_raw: '2020.11' },
    ]);
  });

  it('in a 发放表\'s title states no month: the month is read from the file name (2026.1 read as January stopped the scan)', async () => {
    await loadFolder({
      '低保花名册.csv': rollCsv(),
      '2026年10月低保发放表.xlsx': await workbook('发放', [
        ['发放月份', 2026.1],
        ['家庭编号', '户主姓名', '发放金额'],
        ['H001', '张大山', 1400],
      ]),
    });
    expect(await rows(`SELECT strftime(month, '%Y-%m') AS month FROM payments`)).toEqual([{ month: '2026-10' }]);
  });
});

/** What a CSV's 2026.1 in a month column is written as when nothing in its column tells January from October. */
const CSV_IN_DOUBT = (year: string) =>
  `${year}.1（CSV 文件不记单元格格式：在 Excel 里输入 ${year}.10 也会存成 ${year}.1，而本列没有写作“年.10”的月份，无法判断是 ${year}年1月 还是 ${year}年10月；请写成 ${year}-01 或 ${year}-10）`;

describe('a CSV month written 2026.1 (saved from Excel, whose number cell 2026.10 is written as it shows)', () => {
  const paymentLines = ['家庭编号,户主姓名,发放月份,发放金额', 'H001,张大山,2026.1,1400', 'H001,张大山,2026.11,1400', 'H002,王小明, 2026.1 ,700', 'H002,王小明,2026-09,700'];

  it.each([
    ['DuckDB stages a clean file', paymentLines],
    // A blank line makes the careful reader read the file (csv-in-duckdb.ts hands it over).
    ['the careful reader reads a file with a blank line', [...paymentLines.slice(0, 3), '', ...paymentLines.slice(3)]],
  ])('is refused, naming why, where no month of its column is written 2025.10: %s', async (_how, lines) => {
    const result = await loadFolder({ '低保花名册.csv': rollCsv(), '低保发放明细.csv': lines.join('\n') + '\n' });
    expect(result.datasets.payments).toMatchObject({ rowsRead: 4, rowsUsed: 2, rowsRejected: 2 });
    expect(await rows(`SELECT _line, strftime(month, '%Y-%m') AS month FROM payments ORDER BY _line`)).toEqual([
      { _line: 3, month: '2026-11' },
      { _line: lines.length === 5 ? 5 : 6, month: '2026-09' },
    ]);
    const blankAbove = lines.length === 5 ? 0 : 1;
    expect(await rows(`SELECT _line, column_name, reason, raw_row FROM load_rejects WHERE dataset = 'payments' ORDER BY _line`)).toEqual([
      { _line: 2, column_name: '发放月份', reason: `发放月份无法识别：${CSV_IN_DOUBT('2026')}`, raw_row: 'H001,张大山,2026.1,1400' },
      { _line: 4 + blankAbove, column_name: '发放月份', reason: `发放月份无法识别：${CSV_IN_DOUBT('2026')}`, raw_row: 'H002,王小明, 2026.1 ,700' },
    ]);
  });

  it.each([
    ['DuckDB stages a clean file', ''],
    ['the careful reader reads a file with a blank line', '\n'],
  ])('is January where its column writes another month 2025.10 (its writer kept the 0): %s', async (_how, blank) => {
    const csv = ['家庭编号,户主姓名,发放月份,发放金额', 'H001,张大山,2026.1,1400', `${blank}H001,张大山,2025.10,1400`, 'H002,王小明,2026.2,700'].join('\n');
    const result = await loadFolder({ '低保花名册.csv': rollCsv(), '低保发放明细.csv': csv });
    expect(result.datasets.payments).toMatchObject({ rowsRead: 3, rowsUsed: 3, rowsRejected: 0 });
    expect(await rows(`SELECT strftime(month, '%Y-%m') AS month FROM payments ORDER BY _line`)).toEqual([
      { month: '2026-01' }, { month: '2025-10' }, { month: '2026-02' },
    ]);
  });

  it('in a 发放表\'s title states no month: the month is read from the file name', async () => {
    const csv = ['发放月份,2026.1', '家庭编号,户主姓名,发放金额', 'H001,张大山,1400'].join('\n');
    await loadFolder({ '低保花名册.csv': rollCsv(), '2026年10月低保发放表.csv': csv });
    expect(await rows(`SELECT strftime(month, '%Y-%m') AS month FROM payments`)).toEqual([{ month: '2026-10' }]);
  });

  it('in a death list\'s date is refused too, the person matched by nothing', async () => {
    const deaths = ['身份证号码,姓名,死亡日期', `${PEOPLE.zhang},张大山,2026.1`, `${PEOPLE.wang},王小明,2026.09`].join('\n');
    const result = await loadFolder({ '低保花名册.csv': rollCsv(), '死亡人员.csv': deaths });
    expect(result.datasets.deaths).toMatchObject({ rowsRead: 2, rowsUsed: 1, rowsRejected: 1 });
    expect(await rows(`SELECT _line, reason FROM load_rejects WHERE dataset = 'deaths'`)).toEqual([
      { _line: 2, reason: `死亡日期无法识别：${CSV_IN_DOUBT('2026')}` },
    ]);
  });
});
