// A township that sends its cadres' roster but no 亲属关系 list: the cadre's own roll household is still checked (it
// needs no kinship row), and the summary says that relatives in other households were not looked for. Until 2026-12-02
// the cadre_relative checks were skipped whole, and a cadre's spouse on his own 在保 household went unreported.
import { describe, expect, it } from 'vitest';
import { scanInput } from '../support/scan-input.ts';
import { PEOPLE, rollCsv } from '../support/small-township.ts';

const cadres = `身份证号码,姓名,乡镇(街道),村(社区),职务,任职起\n${PEOPLE.zhang},张大山,张庄镇,东村,村委会主任,2021-03-01\n`;

describe('cadre_relative without a kinship list', () => {
  it('finds the cadre\'s spouse on his own household and warns that other households went unchecked', async () => {
    const { findings, summary } = await scanInput({ '低保花名册.csv': rollCsv(), '干部名册.csv': cadres });
    const unfiled = findings.filter((f) => f('check_id') === 'cadre_relative.unfiled');
    expect(unfiled.map((f) => [f('name'), f('household_id')])).toEqual([['李秀英', 'H001']]);
    expect(summary.checks_run.map((c: { id: string }) => c.id)).toEqual(expect.arrayContaining(['cadre_relative.unfiled', 'cadre_relative.filed']));
    expect(summary.warnings).toContainEqual({
      file: '亲属关系（未提供）', message: expect.stringMatching(/没有亲属关系名单.*只按与干部同在一个在保家庭核查.*未核查/),
    });
  });

  it('says nothing of the kind when the kinship list is there', async () => {
    const kinship = `本人身份证号,亲属身份证号,关系\n${PEOPLE.zhang},${PEOPLE.wang},侄子\n`;
    const { summary } = await scanInput({ '低保花名册.csv': rollCsv(), '干部名册.csv': cadres, '亲属关系.csv': kinship });
    expect(summary.warnings.map((w: { file: string }) => w.file)).not.toContain('亲属关系（未提供）');
  });
});
