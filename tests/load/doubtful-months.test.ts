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

// A death's 火化日期 and 注销日期 and a business's 成立日期, 注销日期 and 吊销日期 may give a month as any month column may,
// and read it through the month value map like the others: a 2026.1 in doubt is refused naming why, one whose column
// tells it is January (a CSV column writing 2025.10, a workbook's text cell) is January. Until 2026-12-06 these columns
// parsed their month in the row and refused every 2026.1, naming no reason.
describe('a death\'s or a business\'s date given as a month, 2026.1', () => {
  it('in a workbook: a number cell refused naming why, one shown as 2026.10 read so, a text cell January', async () => {
    const result = await loadFolder({
      '低保花名册.csv': rollCsv(),
      '公安注销户籍.xlsx': await workbook('死亡', [
        ['姓名', '身份证号码', '死亡日期', '火化日期', '注销日期'],
        ['张大山', PEOPLE.zhang, null, null, 2026.1],
        ['李秀英', PEOPLE.li, null, [2026.1, '0.00'], null],
        ['王小明', PEOPLE.wang, null, '2026.1', null],
      ]),
      '市场主体登记信息.xlsx': await workbook('个体', [
        ['主体名称', '经营者', '经营者证件号码', '登记状态', '成立日期', '注销日期', '吊销日期'],
        ['张记超市', '张大山', PEOPLE.zhang, '存续', 2015.1, null, null],
        ['李记饭店', '李秀英', PEOPLE.li, '注销', '2015.1', 2026.1, null],
        ['王记五金', '王小明', PEOPLE.wang, '吊销', '2015.10', null, [2026.1, '0.00']],
      ]),
    });
    expect(result.datasets.deaths).toMatchObject({ rowsRead: 3, rowsUsed: 2, rowsRejected: 1 });
    expect(await rows(`SELECT _line, strftime(death_date, '%Y-%m-%d') AS death_date, death_date_from FROM deaths ORDER BY _line`)).toEqual([
      { _line: 3, death_date: '2026-10-31', death_date_from: '火化日期' },
      { _line: 4, death_date: '2026-01-31', death_date_from: '火化日期' },
    ]);
    expect(result.datasets.businesses).toMatchObject({ rowsRead: 3, rowsUsed: 1, rowsRejected: 2 });
    expect(await rows(`SELECT _line, strftime(registered_on, '%Y-%m-%d') AS registered_on, strftime(closed_on, '%Y-%m-%d') AS closed_on, closed_on_from
      FROM businesses ORDER BY _line`)).toEqual([{ _line: 4, registered_on: '2015-10-01', closed_on: '2026-10-31', closed_on_from: '吊销日期' }]);
    expect(await rows(`SELECT dataset, _line, reason FROM load_rejects WHERE dataset IN ('deaths', 'businesses') ORDER BY dataset, _line`)).toEqual([
      { dataset: 'businesses', _line: 2, reason: `成立日期无法识别：2015.1${IN_DOUBT.replaceAll('2026', '2015')}` },
      { dataset: 'businesses', _line: 3, reason: `注销日期无法识别：2026.1${IN_DOUBT}` },
      { dataset: 'deaths', _line: 2, reason: `注销日期无法识别：2026.1${IN_DOUBT}` },
    ]);
  });

  it.each([
    ['DuckDB stages a clean file', ''],
    ['the careful reader reads a file with a blank line', '\n'],
  ])('in a CSV: refused naming why, unless its column writes some month 2025.10, then January: %s', async (_how, blank) => {
    const result = await loadFolder({
      '低保花名册.csv': rollCsv(),
      // 火化日期 writes 2025.10 (its writer kept the 0): its 2026.1 is January. 注销日期 writes none: its 2026.1 is in doubt.
      '死亡人员.csv': ['姓名,身份证号码,死亡日期,火化日期,注销日期', `张大山,${PEOPLE.zhang},,2026.1,`, `${blank}李秀英,${PEOPLE.li},,2025.10,`,
        `王小明,${PEOPLE.wang},,,2026.1`].join('\n') + '\n',
      '市场主体登记信息.csv': ['主体名称,经营者,经营者证件号码,登记状态,成立日期,注销日期,吊销日期', `张记超市,张大山,${PEOPLE.zhang},注销,2015.1,2026.1,`,
        `李记饭店,李秀英,${PEOPLE.li},吊销,2014.10,,2026.1`, `王记五金,王小明,${PEOPLE.wang},注销,2016.5,2025.10,`].join('\n') + '\n',
    });
    const above = blank === '' ? 0 : 1;
    expect(result.datasets.deaths).toMatchObject({ rowsRead: 3, rowsUsed: 2, rowsRejected: 1 });
    expect(await rows(`SELECT strftime(death_date, '%Y-%m-%d') AS death_date, death_date_from FROM deaths ORDER BY _line`)).toEqual([
      { death_date: '2026-01-31', death_date_from: '火化日期' }, { death_date: '2025-10-31', death_date_from: '火化日期' },
    ]);
    // The businesses' 成立日期 writes 2014.10 and their 注销日期 2025.10: a 2026.1 in either is January. Their 吊销日期
    // writes no such month: its 2026.1 is in doubt.
    expect(result.datasets.businesses).toMatchObject({ rowsRead: 3, rowsUsed: 2, rowsRejected: 1 });
    expect(await rows(`SELECT strftime(registered_on, '%Y-%m-%d') AS registered_on, strftime(closed_on, '%Y-%m-%d') AS closed_on FROM businesses ORDER BY _line`))
      .toEqual([{ registered_on: '2015-01-01', closed_on: '2026-01-31' }, { registered_on: '2016-05-01', closed_on: '2025-10-31' }]);
    expect(await rows(`SELECT dataset, _line, reason FROM load_rejects WHERE dataset IN ('deaths', 'businesses') ORDER BY dataset, _line, reason`)).toEqual([
      { dataset: 'businesses', _line: 3, reason: `吊销日期无法识别：${CSV_IN_DOUBT('2026')}` },
      { dataset: 'deaths', _line: 4 + above, reason: `注销日期无法识别：${CSV_IN_DOUBT('2026')}` },
    ]);
  });
});
