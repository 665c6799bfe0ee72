// rs_date and rs_month: every date and month spelling of data-contract.md, and the impossible ones.
import { describe, expect, it } from 'vitest';
import { describeMacroTable, queryOneRow, useNormalisationDatabase } from './normalise-test-kit.ts';

const connection = useNormalisationDatabase();

describeMacroTable('rs_date', connection, {
  expression: 'CAST(rs_date(v) AS VARCHAR)',
  accepted: [
    { input: '2026-03-15', expected: '2026-03-15' },
    { input: '2026/3/15', expected: '2026-03-15' },
    { input: '2026.3.15', expected: '2026-03-15' },
    { input: '20260315', expected: '2026-03-15' },
    { input: '2026年3月15日', expected: '2026-03-15' },
    { input: '2026 年 3 月 15 日', expected: '2026-03-15' },
    { input: '2026-03-15 08:00:00', expected: '2026-03-15' },
    { input: '2026/3/15 8:00', expected: '2026-03-15' },
    { input: '2026-03-15T08:00:00', expected: '2026-03-15' },
    { input: '2026-03-15T08:00:00.000Z', expected: '2026-03-15' },
    { input: '2026-03-15 08:00:00+08', expected: '2026-03-15', note: 'TIMESTAMPTZ as text' },
    { input: '2026年8月20日10时30分', expected: '2026-08-20', note: 'a time in words (a 卫健 certificate\'s time of death)' },
    { input: '2026-08-20 10时30分', expected: '2026-08-20' },
    { input: '2026年8月20日 8时5分30秒', expected: '2026-08-20' },
    { input: '2026年8月20日10时', expected: '2026-08-20' },
    { input: '2026年8月20日10點30分', expected: '2026-08-20', note: 'traditional characters' },
    { input: ' 2026-03-15\u3000', expected: '2026-03-15' },
    { input: '２０２６－０３－１５', expected: '2026-03-15', note: 'full-width' },
    { input: '２０２６年３月１５日', expected: '2026-03-15', note: 'full-width digits' },
    { input: '46096', expected: '2026-03-15', note: 'Excel serial' },
    { input: '46096.0', expected: '2026-03-15', note: 'Excel serial as float' },
    { input: '46096.75', expected: '2026-03-15', note: 'Excel date-time serial' },
    { input: '10000', expected: '1927-05-18', note: 'lowest serial accepted' },
    { input: '2024-02-29', expected: '2024-02-29', note: 'leap day' },
    { input: '2000-02-29', expected: '2000-02-29' },
  ],
  rejected: [
    { input: '2026-02-30', expected: null },
    { input: '2026-13-01', expected: null },
    { input: '2026-00-10', expected: null },
    { input: '2023-02-29', expected: null, note: 'not a leap year' },
    { input: '1900-02-29', expected: null, note: 'century, not a leap year' },
    { input: '20261301', expected: null },
    { input: '0226-03-15', expected: null, note: 'mistyped year' },
    { input: '2026-03', expected: null, note: 'a month, not a date' },
    { input: '9999', expected: null, note: 'below the serial range' },
    { input: '100000', expected: null, note: 'above the serial range' },
    { input: '15/03/2026', expected: null, note: 'day first is ambiguous' },
    { input: '2026-03-15 garbage', expected: null },
    { input: '2026年8月20日10时30', expected: null, note: 'minutes with no 分' },
    { input: '2026年8月20日下午', expected: null },
    { input: 'abc', expected: null },
    { input: '', expected: null },
    { input: null, expected: null },
  ],
});

describeMacroTable('rs_month', connection, {
  expression: 'CAST(rs_month(v) AS VARCHAR)',
  accepted: [
    { input: '2026-03', expected: '2026-03-01' },
    { input: '2026-3', expected: '2026-03-01' },
    { input: '2026/03', expected: '2026-03-01' },
    { input: '2026.03', expected: '2026-03-01' },
    { input: '202603', expected: '2026-03-01' },
    { input: '2026年3月', expected: '2026-03-01' },
    { input: '2026年03月', expected: '2026-03-01' },
    { input: '2026年3月份', expected: '2026-03-01' },
    { input: '２０２６年１０月', expected: '2026-10-01', note: 'full-width' },
    { input: '2026-03-15', expected: '2026-03-01', note: 'a full date gives its month' },
    { input: '2026年3月15日', expected: '2026-03-01' },
    { input: '2026-10-31 00:00:00', expected: '2026-10-01' },
    { input: '2026年10月31日9时15分', expected: '2026-10-01' },
    { input: '46096', expected: '2026-03-01', note: 'Excel serial' },
  ],
  rejected: [
    { input: '2026-13', expected: null },
    { input: '202613', expected: null },
    { input: '2026-00', expected: null },
    { input: '2026-02-30', expected: null },
    { input: '26-03', expected: null },
    { input: '三月', expected: null },
    { input: 'abc', expected: null },
    { input: '', expected: null },
    { input: null, expected: null },
  ],
});

