// The standards warnings name at most 20 of the roll's counties, then how many there are: a province's roll against a
// config of one misspelt county must not print a hundred names in the summary. Both lists that are cut are tested.
import { describe, expect, it } from 'vitest';
import { scanInput } from '../support/scan-input.ts';
import { ROLL_HEADER, validId } from '../support/small-township.ts';

// 22 counties, 县01 … 县22, one 农村低保 household each.
const counties = Array.from({ length: 22 }, (_, index) => `县${String(index + 1).padStart(2, '0')}`);
const roll = [
  `县区,${ROLL_HEADER}`,
  ...counties.map((county, index) =>
    `${county},张庄镇,东村,H${index + 1},户主${index + 1},${validId('370481', '19600101', String(100 + index))},户主,农村低保,500,在保`),
].join('\n') + '\n';

describe('standards warnings on a roll of many counties', () => {
  it('name the first 20 counties and say how many there are', async () => {
    const { summary } = await scanInput({ '低保花名册.csv': roll }, {
      standards: { default: { urban: 900, rural: 700 }, byCounty: { 不存在县: { urban: 900, rural: 700 } } },
    });
    const messages = summary.warnings.map((warning: { message: string }) => warning.message).filter((message: string) => message.includes('standards.'));
    const first20 = counties.slice(0, 20);
    expect(messages).toEqual([
      expect.stringContaining(`按默认低保标准（standards.default）核查：${first20.map((county) => `${county} 1 户`).join('、')} 等 22 个县区；`),
      expect.stringContaining(`其低保标准未被使用（花名册中的县区：${first20.join('、')} 等 22 个）`),
    ]);
    expect(messages.join('\n')).not.toContain('县21');
  });
});
