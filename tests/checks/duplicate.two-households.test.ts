// duplicate.two-households: one normalised ID on active rows of several households; every row flagged, naming the others.
import { describe, it } from 'vitest';
import { testCheck } from '../support/check-tester.ts';
import { legacyId, upgradeLegacyId, validId, wrongCheckId } from './id-numbers.ts';
import { rollRow } from './roll-rows.ts';
import { expectSameFindingIdsInAnyOrder } from './row-order.ts';

const ZHANG = validId('110101', '19900307', '451');
const NAMESAKE = validId('110101', '19850612', '232');
const OLD_ZHANG = legacyId('110101', '650412', '123');
const BROKEN = wrongCheckId('110101', '19700101', '013');

/** 张三 as a member of another household, in 西村 unless told otherwise. */
const guest = (overrides: Record<string, string | null> = {}) =>
  rollRow({ household_id: 'H002', village: '西村', name: '李四', id_number: validId('110101', '19700101', '033'), ...overrides });

testCheck('duplicate.two-households', {
  valid: [
    {
      name: 'two different people with the same name',
      rows: { roll: [rollRow({ id_number: ZHANG }), guest({ name: '张三', id_number: NAMESAKE, relation: '户主' })] },
    },
    {
      name: 'the second row is 停保 (moved) or 退保',
      rows: {
        roll: [
          rollRow({ id_number: ZHANG }),
          guest({ name: '张三', id_number: ZHANG, relation: '兄弟', status: '停保' }),
          guest({ household_id: 'H003', name: '张三', id_number: ZHANG, relation: '兄弟', status: '退保' }),
        ],
      },
    },
    {
      name: 'on a 低保 and a 特困 household: duplicate.dibao-and-tekun covers it',
      rows: { roll: [rollRow({ id_number: ZHANG }), guest({ name: '张三', id_number: ZHANG, relation: '户主', program: '特困供养' })] },
    },
    {
      name: 'an unrecoverable ID in two households is never matched',
      rows: { roll: [rollRow({ id_number: BROKEN }), guest({ name: '张三', id_number: BROKEN, relation: '兄弟' })] },
    },
    {
      name: 'twice in one household only (duplicate.same-household)',
      rows: { roll: [rollRow({ id_number: ZHANG }), rollRow({ id_number: ZHANG })] },
    },
    {
      name: 'a row without a 家庭编号 in the village of his household (his household\'s, its number not written), or naming no village',
      rows: {
        roll: [
          rollRow({ id_number: ZHANG }), rollRow({ household_id: '', id_number: ZHANG }),
          guest({ household_id: '', village: '', name: '张三', id_number: ZHANG }),
        ],
      },
    },
    {
      name: 'twice without a 家庭编号 in one village: which households cannot be told',
      rows: { roll: [rollRow({ household_id: '', id_number: ZHANG }), rollRow({ household_id: '3.71329E+15', id_number: ZHANG, relation: '兄弟' })] },
    },
    {
      // He moves to 西村's household from next month; both rows are written, the old one still 在保 for October.
      name: 'the second household\'s row starts after P (2026-11-01, or 2026年11月): not paid in P',
      rows: {
        roll: [
          rollRow({ id_number: ZHANG, start_date: '2019-03-01' }),
          guest({ name: '张三', id_number: ZHANG, relation: '兄弟', start_date: '2026-11-01' }),
          guest({ household_id: 'H003', name: '张三', id_number: ZHANG, relation: '兄弟', start_date: '2026年11月' }),
        ],
      },
    },
  ],
  invalid: [
    {
      name: 'active in two households of two villages: both rows, each naming the other',
      rows: { roll: [rollRow({ id_number: ZHANG }), guest({ name: '张三', id_number: ZHANG, relation: '兄弟', status: '' })] },
      expected: [
        { subject_id: ZHANG, household_id: 'H001', village: '东村', evidence: ['身份证号码 ' + ZHANG + ' 同时在 2 户在保', '其他：城关镇西村 家庭编号 H002 张三（农村低保，roll.csv 第3行）'] },
        { subject_id: ZHANG, household_id: 'H002', village: '西村', evidence: ['其他：城关镇东村 家庭编号 H001 张三（农村低保，roll.csv 第2行）'] },
      ],
    },
    {
      name: 'the second row carries the 15-digit form of the same ID',
      rows: {
        roll: [
          rollRow({ name: '王五', id_number: upgradeLegacyId(OLD_ZHANG) }),
          guest({ name: '王五', id_number: OLD_ZHANG, relation: '父亲', program: '城市低保' }),
        ],
      },
      expected: [
        { subject_id: upgradeLegacyId(OLD_ZHANG), household_id: 'H001', evidence: ['家庭编号 H002 王五（城市低保，roll.csv 第3行）'] },
        { subject_id: upgradeLegacyId(OLD_ZHANG), household_id: 'H002', evidence: ['家庭编号 H001 王五（农村低保，roll.csv 第2行）'] },
      ],
    },
    {
      name: 'a different name on the second row (borrowed ID?) is still one ID',
      rows: { roll: [rollRow({ id_number: ZHANG }), guest({ name: '张珊', id_number: ZHANG, relation: '姐妹' })] },
      expected: [
        { subject_id: ZHANG, household_id: 'H001', evidence: ['家庭编号 H002 张珊'] },
        { subject_id: ZHANG, household_id: 'H002', evidence: ['家庭编号 H001 张三'] },
      ],
    },
    {
      // Until 2026-12-05 a row without a 家庭编号 was never compared: a township whose roll Excel saved with its numbers as
      // 3.71329E+15 paid him beside 东村's household, and neither village heard of it.
      name: 'his row on another village\'s roll has no 家庭编号 (lost to scientific notation, or empty): both villages, each naming the other',
      rows: {
        roll: [
          rollRow({ id_number: ZHANG }),
          guest({ household_id: '3.71329E+15', township: '河西镇', name: '张三', id_number: ZHANG, relation: '兄弟' }),
          guest({ household_id: '', village: '南村', name: '张三', id_number: ZHANG, relation: '父亲' }),
        ],
      },
      expected: [
        { subject_id: ZHANG, household_id: 'H001', village: '东村', evidence: ['同时在 3 户在保', '河西镇西村 家庭编号 为空或无法识别 张三（农村低保，roll.csv 第3行）', '城关镇南村 家庭编号 为空或无法识别 张三（农村低保，roll.csv 第4行）'] },
        { subject_id: ZHANG, household_id: null, township: '河西镇', village: '西村', evidence: ['本行家庭编号「3.71329E+15」无法识别，按本村另一户计', '城关镇东村 家庭编号 H001 张三（农村低保，roll.csv 第2行）'] },
        { subject_id: ZHANG, household_id: null, village: '南村', evidence: ['本行家庭编号为空，按本村另一户计', '城关镇东村 家庭编号 H001'] },
      ],
    },
    {
      // duplicate.dibao-and-tekun leaves him (his 特困 row starts next month): his two 低保 households are this check's.
      name: 'in two 低保 households, his 特困 row starting after P: the two 低保 rows',
      rows: {
        roll: [
          rollRow({ id_number: ZHANG }),
          guest({ name: '张三', id_number: ZHANG, relation: '兄弟' }),
          guest({ household_id: 'T001', village: '南村', name: '张三', id_number: ZHANG, relation: '本人', program: '特困供养', start_date: '2026-11-01' }),
        ],
      },
      expected: [
        { subject_id: ZHANG, household_id: 'H001', evidence: ['同时在 2 户在保', '其他：城关镇西村 家庭编号 H002 张三（农村低保，roll.csv 第3行）'] },
        { subject_id: ZHANG, household_id: 'H002', evidence: ['其他：城关镇东村 家庭编号 H001 张三（农村低保，roll.csv 第2行）'] },
      ],
    },
    {
      name: 'three households, one of them twice: every active row, naming all the others',
      rows: {
        roll: [
          rollRow({ id_number: ZHANG }),
          guest({ name: '张三', id_number: ZHANG, relation: '兄弟' }),
          guest({ household_id: 'H003', village: '南村', name: '张三', id_number: ZHANG, relation: '父亲' }),
          guest({ household_id: 'H003', village: '南村', name: '张三', id_number: ZHANG, relation: '父亲' }),
        ],
      },
      expected: [
        { subject_id: ZHANG, household_id: 'H001', evidence: ['同时在 3 户在保', '家庭编号 H002', '家庭编号 H003 张三（农村低保，roll.csv 第4行）', 'roll.csv 第5行'] },
        { subject_id: ZHANG, household_id: 'H002', evidence: ['家庭编号 H001', '第4行', '第5行'] },
        { subject_id: ZHANG, household_id: 'H003', evidence: ['家庭编号 H001', '家庭编号 H002', 'roll.csv 第5行'] },
        { subject_id: ZHANG, household_id: 'H003', evidence: ['家庭编号 H001', '家庭编号 H002', 'roll.csv 第4行'] },
      ],
    },
  ],
});

describe('duplicate.two-households finding ids', () => {
  it('do not depend on the order of the rows, even with two identical rows in one household', async () => {
    await expectSameFindingIdsInAnyOrder('duplicate.two-households', [
      rollRow({ id_number: ZHANG }),
      guest({ name: '张三', id_number: ZHANG, relation: '兄弟' }),
      guest({ name: '张三', id_number: ZHANG, relation: '兄弟' }),
      guest({ household_id: 'H003', name: '张三', id_number: ZHANG, relation: '父亲' }),
    ]);
  });
  it('do not depend on the order of the rows without a 家庭编号 in two villages', async () => {
    await expectSameFindingIdsInAnyOrder('duplicate.two-households', [
      rollRow({ household_id: '', id_number: ZHANG }),
      guest({ household_id: '', name: '张三', id_number: ZHANG, relation: '兄弟' }),
      guest({ household_id: '', village: '南村', name: '张三', id_number: ZHANG, relation: '兄弟' }),
    ]);
  });
});
