// statedMonths: the month a 发放表's title rows, sheet name or file name states, when it has no 发放月份 column.
import { describe, expect, it } from 'vitest';
import { statedMonths } from '../../scanner/load/stated-month.ts';

const titleRows = (...titles: string[]) => titles.map((title, i) => ({ line: i + 1, cells: [title, null] }));
const months = (titles: string[], sheet: string | undefined, file: string) => statedMonths(titleRows(...titles), sheet, file).map((m) => m.month);

describe('statedMonths', () => {
  it.each([
    [['2026年10月张庄镇农村低保资金发放表'], undefined, '发放表.xlsx', ['2026-10']],
    [['2026年10月份低保资金发放花名册', '填报单位：张庄镇民政办  制表日期：2026年11月5日'], undefined, '发放.csv', ['2026-10']],
    [['２０２６年１０月低保资金发放表'], undefined, '发放.csv', ['2026-10']],
    [[], undefined, '低保发放明细202609.csv', ['2026-09']],
    [[], undefined, '低保发放明细2026-9.csv', ['2026-09']],
    [[], '2026.10', '发放.xlsx', ['2026-10']],
    [['2026年10月低保资金发放表'], '2026年10月', '2026年10月发放.xlsx', ['2026-10']],
  ])('%j, sheet %s, file %s: %j', (titles, sheet, file, expected) => {
    expect(months(titles, sheet, file)).toEqual(expected);
  });

  it.each([
    [['张庄镇低保资金发放表'], '发放.csv', 'no month'],
    [['10月低保资金发放表'], '发放.csv', 'no year'],
    [['2026年1月至10月低保资金发放明细'], '发放.csv', 'a range'],
    [['2026年1月-2026年10月低保资金发放明细'], '发放.csv', 'a range written with both years'],
    [['发放日期：2026年10月8日'], '发放.csv', 'a day\'s date'],
    [[], '发放20261008.csv', 'a date in the file name'],
    [[], '发放_2026.10.08.csv', 'a dotted date in the file name'],
    [['370481195803021130 张大山'], '发放.csv', 'digits of an ID'],
  ])('%j, file %s: none (%s)', (titles, file) => {
    expect(months(titles, undefined, file)).toEqual([]);
  });

  it('reads no month from a number such as 2026.1 in a title row: January, or 2026.10 whose 0 Excel dropped', () => {
    const title = { line: 1, cells: ['发放月份', '2026.1'], doubtfulMonthCells: [1] };
    expect(statedMonths([title], undefined, '2026年10月发放表.xlsx').map((m) => m.month)).toEqual(['2026-10']);
    expect(statedMonths([{ ...title, doubtfulMonthCells: undefined }], undefined, '发放表.xlsx').map((m) => m.month)).toEqual(['2026-01']);
  });

  it('names every month stated, each where first written: a title of October in a file named November\'s', () => {
    expect(statedMonths(titleRows('2026年10月低保资金发放表'), undefined, '2026年11月发放表.xlsx')).toEqual([
      { month: '2026-10', where: '标题「2026年10月低保资金发放表」' },
      { month: '2026-11', where: '文件名「2026年11月发放表.xlsx」' },
    ]);
  });
});
