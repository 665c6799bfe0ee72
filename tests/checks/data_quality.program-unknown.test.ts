// data_quality.program-unknown: a 救助类别 that does not normalise to (低保|特困, 城市|农村).
import { describe, expect, it } from 'vitest';
import { findCheck } from '../../scanner/engine/registry.ts';
import { findingsFor, testCheck } from '../support/check-tester.ts';
import { validId } from './id-numbers.ts';
import { rollRow } from './roll-rows.ts';
import { expectSameFindingIdsInAnyOrder } from './row-order.ts';

/** Every program form data-contract.md says must be accepted. */
const ACCEPTED = [
  '农村低保', '农村最低生活保障', '城市低保', '城镇低保',
  '农村特困', '特困供养', '分散供养特困', '集中供养特困', '五保',
  '城市特困', '三无',
];

testCheck('data_quality.program-unknown', {
  valid: [
    {
      name: 'every accepted program form',
      rows: { roll: ACCEPTED.map((program, index) => rollRow({ household_id: `H${index + 1}`, program })) },
    },
    { name: 'surrounding spaces', rows: { roll: [rollRow({ program: ' 城市低保 ' })] } },
    { name: 'an empty program is data_quality.missing-field, not unknown', rows: { roll: [rollRow({ program: '' })] } },
  ],
  invalid: [
    {
      name: 'bare 低保: family known, area not',
      rows: { roll: [rollRow(), rollRow({ household_id: 'H002', village: '西村', name: '李四', id_number: validId('110101', '19850612', '232'), program: '低保' })] },
      expected: [{ subject_id: validId('110101', '19850612', '232'), household_id: 'H002', village: '西村', evidence: ['救助类别「低保」未写明城市或农村', 'roll.csv 第3行'] }],
    },
    {
      // Until 2026-12-06 both rows had the fact '|低保户': line 4 was dropped as the same finding.
      name: 'two rows of one household without an ID, each reported',
      rows: {
        roll: [
          rollRow({ program: '低保户' }),
          rollRow({ name: '张二', relation: '子', id_number: '', program: '低保户' }),
          rollRow({ name: '张四', relation: '女', id_number: '', program: '低保户' }),
        ],
      },
      expected: [
        { subject_id: validId('110101', '19900307', '451'), household_id: 'H001', evidence: ['救助类别「低保户」未写明城市或农村', 'roll.csv 第2行'] },
        { household_id: 'H001', evidence: ['救助类别「低保户」未写明城市或农村', 'roll.csv 第3行'] },
        { household_id: 'H001', evidence: ['救助类别「低保户」未写明城市或农村', 'roll.csv 第4行'] },
      ],
    },
    {
      name: 'two rows of one household without an ID and with one name (a row typed twice), each reported',
      rows: { roll: [rollRow({ id_number: '', program: '低保户' }), rollRow({ id_number: '', program: '低保户' })] },
      expected: [
        { household_id: 'H001', evidence: ['roll.csv 第2行'] },
        { household_id: 'H001', evidence: ['roll.csv 第3行'] },
      ],
    },
    {
      name: 'a program that is neither 低保 nor 特困',
      rows: { roll: [rollRow({ program: '临时救助' })] },
      expected: [{ subject_id: validId('110101', '19900307', '451'), household_id: 'H001', evidence: ['救助类别「临时救助」无法识别', 'roll.csv 第2行'] }],
    },
  ],
});

describe('data_quality.program-unknown finding id', () => {
  it('is the ID and program for a row with an ID (ids kept); a row without one adds its name, and a number for a second alike', async () => {
    const found = await findingsFor(findCheck('data_quality.program-unknown')!, {
      roll: [
        rollRow({ program: '低保户' }),
        rollRow({ name: '张二', id_number: '', program: '低保户' }),
        rollRow({ name: '张二', id_number: '', program: '低保户' }),
        rollRow({ name: '张四', id_number: '37132919', program: '低保户' }),
      ],
    });
    expect(found.map((finding) => finding.fact).sort()).toEqual([
      `${validId('110101', '19900307', '451')}|低保户`,
      '37132919|低保户|张四', '|低保户|张二', '|低保户|张二|#2',
    ].sort());
  });

  it('does not depend on the order of the rows', async () => {
    await expectSameFindingIdsInAnyOrder('data_quality.program-unknown', [
      rollRow({ program: '低保户' }),
      rollRow({ name: '张二', relation: '子', id_number: '', program: '低保户' }),
      rollRow({ name: '张二', relation: '女', id_number: '', program: '低保户' }),
      rollRow({ name: '张四', id_number: '', program: '低保户' }),
    ]);
  });
});
