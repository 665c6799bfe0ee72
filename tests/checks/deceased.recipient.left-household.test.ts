// deceased.recipient's divisor and a roll row read as 在保 whose status as a whole says its person left the household
// (出嫁, 分户, reported by data_quality.bad-value): she is not one of the household's members the payment is shared among.
// Until 2026-12-07 a married-out daughter's row halved the estimate of her dead father's overpayment (700.00 where 1400.00
// was paid). A note about the dead man on the survivor's row (在保（户主死亡）) keeps her a member: 6b98ea0 read it as her
// leaving and doubled his overpayment.
import { testCheck } from '../support/check-tester.ts';
import { validId } from './id-numbers.ts';
import { rollRow } from './roll-rows.ts';

const FATHER = validId('371329', '19450101', '011');
const DAUGHTER = validId('371329', '19700101', '022');
const SON = validId('371329', '19720101', '033');

/** H001: the father (head, his row `fatherStatus`) and his daughter (her row `status`), paid 700 元 a month. */
const family = (status: string, fatherStatus = '在保') => [
  rollRow({ name: '王父', id_number: FATHER, status: fatherStatus }),
  rollRow({ name: '王女', id_number: DAUGHTER, relation: '女', status }),
];
const paid = ['2026-09', '2026-10'].map((month) => ({ household_id: 'H001', month, amount: '700' }));
const died = [{ id_number: FATHER, name: '王父', death_date: '2026-08-10', source: '殡葬火化' }];

testCheck('deceased.recipient', {
  valid: [
    { name: 'the father died after P.end (the daughter 出嫁)', rows: { roll: family('出嫁'), deaths: [{ ...died[0]!, death_date: '2026-11-02' }], payments: paid } },
  ],
  invalid: [
    ...['出嫁', '分户', '在保（已迁出）'].map((status) => ({
      name: `the daughter's row ${status}: the 700 元 a month were his alone, 1400.00 元`,
      rows: { roll: family(status), deaths: died, payments: paid },
      expected: [{ subject_id: FATHER, overpayment_cents: 140000, evidence: ['÷ 在保 1 人估算多发 1400.00 元'] }],
    })),
    {
      name: 'his own row says 死亡 (read as 在保), his daughter\'s 出嫁: he is still the one the household was paid for',
      rows: { roll: family('出嫁', '死亡'), deaths: died, payments: paid },
      expected: [{ subject_id: FATHER, overpayment_cents: 140000, evidence: ['÷ 在保 1 人'] }],
    },
    // R12's: a move in, a revoked move or a transfer on the survivor's row doubled his overpayment in a broader reading.
    ...['在保（户主死亡）', '在保（父亲死亡）', '在保（户口迁出未办结）', '在保（入赘）', '在保（迁移过来）', '在保（户口迁移）', '在保（转出）', '迁出撤销'].map((status) => ({
      name: `the survivor's row notes his death or an unfinished move (${status}): she is still a member, ÷ 2, 700.00 元`,
      rows: { roll: family(status), deaths: died, payments: paid },
      expected: [{ subject_id: FATHER, overpayment_cents: 70000, evidence: ['÷ 在保 2 人估算多发 700.00 元'] }],
    })),
    {
      name: 'decoys: a daughter 申请分户 (not done) and a son 在保 are members: 3 persons, 466.66 元 (233.33 a month)',
      rows: { roll: [...family('申请分户'), rollRow({ name: '王子', id_number: SON, relation: '子' })], deaths: died, payments: paid },
      expected: [{ subject_id: FATHER, overpayment_cents: 46666, evidence: ['÷ 在保 3 人'] }],
    },
  ],
});
