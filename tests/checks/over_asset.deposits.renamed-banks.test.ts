// over_asset.deposits over 核对 rounds that name a county's rural bank by its old and new names: the county's 农村信用社
// (农村信用合作联社) was reorganised into its 农村商业银行 (农商银行, 农商行) or 农村合作银行, and June's round may write the
// one while September's writes the other. Until 2026-12-06 they were two institutions and both balances were summed: a
// false 家庭金融资产超标 (high). Another county's bank and a 村镇银行 stay apart; a name that says no county is the
// county's where the lists name one county's rural banks only, else apart.
import { testCheck } from '../support/check-tester.ts';
import { validId } from './id-numbers.ts';
import { rollRow } from './roll-rows.ts';

const config = { standards: { default: { urban: 900, rural: 700 } } };
const ZHANG = validId('110101', '19600307', '451');
const LI = validId('110101', '19580612', '232');
/** H001: 张三 and 李四, 农村低保. Limit 24 × 700 × 2 = 33600 元. */
const couple = [rollRow({ name: '张三', id_number: ZHANG }), rollRow({ name: '李四', id_number: LI, relation: '配偶' })];

/** 张三's balance as a round reports it: at which bank (and account), at which date. */
const reported = (amount: string, asOf: string, institution: string, account: string | null = null) =>
  ({ id_number: ZHANG, name: '张三', balance: amount, as_of: asOf, institution, account });
/** June's 20000 and September's 21000: one round alone is under 33600, the two summed (41000) over it. */
const twoRounds = (june: string, september: string) => ({ roll: couple, deposits: [reported('20000', '2026-06-30', june), reported('21000', '2026-09-30', september)] });

