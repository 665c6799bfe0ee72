// data_quality.id-name-conflict: one ID, two names (after name normalisation), on the roll or between the roll and a list.
import { describe, it } from 'vitest';
import { testCheck } from '../support/check-tester.ts';
import { legacyId, upgradeLegacyId, validId } from './id-numbers.ts';
import { rollRow } from './roll-rows.ts';
import { expectSameFindingIdsInAnyOrder } from './row-order.ts';

const ZHANG = validId('110101', '19900307', '451');
const AYGUL = validId('650102', '19880815', '026');
const OTHER = validId('110101', '19850612', '232');

testCheck('data_quality.id-name-conflict', {
  valid: [
    {
      name: 'traditional vs simplified spelling (張三/张三)',
      rows: { roll: [rollRow({ name: '张三', id_number: ZHANG })], deaths: [{ id_number: ZHANG, name: '張三', death_date: '2026-03-15' }] },
    },
    {
      name: 'spaced and full-width-spaced names',
      rows: {
        roll: [rollRow({ name: '张 三', id_number: ZHANG }), rollRow({ household_id: 'H002', name: '　张三　', id_number: ZHANG })],
        prisoners: [{ id_number: ZHANG, name: ' 张三', sentence_start: '2026-01-01' }],
      },
    },
    {
      name: 'middle-dot variants (· • ． ・)',
      rows: {
        roll: [rollRow({ name: '阿依古丽·买买提', id_number: AYGUL })],
        deaths: [{ id_number: AYGUL, name: '阿依古丽•买买提', death_date: '2026-03-15' }],
        payroll: [{ id_number: AYGUL, name: '阿依古丽．买买提' }],
        cadres: [{ id_number: AYGUL, name: '阿依古丽・买买提' }],
      },
    },
    {
      // Until 2026-12-02 a conflict: the comparison form kept the dot.
      name: 'the middle dot left out by one department (阿依古丽买买提)',
      rows: {
        roll: [rollRow({ name: '阿依古丽·买买提', id_number: AYGUL })],
        deaths: [{ id_number: AYGUL, name: '阿依古丽买买提', death_date: '2026-03-15' }],
      },
    },
    {
      name: 'a list row without a name, and two lists disagreeing about someone not on the roll',
      rows: {
        roll: [rollRow({ name: '张三', id_number: ZHANG })],
        deaths: [
          { id_number: ZHANG, name: '', death_date: '2026-03-15' },
          { id_number: OTHER, name: '李四', death_date: '2026-03-15' },
        ],
        prisoners: [{ id_number: OTHER, name: '李五', sentence_start: '2026-01-01' }],
      },
    },
    {
      name: 'different people with the same name',
      rows: { roll: [rollRow({ name: '张三', id_number: ZHANG }), rollRow({ household_id: 'H002', name: '张三', id_number: OTHER })] },
    },
  ],
  invalid: [
    {
      name: 'roll and death list disagree',
      rows: { roll: [rollRow({ name: '张三', id_number: ZHANG })], deaths: [{ id_number: ZHANG, name: '张山', death_date: '2026-03-15' }] },
      expected: [{ subject_id: ZHANG, household_id: 'H001', village: '东村', evidence: ['「张三」(roll.csv 第2行)', '死亡人员名单「张山」(deaths.csv 第2行)'] }],
    },
    {
      name: 'one ID under two names in two roll households: each household is told, naming every sighting',
      rows: {
        roll: [
          rollRow({ household_id: 'H001', name: '张三', id_number: ZHANG }),
          rollRow({ household_id: 'H002', village: '西村', name: '李四', id_number: ZHANG }),
        ],
      },
      expected: [
        { subject_id: ZHANG, household_id: 'H001', village: '东村', evidence: ['「张三」(roll.csv 第2行)', '「李四」(roll.csv 第3行)'] },
        { subject_id: ZHANG, household_id: 'H002', village: '西村', evidence: ['「张三」(roll.csv 第2行)', '「李四」(roll.csv 第3行)'] },
      ],
    },
    {
      name: 'a 15-digit ID on a list is the same person as the 18-digit roll ID',
      rows: {
        roll: [rollRow({ name: '王五', id_number: upgradeLegacyId(legacyId('110101', '650412', '123')) })],
        payroll: [{ id_number: legacyId('110101', '650412', '123'), name: '王武' }],
      },
      expected: [{ subject_id: upgradeLegacyId(legacyId('110101', '650412', '123')), household_id: 'H001', evidence: ['「王五」', '「王武」'] }],
    },
  ],
});

describe('data_quality.id-name-conflict finding id', () => {
  it('does not depend on the order of the rows when the ID is in two households', async () => {
    await expectSameFindingIdsInAnyOrder('data_quality.id-name-conflict', [
      rollRow({ household_id: 'H001', name: '张三', id_number: ZHANG }),
      rollRow({ household_id: 'H002', village: '西村', name: '李四', id_number: ZHANG }),
    ]);
  });
});
