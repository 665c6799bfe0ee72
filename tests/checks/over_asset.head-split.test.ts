// The head's own row saying 分户 or 在保（分户） (his household made by a split, as rolls write 分户施保), with no other
// head row plainly 在保, is no leaving of his: he is its member, his car the household's. Until 2026-12-07 he was none
// where another member's row was plain 在保, and his car went unfound (a missed high finding). Any other row saying 分户
// there still left (a son who split off again), as does a 户主 row saying 分户 beside a plain 户主 row (a son heading
// his new household under his father's number: R28). data_quality.amount-over-standard counts the same members: a
// married-out daughter still counted raised the household's limit (a household of one paid for two was missed).
import { testCheck } from '../support/check-tester.ts';
import { validId } from './id-numbers.ts';
import { rollRow } from './roll-rows.ts';

const HEAD = validId('371329', '19450101', '011');
const WIFE = validId('371329', '19470202', '024');
const DAUGHTER = validId('371329', '19700101', '022');
const SON = validId('371329', '19720101', '033');
const NEW_HEAD = validId('371329', '19740101', '044');
/** R30's: the old head's row says he moved out, the new head's row says 在保（分户）. */
const newHeadedFamily = (extra: Record<string, string> = {}) => [
  head('在保（已迁出）', extra), rollRow({ name: '王新', id_number: NEW_HEAD, status: '在保（分户）', ...extra }), wife('在保', extra),
];
const config = { standards: { default: { urban: 900, rural: 700 } } };

const head = (status: string, extra: Record<string, string> = {}) => rollRow({ name: '王父', id_number: HEAD, status, ...extra });
const wife = (status: string, extra: Record<string, string> = {}) => rollRow({ name: '王母', id_number: WIFE, relation: '妻', status, ...extra });
const daughter = (status: string, extra: Record<string, string> = {}) =>
  rollRow({ name: '王女', id_number: DAUGHTER, relation: '女', status, ...extra });
const car = (id: string) => ({ id_number: id, name: '王某', plate: '鲁Q12345', vehicle_type: '小型普通客车', status: '正常' });
const balance = (amount: string) => ({ id_number: HEAD, name: '王父', balance: amount, as_of: '2026-09-30' });

/** The head's statuses that name the split that made his household. */
const HEAD_SPLIT = ['分户', '在保（分户）', '另立户', '在保(已分户)', '在保（另立户）'];

testCheck('over_asset.vehicle', {
  valid: [
    {
      name: 'the head and his wife both say 分户, a daughter is 在保: the wife\'s 分户 may be her own leaving, her car is not counted on a guess',
      rows: { roll: [head('分户'), wife('分户'), daughter('在保')], vehicles: [car(WIFE)] },
    },
    {
      name: 'a son heads his new household under his father\'s number (户主 分户 beside the father\'s 户主 在保): the son\'s car is not the father\'s household\'s',
      rows: {
        roll: [head('在保'), rollRow({ name: '王子', id_number: SON, relation: '户主', status: '分户' }), wife('在保')],
        vehicles: [car(SON)],
      },
    },
    {
      name: 'the head 在保（分户） and only his daughter 出嫁: her car is not the household\'s (R30)',
      rows: { roll: [head('在保（分户）'), daughter('出嫁')], vehicles: [car(DAUGHTER)] },
    },
    {
      name: 'his household split, his daughter married out: her car is no longer the household\'s',
      rows: { roll: [head('在保（分户）'), wife('在保'), daughter('出嫁')], vehicles: [car(DAUGHTER)] },
    },
    {
      name: 'the head\'s own row says he moved out (在保（已迁出）), his wife is there: his car is not the household\'s, as before',
      rows: { roll: [head('在保（已迁出）'), wife('在保')], vehicles: [car(HEAD)] },
    },
  ],
  invalid: [
    ...HEAD_SPLIT.map((status) => ({
      name: `the head's row says ${status}, his wife's 在保: his car is the household's`,
      rows: { roll: [head(status), wife('在保')], vehicles: [car(HEAD)] },
      expected: [{ subject_id: HEAD, household_id: 'H001', evidence: ['王父：小型普通客车 鲁Q12345'] }],
    })),
    {
      name: 'the old head\'s row says 在保（已迁出）, the new head\'s 在保（分户）: the new head\'s car is found (R30)',
      rows: { roll: newHeadedFamily(), vehicles: [car(NEW_HEAD)] },
      expected: [{ subject_id: NEW_HEAD, household_id: 'H001' }],
    },
    ...['停保（分户）', '退保（分户）'].map((status) => ({
      name: `the head's row is ${status}, no longer paid; his daughter's 出嫁 is the household's only paid row: her car is found, as before (R31)`,
      rows: { roll: [head(status), daughter('出嫁')], vehicles: [car(DAUGHTER)] },
      expected: [{ subject_id: DAUGHTER, household_id: 'H001' }],
    })),
    {
      name: 'every row says 分户: the household is the one paid, the wife\'s car is found (as before)',
      rows: { roll: [head('在保（分户）'), wife('在保（分户）')], vehicles: [car(WIFE)] },
      expected: [{ subject_id: WIFE, household_id: 'H001' }],
    },
  ],
});

