// A 发放明细 whose 家庭编号 are on no roll row (Excel stored the roll's 0001 as the number 1): its payments matched no
// household, and a dead recipient's finding said 多发 0.00 元 without a word why. The summary now warns.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScan, workbookOf } from '../support/scan-input.ts';
import { ROLL_HEADER, validId } from '../support/small-township.ts';

const WANG = validId('370481', '19500101', '011');
const ZHAO = validId('370481', '19520202', '022');
const roll = `${ROLL_HEADER}\n张庄镇,南村,0001,王一,${WANG},户主,农村低保,1400,在保\n张庄镇,南村,0002,赵三,${ZHAO},户主,农村低保,700,在保\n`;
const deaths = `姓名,身份证号码,死亡日期\n王一,${WANG},2026-08-10\n`;

async function warningsOf(payments: Buffer | string, name: string) {
  const { run, out } = await runScan({ '低保花名册.csv': roll, '死亡人员.csv': deaths, [name]: payments });
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(await readFile(join(out, 'summary.json'), 'utf8')).warnings as { file: string; message: string }[];
}

describe('payments whose 家庭编号 the roll does not hold', () => {
  it('warns when most of a list\'s 家庭编号 are on no roll row, and says when Excel dropped their leading zeros', async () => {
    const months = ['2026-08', '2026-09', '2026-10'];
    const numbers = await workbookOf('发放', [['家庭编号', '发放月份', '发放金额'], ...months.flatMap((m) => [[1, m, 1400], [2, m, 700]])]);
    expect(await warningsOf(numbers, '发放明细.xlsx')).toContainEqual({
      file: '发放明细.xlsx',
      message: '工作表「发放」查看的前 6 行中，6 行的家庭编号不在花名册中（如「1」），这些发放对应不到家庭，死亡、服刑人员的多发金额会少算；'
        + '花名册中有去掉开头的 0 后相同的编号（如「0001」），多半是 Excel 把家庭编号存成了数字：请把该列设为文本后重新导出发放明细',
    });
  });

  it('says nothing of a list whose 家庭编号 are the roll\'s, with a stray one', async () => {
    const payments = '家庭编号,发放月份,发放金额\n0001,2026-08,1400\n0002,2026-08,700\n0003,2026-08,500\n';
    const warnings = await warningsOf(payments, '发放明细.csv');
    expect(warnings.filter((warning) => warning.message.includes('不在花名册中'))).toEqual([]);
  });
});
