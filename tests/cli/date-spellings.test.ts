// Dates as clerks and systems really write them: 2026年8月15号 (号 as a day is spoken), 2026/8/15 上午 12:00:00 (a zh-CN
// .NET export), 2026.08.15. (a closing full stop), 2026—8—15 (em dashes), 2026-08-15 星期六 (Excel's long date),
// 二〇二六年八月十五日 (a 司法 or 卫健 document). Until 2026-12-06 each refused its row: a death so dated was a
// data_quality.bad-row and no deceased.recipient, the payments after it not counted. 26.8.15 (1926 or 2026, and which
// part is the day?) and a weekday that is not the date's own are refused still, naming the cell.
import { describe, expect, it } from 'vitest';
import { scanInput } from '../support/scan-input.ts';
import { PEOPLE, rollCsv, validId } from '../support/small-township.ts';

const OTHERS = ['446', '557', '668', '779', '880', '991'].map((sequence, i) => validId('370481', `1950010${i + 1}`, sequence));
const NAMES = ['赵一', '钱二', '孙三', '周四', '吴五', '郑六'];

describe('dates as they are written', () => {
  it('reads a death dated with 号, 上午, a closing full stop, em dashes, a weekday or Chinese numerals, and refuses 26.8.15', async () => {
    const spellings: [string, string][] = [
      [PEOPLE.zhang, '2026年8月15号'],
      [PEOPLE.li, '2026/8/15 上午 12:00:00'],
      [PEOPLE.wang, '2026.08.15.'],
      [OTHERS[0]!, '2026—8—15'],
      [OTHERS[1]!, '2026-08-15 星期六'],
      [OTHERS[2]!, '二〇二六年八月十五日'],
      [OTHERS[3]!, '2026/8/31 下午 11:59:59'],
      // Refused: a two-digit year, and a weekday that is not 2026-08-15's (a Saturday).
      [OTHERS[4]!, '26.8.15'],
      [OTHERS[5]!, '2026-08-15 星期五'],
    ];
    const extraRows = OTHERS.map((id, i) => `张庄镇,南村,H10${i},${NAMES[i]},${id},户主,农村低保,600,在保`);
    const deaths = ['姓名,身份证号码,死亡日期', ...spellings.map(([id, date]) => `,${id},${date}`)].join('\n') + '\n';
    const payments = ['家庭编号,发放月份,发放金额', 'H002,2026-09,700', 'H002,2026-10,700', 'H100,2026-09,600', 'H100,2026-10,600'].join('\n') + '\n';
    const { findings, summary } = await scanInput({
      '低保花名册.csv': rollCsv(extraRows),
      '死亡人员名单.csv': deaths,
      '低保发放明细.csv': payments,
    });

    const deceased = findings.filter((finding) => finding('check_id') === 'deceased.recipient');
    const dateOf = (id: string) => deceased.find((finding) => finding('id_number') === id)?.('evidence')?.match(/死亡日期 (\S+?)，/)?.[1];
    expect(Object.fromEntries(spellings.map(([id, written]) => [written, dateOf(id)]))).toEqual({
      '2026年8月15号': '2026-08-15',
      '2026/8/15 上午 12:00:00': '2026-08-15',
      '2026.08.15.': '2026-08-15',
      '2026—8—15': '2026-08-15',
      '2026-08-15 星期六': '2026-08-15',
      '二〇二六年八月十五日': '2026-08-15',
      '2026/8/31 下午 11:59:59': '2026-08-31',
      '26.8.15': undefined,
      '2026-08-15 星期五': undefined,
    });
    // The payments after the death are counted: 王小明's (H002, dated 2026.08.15.) and 赵一's (H100, dated 2026—8—15).
    const overpaid = (id: string) => deceased.find((finding) => finding('id_number') === id)?.('overpayment_yuan');
    expect(overpaid(PEOPLE.wang)).toBe('1400.00');
    expect(overpaid(OTHERS[0]!)).toBe('1200.00');
    expect(summary.datasets.deaths).toMatchObject({ rows_read: 9, rows_used: 7, rows_rejected: 2 });
    const refused = findings.filter((finding) => finding('check_id') === 'data_quality.bad-row').map((finding) => finding('evidence'));
    expect(refused.sort()).toEqual([
      expect.stringMatching(/死亡人员名单\.csv 第10行 已拒收：死亡日期无法识别：2026-08-15 星期五/),
      expect.stringMatching(/死亡人员名单\.csv 第9行 已拒收：死亡日期无法识别：26\.8\.15/),
    ]);
  });

  it('reads a sentence dated in Chinese numerals, with em dashes or with 号', async () => {
    const prisoners = [
      '姓名,身份证号码,入监日期,刑满日期,监所',
      `张大山,${PEOPLE.zhang},二〇二一年三月五日,2028—03—04,省第一监狱`,
      `李秀英,${PEOPLE.li},2026年9月20号,二〇二七年九月十九日,县看守所`,
      // Released in August: read, and not found.
      `王小明,${PEOPLE.wang},2024.05.02.,2026年8月31日 星期一,省第三监狱`,
    ].join('\n') + '\n';
    const { findings, summary } = await scanInput({ '低保花名册.csv': rollCsv(), '服刑人员名单.csv': prisoners });

    const evidenceOf = (name: string) => findings.find((finding) => finding('check_id') === 'imprisoned.recipient' && finding('name') === name)?.('evidence');
    expect(evidenceOf('张大山')).toContain('羁押/入监日期 2021-03-05，刑期止日 2028-03-04');
    expect(evidenceOf('李秀英')).toContain('羁押/入监日期 2026-09-20，刑期止日 2027-09-19');
    expect(evidenceOf('王小明')).toBeUndefined();
    expect(summary.datasets.prisoners).toMatchObject({ rows_read: 3, rows_used: 3, rows_rejected: 0 });
  });
});
