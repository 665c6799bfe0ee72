// Three ways a county's ordinary lists went wrong through the CLI until 2026-12-06:
// - a 信用社 named by its township (店头信用社) was taken for a county's own bank, so June's round at 临沭县农村信用合作联社
//   and September's at 店头信用社 of one account were summed: a false 家庭金融资产超标 (high), the kind that stops a benefit;
// - a roll giving both 城乡类别 and 户口性质 stopped the scan (表头重复, exit 2);
// - a 车管 list writing 证件类型 as A:居民身份证 set its unreadable IDs aside unseen (no data_quality.id-invalid finding).
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { scanInput, workbookOf } from '../support/scan-input.ts';
import { PEOPLE, rollCsv } from '../support/small-township.ts';

/** Each test runs a whole scan in a child process: slow on a loaded machine. */
const SCAN_TIMEOUT = 180_000;
const CONFIG = { standards: { default: { urban: 900, rural: 700 } } };
const ofCheck = (findings: ((name: string) => string | undefined)[], check: string) => findings.filter((f) => f('check_id') === check);

describe('a 信用社 named by its township (GBK CSV deposits, two 核对 rounds)', () => {
  it('is the county\'s bank the lists name: September\'s balance replaces June\'s', async () => {
    const feedback = (row: string) => iconv.encode(`姓名,证件号码,金融机构,余额,截止日期\r\n${row}\r\n`, 'gbk');
    // H001 (张大山, 李秀英; limit 24 × 700 × 2 = 33,600): 30,000 in each round, 60,000 if summed.
    const { findings, summary } = await scanInput({
      '低保花名册.csv': rollCsv(),
      '2026年6月金融资产核对反馈.csv': feedback(`张大山,${PEOPLE.zhang},临沭县农村信用合作联社,30000,2026-06-30`),
      '2026年9月金融资产核对反馈.csv': feedback(`张大山,${PEOPLE.zhang},店头信用社,30000,2026-09-30`),
    }, CONFIG);
    expect(ofCheck(findings, 'over_asset.deposits')).toEqual([]);
    expect(summary.warnings).toContainEqual(expect.objectContaining({
      file: '2026年6月金融资产核对反馈.csv', message: expect.stringContaining('有 1 条余额（截止 2026-06-30）已由同一金融机构'),
    }));
  }, SCAN_TIMEOUT);
});

describe('a roll giving both 城乡类别 and 户口性质 (xlsx)', () => {
  it('reads the 城乡类别, names the 户口性质 unread, and scans', async () => {
    const roll = await workbookOf('花名册', [
      ['乡镇', '村(社区)', '家庭编号', '姓名', '身份证号码', '与户主关系', '救助类别', '城乡类别', '户口性质', '月保障金', '保障状态'],
      ['张庄镇', '东村', 'H001', '张大山', PEOPLE.zhang, '户主', '低保', '农村', '农业', 1400, '在保'],
      ['张庄镇', '东村', 'H001', '李秀英', PEOPLE.li, '配偶', '低保', '农村', '农业', 1400, '在保'],
      // A 农村低保 family registered 非农业: its limit is the rural one (24 × 700 = 16,800), not the urban (21,600).
      ['张庄镇', '西村', 'H002', '王小明', PEOPLE.wang, '户主', '低保', '农村', '非农业', 700, '在保'],
    ]);
    const { findings, summary } = await scanInput({
      '低保花名册.xlsx': roll,
      '金融资产核对反馈.csv': `姓名,证件号码,金融机构,余额,截止日期\n王小明,${PEOPLE.wang},中国农业银行,18000,2026-09-30\n`,
    }, CONFIG);
    expect(summary.warnings).toContainEqual({ file: '低保花名册.xlsx', message: '工作表「花名册」列「户口性质」未读取：本表另有「城乡类别」，城乡类别按「城乡类别」读取' });
    const deposits = ofCheck(findings, 'over_asset.deposits');
    expect(deposits.map((f) => f('household_id'))).toEqual(['H002']);
    expect(deposits[0]!('evidence')).toContain('16800.00 元');
  }, SCAN_TIMEOUT);
});

describe('a 车管 list writing 证件类型 with a code (CSV)', () => {
  it('keeps rows of A:居民身份证 in scope: an unreadable ID is a data_quality.id-invalid finding', async () => {
    const { findings, summary } = await scanInput({
      '低保花名册.csv': rollCsv(),
      '机动车登记信息.csv': [
        '机动车所有人,号牌号码,车辆类型,身份证明名称,身份证明号码,机动车状态',
        `张大山,鲁Q00001,小型轿车,A:居民身份证,${PEOPLE.zhang},正常`,
        '赵六,鲁Q22222,小型轿车,A:居民身份证,3.71329E+17,正常',
        '钱七,鲁Q33333,小型轿车,身份证(18位),37132919700505005,正常',
        '某物流有限公司,鲁Q44444,重型半挂牵引车,B:统一社会信用代码,91371329MA3C5T8X2,正常',
      ].join('\n') + '\n',
    }, CONFIG);
    const invalid = ofCheck(findings, 'data_quality.id-invalid');
    expect(invalid.map((f) => f('source_line'))).toEqual(['3', '4']);
    // Only the company's row is out of scope, and the warning names its type alone.
    const outOfScope = summary.warnings.filter((w: { message: string }) => w.message.startsWith('证件类型不是居民身份证'));
    expect(outOfScope).toHaveLength(1);
    expect(outOfScope[0].message).toContain('B:统一社会信用代码');
    expect(outOfScope[0].message).not.toMatch(/A:居民身份证|身份证\(18位\)/);
  }, SCAN_TIMEOUT);
});
