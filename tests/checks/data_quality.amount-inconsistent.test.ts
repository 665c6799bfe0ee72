// data_quality.amount-inconsistent: the rows of one household state different monthly amounts.
import { describe, expect, it } from 'vitest';
import { findCheck } from '../../scanner/engine/registry.ts';
import { testCheck } from '../support/check-tester.ts';
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
