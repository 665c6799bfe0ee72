// A 家庭编号 with letters, written in small letters on one list and capitals on another (the roll's h002, the bank's
// H002): one household, as Ｈ００２ and H002 already were. Until 2026-12-06 they were two: the death of h002's 户主 found
// no payment after it (多发 0.00 元, no warning) while H002 was paid on, 1,400 元 not counted.
import { describe, expect, it } from 'vitest';
import { scanInput } from '../support/scan-input.ts';
import { PEOPLE, ROLL_HEADER } from '../support/small-township.ts';

describe('household numbers in small letters', () => {
  it('matches payments to the roll\'s household whatever the case of its letters, either way round', async () => {
    const roll = [
      ROLL_HEADER,
      `张庄镇,东村,Ｈ００１,张大山,${PEOPLE.zhang},户主,农村低保,1400,在保`,
      `张庄镇,东村,H001 ,李秀英,${PEOPLE.li},配偶,农村低保,1400,在保`,
      `张庄镇,西村,h002,王小明,${PEOPLE.wang},户主,农村低保,700,在保`,
    ].join('\n') + '\n';
    const deaths = ['姓名,身份证号码,死亡日期', `张大山,${PEOPLE.zhang},2026-08-15`, `王小明,${PEOPLE.wang},2026-08-15`].join('\n') + '\n';
    const payments = ['家庭编号,发放月份,发放金额', 'h001,2026-09,1400', 'H001,2026-10,1400', 'H002,2026-09,700', 'H002,2026-10,700'].join('\n') + '\n';
    const { findings, summary } = await scanInput({ '低保花名册.csv': roll, '死亡人员名单.csv': deaths, '低保发放明细.csv': payments });

    const deceased = (name: string) => findings.find((finding) => finding('check_id') === 'deceased.recipient' && finding('name') === name);
    expect(deceased('王小明')?.('evidence')).toContain('死亡次月起仍发放 2 个月（2026-09 至 2026-10）');
    expect(deceased('王小明')?.('overpayment_yuan')).toBe('1400.00');
    expect(deceased('张大山')?.('overpayment_yuan')).toBe('1400.00');
    // One household each: the roll's h002 is shown as H002, as its Ｈ００１ is shown H001.
    expect(deceased('王小明')?.('household_id')).toBe('H002');
    expect(deceased('张大山')?.('household_id')).toBe('H001');
    expect(summary.datasets.payments).toMatchObject({ rows_read: 4, rows_used: 4, rows_rejected: 0 });
    expect(findings.map((finding) => finding('check_id'))).not.toContain('data_quality.household-split');
  });
});
