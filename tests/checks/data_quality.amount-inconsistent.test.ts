// data_quality.amount-inconsistent: the rows of one household state different monthly amounts.
import { describe, expect, it } from 'vitest';
import { findCheck } from '../../scanner/engine/registry.ts';
import { findingsFor, testCheck } from '../support/check-tester.ts';
import { validId } from './id-numbers.ts';
import { rollFindingsAcrossFiles } from './multi-file.ts';
import { rollRow } from './roll-rows.ts';
import { expectSameFindingIdsInAnyOrder } from './row-order.ts';

const ZHANG = validId('110101', '19900307', '451');
const LI = validId('110101', '19850612', '232');
const WANG = validId('110101', '20100101', '011');

testCheck('data_quality.amount-inconsistent', {
  valid: [
    {
      name: 'amount only on the head row',
      rows: {
        roll: [
          rollRow({ monthly_amount: '1200' }),
          rollRow({ name: '李四', id_number: LI, relation: '配偶', monthly_amount: '' }),
          rollRow({ name: '王五', id_number: WANG, relation: '子', monthly_amount: null }),
        ],
      },
    },
    {
      name: 'the same amount repeated in different spellings',
      rows: {
        roll: [
          rollRow({ monthly_amount: '1,200.50' }),
          rollRow({ name: '李四', id_number: LI, relation: '配偶', monthly_amount: '¥1200.5' }),
          rollRow({ name: '王五', id_number: WANG, relation: '子', monthly_amount: '1200.50元' }),
        ],
      },
    },
    {
      // Until 2026-12-02 each was a finding on a household whose paid rows agree.
      name: 'the others\' rows written 0, and a 停保 or 退保 member\'s row keeping an older amount',
      rows: {
        roll: [
          rollRow({ monthly_amount: '1200' }),
          rollRow({ name: '李四', id_number: LI, relation: '配偶', monthly_amount: '0' }),
          rollRow({ name: '王五', id_number: WANG, relation: '子', monthly_amount: '0.00' }),
          rollRow({ household_id: 'H002', monthly_amount: '700', id_number: validId('110101', '19700101', '118') }),
          rollRow({ household_id: 'H002', name: '赵六', id_number: validId('110101', '19720101', '129'), relation: '配偶', monthly_amount: '1050', status: '停保' }),
          rollRow({ household_id: 'H002', name: '孙七', id_number: validId('110101', '19740101', '131'), relation: '子', monthly_amount: '350', status: '退保' }),
        ],
      },
    },
    {
      name: 'different households, different amounts',
      rows: { roll: [rollRow({ household_id: 'H001', monthly_amount: '600' }), rollRow({ household_id: 'H002', name: '李四', id_number: LI, monthly_amount: '700' })] },
    },
  ],
  invalid: [
    {
      name: 'two rows of one household disagree',
      rows: {
        roll: [
          rollRow({ household_id: 'H003', village: '西村', id_number: ZHANG, monthly_amount: '600' }),
          rollRow({ household_id: 'H003', village: '西村', name: '李四', id_number: LI, relation: '配偶', monthly_amount: '650元' }),
          rollRow({ household_id: 'H003', village: '西村', name: '王五', id_number: WANG, relation: '子', monthly_amount: '' }),
        ],
      },
      expected: [{ subject_id: ZHANG, household_id: 'H003', village: '西村', evidence: ['家庭编号 H003 的月保障金不一致', '张三 600.00元', '李四 650.00元', '第2行', '第3行'] }],
    },
    {
      name: 'two paid rows disagree beside a row written 0 and a 停保 row: the evidence cites the two',
      rows: {
        roll: [
          rollRow({ id_number: ZHANG, monthly_amount: '600' }),
          rollRow({ name: '李四', id_number: LI, relation: '配偶', monthly_amount: '0' }),
          rollRow({ name: '王五', id_number: WANG, relation: '子', monthly_amount: '900' }),
          rollRow({ name: '赵六', id_number: validId('110101', '19720101', '129'), relation: '子', monthly_amount: '600', status: '停保' }),
        ],
      },
      expected: [{ subject_id: ZHANG, household_id: 'H001', evidence: ['张三 600.00元(roll.csv 第2行)、王五 900.00元(roll.csv 第4行)'] }],
    },
  ],
});

describe('data_quality.amount-inconsistent finding id', () => {
  it('does not depend on the order of the household rows in the export', async () => {
    await expectSameFindingIdsInAnyOrder('data_quality.amount-inconsistent', [
      rollRow({ id_number: ZHANG, monthly_amount: '600' }),
      rollRow({ name: '李四', id_number: LI, relation: '配偶', monthly_amount: '650' }),
    ]);
  });
});

describe('data_quality.amount-inconsistent subject', () => {
  it('is the head, his ID left empty when it cannot be read, never the next member\'s ID beside his name', async () => {
    const found = await findingsFor(findCheck('data_quality.amount-inconsistent')!, {
      roll: [
        rollRow({ id_number: '11010119900307451', monthly_amount: '600' }), // 17 digits: unreadable
        rollRow({ name: '李四', id_number: LI, relation: '配偶', monthly_amount: '650' }),
      ],
    });
    // Was: subject_id LI beside subject_name 张三 (arg_min skipped the head's NULL ID).
    expect(found.map((f) => [f.subject_id, f.subject_name])).toEqual([[null, '张三']]);
  });
});

describe('data_quality.amount-inconsistent across files', () => {
  it('cites each disagreeing row with its file, since line numbers repeat across files', async () => {
    const found = await rollFindingsAcrossFiles(findCheck('data_quality.amount-inconsistent')!, {
      'roll-a.csv': [rollRow({ id_number: ZHANG, monthly_amount: '600' })],
      'roll-b.csv': [rollRow({ name: '李四', id_number: LI, relation: '配偶', monthly_amount: '650' })],
    });
    expect(found).toHaveLength(1);
    expect(found[0]!.evidence).toContain('roll-a.csv');
    expect(found[0]!.evidence).toContain('roll-b.csv');
  });
});
