// A township's 低保 roll and 特困 roll each numbering their households from 001. Read as one household, 特困 001 (王一,
// no kin of theirs) was cadre 张一's household member (a false high cadre_relative.unfiled), his 900 and their 1400 one
// household's disagreeing amounts, and his death's overpayment took the 低保 family's payments too. Each program's 001
// with its own head is now a household of its own, 001（特困）, its payments those its file (or its 救助类别) says are 特困's.
import { describe, expect, it } from 'vitest';
import { scanInput } from '../support/scan-input.ts';
import { ROLL_HEADER, validId } from '../support/small-township.ts';

const ZHANG_1 = validId('371329', '19700101', '011');
const ZHANG_2 = validId('371329', '19700101', '013');
const WANG_1 = validId('371329', '19400101', '011');
const WANG_2 = validId('371329', '19410101', '015');

describe('households numbered per program', () => {
  it('checks 特困 001 apart from 低保 001: not a cadre\'s household member, its amount and its payments its own', async () => {
    const { findings } = await scanInput({
      '2026年10月农村低保花名册.csv': `${ROLL_HEADER},近亲属备案\n店头镇,东村,001,张一,${ZHANG_1},户主,农村低保,1400,在保,否\n店头镇,东村,001,张二,${ZHANG_2},配偶,农村低保,1400,在保,否\n`,
      '2026年10月特困人员花名册.csv': `${ROLL_HEADER},近亲属备案\n店头镇,东村,001,王一,${WANG_1},本人,分散供养特困,900,在保,否\n`,
      'cadres.csv': `身份证号码,姓名,乡镇,村,职务,任职起,任职止\n${ZHANG_1},张一,店头镇,东村,村委会主任,2021-01-01,\n`,
      '死亡人员.csv': `身份证号码,姓名,死亡日期\n${WANG_1},王一,2026-07-15\n`,
      '低保发放明细.csv': '户编号,发放月份,发放金额\n001,2026-08,1400\n001,2026-09,1400\n',
      '特困供养金发放明细.csv': '户编号,发放月份,发放金额\n001,2026-08,900\n001,2026-09,900\n',
    });
    const byCheck = (id: string) => findings.filter((finding) => finding('check_id') === id);
    // 张二 is the cadre's wife: still found; 王一 is no one's kin.
    expect(byCheck('cadre_relative.unfiled').map((finding) => [finding('name'), finding('household_id')])).toEqual([['张二', '001（低保）']]);
    expect(byCheck('data_quality.amount-inconsistent')).toEqual([]);
    // 王一's own 900 for August and September, not the 低保 family's 1400.
    expect(byCheck('deceased.recipient').map((finding) => [finding('name'), finding('household_id'), finding('overpayment_yuan')]))
      .toEqual([['王一', '001（特困）', '1800.00']]);
  });

  it('places the payments of one 发放明细 by the program its 救助类别 column writes, as the roll writes it', async () => {
    // Until 2026-12-06 the 救助类别 went unread and the file's name says no program: the scan stopped, the file refused whole.
    const { findings, summary } = await scanInput({
      '2026年10月农村低保花名册.csv': `${ROLL_HEADER}\n店头镇,东村,001,张一,${ZHANG_1},户主,农村低保,1400,在保\n店头镇,东村,001,张二,${ZHANG_2},配偶,农村低保,1400,在保\n`,
      '2026年10月特困人员花名册.csv': `${ROLL_HEADER}\n店头镇,东村,001,王一,${WANG_1},本人,分散供养特困,900,在保\n`,
      '死亡人员.csv': `身份证号码,姓名,死亡日期\n${WANG_1},王一,2026-07-15\n`,
      '发放明细.csv': '户编号,救助类别,发放月份,发放金额\n001,农村低保,2026-08,1400\n001,农村低保,2026-09,1400\n'
        + '001,特困供养,2026-08,900\n001,特困供养,2026-09,900\n',
    });
    // 王一's own 900 a month, not the 低保 family's 1400 too.
    expect(findings.map((finding) => [finding('check_id'), finding('name'), finding('household_id'), finding('overpayment_yuan')]))
      .toEqual([['deceased.recipient', '王一', '001（特困）', '1800.00']]);
    expect(summary.datasets.payments).toMatchObject({ rows_read: 4, rows_used: 4, rows_rejected: 0 });
  });

  it('reads a 特困 roll that writes no 与户主关系 as persons heading their own 001, not as members of the 低保 family\'s 001', async () => {
    // Until 2026-12-06 王一 (no 与户主关系 column: a roll of persons supported alone) headed nothing, so 001 stayed one
    // household: his home and 张一's were summed, a false high over_asset.property, and his 900 disagreed with their 1400.
    const tekunRoll = '乡镇,村,家庭编号,姓名,身份证号码,救助类别,月保障金,供养方式,保障状态\n'
      + `店头镇,东村,001,王一,${WANG_1},分散供养特困,900,分散供养,在保\n`;
    const { findings } = await scanInput({
      '2026年10月农村低保花名册.csv': `${ROLL_HEADER}\n店头镇,东村,001,张一,${ZHANG_1},户主,农村低保,1400,在保\n店头镇,东村,001,张二,${ZHANG_2},配偶,农村低保,1400,在保\n`,
      '2026年10月特困人员花名册.csv': tekunRoll,
      '不动产登记信息.csv': `权利人,权利人证件号码,坐落,用途,建筑面积,登记日期\n张一,${ZHANG_1},东村1号,住宅,90,2010-01-01\n王一,${WANG_1},东村9号,住宅,60,2005-01-01\n`,
    });
    expect(findings.map((finding) => finding('check_id'))).toEqual([]);
  });

  it('keeps two persons under one 001 of such a roll in the 低保 family\'s household: neither says he heads it', async () => {
    // Two rows under one number with no 与户主关系: who heads them is unknown, so the number is not told apart (as before).
    const tekunRoll = '乡镇,村,家庭编号,姓名,身份证号码,救助类别,月保障金,供养方式,保障状态\n'
      + `店头镇,东村,001,王一,${WANG_1},分散供养特困,900,分散供养,在保\n店头镇,东村,001,王二,${WANG_2},分散供养特困,900,分散供养,在保\n`;
    const { findings } = await scanInput({
      '2026年10月农村低保花名册.csv': `${ROLL_HEADER}\n店头镇,东村,001,张一,${ZHANG_1},户主,农村低保,1400,在保\n店头镇,东村,001,张二,${ZHANG_2},配偶,农村低保,1400,在保\n`,
      '2026年10月特困人员花名册.csv': tekunRoll,
    });
    expect([...new Set(findings.map((finding) => finding('household_id')))]).toEqual(['001']);
  });
});
