// A bank's 代发 file names who was paid (收款人身份证号码), not the 家庭编号. Such a file was refused whole (缺少必需的列
// 家庭编号, exit 2), so a township with only the bank's list could not estimate what was paid after a death. Each payment
// is now the household's whose roll holds the payee; a payee the roll does not hold, or holds twice, is refused by row.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { looksLikeStackTrace } from '../support/run-cli.ts';
import { runScan, workbookOf } from '../support/scan-input.ts';
import { PEOPLE, rollCsv, validId } from '../support/small-township.ts';

const STRANGER = validId('370481', '19770505', '117');
const TWICE = validId('370481', '19450808', '442');
/** 赵老汉 is on the roll twice, in H003 and H004 (duplicate.two-households reports it). */
const roll = rollCsv([`张庄镇,南村,H003,赵老汉,${TWICE},户主,农村特困,900,在保`, `张庄镇,北村,H004,赵老汉,${TWICE},户主,农村特困,900,在保`]);

async function rejects(out: string): Promise<unknown[]> {
  const instance = await DuckDBInstance.create(join(out, '..', 'l.duckdb'), { access_mode: 'READ_ONLY' });
  const connection = await instance.connect();
  try {
    return (await connection.runAndReadAll("SELECT line, kind, column_name, reason FROM rejects WHERE dataset = 'payments' ORDER BY line")).getRowObjectsJson();
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** An ID as 公示 copies and banks' lists mask it: 3704**********123X. */
const masked = (id: string) => `${id.slice(0, 4)}${'*'.repeat(10)}${id.slice(-4)}`;

/** 张大山 (H001, with his wife) died in July: what the household was paid in August and September is overpaid. */
const ZHANG_DIED = `身份证号码,姓名,死亡日期\n${PEOPLE.zhang},张大山,2026-07-15\n`;
const PAID_AFTER_DEATH = '死亡次月起仍发放 2 个月（2026-08 至 2026-09），按每月实发金额 ÷ 在保 2 人估算多发 1400.00 元';

/** A scan of this roll, 张大山's death and these payment files that must succeed: findings.csv, the payments' counts, their refusals. */
async function scanPayments(rollText: string, paymentFiles: Record<string, string | Buffer>) {
  const { run, out } = await runScan({ '低保花名册.csv': rollText, '死亡人员.csv': ZHANG_DIED, ...paymentFiles });
  expect(run.code, run.stderr).toBe(0);
  const summary = JSON.parse(await readFile(join(out, 'summary.json'), 'utf8'));
  return { findings: await readFile(join(out, 'findings.csv'), 'utf8'), payments: summary.datasets.payments, refused: await rejects(out), warnings: summary.warnings };
}

describe('payments that name the payee instead of the household', () => {
  it('finds each payment\'s household through the roll, however the ID is written, and refuses the payees it cannot place', async () => {
    const bank = await workbookOf('代发明细', [
      ['2026年张庄镇低保金代发明细'],
      ['收款人姓名', '收款人身份证号码', '发放月份', '发放金额', '处理结果'],
      // 张大山 (H001) died in July; his wife stays. The bank pays the household through him.
      ['张大山', PEOPLE.zhang, '2026-08', '1400', '成功'],
      ['张大山', PEOPLE.zhang.slice(0, 6) + ' ' + PEOPLE.zhang.slice(6).toLowerCase(), '2026-09', '1400', '成功'],
      ['张大山', PEOPLE.zhang, '2026-10', '1400', '退回'],
      ['王小明', PEOPLE.wang, '2026-10', '700', '成功'],
      ['路人甲', STRANGER, '2026-10', '500', '成功'],
      ['赵老汉', TWICE, '2026-10', '900', '成功'],
      ['钱某', '37048119800101', '2026-10', '600', '成功'],
    ]);
    const { findings, payments, refused } = await scanPayments(roll, { '低保金代发明细.xlsx': bank });
    // August and September, each 1400 ÷ 2 members; October was returned.
    expect(findings).toContain(PAID_AFTER_DEATH);
    expect(payments).toMatchObject({ rows_read: 7, rows_used: 3, rows_rejected: 4 });
    expect(refused).toEqual([
      { line: 5, kind: 'out-of-scope', column_name: '发放状态', reason: expect.stringContaining('退回') },
      { line: 7, kind: 'value', column_name: '收款人身份证号码', reason: '收款人身份证号码不在花名册中，无法对应家庭编号' },
      { line: 8, kind: 'value', column_name: '收款人身份证号码', reason: '收款人在花名册的 2 户中（含 H003），无法确定家庭编号' },
      { line: 9, kind: 'id', column_name: '收款人身份证号码', reason: '收款人身份证号码无法识别：位数错误(14位)，无法对应家庭' },
    ]);
    // Refused payments are data-quality findings like any unusable row (an unreadable payee ID like any unreadable ID).
    expect(findings.match(/data_quality\.bad-row/g)).toHaveLength(2);
    expect(findings.match(/data_quality\.id-invalid/g)).toHaveLength(1);
  });

  it('a payee in two households of which only one is 在保 is paid into that one (his old household is 停保)', async () => {
    const moved = validId('370481', '19480909', '331');
    const rollText = rollCsv([`张庄镇,南村,H005,孙老汉,${moved},户主,农村低保,700,停保`, `张庄镇,北村,H006,孙老汉,${moved},户主,农村低保,700,在保`]);
    const bank = await workbookOf('代发明细', [
      ['收款人姓名', '收款人身份证号码', '发放月份', '发放金额'],
      ['孙老汉', moved, '2026-09', '700'],
      ['孙老汉', moved, '2026-10', '700'],
    ]);
    const { run, out } = await runScan({ '低保花名册.csv': rollText, '死亡人员.csv': `身份证号码,姓名,死亡日期\n${moved},孙老汉,2026-08-15\n`, '低保金代发明细.xlsx': bank });
    expect(run.code, run.stderr).toBe(0);
    expect(await rejects(out)).toEqual([]);
    // Before, both payments were refused (收款人在花名册的 2 户中) and the finding said nothing was paid after the death.
    expect(await readFile(join(out, 'findings.csv'), 'utf8')).toContain('死亡次月起仍发放 2 个月（2026-09 至 2026-10），按每月实发金额 ÷ 在保 1 人估算多发 1400.00 元');
  });

  it('a bank file whose payees are masked (3704**********123X) is refused as a masked list, not read as unplaced payments', async () => {
    const { run } = await runScan({
      '低保花名册.csv': roll,
      '低保金代发明细.csv': `收款人身份证号码,发放月份,发放金额\n${masked(PEOPLE.zhang)},2026-09,1400\n${masked(PEOPLE.wang)},2026-10,700\n`,
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('低保金代发明细.csv 列「身份证号码」: 身份证号码已脱敏（2 行，如第 2 行「3704**********');
  });

  it('a file with neither 家庭编号 nor a payee column is still refused, naming both', async () => {
    const { run } = await runScan({
      '低保花名册.csv': roll,
      '低保发放明细.csv': '姓名,发放月份,发放金额\n张大山,2026-10,1400\n',
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('发放明细缺少必需的列 「家庭编号」');
    expect(run.stderr).toContain('或以「收款人身份证号码」(payee_id；可用表头：收款人身份证号码');
  });

  it('a row with a 家庭编号 keeps it; the payee column is then only read where the 家庭编号 is empty', async () => {
    const { findings, refused } = await scanPayments(roll, {
      '低保发放明细.csv': `家庭编号,户主身份证号码,发放月份,发放金额\nH001,${PEOPLE.wang},2026-08,1400\n,${PEOPLE.zhang},2026-09,1400\n`,
    });
    expect(findings).toContain(PAID_AFTER_DEATH);
    expect(refused).toEqual([]);
  });
});

// A bank's 代发 list often names only the account paid (户名, 账号, 金额). Such a file was refused whole like the payee's
// was; each payment is now the household's whose roll rows give that account as their 发放账号.
describe('payments that name only the account paid', () => {
  const HOME = '6217001234567890001';
  const accountRoll = [
    // 银行卡号, as many township rolls name the account: an alias since 2026-12-01.
    '乡镇,村(社区),家庭编号,姓名,身份证号码,与户主关系,救助类别,月保障金,银行卡号',
    `张庄镇,东村,H001,张大山,${PEOPLE.zhang},户主,农村低保,1400,6228 4800 1111 2222 333`,
    `张庄镇,东村,H001,李秀英,${PEOPLE.li},配偶,农村低保,1400,6228 4800 1111 2222 333`,
    `张庄镇,西村,H002,王小明,${PEOPLE.wang},户主,农村低保,700,6228480099998888777`,
    // Two 集中供养 residents of one 敬老院: its account is paid for both.
    `张庄镇,南村,T001,赵一,${validId('370481', '19400101', '117')},本人,集中供养特困,900,${HOME}`,
    `张庄镇,南村,T002,钱二,${validId('370481', '19410202', '117')},本人,集中供养特困,900,${HOME}`,
  ].join('\n') + '\n';

  it('finds each payment\'s household by the roll\'s 发放账号, however spaced, and refuses the accounts it cannot place', async () => {
    const bank = await workbookOf('代发明细', [
      ['户名', '账号', '发放月份', '金额'],
      // 张大山 (H001) died in July; the bank paid the household's account in August and September.
      ['张大山', '6228480011112222333', '2026-08', '1400'],
      ['张大山', '6228-4800-1111-2222-333', '2026-09', '1400'],
      ['王小明', '6228480099998888777', '2026-10', '700'],
      ['路人甲', '6228480055556666777', '2026-10', '500'],
      ['赵一', HOME, '2026-10', '900'],
      ['钱某', '6228********2333', '2026-10', '600'],
      ['孙某', '6.22848E+18', '2026-10', '600'],
      ['周某', '6228xxxxxxxx2333', '2026-10', '600'],
    ]);
    const { findings, payments, refused } = await scanPayments(accountRoll, { '低保金代发明细.xlsx': bank });
    expect(findings).toContain(PAID_AFTER_DEATH);
    expect(payments).toMatchObject({ rows_read: 8, rows_used: 3, rows_rejected: 5 });
    expect(refused).toEqual([
      { line: 5, kind: 'value', column_name: '收款账号', reason: '收款账号不是花名册中任何家庭的发放账号，无法对应家庭编号' },
      { line: 6, kind: 'value', column_name: '收款账号', reason: '该账号是花名册 2 户的发放账号（含 T001，如敬老院集中供养），无法确定家庭编号' },
      { line: 7, kind: 'value', column_name: '收款账号', reason: '收款账号已打码，无法对应家庭' },
      { line: 8, kind: 'value', column_name: '收款账号', reason: '收款账号被 Excel 改成科学计数法，末位已丢失，无法对应家庭' },
      { line: 9, kind: 'value', column_name: '收款账号', reason: '收款账号已打码，无法对应家庭' },
    ]);
  });

  it('a bank list that dates each payment (交易日期) instead of stating its month is read by the dates\' months', async () => {
    const bank = await workbookOf('代发明细', [
      ['户名', '账号', '金额', '交易日期'],
      ['张大山', '6228480011112222333', 1400, new Date(Date.UTC(2026, 7, 5, 10, 21, 33))],
      ['张大山', '6228480011112222333', 1400, '2026/9/5'],
      ['张大山', '6228480011112222333', 1400, '2026-07-05'],
    ]);
    const { findings, payments, warnings } = await scanPayments(accountRoll, { '低保金代发明细.xlsx': bank });
    expect(findings).toContain(PAID_AFTER_DEATH);
    expect(payments).toMatchObject({ rows_read: 3, rows_used: 3 });
    // The month paid is not always the month the money is for: staff are told what that may cost.
    expect(warnings).toContainEqual({
      file: '低保金代发明细.xlsx',
      message: expect.stringContaining('工作表「代发明细」没有「发放月份」或「所属期」列：发放月份按「交易日期」的月份读取；若每月发放的是上月的保障金'),
    });
  });

  it('a bank list that masks its payees\' IDs but gives their accounts is read by the accounts', async () => {
    const { findings, refused } = await scanPayments(accountRoll, {
      '低保金代发明细.csv': `收款人身份证号码,银行卡号,发放月份,发放金额\n${masked(PEOPLE.zhang)},6228480011112222333,2026-08,1400\n`
        + `${masked(PEOPLE.zhang)},6228480011112222333,2026-09,1400\n${masked(PEOPLE.wang)},6228480099998888777,2026-10,700\n`,
    });
    expect(findings).toContain(PAID_AFTER_DEATH);
    expect(refused).toEqual([]);
  });

  // A county's 代发 list beside one township's roll: each payment of the other townships was refused and reported, one
  // data-quality finding per row. The file is refused instead, or skipped with --skip-bad-files.
  it('a bank list most of whose payees the roll does not hold is refused whole (exit 2), or skipped and listed', async () => {
    const stranger = (n: number) => validId('370481', `1950010${n}`, '117');
    const bank = `收款人身份证号码,发放月份,发放金额\n${PEOPLE.zhang},2026-09,1400\n${[1, 2, 3].map((n) => `${stranger(n)},2026-09,900`).join('\n')}\n`;
    const { run } = await runScan({ '低保花名册.csv': accountRoll, '全县低保金代发明细.csv': bank });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`全县低保金代发明细.csv 列「收款人身份证号码」: 3 行（共 4 行）的收款人身份证号码在花名册中找不到（如「370481********${stranger(1).slice(14)}」），无法对应家庭`);
    expect(looksLikeStackTrace(run.stderr)).toBe(false);

    const skipped = await runScan({ '低保花名册.csv': accountRoll, '全县低保金代发明细.csv': bank }, undefined, ['--skip-bad-files']);
    expect(skipped.run.code, skipped.run.stderr).toBe(0);
    const summary = JSON.parse(await readFile(join(skipped.out, 'summary.json'), 'utf8'));
    expect(summary.files_skipped).toEqual([{ file: '全县低保金代发明细.csv', reason: expect.stringContaining('3 行（共 4 行）') }]);
    expect(summary.datasets.payments).toMatchObject({ rows_read: 0, rows_rejected: 0 });
    expect(await readFile(join(skipped.out, 'findings.csv'), 'utf8')).not.toContain('data_quality.bad-row');
  });

  it('a file with neither 家庭编号, payee nor account is refused naming all three', async () => {
    const { run } = await runScan({ '低保花名册.csv': accountRoll, '低保发放明细.csv': '姓名,发放月份,发放金额\n张大山,2026-10,1400\n' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('或以「收款人身份证号码」(payee_id；可用表头：收款人身份证号码');
    expect(run.stderr).toContain('或「收款账号」(payee_account；可用表头：收款账号');
  });
});
