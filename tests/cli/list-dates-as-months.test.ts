// A month where a deposits list's 截止日期, a 车管 list's 注销日期 or a 不动产 list's 登记日期 is written (2026年9月, 202609,
// 2026年10月, 2018年5月), as data-contract.md allows every list's dates: read as other lists' months are (a 截止日期 or a
// deregistration its last day, a 登记日期 its first). Until 2026-12-08 each refused its row: a household over its
// deposit limit, a car deregistered in P and a second home went unfound. A 2026.1 in an Excel number cell is refused
// naming why, as in every month column (doubtful-months.ts); a full date is read as before. Real XLSX and GBK CSV files.
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { scanInput, workbookOf } from '../support/scan-input.ts';
import { PEOPLE, rollCsv, validId } from '../support/small-township.ts';

const CONFIG = { standards: { default: { urban: 900, rural: 700 } } };
const ZHAO = validId('370481', '19450509', '446');
/** Days from Excel's 1899-12-30 to 2015-07-01: a date cell left without a date format. */
const JULY_2015_SERIAL = 42186;

const DEPOSITS = iconv.encode([
  '姓名,证件号码,金融机构名称,金融资产,截止日期',
  // 王小明 (H002, alone: limit 24 × 700 = 16800) holds 20000 in two banks, each row dated by its month.
  `王小明,${PEOPLE.wang},中国银行,10000,2026年9月`,
  `王小明,${PEOPLE.wang},中国农业银行,10000,202609`,
  // A full date, read as before: 张大山's household (two: limit 33600) holds 40000.
  `张大山,${PEOPLE.zhang},中国银行,40000,2026-09-30`,
].join('\r\n') + '\r\n', 'gbk');

const VEHICLES = () => workbookOf('车辆', [
  ['身份证号码', '所有人', '号牌号码', '车辆类型', '状态', '注销日期'],
  // Deregistered in P's month: held in P, counted.
  [PEOPLE.wang, '王小明', '鲁Q10001', '小型轿车', '注销', '2026年10月'],
  [ZHAO, '赵老汉', '鲁Q10002', '小型轿车', '注销', '2026.10'],
  // Deregistered in September's month, and on a full date before P: not held in P.
  [PEOPLE.li, '李秀英', '鲁Q10003', '小型轿车', '注销', '2026年9月'],
  [PEOPLE.li, '李秀英', '鲁Q10004', '小型轿车', '注销', '2026-09-15'],
  // 2026.10 typed into a number cell, kept as 2026.1: January or October cannot be told, and the row is refused.
  [PEOPLE.zhang, '张大山', '鲁Q10005', '小型轿车', '注销', 2026.1],
]);

const PROPERTIES = () => workbookOf('不动产', [
  ['权利人', '权利人证件号码', '坐落', '房屋用途', '建筑面积', '登记日期'],
  ['王小明', PEOPLE.wang, '张庄镇西村1号', '住宅', 90, '2018年5月'],
  ['王小明', PEOPLE.wang, '张庄镇西村2号', '住宅', 80, '2020-03-01'],
]);

const PAYROLL = () => workbookOf('工资表', [
  ['序号', '单位名称', '姓名', '身份证号码', '人员类别', '应发工资（元）', '人员状态', '入职日期'],
  [1, '县水利局', '李秀英', PEOPLE.li, '事业编制', 4800, '在职', JULY_2015_SERIAL],
]);

describe('a month in a deposits, vehicles or properties list\'s date', () => {
  let scan: Awaited<ReturnType<typeof scanInput>>;
  const evidenceOf = (check: string) => scan.findings.filter((finding) => finding('check_id') === check)
    .map((finding) => [finding('household_id'), finding('evidence')] as const);

  beforeAll(async () => {
    scan = await scanInput({
      '低保花名册.csv': rollCsv([`张庄镇,南村,H003,赵老汉,${ZHAO},户主,农村特困,900,在保`]),
      '金融资产核对反馈.csv': DEPOSITS,
      '机动车登记信息.xlsx': await VEHICLES(),
      '不动产登记信息.xlsx': await PROPERTIES(),
      '财政供养人员名单.xlsx': await PAYROLL(),
    }, CONFIG);
  }, 180_000);

  it('reads a 截止日期 month as its last day: the household over its limit is found; a full date as before', () => {
    expect(scan.summary.datasets.deposits).toMatchObject({ rows_read: 3, rows_used: 3, rows_rejected: 0 });
    const deposits = evidenceOf('over_asset.deposits');
    expect(deposits.map(([household]) => household).sort()).toEqual(['H001', 'H002']);
    const wang = deposits.find(([household]) => household === 'H002')![1];
    expect(wang).toContain('家庭成员金融资产合计 20000.00 元，超过 24 个月 × 农村低保标准 700.00 元/月 × 1 人 = 16800.00 元');
    expect(wang).toContain('中国银行 余额 10000.00 元，截至 2026-09-30');
    expect(wang).toContain('中国农业银行 余额 10000.00 元，截至 2026-09-30');
    expect(deposits.find(([household]) => household === 'H001')![1]).toContain('中国银行 余额 40000.00 元，截至 2026-09-30');
  });

  it('reads a 注销日期 month as its last day: a car deregistered in P is counted, one in an earlier month or on a date before P is not', () => {
    expect(scan.summary.datasets.vehicles).toMatchObject({ rows_read: 5, rows_used: 4, rows_rejected: 1 });
    expect(evidenceOf('over_asset.vehicle').map(([household, evidence]) => [household, evidence.replace(/，来源.*/, '')]).sort()).toEqual([
      ['H002', '计入的机动车 1 辆：王小明：小型轿车 鲁Q10001，状态 注销，注销日期 2026-10-31（不早于本期首日，仍计入）'],
      ['H003', '计入的机动车 1 辆：赵老汉：小型轿车 鲁Q10002，状态 注销，注销日期 2026-10-31（不早于本期首日，仍计入）'],
    ]);
  });

  it('refuses a 注销日期 of 2026.1 in an Excel number cell naming why, as every month column does', () => {
    expect(scan.findings.filter((finding) => finding('check_id') === 'data_quality.bad-row').map((finding) => finding('evidence'))).toEqual([
      expect.stringContaining('注销日期无法识别：2026.1（Excel 数字单元格：输入 2026.10 也存成 2026.1，无法判断是 2026年1月 还是 2026年10月'),
    ]);
  });

  it('reads a 登记日期 month: the household\'s two homes are found', () => {
    expect(scan.summary.datasets.properties).toMatchObject({ rows_read: 2, rows_used: 2, rows_rejected: 0 });
    expect(evidenceOf('over_asset.property').map(([household, evidence]) => [household, evidence.replace(/：.*/, '')])).toEqual([
      ['H002', '住宅 2 套（上限 1 套）'],
    ]);
  });

  it('shows a payroll date left as an Excel number as the date it is read as', () => {
    expect(evidenceOf('over_asset.payroll').map(([household, evidence]) => [household, evidence.replace(/，来源.*/, '')])).toEqual([
      ['H001', '财政供养人员：李秀英：供职单位 县水利局，月工资 4800.00 元，人员类别 事业编制，人员状态 在职，入职日期 2015-07-01'],
    ]);
  });
});
