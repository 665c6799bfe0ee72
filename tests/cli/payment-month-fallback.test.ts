// A 发放明细 giving both 发放月份 and 所属期 often fills the 所属期 only on its 补发 rows. Until 2026-12-08 the 发放月份
// beside a 所属期 was left unread, and every ordinary row was refused as 发放月份为空 (its 发放月份 filled): a dead man's
// overpayment went unestimated. Such a row is now read by its 发放月份; a 补发 keeps its 所属期.
import { describe, expect, it } from 'vitest';
import { scanInput } from '../support/scan-input.ts';
import { PEOPLE, rollCsv } from '../support/small-township.ts';

const DEATHS = `身份证号码,姓名,死亡日期\n${PEOPLE.zhang},张大山,2026-07-15\n`;

/** The bad-row finding's evidence of a 发放明细 line. */
const badRow = (findings: ((name: string) => string | undefined)[], line: number) =>
  findings.find((f) => f('check_id') === 'data_quality.bad-row' && f('evidence')!.includes(`第${line}行`))?.('evidence');

describe('a 发放明细 whose 所属期 is filled only on its 补发 rows', () => {
  it('reads a row with an empty 所属期 by its 发放月份, a 补发 by its 所属期, and refuses a row with both empty naming both', async () => {
    const payments = [
      '家庭编号,发放月份,所属期,发放金额',
      'H001,2026-06,,1400', // line 2: before the death
      'H001,2026-08,2026-07,1400', // line 3: July's money paid late in August, the month he died in
      'H001,2026-08,,1400', // line 4
      'H001,2026-09,无,1400', // line 5: a 所属期 written as none is empty
      'H002,,,700', // line 6
      'H002,无,,700', // line 7
      'H002,2026-10,,700', // line 8
    ].join('\n');
    const { findings, summary } = await scanInput({ '低保花名册.csv': rollCsv(), '死亡人员.csv': DEATHS, '低保发放明细.csv': `${payments}\n` });
    expect(summary.datasets.payments).toMatchObject({ rows_read: 7, rows_used: 5, rows_rejected: 2 });
    const deceased = findings.find((f) => f('check_id') === 'deceased.recipient')!;
    // August and September, each 1400 ÷ 2 members; read by its 发放月份, the 补发 would have made August 2800.
    expect(deceased('evidence')).toContain('死亡次月起仍发放 2 个月（2026-08 至 2026-09）');
    expect(deceased('overpayment_yuan')).toBe('1400.00');
    expect(badRow(findings, 6)).toContain('所属期、发放月份均为空');
    expect(badRow(findings, 7)).toContain('所属期、发放月份均为空（发放月份写作「无」）');
    expect(findings.filter((f) => f('check_id') === 'data_quality.bad-row')).toHaveLength(2);
    expect(summary.warnings).toContainEqual({
      file: '低保发放明细.csv', message: expect.stringContaining('列「发放月份」仅在「所属期」为空的行读取'),
    });
    expect(JSON.stringify(summary.warnings)).not.toContain('未读取');
  }, 240_000);

  it('reads a 发放明细 with only 发放月份 as before', async () => {
    const payments = ['家庭编号,发放月份,发放金额', 'H001,2026-08,1400', 'H001,2026-09,1400', 'H002,,700', 'H002,无,700', 'H002,2026-10,700'].join('\n');
    const { findings, summary } = await scanInput({ '低保花名册.csv': rollCsv(), '死亡人员.csv': DEATHS, '低保发放明细.csv': `${payments}\n` });
    expect(summary.datasets.payments).toMatchObject({ rows_read: 5, rows_used: 3, rows_rejected: 2 });
    expect(findings.find((f) => f('check_id') === 'deceased.recipient')!('overpayment_yuan')).toBe('1400.00');
    expect(badRow(findings, 4)).toContain('发放月份为空');
    expect(badRow(findings, 5)).toContain('发放月份无法识别：无');
    expect(JSON.stringify(summary.warnings)).not.toContain('发放月份');
  }, 240_000);
});
