// A township keeps one 发放表 per month, the month written once in its title or file name, with no 发放月份 column.
// Such a file stopped the scan as missing a required column; it is read with the one month it states, and refused
// when it states none or several.
import { describe, expect, it } from 'vitest';
import { looksLikeStackTrace } from '../support/run-cli.ts';
import { runScan, scanInput, workbookOf } from '../support/scan-input.ts';
import { PEOPLE, rollCsv } from '../support/small-township.ts';

const DEATH = { '死亡人员.csv': `身份证号码,姓名,死亡日期\n${PEOPLE.zhang},张大山,2026-07-15\n` };
/** One month's 发放表 of household H001 (张大山 and 李秀英), as a workbook with its title row. */
const monthSheet = (year: number, month: number) =>
  workbookOf('发放表', [[`${year}年${month}月张庄镇农村低保资金发放表`], ['户编号', '户主姓名', '发放金额(元)'], ['H001', '张大山', 1400], ['H002', '王小明', 700]]);

describe('发放表 without a 发放月份 column', () => {
  it('reads the month from the title (workbooks) or the file name (CSV): the overpayment counts August to October', async () => {
    const { findings, summary } = await scanInput({
      '低保花名册.csv': rollCsv(),
      ...DEATH,
      '2026年7月发放表.xlsx': await monthSheet(2026, 7),
      '2026年8月发放表.xlsx': await monthSheet(2026, 8),
      '低保资金发放明细202609.csv': '户编号,户主姓名,发放金额\nH001,张大山,1400\n',
      '低保资金发放明细2026-10.csv': '户编号,户主姓名,发放金额\nH001,张大山,1400\n',
    });
    expect(findings.map((f) => [f('check_id'), f('overpayment_yuan')])).toEqual([['deceased.recipient', '2100.00']]);
    expect(findings[0]!('evidence')).toContain('死亡次月起仍发放 3 个月（2026-08 至 2026-10）');
    const messages = summary.warnings.map((w: { file: string; message: string }) => `${w.file}：${w.message}`);
    expect(messages).toEqual([
      '2026年7月发放表.xlsx：工作表「发放表」没有「发放月份」列：2 行都按标题「2026年7月张庄镇农村低保资金发放表」写明的 2026年7月 读取',
      '2026年8月发放表.xlsx：工作表「发放表」没有「发放月份」列：2 行都按标题「2026年8月张庄镇农村低保资金发放表」写明的 2026年8月 读取',
      '低保资金发放明细2026-10.csv：没有「发放月份」列：1 行都按文件名「低保资金发放明细2026-10.csv」写明的 2026年10月 读取',
      '低保资金发放明细202609.csv：没有「发放月份」列：1 行都按文件名「低保资金发放明细202609.csv」写明的 2026年9月 读取',
    ]);
  });

  it('refuses a 发放表 whose title and file name state different months, naming both (exit 2)', async () => {
    const { run } = await runScan({ '低保花名册.csv': rollCsv(), '2026年11月发放表.xlsx': await monthSheet(2026, 10) });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('2026年10月（标题「2026年10月张庄镇农村低保资金发放表」）、2026年11月（文件名「2026年11月发放表.xlsx」）');
    expect(looksLikeStackTrace(run.stderr)).toBe(false);
  });

  it('refuses one that states no month, or a range of months, saying where to write it (exit 2)', async () => {
    for (const title of ['张庄镇农村低保资金发放表', '2026年1月至10月张庄镇农村低保资金发放表']) {
      const sheet = await workbookOf('发放表', [[title], ['户编号', '户主姓名', '发放金额'], ['H001', '张大山', 1400]]);
      const { run } = await runScan({ '低保花名册.csv': rollCsv(), '低保资金发放表.xlsx': sheet });
      expect(run.code, title).toBe(2);
      expect(run.stderr).toContain('缺少必需的列 「发放月份」');
      expect(run.stderr).toContain('请在标题或文件名中写明是哪年哪月');
    }
  });
});
