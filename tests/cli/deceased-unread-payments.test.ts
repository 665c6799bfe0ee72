// deceased.recipient through the real CLI when the household's payments after the death were not read or not matched:
// until 2026-12-06 the finding said 死亡次月起无发放记录，多发 0.00 元 as fact beside 2,100 元 paid under 12 for the
// roll's 0012 (Excel stored the list's 家庭编号 as numbers), or beside its 9月 and 10月 rows refused for want of a year.
import { describe, expect, it } from 'vitest';
import { scanInput } from '../support/scan-input.ts';
import { ROLL_HEADER, validId } from '../support/small-township.ts';

const HEAD = validId('371329', '19410101', '103');
const SPOUSE = validId('371329', '19420101', '105');
const deaths = (date: string) => `姓名,身份证号码,死亡日期,来源\n人一,${HEAD},${date},殡葬火化\n`;
const couple = (household: string) =>
  `${ROLL_HEADER}\n店头镇,东村,${household},人一,${HEAD},户主,农村低保,1400,在保\n店头镇,东村,${household},人二,${SPOUSE},配偶,农村低保,1400,在保\n`;
const payments = (rows: string[][]) => ['家庭编号,发放月份,发放金额', ...rows.map((row) => row.join(','))].join('\n') + '\n';

/** The deceased.recipient finding's amount (findings.csv overpayment_yuan, empty where not estimated) and evidence. */
async function deathFinding(files: Record<string, string>) {
  const { findings } = await scanInput(files);
  const found = findings.filter((finding) => finding('check_id') === 'deceased.recipient');
  expect(found).toHaveLength(1);
  return { amount: found[0]!('overpayment_yuan'), evidence: found[0]!('evidence')! };
}

describe('deceased.recipient: no 0.00 where his payments after the death may be unread', () => {
  it('payments under 12 for the roll\'s 0012 (leading zeros lost): no estimate, and the evidence says why', async () => {
    const { amount, evidence } = await deathFinding({
      'roll.csv': couple('0012'), 'deaths.csv': deaths('2026-07-20'),
      'payments.csv': payments(['2026-08', '2026-09', '2026-10'].map((month) => ['12', month, '1400'])),
    });
    expect(amount).toBe('');
    expect(evidence).not.toContain('无发放记录');
    expect(evidence).not.toContain('0.00');
    expect(evidence).toContain('死亡次月起读到的发放明细中没有此户的发放，但此户的发放可能未读到或未对应上，未估算多发金额；'
      + '发放明细另有 3 行（2026-08 至 2026-10）家庭编号为「12」，与此户「0012」只差开头的 0（多半是 Excel 把家庭编号存成了数字），花名册中没有「12」，未对应到此户，未计入多发金额，需核对');
  });

  it('his 9月 and 10月 rows refused (a month without its year): no estimate, not 无发放记录 beside the refused rows', async () => {
    const { amount, evidence } = await deathFinding({
      'roll.csv': couple('Q1'), 'deaths.csv': deaths('2026-08-10'),
      '2026年低保发放明细.csv': payments([['Q1', '8月', '1400'], ['Q1', '9月', '1400'], ['Q1', '10月', '1400'], ['Q2', '2026-10', '700']]),
    });
    expect(amount).toBe('');
    expect(evidence).not.toContain('0.00');
    expect(evidence).toContain('死亡次月起读到的发放明细中没有此户的发放，但此户的发放可能未读到或未对应上，未估算多发金额；'
      + '发放明细另有 3 行写有此户家庭编号或此人身份证号，因无法识别被拒收，未计入多发金额，需核对');
  });

  it('control: his payments read, none after the death (12 is another household\'s): 多发 0.00 元 stays', async () => {
    const roll = `${couple('0012')}店头镇,东村,12,人三,${validId('371329', '19500101', '107')},户主,农村低保,700,在保\n`;
    const { amount, evidence } = await deathFinding({
      'roll.csv': roll, 'deaths.csv': deaths('2026-07-20'),
      'payments.csv': payments([['0012', '2026-06', '1400'], ['0012', '2026-07', '1400'], ['12', '2026-08', '700'], ['12', '2026-09', '700']]),
    });
    expect(amount).toBe('0.00');
    expect(evidence).toMatch(/。死亡次月起无发放记录，多发 0\.00 元$/);
  });
});
