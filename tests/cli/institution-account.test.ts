// 集中供养 特困 persons live in the township's 敬老院, and their 供养金 is paid into its account: one account for every
// resident. Each resident was listed as sharing an account with the others (duplicate.shared-account, medium): on the
// demo township six such findings, none of them a problem. The roll says 集中供养 in 供养方式 or in the program.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { scanInput } from '../support/scan-input.ts';
import { validId } from '../support/small-township.ts';

const HOME = '6217 0012 3456 7890 001';
const SHARED = '6228480011223344556';
const HEADER = '乡镇,村(社区),家庭编号,姓名,身份证号码,与户主关系,救助类别,月保障金,发放账号,供养方式';
const person = (household: string, name: string, birth: string, program: string, account: string, care: string) =>
  `张庄镇,东村,${household},${name},${validId('370481', birth, '117')},本人,${program},900,${account},${care}`;

describe('a 敬老院\'s account on the roll (GBK CSV with 供养方式)', () => {
  it('lists the households outside its care that use it, never its residents; 分散供养 households sharing an account are listed', async () => {
    const roll = [
      HEADER,
      person('T001', '赵一', '19400101', '特困供养', HOME, '集中供养'),
      person('T002', '钱二', '19410202', '特困供养', HOME, '集中供养'),
      // The program says it where 供养方式 is empty.
      person('T003', '孙三', '19420303', '集中供养特困', HOME, ''),
      person('H001', '李四', '19700404', '农村低保', HOME.replace(/ /g, ''), ''),
      person('T004', '周五', '19430505', '特困供养', SHARED, '分散供养'),
      person('T005', '吴六', '19440606', '特困供养', SHARED, '分散供养'),
    ].join('\r\n') + '\r\n';
    const { findings } = await scanInput({ '特困人员花名册.csv': iconv.encode(roll, 'gbk') });
    const shared = findings.filter((f) => f('check_id') === 'duplicate.shared-account');
    expect(shared.map((f) => f('household_id')).sort()).toEqual(['H001', 'T004', 'T005']);
    const outsider = shared.find((f) => f('household_id') === 'H001')!;
    expect(outsider('evidence')).toContain('是 4 户在保家庭的发放账号（其中集中供养 3 户，其供养金应拨付供养服务机构）');
    expect(outsider('evidence')).toContain('家庭编号 T003 孙三（特困人员花名册.csv 第4行，集中供养）');
  });
});
