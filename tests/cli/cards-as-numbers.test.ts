// Staff type a 16-digit card number into an Excel cell formatted as a number: Excel keeps 15 significant digits, so
// 6228480012345678 is stored as 6228480012345670, and so is the neighbour's 6228480012345671. Read as digits, the two
// households shared one account (duplicate.shared-account, medium, both listed): a false finding. The reader now
// writes such a number in exponent form, like an 18-digit ID typed as a number, and data_quality.bad-value names it.
import { describe, expect, it } from 'vitest';
import { scanInput, workbookOf } from '../support/scan-input.ts';
import { validId } from '../support/small-township.ts';

const HEADER = ['乡镇', '村(社区)', '家庭编号', '姓名', '身份证号码', '与户主关系', '救助类别', '月保障金', '银行账号'];
const person = (household: string, name: string, birth: string, account: number | string) =>
  ['张庄镇', '东村', household, name, validId('370481', birth, '117'), '户主', '农村低保', 700, account];

describe('16-digit card numbers typed into number cells of an XLSX roll', () => {
  it('are compared with no other card, and listed as unreadable; a card written exactly is still compared', async () => {
    const roll = await workbookOf('花名册', [
      HEADER,
      person('H001', '赵一', '19600101', 6228480012345670),
      person('H002', '钱二', '19610202', 6228480012345670),
      // A system wrote these two exactly (the 16th digit is not 0): the same account, one finding each.
      person('H003', '孙三', '19620303', 6228480012345678),
      person('H004', '李四', '19630404', '6228480012345678'),
    ]);
    const { findings } = await scanInput({ '农村低保花名册.xlsx': roll });
    const of = (check: string) => findings.filter((f) => f('check_id') === check).map((f) => f('household_id')).sort();
    expect(of('duplicate.shared-account')).toEqual(['H003', 'H004']);
    expect(of('data_quality.bad-value')).toEqual(['H001', 'H002']);
    const unreadable = findings.find((f) => f('check_id') === 'data_quality.bad-value')!;
    expect(unreadable('evidence')).toContain('发放账号「6.22848001234567e+15」（被 Excel 存成数字，末位已丢失，无法核对是否多户共用一个账号）');
  });
});
