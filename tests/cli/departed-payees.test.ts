// A dead 特困 recipient found in October (deceased.recipient, his overpayment estimated) is set to 已清退 and taken off the
// roll. November is scanned with the same bank file, which names each payee instead of the 家庭编号 and carries the
// year's payments: each of his past payments was refused as 收款人身份证号码不在花名册中 and became a 待核实
// data_quality.bad-row finding with no village (未关联乡镇), one a month paid. They are history now, set aside as out of
// scope (scanner/load/departed-payees.ts); a payment to him in November itself is still reported. Real CLI, real DuckDB,
// one ledger month to month.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ledgerMonths } from '../support/ledger-months.ts';
import { readLedgerRows } from '../support/read-ledger.ts';
import { scanInput, workbookOf } from '../support/scan-input.ts';
import { PEOPLE, rollCsv, validId } from '../support/small-township.ts';
import { tempFolder } from '../support/temp-folder.ts';

const ZHAO = validId('370481', '19400101', '117');
const ZHAO_ROW = `张庄镇,南村,T001,赵老汉,${ZHAO},本人,分散供养特困,900,在保`;
const DEATHS = `身份证号码,姓名,死亡日期\n${ZHAO},赵老汉,2026-07-15\n`;
const MAY_TO_OCTOBER = ['2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10'];

/** The bank's 代发 list as the demo's is: 收款人 and his ID, May to October (and more rows, if given). */
const bankList = (more: (string | number)[][] = []) => workbookOf('代发明细', [
  ['店头镇低保特困资金银行代发明细'],
  ['收款人姓名', '收款人身份证号码', '发放月份', '金额', '处理结果'],
  ...MAY_TO_OCTOBER.flatMap((month) => [
    ['张大山', PEOPLE.zhang, month, 1400, '成功'], ['王小明', PEOPLE.wang, month, 700, '成功'], ['赵老汉', ZHAO, month, 900, '成功'],
  ]),
  ...more,
]);

const root = await tempFolder();

describe('a dead recipient taken off the roll, with the bank\'s list of past payments', () => {
  const months = ledgerMonths(root, 'departed');
  let october: Record<string, string>[];
  const month = async (name: string, roll: string, bank: Buffer) => {
    const folder = join(root, name);
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, '低保特困花名册.csv'), roll);
    await writeFile(join(folder, '死亡人员.csv'), DEATHS);
    await writeFile(join(folder, '低保特困资金代发明细.xlsx'), bank);
    return folder;
  };
  const summaryOfLastScan = async () => JSON.parse(await readFile(join(months.lastScanOut(), 'summary.json'), 'utf8'));

  beforeAll(async () => {
    october = await months.scan(await month('october', rollCsv([ZHAO_ROW]), await bankList()), '2026-10', '2026-11-05');
  });

  it('is found in October with what was paid after his death; set to 已清退, November finds nothing new of his', async () => {
    const dead = october.filter((f) => f['check_id'] === 'deceased.recipient');
    expect(dead).toEqual([expect.objectContaining({ name: '赵老汉', overpayment_yuan: '2700.00' })]);
    expect(dead[0]!['evidence']).toContain('死亡次月起仍发放 3 个月（2026-08 至 2026-10），按每月实发金额 ÷ 在保 1 人估算多发 2700.00 元');
    await months.cli(['ledger', 'set', dead[0]!['finding_id']!, '--status', '已清退']);

    const november = await months.scan(await month('november', rollCsv(), await bankList()), '2026-11', '2026-12-05');
    // Was: six new 待核实 bad-row findings, one per payment of his (收款人身份证号码不在花名册中，无法对应家庭编号).
    expect(november.filter((f) => f['tracking'] === '新发现')).toEqual([]);
    expect(november.filter((f) => f['check_id'] === 'data_quality.bad-row')).toEqual([]);
    expect(await readLedgerRows(months.ledger, `SELECT status FROM findings WHERE finding_id = '${dead[0]!['finding_id']}'`)).toEqual([{ status: '已清退' }]);
    // Every row read is used or listed: his six are listed as history, with their reason, and counted in the warnings.
    const summary = await summaryOfLastScan();
    expect(summary.datasets.payments).toMatchObject({ rows_read: 18, rows_used: 12, rows_rejected: 6 });
    const rejects = await readLedgerRows(months.ledger, `SELECT line, kind, reason FROM rejects
      WHERE dataset = 'payments' AND run_id = '${summary.run_id}' ORDER BY line`);
    expect(rejects).toHaveLength(6);
    expect(rejects.every((reject) => reject['kind'] === 'out-of-scope')).toBe(true);
    expect(rejects[0]).toEqual({ line: 5, kind: 'out-of-scope',
      reason: '发放月份 2026-05 在本期 2026-11 之前，收款人身份证号码不在本期花名册中：是已退出保障（死亡、迁出、清退）者此前的发放，不计入发放' });
    // Those paid after his death say so: his October finding estimated them; one never found must be recovered.
    expect(rejects.filter((reject) => String(reject['reason']).includes('死亡人员名单记其 2026-07-15 死亡，这是死亡次月起的发放'))
      .map((reject) => reject['line'])).toEqual([14, 17, 20]);
    expect(summary.warnings).toContainEqual({
      file: '低保特困资金代发明细.xlsx',
      message: '工作表「代发明细」发放月份在本期（2026年11月）之前、收款人或收款账号已不在本期花名册中的 6 行（1 人）是已退出保障（死亡、迁出、清退）者此前的发放，'
        + '未计入发放，不作为数据问题，已列入拒收记录；其中 3 行（1 人）是死亡人员名单所记死亡次月起的发放：他们仍在保时，多发金额由「已死亡人员仍在保」估算，'
        + '如未曾列为该问题（如扫描前已移出花名册），请核实追回',
    });
  });

  it('a payment to him in November itself, after he left the roll, is still reported, saying he is dead', async () => {
    const bank = await bankList([['赵老汉', ZHAO, '2026-11', 900, '成功']]);
    const november = await months.scan(await month('november-paid', rollCsv(), bank), '2026-11', '2026-12-05');
    const reported = november.filter((f) => f['check_id'] === 'data_quality.bad-row');
    expect(reported).toHaveLength(1);
    expect(reported[0]!['evidence']).toContain('已拒收：收款人身份证号码不在花名册中，无法对应家庭编号；死亡人员名单记其 2026-07-15 死亡，死亡次月起仍向其发放，请核实追回');
  });
});

