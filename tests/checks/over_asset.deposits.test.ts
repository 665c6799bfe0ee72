// over_asset.deposits: members' balances summed against depositMonths × area standard × members.
import { describe, expect, it } from 'vitest';
import { findCheck } from '../../scanner/engine/registry.ts';
import { findingsFor, testCheck, type Rows } from '../support/check-tester.ts';
import { validId } from './id-numbers.ts';
import { rollRow } from './roll-rows.ts';

const config = { standards: { default: { urban: 900, rural: 700 } } };
const ZHANG = validId('110101', '19600307', '451');
const LI = validId('110101', '19580612', '232');
const WANG = validId('110101', '19900101', '011');
const OTHER_ZHANG = validId('110101', '19451208', '519');

/** H001 in 东村, 农村低保: 张三 (head) and 李四 (spouse; the lower ID). Limit 24 × 700 × 2 = 33600 元. */
const couple = [rollRow({ name: '张三', id_number: ZHANG }), rollRow({ name: '李四', id_number: LI, relation: '配偶' })];
const balance = (id: string, amount: string, name = id === LI ? '李四' : '张三') => ({ id_number: id, name, balance: amount, as_of: '2026-09-30' });
/** A balance as one 核对 round's feedback reports it: which bank, which account, at which date. */
const reported = (id: string, amount: string, asOf: string, where: { institution?: string; account?: string }) => ({
  ...balance(id, amount), as_of: asOf, institution: where.institution ?? null, account: where.account ?? null,
});
const JUNE = '2026-06-30';
const SEPTEMBER = '2026-09-30';
const DECEMBER = '2026-12-31';
/** The evidence's note on balances that may be two rounds of one account: the unnamed sum, the total without earlier rounds. */
const doubtNote = (unnamed: string, latestOnly: string, verdict: '未超过' | '仍超过') =>
  `（其中 ${unnamed} 元的余额未写金融机构或账号，与同一人另一截止日期的余额可能是同一账户的两轮核对反馈；如是，只计最近一轮则合计 ${latestOnly} 元，${verdict}限额，请先核实再处理）：`;

