// data_quality.household-no-head: a household with no 户主/本人 row; the check is skipped when the roll has no relation column.
import { describe, expect, it } from 'vitest';
import { findingsFor, testCheck } from '../support/check-tester.ts';
import { findCheck } from '../../scanner/engine/registry.ts';
import { validId } from './id-numbers.ts';
import { rollRow } from './roll-rows.ts';
import { expectSameFindingIdsInAnyOrder } from './row-order.ts';

const ZHANG = validId('110101', '19900307', '451');
const LI = validId('110101', '19850612', '232');
const WANG = validId('110101', '20100101', '011');
const SUN = validId('110101', '19500606', '061');
const ZHAO = validId('110101', '19400404', '082');
const QIAN = validId('110101', '19700707', '093');
const ZHOU = validId('110101', '19720808', '104');

testCheck('data_quality.household-no-head', {
  valid: [
    {
      name: 'a 户主 row with the family',
      rows: {
        roll: [
          rollRow({ relation: '户主' }),
          rollRow({ name: '李四', id_number: LI, relation: '配偶' }),
          rollRow({ name: '王五', id_number: WANG, relation: '子' }),
        ],
      },
    },
    { name: 'relation 本人 counts as head', rows: { roll: [rollRow({ relation: '本人' })] } },
    {
      // Until 2026-12-06 each was a household without a head: 张三(本户户主)、李四(配偶).
      name: 'the head written 本户户主, 户长, 本身 or 自己, as township exports write it',
      rows: {
        roll: [
          rollRow({ household_id: 'H001', relation: '本户户主' }),
          rollRow({ household_id: 'H001', name: '李四', id_number: LI, relation: '配偶' }),
          rollRow({ household_id: 'H002', name: '王五', id_number: WANG, relation: '户长' }),
          rollRow({ household_id: 'H003', name: '孙老汉', id_number: SUN, relation: '本身' }),
          rollRow({ household_id: 'H003', name: '赵老太', id_number: ZHAO, relation: '妻' }),
          rollRow({ household_id: 'H004', name: '钱七', id_number: QIAN, relation: '自己' }),
        ],
      },
    },
    {
      // Until 2026-12-06 a column holding words anywhere kept every 2 and 1 no head: 张三(2)、李四(10)、王五(20).
      name: 'a household in two-digit codes saved as numbers (2, 10, 20; 1, 20) in a column that also holds words',
      rows: {
        roll: [
          rollRow({ household_id: 'H001', relation: '2' }),
          rollRow({ household_id: 'H001', name: '李四', id_number: LI, relation: '10' }),
          rollRow({ household_id: 'H001', name: '王五', id_number: WANG, relation: '20' }),
          rollRow({ household_id: 'H002', name: '孙老汉', id_number: SUN, relation: '1' }),
          rollRow({ household_id: 'H002', name: '赵老太', id_number: ZHAO, relation: '20' }),
          rollRow({ household_id: 'H003', name: '钱七', id_number: QIAN, relation: '户主' }),
          rollRow({ household_id: 'H003', name: '周八', id_number: ZHOU, relation: '配偶' }),
        ],
      },
    },
    {
      // Until 2026-12-02 each household of the file without the column was one: 孙老汉(空).
      name: 'a roll file without a 与户主关系 column beside one with it: its households cannot be judged',
      rows: {
        roll: [
          rollRow({ _file: '农村低保花名册.csv', household_id: 'H001', relation: '户主' }),
          withoutRelation({ _file: '特困人员花名册.csv', household_id: 'T001', name: '孙老汉', id_number: LI, program: '农村特困' }),
          withoutRelation({ _file: '特困人员花名册.csv', household_id: 'T002', name: '赵老太', id_number: WANG, program: '农村特困' }),
        ],
      },
    },
    {
      // The typed roll reads a missing column and an empty cell alike: a column empty throughout says no more.
      name: 'a file whose 与户主关系 column is empty on every row is read as one without it',
      rows: {
        roll: [
          rollRow({ _file: '农村低保花名册.csv', household_id: 'H001', relation: '户主' }),
          rollRow({ _file: '特困人员花名册.csv', household_id: 'T001', name: '孙老汉', id_number: SUN, relation: '' }),
        ],
      },
    },
    {
      name: 'a workbook sheet without the column beside a sheet with it',
      rows: {
        roll: [
          rollRow({ _file: '花名册.xlsx', _sheet: '低保', household_id: 'H001', relation: '户主' }),
          withoutRelation({ _file: '花名册.xlsx', _sheet: '特困', household_id: 'T001', name: '孙老汉', id_number: LI }),
        ],
      },
    },
    {
      // Until 2026-12-06 judged by all its rows: a household off the roll made a finding nobody had to act on.
      name: 'a household all of whose rows are 退保 or 停保 is off the roll, with or without its 户主 row',
      rows: {
        roll: [
          rollRow({ household_id: 'H001', relation: '户主' }),
          rollRow({ household_id: 'H002', name: '李四', id_number: LI, relation: '配偶', status: '退保' }),
          rollRow({ household_id: 'H002', name: '王五', id_number: WANG, relation: '子', status: '停保' }),
          rollRow({ household_id: 'H003', name: '孙老汉', id_number: SUN, relation: '户主', status: '停保（死亡）' }),
        ],
      },
    },
    {
      // Until 2026-12-06 each such household was without a head: 张三(2)、李四(10)、王五(20).
      name: 'GB/T 4761 codes saved as numbers (02 户主 as 2, 01 本人 as 1) in a column of two-digit codes, per sheet',
      rows: {
        roll: [
          rollRow({ _file: '花名册.xlsx', _sheet: '东村', household_id: 'H001', relation: '2' }),
          rollRow({ _file: '花名册.xlsx', _sheet: '东村', household_id: 'H001', name: '李四', id_number: LI, relation: '10' }),
          rollRow({ _file: '花名册.xlsx', _sheet: '东村', household_id: 'H001', name: '王五', id_number: WANG, relation: '20' }),
          rollRow({ _file: '花名册.xlsx', _sheet: '东村', household_id: 'H002', name: '孙老汉', id_number: SUN, relation: '1' }),
          // Another sheet of the workbook in words.
          rollRow({ _file: '花名册.xlsx', _sheet: '西村', village: '西村', household_id: 'H003', name: '赵老太', id_number: ZHAO, relation: '户主' }),
        ],
      },
    },
    {
      name: 'the old 户主 退保 and a new 户主 在保: the head was changed',
      rows: {
        roll: [
          rollRow({ relation: '户主', status: '退保' }),
          rollRow({ name: '李四', id_number: LI, relation: '户主' }),
          rollRow({ name: '王五', id_number: WANG, relation: '子' }),
        ],
      },
    },
  ],
  invalid: [
    {
      // Until 2026-12-06 the 退保 户主 row counted as the head, and a household paid without one went unreported.
      name: 'the members still 在保, the 户主 row 退保 (died, moved out): the household has to change its 户主',
      rows: {
        roll: [
          rollRow({ household_id: 'H001', relation: '户主', status: '迁出' }),
          rollRow({ household_id: 'H001', name: '李四', id_number: LI, relation: '配偶' }),
          rollRow({ household_id: 'H001', name: '王五', id_number: WANG, relation: '子', status: '在保' }),
          rollRow({ household_id: 'H002', name: '孙老汉', id_number: SUN, relation: '本人', status: '停保（死亡）' }),
          rollRow({ household_id: 'H002', name: '赵老太', id_number: ZHAO, relation: '配偶' }),
          rollRow({ household_id: 'H003', name: '钱七', id_number: QIAN, relation: '户主', status: '退保' }),
          rollRow({ household_id: 'H003', name: '周八', id_number: ZHOU, relation: '配偶' }),
        ],
      },
      expected: [
        {
          subject_id: ZHAO, household_id: 'H002',
          evidence: ['家庭编号 H002 共 1 行在保（另有 1 行不在保），无户主/本人行；关系为：赵老太(配偶)；户主 孙老汉 状态为停保（死亡），需变更户主'],
        },
        {
          subject_id: LI, household_id: 'H001',
          evidence: ['家庭编号 H001 共 2 行在保（另有 1 行不在保），无户主/本人行；关系为：李四(配偶)、王五(子)；户主 张三 状态为退保（迁出），需变更户主'],
        },
        {
          subject_id: ZHOU, household_id: 'H003',
          evidence: ['家庭编号 H003 共 1 行在保（另有 1 行不在保），无户主/本人行；关系为：周八(配偶)；户主 钱七 状态为退保，需变更户主'],
        },
      ],
    },
    {
      name: 'only 配偶 and 子 in one household, the other household has its head',
      rows: {
        roll: [
          rollRow({ household_id: 'H001', relation: '户主' }),
          rollRow({ household_id: 'H002', village: '西村', name: '李四', id_number: LI, relation: '配偶' }),
          rollRow({ household_id: 'H002', village: '西村', name: '王五', id_number: WANG, relation: '' }),
        ],
      },
      expected: [{ subject_id: LI, household_id: 'H002', village: '西村', evidence: ['家庭编号 H002 共 2 行，无户主/本人行', '李四(配偶)', '王五(空)'] }],
    },
    {
      // A tie must not be settled by which row the engine happens to see first (a province-size roll is read in
      // parallel): the first village in sort order, whichever comes first in the file.
      name: 'rows split evenly between two villages: the finding is filed under the first in sort order (东村 before 西村)',
      rows: {
        roll: [
          rollRow({ household_id: 'H002', village: '西村', name: '李四', id_number: LI, relation: '配偶' }),
          rollRow({ household_id: 'H002', village: '东村', name: '王五', id_number: WANG, relation: '子' }),
        ],
      },
      expected: [{ subject_id: LI, household_id: 'H002', village: '东村', evidence: ['家庭编号 H002 共 2 行，无户主/本人行'] }],
    },
    {
      // A one-digit code is also the standard's class (1 配偶, 2 子) or a clerk's own list (1 户主, 2 配偶, 3 子女): 1 and 2
      // are heads only where every value is a two-digit code and one is a member's.
      name: 'a 2 or 1 in a column of words, of 1, 2, 3 (a list of its own), or of 1 and 2 alone, is no head',
      rows: {
        roll: [
          rollRow({ _file: '甲.csv', household_id: 'H001', relation: '2' }),
          rollRow({ _file: '甲.csv', household_id: 'H002', name: '李四', id_number: LI, relation: '户主' }),
          rollRow({ _file: '乙.csv', household_id: 'H003', name: '王五', id_number: WANG, relation: '2' }),
          rollRow({ _file: '乙.csv', household_id: 'H004', name: '孙老汉', id_number: SUN, relation: '1' }),
          rollRow({ _file: '乙.csv', household_id: 'H004', name: '钱七', id_number: QIAN, relation: '3' }),
          rollRow({ _file: '丙.csv', household_id: 'H005', name: '赵老太', id_number: ZHAO, relation: '2' }),
          rollRow({ _file: '丙.csv', household_id: 'H006', name: '周八', id_number: ZHOU, relation: '1' }),
        ],
      },
      expected: [
        { subject_id: ZHANG, household_id: 'H001', evidence: ['关系为：张三(2)'] },
        { subject_id: WANG, household_id: 'H003', evidence: ['关系为：王五(2)'] },
        { subject_id: SUN, household_id: 'H004', evidence: ['孙老汉(1)、钱七(3)'] },
        { subject_id: ZHAO, household_id: 'H005', evidence: ['关系为：赵老太(2)'] },
        { subject_id: ZHOU, household_id: 'H006', evidence: ['关系为：周八(1)'] },
      ],
    },
    {
      name: 'beside a file without the column, the households of the file with it are judged as before, by all their rows',
      rows: {
        roll: [
          rollRow({ _file: '农村低保花名册.csv', household_id: 'H001', relation: '户主' }),
          rollRow({ _file: '农村低保花名册.csv', household_id: 'H002', name: '李四', id_number: LI, relation: '' }),
          withoutRelation({ _file: '特困人员花名册.csv', household_id: 'H002', name: '王五', id_number: WANG }),
          withoutRelation({ _file: '特困人员花名册.csv', household_id: 'T001', name: '孙老汉', id_number: SUN }),
        ],
      },
      expected: [{ subject_id: LI, household_id: 'H002', evidence: ['家庭编号 H002 共 2 行，无户主/本人行', '李四(空)、王五(表中无此列)'] }],
    },
  ],
});

/** A roll row from a file (or sheet) with no 与户主关系 column. */
function withoutRelation(values: Parameters<typeof rollRow>[0]) {
  const row = rollRow(values);
  delete row['relation'];
  return row;
}

describe('data_quality.household-no-head without a relation column', () => {
  it('is skipped with a reason, not passed', async () => {
    const noRelation = withoutRelation({ id_number: ZHANG });
    await expect(findingsFor(findCheck('data_quality.household-no-head')!, { roll: [noRelation] })).rejects.toThrow(/did not run: .*与户主关系/);
  });
});

describe('data_quality.household-no-head finding id', () => {
  it('does not depend on the order of the household rows in the export', async () => {
    await expectSameFindingIdsInAnyOrder('data_quality.household-no-head', [
      rollRow({ name: '李四', id_number: LI, relation: '配偶' }),
      rollRow({ name: '王五', id_number: WANG, relation: '子' }),
    ]);
  });
});
