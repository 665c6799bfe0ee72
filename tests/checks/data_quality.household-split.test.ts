// data_quality.household-split: one household id in several villages, one finding per village involved.
import { describe, expect, it } from 'vitest';
import { testCheck } from '../support/check-tester.ts';
import { findCheck } from '../../scanner/engine/registry.ts';
import { validId } from './id-numbers.ts';
import { rollFindingsAcrossFiles } from './multi-file.ts';
import { rollRow } from './roll-rows.ts';
import { expectSameFindingIdsInAnyOrder } from './row-order.ts';

const ZHANG = validId('110101', '19900307', '451');
const LI = validId('110101', '19850612', '232');
const WANG = validId('110101', '20100101', '011');

testCheck('data_quality.household-split', {
  valid: [
    {
      name: 'one household, one village (written with stray spaces)',
      rows: { roll: [rollRow({ village: '东村' }), rollRow({ village: ' 东村 ', name: '李四', id_number: LI, relation: '配偶' })] },
    },
    {
      name: 'a member row with 乡镇 or 村 left empty is missing-field, not a second place',
      rows: {
        roll: [
          rollRow({ township: '城关镇', village: '东村' }),
          rollRow({ township: '', village: '东村', name: '李四', id_number: LI, relation: '配偶' }),
          rollRow({ township: '城关镇', village: null, name: '王五', id_number: WANG, relation: '子' }),
        ],
      },
    },
    {
      name: 'two households in two villages',
      rows: { roll: [rollRow({ household_id: 'H001', village: '东村' }), rollRow({ household_id: 'H002', village: '西村', name: '李四', id_number: LI })] },
    },
    {
      name: 'households numbered per village: each village\'s H001 has its own 户主, two households (named in the summary\'s warnings)',
      rows: {
        roll: [
          rollRow({ household_id: 'H001', village: '东村', id_number: ZHANG }),
          rollRow({ household_id: 'H001', village: '西村', name: '李四', id_number: LI, relation: '户主' }),
          rollRow({ household_id: 'H001', village: '西村', name: '王五', id_number: WANG, relation: '子' }),
        ],
      },
    },
  ],
  invalid: [
    {
      name: 'one family, a member moved: only 东村 has the 户主, so it is still one household',
      rows: {
        roll: [
          rollRow({ household_id: 'H001', village: '东村', id_number: ZHANG }),
          rollRow({ household_id: 'H001', village: '西村', name: '李四', id_number: LI, relation: '配偶' }),
          rollRow({ household_id: 'H001', village: '西村', name: '王五', id_number: WANG, relation: '子' }),
        ],
      },
      expected: [
        { subject_id: ZHANG, household_id: 'H001', village: '东村', evidence: ['家庭编号 H001 出现在多个村', '城关镇东村 1人', '城关镇西村 2人', '按同一家庭核查'] },
        { subject_id: LI, household_id: 'H001', village: '西村', evidence: ['家庭编号 H001 出现在多个村', '城关镇东村 1人', '城关镇西村 2人', '按同一家庭核查'] },
      ],
    },
    {
      name: 'the same person heads the rows of both villages: one family, listed twice',
      rows: {
        roll: [
          rollRow({ household_id: 'H001', village: '东村', id_number: ZHANG }),
          rollRow({ household_id: 'H001', village: '西村', id_number: ZHANG }),
          rollRow({ household_id: 'H001', village: '西村', name: '王五', id_number: WANG, relation: '子' }),
        ],
      },
      expected: [
        { household_id: 'H001', village: '东村', evidence: ['按同一家庭核查'] },
        { household_id: 'H001', village: '西村', evidence: ['按同一家庭核查'] },
      ],
    },
    {
      name: 'same village name in two townships is two places',
      rows: {
        roll: [
          rollRow({ household_id: 'H001', township: '城关镇', village: '东村', id_number: ZHANG }),
          rollRow({ household_id: 'H001', township: '河西乡', village: '东村', name: '李四', id_number: LI, relation: '子' }),
        ],
      },
      expected: [
        { subject_id: ZHANG, household_id: 'H001', village: '东村', evidence: ['城关镇东村 1人', '河西乡东村 1人'] },
        { subject_id: LI, household_id: 'H001', village: '东村', evidence: ['城关镇东村 1人', '河西乡东村 1人'] },
      ],
    },
  ],
});

describe('data_quality.household-split across files', () => {
  const check = findCheck('data_quality.household-split')!;

  it('not flagged: the same household in the same village in two township files', async () => {
    const found = await rollFindingsAcrossFiles(check, {
      'roll-城关镇-1.csv': [rollRow({ household_id: 'H001', village: '东村', id_number: ZHANG })],
      'roll-城关镇-2.csv': [rollRow({ household_id: 'H001', village: '东村', name: '李四', id_number: LI, relation: '配偶' })],
    });
    expect(found).toEqual([]);
  });

  it('flagged: the same household id in two villages of two files, each village told with its own file', async () => {
    const found = await rollFindingsAcrossFiles(check, {
      'roll-a.csv': [rollRow({ household_id: 'H001', village: '东村', id_number: ZHANG })],
      'roll-b.csv': [rollRow({ household_id: 'H001', village: '西村', name: '李四', id_number: LI, relation: '配偶' })],
    });
    expect(found.map((f) => [f.village, f.source_file])).toEqual([['东村', 'roll-a.csv'], ['西村', 'roll-b.csv']]);
  });
});

describe('data_quality.household-split finding ids', () => {
  it('do not depend on the order of the rows in the export', async () => {
    await expectSameFindingIdsInAnyOrder('data_quality.household-split', [
      rollRow({ household_id: 'H001', village: '东村', id_number: ZHANG }),
      rollRow({ household_id: 'H001', village: '西村', name: '李四', id_number: LI, relation: '配偶' }),
      rollRow({ household_id: 'H001', village: '西村', name: '王五', id_number: WANG, relation: '子' }),
    ]);
  });
});
