// duplicate.same-household: one normalised ID on several rows of one household; every row flagged, naming the others.
import { describe, expect, it } from 'vitest';
import { findCheck } from '../../scanner/engine/registry.ts';
import { findingsFor, testCheck } from '../support/check-tester.ts';
import { legacyId, upgradeLegacyId, validId, wrongCheckId } from './id-numbers.ts';
import { rollRow, type RawRow } from './roll-rows.ts';
import { expectSameFindingIdsInAnyOrder } from './row-order.ts';

const LI = validId('110101', '19850612', '232');
const SON = validId('110101', '20100101', '011');
const OLD_LI = legacyId('110101', '850612', '232');
const BROKEN = wrongCheckId('110101', '19850612', '232');

/** 李四, the spouse in household H001. */
const spouse = (overrides: Record<string, string | null> = {}) => rollRow({ name: '李四', id_number: LI, relation: '配偶', ...overrides });

testCheck('duplicate.same-household', {
  valid: [
    {
      name: 'two different people with the same name in one household',
      rows: { roll: [rollRow(), spouse(), rollRow({ name: '李四', id_number: SON, relation: '子' })] },
    },
    {
      name: 'once in each of two households (duplicate.two-households)',
      rows: { roll: [rollRow(), spouse(), spouse({ household_id: 'H002', village: '西村' })] },
    },
    {
      name: 'an unrecoverable ID twice in one household is never matched',
      rows: { roll: [rollRow(), spouse({ id_number: BROKEN }), spouse({ id_number: BROKEN })] },
    },
    {
      name: 'rows without a 家庭编号 in two villages, or beside his household of another village (duplicate.two-households)',
      rows: {
        roll: [
          rollRow(), spouse(),
          spouse({ household_id: '', village: '西村' }), spouse({ household_id: '3.71329E+15', village: '南村' }),
          spouse({ household_id: '', township: '河西镇' }),
        ],
      },
    },
    {
      name: 'a row without a 家庭编号 in a village of two of his households: which one cannot be told (duplicate.two-households flags those)',
      rows: { roll: [rollRow(), spouse(), spouse({ household_id: 'H003', relation: '户主' }), spouse({ household_id: '' })] },
    },
    {
      name: 'rows without a 家庭编号 naming no village cannot be placed',
      rows: { roll: [rollRow(), spouse(), spouse({ household_id: '', village: '' }), spouse({ household_id: '3.71329E+15', village: '' })] },
    },
  ],
  invalid: [
    {
      name: 'the same member listed twice: both rows, each naming the other',
      rows: { roll: [rollRow(), spouse(), spouse()] },
      expected: [
        { subject_id: LI, household_id: 'H001', evidence: ['身份证号码 ' + LI + ' 在家庭编号 H001 中登记了 2 行', '其他：李四（配偶，在保，roll.csv 第4行）'] },
        { subject_id: LI, household_id: 'H001', evidence: ['其他：李四（配偶，在保，roll.csv 第3行）'] },
      ],
    },
    {
      name: 'the 15-digit and the 18-digit form, one row 停保 (still listed twice)',
      rows: { roll: [rollRow(), spouse({ id_number: OLD_LI, status: '停保' }), spouse({ id_number: upgradeLegacyId(OLD_LI) })] },
      expected: [
        { subject_id: upgradeLegacyId(OLD_LI), household_id: 'H001', evidence: ['其他：李四（配偶，停保，roll.csv 第3行）'] },
        { subject_id: upgradeLegacyId(OLD_LI), household_id: 'H001', evidence: ['其他：李四（配偶，在保，roll.csv 第4行）'] },
      ],
    },
    {
      name: 'three rows: three findings',
      rows: { roll: [rollRow(), spouse(), spouse({ relation: '妻子' }), spouse({ name: '李 四' })] },
      expected: [
        { subject_id: LI, evidence: ['登记了 3 行', '第4行', '第5行'] },
        { subject_id: LI, evidence: ['第3行', '第5行'] },
        { subject_id: LI, evidence: ['第3行', '第4行'] },
      ],
    },
    {
      // Until 2026-12-06 rows without a 家庭编号 were never compared, and duplicate.two-households counts two in one
      // village as one household of it: a person listed twice so was reported by neither.
      name: 'twice in one village without a 家庭编号 (empty, and lost to scientific notation): both rows, as one household of the village',
      rows: { roll: [rollRow(), spouse({ household_id: '', village: '西村' }), spouse({ household_id: '3.71329E+15', village: '西村', status: '停保' })] },
      expected: [
        {
          subject_id: LI, household_id: null, village: '西村',
          evidence: ['身份证号码 ' + LI + ' 在城关镇西村登记了 2 行，家庭编号均为空或无法识别', '本行家庭编号为空，按本村同一户计，可能是同一户，需核实',
            '其他：李四（配偶，停保，家庭编号「3.71329E+15」无法识别，roll.csv 第4行）'],
        },
        {
          subject_id: LI, household_id: null, village: '西村',
          evidence: ['本行家庭编号「3.71329E+15」无法识别，按本村同一户计，可能是同一户，需核实', '其他：李四（配偶，在保，家庭编号为空，roll.csv 第3行）'],
        },
      ],
    },
    {
      // duplicate.two-households leaves such a row out: it may be his household's, its number not written.
      name: 'in his household and on a row of its village without a 家庭编号: both rows, the row counted as his household\'s',
      rows: { roll: [rollRow(), spouse(), spouse({ household_id: '' })] },
      expected: [
        {
          subject_id: LI, household_id: 'H001', village: '东村',
          evidence: ['身份证号码 ' + LI + ' 在家庭编号 H001 中登记了 2 行（其中 1 行家庭编号为空或无法识别，同村，按本户计，可能是同一户，需核实）',
            '其他：李四（配偶，在保，家庭编号为空，roll.csv 第4行）'],
        },
        {
          subject_id: LI, household_id: null, village: '东村',
          evidence: ['本行家庭编号为空，按此人在本村唯一的家庭编号 H001 一户计，可能是同一户，需核实', '其他：李四（配偶，在保，roll.csv 第3行）'],
        },
      ],
    },
    {
      name: 'his own row of the household names no village, the household\'s other rows do: the row without a 家庭编号 there is still counted as its',
      rows: { roll: [rollRow(), spouse({ village: '' }), spouse({ household_id: '3.71329E+15' })] },
      expected: [
        { subject_id: LI, household_id: 'H001', evidence: ['其他：李四（配偶，在保，家庭编号「3.71329E+15」无法识别，roll.csv 第4行）'] },
        { subject_id: LI, household_id: null, village: '东村', evidence: ['本行家庭编号「3.71329E+15」无法识别，按此人在本村唯一的家庭编号 H001 一户计'] },
      ],
    },
  ],
});

