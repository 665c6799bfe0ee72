// 司法 lists write a sentence as they keep it: the whole sentence in one cell (刑期起止 2021.03.05-2028.03.04) and, where
// there is no end date, a word for why (无期徒刑, 死缓, 待定 for a detainee not yet sentenced). A list with 刑期起止 and no
// 入监日期 was refused whole (exit 2), and a 刑满日期 of 无期徒刑 refused the row: the lifer stayed on the roll, paid.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { scanInput, workbookOf } from '../support/scan-input.ts';
import { PEOPLE, rollCsv, validId } from '../support/small-township.ts';

const ZHAO = validId('370481', '19700509', '446');
const SUN = validId('370481', '19750812', '557');

describe('prison sentences as 司法 lists write them', () => {
  it('reads a sentence in one cell and a 刑满日期 that is no date because there is none', async () => {
    const sentenced = await workbookOf('服刑人员', [
      ['2026年10月服刑人员名单'],
      ['序号', '姓名', '身份证号码', '罪名', '刑期', '刑期起止', '服刑场所'],
      [1, '张大山', PEOPLE.zhang, '盗窃罪', '有期徒刑7年', '2021.03.05-2028.03.04', '省第一监狱'],
      [2, '王小明', PEOPLE.wang, '诈骗罪', '有期徒刑6年8个月', '2020.01.02-2026.08.31', '省第三监狱'],
    ]);
    const detained = iconv.encode(`姓名,身份证号,羁押日期,刑满日期,羁押场所\n李秀英,${PEOPLE.li},2026-09-20,待定,县看守所\n`, 'gbk');
    const { findings, summary } = await scanInput({
      '低保花名册.csv': rollCsv(),
      '服刑人员名单.xlsx': sentenced,
      '看守所在押人员.csv': detained,
    });

    const imprisoned = findings.filter((finding) => finding('check_id') === 'imprisoned.recipient');
    const evidenceOf = (name: string) => imprisoned.find((finding) => finding('name') === name)?.('evidence');
    expect(imprisoned.map((finding) => finding('name')).sort()).toEqual(['张大山', '李秀英'].sort());
    expect(evidenceOf('张大山')).toContain('羁押/入监日期 2021-03-05，刑期止日 2028-03-04，监所 省第一监狱（服刑人员名单.xlsx 工作表「服刑人员」 第3行）');
    expect(evidenceOf('李秀英')).toContain('羁押/入监日期 2026-09-20，刑期止日 待定（无刑满日期，仍在押），监所 县看守所（看守所在押人员.csv 第2行）');
    // 王小明 was released on 2026-08-31: read, not found, and no row refused.
    expect(findings.filter((finding) => finding('check_id') === 'data_quality.bad-row')).toEqual([]);
    expect(summary.datasets.prisoners).toMatchObject({ rows_read: 3, rows_used: 3, rows_rejected: 0 });
  });

  it('reads a prison\'s list that dates the sentence\'s start (刑期起日) and the admission (入监日期) both by the first', async () => {
    const prison = await workbookOf('在押人员', [
      ['姓名', '身份证号码', '罪名', '刑期', '刑期起日', '刑期止日', '入监日期', '执行方式'],
      // Detained in September, in prison only from November: held during October all the same.
      ['王小明', PEOPLE.wang, '诈骗罪', '有期徒刑2年', '2026-09-20', '2028-09-19', '2026-11-10', '监内服刑'],
    ]);
    const { findings, summary } = await scanInput({ '低保花名册.csv': rollCsv(), '服刑人员名单.xlsx': prison });
    const imprisoned = findings.filter((finding) => finding('check_id') === 'imprisoned.recipient');
    expect(imprisoned.map((finding) => finding('name'))).toEqual(['王小明']);
    expect(imprisoned[0]!('evidence')).toContain('羁押/入监日期 2026-09-20，刑期止日 2028-09-19');
    expect(summary.warnings).toEqual(expect.arrayContaining([
      { file: '服刑人员名单.xlsx', message: '工作表「在押人员」列「入监日期」未读取：本表另有「刑期起日」，羁押/入监日期按「刑期起日」读取' },
    ]));
  });

  it('reads the day he left (释放日期) before the 刑满日期, and the 刑满日期 where no 释放日期 is written', async () => {
    // Both columns once stopped the scan as a duplicated header (exit 2).
    const released = await workbookOf('名单', [
      ['姓名', '身份证号码', '入监日期', '刑满日期', '释放日期', '监所'],
      ['张大山', PEOPLE.zhang, '2023-03-05', '2028-03-04', '2026-06-30', '省第一监狱'], // 假释: home before October
      ['李秀英', PEOPLE.li, '2024-09-01', '2026-08-31', '未释放', '省女子监狱'],
      ['王小明', PEOPLE.wang, '2025-05-02', '2027-05-01', '', '省第三监狱'],
      ['赵小虎', ZHAO, '2024-01-02', '2029-01-01', '2026-10-15', '省第一监狱'], // 减刑: held half of October
      ['孙二强', SUN, '2024-01-02', '2029-01-01', '不详', '省第一监狱'],
    ]);
    const { findings, summary } = await scanInput({
      '低保花名册.csv': rollCsv([`张庄镇,南村,H003,赵小虎,${ZHAO},户主,农村低保,700,在保`, `张庄镇,南村,H004,孙二强,${SUN},户主,农村低保,700,在保`]),
      '服刑人员名单.xlsx': released,
    });

    const evidenceOf = (name: string) => findings.find((finding) => finding('check_id') === 'imprisoned.recipient' && finding('name') === name)?.('evidence');
    expect(evidenceOf('张大山')).toBeUndefined();
    expect(evidenceOf('李秀英')).toContain('羁押/入监日期 2024-09-01，释放日期 未释放，仍在押（刑期止日 2026-08-31），监所 省女子监狱');
    expect(evidenceOf('王小明')).toContain('羁押/入监日期 2025-05-02，刑期止日 2027-05-01，监所 省第三监狱');
    expect(evidenceOf('赵小虎')).toContain('羁押/入监日期 2024-01-02，释放日期 2026-10-15（刑期止日 2029-01-01），监所 省第一监狱');
    // Whether he was released is unknown: refused and listed, not read by the 刑满日期.
    expect(evidenceOf('孙二强')).toBeUndefined();
    const refused = findings.filter((finding) => finding('check_id') === 'data_quality.bad-row').map((finding) => finding('evidence'));
    expect(refused).toEqual([expect.stringMatching(/第6行.*释放日期无法识别：不详/)]);
    expect(summary.datasets.prisoners).toMatchObject({ rows_read: 5, rows_used: 4, rows_rejected: 1 });
    expect(summary.warnings.filter((warning: { file: string }) => warning.file === '服刑人员名单.xlsx')).toEqual([]);
  });
  // data-contract.md accepts months as dates; until 2026-12-05 a 入监日期 or 刑满日期 given as a month refused the row, and
  // a man held in P was not found.
  it('reads a sentence dated by months: a start its first day, an end or a 释放日期 its last; the evidence shows the month as written', async () => {
    const monthly = [
      '姓名,身份证号码,入监日期,刑满日期,释放日期,执行方式',
      `张大山,${PEOPLE.zhang},2025年3月,2028年3月,,监内服刑`,
      `王小明,${PEOPLE.wang},2025-05-02,2026年9月,,监内服刑`, // home in September: not held in October
      `李秀英,${PEOPLE.li},2026-09-20,2027-09-19,2026.10,监内服刑`, // released some day in October
      `赵小虎,${ZHAO},202401,202901,202610,假释`, // paroled in October: inside until then
    ].join('\n');
    const { findings, summary } = await scanInput({
      '低保花名册.csv': rollCsv([`张庄镇,南村,H003,赵小虎,${ZHAO},户主,农村低保,700,在保`]),
      '服刑人员名单.csv': `${monthly}\n`,
    });
    const evidenceOf = (name: string) => findings.find((finding) => finding('check_id') === 'imprisoned.recipient' && finding('name') === name)?.('evidence');
    expect(evidenceOf('张大山')).toContain('羁押/入监日期 2025-03（只写年月），刑期止日 2028-03（只写年月）');
    expect(evidenceOf('王小明')).toBeUndefined();
    expect(evidenceOf('李秀英')).toContain('羁押/入监日期 2026-09-20，释放日期 2026-10（只写年月）（刑期止日 2027-09-19）');
    expect(evidenceOf('赵小虎')).toContain('羁押/入监日期 2024-01（只写年月），释放日期 2026-10（只写年月）（刑期止日 2029-01（只写年月）），执行方式 假释');
    expect(findings.filter((finding) => finding('check_id') === 'data_quality.bad-row')).toEqual([]);
    expect(summary.datasets.prisoners).toMatchObject({ rows_read: 4, rows_used: 4, rows_rejected: 0 });
  });

  // Until 2026-12-06 a row whose start was after its end was read as overlapping no period: neither found nor refused.
  it('refuses a row whose start is after its end as read (the 释放日期 where given), naming both as written; a start on the end\'s day or in its month is read', async () => {
    const contradictory = await workbookOf('名单', [
      ['姓名', '身份证号码', '入监日期', '刑满日期', '释放日期', '监所'],
      // Excel date cells, as a prison's export writes them.
      ['张大山', PEOPLE.zhang, new Date(Date.UTC(2026, 9, 5)), new Date(Date.UTC(2026, 8, 1)), null, '省第一监狱'],
      ['王小明', PEOPLE.wang, '2026-10-05', '2028-10-04', '2026-10-04', '县看守所'],
      // Held one day (the 刑满日期 beside the 释放日期 is not read), and from a day of the month the 刑满日期 gives.
      ['李秀英', PEOPLE.li, '2026-10-20', '2026-09-01', '2026-10-20', '县看守所'],
      ['赵小虎', ZHAO, '2026-10-12', '2026年10月', null, '县看守所'],
    ]);
    const { findings, summary } = await scanInput({
      '低保花名册.csv': rollCsv([`张庄镇,南村,H003,赵小虎,${ZHAO},户主,农村低保,700,在保`]),
      '服刑人员名单.xlsx': contradictory,
    });
    const imprisoned = findings.filter((finding) => finding('check_id') === 'imprisoned.recipient');
    expect(imprisoned.map((finding) => finding('name')).sort()).toEqual(['李秀英', '赵小虎'].sort());
    const refused = findings.filter((finding) => finding('check_id') === 'data_quality.bad-row');
    expect(refused.map((finding) => [finding('name'), finding('village')])).toEqual([['张大山', '东村'], ['王小明', '西村']]);
    expect(refused.map((finding) => finding('evidence'))).toEqual([
      expect.stringContaining('第2行 已拒收：羁押/入监日期 2026-10-05 晚于刑期止日 2026-09-01，无法判断服刑期间，请核实'),
      expect.stringContaining('第3行 已拒收：羁押/入监日期 2026-10-05 晚于释放日期 2026-10-04，无法判断服刑期间，请核实'),
    ]);
    expect(summary.datasets.prisoners).toMatchObject({ rows_read: 4, rows_used: 2, rows_rejected: 2 });
  });

  it('reads a 刑满时间 or 刑期终止日期 as the 刑期止日, and a 出狱日期 or 释放时间 as the 释放日期', async () => {
    const prison = [
      '姓名,身份证号码,刑期起日,刑满时间,出狱日期',
      `张大山,${PEOPLE.zhang},2023-03-05,2028-03-04,2026-06-30`, // 假释: home before October
      `王小明,${PEOPLE.wang},2025-05-02,2026-08-31,`, // 刑满 in August
      `李秀英,${PEOPLE.li},2024-09-01,2027-08-31,2026-10-15`, // 减刑: held half of October
    ].join('\n');
    const detention = `姓名,身份证号码,羁押日期,刑期终止日期,释放时间\n赵小虎,${ZHAO},2026-03-02,2026-12-01,2026-09-30\n孙二强,${SUN},2026-03-02,2026-09-30,\n`;
    const { findings, summary } = await scanInput({
      '低保花名册.csv': rollCsv([`张庄镇,南村,H003,赵小虎,${ZHAO},户主,农村低保,700,在保`, `张庄镇,南村,H004,孙二强,${SUN},户主,农村低保,700,在保`]),
      '服刑人员名单.csv': `${prison}\n`,
      '看守所羁押人员.csv': detention,
    });
    const imprisoned = findings.filter((finding) => finding('check_id') === 'imprisoned.recipient');
    expect(imprisoned.map((finding) => finding('name'))).toEqual(['李秀英']);
    expect(imprisoned[0]!('evidence')).toContain('羁押/入监日期 2024-09-01，释放日期 2026-10-15（刑期止日 2027-08-31）');
    expect(summary.datasets.prisoners).toMatchObject({ rows_read: 5, rows_used: 5, rows_rejected: 0 });
  });

  // Read as still serving (no end date), such a row made a false high imprisoned finding for a man released years ago.
  it('refuses a row whose 执行方式 says he was released but gives no 释放日期 or 刑期止日, as a bad row naming what is missing', async () => {
    const released = `姓名,身份证号码,入监日期,刑满日期,执行方式\n张大山,${PEOPLE.zhang},2019-03-05,,刑满释放\n王小明,${PEOPLE.wang},2025-05-02,,待释放\n`;
    const { findings, summary } = await scanInput({ '低保花名册.csv': rollCsv(), '服刑人员名单.csv': released });
    const imprisoned = findings.filter((finding) => finding('check_id') === 'imprisoned.recipient');
    expect(imprisoned.map((finding) => finding('name'))).toEqual(['王小明']);
    const refused = findings.filter((finding) => finding('check_id') === 'data_quality.bad-row').map((finding) => finding('evidence'));
    expect(refused).toEqual([expect.stringContaining('第2行 已拒收：执行方式为「刑满释放」，但没有释放日期或刑期止日，无法判断本期是否仍在监所服刑')]);
    expect(summary.datasets.prisoners).toMatchObject({ rows_read: 2, rows_used: 1, rows_rejected: 1 });
  });
});
