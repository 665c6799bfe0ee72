// A bank's 代发 list carries a year of payments by payee (scanner/load/departed-payees.ts). A payee who has since left the
// roll names no household: each of his past payments was refused as 收款人身份证号码不在花名册中 and became a
// data_quality.bad-row finding. A payment of a month before P is now set aside as out of scope (history); one of P or
// later stays refused, and says so where the death list has him dead before it.
import { describe, expect, it } from 'vitest';
import { loadInputs } from '../../scanner/load/load-inputs.ts';
import { parsePeriod } from '../../scanner/period.ts';
import { loadDatabase } from '../support/load-database.ts';
import { validId } from '../support/small-township.ts';
import { tempFolderWith } from '../support/temp-folder.ts';

const { connection, rows } = loadDatabase();

const ZHANG = validId('370481', '19580302', '113');
const WANG = validId('370481', '19900101', '335');
/** 赵老汉 died on 2026-07-15 and was taken off the roll; 孙老汉 moved away. Neither is on this roll. */
const ZHAO = validId('370481', '19400101', '117');
const SUN = validId('370481', '19420202', '117');

const ROLL = [
  '乡镇,村(社区),家庭编号,姓名,身份证号码,与户主关系,救助类别,月保障金,保障状态,银行卡号',
  `张庄镇,东村,H001,张大山,${ZHANG},户主,农村低保,1400,在保,6228480011112222333`,
  `张庄镇,西村,H002,王小明,${WANG},户主,农村低保,700,在保,6228480099998888777`,
].join('\n') + '\n';
const DEATHS = `身份证号码,姓名,死亡日期\n${ZHAO},赵老汉,2026-07-15\n`;

const paid = (who: string, months: string[], amount: string) => months.map((month) => `${who},${month},${amount}`);
/** The households' own payments, July to October: the unplaced ones stay fewer than half of the file (unplaced-payments.ts). */
const PLACED = [...paid(ZHANG, ['2026-07', '2026-08', '2026-09', '2026-10'], '1400'), ...paid(WANG, ['2026-07', '2026-08', '2026-09', '2026-10'], '700')];
const BY_PAYEE = ['收款人身份证号码,发放月份,发放金额', ...PLACED,
  `${ZHAO},2026-06,900`, // line 10: before his death, before P
  `${ZHAO},2026-08,900`, // line 11: after his death, before P
  `${ZHAO},2026-10,900`, // line 12: in P
  `${ZHAO},2026-11,900`, // line 13: after P
  `${SUN},2026-09,壹仟`, // line 14: before P, its amount unreadable too
].join('\n') + '\n';
const BY_ACCOUNT = ['户名,账号,发放月份,金额', '张大山,6228480011112222333,2026-10,1400', '王小明,6228480099998888777,2026-10,700',
  '孙老汉,6228480055556666777,2026-09,900', // line 4: before P
  '孙老汉,6228480055556666777,2026-10,900', // line 5: in P
].join('\n') + '\n';

const FILES = { '低保花名册.csv': ROLL, '死亡人员.csv': DEATHS, '低保金代发明细.csv': BY_PAYEE, '低保金账号代发.csv': BY_ACCOUNT };
const rejects = () => rows("SELECT _file, _line, kind, column_name, reason FROM load_rejects WHERE dataset = 'payments' ORDER BY _file, _line, reason");

const HISTORY = '收款人身份证号码不在本期花名册中：是已退出保障（死亡、迁出、清退）者此前的发放，不计入发放';
const AFTER_DEATH = '；死亡人员名单记其 2026-07-15 死亡，这是死亡次月起的发放：他仍在保时，其多发金额由「已死亡人员仍在保」估算；如未曾列为该问题（如扫描前已移出花名册），请核实追回';
const NOT_ON_ROLL = '收款人身份证号码不在花名册中，无法对应家庭编号';
const STILL_PAID_DEAD = '；死亡人员名单记其 2026-07-15 死亡，死亡次月起仍向其发放，请核实追回';

