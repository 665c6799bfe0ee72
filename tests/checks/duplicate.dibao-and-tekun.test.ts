// duplicate.dibao-and-tekun: one normalised ID on active 低保 and 特困 rows; every active row flagged, naming the others.
import { describe, it } from 'vitest';
import { testCheck } from '../support/check-tester.ts';
import { legacyId, upgradeLegacyId, validId, wrongCheckId } from './id-numbers.ts';
import { rollRow } from './roll-rows.ts';
import { expectSameFindingIdsInAnyOrder } from './row-order.ts';

const ZHAO = validId('110101', '19450315', '448');
const NAMESAKE = validId('110101', '19520601', '024');
const OLD_ZHAO = legacyId('110101', '380415', '021');
const BROKEN = wrongCheckId('110101', '19450315', '448');

/** 赵大娘 alone on 特困供养 in 西村. */
const tekun = (overrides: Record<string, string | null> = {}) =>
  rollRow({ household_id: 'T001', village: '西村', name: '赵大娘', id_number: ZHAO, relation: '本人', program: '特困供养', ...overrides });
/** 赵大娘 as the mother in a 低保 household of 东村. */
const dibao = (overrides: Record<string, string | null> = {}) =>
  rollRow({ household_id: 'H001', name: '赵大娘', id_number: ZHAO, relation: '母亲', program: '农村低保', ...overrides });

testCheck('duplicate.dibao-and-tekun', {
  valid: [
    { name: 'two different people with the same name', rows: { roll: [tekun(), dibao({ id_number: NAMESAKE })] } },
    { name: 'the 特困 row is 停保', rows: { roll: [tekun({ status: '停保' }), dibao()] } },
    { name: 'the 低保 row is 退保', rows: { roll: [tekun(), dibao({ status: '退保' })] } },
    { name: 'two 低保 households (duplicate.two-households)', rows: { roll: [tekun({ program: '城市低保' }), dibao()] } },
    { name: 'an unrecoverable ID on both is never matched', rows: { roll: [tekun({ id_number: BROKEN }), dibao({ id_number: BROKEN })] } },
  ],
  invalid: [
    {
      name: '特困供养 in one village, 农村低保 in another: both rows, each naming the other',
      rows: { roll: [tekun(), dibao()] },
      expected: [
        { subject_id: ZHAO, household_id: 'H001', village: '东村', evidence: ['同时享受低保和特困供养，本行为农村低保', '其他：城关镇西村 家庭编号 T001 赵大娘（特困供养，roll.csv 第2行）'] },
        { subject_id: ZHAO, household_id: 'T001', village: '西村', evidence: ['本行为特困供养', '其他：城关镇东村 家庭编号 H001 赵大娘（农村低保，roll.csv 第3行）'] },
      ],
    },
    {
      name: '五保 with the 15-digit ID and 城市低保 with the 18-digit one (status left empty)',
      rows: { roll: [tekun({ program: '五保', id_number: OLD_ZHAO, status: '' }), dibao({ program: '城市低保', id_number: upgradeLegacyId(OLD_ZHAO) })] },
      expected: [
        { subject_id: upgradeLegacyId(OLD_ZHAO), household_id: 'H001', evidence: ['家庭编号 T001 赵大娘（五保'] },
        { subject_id: upgradeLegacyId(OLD_ZHAO), household_id: 'T001', evidence: ['家庭编号 H001 赵大娘（城市低保'] },
      ],
    },
    {
      name: 'also in a second 低保 household: every active row, the 停保 one left out',
      rows: { roll: [tekun(), dibao(), dibao({ household_id: 'H002', village: '南村', relation: '父亲' }), dibao({ household_id: 'H003', status: '停保' })] },
      expected: [
        { subject_id: ZHAO, household_id: 'T001', evidence: ['家庭编号 H001', '家庭编号 H002'] },
        { subject_id: ZHAO, household_id: 'H001', evidence: ['家庭编号 T001', '家庭编号 H002'] },
        { subject_id: ZHAO, household_id: 'H002', evidence: ['家庭编号 T001', '家庭编号 H001'] },
      ],
    },
  ],
});

describe('duplicate.dibao-and-tekun finding ids', () => {
  it('do not depend on the order of the rows', async () => {
    await expectSameFindingIdsInAnyOrder('duplicate.dibao-and-tekun', [tekun(), dibao(), dibao({ household_id: 'H002' })]);
  });
});
