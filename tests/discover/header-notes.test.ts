// Headers with a bracketed note after the column name (发放金额(元), 建筑面积（㎡）): read when the note says how the column
// is read anyway, refused when it names another unit, reported when it cannot be judged.
import { describe, expect, it } from 'vitest';
import { datasetSpec } from '../../scanner/datasets/catalog.ts';
import { datasetsFittingHeader, matchHeader } from '../../scanner/datasets/headers.ts';

const columnsOf = (dataset: Parameters<typeof datasetSpec>[0], cells: string[]) => Object.fromEntries(matchHeader(datasetSpec(dataset), cells).columnIndex);

describe('a note that restates how the column is read', () => {
  it('accepts yuan on amounts, square metres on the area, 18 digits on IDs, a date format on dates, form markers anywhere', () => {
    expect(columnsOf('payments', ['户编号', '发放月份(yyyymm)', '发放金额（元）'])).toEqual({ household_id: 0, month: 1, amount: 2 });
    expect(columnsOf('deposits', ['证件号码(18位)', '姓名(必填)', '余额【单位：元】', '截止日期(yyyy-mm-dd)']))
      .toEqual({ id_number: 0, name: 1, balance: 2, as_of: 3 });
    expect(columnsOf('properties', ['权利人证件号码', '用途', '建筑面积(㎡)'])).toMatchObject({ area_m2: 2 });
    expect(columnsOf('properties', ['权利人证件号码', '用途', '面积（平方米）'])).toMatchObject({ area_m2: 2 });
    expect(columnsOf('roll', ['月保障金(元/户)'])).toEqual({ monthly_amount: 0 });
    expect(columnsOf('payroll', ['身份证号', '月工资(元/月)'])).toEqual({ id_number: 0, monthly_salary: 1 });
  });

  it('lets a file be recognised by its header alone', () => {
    const fits = datasetsFittingHeader(['户编号', '发放月份', '发放金额(元)']);
    expect(fits[0]?.dataset).toBe('payments');
  });

  it('leaves aliases that hold brackets themselves as they were', () => {
    expect(columnsOf('roll', ['县(市、区)', '乡镇（街道）', '村(社区)'])).toEqual({ county: 0, township: 1, village: 2 });
  });
});

describe('a note naming another unit', () => {
  it('is not read as the column, and is listed so the file can be refused', () => {
    for (const header of ['余额(万元)', '余额（千元）', '余额(美元)']) {
      const match = matchHeader(datasetSpec('deposits'), ['身份证号码', header]);
      expect(match.columnIndex.has('balance'), header).toBe(false);
      expect(match.otherUnit.map((u) => [u.column.name, u.header]), header).toEqual([['balance', header]]);
    }
    // Per person is not the household amount the roll holds.
    expect(matchHeader(datasetSpec('roll'), ['月保障金(元/人)']).otherUnit.map((u) => u.note)).toEqual(['元/人']);
    expect(matchHeader(datasetSpec('properties'), ['建筑面积(亩)']).otherUnit.map((u) => u.column.name)).toEqual(['area_m2']);
  });
});

describe('a note that cannot be judged', () => {
  it('leaves the header unread and names it', () => {
    const match = matchHeader(datasetSpec('roll'), ['月保障金(暂定)', '姓名']);
    expect(match.columnIndex.has('monthly_amount')).toBe(false);
    expect(match.otherUnit).toEqual([]);
    expect(match.unreadNotes.map((u) => [u.column.name, u.header, u.note])).toEqual([['monthly_amount', '月保障金(暂定)', '暂定']]);
  });

  it('says nothing of a header that is no column with a note', () => {
    const match = matchHeader(datasetSpec('roll'), ['序号', '备注(其他)', '户主姓名']);
    expect(match.columnIndex.size).toBe(0);
    expect(match.unreadNotes).toEqual([]);
  });
});
