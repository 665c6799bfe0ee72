// A roll's 近亲属备案 written as villages write a filing: with its date (是（2023年3月备案）, 已备案2023.3, 2023年3月已备案),
// its filer (是(乡镇备案)), another word (已报备, 已备, 备案, 已登记备案, 有) or a note after a comma (是，已备案). Until
// 2026-12-06 each was no answer, read as not filed: a high cadre_relative.self or .unfiled (未备案) on a filed cadre or
// relative, and a bad-value beside it. A value that negates, proposes or contradicts is still no yes.
import { describe, expect, it } from 'vitest';
import { scanInput } from '../support/scan-input.ts';

const CADRES_HEADER = '身份证号码,姓名,乡镇,村,职务,任职起,任职止';
const ROLL_HEADER = '乡镇,村,家庭编号,姓名,身份证号码,与户主关系,救助类别,月保障金,状态,近亲属备案';
/** Cadre n's ID: 37132919650101 and a serial with its check digit. */
const CADRE_IDS = [
  '371329196501010110', '371329196501010137', '371329196501010153', '37132919650101017X', '371329196501010196',
  '371329196501010217', '371329196501010233', '37132919650101025X', '371329196501010276', '371329196501010292',
  '371329196501010313', '37132919650101033X',
];

/** Each cadre on the roll as the head of his own household, his 近亲属备案 written so; more roll rows after them. */
function township(filed: readonly string[], moreRows = '') {
  const ids = CADRE_IDS.slice(0, filed.length);
  return {
    '干部名册.csv': `${CADRES_HEADER}\n${ids.map((id, n) => `${id},干部${n},店头镇,东村,村委委员,2021-01-01,`).join('\n')}\n`,
    '低保花名册.csv': `${ROLL_HEADER}\n${ids.map((id, n) => `店头镇,东村,F${n},干部${n},${id},户主,农村低保,700,在保,${filed[n]}`).join('\n')}\n${moreRows}`,
  };
}

describe('a cadre on the roll whose 近亲属备案 states the filing in other words', () => {
  it('is filed, and so is his spouse: no cadre_relative.self or .unfiled, no bad-value, each listed as filed', async () => {
    const filed = ['是（2023年3月备案）', '已备案2023.3', '2023年3月已备案', '已报备', '已备', '备案', '是，已备案', '是(乡镇备案)', '√已备案', '已登记备案', '有', 'Y'];
    const spouse = '店头镇,东村,F0,配偶0,371329197001010135,配偶,农村低保,700,在保,已备案2023.3\n';
    const { findings, summary } = await scanInput(township(filed, spouse));
    expect(findings.map((f) => [f('check_id'), f('name'), f('evidence')])).toEqual([]);
    expect(summary.findings.listings).toBe(filed.length + 1);
  });

  it('is still not filed when the value negates, proposes or contradicts the filing', async () => {
    const unfiled = ['未备案', '没有备案', '拟备案', '待备案', '申请备案', '是(未备案)', '否(已备案)'];
    const { findings } = await scanInput(township(unfiled));
    const found = (checkId: string) => findings.filter((f) => f('check_id') === checkId).map((f) => f('name')).sort();
    expect(found('cadre_relative.self')).toEqual(unfiled.map((_, n) => `干部${n}`).sort());
    // 未备案 is a no; the others are no answer, reported as read as not filed.
    expect(found('data_quality.bad-value')).toEqual(unfiled.slice(1).map((_, n) => `干部${n + 1}`).sort());
  });
});
