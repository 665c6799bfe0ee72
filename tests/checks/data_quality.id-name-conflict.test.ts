// data_quality.id-name-conflict: one ID, two names (after name normalisation), on the roll or between the roll and a list.
import { describe, expect, it } from 'vitest';
import { findCheck } from '../../scanner/engine/registry.ts';
import { findingsFor, testCheck } from '../support/check-tester.ts';
import { legacyId, upgradeLegacyId, validId } from './id-numbers.ts';
import { rollRow } from './roll-rows.ts';
import { expectSameFindingIdsInAnyOrder } from './row-order.ts';

const ZHANG = validId('110101', '19900307', '451');
const AYGUL = validId('650102', '19880815', '026');
const OTHER = validId('110101', '19850612', '232');

testCheck('data_quality.id-name-conflict', {
  valid: [
    {
      // Each ID with its own role's name: read as one person's, 张三 and 阿依古丽 would each carry the other's name.
      name: 'a 市场主体 row naming its 法定代表人 and its 经营者, two persons, each in his role\'s columns',
      rows: {
        roll: [rollRow({ name: '张三', id_number: ZHANG }), rollRow({ household_id: 'H002', name: '阿依古丽·买买提', id_number: AYGUL })],
        businesses: [{ representative_name: '张三', representative_id_number: ZHANG, operator_name: '阿依古丽·买买提', operator_id_number: AYGUL, status: '存续' }],
      },
    },
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
      // Until 2026-12-06 a conflict: banks and other departments hide a name's middle characters.
      name: 'a name masked by a bank or department (王*明, 王＊明, 王×明, 王某某) and the name it could be',
      rows: {
        roll: [rollRow({ name: '王小明', id_number: ZHANG })],
        deposits: [
          { id_number: ZHANG, name: '王*明', balance: '100' },
          { id_number: ZHANG, name: '王＊明', balance: '100' },
          { id_number: ZHANG, name: '王×明', balance: '100' },
          { id_number: ZHANG, name: '王某某', balance: '100' },
        ],
      },
    },
    {
      name: 'a masked name compared on name keys: traditional characters and a left-out middle dot',
      rows: {
        roll: [rollRow({ name: '張小明', id_number: ZHANG }), rollRow({ household_id: 'H002', name: '阿依古丽·买买提', id_number: AYGUL })],
        deposits: [{ id_number: ZHANG, name: '张*明', balance: '100' }, { id_number: AYGUL, name: '阿依古丽买**', balance: '100' }],
      },
    },
    {
      name: 'two masked names alone say nothing about each other (王*明 on the roll, 李*明 on a list)',
      rows: { roll: [rollRow({ name: '王*明', id_number: ZHANG })], deposits: [{ id_number: ZHANG, name: '李*明', balance: '100' }] },
    },
    {
      // A roll row without a name beside the named one agrees with every name (it names no one).
      name: 'the roll names the ID on one row and leaves another row\'s name empty; the list agrees with the named row',
      rows: {
        roll: [rollRow({ name: '张三', id_number: ZHANG }), rollRow({ household_id: 'H002', name: '', id_number: ZHANG })],
        deaths: [{ id_number: ZHANG, name: '張三', death_date: '2026-03-15' }],
      },
    },
    {
      name: 'the roll leaves the name empty and two lists agree on it',
      rows: {
        roll: [rollRow({ name: '', id_number: ZHANG })],
        deaths: [{ id_number: ZHANG, name: '张三', death_date: '2026-03-15' }],
        prisoners: [{ id_number: ZHANG, name: '张三', sentence_start: '2026-01-01' }],
      },
    },
    {
      name: 'different people with the same name',
      rows: { roll: [rollRow({ name: '张三', id_number: ZHANG }), rollRow({ household_id: 'H002', name: '张三', id_number: OTHER })] },
    },
  ],
  invalid: [
    {
      name: 'a 市场主体 list names the 经营者 otherwise, beside its 法定代表人',
      rows: {
        roll: [rollRow({ name: '张三', id_number: ZHANG })],
        businesses: [{ representative_name: '王五', representative_id_number: OTHER, operator_name: '张山', operator_id_number: ZHANG, status: '存续' }],
      },
      expected: [{ subject_id: ZHANG, household_id: 'H001', evidence: ['「张三」(roll.csv 第2行)', '市场主体登记信息「张山」(businesses.csv 第2行)'] }],
    },
    {
      // The ID is on the roll (its row has no name): two lists naming him differently still conflict.
      name: 'the roll leaves the name empty and two lists disagree',
      rows: {
        roll: [rollRow({ name: '', id_number: ZHANG })],
        deaths: [{ id_number: ZHANG, name: '张三', death_date: '2026-03-15' }],
        prisoners: [{ id_number: ZHANG, name: '张山', sentence_start: '2026-01-01' }],
      },
      expected: [{ subject_id: ZHANG, household_id: 'H001', evidence: ['死亡人员名单「张三」(deaths.csv 第2行)', '「张山」(prisoners.csv 第2行)'] }],
    },
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
      name: 'a masked name that cannot be the roll\'s: another character unmasked (李*明), or another length (王*)',
      rows: {
        roll: [rollRow({ name: '王小明', id_number: ZHANG }), rollRow({ household_id: 'H002', name: '王小明', id_number: OTHER })],
        deposits: [{ id_number: ZHANG, name: '李*明', balance: '100' }, { id_number: OTHER, name: '王*', balance: '100' }],
      },
      expected: [
        { subject_id: OTHER, household_id: 'H002', evidence: ['「王小明」(roll.csv 第3行)', '金融资产核对结果「王*」(deposits.csv 第3行)'] },
        { subject_id: ZHANG, household_id: 'H001', evidence: ['「王小明」(roll.csv 第2行)', '金融资产核对结果「李*明」(deposits.csv 第2行)'] },
      ],
    },
    {
      name: 'a masked name that could be the roll\'s beside an unmasked one that is not: the conflict stands',
      rows: {
        roll: [rollRow({ name: '王小明', id_number: ZHANG })],
        deposits: [{ id_number: ZHANG, name: '王*明', balance: '100' }],
        deaths: [{ id_number: ZHANG, name: '王晓明', death_date: '2026-03-15' }],
      },
      expected: [{ subject_id: ZHANG, household_id: 'H001', evidence: ['「王小明」', '「王*明」', '「王晓明」'] }],
    },
    {
      // Until 2026-12-06 the rows without a 家庭编号 were one household: only 东村 was told.
      name: 'one ID under two names on rows without a 家庭编号 in two villages: each village is told',
      rows: {
        roll: [
          rollRow({ household_id: '', name: '张三', id_number: ZHANG }),
          rollRow({ household_id: '', village: '西村', name: '李四', id_number: ZHANG }),
        ],
      },
      expected: [
        { subject_id: ZHANG, village: '东村', evidence: ['「张三」(roll.csv 第2行)', '「李四」(roll.csv 第3行)'] },
        { subject_id: ZHANG, village: '西村', evidence: ['「张三」(roll.csv 第2行)', '「李四」(roll.csv 第3行)'] },
      ],
    },
    {
      // As duplicate.two-households places it: it may be that household, whose finding cites it.
      name: 'rows without a 家庭编号 in the village of a numbered household holding the ID, or naming no village, are that household\'s',
      rows: {
        roll: [
          rollRow({ household_id: 'H001', name: '张三', id_number: ZHANG }),
          rollRow({ household_id: '', name: '李四', id_number: ZHANG }),
          rollRow({ household_id: '', village: '', name: '李四', id_number: ZHANG }),
        ],
      },
      expected: [{ subject_id: ZHANG, household_id: 'H001', village: '东村', evidence: ['「张三」(roll.csv 第2行)', '「李四」(roll.csv 第3行)', '「李四」(roll.csv 第4行)'] }],
    },
    {
      name: 'the ID only on rows without a 家庭编号 or 村: still reported, once',
      rows: {
        roll: [rollRow({ household_id: '', village: '', name: '张三', id_number: ZHANG }), rollRow({ household_id: '', village: '', name: '李四', id_number: ZHANG })],
      },
      expected: [{ subject_id: ZHANG, evidence: ['「张三」(roll.csv 第2行)', '「李四」(roll.csv 第3行)'] }],
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
  it('is the names seen for a numbered household (ids kept), with the place for a row without a 家庭编号', async () => {
    const found = await findingsFor(findCheck('data_quality.id-name-conflict')!, {
      roll: [
        rollRow({ household_id: 'H001', name: '张三', id_number: ZHANG }),
        rollRow({ household_id: '', village: '西村', name: '李四', id_number: ZHANG }),
      ],
      deposits: [{ id_number: ZHANG, name: '张*', balance: '100' }],
    });
    expect(found.map((finding) => finding.fact).sort()).toEqual(['张*/张三/李四', '张*/张三/李四|（无家庭编号）城关镇西村']);
  });

  it('does not depend on the order of the rows when the ID is on rows without a 家庭编号 in two villages', async () => {
    await expectSameFindingIdsInAnyOrder('data_quality.id-name-conflict', [
      rollRow({ household_id: '', name: '张三', id_number: ZHANG }),
      rollRow({ household_id: '', village: '西村', name: '李四', id_number: ZHANG }),
    ]);
  });

  it('does not depend on the order of the rows when the ID is in two households', async () => {
    await expectSameFindingIdsInAnyOrder('data_quality.id-name-conflict', [
      rollRow({ household_id: 'H001', name: '张三', id_number: ZHANG }),
      rollRow({ household_id: 'H002', village: '西村', name: '李四', id_number: ZHANG }),
    ]);
  });
});