// A sentence as 司法 lists write it: start and end in one cell (刑期起止), the end NULL where the sentence has none.
describeMacroTable('rs_sentence_start and rs_sentence_end', connection, {
  expression: "CAST(rs_sentence_start(v) AS VARCHAR) || ' ' || coalesce(CAST(rs_sentence_end(v) AS VARCHAR), '-')",
  accepted: [
    { input: '2021.03.05-2028.03.04', expected: '2021-03-05 2028-03-04' },
    { input: '2021-03-05-2028-03-04', expected: '2021-03-05 2028-03-04', note: 'dashes within and between' },
    { input: '2021年3月5日至2028年3月4日', expected: '2021-03-05 2028-03-04' },
    { input: '自2021年3月5日起至2028年3月4日止', expected: '2021-03-05 2028-03-04' },
    { input: '2021/3/5 — 2028/3/4', expected: '2021-03-05 2028-03-04' },
    { input: '２０２１．０３．０５～２０２８．０３．０４', expected: '2021-03-05 2028-03-04', note: 'full-width' },
    { input: '2021.03-2028.02', expected: '2021-03-01 2028-02-29', note: 'months: the first and the last day' },
    { input: '2019.05.10-无期徒刑', expected: '2019-05-10 -' },
    { input: '2019年5月10日至无期', expected: '2019-05-10 -' },
    { input: '2020.01.06-死缓', expected: '2020-01-06 -' },
    { input: '2026.09.20-', expected: '2026-09-20 -', note: 'nothing after the dash: no end given' },
  ],
  rejected: [
    { input: '2021-03-05', expected: null, note: 'one date is no range' },
    { input: '2025.01.01-三年后', expected: null },
    { input: '有期徒刑三年', expected: null },
    { input: '2021.03.05-2028.03.04-2030.01.01', expected: null },
    { input: '', expected: null },
    { input: null, expected: null },
  ],
});

describeMacroTable('rs_sentence_open and rs_sentence_range_word', connection, {
  expression: "CASE WHEN rs_sentence_open(v) THEN '不限期 ' ELSE '' END || coalesce(rs_sentence_range_word(v), '-')",
  accepted: [
    { input: '無期徒刑', expected: '不限期 -', note: 'traditional characters' },
    { input: '2019.05.10-死刑緩期二年執行', expected: '死刑緩期二年執行', note: 'traditional characters, as written' },
    { input: '无期徒刑', expected: '不限期 -' },
    { input: ' 无 期 ', expected: '不限期 -' },
    { input: '死刑缓期二年执行', expected: '不限期 -' },
    { input: '待定', expected: '不限期 -', note: 'a detainee not yet sentenced' },
    { input: '未判决', expected: '不限期 -' },
    { input: '未释放', expected: '不限期 -', note: 'a 释放日期 of one still held' },
    { input: '2019.05.10-无期徒刑', expected: '无期徒刑', note: 'a range ending with the word: its end, not the cell, is open' },
    { input: '2019年5月10日至 死缓', expected: '死缓' },
  ],
  rejected: [
    { input: '2021.03.05-2028.03.04', expected: '-' },
    { input: '有期徒刑三年', expected: '-' },
    { input: '2028-03-04', expected: '-' },
    { input: '', expected: '-' },
    { input: null, expected: '-' },
  ],
});

describe('date macro types', () => {
  it('rs_date and rs_month return DATE, also for typed (non-text) input', async () => {
    const row = await queryOneRow(connection(), `
      SELECT typeof(rs_date('2026-03-15')) AS date_type,
             typeof(rs_month('2026-03')) AS month_type,
             CAST(rs_date(TIMESTAMP '2026-03-15 08:30:00') AS VARCHAR) AS from_timestamp,
             CAST(rs_month(DATE '2026-03-15') AS VARCHAR) AS from_date`);
    expect(row).toEqual({ date_type: 'DATE', month_type: 'DATE', from_timestamp: '2026-03-15', from_date: '2026-03-01' });
  });
});
