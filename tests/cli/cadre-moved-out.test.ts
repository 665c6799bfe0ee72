// A cadre who moved out (迁出) of his father's household is no longer 同户 with those left in it: until 2026-12-06 the
// cadre_relative checks took any row of his as his household, and his 嫂子 and 侄子 (not near relatives) were two high
// cadre_relative.unfiled findings, the evidence saying 干部本人退保 and not 迁出. A cadre 停保 on taking office who still
// lives there does link his household, the status as the roll writes it in the evidence.
import { describe, expect, it } from 'vitest';
import { scanInput } from '../support/scan-input.ts';

const cadres = '姓名,身份证号码,乡镇,村,职务,任职起,任职止\n'
  + '王干部,371329198001010113,店头镇,西村,村委会主任,2021-01-01,\n'
  + '赵干部,371329197501010115,店头镇,南村,村委会委员,2021-01-01,\n';
const roll = '乡镇,村,家庭编号,姓名,身份证号码,与户主关系,救助类别,月保障金,状态,近亲属备案\n'
  + '店头镇,东村,H001,王父,371329195001010216,户主,农村低保,2100,在保,是\n'
  + '店头镇,东村,H001,王兄,37132919780101031X,子,农村低保,2100,在保,是\n'
  + '店头镇,东村,H001,李嫂,371329197901010421,儿媳,农村低保,2100,在保,否\n'
  + '店头镇,东村,H001,王侄,371329200501010515,孙子,农村低保,2100,在保,否\n'
  + '店头镇,东村,H001,王干部,371329198001010113,子,农村低保,2100,迁出,否\n'
  + '店头镇,南村,H002,赵干部,371329197501010115,户主,农村低保,900,停保（任职）,否\n'
  + '店头镇,南村,H002,孙某,371329200601010512,其他,农村低保,900,在保,否\n';
const kinship = '本人身份证号,亲属身份证号,关系\n'
  + '371329195001010216,371329198001010113,儿子\n'
  + '371329195001010216,37132919780101031X,儿子\n'
  + '371329195001010216,371329197901010421,儿媳\n'
  + '371329195001010216,371329200501010515,孙子\n'
  + '371329198001010113,371329200501010515,侄子\n'
  + '371329198001010113,371329197901010421,嫂子\n';

describe('a cadre who moved out of a roll household', () => {
  it('makes no one left in it his 同户 relative; a cadre 停保 on taking office still links his, the status as written', async () => {
    const { findings } = await scanInput({ 'roll.csv': roll, 'cadres.csv': cadres, '亲属关系.csv': kinship });
    const cadreFindings = findings.filter((f) => f('check_id')!.startsWith('cadre_relative.'));
    expect(cadreFindings.map((f) => [f('check_id'), f('name'), f('household_id')])).toEqual([['cadre_relative.unfiled', '孙某', 'H002']]);
    expect(cadreFindings[0]!('evidence')).toContain('—同户(店头镇南村 家庭编号 H002，与户主关系 其他，干部本人停保(任职))→ 孙某');
  });
});
