// Two rounds of 居民家庭经济状况核对 feedback left in one folder (June's and September's). Their balances were summed, so a
// family whose bank reported 30,000 in June and 20,000 in September held 50,000 and was over the limit of 33,600: a
// false 家庭金融资产超标 (high), the kind of finding that stops a benefit. A bank's latest round now replaces its earlier one.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { scanInput } from '../support/scan-input.ts';
import { PEOPLE, rollCsv } from '../support/small-township.ts';

const CONFIG = { standards: { default: { urban: 900, rural: 700 } } };
const HEADER = '姓名,证件号码,金融机构名称,账号,金融资产,截止日期';
const feedback = (rows: string[]) => iconv.encode([HEADER, ...rows].join('\r\n') + '\r\n', 'gbk');

describe('deposits reported in two 核对 rounds (GBK CSV, one file per round)', () => {
  it('counts each bank\'s latest round once, and every bank\'s', async () => {
    const { findings, summary } = await scanInput({
      '低保花名册.csv': rollCsv(),
      '金融资产核对反馈2026年6月.csv': feedback([
        `张大山,${PEOPLE.zhang},中国农业银行,6228480011223344,30000,2026-06-30`,
        `王小明,${PEOPLE.wang},中国农业银行,6228480099887766,9000,2026-06-30`,
      ]),
      '金融资产核对反馈2026年9月.csv': feedback([
        // H001 (张大山, 李秀英; limit 24 × 700 × 2 = 33,600): the same bank's September balance replaces June's, its
        // branch named this time (as written, two banks: 50,000, a false finding).
        `张大山,${PEOPLE.zhang},农行城关支行,6228480011223344,20000,2026-09-30`,
        // H002 (王小明 alone; limit 16,800): another bank reported only in September; with June's 9,000 he holds 17,000.
        `王小明,${PEOPLE.wang},中国邮政储蓄银行,6217990000111222,8000,2026-09-30`,
      ]),
    }, CONFIG);
    const deposits = findings.filter((f) => f('check_id') === 'over_asset.deposits');
    expect(deposits.map((f) => f('household_id'))).toEqual(['H002']);
    expect(deposits[0]!('evidence')).toContain('家庭成员金融资产合计 17000.00 元，超过 24 个月 × 农村低保标准 700.00 元/月 × 1 人 = 16800.00 元');
    expect(deposits[0]!('evidence')).toContain('中国农业银行 账号 6228480099887766 余额 9000.00 元，截至 2026-06-30');
    expect(deposits[0]!('evidence')).toContain('中国邮政储蓄银行 账号 6217990000111222 余额 8000.00 元，截至 2026-09-30');
    expect(summary.warnings).toContainEqual({
      file: '金融资产核对反馈2026年6月.csv',
      message: '有 1 条余额（截止 2026-06-30）已由同一金融机构（同一银行的简称、全称和各支行算同一机构）或同一账号截止日期更近的核对结果取代，未计入家庭金融资产',
    });
  });

  it('takes a bank written in traditional characters for the same bank (中國農業銀行 is 农行)', async () => {
    const { findings, summary } = await scanInput({
      '低保花名册.csv': rollCsv(),
      // June's feedback as a system keeping traditional characters sent it: as written, June's 30,000 and September's
      // 20,000 were two banks' (50,000 over H001's 33,600 limit, a false high finding).
      '金融资产核对反馈2026年6月.csv': feedback([`张大山,${PEOPLE.zhang},中國農業銀行股份有限公司城關支行,6228480011223344,30000,2026-06-30`]),
      '金融资产核对反馈2026年9月.csv': feedback([`张大山,${PEOPLE.zhang},农行城关支行,6228480011223344,20000,2026-09-30`]),
    }, CONFIG);
    expect(findings.filter((f) => f('check_id') === 'over_asset.deposits').map((f) => f('household_id'))).toEqual([]);
    expect(summary.warnings).toContainEqual(expect.objectContaining({ file: '金融资产核对反馈2026年6月.csv', message: expect.stringContaining('有 1 条余额（截止 2026-06-30）已由同一金融机构') }));
  });

  it('takes the same account for one holding: a later round that gives only the account, and a row repeated', async () => {
    const accountOnly = (rows: string[]) => iconv.encode(['姓名,证件号码,账号,金融资产,截止日期', ...rows].join('\r\n') + '\r\n', 'gbk');
    const { findings, summary } = await scanInput({
      '低保花名册.csv': rollCsv(),
      // H001 (limit 33,600): June's round names the bank, September's only the account. Keyed by the bank and by the
      // account, both balances counted: 30,000 + 20,000, a false high finding.
      '金融资产核对反馈2026年6月.csv': feedback([`张大山,${PEOPLE.zhang},中国农业银行,6228480011223344,30000,2026-06-30`]),
      '金融资产核对反馈2026年9月.csv': accountOnly([`张大山,${PEOPLE.zhang},6228480011223344,20000,2026-09-30`]),
      // H002 (王小明 alone, limit 16,800): a supplement repeats his row of the main list: 9,000 once, not 18,000.
      '金融资产核对反馈.csv': feedback([`王小明,${PEOPLE.wang},中国邮政储蓄银行,6217990000111222,9000,2026-09-30`]),
      '金融资产核对反馈补充.csv': feedback([`王小明,${PEOPLE.wang},邮储银行,6217990000111222,9000,2026-09-30`]),
    }, CONFIG);
    expect(findings.filter((f) => f('check_id') === 'over_asset.deposits').map((f) => f('household_id'))).toEqual([]);
    expect(summary.warnings).toContainEqual(expect.objectContaining({ file: '金融资产核对反馈2026年6月.csv', message: expect.stringContaining('或同一账号截止日期更近的核对结果取代') }));
    expect(summary.warnings).toContainEqual({
      file: '金融资产核对反馈补充.csv',
      message: '有 1 条余额与前面的行重复（同一人、同一账号、同一截止日期、同一余额），只计一次',
    });
  });

  it('adds up the rounds of a list that names no bank or account, and says it could not tell them apart', async () => {
    const undated = (rows: string[]) => iconv.encode(['姓名,证件号码,金融资产,截止日期', ...rows].join('\r\n') + '\r\n', 'gbk');
    const { findings, summary } = await scanInput({
      '低保花名册.csv': rollCsv(),
      '金融资产核对反馈.csv': undated([`张大山,${PEOPLE.zhang},30000,2026-06-30`, `张大山,${PEOPLE.zhang},20000,2026-09-30`]),
    }, CONFIG);
    expect(findings.filter((f) => f('check_id') === 'over_asset.deposits').map((f) => f('household_id'))).toEqual(['H001']);
    expect(summary.warnings).toContainEqual({
      file: '金融资产核对反馈.csv',
      message: '有 1 人在不同截止日期（2026-06-30、2026-09-30）各有余额，名单没有「金融机构」或「账号」列，无法判断是否同一账户的两轮核对反馈，' +
        '已全部相加；如是两轮反馈，请只保留最近一轮，或补上金融机构列',
    });
  });

  // June's row gives neither bank nor account: it may be the 农行 account's June round, or another account. Summed, H001
  // (limit 33,600) holds 50,000, a high finding that could stop its benefit; September's round alone is 20,000.
  it('adds an unnamed balance to a named one of another date, and says the latest round alone is under the limit', async () => {
    const { findings, summary } = await scanInput({
      '低保花名册.csv': rollCsv(),
      '金融资产核对反馈2026年6月.csv': feedback([`张大山,${PEOPLE.zhang},,,30000,2026-06-30`]),
      '金融资产核对反馈2026年9月.csv': feedback([`张大山,${PEOPLE.zhang},农行城关支行,6228480011223344,20000,2026-09-30`]),
    }, CONFIG);
    const deposits = findings.filter((f) => f('check_id') === 'over_asset.deposits');
    expect(deposits.map((f) => f('household_id'))).toEqual(['H001']);
    expect(deposits[0]!('evidence')).toContain('家庭成员金融资产合计 50000.00 元，超过 24 个月 × 农村低保标准 700.00 元/月 × 2 人 = 33600.00 元' +
      '（其中 30000.00 元的余额未写金融机构或账号，与同一人另一截止日期的余额可能是同一账户的两轮核对反馈；如是，只计最近一轮则合计 20000.00 元，未超过限额，请先核实再处理）：');
    expect(summary.warnings).toContainEqual({
      file: '金融资产核对反馈2026年6月.csv',
      message: '有 1 人的余额未写金融机构或账号（截止 2026-06-30），同一人另有截止日期不同（2026-09-30）、写明金融机构或账号的余额，' +
        '无法判断是否同一账户的两轮核对反馈，已全部相加（家庭金融资产超标的，证据注明只计最近一轮的合计）；如是两轮反馈，请补上金融机构或账号，或只保留最近一轮',
    });
    // Neither file says a round was replaced, and September's named list raises no warning of its own.
    expect(summary.warnings.filter((warning: { file: string }) => warning.file.startsWith('金融资产'))).toHaveLength(1);
  });

  it('raises no warning for an unnamed balance a named one of the same date sits beside, or one a replaced round dated otherwise', async () => {
    const { summary } = await scanInput({
      '低保花名册.csv': rollCsv(),
      // 张大山's 农行 June balance is replaced by September's: his unnamed September balance has no other round left.
      '金融资产核对反馈2026年6月.csv': feedback([`张大山,${PEOPLE.zhang},中国农业银行,6228480011223344,30000,2026-06-30`]),
      '金融资产核对反馈2026年9月.csv': feedback([
        `张大山,${PEOPLE.zhang},农行城关支行,6228480011223344,20000,2026-09-30`,
        `张大山,${PEOPLE.zhang},,,1000,2026-09-30`,
      ]),
    }, CONFIG);
    expect(summary.warnings.filter((warning: { file: string }) => warning.file.startsWith('金融资产'))).toEqual([
      expect.objectContaining({ file: '金融资产核对反馈2026年6月.csv', message: expect.stringContaining('已由同一金融机构') }),
    ]);
  });
});
