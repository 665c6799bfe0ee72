// A roll giving the head's name and ID beside each member's (户主姓名, 户主身份证号码, 成员姓名, 成员身份证号码), as many
// township systems export it: each row is the member's. Until 2026-12-07 成员身份证号码 was not read as the 身份证号码 and
// the scan stopped (exit 2, 缺少必需的列): no recipient of the roll was checked.
import { describe, expect, it } from 'vitest';
import { scanInput } from '../support/scan-input.ts';
import { validId } from '../support/small-township.ts';

const HEAD = validId('371329', '19700101', '100');
const WIFE = validId('371329', '19700202', '200');
const ROLL = [
  '序号,乡镇,村,家庭编号,户主姓名,户主身份证号码,成员姓名,成员身份证号码,与户主关系,救助类别,月保障金,保障状态',
  `1,张庄镇,东村,C001,甲一,${HEAD},甲一,${HEAD},本人,农村低保,1400,在保`,
  `2,张庄镇,东村,C001,甲一,${HEAD},乙二,${WIFE},配偶,农村低保,1400,在保`,
].join('\n') + '\n';

describe('a roll with the head\'s columns beside the member\'s', () => {
  it('reads each row as the member\'s: the dead wife is found, not her husband', async () => {
    const { findings } = await scanInput({ '低保花名册.csv': ROLL, '死亡人员.csv': `姓名,身份证号码,死亡日期\n乙二,${WIFE},2026-09-10\n` });
    expect(findings.filter((f) => f('check_id') === 'deceased.recipient').map((f) => [f('household_id'), f('id_number'), f('name')]))
      .toEqual([['C001', WIFE, '乙二']]);
  });

  it('reads the member\'s columns before a plain 身份证号码 that is the head\'s, naming that one unread', async () => {
    const roll = ROLL.replace('户主身份证号码', '身份证号码');
    const { findings, summary } = await scanInput({ '低保花名册.csv': roll, '死亡人员.csv': `姓名,身份证号码,死亡日期\n乙二,${WIFE},2026-09-10\n` });
    expect(findings.map((f) => [f('check_id'), f('id_number'), f('name')])).toEqual([['deceased.recipient', WIFE, '乙二']]);
    expect(JSON.stringify(summary.warnings)).toContain('列「身份证号码」未读取：本表另有「成员身份证号码」');
  });
});
