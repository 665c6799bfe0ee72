// duplicate.shared-account: one payment account on active rows of several households; one finding per household, the head as subject.
import { describe, it } from 'vitest';
import { testCheck } from '../support/check-tester.ts';
import { fullWidth, validId } from './id-numbers.ts';
import { rollRow } from './roll-rows.ts';
import { expectSameFindingIdsInAnyOrder } from './row-order.ts';

const ZHANG = validId('110101', '19900307', '451');
const LI = validId('110101', '19850612', '232');
const WANG = validId('110101', '19600101', '011');
const ACCOUNT = '6228481234567890123';

/** Household H001 in 东村: head 张三 and his wife, the account on both rows. */
const first = (account: string | null = ACCOUNT) => [
  rollRow({ bank_account: account }),
  rollRow({ name: '赵梅', id_number: validId('110101', '19910101', '026'), relation: '配偶', bank_account: account }),
];
/** Household H002 in 西村, its head 王五 listed after a member. */
const second = (account: string | null, status = '') => [
  rollRow({ household_id: 'H002', village: '西村', name: '李四', id_number: LI, relation: '子', bank_account: account, status }),
  rollRow({ household_id: 'H002', village: '西村', name: '王五', id_number: WANG, relation: '户主', bank_account: account, status }),
];

testCheck('duplicate.shared-account', {
  valid: [
    { name: 'one household, the account on every row', rows: { roll: first() } },
    { name: 'two households, two accounts', rows: { roll: [...first(), ...second('6228481234567890124')] } },
    { name: 'the other household is 停保: no payment goes to it any more', rows: { roll: [...first(), ...second(ACCOUNT, '停保')] } },
    { name: 'accounts Excel turned into 6.22848E+18 are not compared', rows: { roll: [...first('6.22848E+18'), ...second('6.22848E+18')] } },
    { name: 'no account given', rows: { roll: [...first(null), ...second('')] } },
    { name: 'two different people with the same name, each with an account', rows: { roll: [...first(), ...second('6228481234567890124').map((r) => ({ ...r, name: '张三' }))] } },
  ],
  invalid: [
    {
      name: 'two households of two villages share one account (written with spaces, dashes, full-width digits, an apostrophe)',
      rows: { roll: [...first('6228 4812 3456 7890 123'), ...second(`'${fullWidth('622848-1234567890123')}`)] },
      expected: [
        { subject_id: ZHANG, household_id: 'H001', village: '东村', evidence: [`银行账号 ${ACCOUNT} 是 2 户在保家庭的发放账号`, '本户 张三（roll.csv 第2行）', '其他：城关镇西村 家庭编号 H002 王五（roll.csv 第5行）'] },
        { subject_id: WANG, household_id: 'H002', village: '西村', evidence: ['本户 王五（roll.csv 第5行）', '其他：城关镇东村 家庭编号 H001 张三（roll.csv 第2行）'] },
      ],
    },
    {
      name: 'three households: each names the other two',
      rows: { roll: [...first(), ...second(ACCOUNT), rollRow({ household_id: 'H003', village: '南村', name: '孙六', id_number: validId('110101', '19550505', '037'), bank_account: ACCOUNT })] },
      expected: [
        { household_id: 'H001', evidence: ['3 户', '家庭编号 H002 王五', '家庭编号 H003 孙六'] },
        { household_id: 'H002', evidence: ['家庭编号 H001 张三', '家庭编号 H003 孙六'] },
        { household_id: 'H003', evidence: ['家庭编号 H001 张三', '家庭编号 H002 王五'] },
      ],
    },
  ],
});

describe('duplicate.shared-account finding ids', () => {
  it('do not depend on the order of the rows', async () => {
    await expectSameFindingIdsInAnyOrder('duplicate.shared-account', [...first(), ...second(ACCOUNT)]);
  });
});
