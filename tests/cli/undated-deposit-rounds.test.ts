// A second 核对 round whose feedback has no 截止日期 column, beside a dated first round (the real CLI, GBK CSV files and a
// workbook). Until 2026-12-06 an undated row was no round: no later round replaced it and it replaced none, so June's
// 20,000 at 中国农业银行 and September's undated 20,000 at 农行 were summed, 40,000 over H001's limit of 33,600: a false
// 家庭金融资产超标 (high), with no note and no warning. The month the list states is now its round's; a list stating
// none is summed as before, but the finding and the summary say it may be the same account's other round.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { scanInput, workbookOf } from '../support/scan-input.ts';
import { PEOPLE, rollCsv } from '../support/small-township.ts';

const CONFIG = { standards: { default: { urban: 900, rural: 700 } } };
const gbk = (lines: string[]) => iconv.encode(lines.join('\r\n') + '\r\n', 'gbk');
const JUNE = gbk(['姓名,证件号码,金融机构名称,金融资产,截止日期', `张大山,${PEOPLE.zhang},中国农业银行,20000,2026-06-30`]);
const UNDATED_SEPTEMBER = gbk(['姓名,证件号码,金融机构名称,金融资产', `张大山,${PEOPLE.zhang},农行临沭支行,20000`]);
const depositFindings = (findings: ((column: string) => string | undefined)[]) => findings.filter((f) => f('check_id') === 'over_asset.deposits');
const depositWarnings = (summary: { warnings: { file: string; message: string }[] }) => summary.warnings.filter((w) => w.file.includes('金融资产'));

describe('a 核对 round without 截止日期 beside a dated one', () => {
  it('takes the month its file name states as its round: September\'s replaces June\'s, and the summary says how it was read', async () => {
    const { findings, summary } = await scanInput({
      '低保花名册.csv': rollCsv(),
      '2026年6月金融资产核对反馈.csv': JUNE,
      '2026年9月金融资产核对反馈.csv': UNDATED_SEPTEMBER,
    }, CONFIG);
    expect(depositFindings(findings)).toEqual([]);
    expect(depositWarnings(summary)).toEqual([
      {
        file: '2026年6月金融资产核对反馈.csv',
        message: '有 1 条余额（截止 2026-06-30）已由同一金融机构（同一银行的简称、全称和各支行算同一机构）或同一账号截止日期更近的核对结果取代，未计入家庭金融资产',
      },
      {
        file: '2026年9月金融资产核对反馈.csv',
        message: '没有「截止日期」列：1 条余额按名单写明的 2026年9月（文件名「2026年9月金融资产核对反馈.csv」）算作截至 2026-09-30 的核对结果，' +
          '与同一人其他名单中的余额比先后（同一金融机构或同一账号只计截止日期最近的一轮）；如该月份不是核对截止的月份，请补上截止日期列',
      },
    ]);
  });

  it('takes the month a workbook\'s title states: an undated June round is replaced by September\'s dated one', async () => {
    const { findings, summary } = await scanInput({
      '低保花名册.csv': rollCsv(),
      '金融资产核对反馈.xlsx': await workbookOf('Sheet1', [
        ['2026年6月居民家庭金融资产核对反馈'],
        ['姓名', '证件号码', '金融机构名称', '金融资产'],
        ['张大山', PEOPLE.zhang, '中国农业银行', 30000],
      ]),
      '金融资产核对反馈2026年9月.csv': gbk(['姓名,证件号码,金融机构名称,金融资产,截止日期', `张大山,${PEOPLE.zhang},农行城关支行,20000,2026-09-30`]),
    }, CONFIG);
    expect(depositFindings(findings)).toEqual([]);
    expect(depositWarnings(summary)).toEqual([
      expect.objectContaining({ file: '金融资产核对反馈.xlsx', message: expect.stringContaining('工作表「Sheet1」有 1 条余额（截止 2026-06-30）已由同一金融机构') }),
      expect.objectContaining({ file: '金融资产核对反馈.xlsx', message: expect.stringContaining('工作表「Sheet1」没有「截止日期」列：1 条余额按名单写明的 2026年6月（标题）算作截至 2026-06-30') }),
    ]);
  });

  it('sums a list that states no date and no month with June\'s, but the finding and the summary say it may be one account', async () => {
    const { findings, summary } = await scanInput({
      '低保花名册.csv': rollCsv(),
      '2026年6月金融资产核对反馈.csv': JUNE,
      '金融资产核对反馈（复核）.csv': UNDATED_SEPTEMBER,
    }, CONFIG);
    const deposits = depositFindings(findings);
    expect(deposits.map((f) => [f('household_id'), f('severity')])).toEqual([['H001', 'high']]);
    expect(deposits[0]!('evidence')).toContain('家庭成员金融资产合计 40000.00 元，超过 24 个月 × 农村低保标准 700.00 元/月 × 2 人 = 33600.00 元' +
      '（其中 20000.00 元的余额没有截止日期（名单也未写明核对月份），与同一人另一份名单的余额可能是同一账户的两轮核对反馈，先后不明；' +
      '如是，只计最近一轮（先后不明的两笔只计较小的一笔）则合计 20000.00 元，未超过限额，请先核实再处理）：');
    expect(deposits[0]!('evidence')).toContain('农行临沭支行 余额 20000.00 元（名单未写截止日期或月份，可能与同一人在 2026年6月金融资产核对反馈.csv 中的余额是同一账户）');
    expect(depositWarnings(summary)).toEqual([{
      file: '金融资产核对反馈（复核）.csv',
      message: '有 1 人的余额没有截止日期，名单的文件名、工作表名和标题也未写明核对月份；同一人在 2026年6月金融资产核对反馈.csv 另有余额，' +
        '可能是同一账户（同一金融机构、同一账号，或未写金融机构和账号）的两轮核对反馈，也无法判断先后，已全部相加' +
        '（家庭金融资产超标的，证据注明两笔只计较小一笔的合计）；如是两轮反馈，请补上截止日期列或在文件名中写明核对月份，或只保留最近一轮',
    }]);
  });
});