describe('duplicate.same-household finding ids', () => {
  it('do not depend on the order of identical copies', async () => {
    await expectSameFindingIdsInAnyOrder('duplicate.same-household', [rollRow(), spouse(), spouse()]);
  });
  it('do not depend on the order of rows without a 家庭编号, in his household\'s village or another', async () => {
    await expectSameFindingIdsInAnyOrder('duplicate.same-household', [
      rollRow(), spouse(), spouse({ household_id: '' }), spouse({ household_id: '' }),
      spouse({ household_id: '', village: '西村' }), spouse({ household_id: '', village: '西村' }),
    ]);
  });
  it('of his numbered rows stay when a row without a 家庭编号 joins them (numbered among themselves)', async () => {
    const numbered = [rollRow(), spouse(), spouse({ relation: '妻子' })];
    const ids = async (roll: RawRow[]) => (await findingsFor(findCheck('duplicate.same-household')!, { roll }))
      .filter((f) => f.household_id !== null).map((f) => f.finding_id).sort();
    const before = await ids(numbered);
    expect(before).toHaveLength(2);
    expect(await ids([spouse({ household_id: '', relation: '户主' }), ...numbered])).toEqual(before);
  });
  it('stay with the same row when copies that differ are re-sorted (ranked by values, not by line)', async () => {
    const rows = [rollRow(), spouse({ relation: '妻子' }), rollRow({ name: '王五', id_number: SON }), spouse({ status: '停保' })];
    // finding id → the row it is about, told by the values that differ between the copies.
    const idsByRow = async (roll: RawRow[]) => Object.fromEntries((await findingsFor(findCheck('duplicate.same-household')!, { roll }))
      .map((f) => [f.finding_id, `${roll[f.source_line! - 2]!['relation']}/${roll[f.source_line! - 2]!['status'] ?? ''}`]));
    const asGiven = await idsByRow(rows);
    expect(Object.values(asGiven).sort()).toEqual(['妻子/', '配偶/停保']);
    expect(await idsByRow([...rows].reverse())).toEqual(asGiven);
  });
});
