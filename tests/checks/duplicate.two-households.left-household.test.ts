// duplicate.two-households and a roll row read as 在保 whose status as a whole says its person left the household (出嫁,
// 分户, 在保（已迁出）, reported by data_quality.bad-value): that row is flagged where she is 在保 in another household (it is
// to be removed), the household she lives in is not, and every other row's status is in the evidence. Until 2026-12-07 a
// daughter 在保 in her husband's household and 出嫁 in her parents' made both findings (只保留一处), the evidence silent on
// the 出嫁. A status noting someone else (在保（女儿出嫁）, 在保（户主死亡）) says nothing of her: both rows, as before.
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
    { name: 'her only row says 出嫁: one household, nothing to compare', rows: { roll: [parents('出嫁')] } },
  ],
  invalid: [
    {
      // R12's case B: each row, read as 在保, is paid; neither is where she lives, so both are to be looked at.
      name: 'both rows say she left (出嫁 in her parents\', 在保（已迁出） in her husband\'s): both rows, each 本户应核减',
      rows: { roll: [parents('出嫁'), husbands('在保（已迁出）')] },
      expected: [
        { household_id: 'H001', evidence: ['保障状态「出嫁」，写明已离开本户', '本户应核减'] },
        { household_id: 'H002', evidence: ['保障状态「在保（已迁出）」，写明已离开本户', '本户应核减'] },
      ],
    },
    ...['在保（入赘）', '入赘', '在保（迁移过来）', '迁出撤销', '在保（迁出张三）'].map((status) => ({
      // R12's case A: a word with more to it may be a move in; until a whole status says she left, both rows as before.
      name: `decoy: her husband's row says ${status} (not a plain leaving): both rows, 同时在 2 户在保`,
      rows: { roll: [parents('在保'), husbands(status)] },
      expected: [
        { household_id: 'H001', evidence: ['同时在 2 户在保'] },
        { household_id: 'H002', evidence: ['同时在 2 户在保'] },
      ],
    })),
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
    ...['在保（女儿出嫁）', '在保（户主死亡）', '在保（户口迁出未办结）'].map((status) => ({
      name: `decoy: her parents' row notes someone else or an unfinished move (${status}): both rows, 同时在 2 户在保`,
      rows: { roll: [parents(status), husbands()] },
      expected: [
        { household_id: 'H001', evidence: ['同时在 2 户在保', '家庭编号 H002 王女（农村低保，roll.csv'] },
        { household_id: 'H002', evidence: ['同时在 2 户在保', '家庭编号 H001 王女（农村低保，'] },
      ],
    })),
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
