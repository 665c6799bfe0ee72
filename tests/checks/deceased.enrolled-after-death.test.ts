// deceased.recipient: a recipient enrolled when already dead, his roll row's 开始享受时间 after the death, is the
// plainest sign of an identity used after death (冒领). Until 2026-12-07 the evidence did not say so, and staff saw one
// more late death to stop. The note is evidence only: the finding's fact, and so its id, is the death as before.
import { describe, expect, it } from 'vitest';
import { findCheck } from '../../scanner/engine/registry.ts';
import { findingsFor, type Finding, type Rows } from '../support/check-tester.ts';
import { validId } from './id-numbers.ts';
import { rollRow } from './roll-rows.ts';

const ZHANG = validId('110101', '19500307', '451');
const LI = validId('110101', '19520612', '232');
const check = findCheck('deceased.recipient')!;

/** H001: 张三 (head) and 李四 (spouse, the dead one, her row starting `start`), paid 1400 元 each month 2026-06 to 2026-10. */
function household(start: string | null, death: Record<string, string>): Rows {
  return {
    roll: [
      rollRow({ name: '张三', id_number: ZHANG, start_date: '2019-03-01' }),
      rollRow({ name: '李四', id_number: LI, relation: '配偶', start_date: start }),
    ],
    deaths: [{ id_number: LI, name: '李四', source: '殡葬火化', ...death }],
    payments: ['2026-06', '2026-07', '2026-08', '2026-09', '2026-10'].map((month) => ({ household_id: 'H001', month, amount: '1400' })),
  };
}

async function onlyFinding(rows: Rows): Promise<Finding> {
  const found = await findingsFor(check, rows);
  expect(found, JSON.stringify(found, null, 2)).toHaveLength(1);
  return found[0]!;
}

describe('deceased.recipient: enrolled after death', () => {
  it('dead on 2024-03-15, 开始享受时间 2024-06-01: the evidence says so; the estimate counts the 5 months paid', async () => {
    const finding = await onlyFinding(household('2024-06-01', { death_date: '2024-03-15' }));
    expect(finding.evidence).toContain('死亡（2024-03-15）早于开始享受时间（2024-06-01）：死亡后才纳入保障，需核查冒领');
    expect(finding.evidence).toContain('死亡次月起仍发放 5 个月（2026-06 至 2026-10），按每月实发金额 ÷ 在保 2 人估算多发 3500.00 元');
    expect(finding.overpayment_cents).toBe(350000);
    expect(finding.fact).toBe('died|2024-03-15');
  });

  it('the estimate counts no month paid before her 开始享受时间 (2026-08-01): 3 months, not 5', async () => {
    const finding = await onlyFinding(household('2026-08-01', { death_date: '2024-03-15' }));
    expect(finding.evidence).toContain('死亡（2024-03-15）早于开始享受时间（2026-08-01）');
    expect(finding.evidence).toContain('死亡次月起仍发放 3 个月（2026-08 至 2026-10），按每月实发金额 ÷ 在保 2 人估算多发 2100.00 元');
    expect(finding.overpayment_cents).toBe(210000);
  });

  it('the note leaves the fact and the finding id as they are without a 开始享受时间', async () => {
    const noted = await onlyFinding(household('2024-06-01', { death_date: '2024-03-15' }));
    const unnoted = await onlyFinding(household(null, { death_date: '2024-03-15' }));
    expect(unnoted.evidence).not.toContain('冒领');
    expect(noted.finding_id).toBe(unnoted.finding_id);
  });

  it('guard: dead on 2024-09-15, after her 开始享受时间 2024-06-01: no note', async () => {
    const finding = await onlyFinding(household('2024-06-01', { death_date: '2024-09-15' }));
    expect(finding.evidence).not.toContain('早于开始享受时间');
    expect(finding.evidence).not.toContain('冒领');
  });

  it('guard: dead on the day she started (2024-06-01): no note', async () => {
    const finding = await onlyFinding(household('2024-06-01', { death_date: '2024-06-01' }));
    expect(finding.evidence).not.toContain('冒领');
  });

  it('months as written: dead in 2024年5月, started 2024.06 (享受起始年月): noted as months', async () => {
    const finding = await onlyFinding(household('2024.06', { death_date: '2024年5月' }));
    expect(finding.evidence).toContain('死亡（2024-05）早于开始享受时间（2024-06）：死亡后才纳入保障，需核查冒领');
  });

  it('guard: dead on 2024-06-10, started 2024.06: which came first the month cannot tell, no note', async () => {
    const finding = await onlyFinding(household('2024.06', { death_date: '2024-06-10' }));
    expect(finding.evidence).not.toContain('冒领');
  });

  it('read by her 火化日期 (死亡日期 empty): dead by 2024-03-20, before 2024-06-01', async () => {
    const finding = await onlyFinding(household('2024-06-01', { death_date: '', cremated_on: '2024-03-20' }));
    expect(finding.evidence).toContain('死亡（按火化日期 2024-03-20 计）早于开始享受时间（2024-06-01）：死亡后才纳入保障，需核查冒领');
  });

  it('guard: an unreadable 开始享受时间 (不详) is no start: no note', async () => {
    const finding = await onlyFinding(household('不详', { death_date: '2024-03-15' }));
    expect(finding.evidence).not.toContain('冒领');
  });
});
