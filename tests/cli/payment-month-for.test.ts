// A 发放明细 with both 发放月份 (when it was paid) and 所属期 (the month the money is for) was refused whole as a
// duplicated header, and sweep.json could not settle it. 所属期 now decides: a 补发 paid in August for July, the month a
// man died in, is not paid after his death (死亡次月起停发), and is not asked back.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScan, scanInput, workbookOf } from '../support/scan-input.ts';
import { PEOPLE, rollCsv } from '../support/small-township.ts';

const DEATHS = `身份证号码,姓名,死亡日期\n${PEOPLE.zhang},张大山,2026-07-15\n`;
/** H001 (张大山 and 李秀英, 1,400 a month): July's money paid late in August, then August, September. */
const paymentsSheet = () => workbookOf('发放表', [
  ['家庭编号', '发放月份', '所属期', '发放金额'],
  ['H001', '2026-08', '2026-07', 1400],
  ['H001', '2026-08', '2026-08', 1400],
  ['H001', '2026-09', '2026-09', 1400],
]);

describe('a 发放明细 that names both the month paid and the month the money is for', () => {
  it('counts each payment in its 所属期 and says which column it read', async () => {
    const { findings, summary } = await scanInput({ '低保花名册.csv': rollCsv(), '死亡人员.csv': DEATHS, '低保发放明细.xlsx': await paymentsSheet() });
    const deceased = findings.find((f) => f('check_id') === 'deceased.recipient')!;
    // August and September, each 1400 ÷ 2 members; July's money, paid in August, is not after the death.
    expect(deceased('overpayment_yuan')).toBe('1400.00');
    expect(deceased('evidence')).toContain('死亡次月起仍发放 2 个月（2026-08 至 2026-09）');
    expect(summary.warnings).toContainEqual({
      file: '低保发放明细.xlsx',
      message: '工作表「发放表」列「发放月份」仅在「所属期」为空的行读取：本表另有「所属期」，发放月份按「所属期」读取，「所属期」为空或写作「无」等的行按「发放月份」读取',
    });
  });

  it('reads the header sweep.json names instead', async () => {
    const { run, out } = await runScan({
      '低保花名册.csv': rollCsv(), '死亡人员.csv': DEATHS, '低保发放明细.xlsx': await paymentsSheet(),
      'sweep.json': JSON.stringify({ datasets: { payments: { file: '低保发放明细.xlsx', columns: { month: '发放月份' } } } }),
    });
    expect(run.code, run.stderr).toBe(0);
    const summary = JSON.parse(await readFile(join(out, 'summary.json'), 'utf8'));
    expect(summary.warnings.filter((w: { message: string }) => w.message.includes('未读取'))).toEqual([]);
    // 发放月份: three payments after July, each 1400 ÷ 2.
    expect(summary.findings.overpayment_yuan).toBe('2100.00');
  });
});
