// rs_cents and rs_number: money as exact integer cents and areas as DECIMAL, from the spellings people type.
import { describe, expect, it } from 'vitest';
import { describeMacroTable, queryOneRow, useNormalisationDatabase } from './normalise-test-kit.ts';

const connection = useNormalisationDatabase();

describeMacroTable('rs_cents', connection, {
  // BIGINT arrives as a JSON string; the type itself is asserted below.
  expression: 'rs_cents(v)',
  accepted: [
    { input: '600', expected: '60000' },
    { input: '600.00', expected: '60000' },
    { input: '1,200.50', expected: '120050' },
    { input: '12,345,678.9', expected: '1234567890' },
    { input: '¥600', expected: '60000' },
    { input: '￥600', expected: '60000', note: 'U+FFE5' },
    { input: '600元', expected: '60000' },
    { input: ' 600 ', expected: '60000' },
    { input: '６００．５０', expected: '60050', note: 'full-width' },
    { input: '１，２００元', expected: '120000', note: 'full-width comma' },
    { input: '-50.5', expected: '-5050' },
    { input: '+7', expected: '700' },
    { input: '.5', expected: '50' },
    { input: '0', expected: '0' },
    { input: '1234.5600000001', expected: '123456', note: 'Excel float residue' },
    { input: '1234.5649999999999', expected: '123457', note: 'float residue of 1234.565' },
    { input: '0.005', expected: '1', note: 'half rounds up' },
    { input: '0.0049', expected: '0' },
    { input: '-0.005', expected: '-1', note: 'half rounds away from zero' },
    { input: '5.6843418860808E-14', expected: '0', note: 'float noise in exponent form' },
    { input: '1.2e3', expected: '120000' },
    { input: '4963元/月', expected: '496300', note: 'a monthly amount with its unit' },
    { input: '4963 元 / 月', expected: '496300' },
    { input: '700元每月', expected: '70000' },
    { input: '700/月', expected: '70000' },
    { input: '４９６３元／月', expected: '496300', note: 'full-width slash' },
  ],
  rejected: [
    { input: 'abc', expected: null },
    { input: '1.2.3', expected: null },
    { input: '1,2,3', expected: null, note: 'not thousands groups' },
    { input: '12,34.5', expected: null },
    { input: '1.2万', expected: null, note: 'a unit that would multiply' },
    { input: '600美元', expected: null },
    { input: '--5', expected: null },
    { input: '4963.5.0', expected: null },
    { input: '#N/A', expected: null, note: 'an Excel error' },
    { input: '#VALUE!', expected: null },
    { input: '保密', expected: null },
    { input: '4963元/年', expected: null, note: 'not a monthly amount' },
    { input: '49/月63', expected: null, note: 'the unit only at the end' },
    { input: '/月', expected: null },
    { input: '-', expected: null },
    { input: '.', expected: null },
    { input: 'NaN', expected: null },
    { input: 'inf', expected: null },
    { input: '1000000000000', expected: null, note: 'beyond 12 integer digits' },
    { input: '', expected: null },
    { input: null, expected: null },
  ],
});

describeMacroTable('rs_number', connection, {
  expression: 'CAST(rs_number(v) AS VARCHAR)',
  accepted: [
    { input: '89.5', expected: '89.50' },
    { input: '89.5㎡', expected: '89.50' },
    { input: '89.5平方米', expected: '89.50' },
    { input: '89.5平米', expected: '89.50' },
    { input: '89.5 m2', expected: '89.50' },
    { input: '89.5m²', expected: '89.50' },
    { input: '1,089.456', expected: '1089.46' },
    { input: '１２０', expected: '120.00' },
  ],
  rejected: [
    { input: '八十九', expected: null },
    { input: '89.5亩', expected: null },
    { input: '1.2.3', expected: null },
    { input: '', expected: null },
    { input: null, expected: null },
  ],
});

describe('amount exactness and types', () => {
  it('returns BIGINT cents and DECIMAL(18,2) numbers', async () => {
    const row = await queryOneRow(connection(), "SELECT typeof(rs_cents('1')) AS cents, typeof(rs_number('1')) AS number");
    expect(row).toEqual({ cents: 'BIGINT', number: 'DECIMAL(18,2)' });
  });

  it('sums 100,000 payments of 0.10 to exactly 10,000.00 (no float drift)', async () => {
    const row = await queryOneRow(connection(), `
      SELECT sum(rs_cents(CASE WHEN i % 2 = 0 THEN '0.10' ELSE '0.1' END)) AS cents
        FROM generate_series(1, 100000) AS series(i)`);
    expect(row.cents).toBe('1000000');
  });
});
