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
const ZHAO = validId('110101', '19400404', '082');

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
    {
      name: 'a 低保 roll and a 特困 roll numbered alike: 东村\'s 低保 H001 and 特困 H001 and 西村\'s H001 are three households',
      rows: {
        roll: [
          rollRow({ household_id: 'H001', village: '东村', id_number: ZHANG }),
          rollRow({ household_id: 'H001', village: '东村', name: '赵六', id_number: ZHAO, relation: '本人', program: '分散供养特困' }),
          rollRow({ household_id: 'H001', village: '西村', name: '李四', id_number: LI, relation: '户主' }),
        ],
      },
    },
    {
      // Until 2026-12-06 the 退保 row made 东村 a place of the household: a move recorded as it is usually recorded
      // was a medium finding in both villages.
      name: 'a family moved to 西村: the 退保 (迁出) row left in 东村 under the same number makes no place',
      rows: {
        roll: [
          rollRow({ household_id: 'H001', village: '东村', name: '李四', id_number: LI, relation: '配偶', status: '退保' }),
          rollRow({ household_id: 'H001', village: '西村', id_number: ZHANG }),
          rollRow({ household_id: 'H001', village: '西村', name: '王五', id_number: WANG, relation: '子' }),
        ],
      },
    },
    {
      name: 'the whole family moved, its 东村 rows (户主 too) 退保 and its 西村 rows 在保 under the same 户主',
      rows: {
        roll: [
          rollRow({ household_id: 'H001', village: '东村', id_number: ZHANG, status: '退保' }),
          rollRow({ household_id: 'H001', village: '东村', name: '李四', id_number: LI, relation: '配偶', status: '迁出' }),
          rollRow({ household_id: 'H001', village: '西村', id_number: ZHANG }),
          rollRow({ household_id: 'H001', village: '西村', name: '李四', id_number: LI, relation: '配偶', status: '在保' }),
        ],
      },
    },
  ],
  invalid: [
    {
      // Only 在保 rows make places and are counted: 南村's 退保 row is no place, 西村's 停保 row neither counted nor named.
      name: 'a real split of 在保 rows, beside 退保 and 停保 rows: reported in the two villages with 在保 rows',
      rows: {
        roll: [
          rollRow({ household_id: 'H001', village: '东村', id_number: ZHANG }),
          rollRow({ household_id: 'H001', village: '西村', name: '李四', id_number: LI, relation: '配偶' }),
          rollRow({ household_id: 'H001', village: '西村', name: '王五', id_number: WANG, relation: '子' }),
          rollRow({ household_id: 'H001', village: '西村', name: '赵六', id_number: ZHAO, relation: '父亲', status: '停保' }),
          rollRow({ household_id: 'H001', village: '南村', name: '赵六', id_number: ZHAO, relation: '父亲', status: '退保' }),
        ],
      },
      expected: [
        { subject_id: ZHANG, household_id: 'H001', village: '东村', evidence: ['家庭编号 H001 出现在多个村：城关镇东村 1人；城关镇西村 2人；按同一家庭核查'] },
        { subject_id: LI, household_id: 'H001', village: '西村', evidence: ['家庭编号 H001 出现在多个村：城关镇东村 1人；城关镇西村 2人；按同一家庭核查'] },
      ],
    },
    {
      // Told apart or not is judged on all the rows (张三 heads both villages' rows, so one household), not on the 在保
      // rows alone (each village's its own 户主): the finding names the household as the roll reads it.
      name: 'the 户主 moved to 东村, his 西村 row 退保, and 西村 has a 户主 of its own: one household in the roll, split',
      rows: {
        roll: [
          rollRow({ household_id: 'H001', village: '东村', id_number: ZHANG }),
          rollRow({ household_id: 'H001', village: '西村', id_number: ZHANG, status: '退保' }),
          rollRow({ household_id: 'H001', village: '西村', name: '李四', id_number: LI, relation: '户主' }),
        ],
      },
      expected: [
        { subject_id: ZHANG, household_id: 'H001', village: '东村', evidence: ['城关镇东村 1人；城关镇西村 1人'] },
        { subject_id: LI, household_id: 'H001', village: '西村', evidence: ['城关镇东村 1人；城关镇西村 1人'] },
      ],
    },
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
      // Told apart by village and program, the places reported are villages only: 东村's 低保 户主 and his 特困 父亲 one place.
      name: 'a family of both programs (a 低保 户主, his 特困 父亲) a member of which moved to 西村: one household, split',
      rows: {
        roll: [
          rollRow({ household_id: 'H001', village: '东村', id_number: ZHANG }),
          rollRow({ household_id: 'H001', village: '东村', name: '赵六', id_number: ZHAO, relation: '父亲', program: '分散供养特困' }),
          rollRow({ household_id: 'H001', village: '西村', name: '王五', id_number: WANG, relation: '子' }),
        ],
      },
      expected: [
        { subject_id: ZHANG, household_id: 'H001', village: '东村', evidence: ['家庭编号 H001 出现在多个村：城关镇东村 2人；城关镇西村 1人；按同一家庭核查'] },
        { subject_id: WANG, household_id: 'H001', village: '西村', evidence: ['家庭编号 H001 出现在多个村：城关镇东村 2人；城关镇西村 1人；按同一家庭核查'] },
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
