// A 低保 recipient moved to 特困 from next month: the 特困 roll already has his row (开始享受时间 2026-11-01, 在保) and
// the 低保 roll still has his. For the 2026-10 scan that made two high 同时享受低保和特困供养 findings, which would stop a
// poor man's 低保 for a month he was not paid 特困. A row starting after the period is now not paid in it.
import { describe, expect, it } from 'vitest';
import { scanInput, workbookOf } from '../support/scan-input.ts';

const ID = '371329194001010115';
const HEADER = '乡镇,村,家庭编号,姓名,身份证号码,与户主关系,救助类别,月保障金,开始享受时间,状态';
const DIBAO = `${HEADER}\n店头镇,东村,101,甲,${ID},户主,农村低保,700,2019-03-01,在保\n`;
/** The reviewer's 特困 roll: his row from 2026-11-01. */
const TEKUN_FROM_NOVEMBER = `${HEADER}\n店头镇,东村,T01,甲,${ID},本人,分散供养特困,900,2026-11-01,在保\n`;
/** The same row in a workbook, its start a date cell. */
const tekun = (start: Date) => workbookOf('特困人员', [
  HEADER.split(','),
  ['店头镇', '东村', 'T01', '甲', ID, '本人', '分散供养特困', 900, start, '在保'],
]);

describe('a 低保 recipient on the 特困 roll from the month after the period', () => {
  it('is not found on both rolls at once, nor in two households', async () => {
    const { findings } = await scanInput({ '2026年10月农村低保花名册.csv': DIBAO, '2026年10月特困人员花名册.csv': TEKUN_FROM_NOVEMBER });
    expect(findings.map((f) => f('check_id'))).toEqual([]);
  });

  it('is not found when the 特困 roll is a workbook whose start is a date cell', async () => {
    const { findings } = await scanInput({ '2026年10月农村低保花名册.csv': DIBAO, '2026年10月特困人员花名册.xlsx': await tekun(new Date(Date.UTC(2026, 10, 1))) });
    expect(findings.map((f) => f('check_id'))).toEqual([]);
  });

  it('is found when the 特困 row started within the period, each row showing its status and start', async () => {
    const { findings } = await scanInput({ '2026年10月农村低保花名册.csv': DIBAO, '2026年10月特困人员花名册.xlsx': await tekun(new Date(Date.UTC(2026, 9, 1))) });
    const found = findings.map((f) => [f('check_id'), f('household_id'), f('evidence')]).sort();
    expect(found).toEqual([
      ['duplicate.dibao-and-tekun', '101', `身份证号码 ${ID} 同时享受低保和特困供养，本行为农村低保（在保，开始享受时间 2019-03-01）；其他：店头镇东村 家庭编号 T01 甲（分散供养特困，在保，开始享受时间 2026-10-01，2026年10月特困人员花名册.xlsx 工作表「特困人员」 第2行）`],
      ['duplicate.dibao-and-tekun', 'T01', `身份证号码 ${ID} 同时享受低保和特困供养，本行为分散供养特困（在保，开始享受时间 2026-10-01）；其他：店头镇东村 家庭编号 101 甲（农村低保，在保，开始享受时间 2019-03-01，2026年10月农村低保花名册.csv 第2行）`],
    ]);
  });
});
