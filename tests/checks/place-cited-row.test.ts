// A household's finding cites a row of the place it is filed under. Where its rows are in two places (店头镇东村 and
// 大店镇西村), the finding goes to the place of its most rows (placeOfMostRows), and the row it cites — the one staff
// open the file at — is that place's first. Until 2026-12-08 data_quality.amount-inconsistent and household-no-head
// cited the household's first row in file order, which could be in the other township's file.
import { describe, expect, it } from 'vitest';
import { findCheck } from '../../scanner/engine/registry.ts';
import { findingsFor } from '../support/check-tester.ts';
import { validId } from './id-numbers.ts';
import { rollRow, type RawRow } from './roll-rows.ts';

const EAST = { township: '店头镇', village: '东村', household_id: '001', _file: '店头镇.csv' };
const WEST = { township: '大店镇', village: '西村', household_id: '001', _file: '大店镇.csv' };
const oldMan = (extra: RawRow = {}) => rollRow({ ...EAST, name: '老汉P', id_number: validId('371329', '19600101', '801'), relation: '户主', ...extra });
const wife = (extra: RawRow = {}) => rollRow({ ...EAST, name: '妻A', id_number: validId('371329', '19700101', '703'), relation: '配偶', ...extra });
const son = (extra: RawRow = {}) => rollRow({ ...WEST, name: '儿B', id_number: validId('371329', '19950101', '705'), relation: '子', ...extra });

async function cited(checkId: string, roll: RawRow[]) {
  const found = await findingsFor(findCheck(checkId)!, { roll }, '2026-10', {});
  return found.map((finding) => [finding.township, finding.village, finding.source_file, finding.source_line]);
}

describe('a household\'s finding cites a row of the place it is filed under', () => {
  it('amount-inconsistent: the son\'s row in 大店镇.csv comes first, the finding (店头镇东村) cites 店头镇.csv', async () => {
    // 大店镇.csv sorts before 店头镇.csv, so the household's first row in file order is the son's (rows are numbered from
    // 2, the header being line 1).
    const roll = [son({ monthly_amount: '700' }), oldMan({ monthly_amount: '1400' }), wife({ monthly_amount: '1400' })];
    expect(await cited('data_quality.amount-inconsistent', roll)).toEqual([['店头镇', '东村', '店头镇.csv', 3]]);
  });

  it('household-no-head: the first 在保 row of its place, not the other place\'s', async () => {
    const roll = [son(), wife(), rollRow({ ...EAST, name: '女C', id_number: validId('371329', '19550101', '707'), relation: '女' })];
    expect(await cited('data_quality.household-no-head', roll)).toEqual([['店头镇', '东村', '店头镇.csv', 3]]);
  });

  it('a household in one place cites its first row (guard)', async () => {
    const roll = [oldMan({ monthly_amount: '1400' }), wife({ monthly_amount: '700' })];
    expect(await cited('data_quality.amount-inconsistent', roll)).toEqual([['店头镇', '东村', '店头镇.csv', 2]]);
  });
});
