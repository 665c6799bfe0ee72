// A roll file (or sheet) without a 与户主关系 column beside one with it: its households cannot be judged for a head.
// Until 2026-12-02 each of them was a data_quality.household-no-head finding (孙老汉(空)), as the check asked only that
// some roll file had the column.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { scanInput } from '../support/scan-input.ts';

const DIBAO_HEADER = '乡镇,村(社区),家庭编号,姓名,身份证号码,与户主关系,救助类别,月保障金,保障状态';
const TEKUN_HEADER = '乡镇,村(社区),家庭编号,姓名,身份证号码,救助类别,月保障金,保障状态';
const DIBAO = [
  ['城关镇', '东村', 'H001', '王大', '370481196001010114', '户主', '农村低保', '700', '在保'],
  // A household of the file with the column whose head is missing is still found.
  ['城关镇', '东村', 'H002', '李二', '370481196202020220', '配偶', '农村低保', '700', '在保'],
];
const TEKUN = [
  ['城关镇', '西村', 'T001', '孙老汉', '370481195006060618', '农村特困', '900', '在保'],
  ['城关镇', '西村', 'T002', '赵老太', '370481195507070726', '农村特困', '900', '在保'],
];

const csv = (header: string, rows: string[][]) => [header, ...rows.map((row) => row.join(','))].join('\n') + '\n';

/** One workbook, a sheet per list. */
async function workbook(sheets: Record<string, string[][]>): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) book.addWorksheet(name).addRows(rows);
  return Buffer.from(await book.xlsx.writeBuffer());
}

const noHead = (findings: ((name: string) => string | undefined)[]) =>
  findings.filter((f) => f('check_id') === 'data_quality.household-no-head').map((f) => [f('household_id'), f('evidence')]);

describe('roll files without a 与户主关系 column', () => {
  it('a 特困 roll without the column beside a 低保 roll with it: only the 低保 household without a head is found', async () => {
    const { findings } = await scanInput({ '农村低保花名册.csv': csv(DIBAO_HEADER, DIBAO), '特困人员花名册.csv': csv(TEKUN_HEADER, TEKUN) });
    expect(noHead(findings)).toEqual([['H002', '家庭编号 H002 共 1 行，无户主/本人行；关系为：李二(配偶)']]);
  });

  it('the same with the lists as two sheets of one workbook', async () => {
    const book = await workbook({ 低保: [DIBAO_HEADER.split(','), ...DIBAO], 特困: [TEKUN_HEADER.split(','), ...TEKUN] });
    const { findings } = await scanInput({ '城关镇花名册.xlsx': book });
    expect(noHead(findings)).toEqual([['H002', '家庭编号 H002 共 1 行，无户主/本人行；关系为：李二(配偶)']]);
  });
});
