// over_asset.deposits: the household's member count behind its limit, as shared_asset_households counts it from the rows
// less the members' repeated rows (until 2026-12-06 a count(DISTINCT id_number)): every way a row may or may not be a member.
import { testCheck } from '../support/check-tester.ts';
import { validId } from './id-numbers.ts';
import { rollRow } from './roll-rows.ts';

const config = { standards: { default: { urban: 900, rural: 700 } } };
const ZHANG = validId('110101', '19600307', '451');
const LI = validId('110101', '19580612', '232');
const WANG = validId('110101', '19900101', '011');
const balance = (id: string, amount: string, name: string) => ({ id_number: id, name, balance: amount, as_of: '2026-09-30' });

/**
 * H001: 张三 on two rows, 李四, and a child whose ID cell is empty (still someone): 3 members, 24 × 700 × 3 = 50400 元.
 * 李四 is also on a row without a 家庭编号: he is H001's member, not a household of his own nor a fourth member.
 */
const household = [
  rollRow({ name: '张三', id_number: ZHANG }),
  rollRow({ name: '张三', id_number: ZHANG }),
  rollRow({ name: '李四', id_number: LI, relation: '配偶' }),
  rollRow({ name: '张小', id_number: '', relation: '子' }),
  rollRow({ household_id: '', name: '李四', id_number: LI, relation: '配偶' }),
];
/** H002 (西村): 王五 on three rows, alone in the household: 1 member, 24 × 700 = 16800 元. */
const single = [1, 2, 3].map(() => rollRow({ household_id: 'H002', village: '西村', name: '王五', id_number: WANG }));

testCheck('over_asset.deposits', {
  valid: [
    { name: 'exactly at the limit of 3 members: 50400 元', config, rows: { roll: household, deposits: [balance(ZHANG, '50400', '张三')] } },
    { name: 'one person on three rows at the limit of 1 member: 16800 元', config, rows: { roll: single, deposits: [balance(WANG, '16800', '王五')] } },
  ],
  invalid: [
    {
      name: 'one cent over the limit of 3 members (a person twice, a row without an ID, a member also on a row without a 家庭编号)',
      config,
      rows: { roll: household, deposits: [balance(LI, '50400.01', '李四')] },
      expected: [{ subject_id: LI, household_id: 'H001', evidence: ['× 3 人 = 50400.00 元'] }],
    },
    {
      name: 'one cent over the limit of 1 member, the person on three rows; the household beside it stays at its own limit',
      config,
      rows: { roll: [...single, ...household], deposits: [balance(WANG, '16800.01', '王五'), balance(ZHANG, '50400', '张三')] },
      expected: [{ subject_id: WANG, household_id: 'H002', village: '西村', evidence: ['× 1 人 = 16800.00 元'] }],
    },
  ],
});
