// over_asset.deposits over 核对 rounds whose list has no 截止日期: a list whose name or title states its month is that
// month's round (stated_month, as the loader gives it); one that states none is a round of unknown date, summed with
// another list's balance of the same account but pointed out. Until 2026-12-06 such a round was simply added to the
// dated one: June's 20,000 at 中国农业银行 and September's undated 20,000 at 农行 made 40,000 over a 33,600 limit.
import { testCheck } from '../support/check-tester.ts';
import { validId } from './id-numbers.ts';
import { rollRow } from './roll-rows.ts';

const config = { standards: { default: { urban: 900, rural: 700 } } };
const ZHANG = validId('110101', '19600307', '451');
const LI = validId('110101', '19580612', '232');
/** H001: 张三 and 李四, 农村低保. Limit 24 × 700 × 2 = 33600 元. */
const couple = [rollRow({ name: '张三', id_number: ZHANG }), rollRow({ name: '李四', id_number: LI, relation: '配偶' })];

const JUNE_FILE = '2026年6月金融资产核对反馈.csv';
/** 张三's balance as a list reports it: which list, which bank, at which date (or the month its list states). */
const row = (file: string, amount: string, when: { as_of?: string; stated_month?: string }, institution: string | null = '中国农业银行', id = ZHANG) => ({
  _file: file, id_number: id, name: id === LI ? '李四' : '张三', balance: amount, institution, as_of: when.as_of ?? null, stated_month: when.stated_month ?? null,
});
const june = (amount: string, institution: string | null = '中国农业银行') => row(JUNE_FILE, amount, { as_of: '2026-06-30' }, institution);
/** A second round in a list that states no date and no month. */
const unknown = (amount: string, institution: string | null = '农行城关支行', file = '金融资产核对反馈（复核）.csv') => row(file, amount, {}, institution);
/** The note where the undated pairs are the household's only doubt. */
const undatedNote = (undated: string, oneRound: string, verdict: '未超过' | '仍超过') =>
  `（其中 ${undated} 元的余额没有截止日期（名单也未写明核对月份），与同一人另一份名单的余额可能是同一账户的两轮核对反馈，先后不明；` +
  `如是，只计最近一轮（先后不明的两笔只计较小的一笔）则合计 ${oneRound} 元，${verdict}限额，请先核实再处理）：`;

testCheck('over_asset.deposits', {
  valid: [
    {
      // The reviewer's case: September's list, named 2026年9月…, has no 截止日期 column; read as of 2026-09-30 it replaces June's.
      name: 'a later round without 截止日期 whose list states 2026年9月 replaces June\'s dated round of the same bank',
      config,
      rows: { roll: couple, deposits: [june('20000'), row('2026年9月金融资产核对反馈.csv', '20000', { stated_month: '2026-09' }, '农行城关支行')] },
    },
    {
      name: 'an earlier round without 截止日期 (2026年6月) is replaced by September\'s dated one',
      config,
      rows: { roll: couple, deposits: [row('2026年6月反馈.csv', '30000', { stated_month: '2026-06' }), row('2026年9月反馈.csv', '20000', { as_of: '2026-09-30' }, '农行')] },
    },
    {
      name: 'two undated rounds, each list stating its month: the later replaces the earlier, by account too',
      config,
      rows: {
        roll: couple,
        deposits: [
          { ...row('6月.csv', '30000', { stated_month: '2026-06' }, null), account: '622848001122' },
          { ...row('9月.csv', '20000', { stated_month: '2026-09' }, null), account: '6228 4800 1122' },
        ],
      },
    },
  ],
  invalid: [
    {
      // Which came later is not known: one account's two rounds or two accounts. Summed (40000, high), the note gives 20000.
      name: 'a list without date or month beside June\'s dated list of the same bank: summed, the note and both rows marked',
      config,
      rows: { roll: couple, deposits: [june('20000'), unknown('20000')] },
      expected: [{
        subject_id: ZHANG,
        evidence: [
          '家庭成员金融资产合计 40000.00 元，超过 24 个月 × 农村低保标准 700.00 元/月 × 2 人 = 33600.00 元' + undatedNote('20000.00', '20000.00', '未超过'),
          '张三：中国农业银行 余额 20000.00 元，截至 2026-06-30（可能与同一人在 金融资产核对反馈（复核）.csv 中未写截止日期或月份的余额是同一账户），来源',
          '张三：农行城关支行 余额 20000.00 元（名单未写截止日期或月份，可能与同一人在 2026年6月金融资产核对反馈.csv 中的余额是同一账户），来源',
        ],
      }],
    },
    {
      // Read as one account, the larger of the pair is left out (its order unknown): 5000 + 1000 alone are under the limit.
      name: 'an unknown-date pair counts its smaller balance in the note, whichever list holds it; a balance of another bank is no pair',
      config,
      rows: { roll: couple, deposits: [june('5000'), unknown('35000'), row(JUNE_FILE, '1000', { as_of: '2026-06-30' }, '中国建设银行', LI)] },
      expected: [{ subject_id: LI, evidence: ['合计 41000.00 元', undatedNote('35000.00', '6000.00', '未超过'), '李四：中国建设银行 余额 1000.00 元，截至 2026-06-30，来源'] }],
    },
    {
      name: 'an unnamed balance of unknown date beside a named dated one: a pair, the total with one of them still over',
      config,
      rows: { roll: couple, deposits: [june('30000'), unknown('36000', null)] },
      expected: [{ subject_id: ZHANG, evidence: ['合计 66000.00 元', undatedNote('36000.00', '30000.00', '未超过'), '张三：余额 36000.00 元（名单未写截止日期或月份'] }],
    },
    {
      name: 'equal balances of unknown order: one of the two counts, and the note says the rest is still over',
      config,
      rows: { roll: couple, deposits: [june('34000'), unknown('34000')] },
      expected: [{ subject_id: ZHANG, evidence: ['合计 68000.00 元', undatedNote('34000.00', '34000.00', '仍超过')] }],
    },
    {
      // Two banks are two accounts, dated or not, as they are between dated rounds: no note.
      name: 'a list without date or month naming another bank than June\'s: both count, no note',
      config,
      rows: { roll: couple, deposits: [june('20000'), unknown('20000', '中国建设银行')] },
      expected: [{ subject_id: ZHANG, evidence: ['合计 40000.00 元，超过 24 个月 × 农村低保标准 700.00 元/月 × 2 人 = 33600.00 元：', '张三：中国建设银行 余额 20000.00 元，来源'] }],
    },
    {
      // An undated list's stated month takes part in the dated rule for unnamed balances: 2026年6月's unnamed 30000 beside
      // September's named 20000 may be the 农行 account's June round.
      name: 'an unnamed balance of a list stating 2026年6月 beside a named September one: the dated rounds\' note',
      config,
      rows: { roll: couple, deposits: [row('2026年6月反馈.csv', '30000', { stated_month: '2026-06' }, null), row('9月.csv', '20000', { as_of: '2026-09-30' })] },
      expected: [{
        subject_id: ZHANG,
        evidence: [
          '（其中 30000.00 元的余额未写金融机构或账号，与同一人另一截止日期的余额可能是同一账户的两轮核对反馈；如是，只计最近一轮则合计 20000.00 元，未超过限额，请先核实再处理）：',
          '张三：余额 30000.00 元，名单未写截止日期，按其所写 2026年6月 计（未写金融机构或账号，可能与同一人截至 2026-09-30 的余额是同一账户），来源',
        ],
      }],
    },
  ],
});
