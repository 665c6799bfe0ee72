// A death list may date a death by its year alone (2025, 2025年, 2025年度). Until 2026-12-07 such a row was refused
// (data_quality.bad-row, 死亡日期无法识别) and the recipient, dead in 2025 and paid all of 2026, was not found. The year
// is read as its last day, the estimate counting from the next January; a year across P's end (2026 for 2026-10)
// cannot say whether he died by then, nor a year after it whether it is a typo: each is refused as before.
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsvRecords } from '../support/parse-csv.ts';
import { runCli } from '../support/run-cli.ts';
import { ROLL_HEADER, validId } from '../support/small-township.ts';
import { tempFolder } from '../support/temp-folder.ts';

const NAMES = ['甲', '乙', '丙', '丁', '戊', '己'];
const idOf = (i: number) => validId('371329', '19500101', String(100 + i).padStart(3, '0'));
const months = (last: number) => ['2025-12', ...Array.from({ length: last }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`)];

/** The CLI's scan of a roll of one-person households (700 a month, paid from 2025-12 to P) and this death list. */
async function scan(deaths: string[][], period: '2026-10' | '2026-12') {
  const folder = await tempFolder();
  const input = join(folder, 'input');
  await mkdir(input);
  const people = deaths.map((_, i) => i);
  await writeFile(join(input, '低保花名册.csv'), [ROLL_HEADER, ...people.map((i) => `张庄镇,东村,Y${i},${NAMES[i]},${idOf(i)},户主,农村低保,700,在保`)].join('\n') + '\n');
  await writeFile(join(input, '死亡人员名单.csv'), ['姓名,身份证号码,死亡日期,火化日期,来源',
    ...deaths.map(([date, cremated], i) => `${NAMES[i]},${idOf(i)},${date},${cremated ?? ''},殡葬火化`)].join('\n') + '\n');
  await writeFile(join(input, '低保发放明细.csv'), ['家庭编号,发放月份,发放金额',
    ...people.flatMap((i) => months(Number(period.slice(5))).map((month) => `Y${i},${month},700`))].join('\n') + '\n');
  const out = join(folder, 'out');
  const run = await runCli(['scan', '--input', input, '--period', period, '--ledger', join(folder, 'l.duckdb'), '--out', out, '--quiet']);
  expect(run.code, run.stderr).toBe(0);
  const [header, ...rows] = parseCsvRecords(await readFile(join(out, 'findings.csv'), 'utf8'));
  const findings = rows.map((row) => (name: string) => row[header!.indexOf(name)]);
  const of = (check: string, name: string) => findings.filter((f) => f('check_id') === check && f('name') === name);
  return { of, summary: JSON.parse(await readFile(join(out, 'summary.json'), 'utf8')) };
}

describe('a death dated by its year alone', () => {
  it('finds the dead recipient and counts from the next January; a year across P\'s end is refused as before', async () => {
    const { of, summary } = await scan([['2025'], ['2025年'], ['2025年度'], ['2026'], ['2026', '2026-08-10'], ['2027']], '2026-10');

    for (const [name, written] of [['甲', '2025'], ['乙', '2025年'], ['丙', '2025年度']]) {
      const [finding, ...more] = of('deceased.recipient', name!);
      expect(more).toEqual([]);
      expect(finding!('severity')).toBe('high');
      expect(finding!('evidence')).toContain(`死亡年份 2025-12-31（死亡日期「${written}」只写到年，按该年末日计，需核实），来源 殡葬火化`);
      // 2025-12's payment is not counted: he may have died on 12-31.
      expect(finding!('evidence')).toContain('死亡次月起仍发放 10 个月（2026-01 至 2026-10），按每月实发金额 ÷ 在保 1 人估算多发 7000.00 元');
      expect(finding!('overpayment_yuan')).toBe('7000.00');
      expect(of('data_quality.bad-row', name!)).toEqual([]);
    }
    // 2026 for P 2026-10: dead by October, or in November or December? Refused with the reason it had.
    expect(of('deceased.recipient', '丁')).toEqual([]);
    expect(of('data_quality.bad-row', '丁').map((f) => f('evidence'))).toEqual([expect.stringContaining('已拒收：死亡日期无法识别：2026；')]);
    // Beside a 火化日期, the cremation decides as before (the same fact), the year named as what it is.
    expect(of('deceased.recipient', '戊').map((f) => [f('evidence'), f('overpayment_yuan')])).toEqual([[
      expect.stringContaining('火化日期 2026-08-10（死亡日期「2026」只写到年，按火化日期计，死亡在此日或之前）'), '1400.00',
    ]]);
    // A year after P (a typo for 2017?) is no death after P dropped unseen: refused as before (R30).
    expect(of('data_quality.bad-row', '己').map((f) => f('evidence'))).toEqual([expect.stringContaining('已拒收：死亡日期无法识别：2027；')]);
    expect(summary.datasets.deaths).toMatchObject({ rows_read: 6, rows_used: 4, rows_rejected: 2 });
  });

  it('reads 2026 when P is 2026-12: dead by its end, nothing paid after it', async () => {
    const { of, summary } = await scan([['2025'], ['2026']], '2026-12');
    expect(of('deceased.recipient', '甲').map((f) => f('overpayment_yuan'))).toEqual(['8400.00']);
    expect(of('deceased.recipient', '乙').map((f) => [f('evidence'), f('overpayment_yuan')])).toEqual([[
      expect.stringContaining('死亡年份 2026-12-31（死亡日期「2026」只写到年，按该年末日计，需核实），来源 殡葬火化（死亡人员名单.csv 第3行）。死亡次月起无发放记录，多发 0.00 元'),
      '0.00',
    ]]);
    expect(summary.datasets.deaths).toMatchObject({ rows_read: 2, rows_used: 2, rows_rejected: 0 });
  });
});
