// A 低保 row whose 状态 says plainly that it is not paid — 不在保, 非在保, 已转特困, 转出, 作废, 无效, 已删除, 历史 … — beside the person's
// 特困 row. Until 2026-12-06 such a status was unreadable and read as 在保: a high duplicate.dibao-and-tekun on both
// rows (同时享受低保和特困供养), which could stop a poor person's benefit. A status still in doubt keeps the 在保 fallback.
import { describe, expect, it } from 'vitest';
import { scanInput } from '../support/scan-input.ts';

const HEADER = '乡镇,村,家庭编号,姓名,身份证号码,与户主关系,救助类别,月保障金,状态';
/** Person n's ID: 37132919400101 and a serial with its check digit. */
const IDS = [
  '371329194001010115', '371329194001010131', '371329194001010158', '371329194001010174', '371329194001010190',
  '371329194001010211', '371329194001010238', '371329194001010254', '371329194001010270', '371329194001010297',
];

/** Person n on the 低保 roll with his 低保 status, and on the 特困 roll with his 特困 status. */
function rolls(statuses: readonly (readonly [dibao: string, tekun: string])[]) {
  const rows = (program: string, prefix: string, amount: number, side: 0 | 1) => statuses
    .map((status, n) => `店头镇,东村,${prefix}${n},人${n},${IDS[n]},户主,${program},${amount},${status[side]}`).join('\n');
  return {
    '2026年10月农村低保花名册.csv': `${HEADER}\n${rows('农村低保', 'D', 700, 0)}\n`,
    '2026年10月特困人员花名册.csv': `${HEADER}\n${rows('分散供养特困', 'T', 900, 1)}\n`,
  };
}

describe('a roll row whose status says it is not paid, beside the person\'s row on the other roll', () => {
  it('is not paid: no duplicate.dibao-and-tekun, no bad-value', async () => {
    const { findings } = await scanInput(rolls([
      ['不在保', '在保'], ['非在保', '在保'], ['已转特困', '在保'], ['转特困', '在保'], ['转为特困', '在保'], ['转出', '在保'],
      ['作废', '在保'], ['无效', '在保'], ['失效', '在保'], ['在保', '转低保'],
    ]));
    expect(findings.map((f) => [f('check_id'), f('name'), f('evidence')])).toEqual([]);
  });

  it('is not paid when deleted (删除, 已删除) or historic (历史, 历史数据): no duplicate.dibao-and-tekun, no bad-value', async () => {
    // Until 2026-12-06 unreadable, so 在保: a high finding on both rows, and a bad-value on the 低保 one.
    const { findings } = await scanInput(rolls([['删除', '在保'], ['已删除', '在保'], ['历史', '在保'], ['历史数据', '在保']]));
    expect(findings.map((f) => [f('check_id'), f('name'), f('evidence')])).toEqual([]);
  });

  it('is still checked as 在保, and reported, when 归档 (a case is archived when approved as when closed)', async () => {
    const { findings } = await scanInput(rolls([['归档', '在保'], ['已归档', '在保']]));
    const found = (checkId: string) => findings.filter((f) => f('check_id') === checkId).map((f) => f('household_id')).sort();
    expect(found('duplicate.dibao-and-tekun')).toEqual(['D0', 'D1', 'T0', 'T1']);
    expect(found('data_quality.bad-value')).toEqual(['D0', 'D1']);
  });

  it('on the roll he moved to (a 特困 row 转特困, a 低保 row 转低保) is his arrival: still checked as 在保, and reported', async () => {
    const { findings } = await scanInput(rolls([['在保', '转特困'], ['转低保', '在保']]));
    const found = (checkId: string) => findings.filter((f) => f('check_id') === checkId).map((f) => f('household_id')).sort();
    expect(found('duplicate.dibao-and-tekun')).toEqual(['D0', 'D1', 'T0', 'T1']);
    expect(found('data_quality.bad-value')).toEqual(['D1', 'T0']);
  });

  it('is still checked as 在保, and reported, when the status negates a negative or names no status', async () => {
    const { findings } = await scanInput(rolls([['不停保', '在保'], ['未退保', '在保'], ['非退保', '在保'], ['已死亡', '在保']]));
    const found = (checkId: string) => findings.filter((f) => f('check_id') === checkId).map((f) => f('household_id')).sort();
    expect(found('duplicate.dibao-and-tekun')).toEqual(['D0', 'D1', 'D2', 'D3', 'T0', 'T1', 'T2', 'T3']);
    expect(found('data_quality.bad-value')).toEqual(['D0', 'D1', 'D2', 'D3']);
  });
});
