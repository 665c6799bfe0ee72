// A 殡葬 list dates the cremation beside the death (死亡日期, 火化日期), and a 公安 list the 户口's cancellation (注销日期).
// The scan once stopped at such a list as a duplicated header (exit 2), then read only the 死亡日期: a row that left it
// empty (or wrote 不详) was refused, and a dead man stayed on the roll with only a data-quality finding. The death's own
// date is read, and where a row gives none that can be read, or one later than its 火化日期 or 注销日期 (a cremation
// cannot precede the death), the earliest of those, named in the finding.
import { describe, expect, it } from 'vitest';
import { scanInput, workbookOf } from '../support/scan-input.ts';
import { PEOPLE, rollCsv, validId } from '../support/small-township.ts';

const ZHAO = validId('370481', '19450509', '446');

describe('the dates of a death', () => {
  it('reads the 死亡日期, and where a row leaves it empty or unreadable, the 火化日期, else the 注销日期', async () => {
    const cremations = [
      '姓名,性别,身份证号码,死亡日期,火化日期,注销日期,火化单位',
      `张大山,男,${PEOPLE.zhang},2026-07-15,2026-07-18,,县殡仪馆`,
      `王小明,男,${PEOPLE.wang},,2026-08-03,2026-08-20,县殡仪馆`,
      `李秀英,女,${PEOPLE.li},不详,,2026-09-02,县殡仪馆`,
      // Nothing readable: refused and listed, not guessed.
      `赵老汉,男,${ZHAO},不详,,,县殡仪馆`,
    ].join('\n') + '\n';
    const { findings, summary } = await scanInput({
      '低保花名册.csv': rollCsv([`张庄镇,南村,H003,赵老汉,${ZHAO},户主,农村特困,900,在保`]),
      '殡葬火化人员.csv': cremations,
    });

    const evidenceOf = (name: string) => findings.find((finding) => finding('check_id') === 'deceased.recipient' && finding('name') === name)?.('evidence');
    expect(evidenceOf('张大山')).toContain('死亡日期 2026-07-15，来源');
    expect(evidenceOf('王小明')).toContain('火化日期 2026-08-03（未写死亡日期，按火化日期计，死亡在此日或之前）');
    expect(evidenceOf('李秀英')).toContain('注销日期 2026-09-02（死亡日期「不详」无法识别，按注销日期计，死亡在此日或之前）');
    expect(evidenceOf('赵老汉')).toBeUndefined();
    expect(summary.datasets.deaths).toMatchObject({ rows_read: 4, rows_used: 3, rows_rejected: 1 });
    const refused = findings.filter((finding) => finding('check_id') === 'data_quality.bad-row').map((finding) => finding('evidence'));
    expect(refused).toEqual([expect.stringMatching(/殡葬火化人员\.csv 第5行.*死亡日期无法识别：不详/)]);
    // Every column is read: none is named unread, and with a 死亡日期 column there is nothing to warn of.
    expect(summary.warnings.filter((warning: { file: string }) => warning.file === '殡葬火化人员.csv')).toEqual([]);
  });

  it('reads the earlier of a row\'s 火化日期 and 注销日期: each says he was dead by then', async () => {
    // 王小明's 户口 was cancelled in October, his cremation dated November: read by the cremation he was not found
    // (dead after the period, as it seemed), though the row itself says he was dead by 2026-10-20.
    const cremations = [
      '姓名,身份证号码,死亡日期,火化日期,注销日期',
      `王小明,${PEOPLE.wang},,2026-11-02,2026-10-20`,
      `李秀英,${PEOPLE.li},,2026-09-02,2026-09-02`,
    ].join('\n') + '\n';
    const { findings } = await scanInput({ '低保花名册.csv': rollCsv(), '殡葬火化人员.csv': cremations });

    const evidenceOf = (name: string) => findings.find((finding) => finding('check_id') === 'deceased.recipient' && finding('name') === name)?.('evidence');
    expect(evidenceOf('王小明')).toContain('注销日期 2026-10-20（未写死亡日期，按注销日期计，死亡在此日或之前）');
    expect(evidenceOf('李秀英')).toContain('火化日期 2026-09-02（未写死亡日期，按火化日期计');
  });

  it('reads a death by the earliest of its dates: a 火化日期 or 注销日期 before the 死亡日期 says it is miswritten', async () => {
    // The reviewer's rows: a death typed a year late (2027-09-28, cremated 2026-09-30), and one dated the day after a
    // cremation in P (2026-11-01, cremated 2026-10-03). Until 2026-12-06 each was read by its 死亡日期 alone, after P:
    // no finding at all. And a 注销日期 of a month (2026年9月) and a time in words (10时30分) refused their rows.
    const deaths = [
      '姓名,公民身份号码,死亡日期,火化日期,注销日期,注销原因,来源',
      `张大山,${PEOPLE.zhang},2027-09-28,2026-09-30,,,殡葬火化`,
      `王小明,${PEOPLE.wang},2026-11-01,2026-10-03,,,殡葬火化`,
      `李秀英,${PEOPLE.li},2026年8月20日10时30分,,,,卫健死亡医学证明`,
      `赵老汉,${ZHAO},,,2026年9月,死亡,公安户籍注销`,
    ].join('\n') + '\n';
    const payments = ['家庭编号,所属期,发放金额', 'H001,2026-09,1400', 'H001,2026-10,1400', 'H002,2026-09,700', 'H002,2026-10,700'].join('\n') + '\n';
    const { findings, summary } = await scanInput({
      '低保花名册.csv': rollCsv([`张庄镇,南村,H003,赵老汉,${ZHAO},户主,农村特困,900,在保`]),
      '死亡人员名单.csv': deaths,
      '低保发放明细.csv': payments,
    });

    const finding = (name: string) => findings.find((row) => row('check_id') === 'deceased.recipient' && row('name') === name);
    expect(finding('张大山')?.('evidence')).toContain('火化日期 2026-09-30（死亡日期 2027-09-28 晚于火化日期 2026-09-30，按火化日期计，需核实），来源 殡葬火化');
    expect(finding('张大山')?.('overpayment_yuan')).toBe('700.00');
    expect(finding('王小明')?.('evidence')).toContain('火化日期 2026-10-03（死亡日期 2026-11-01 晚于火化日期 2026-10-03，按火化日期计，需核实）');
    expect(finding('王小明')?.('overpayment_yuan')).toBe('0.00');
    expect(finding('李秀英')?.('evidence')).toContain('死亡日期 2026-08-20，来源 卫健死亡医学证明');
    expect(finding('赵老汉')?.('evidence')).toContain('注销日期 2026-09（只写年月，按该月末日计；未写死亡日期，按注销日期计，死亡在此月或之前）');
    expect(summary.datasets.deaths).toMatchObject({ rows_read: 4, rows_used: 4, rows_rejected: 0 });
  });

  it('reads a cancellation list without 死亡日期 by its 注销日期, with a warning of what that costs', async () => {
    const cancelled = await workbookOf('注销', [
      ['姓名', '公民身份号码', '注销日期', '注销原因'],
      ['李秀英', PEOPLE.li, '2026-09-28', '死亡'],
    ]);
    const { findings, summary } = await scanInput({ '低保花名册.csv': rollCsv(), '公安户籍注销人员.xlsx': cancelled });

    const deaths = findings.filter((finding) => finding('check_id') === 'deceased.recipient');
    expect(deaths.map((finding) => finding('name'))).toEqual(['李秀英']);
    expect(deaths[0]!('evidence')).toContain('注销日期 2026-09-28（未写死亡日期，按注销日期计，死亡在此日或之前）');
    expect(summary.warnings).toEqual(expect.arrayContaining([
      {
        file: '公安户籍注销人员.xlsx',
        message: '工作表「注销」没有「死亡日期」列：死亡日期按「注销日期」读取；注销户籍多在死亡之后，死亡次月起的多发金额可能少算，'
          + '本期死亡而本期之后才注销户籍的也查不到，请向公安或殡葬部门索取带死亡日期的名单',
      },
    ]));
  });

  it('reads a 死亡日期 that gives only the month (2026年8月) as that month\'s last day: enough to stop payment from the next', async () => {
    const deaths = ['姓名,身份证号码,死亡日期', `张大山,${PEOPLE.zhang},2026年8月`, `王小明,${PEOPLE.wang},2026.11`].join('\n') + '\n';
    const payments = ['家庭编号,发放月份,发放金额', ...['2026-08', '2026-09', '2026-10'].map((month) => `H001,${month},1400`)].join('\n') + '\n';
    const { findings, summary } = await scanInput({ '低保花名册.csv': rollCsv(), '村报死亡人员.csv': deaths, '低保发放明细.csv': payments });

    const deceased = findings.filter((finding) => finding('check_id') === 'deceased.recipient');
    // Before, such a row was refused as an unreadable date: the dead man stayed on the roll with a data-quality finding.
    expect(deceased.map((finding) => finding('name'))).toEqual(['张大山']);
    expect(deceased[0]!('evidence')).toContain('死亡月份 2026-08-31（死亡日期「2026年8月」只写到月，按该月末日计）');
    expect(deceased[0]!('evidence')).toContain('死亡次月起仍发放 2 个月（2026-09 至 2026-10），按每月实发金额 ÷ 在保 2 人估算多发 1400.00 元');
    // 王小明's death falls after the period: read, and no finding for October.
    expect(summary.datasets.deaths).toMatchObject({ rows_read: 2, rows_used: 2, rows_rejected: 0 });
  });

  it('reads a 火化日期 or 注销日期 of 2026.1 as every month column does: January where its column writes 2025.10, else refused naming why', async () => {
    // Until 2026-12-06 these columns refused every 2026.1: 张大山's row (its column writes 2025.10, so January) was
    // refused, and he was not found; 李秀英's Excel number cell was refused without a word of why.
    const cremations = ['姓名,身份证号码,死亡日期,火化日期', `张大山,${PEOPLE.zhang},,2026.1`, `赵老汉,${ZHAO},,2025.10`].join('\n') + '\n';
    const cancellations = await workbookOf('注销', [['姓名', '身份证号码', '死亡日期', '注销日期'], ['李秀英', PEOPLE.li, null, 2026.1]]);
    const payments = ['家庭编号,发放月份,发放金额', ...['2026-08', '2026-09', '2026-10'].map((month) => `H001,${month},1400`)].join('\n') + '\n';
    const { findings, summary } = await scanInput({
      '低保花名册.csv': rollCsv([`张庄镇,南村,H003,赵老汉,${ZHAO},户主,农村特困,900,在保`]),
      '殡葬火化人员.csv': cremations, '公安注销户籍.xlsx': cancellations, '低保发放明细.csv': payments,
    });

    const deceased = findings.filter((finding) => finding('check_id') === 'deceased.recipient');
    expect(deceased.map((finding) => finding('name')).sort()).toEqual(['张大山', '赵老汉']);
    expect(deceased.find((finding) => finding('name') === '张大山')!('evidence')).toContain('火化日期 2026-01（只写年月，按该月末日计；未写死亡日期，按火化日期计');
    expect(summary.datasets.deaths).toMatchObject({ rows_read: 3, rows_used: 2, rows_rejected: 1 });
    const refused = findings.filter((finding) => finding('check_id') === 'data_quality.bad-row').map((finding) => finding('evidence'));
    expect(refused).toEqual([expect.stringContaining('注销日期无法识别：2026.1（Excel 数字单元格：输入 2026.10 也存成 2026.1，无法判断是 2026年1月 还是 2026年10月')]);
  });
});
