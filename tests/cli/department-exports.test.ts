// Departments' exports give two columns for one thing: 车管 号牌种类 (02 小型汽车) beside 车辆类型 (K33 小型轿车), a 市场主体
// list 注销日期 beside 吊销日期, and 车管 names the owner 机动车所有人 and his ID 身份证明号码. Each such file stopped the scan
// as a duplicated header (exit 2), or as missing its ID column. The finer or the registry's own column is read and the
// other named unread in a warning; a 吊销日期 is read where the 注销日期 is empty (a licence revoked, never cancelled).
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { scanInput, workbookOf } from '../support/scan-input.ts';
import { PEOPLE, rollCsv } from '../support/small-township.ts';

/** The summary's warnings about one input file. */
const warningsOf = (summary: { warnings: { file: string }[] }, file: string) => summary.warnings.filter((warning) => warning.file === file);

describe('department exports that give two columns for one', () => {
  it('reads a 车管 export by its own field names and a 市场主体 list with both closing dates, the 吊销日期 where no 注销日期 is written', async () => {
    const vehicles = iconv.encode([
      '号牌种类,号牌号码,车辆品牌,车辆类型,机动车所有人,身份证明名称,身份证明号码,注册登记日期,机动车状态',
      `02,鲁Q12345,大众,K33,张大山,居民身份证,${PEOPLE.zhang},2019-05-20,A`,
      `07,鲁Q6789X,五羊,M21,王小明,居民身份证,${PEOPLE.wang},2020-03-02,A`,
    ].join('\n') + '\n', 'gbk');
    const businesses = await workbookOf('市场主体', [
      ['主体名称', '市场主体类型', '经营者', '经营者证件号码', '登记状态', '成立日期', '注销日期', '吊销日期'],
      ['王小明便利店', '个体工商户', '王小明', PEOPLE.wang, '存续', '2019-05-01', null, null],
      // Revoked during October and never cancelled: active part of the period, dated by its 吊销日期.
      ['张大山农资店', '个体工商户', '张大山', PEOPLE.zhang, '吊销', '2015-04-01', null, '2026-10-12'],
    ]);
    const { findings, summary } = await scanInput({
      '低保花名册.csv': rollCsv(),
      '机动车登记信息.csv': vehicles,
      '市场主体登记信息.xlsx': businesses,
    });

    const found = findings.map((finding) => [finding('check_id'), finding('name')]);
    // 王小明's motorcycle (M21) is exempt: only 张大山's car counts.
    expect(found).toEqual(expect.arrayContaining([['over_asset.vehicle', '张大山'], ['over_asset.business', '王小明'], ['over_asset.business', '张大山']]));
    const shopOf = (name: string) => findings.find((finding) => finding('check_id') === 'over_asset.business' && finding('name') === name)!('evidence');
    expect(shopOf('张大山')).toContain('张大山农资店（个体工商户），本人为经营者，登记状态 吊销，登记日期 2015-04-01，吊销日期 2026-10-12');
    expect(found.filter(([check]) => check === 'over_asset.vehicle')).toHaveLength(1);
    expect(summary.datasets.vehicles).toMatchObject({ rows_read: 2, rows_used: 2, rows_rejected: 0 });
    expect(summary.warnings).toEqual(expect.arrayContaining([
      { file: '机动车登记信息.csv', message: '列「号牌种类」未读取：本表另有「车辆类型」，车辆类型按「车辆类型」读取' },
    ]));
    expect(warningsOf(summary, '市场主体登记信息.xlsx')).toEqual([]);
  });

  it('reads a 注销时间 as the 注销日期 of a vehicle or a business: cancelled during the period, it still counts', async () => {
    const vehicles = [
      '号牌号码,车辆类型,机动车所有人,身份证明号码,机动车状态,注销时间',
      `鲁Q12345,K33,张大山,${PEOPLE.zhang},E,2026-10-20`,
      `鲁Q54321,K33,王小明,${PEOPLE.wang},E,2025-03-01`,
    ].join('\n') + '\n';
    const businesses = [
      '主体名称,经营者,经营者证件号码,登记状态,成立日期,注销时间',
      `张大山农资店,张大山,${PEOPLE.zhang},注销,2015-04-01,2026-10-15`,
      `王小明便利店,王小明,${PEOPLE.wang},注销,2015-04-01,2020-01-01`,
    ].join('\n') + '\n';
    const { findings, summary } = await scanInput({ '低保花名册.csv': rollCsv(), '机动车登记信息.csv': vehicles, '市场主体登记信息.csv': businesses });
    const found = findings.filter((finding) => String(finding('check_id')).startsWith('over_asset.')).map((finding) => [finding('check_id'), finding('name')]);
    // Before, the 注销时间 went unread: a 注销 without a date counted as cancelled long ago, and neither was found.
    expect(found).toEqual(expect.arrayContaining([['over_asset.vehicle', '张大山'], ['over_asset.business', '张大山']]));
    expect(found).toHaveLength(2);
    const evidence = (check: string) => findings.find((finding) => finding('check_id') === check)!('evidence');
    expect(evidence('over_asset.vehicle')).toContain('注销日期 2026-10-20（不早于本期首日，仍计入）');
    expect(summary.datasets.businesses).toMatchObject({ rows_read: 2, rows_used: 2, rows_rejected: 0 });
  });

  it('reads a 车管 export\'s 报废日期 where the 注销日期 is empty, and never its 强制报废期止 or 检验有效期止', async () => {
    const vehicles = [
      '号牌号码,车辆类型,机动车所有人,身份证明号码,注销日期,报废日期,强制报废期止,检验有效期止',
      // Scrapped in 2020: until 2026-12-03 the 报废日期 went unread and this car counted, a false high finding.
      `鲁Q12345,K33,张大山,${PEOPLE.zhang},,2020-05-01,2034-05-20,2021-05-31`,
      // Past its scrapping deadline and its inspection, never scrapped: still registered, still counted.
      `鲁Q54321,K33,王小明,${PEOPLE.wang},,,2019-01-01,2018-12-31`,
    ].join('\n') + '\n';
    const { findings, summary } = await scanInput({ '低保花名册.csv': rollCsv(), '机动车登记信息.csv': vehicles });
    const cars = findings.filter((finding) => finding('check_id') === 'over_asset.vehicle');
    expect(cars.map((finding) => finding('name'))).toEqual(['王小明']);
    expect(cars[0]!('evidence')).toContain('王小明：小型轿车（K33） 鲁Q54321，状态 未注明，来源');
    expect(summary.datasets.vehicles).toMatchObject({ rows_read: 2, rows_used: 2, rows_rejected: 0 });
    expect(warningsOf(summary, '机动车登记信息.csv')).toEqual([]);
  });

  it('tells staff when a 车管 export gives only deadlines (强制报废期止) and no 注销日期: a scrapped car is then known by its 状态 alone', async () => {
    const vehicles = [
      '号牌号码,车辆类型,机动车所有人,身份证明号码,机动车状态,强制报废期止',
      `鲁Q12345,K33,张大山,${PEOPLE.zhang},E,2034-05-20`,
      `鲁Q54321,K33,王小明,${PEOPLE.wang},A,2019-01-01`,
    ].join('\n') + '\n';
    const { findings, summary } = await scanInput({ '低保花名册.csv': rollCsv(), '机动车登记信息.csv': vehicles });
    // 张大山's car is 注销 (E) and undated: gone. 王小明's, past its deadline, is still 正常 (A): counted.
    expect(findings.filter((finding) => finding('check_id') === 'over_asset.vehicle').map((finding) => finding('name'))).toEqual(['王小明']);
    expect(summary.warnings).toContainEqual({
      file: '机动车登记信息.csv',
      message: expect.stringContaining('「强制报废期止」是应报废或检验的期限，不是注销或报废的日期，未读取；本表没有「注销日期」或「报废日期」列'),
    });
  });
});
