// data_quality.amount-over-standard: household amount above standard × active members (× tekunFactor for 特困).
import { describe, expect, it } from 'vitest';
import { findingsFor, testCheck } from '../support/check-tester.ts';
import { findCheck } from '../../scanner/engine/registry.ts';
import { validId } from './id-numbers.ts';
import { rollRow } from './roll-rows.ts';
import { expectSameFindingIdsInAnyOrder } from './row-order.ts';

const config = { standards: { default: { urban: 900, rural: 700 } } };
const ZHANG = validId('110101', '19900307', '451');
const LI = validId('110101', '19850612', '232');
const WANG = validId('110101', '20100101', '011');

testCheck('data_quality.amount-over-standard', {
  valid: [
    {
      name: 'exactly at the limit: 城市低保, 2 members, 1800 元',
      config,
      rows: {
        roll: [
          rollRow({ program: '城市低保', monthly_amount: '1,800.00' }),
          rollRow({ program: '城市低保', name: '李四', id_number: LI, relation: '配偶', monthly_amount: '' }),
        ],
      },
    },
    {
      name: '特困 allowed 1.3 × standard: 农村特困, 1 member, 910 元',
      config,
      rows: { roll: [rollRow({ program: '农村特困', monthly_amount: '910' })] },
    },
    {
      name: 'tekunFactor from config: 1.5 × 700 = 1050 元 allowed',
      config: { ...config, checks: { 'data_quality.amount-over-standard': { params: { tekunFactor: 1.5 } } } },
      rows: { roll: [rollRow({ program: '特困供养', monthly_amount: '1050' })] },
    },
    {
      name: 'a county standard overrides the default',
      config: { standards: { default: { urban: 900, rural: 700 }, byCounty: { 甲县: { urban: 1200, rural: 1000 } } } },
      rows: { roll: [rollRow({ county: '甲县', program: '城市低保', monthly_amount: '1200' })] },
    },
    {
      name: 'a program without an area is data_quality.program-unknown, not measured',
      config,
      rows: { roll: [rollRow({ program: '低保', monthly_amount: '5000' })] },
    },
  ],
  invalid: [
    {
      name: 'one cent over: 城市低保, 1 member, 900.01 元',
      config,
      rows: { roll: [rollRow({ household_id: 'H004', village: '西村', program: '城市低保', monthly_amount: '900.01' })] },
      expected: [{ subject_id: ZHANG, household_id: 'H004', village: '西村', evidence: ['月保障金 900.01 元，超过城市低保上限 900.00 元 × 1 人 = 900.00 元'] }],
    },
    {
      name: 'a 停保 member is not counted',
      config,
      rows: {
        roll: [
          rollRow({ program: '农村低保', monthly_amount: '1500' }),
          rollRow({ program: '农村低保', name: '李四', id_number: LI, relation: '配偶', status: '在保' }),
          rollRow({ program: '农村低保', name: '王五', id_number: WANG, relation: '子', status: '停保' }),
        ],
      },
      expected: [{ subject_id: ZHANG, household_id: 'H001', evidence: ['月保障金 1500.00 元', '农村低保上限 700.00 元 × 2 人 = 1400.00 元'] }],
    },
    {
      name: 'a person on two rows of the household is one member (duplicate.same-household reports the row): 1400 元 for one 农村低保 person',
      config,
      rows: {
        roll: [
          rollRow({ program: '农村低保', monthly_amount: '1400' }),
          rollRow({ program: '农村低保', monthly_amount: '1400', _file: 'roll-2.csv' }),
        ],
      },
      expected: [{ subject_id: ZHANG, household_id: 'H001', evidence: ['月保障金 1400.00 元，超过农村低保上限 700.00 元 × 1 人 = 700.00 元'] }],
    },
    {
      name: 'members whose ID is missing each count: 2 rows without an ID, 1400 元 is at the limit, 1400.01 over',
      config,
      rows: {
        roll: [
          rollRow({ household_id: 'H007', program: '农村低保', monthly_amount: '1400.01', id_number: '' }),
          rollRow({ household_id: 'H007', program: '农村低保', name: '李四', relation: '配偶', id_number: '' }),
        ],
      },
      expected: [{ household_id: 'H007', evidence: ['700.00 元 × 2 人 = 1400.00 元'] }],
    },
    {
      name: '特困 over 1.3 × standard',
      config,
      rows: { roll: [rollRow({ program: '特困供养', monthly_amount: '910.01' })] },
      expected: [{ subject_id: ZHANG, household_id: 'H001', evidence: ['超过农村特困上限 1.3 × 700.00 元 × 1 人 = 910.00 元'] }],
    },
  ],
});

describe('data_quality.amount-over-standard without standards in config', () => {
  it('is skipped with a reason, not passed', async () => {
    const rows = { roll: [rollRow({ program: '城市低保', monthly_amount: '99999' })] };
    await expect(findingsFor(findCheck('data_quality.amount-over-standard')!, rows, '2026-10', {})).rejects.toThrow(/did not run: .*低保标准/);
  });
});

describe('data_quality.amount-over-standard finding id', () => {
  it('does not depend on the order of the household rows in the export', async () => {
    await expectSameFindingIdsInAnyOrder('data_quality.amount-over-standard', [
      rollRow({ program: '城市低保', monthly_amount: '2000' }),
      rollRow({ program: '城市低保', name: '李四', id_number: LI, relation: '配偶', monthly_amount: '2000' }),
    ], config);
  });
});
