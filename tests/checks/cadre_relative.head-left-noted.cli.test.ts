// End to end through the real CLI: cadre_relative and a roll status noting the head's leaving on another member's row
// (在保（户主死亡）). Until 2026-12-07 such a note on the cadre's sister-in-law's row made her "left the household", and
// the cadre's unfiled relative was not found. Her own leaving, in the broad words cadre_relative reads (迁出（2025年）,
// 在保（入赘）, 在保（转出）: reviewer R12's cases), still links no one; so does a move with the head (随户主迁出, 与户主分户)
// and a leaving written with another relation word, which may be her own person (在保（女儿出嫁） on a 女 row: a first,
// broader fix of 2026-12-07 read those as someone else's and made false unfiled links, reviewers R20 and R24).
import { beforeAll, describe, expect, it } from 'vitest';
import { scanInput } from '../support/scan-input.ts';
import { validId } from '../support/small-township.ts';

const ROLL_HEADER = '序号,区县,乡镇(街道),村(社区),区划代码,户编号,成员姓名,公民身份号码,关系,保障类别,保障金额,纳入时间,保障状态,发放账号,供养方式,是否备案';
const CADRES_HEADER = '姓名,身份证号码,乡镇,村,职务,任职起,任职止';
const csv = (rows: string[]) => rows.join('\n') + '\n';

/**
 * Each household: the cadre's father (户主), his 嫂子 (儿媳, the father's daughter-in-law; or another relative of the
 * father's, `relation`) and the cadre (子), one status given.
 */
type Household = { father?: string; sisterInLaw?: string; relation?: string; cadre?: string };

/** The head's leaving on the 嫂子's row: she is still there, and found as the cadre's unfiled 同户 relative. */
const OTHERS_LEAVING = ['在保（户主死亡）', '在保（户主2025年病故）', '在保（户主已故）', '在保（户主户口迁出）'];
/** Her own leaving (the broad words, R12's, a move with the head): she links no one, as before. */
const OWN_LEAVING = ['迁出（2025年）', '在保（入赘）', '在保（转出）', '随夫迁出', '与户主分户', '在保（随户主迁出）', '在保（本人死亡）', '出嫁（2025年）'];
/**
 * Another relation word with a leaving word: it may be her own person, written as the head calls her (a 女 row's
 * 女儿出嫁, a 配偶 row's 妻子死亡: reviewers R20 and R24), so it is read as her leaving, as before ([relation, status]).
 */
const OWN_LEAVING_R20: [relation: string, status: string][] = [
  ['女', '在保（随丈夫迁出）'], ['女', '在保（夫妻分户）'], ['女', '在保（女儿出嫁）'], ['女', '在保（长女出嫁）'],
  ['长子', '在保（长子分户）'], ['配偶', '在保（配偶死亡）'], ['配偶', '在保（妻子死亡）'], ['父亲', '在保（父亲死亡）'],
  // Beside the head's leaving, words that say she went too or remarried, or a row without a 关系 (it may be the head's
  // own): read as written, as before (reviewer R25's cases, false unfiled links once the head's word was taken out).
  ['儿媳', '在保（户主已迁出，本人随迁）'], ['儿媳', '在保（户主已迁出，家属随迁）'], ['儿媳', '在保（户主死亡后本人改嫁）'],
  ['儿媳', '户主死亡后再婚'], ['', '在保（户主死亡）'],
];
/** The cadre's own row says he left (R12's cases): his father's household links no one. */
const CADRE_LEFT = ['迁出（2025年）', '在保（入赘）', '在保（转出）', '迁出需核实', '在保（本人迁出）', '离婚迁出', '迁往夫家'];

const HOUSEHOLDS: Household[] = [
  ...OTHERS_LEAVING.map((sisterInLaw) => ({ sisterInLaw })),
  ...OWN_LEAVING.map((sisterInLaw) => ({ sisterInLaw })),
  ...OWN_LEAVING_R20.map(([relation, sisterInLaw]) => ({ relation, sisterInLaw })),
  ...CADRE_LEFT.map((cadre) => ({ cadre })),
  // On the head's own row 户主 is himself: his own death, he links no one; his 儿媳 still does.
  { father: '在保（户主死亡）' },
];
const householdId = (i: number) => `37132911000300${50 + i}`;
const id = (birth: string, i: number) => validId('371329', birth, String(100 + i));

describe('cadre_relative and a status that notes the head\'s leaving', () => {
  let found: Promise<string[]>;
  beforeAll(() => {
    let line = 0;
    const row = (i: number, name: string, idNumber: string, relation: string, status = '在保') =>
      `${++line},临沭县,店头镇,北店头社区,371329110003,${householdId(i)},${name},${idNumber},${relation},城市低保,1260元,2024-01-01,"${status}",,,否`;
    found = scanInput({
      '城市低保花名册.csv': csv([ROLL_HEADER, ...HOUSEHOLDS.flatMap((h, i) => [
        row(i, `王父${i}`, id('19500101', i), '户主', h.father),
        row(i, `李嫂${i}`, id('19790202', i), h.relation ?? '儿媳', h.sisterInLaw),
        row(i, `王干部${i}`, id('19800303', i), '子', h.cadre ?? '停保')])]),
      '干部名册.csv': csv([CADRES_HEADER, ...HOUSEHOLDS.map((_, i) => `王干部${i},${id('19800303', i)},店头镇,北店头社区,村委会委员,2021-01-01,`)]),
    }).then(({ findings }) => findings.filter((f) => f('check_id')!.startsWith('cadre_relative'))
      .map((f) => `${f('check_id')} ${f('name')}`).sort());
  });

  it('finds the 嫂子 whose row notes the head\'s leaving; links no one whose own row says she left, nor a cadre who left', async () => {
    const own = [...OWN_LEAVING, ...OWN_LEAVING_R20].map((_, j) => `cadre_relative.unfiled 王父${OTHERS_LEAVING.length + j}`);
    const headDead = HOUSEHOLDS.length - 1;
    const others = OTHERS_LEAVING.flatMap((_, i) => [`cadre_relative.unfiled 李嫂${i}`, `cadre_relative.unfiled 王父${i}`]);
    expect(await found).toEqual([...others, ...own, `cadre_relative.unfiled 李嫂${headDead}`].sort());
  });
});
