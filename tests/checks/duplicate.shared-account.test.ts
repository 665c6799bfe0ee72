// duplicate.shared-account: one payment account on active rows of several households; one finding per household, the head as subject.
import { describe, it } from 'vitest';
import { testCheck } from '../support/check-tester.ts';
import { fullWidth, validId, wrongCheckId } from './id-numbers.ts';
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

const HOME_ACCOUNT = '6217001234567890001';
/** A 特困 resident of the township's 敬老院 (集中供养), a household of his own paid into the institution's account. */
const resident = (household: string, birth: string, overrides: Record<string, string | null> = {}) => rollRow({
  household_id: household, village: '南村', name: `五保${household}`, id_number: validId('110101', birth, '013'),
  relation: '本人', program: '集中供养特困', bank_account: HOME_ACCOUNT, ...overrides,
});
const residents = (overrides: Record<string, string | null> = {}) => [
  resident('T001', '19400101', overrides), resident('T002', '19410202', overrides), resident('T003', '19420303', overrides),
];

testCheck('duplicate.shared-account', {
  valid: [
    { name: 'one household, the account on every row', rows: { roll: first() } },
    { name: 'two households, two accounts', rows: { roll: [...first(), ...second('6228481234567890124')] } },
    { name: 'the other household is 停保: no payment goes to it any more', rows: { roll: [...first(), ...second(ACCOUNT, '停保')] } },
    { name: 'accounts Excel turned into 6.22848E+18 are not compared', rows: { roll: [...first('6.22848E+18'), ...second('6.22848E+18')] } },
    // 6228480012345678 and 6228480012345671 typed into number cells: Excel kept 15 digits, the reader writes both so.
    { name: '16-digit cards whose last digit Excel dropped are not compared', rows: { roll: [...first('6.22848001234567e+15'), ...second('6.22848001234567e+15')] } },
    // Dropping the mask read 6228480*********1111 as 62284801111 in both households: two cards masked alike, not one account.
    { name: 'accounts masked alike (6228480*********1111) are not compared', rows: { roll: [...first('6228480*********1111'), ...second('6228480*********1111')] } },
    {
      name: 'masks written otherwise (in groups, full-width ＊, ×, a run of x) are not compared either',
      rows: {
        roll: [
          ...first('6228 48** **** 2222'), ...second('622848＊＊＊＊＊＊＊＊2222'),
          rollRow({ household_id: 'H003', village: '南村', name: '孙六', id_number: validId('110101', '19550505', '037'), bank_account: '622848××××××××2222' }),
          rollRow({ household_id: 'H004', village: '南村', name: '周七', id_number: validId('110101', '19560606', '048'), bank_account: '622848xxxxxxxx2222' }),
          rollRow({ household_id: 'H005', village: '南村', name: '吴八', id_number: validId('110101', '19570707', '059'), bank_account: '622848XXXXXXXX2222' }),
          rollRow({ household_id: 'H006', village: '南村', name: '郑九', id_number: validId('110101', '19580808', '061'), bank_account: '622848●●●●●●●●2222' }),
        ],
      },
    },
    {
      // Until 2026-12-05 only *, ＊, ×, ● and x were masks: 6228••••••••3333 was read as 62283333 in every household.
      name: 'masks of other marks (•, #, …, ?, _, ○, ※, a run of dots) are not compared either',
      rows: {
        roll: ['6228 48•• •••• 3333', '6228########3333', '6228…3333', '6228????????3333', '6228________3333', '6228○○○○○○○○3333',
          '6228※※※※※※※※3333', '6228........3333'].map((account, i) => rollRow({
          household_id: `H01${i}`, village: '南村', name: `户主${i}`, id_number: validId('110101', '19600101', `${300 + i}`), bank_account: account,
        })),
      },
    },
    { name: 'no account given', rows: { roll: [...first(null), ...second('')] } },
    {
      name: 'a row without a 家庭编号 in the village of a household paid into the account (its row, its number not written), or naming no village',
      rows: { roll: [...first(), rollRow({ household_id: '', name: '赵梅', id_number: validId('110101', '19910101', '026'), relation: '配偶', bank_account: ACCOUNT }),
        ...second(ACCOUNT).map((row) => ({ ...row, household_id: '', village: '' }))] },
    },
    { name: 'two different people with the same name, each with an account', rows: { roll: [...first(), ...second('6228481234567890124').map((r) => ({ ...r, name: '张三' }))] } },
    { name: '集中供养特困 residents of one 敬老院 share its account', rows: { roll: residents() } },
    {
      name: '特困 residents whose 供养方式 says 集中供养 (the program only 特困供养) share the institution\'s account',
      rows: { roll: residents({ program: '特困供养', care_mode: '集中供养' }) },
    },
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
      // Until 2026-12-05 the finding gave 赵梅's ID beside 张三's name and line: a head whose ID cannot be read was skipped for the ID alone.
      name: 'the head\'s ID cannot be read: the head is still the subject, his ID left empty, not his wife\'s',
      rows: { roll: [{ ...first()[0]!, id_number: wrongCheckId('110101', '19900307', '451') }, first()[1]!, ...second(ACCOUNT)] },
      expected: [
        { subject_id: null, household_id: 'H001', evidence: ['本户 张三（roll.csv 第2行）'] },
        { subject_id: WANG, household_id: 'H002', evidence: ['其他：城关镇东村 家庭编号 H001 张三（roll.csv 第2行）'] },
      ],
    },
    {
      // Until 2026-12-05 a row without a 家庭编号 was never compared: a township whose roll Excel saved with its numbers as
      // 3.71329E+15 shared accounts with the others unseen.
      name: 'households without a 家庭编号 (lost to scientific notation, or empty) in other villages: each a household of its village',
      rows: {
        roll: [
          ...first(),
          ...second(ACCOUNT).map((row) => ({ ...row, household_id: '3.71329E+15', township: '河西镇' })),
          rollRow({ household_id: '', village: '南村', name: '孙六', id_number: validId('110101', '19550505', '037'), bank_account: ACCOUNT }),
        ],
      },
      expected: [
        { subject_id: ZHANG, household_id: 'H001', evidence: ['是 3 户在保家庭的发放账号', '河西镇西村 家庭编号 为空或无法识别 王五（roll.csv 第5行）', '城关镇南村 家庭编号 为空或无法识别 孙六（roll.csv 第6行）'] },
        { subject_id: WANG, household_id: null, township: '河西镇', evidence: ['本户 王五（roll.csv 第5行，家庭编号为空或无法识别，按本村另一户计）', '城关镇东村 家庭编号 H001 张三'] },
        { subject_id: validId('110101', '19550505', '037'), household_id: null, village: '南村', evidence: ['本户 孙六（roll.csv 第6行，家庭编号为空或无法识别', '河西镇西村 家庭编号 为空或无法识别 王五'] },
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
    {
      name: 'a 低保 household paid into the 敬老院\'s account: it alone is listed, the residents named as 集中供养',
      rows: { roll: [...first(HOME_ACCOUNT), ...residents().slice(0, 2)] },
      expected: [{
        household_id: 'H001',
        evidence: [`银行账号 ${HOME_ACCOUNT} 是 3 户在保家庭的发放账号（其中集中供养 2 户`, '家庭编号 T001 五保T001（roll.csv 第4行，集中供养）', '家庭编号 T002 五保T002（roll.csv 第5行，集中供养）'],
      }],
    },
    {
      name: '供养方式 分散供养 outweighs the program\'s 集中供养: two such households sharing one account are listed',
      rows: { roll: residents({ care_mode: '分散供养' }).slice(0, 2) },
      expected: [{ household_id: 'T001' }, { household_id: 'T002' }],
    },
    {
      name: 'skipInstitutionalCare false (each resident paid into his own 一卡通): the residents sharing one account are listed',
      rows: { roll: residents().slice(0, 2) },
      config: { checks: { 'duplicate.shared-account': { params: { skipInstitutionalCare: false } } } },
      expected: [{ household_id: 'T001', evidence: ['是 2 户在保家庭的发放账号；'] }, { household_id: 'T002' }],
    },
  ],
});

describe('duplicate.shared-account finding ids', () => {
  it('do not depend on the order of the rows', async () => {
    await expectSameFindingIdsInAnyOrder('duplicate.shared-account', [...first(), ...second(ACCOUNT)]);
  });
  it('do not depend on the order of the rows of households without a 家庭编号', async () => {
    await expectSameFindingIdsInAnyOrder('duplicate.shared-account', [
      ...first().map((row) => ({ ...row, household_id: '' })), ...second(ACCOUNT).map((row) => ({ ...row, household_id: '' })),
    ]);
  });
});
