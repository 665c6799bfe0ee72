// duplicate.dibao-and-tekun: one normalised ID paid in P on 低保 and 特困 rows; every such row flagged, naming the others.
import { describe, expect, it } from 'vitest';
import { findCheck } from '../../scanner/engine/registry.ts';
import { findingsFor, testCheck } from '../support/check-tester.ts';
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
    // A 低保 recipient moved to 特困 from next month, both rows written: the 特困 row is not paid in P.
    { name: 'the 特困 row starts the month after P (2026-11-01)', rows: { roll: [tekun({ start_date: '2026-11-01', status: '在保' }), dibao({ start_date: '2019-03-01', status: '在保' })] } },
    { name: 'the 特困 row starts the month after P, written as a month (享受起始年月 2026年11月)', rows: { roll: [tekun({ start_date: '2026年11月' }), dibao()] } },
    { name: 'the 低保 row starts after P (2027-01-15)', rows: { roll: [tekun({ start_date: '2020-05-01' }), dibao({ start_date: '2027-01-15' })] } },
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
    {
      name: 'the 特困 row starts on P\'s last day: both rows, each showing its status and start',
      rows: { roll: [tekun({ start_date: '2026-10-31', status: '在保' }), dibao({ start_date: '2019-03-01', status: '在保' })] },
      expected: [
        { household_id: 'H001', evidence: ['本行为农村低保（在保，开始享受时间 2019-03-01）', '赵大娘（特困供养，在保，开始享受时间 2026-10-31，roll.csv 第2行）'] },
        { household_id: 'T001', evidence: ['本行为特困供养（在保，开始享受时间 2026-10-31）', '赵大娘（农村低保，在保，开始享受时间 2019-03-01，roll.csv 第3行）'] },
      ],
    },
    {
      name: 'the 特困 start written as P\'s month (2026年10月): shown as the month',
      rows: { roll: [tekun({ start_date: '2026年10月' }), dibao()] },
      expected: [
        { household_id: 'H001', evidence: ['（特困供养，开始享受时间 2026-10（只写年月），roll.csv 第2行）'] },
        { household_id: 'T001', evidence: ['本行为特困供养（开始享受时间 2026-10（只写年月））'] },
      ],
    },
    {
      name: 'the 特困 start unreadable (待定): counted as paid in P, and said so',
      rows: { roll: [tekun({ start_date: '待定' }), dibao({ start_date: '2019-03-01' })] },
      expected: [
        { household_id: 'H001', evidence: ['（特困供养，开始享受时间「待定」无法识别，按本期享受计，roll.csv 第2行）'] },
        { household_id: 'T001', evidence: ['本行为特困供养（开始享受时间「待定」无法识别，按本期享受计）'] },
      ],
    },
    {
      name: 'the 特困 start empty: counted as paid in P, as before',
      rows: { roll: [tekun({ start_date: '' }), dibao({ start_date: '2019-03-01' })] },
      expected: [
        { household_id: 'H001', evidence: ['本行为农村低保（开始享受时间 2019-03-01）', '（特困供养，roll.csv 第2行）'] },
        { household_id: 'T001', evidence: ['本行为特困供养；其他：'] },
      ],
    },
    {
      name: 'an unrecognised status counts as 在保, and the evidence says so (as rs_text cleans it)',
      rows: { roll: [tekun({ status: '在保（待核）' }), dibao()] },
      expected: [
        { household_id: 'H001', evidence: ['（特困供养，状态「在保(待核)」无法识别，按在保计，roll.csv 第2行）'] },
        { household_id: 'T001', evidence: ['本行为特困供养（状态「在保(待核)」无法识别，按在保计）'] },
      ],
    },
    {
      name: 'a second 特困 row starting after P: not flagged, named apart in the others\' evidence',
      rows: { roll: [tekun(), dibao(), tekun({ household_id: 'T002', village: '南村', start_date: '2026-11-01' })] },
      expected: [
        { household_id: 'H001', evidence: ['其他：城关镇西村 家庭编号 T001', '；本期末之后才开始享受的不计：城关镇南村 家庭编号 T002 赵大娘（特困供养，开始享受时间 2026-11-01，roll.csv 第4行）'] },
        { household_id: 'T001', evidence: ['其他：城关镇东村 家庭编号 H001', '本期末之后才开始享受的不计：城关镇南村 家庭编号 T002'] },
      ],
    },
  ],
});

describe('duplicate.dibao-and-tekun finding ids', () => {
  it('do not depend on the order of the rows', async () => {
    await expectSameFindingIdsInAnyOrder('duplicate.dibao-and-tekun', [tekun(), dibao(), dibao({ household_id: 'H002' })]);
  });

  it('stay the same when a row starting after P comes to be paid', async () => {
    const rows = { roll: [tekun(), dibao(), tekun({ household_id: 'T002', start_date: '2026-11-01' })] };
    const check = findCheck('duplicate.dibao-and-tekun')!;
    const october = await findingsFor(check, rows, '2026-10');
    const november = await findingsFor(check, rows, '2026-11');
    expect(october.map((f) => f.household_id)).toEqual(['H001', 'T001']);
    expect(november.map((f) => f.household_id)).toEqual(['H001', 'T001', 'T002']);
    expect(october.map((f) => f.finding_id)).toEqual(november.slice(0, 2).map((f) => f.finding_id));
  });
});