describe('a dead payee taken off the roll whose household stays on it', () => {
  // 张大山 (H001) died in July and was taken off the roll; his wife 李秀英 stays. The bank paid the household through him
  // until September, through her in October.
  const roll = rollCsv().split('\n').filter((line) => !line.includes('张大山')).join('\n');
  const bank = () => workbookOf('代发明细', [
    ['收款人姓名', '收款人身份证号码', '发放月份', '金额'],
    ...['2026-07', '2026-08', '2026-09'].map((month) => ['张大山', PEOPLE.zhang, month, 1400]),
    ['李秀英', PEOPLE.li, '2026-10', 1400],
    ...['2026-07', '2026-08', '2026-09', '2026-10'].map((month) => ['王小明', PEOPLE.wang, month, 700]),
  ]);
  const deaths = `身份证号码,姓名,死亡日期\n${PEOPLE.zhang},张大山,2026-07-15\n`;

  it('files his past payments as history, the later ones as paid after his death, and reads hers as the household\'s', async () => {
    const { findings, summary } = await scanInput({ '低保花名册.csv': roll, '死亡人员.csv': deaths, '低保金代发明细.xlsx': await bank() });
    // Not on the roll, he is no deceased.recipient (his finding was the month he was); nor is any of his rows a bad-row.
    expect(findings.map((f) => f('check_id'))).not.toContain('deceased.recipient');
    expect(findings.map((f) => f('check_id'))).not.toContain('data_quality.bad-row');
    expect(summary.datasets.payments).toMatchObject({ rows_read: 8, rows_used: 5, rows_rejected: 3 });
    expect(summary.warnings).toContainEqual({
      file: '低保金代发明细.xlsx',
      message: expect.stringContaining('已不在本期花名册中的 3 行（1 人）是已退出保障（死亡、迁出、清退）者此前的发放，未计入发放，不作为数据问题，已列入拒收记录；其中 2 行（1 人）是死亡人员名单所记死亡次月起的发放'),
    });
  });

  it('kept on the roll as 退保, he still names his household: every payment is the household\'s, and he is no finding', async () => {
    const kept = `${roll}张庄镇,东村,H001,张大山,${PEOPLE.zhang},户主,农村低保,1400,退保\n`;
    const { findings, summary } = await scanInput({ '低保花名册.csv': kept, '死亡人员.csv': deaths, '低保金代发明细.xlsx': await bank() });
    expect(summary.datasets.payments).toMatchObject({ rows_read: 8, rows_used: 8, rows_rejected: 0 });
    expect(findings.map((f) => f('check_id'))).not.toContain('deceased.recipient');
  });
});