testCheck('over_asset.deposits', {
  // 2 members: 24 × 700 × 2 = 33600 元.
  valid: [
    {
      name: 'the head 在保（分户） and his wife: 33600 元 is at the limit of 2',
      config,
      rows: { roll: [head('在保（分户）'), wife('在保')], deposits: [balance('33600')] },
    },
  ],
  invalid: [
    {
      name: 'the head 在保（分户）, his wife, his daughter 出嫁: 33600.01 元 is over the limit of 2',
      config,
      rows: { roll: [head('在保（分户）'), wife('在保'), daughter('出嫁')], deposits: [balance('33600.01')] },
      expected: [{ subject_id: HEAD, household_id: 'H001', evidence: ['× 2 人 = 33600.00 元'] }],
    },
  ],
});

const paid = (amount: string) => ({ program: '农村低保', monthly_amount: amount });
testCheck('data_quality.amount-over-standard', {
  valid: [
    {
      name: 'the head 在保（分户） and his wife: 1400 元 is at the limit of 2',
      config,
      rows: { roll: [head('在保（分户）', paid('1400')), wife('在保', paid('1400'))] },
    },
    {
      name: 'every row says 分户: both count, 1400 元 is at the limit of 2',
      config,
      rows: { roll: [head('分户', paid('1400')), wife('分户', paid('1400'))] },
    },
    {
      name: 'a daughter whose row notes someone else\'s marriage (在保（女儿出嫁）) still counts: 2100 元 for 3',
      config,
      rows: { roll: [head('在保', paid('2100')), wife('在保', paid('2100')), daughter('在保（女儿出嫁）', paid('2100'))] },
    },
  ],
  invalid: [
    {
      name: 'the head\'s row says he moved out: the finding is his wife\'s, whom the count holds (R30)',
      config,
      rows: { roll: [head('在保（已迁出）', paid('1400')), wife('在保', paid('1400'))] },
      expected: [{ subject_id: WIFE, evidence: ['× 1 人', '王父「在保（已迁出）」'] }],
    },
    {
      name: 'a row with no name that says 出嫁 is named as such in the evidence',
      config,
      rows: { roll: [head('在保', paid('1400')), daughter('出嫁', { ...paid('1400'), name: '' })] },
      expected: [{ subject_id: HEAD, evidence: ['× 1 人', '（写明已离开本户、未计人数的：（姓名空）「出嫁」）'] }],
    },
    ...['出嫁', '在保（已迁出）', '分户'].map((status) => ({
      name: `a daughter ${status} is no member: 1400 元 is over the limit of 1 (until 2026-12-07 she counted, 2 × 700)`,
      config,
      rows: { roll: [head('在保', paid('1400')), daughter(status, paid('1400'))] },
      expected: [{ subject_id: HEAD, household_id: 'H001', evidence: ['超过农村低保上限 700.00 元 × 1 人 = 700.00 元', `（写明已离开本户、未计人数的：王女「${status}」）`] }],
    })),
  ],
});

const payments = ['2026-09', '2026-10'].map((month) => ({ household_id: 'H001', month, amount: '700' }));
const wifeDied = [{ id_number: WIFE, name: '王母', death_date: '2026-08-10', source: '殡葬火化' }];
testCheck('deceased.recipient', {
  valid: [
    { name: 'his wife died after P.end', rows: { roll: [head('在保（分户）'), wife('在保')], deaths: [{ ...wifeDied[0]!, death_date: '2026-11-02' }], payments } },
  ],
  invalid: [
    {
      name: 'his wife died; the head\'s row says 在保（分户）: he is a member, ÷ 2, 700.00 元 (until 2026-12-07 ÷ 1, 1400.00 元)',
      rows: { roll: [head('在保（分户）'), wife('在保')], deaths: wifeDied, payments },
      expected: [{ subject_id: WIFE, overpayment_cents: 70000, evidence: ['÷ 在保 2 人估算多发 700.00 元'] }],
    },
    {
      name: 'the head 分户 died, his only daughter 出嫁: ÷ 1, 1400.00 元 (R30)',
      rows: { roll: [head('分户'), daughter('出嫁')], deaths: [{ ...wifeDied[0]!, id_number: HEAD, name: '王父' }], payments },
      expected: [{ subject_id: HEAD, overpayment_cents: 140000, evidence: ['÷ 在保 1 人估算多发 1400.00 元'] }],
    },
    {
      name: 'his wife died; the head\'s row says 在保（已迁出） (he moved out): ÷ 1, 1400.00 元, as before',
      rows: { roll: [head('在保（已迁出）'), wife('在保')], deaths: wifeDied, payments },
      expected: [{ subject_id: WIFE, overpayment_cents: 140000, evidence: ['÷ 在保 1 人估算多发 1400.00 元'] }],
    },
  ],
});

testCheck('duplicate.two-households', {
  valid: [
    { name: 'the head 在保（分户） in one household only', rows: { roll: [head('在保（分户）'), wife('在保')] } },
  ],
  invalid: [
    {
      name: 'a son 在保 on his father\'s household\'s row and 户主 在保（分户） of his own: both rows are flagged, his own household not told 本户应核减 (R28)',
      rows: {
        roll: [
          head('在保'), rollRow({ name: '王子', id_number: SON, relation: '子' }),
          rollRow({ household_id: 'H002', name: '王子', id_number: SON, relation: '户主', status: '在保（分户）' }),
        ],
      },
      expected: [{ subject_id: SON, household_id: 'H001' }, { subject_id: SON, household_id: 'H002' }],
    },
  ],
});
