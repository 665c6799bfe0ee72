// Standards given by county only (no default) leave the roll's other counties with nothing to compare: the deposits
// and amount-over-standard checks passed their households over without a word. The summary now names them.
import { describe, expect, it } from 'vitest';
import { scanInput } from '../support/scan-input.ts';
import { PEOPLE, ROLL_HEADER } from '../support/small-township.ts';

const roll = [
  `县区,${ROLL_HEADER}`,
  `甲县,张庄镇,东村,H001,张大山,${PEOPLE.zhang},户主,农村低保,1400,在保`,
  `甲县,张庄镇,东村,H001,李秀英,${PEOPLE.li},配偶,农村低保,1400,在保`,
  `乙县,李庄镇,西村,H002,王小明,${PEOPLE.wang},户主,城市低保,700,在保`,
].join('\n') + '\n';
const deposits = `姓名,证件号码,金融资产,截止日期\n王小明,${PEOPLE.wang},90000,2026-09-30\n`;
const warningOf = (summary: { warnings: { file: string; message: string }[] }) =>
  summary.warnings.filter((warning) => warning.message.includes('standards.default'));

describe('低保 standards that do not cover every county on the roll', () => {
  it('names the counties left without a standard and how many households each holds', async () => {
    const { findings, summary } = await scanInput({ '低保花名册.csv': roll, '金融资产核对反馈.csv': deposits }, { standards: { byCounty: { 甲县: { urban: 900, rural: 700 } } } });
    expect(warningOf(summary)).toEqual([{ file: 'rollsweep.config.json', message: expect.stringContaining('没有标准可比：乙县 1 户；') }]);
    // 王小明's 90,000 yuan would be over any standard: unchecked, and now said so.
    expect(findings.filter((finding) => finding('check_id') === 'over_asset.deposits')).toEqual([]);
  });

  it('says nothing where a default covers the rest', async () => {
    const { findings, summary } = await scanInput({ '低保花名册.csv': roll, '金融资产核对反馈.csv': deposits }, {
      standards: { default: { urban: 900, rural: 700 }, byCounty: { 甲县: { urban: 900, rural: 700 } } },
    });
    expect(warningOf(summary)).toEqual([]);
    expect(findings.filter((finding) => finding('check_id') === 'over_asset.deposits').map((finding) => finding('name'))).toEqual(['王小明']);
  });
});