testCheck('over_asset.deposits', {
  valid: [
    { name: 'exactly at the limit: 20000 + 13600 = 33600 元', config, rows: { roll: couple, deposits: [balance(ZHANG, '20,000.00'), balance(LI, '13600')] } },
    { name: 'under the limit by 500 元', config, rows: { roll: couple, deposits: [balance(ZHANG, '33100')] } },
    {
      name: 'a county standard above the default: 24 × 1000 × 2 = 48000 元',
      config: { standards: { default: { urban: 900, rural: 700 }, byCounty: { 甲县: { urban: 1200, rural: 1000 } } } },
      rows: { roll: couple.map((row) => ({ ...row, county: '甲县' })), deposits: [balance(ZHANG, '40000')] },
    },
    {
      name: 'a 停保 member: neither the balance nor the person counts',
      config,
      rows: { roll: [...couple, rollRow({ name: '王五', id_number: WANG, relation: '子', status: '停保' })], deposits: [balance(WANG, '90000', '王五'), balance(ZHANG, '1000')] },
    },
    {
      name: 'two 城市 rows against the head\'s 农村: the most common area\'s limit, 24 × 900 × 3 = 64800 元',
      config,
      rows: {
        roll: [couple[0]!, rollRow({ name: '李四', id_number: LI, relation: '配偶', program: '城市低保' }), rollRow({ name: '王五', id_number: WANG, relation: '子', program: '城市低保' })],
        deposits: [balance(ZHANG, '60000')],
      },
    },
    { name: 'a namesake with another ID has the money', config, rows: { roll: couple, deposits: [balance(OTHER_ZHANG, '500000')] } },
    {
      // His household's members, and so its limit, are not known: a limit for one would be a false finding for a family.
      name: 'a person without a 家庭编号 is not judged against a limit',
      config,
      rows: { roll: [rollRow({ household_id: '', name: '张三', id_number: ZHANG })], deposits: [balance(ZHANG, '30000')] },
    },
    {
      name: 'two 核对 rounds of one bank (June 30000, September 20000): the later replaces the earlier, 20000 ≤ 33600',
      config,
      rows: { roll: couple, deposits: [reported(ZHANG, '30000', JUNE, { institution: '中国农业银行' }), reported(ZHANG, '20000', SEPTEMBER, { institution: '中国农业银行' })] },
    },
    {
      // Spelled as written, 农行 and 中国农业银行城关支行 were two banks: 30000 + 20000 over the limit, a false high finding.
      name: 'two rounds of one bank spelled two ways (农行 in June, 中国农业银行股份有限公司城关支行 in September): the later replaces the earlier',
      config,
      rows: { roll: couple, deposits: [reported(ZHANG, '30000', JUNE, { institution: '农行' }), reported(ZHANG, '20000', SEPTEMBER, { institution: '中国农业银行股份有限公司城关支行' })] },
    },
    {
      name: 'two rounds of one account, the bank not named',
      config,
      rows: { roll: couple, deposits: [reported(LI, '30000', SEPTEMBER, { account: '6228 4800 1122' }), reported(LI, '25000', JUNE, { account: '622848001122' })] },
    },
  ],
  invalid: [
    {
      name: 'one cent over, in two banks: balances per person are summed',
      config,
      rows: { roll: couple, deposits: [balance(ZHANG, '20000'), balance(ZHANG, '¥13,600.01')] },
      expected: [{
        subject_id: ZHANG, household_id: 'H001', village: '东村',
        evidence: [
          '家庭成员金融资产合计 33600.01 元，超过 24 个月 × 农村低保标准 700.00 元/月 × 2 人 = 33600.00 元：',
          '张三：余额 13600.01 元，截至 2026-09-30，来源 金融资产核对结果（deposits.csv 第3行）', '张三：余额 20000.00 元',
        ],
      }],
    },
    {
      name: 'two members sum over the 城市 limit 24 × 900 × 2 = 43200 元; the list spells one name differently',
      config,
      rows: { roll: couple.map((row) => ({ ...row, program: '城市低保' })), deposits: [balance(ZHANG, '30000'), balance(LI, '13800', '李肆')] },
      expected: [{ subject_id: LI, evidence: ['合计 43800.00 元，超过 24 个月 × 城市低保标准 900.00 元/月 × 2 人 = 43200.00 元', '李四：余额 13800.00 元', '需核实身份', '张三：余额 30000.00 元'] }],
    },
    {
      name: 'depositMonths 12 from config: 12 × 700 × 2 = 16800 元',
      config: { ...config, checks: { 'over_asset.deposits': { params: { depositMonths: 12 } } } },
      rows: { roll: couple, deposits: [balance(LI, '20000')] },
      expected: [{ subject_id: LI, evidence: ['超过 12 个月 × 农村低保标准 700.00 元/月 × 2 人 = 16800.00 元'] }],
    },
    {
      name: 'a person on two rows of the household is one member: limit 33600, not 50400',
      config,
      rows: { roll: [...couple, couple[0]!], deposits: [balance(ZHANG, '33700')] },
      expected: [{ subject_id: ZHANG, evidence: ['× 2 人 = 33600.00 元'] }],
    },
    {
      name: 'two banks reporting at different dates: both balances count',
      config,
      rows: { roll: couple, deposits: [reported(ZHANG, '20000', JUNE, { institution: '中国农业银行' }), reported(ZHANG, '13600.01', SEPTEMBER, { institution: '中国邮政储蓄银行' })] },
      expected: [{
        subject_id: ZHANG,
        evidence: ['合计 33600.01 元', '张三：中国农业银行 余额 20000.00 元，截至 2026-06-30', '张三：中国邮政储蓄银行 余额 13600.01 元，截至 2026-09-30'],
      }],
    },
    {
      name: 'two banks whose names differ only after 中国 and 银行 (中国农业银行, 中国农业发展银行): both balances count',
      config,
      rows: { roll: couple, deposits: [reported(ZHANG, '20000', JUNE, { institution: '中国农业银行' }), reported(ZHANG, '13600.01', SEPTEMBER, { institution: '中国农业发展银行' })] },
      expected: [{ subject_id: ZHANG, evidence: ['合计 33600.01 元', '张三：中国农业银行 余额 20000.00 元', '张三：中国农业发展银行 余额 13600.01 元'] }],
    },
    {
      // The household is judged by the standard data_quality.amount-over-standard judges it by.
      name: 'the head\'s 救助类别 left blank: the household\'s area and program from its other active row (农村低保)',
      config,
      rows: { roll: [rollRow({ name: '张三', id_number: ZHANG, program: '' }), couple[1]!], deposits: [balance(ZHANG, '90000')] },
      expected: [{ subject_id: ZHANG, household_id: 'H001', program: '农村低保', evidence: ['合计 90000.00 元，超过 24 个月 × 农村低保标准 700.00 元/月 × 2 人 = 33600.00 元：'] }],
    },
    {
      name: 'rows that disagree on 城市/农村: the most common area counts (the head\'s 城市 against two 农村), and the evidence says so',
      config,
      rows: {
        roll: [rollRow({ name: '张三', id_number: ZHANG, program: '城市低保' }), couple[1]!, rollRow({ name: '王五', id_number: WANG, relation: '子' })],
        deposits: [balance(ZHANG, '50400.01')],
      },
      expected: [{ subject_id: ZHANG, evidence: ['超过 24 个月 × 农村低保标准 700.00 元/月 × 3 人 = 50400.00 元（花名册本户各行城市、农村不一，按农村计，请核实）：'] }],
    },
    {
      name: 'rows that disagree on 城市/农村 one against one: the first in sort order (农村), as data_quality.amount-over-standard takes it',
      config,
      rows: { roll: [rollRow({ name: '张三', id_number: ZHANG, program: '城市低保' }), couple[1]!], deposits: [balance(ZHANG, '33600.01')] },
      expected: [{ subject_id: ZHANG, evidence: ['× 农村低保标准 700.00 元/月 × 2 人 = 33600.00 元（花名册本户各行城市、农村不一，按农村计，请核实）：'] }],
    },
    {
      name: 'the county of the standard from the household\'s rows where the head\'s 县区 is blank: 24 × 500 × 2 = 24000 元',
      config: { standards: { default: { urban: 900, rural: 700 }, byCounty: { 乙县: { urban: 600, rural: 500 } } } },
      rows: { roll: [rollRow({ name: '张三', id_number: ZHANG, county: '' }), { ...couple[1]!, county: '乙县' }], deposits: [balance(ZHANG, '24000.01')] },
      expected: [{ subject_id: ZHANG, evidence: ['× 农村低保标准 500.00 元/月 × 2 人 = 24000.00 元：'] }],
    },
    {
      // Both may be one account's two rounds: the note gives the total with September's alone.
      name: 'rows that name no bank and no account all count, whatever their dates, and the evidence says they may be two rounds',
      config,
      rows: { roll: couple, deposits: [reported(ZHANG, '20000', JUNE, {}), reported(ZHANG, '13600.01', SEPTEMBER, {})] },
      expected: [{ subject_id: ZHANG, evidence: ['合计 33600.01 元', doubtNote('33600.01', '13600.01', '未超过')] }],
    },
    {
      // June's row names no bank: it may be the 农行 account's June round (30000 + 20000 > 33600, but 20000 alone is not).
      name: 'an unnamed June balance and a named September one: both count, and the evidence says September\'s alone is under the limit',
      config,
      rows: { roll: couple, deposits: [reported(ZHANG, '30000', JUNE, {}), reported(ZHANG, '20000', SEPTEMBER, { institution: '中国农业银行' })] },
      expected: [{
        subject_id: ZHANG,
        evidence: [
          '家庭成员金融资产合计 50000.00 元，超过 24 个月 × 农村低保标准 700.00 元/月 × 2 人 = 33600.00 元' + doubtNote('30000.00', '20000.00', '未超过'),
          '张三：余额 30000.00 元，截至 2026-06-30（未写金融机构或账号，可能与同一人截至 2026-09-30 的余额是同一账户），来源',
          '张三：中国农业银行 余额 20000.00 元，截至 2026-09-30（可能与同一人截至 2026-06-30 未写金融机构或账号的余额是同一账户），来源',
        ],
      }],
    },
    {
      // The unnamed row is the later one: it may be the 农行 account's September round, June's 5000 replaced; 35000 is still over.
      name: 'a named June balance and an unnamed September one, over the limit even with September\'s alone',
      config,
      rows: { roll: couple, deposits: [reported(ZHANG, '5000', JUNE, { institution: '中国农业银行' }), reported(ZHANG, '35000', SEPTEMBER, {}), balance(LI, '1000')] },
      expected: [{
        subject_id: LI,
        evidence: [
          '家庭成员金融资产合计 41000.00 元', doubtNote('35000.00', '36000.00', '仍超过'), '李四：余额 1000.00 元，截至 2026-09-30，来源',
          '张三：中国农业银行 余额 5000.00 元，截至 2026-06-30（可能与同一人截至 2026-09-30 未写金融机构或账号的余额是同一账户），来源',
        ],
      }],
    },
    {
      // Two banks are two accounts whatever their dates: only the unnamed June row may be an earlier round (of either).
      name: 'an unnamed June balance beside two banks\' later ones: the banks\' both count in the total without earlier rounds',
      config,
      rows: {
        roll: couple,
        deposits: [reported(ZHANG, '10000', JUNE, {}), reported(ZHANG, '20000', SEPTEMBER, { institution: '中国农业银行' }), reported(ZHANG, '15000', DECEMBER, { institution: '中国建设银行' })],
      },
      expected: [{ subject_id: ZHANG, evidence: ['合计 45000.00 元', doubtNote('10000.00', '35000.00', '仍超过')] }],
    },
  ],
});

