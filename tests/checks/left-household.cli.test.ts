// End to end through the real CLI: roll rows read as 在保 whose status says the person left the household (出嫁, 分户,
// 在保（已迁出）; data_quality.bad-value reports each). Until 2026-12-06 the over_asset checks counted her car as the
// household's (three false 拥有机动车 findings), deceased.recipient shared the dead father's payment with his married-out
// daughter (700.00 元 where 1400.00 was paid for him alone), and duplicate.two-households told her husband's household too
// to 只保留一处, saying nothing of the 出嫁.
import { describe, expect, it } from 'vitest';
import { scanInput } from '../support/scan-input.ts';
import { validId } from '../support/small-township.ts';

const CONFIG = { standards: { default: { urban: 900, rural: 700 } } };
const ROLL_HEADER = '乡镇,村,家庭编号,姓名,身份证号码,与户主关系,救助类别,月保障金,状态';
const person = (n: number) => validId('371329', `19${40 + n}0101`, `0${10 + n}`);
const csv = (rows: string[]) => rows.join('\n') + '\n';

describe('a roll row read as 在保 that says its person left the household', () => {
  it('counts no car of a son 在保（已迁出）, a son 分户 or a daughter 出嫁 as his parents\' household\'s', async () => {
    const { findings } = await scanInput({
      'roll.csv': csv([ROLL_HEADER,
        `店头镇,东村,M1,人1,${person(1)},户主,农村低保,1400,在保`, `店头镇,东村,M1,人2,${person(2)},子,农村低保,1400,在保（已迁出）`,
        `店头镇,东村,M3,人3,${person(3)},户主,农村低保,1400,在保`, `店头镇,东村,M3,人4,${person(4)},子,农村低保,1400,分户`,
        `店头镇,东村,M5,人5,${person(5)},户主,农村低保,1400,在保`, `店头镇,东村,M5,人6,${person(6)},女,农村低保,1400,出嫁`]),
      'vehicles.csv': csv(['所有人,身份证号码,号牌号码,车辆类型,状态',
        `人2,${person(2)},鲁Q1,小型普通客车,正常`, `人4,${person(4)},鲁Q2,小型普通客车,正常`, `人6,${person(6)},鲁Q3,小型普通客车,正常`]),
    }, CONFIG);
    expect(findings.map((f) => `${f('check_id')} ${f('household_id')}`).sort())
      .toEqual(['data_quality.bad-value M1', 'data_quality.bad-value M3', 'data_quality.bad-value M5']);
  });

  it('estimates a dead father\'s overpayment over him alone when his daughter\'s row says 出嫁', async () => {
    const { findings } = await scanInput({
      'roll.csv': csv([ROLL_HEADER, `店头镇,东村,M5,人5,${person(5)},户主,农村低保,700,在保`, `店头镇,东村,M5,人6,${person(6)},女,农村低保,700,出嫁`]),
      'deaths.csv': csv(['姓名,身份证号码,死亡日期,来源', `人5,${person(5)},2026-08-10,殡葬火化`]),
      'payments.csv': csv(['家庭编号,发放月份,发放金额', 'M5,2026-09,700', 'M5,2026-10,700']),
    }, CONFIG);
    const deceased = findings.filter((f) => f('check_id') === 'deceased.recipient');
    expect(deceased.map((f) => f('evidence'))).toEqual([expect.stringContaining('按每月实发金额 ÷ 在保 1 人估算多发 1400.00 元')]);
  });

  it('flags only the parents\' row 出嫁 of a daughter 在保 in her husband\'s household, naming its status', async () => {
    const { findings } = await scanInput({
      'roll.csv': csv([ROLL_HEADER,
        `店头镇,东村,M5,人5,${person(5)},户主,农村低保,1400,在保`, `店头镇,东村,M5,人6,${person(6)},女,农村低保,1400,出嫁`,
        `店头镇,西村,W1,人7,${person(7)},户主,农村低保,1400,在保`, `店头镇,西村,W1,人6,${person(6)},配偶,农村低保,1400,在保`]),
      'deposits.csv': csv(['姓名,身份证号码,金融机构,余额,截止日期', `人6,${person(6)},农行,30000,2026-09-30`]),
    }, CONFIG);
    const twice = findings.filter((f) => f('check_id') === 'duplicate.two-households');
    expect(twice.map((f) => f('household_id'))).toEqual(['M5']);
    expect(twice[0]!('evidence')).toContain('在本户的行保障状态「出嫁」，写明已离开本户，但未按停保、退保登记（按在保读取）；此人在其他户在保，本户应核减；其他：店头镇西村 家庭编号 W1');
    expect(findings.filter((f) => f('check_id').startsWith('over_asset'))).toEqual([]);
  });
});
