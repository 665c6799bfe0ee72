// Two accounts at one bank are two holdings, whatever their 余额日期 (the real CLI, GBK CSV files). Until 2026-12-07 a
// bank's later-dated row was taken for its later 核对 round and replaced every earlier row of the bank: one list's 定期
// account (40,000, 截至 9月28日) and 活期 account (30,000, 截至 9月30日) at 中国农业银行 became 30,000, under H001's
// limit of 33,600: a missed 家庭金融资产超标, public money paid wrongly. A later round replaces a row only where it
// reports the same holding: the same account number, or the same bank where a row gives no account number.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { scanInput } from '../support/scan-input.ts';
import { PEOPLE, rollCsv } from '../support/small-township.ts';

const CONFIG = { standards: { default: { urban: 900, rural: 700 } } };
const feedback = (rows: string[]) => iconv.encode(['姓名,证件号码,金融机构,账号,余额,截止日期', ...rows].join('\r\n') + '\r\n', 'gbk');
const zhang = (bank: string, account: string, balance: number, asOf: string) => `张大山,${PEOPLE.zhang},${bank},${account},${balance},${asOf}`;
type Scanned = Awaited<ReturnType<typeof scanInput>>;
const depositFindings = ({ findings }: Scanned) => findings.filter((f) => f('check_id') === 'over_asset.deposits');
const depositWarnings = ({ summary }: Scanned) =>
  (summary.warnings as { file: string; message: string }[]).filter((warning) => warning.file.startsWith('金融资产'));

describe('two accounts at one bank, of two 余额日期', () => {
  it('sums one list\'s two account numbers at one bank, whatever their dates', async () => {
    const scanned = await scanInput({
      '低保花名册.csv': rollCsv(),
      '金融资产核对反馈.csv': feedback([
        zhang('中国农业银行', '6228480011111111', 40000, '2026-09-28'),
        zhang('中国农业银行', '6228480022222222', 30000, '2026-09-30'),
      ]),
    }, CONFIG);
    const [finding, ...others] = depositFindings(scanned);
    expect(others).toEqual([]);
    expect(finding!('household_id')).toBe('H001');
    expect(finding!('evidence')).toContain('家庭成员金融资产合计 70000.00 元，超过 24 个月 × 农村低保标准 700.00 元/月 × 2 人 = 33600.00 元：');
    expect(finding!('evidence')).toContain('中国农业银行 账号 6228480011111111 余额 40000.00 元，截至 2026-09-28');
    expect(depositWarnings(scanned)).toEqual([]);
  });

  it('sums one list\'s row with an account and its row without at one bank: the list gives holdings, not rounds', async () => {
    const scanned = await scanInput({
      '低保花名册.csv': rollCsv(),
      '金融资产核对反馈.csv': feedback([zhang('中国农业银行', '6228480011111111', 20000, '2026-09-28'), zhang('农行', '', 15000, '2026-09-30')]),
    }, CONFIG);
    expect(depositFindings(scanned).map((f) => f('evidence'))).toEqual([expect.stringContaining('家庭成员金融资产合计 35000.00 元')]);
  });

  it('replaces June\'s bank balance without an account by September\'s accounts at that bank', async () => {
    const scanned = await scanInput({
      '低保花名册.csv': rollCsv(),
      // June's 50,000 is the bank's; September's 20,000 and 10,000 report it by account: 30,000, under 33,600.
      '金融资产核对反馈2026年6月.csv': feedback([zhang('中国农业银行', '', 50000, '2026-06-30')]),
      '金融资产核对反馈2026年9月.csv': feedback([
        zhang('中国农业银行', '6228480011111111', 20000, '2026-09-30'),
        zhang('中国农业银行', '6228480022222222', 10000, '2026-09-30'),
      ]),
    }, CONFIG);
    expect(depositFindings(scanned)).toEqual([]);
    expect(depositWarnings(scanned)).toEqual([
      expect.objectContaining({ file: '金融资产核对反馈2026年6月.csv', message: expect.stringContaining('有 1 条余额（截止 2026-06-30）已由同一金融机构') }),
    ]);
  });

  it('still replaces June\'s report of an account by September\'s, and counts the account September did not report', async () => {
    const scanned = await scanInput({
      '低保花名册.csv': rollCsv(),
      '金融资产核对反馈2026年6月.csv': feedback([
        zhang('中国农业银行', '6228480011111111', 30000, '2026-06-30'),
        zhang('中国农业银行', '6228480022222222', 15000, '2026-06-30'),
      ]),
      // The first account's September balance replaces June's; the second is not reported again (closed, or left out):
      // it still counts, 21,000 + 15,000 = 36,000, but the finding says so and what the total is without it.
      '金融资产核对反馈2026年9月.csv': feedback([zhang('农行城关支行', '6228480011111111', 21000, '2026-09-30')]),
    }, CONFIG);
    const [finding, ...others] = depositFindings(scanned);
    expect(others).toEqual([]);
    expect(finding!('evidence')).toContain('家庭成员金融资产合计 36000.00 元');
    expect(finding!('evidence')).not.toContain('30000.00');
    expect(finding!('evidence')).toContain('其中 15000.00 元的余额，同一金融机构截止日期更近的核对反馈未再列出其账号，可能已销户');
    expect(finding!('evidence')).toContain('则合计 21000.00 元，未超过限额，请先核实再处理');
  });
});
