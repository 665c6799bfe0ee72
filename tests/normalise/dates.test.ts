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
