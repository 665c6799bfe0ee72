// The config's 低保 standards by county against the roll's 县区, through the real CLI and a real config file. Standards
// given by county only (no default) left the roll's other counties with nothing to compare, without a word (until
// 2026-12-02); and until 2026-12-06 a key was matched by its exact text: a roll saying 临沭 or 山东省临沂市临沭县 against
// the key 临沭县 silently took the default, a false high deposits finding where the county's standard is higher and a
// missed one where it is lower.
import { describe, expect, it } from 'vitest';
import { scanInput } from '../support/scan-input.ts';
import { PEOPLE, ROLL_HEADER, validId } from '../support/small-township.ts';

const roll = [
  `县区,${ROLL_HEADER}`,
  `甲县,张庄镇,东村,H001,张大山,${PEOPLE.zhang},户主,农村低保,1400,在保`,
  `甲县,张庄镇,东村,H001,李秀英,${PEOPLE.li},配偶,农村低保,1400,在保`,
  `乙县,李庄镇,西村,H002,王小明,${PEOPLE.wang},户主,城市低保,700,在保`,
].join('\n') + '\n';
const deposits = `姓名,证件号码,金融资产,截止日期\n王小明,${PEOPLE.wang},90000,2026-09-30\n`;
const standardsWarnings = (summary: { warnings: { file: string; message: string }[] }) =>
  summary.warnings.filter((warning) => warning.message.includes('standards.'));
const checkOf = (id: string) => (finding: (column: string) => string | undefined) => finding('check_id') === id;

describe('低保 standards that do not cover every county on the roll', () => {
  it('names the counties left without a standard and how many households each holds', async () => {
    const { findings, summary } = await scanInput({ '低保花名册.csv': roll, '金融资产核对反馈.csv': deposits }, { standards: { byCounty: { 甲县: { urban: 900, rural: 700 } } } });
    expect(standardsWarnings(summary)).toEqual([{ file: 'rollsweep.config.json', message: expect.stringContaining('没有标准可比：乙县 1 户；') }]);
    // 王小明's 90,000 yuan would be over any standard: unchecked, and now said so.
    expect(findings.filter(checkOf('over_asset.deposits'))).toEqual([]);
  });

  it('names the counties judged by the default where byCounty names others', async () => {
    const { findings, summary } = await scanInput({ '低保花名册.csv': roll, '金融资产核对反馈.csv': deposits }, {
      standards: { default: { urban: 900, rural: 700 }, byCounty: { 甲县: { urban: 900, rural: 700 } } },
    });
    expect(standardsWarnings(summary)).toEqual([{
      file: 'rollsweep.config.json',
      message: expect.stringContaining('不是 standards.byCounty 所列县区（甲县）中的任何一个，按默认低保标准（standards.default）核查：乙县 1 户；'),
    }]);
    expect(findings.filter(checkOf('over_asset.deposits')).map((finding) => finding('name'))).toEqual(['王小明']);
  });
});

// One person each, 农村低保.
const LINSHU = validId('371329', '19410101', '103');
const LINSHU_LONG = validId('371329', '19450203', '214');
const HEDONG = validId('371312', '19500304', '325');
const GULOU = validId('350102', '19520405', '436');
const rollOf = (rows: [county: string, household: string, name: string, id: string, monthly: string][]) =>
  [`县区,${ROLL_HEADER}`, ...rows.map(([county, household, name, id, monthly]) => `${county},店头镇,东村,${household},${name},${id},户主,农村低保,${monthly},在保`)].join('\n') + '\n';
const depositsOf = (rows: [name: string, id: string, balance: string][]) =>
  ['姓名,身份证号码,金融机构,余额,截止日期', ...rows.map(([name, id, balance]) => `${name},${id},农行,${balance},2026-09-30`)].join('\n') + '\n';

describe('a byCounty key and the roll\'s 县区 written differently', () => {
  it('takes 临沭县\'s standard for a roll saying 临沭 or 山东省临沂市临沭县, and says which keys and counties do not meet', async () => {
    const { findings, summary } = await scanInput({
      '低保花名册.csv': rollOf([
        ['临沭', 'K1', '临沭甲', LINSHU, '500'],
        ['山东省临沂市临沭县', 'K2', '临沭乙', LINSHU_LONG, '800'],
        ['河东区', 'K3', '河东丙', HEDONG, '500'],
      ]),
      '金融资产核对反馈.csv': depositsOf([['临沭甲', LINSHU, '18000'], ['河东丙', HEDONG, '18000']]),
    }, { standards: { default: { urban: 900, rural: 700 }, byCounty: { 临沭县: { urban: 1100, rural: 850 }, 兰山区: { urban: 1000, rural: 800 } } } });
    // 临沭甲: 18000 is under 24 × 850 = 20400 (the default's 16800 made it a high finding); 河东丙 is judged by the default.
    expect(findings.filter(checkOf('over_asset.deposits')).map((finding) => [finding('name'), finding('evidence')])).toEqual([
      ['河东丙', expect.stringContaining('× 农村低保标准 700.00 元/月 × 1 人 = 16800.00 元')],
    ]);
    // 临沭乙's 800 a month is within 临沭县's 850 (over the default's 700).
    expect(findings.filter(checkOf('data_quality.amount-over-standard'))).toEqual([]);
    expect(standardsWarnings(summary).map((warning) => warning.message)).toEqual([
      expect.stringContaining('不是 standards.byCounty 所列县区（临沭县、兰山区）中的任何一个，按默认低保标准（standards.default）核查：河东区 1 户；'),
      expect.stringContaining('standards.byCounty 中的县区「兰山区」与花名册中的县区都对不上，其低保标准未被使用（花名册中的县区：临沭、山东省临沂市临沭县、河东区）'),
    ]);
  });

  it('finds what a default above the county\'s own standard hid, and takes no standard where the 县区 fits two keys', async () => {
    const { findings, summary } = await scanInput({
      '低保花名册.csv': rollOf([['临沭', 'K1', '临沭甲', LINSHU, '500'], ['鼓楼区', 'K4', '鼓楼丁', GULOU, '500']]),
      '金融资产核对反馈.csv': depositsOf([['临沭甲', LINSHU, '15000'], ['鼓楼丁', GULOU, '20000']]),
    }, {
      standards: {
        default: { urban: 1100, rural: 900 },
        byCounty: { 临沭县: { urban: 800, rural: 600 }, 福州市鼓楼区: { urban: 800, rural: 600 }, 徐州市鼓楼区: { urban: 800, rural: 600 } },
      },
    });
    // 临沭甲: 15000 over 24 × 600 = 14400 (under the default's 21600: missed); 鼓楼丁 is judged by the default, 21600.
    expect(findings.filter(checkOf('over_asset.deposits')).map((finding) => [finding('name'), finding('evidence')])).toEqual([
      ['临沭甲', expect.stringContaining('× 农村低保标准 600.00 元/月 × 1 人 = 14400.00 元')],
    ]);
    expect(standardsWarnings(summary).map((warning) => warning.message)).toEqual([
      expect.stringContaining('按默认低保标准（standards.default）核查：鼓楼区 1 户；'),
      expect.stringContaining('花名册中的县区「鼓楼区」可对应 standards.byCounty 中的多个县区（福州市鼓楼区、徐州市鼓楼区），无法确定是哪一个'),
      expect.stringContaining('standards.byCounty 中的县区「福州市鼓楼区」、「徐州市鼓楼区」与花名册中的县区都对不上'),
    ]);
  });
});