testCheck('over_asset.deposits', {
  valid: [
    { name: '临沭县农村信用合作联社 in June, 临沭农商银行 in September: one institution, September\'s replaces June\'s', config, rows: twoRounds('临沭县农村信用合作联社', '临沭农商银行') },
    { name: '临沭县农村信用社城关分社 in June, 山东临沭农村商业银行股份有限公司 in September', config, rows: twoRounds('临沭县农村信用社城关分社', '山东临沭农村商业银行股份有限公司') },
    { name: '临沭农村信用合作联社 (no 县) in June, 临沭县农村合作银行 in September', config, rows: twoRounds('临沭农村信用合作联社', '临沭县农村合作银行') },
    { name: '临沂市河东区农村信用合作联社 in June, 河东农商行 in September', config, rows: twoRounds('临沂市河东区农村信用合作联社', '河东农商行') },
    // The lists name one county's rural banks only: one that names none is that county's (as 农商行 and XX农商银行 were one).
    { name: '农商行 (no county said) in June, 临沭农商银行 in September: the lists\' one county', config, rows: twoRounds('农商行', '临沭农商银行') },
    { name: '城关镇信用社 (a township, no county said) in June, 临沭农商银行 in September: the lists\' one county', config, rows: twoRounds('城关镇信用社', '临沭农商银行') },
    // A 信用社 named by its township (no 镇) says no county: the lists' one county's. Until 2026-12-06 店头信用社 was a
    // county's own bank (店头农村商业银行), and June's and September's balances were summed (a false high finding).
    { name: '临沭县农村信用合作联社 in June, 店头信用社 (a township, no 镇) in September: the lists\' one county', config, rows: twoRounds('临沭县农村信用合作联社', '店头信用社') },
    { name: '店头农村信用合作社 in June, 临沭农商银行 in September: the lists\' one county', config, rows: twoRounds('店头农村信用合作社', '临沭农商银行') },
    // The prefecture before a township's 信用社 says no county either: until 2026-12-06 临沂市店头信用社 was the county
    // 临沂's bank, a second county beside 临沭's, and the two rounds were summed (a false high finding).
    { name: '临沭县农村信用合作联社 in June, 临沂市店头信用社 (the prefecture, a township) in September: the lists\' one county', config, rows: twoRounds('临沭县农村信用合作联社', '临沂市店头信用社') },
    {
      // Beside two counties' banks, a bare county after its prefecture city is that county (临沂市临沭信用社 is 临沭's).
      name: '临沂市临沭信用社 in June, 临沭县农村信用合作联社 in September, the lists naming 莒南\'s too: 临沭\'s, September\'s replaces June\'s',
      config,
      rows: { ...twoRounds('临沂市临沭信用社', '临沭县农村信用合作联社'), deposits: [...twoRounds('临沂市临沭信用社', '临沭县农村信用合作联社').deposits, { ...reported('100', '2026-09-30', '莒南农商银行'), id_number: LI, name: '李四' }] },
    },
    {
      // Beside two counties' banks, a bare place the lists name as a county elsewhere is that county (临沭信用社 is 临沭's).
      name: '临沭信用社 in June, 临沭县农村信用合作联社 in September, the lists naming 莒南\'s too: 临沭\'s, September\'s replaces June\'s',
      config,
      rows: { ...twoRounds('临沭信用社', '临沭县农村信用合作联社'), deposits: [...twoRounds('临沭信用社', '临沭县农村信用合作联社').deposits, { ...reported('100', '2026-09-30', '莒南农商银行'), id_number: LI, name: '李四' }] },
    },
    // A township's name written bare before 农商行 (no 镇) is no county's name (GB/T 2260): the lists' one county's.
    // Until 2026-12-06 店头农商行 was a county 店头's bank, and June's and September's balances were summed.
    { name: '临沭县农村信用合作联社 in June, 店头农商行 (a township, no 镇) in September: the lists\' one county', config, rows: twoRounds('临沭县农村信用合作联社', '店头农商行') },
    {
      // A county-level city before its township's 信用社 is the county, beside another county's bank too. For a few
      // hours of 2026-12-06 新泰市羊流镇信用社 said no county, and beside 肥城's bank the two rounds were summed.
      name: '新泰市农村商业银行 in June, 新泰市羊流镇信用社 in September, the lists naming 肥城\'s too: 新泰\'s, September\'s replaces June\'s',
      config,
      rows: { ...twoRounds('新泰市农村商业银行', '新泰市羊流镇信用社'), deposits: [...twoRounds('新泰市农村商业银行', '新泰市羊流镇信用社').deposits, { ...reported('100', '2026-09-30', '肥城农商银行'), id_number: LI, name: '李四' }] },
    },
    // A 村镇银行's full name with its province and legal form is the same bank as its short name (until 2026-12-06 two).
    { name: '临沭民丰村镇银行 in June, 山东临沭民丰村镇银行股份有限公司店头支行 in September: one 村镇银行', config, rows: twoRounds('临沭民丰村镇银行', '山东临沭民丰村镇银行股份有限公司店头支行') },
    {
      // The account keys rounds apart from the bank (deposit-rounds.ts): a name that says no county is still replaced.
      name: 'one account at 信用社 (no county said) in June and at 临沭农商银行 in September: the account decides',
      config,
      rows: { roll: couple, deposits: [reported('20000', '2026-06-30', '信用社', '6223 1900 0012'), reported('21000', '2026-09-30', '临沭农商银行', '622319000012')] },
    },
  ],
  invalid: [
    {
      name: '莒南县农村信用合作联社 in June, 临沭农商银行 in September: two counties\' banks, both balances count',
      config,
      rows: twoRounds('莒南县农村信用合作联社', '临沭农商银行'),
      expected: [{ subject_id: ZHANG, evidence: ['合计 41000.00 元', '张三：莒南县农村信用合作联社 余额 20000.00 元，截至 2026-06-30', '张三：临沭农商银行 余额 21000.00 元，截至 2026-09-30'] }],
    },
    {
      name: '临沭农商银行 in June, 莒南农商银行 in September: two counties\' 农商行, both balances count',
      config,
      rows: twoRounds('临沭农商银行', '莒南农商银行'),
      expected: [{ subject_id: ZHANG, evidence: ['合计 41000.00 元', '张三：临沭农商银行 余额 20000.00 元', '张三：莒南农商银行 余额 21000.00 元'] }],
    },
    {
      name: '临沭县农村信用合作联社 in June, 临沭中银富登村镇银行 in September: a 村镇银行 is another bank',
      config,
      rows: twoRounds('临沭县农村信用合作联社', '临沭中银富登村镇银行'),
      expected: [{ subject_id: ZHANG, evidence: ['合计 41000.00 元', '张三：临沭县农村信用合作联社 余额 20000.00 元', '张三：临沭中银富登村镇银行 余额 21000.00 元'] }],
    },
    {
      // Beside two counties' banks, which county's a name without one is cannot be told: apart from both (conservative).
      name: '农商行 (no county said) in June, 临沭农商银行 in September, the lists naming 莒南\'s too: both balances count',
      config,
      rows: { ...twoRounds('农商行', '临沭农商银行'), deposits: [...twoRounds('农商行', '临沭农商银行').deposits, { ...reported('100', '2026-09-30', '莒南农商银行'), id_number: LI, name: '李四' }] },
      expected: [{ subject_id: LI, evidence: ['合计 41100.00 元', '张三：农商行 余额 20000.00 元', '张三：临沭农商银行 余额 21000.00 元'] }],
    },
    {
      // 店头 is named as no county anywhere: which county's 信用社 it is cannot be told beside two (conservative).
      name: '店头信用社 in June, 临沭农商银行 in September, the lists naming 莒南\'s too: both balances count',
      config,
      rows: { ...twoRounds('店头信用社', '临沭农商银行'), deposits: [...twoRounds('店头信用社', '临沭农商银行').deposits, { ...reported('100', '2026-09-30', '莒南农商银行'), id_number: LI, name: '李四' }] },
      expected: [{ subject_id: LI, evidence: ['合计 41100.00 元', '张三：店头信用社 余额 20000.00 元', '张三：临沭农商银行 余额 21000.00 元'] }],
    },
  ],
});
