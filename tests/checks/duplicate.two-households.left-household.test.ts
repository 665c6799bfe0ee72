// duplicate.two-households and a roll row read as 在保 that says its person left the household (出嫁, 分户, 在保（已迁出）,
// reported by data_quality.bad-value): that row is flagged where she is 在保 in another household (it is to be removed),
// the household she lives in is not, and every other row's status is in the evidence. Until 2026-12-06 a daughter 在保 in
// her husband's household and 出嫁 in her parents' made both findings (只保留一处), the evidence silent on the 出嫁.
import { testCheck } from '../support/check-tester.ts';
import { validId } from './id-numbers.ts';
import { rollRow } from './roll-rows.ts';

const DAUGHTER = validId('371329', '19700101', '022');

/** Her row in her parents' household H001 (东村), its status `status`. */
const parents = (status: string) => rollRow({ household_id: 'H001', name: '王女', id_number: DAUGHTER, relation: '女', status });
/** Her row in her husband's household H002 (西村), its status `status`. */
const husbands = (status = '在保', household_id = 'H002') =>
  rollRow({ household_id, village: '西村', name: '王女', id_number: DAUGHTER, relation: '配偶', status });

testCheck('duplicate.two-households', {
  valid: [
    {
      name: 'both rows say she left (出嫁 in her parents\', 分户 in her husband\'s): she is 在保 in neither (bad-value reports both)',
      rows: { roll: [parents('出嫁'), husbands('分户')] },
    },
  ],
  invalid: [
    ...['出嫁', '分户', '在保（已迁出）', '外嫁'].map((status) => ({
      name: `she is ${status} in her parents' household, 在保 in her husband's: only her parents' row, to be removed`,
      rows: { roll: [parents(status), husbands()] },
      expected: [{
        subject_id: DAUGHTER, household_id: 'H001', village: '东村',
        evidence: [`在本户的行保障状态「${status}」，写明已离开本户`, '本户应核减', '其他：城关镇西村 家庭编号 H002 王女（农村低保，roll.csv'],
      }],
    })),
    {
      name: 'decoy: 申请分户 (not done) is still 在保 there: both rows, each naming the other\'s unreadable status',
      rows: { roll: [parents('申请分户'), husbands()] },
      expected: [
        { household_id: 'H001', evidence: ['同时在 2 户在保', '家庭编号 H002 王女（农村低保，roll.csv'] },
        { household_id: 'H002', evidence: ['同时在 2 户在保', '家庭编号 H001 王女（农村低保，保障状态「申请分户」，无法识别，按在保计，roll.csv'] },
      ],
    },
    {
      name: '在保 in two households and 出嫁 in a third: all three rows, each other row\'s 出嫁 named',
      rows: { roll: [parents('出嫁'), husbands(), husbands('在保', 'H003')] },
      expected: [
        { household_id: 'H001', evidence: ['保障状态「出嫁」，写明已离开本户'] },
        { household_id: 'H002', evidence: ['同时在 3 户在保', '家庭编号 H001 王女（农村低保，保障状态「出嫁」，写明已离开该户，roll.csv', '家庭编号 H003 王女（农村低保，roll.csv'] },
        { household_id: 'H003', evidence: ['同时在 3 户在保', '家庭编号 H001 王女（农村低保，保障状态「出嫁」，写明已离开该户，roll.csv'] },
      ],
    },
  ],
});
