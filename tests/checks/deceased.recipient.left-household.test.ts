// deceased.recipient's divisor and a roll row read as 在保 that says its person left the household (出嫁, 分户, reported
// by data_quality.bad-value): she is not one of the household's members the payment is shared among. Until 2026-12-06 a
// married-out daughter's row halved the estimate of her dead father's overpayment (700.00 where 1400.00 was paid).
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
    {
      name: 'decoys: a daughter 申请分户 (not done) and a son 在保 are members: 3 persons, 466.66 元 (233.33 a month)',
      rows: { roll: [...family('申请分户'), rollRow({ name: '王子', id_number: SON, relation: '子' })], deaths: died, payments: paid },
      expected: [{ subject_id: FATHER, overpayment_cents: 46666, evidence: ['÷ 在保 3 人'] }],
    },
  ],
});