describe('over_asset.deposits', () => {
  const check = findCheck('over_asset.deposits')!;

  it('is skipped with a reason when config sets no standards, not passed', async () => {
    await expect(findingsFor(check, { roll: couple, deposits: [balance(ZHANG, '999999')] }, '2026-10', {})).rejects.toThrow(/did not run: .*低保标准/);
  });

  it('shows the latest round of a bank, not the balance it replaced', async () => {
    const rows = { roll: couple, deposits: [reported(ZHANG, '90000', JUNE, { institution: '中国农业银行', account: '622848001122' }), reported(ZHANG, '40000', SEPTEMBER, { institution: '中国农业银行', account: '622848001122' })] };
    const [finding, ...others] = await findingsFor(check, rows, '2026-10', config);
    expect(others).toEqual([]);
    expect(finding!.evidence).toContain('家庭成员金融资产合计 40000.00 元');
    expect(finding!.evidence).toContain('张三：中国农业银行 账号 622848001122 余额 40000.00 元，截至 2026-09-30');
    expect(finding!.evidence).not.toContain('90000');
  });

  // One household, one standard: a household over the 农村 amount limit is not judged against the 城市 deposit limit.
  it('judges a household whose rows disagree on 城市/农村 by the area data_quality.amount-over-standard takes', async () => {
    const amountCheck = findCheck('data_quality.amount-over-standard')!;
    const areaIn = (evidence: string | null | undefined) => /城市|农村/.exec(evidence ?? '')?.[0];
    const households = [
      [rollRow({ name: '张三', id_number: ZHANG, program: '城市低保' }), rollRow({ name: '李四', id_number: LI, relation: '配偶' })],
      [rollRow({ name: '张三', id_number: ZHANG }), ...[LI, WANG].map((id, n) => rollRow({ name: `成员${n}`, id_number: id, relation: '子', program: '城市低保' }))],
    ];
    for (const roll of households) {
      // Over both limits whichever area is taken: 24 × 900 × 3 and 900 × 3 at most.
      const [deposits] = await findingsFor(check, { roll, deposits: [balance(ZHANG, '70000')] }, '2026-10', config);
      const [amount] = await findingsFor(amountCheck, { roll: roll.map((row) => ({ ...row, monthly_amount: '3000' })) }, '2026-10', config);
      expect(areaIn(deposits?.evidence)).toBeDefined();
      expect(areaIn(deposits?.evidence)).toBe(areaIn(amount?.evidence));
    }
  });

  // Only a balance that names neither bank nor account, at a date another of the person's balances is not, is in doubt.
  it('adds no note where no unnamed balance may be another round', async () => {
    const cases: Rows[] = [
      // Two banks at two dates: two accounts.
      { roll: couple, deposits: [reported(ZHANG, '20000', JUNE, { institution: '中国农业银行' }), reported(ZHANG, '13600.01', SEPTEMBER, { institution: '中国邮政储蓄银行' })] },
      // One bank's two rounds: the later replaced the earlier, the rest are two banks.
      { roll: couple, deposits: [reported(ZHANG, '90000', JUNE, { institution: '中国农业银行' }), reported(ZHANG, '40000', SEPTEMBER, { institution: '中国农业银行' })] },
      // A single unnamed balance, and one beside a named balance of the same date (one round's two accounts).
      { roll: couple, deposits: [reported(ZHANG, '40000', SEPTEMBER, {})] },
      { roll: couple, deposits: [reported(ZHANG, '30000', SEPTEMBER, {}), reported(ZHANG, '20000', SEPTEMBER, { institution: '中国农业银行' })] },
      // An undated unnamed balance is no round; nor does it put another person's dated balance in doubt.
      { roll: couple, deposits: [{ ...balance(ZHANG, '30000'), as_of: null }, reported(ZHANG, '20000', JUNE, { institution: '中国农业银行' }), reported(LI, '5000', JUNE, {})] },
    ];
    for (const rows of cases) {
      const [finding, ...others] = await findingsFor(check, rows, '2026-10', config);
      expect(others).toEqual([]);
      expect(finding!.evidence).toMatch(/元：/);
      expect(finding!.evidence).not.toMatch(/未写金融机构或账号|两轮|最近一轮/);
    }
  });

  it('keeps its finding id when the rows are re-sorted and the balances move next month', async () => {
    const ids = async (given: Rows) => (await findingsFor(check, given, '2026-10', config)).map((f) => f.finding_id);
    const asGiven = await ids({ roll: couple, deposits: [balance(ZHANG, '30000'), balance(LI, '10000')] });
    expect(asGiven).toHaveLength(1);
    expect(await ids({ roll: [...couple].reverse(), deposits: [balance(LI, '10000.50'), balance(ZHANG, '30100')] })).toEqual(asGiven);
    // A balance that may be another round's, noted in the evidence, leaves the finding the household's.
    expect(await ids({ roll: couple, deposits: [reported(ZHANG, '30000', JUNE, {}), reported(ZHANG, '20000', SEPTEMBER, { institution: '中国农业银行' })] })).toEqual(asGiven);
  });
});