describe('payments to payees no longer on the roll', () => {
  it('sets aside those of months before P as history; those of P and later stay refused, a dead payee\'s saying he is dead', async () => {
    const result = await loadInputs(connection(), await tempFolderWith(FILES), { period: parsePeriod('2026-10') });
    expect(await rejects()).toEqual([
      { _file: '低保金代发明细.csv', _line: 10, kind: 'out-of-scope', column_name: '收款人身份证号码', reason: `发放月份 2026-06 在本期 2026-10 之前，${HISTORY}` },
      { _file: '低保金代发明细.csv', _line: 11, kind: 'out-of-scope', column_name: '收款人身份证号码', reason: `发放月份 2026-08 在本期 2026-10 之前，${HISTORY}${AFTER_DEATH}` },
      { _file: '低保金代发明细.csv', _line: 12, kind: 'value', column_name: '收款人身份证号码', reason: `${NOT_ON_ROLL}${STILL_PAID_DEAD}` },
      { _file: '低保金代发明细.csv', _line: 13, kind: 'value', column_name: '收款人身份证号码', reason: `${NOT_ON_ROLL}${STILL_PAID_DEAD}` },
      // History is only that: its unreadable amount is no problem of anyone's (one entry, as a non-data row has).
      { _file: '低保金代发明细.csv', _line: 14, kind: 'out-of-scope', column_name: '收款人身份证号码', reason: `发放月份 2026-09 在本期 2026-10 之前，${HISTORY}` },
      {
        _file: '低保金账号代发.csv', _line: 4, kind: 'out-of-scope', column_name: '收款账号',
        reason: '发放月份 2026-09 在本期 2026-10 之前，收款账号不是本期花名册中任何家庭的发放账号：是已退出保障（死亡、迁出、清退）者此前的发放，不计入发放',
      },
      { _file: '低保金账号代发.csv', _line: 5, kind: 'value', column_name: '收款账号', reason: '收款账号不是花名册中任何家庭的发放账号，无法对应家庭编号' },
    ]);
    // Every row read is used or listed: 8 + 2 used, 5 + 2 refused.
    expect(result.datasets.payments).toMatchObject({ rowsRead: 17, rowsUsed: 10, rowsRejected: 7 });
    expect(result.warnings).toContainEqual({
      file: '低保金代发明细.csv',
      message: '发放月份在本期（2026年10月）之前、收款人或收款账号已不在本期花名册中的 3 行（2 人）是已退出保障（死亡、迁出、清退）者此前的发放，'
        + '未计入发放，不作为数据问题，已列入拒收记录；其中 1 行（1 人）是死亡人员名单所记死亡次月起的发放：他们仍在保时，多发金额由「已死亡人员仍在保」估算，'
        + '如未曾列为该问题（如扫描前已移出花名册），请核实追回',
    });
    expect(result.warnings).toContainEqual({ file: '低保金账号代发.csv', message: expect.stringContaining('之前、收款人或收款账号已不在本期花名册中的 1 行（1 个账号）') });
    // No warning reads the set-aside rows as deaths of unclear reason (out-of-scope-rows.ts's last message).
    expect(result.warnings.filter((warning) => warning.message.includes('注销原因'))).toEqual([]);
    expect(await rows("SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE table_name IN ('unplaced_payment_months', 'departed_payees')")).toEqual([{ n: 0 }]);
  });

  it('a payee kept on the roll under a 退保 row still names his household: his payments are placed, not refused', async () => {
    const roll = ROLL + `张庄镇,东村,H001,赵老汉,${ZHAO},父亲,农村低保,1400,退保,\n`;
    const result = await loadInputs(connection(), await tempFolderWith({ ...FILES, '低保花名册.csv': roll }), { period: parsePeriod('2026-10') });
    expect(await rows(`SELECT _line, household_id FROM payments WHERE _file = '低保金代发明细.csv' AND _line BETWEEN 10 AND 13 ORDER BY _line`)).toEqual([
      { _line: 10, household_id: 'H001' }, { _line: 11, household_id: 'H001' }, { _line: 12, household_id: 'H001' }, { _line: 13, household_id: 'H001' },
    ]);
    expect(result.datasets.payments).toMatchObject({ rowsRead: 17, rowsUsed: 14, rowsRejected: 3 });
  });

  it('without a period (a load on its own) every such payment stays refused as not on the roll', async () => {
    await loadInputs(connection(), await tempFolderWith(FILES));
    expect(await rows("SELECT DISTINCT kind, reason FROM load_rejects WHERE dataset = 'payments' AND column_name = '收款人身份证号码' ORDER BY ALL"))
      .toEqual([{ kind: 'value', reason: NOT_ON_ROLL }]);
  });
});
