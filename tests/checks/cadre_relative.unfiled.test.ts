// cadre_relative.unfiled: near relatives of serving cadres by every path of checks.md (both directions, two hops, same household), and the decoys.
import { describe, expect, it } from 'vitest';
import { findCheck } from '../../scanner/engine/registry.ts';
import { findingsFor, testCheck, type Rows } from '../support/check-tester.ts';
import { validId } from './id-numbers.ts';
import { rollRow, type RawRow } from './roll-rows.ts';

// C is the cadre, S his spouse, F his father; R (and R2 …) are recipients; Z is C's son (not on the roll), D his daughter,
// B his brother, G his grandfather.
const C = validId('110101', '19700307', '451');
const C2 = validId('110101', '19720101', '013');
const S = validId('110101', '19720519', '022');
const F = validId('110101', '19450101', '017');
const Z = validId('110101', '19950101', '031');
const R = validId('110101', '19480808', '024');
const R2 = validId('110101', '19500202', '049');
const R3 = validId('110101', '19520303', '066');
const D = validId('110101', '19980101', '042');
const B = validId('110101', '19730101', '053');
const G = validId('110101', '19200101', '064');
const R4 = validId('110101', '20180101', '075');

const cadre = (overrides: RawRow = {}): RawRow => ({
  id_number: C, name: '张三', township: '城关镇', village: '东村', position: '村委会主任', term_start: '2021-03-01', ...overrides,
});
const kin = (id_number: string, relative_id_number: string, relation: string): RawRow => ({ id_number, relative_id_number, relation });
/** R alone in household H00n (so no same-household link to anyone else). */
const alone = (id: string, name: string, n: number, overrides: RawRow = {}): RawRow =>
  rollRow({ id_number: id, name, household_id: `H00${n}`, relation: '本人', ...overrides });
const withKin = (kinship: RawRow[], extra: Rows = {}): Rows => ({ cadres: [cadre()], roll: [alone(R, '王五', 1)], kinship, ...extra });

const SIBLING = '兄弟姐妹';
const CHILD = '子女';
const CHILD_IN_LAW = '子女的配偶(儿媳/女婿)';
const GRANDCHILD = '孙子女/外孙子女';
const UNCLE_AUNT = '父母的兄弟姐妹(伯叔姑舅姨)';
/** [spelling, what the relative is called in evidence]: ordinal and size prefixes, 胞/姊, GB/T 4761's names. */
const PREFIXED: [string, string][] = [
  ...['二弟', '小弟', '三弟', '大妹', '二妹', '小妹', '三姐', '三哥', '长兄', '长姐', '姊妹', '胞兄弟', '亲姐妹', '幺妹', '老弟'].map((rel) => [rel, SIBLING] as [string, string]),
  ...['长孙', '孙儿', '外孙儿', '大孙子', '其他孙子、孙女或外孙子、外孙女'].map((rel) => [rel, GRANDCHILD] as [string, string]),
  ...['三儿子', '四女儿', '幺女', '小子'].map((rel) => [rel, CHILD] as [string, string]),
  ...['长媳', '大儿媳', '大女婿', '二女婿'].map((rel) => [rel, CHILD_IN_LAW] as [string, string]),
  ...['三叔', '二叔', '二伯', '大舅', '小舅', '大姨', '二姨', '大姑', '小姑', '老舅'].map((rel) => [rel, UNCLE_AUNT] as [string, string]),
  ['其他父母关系', '父母'], ['其他祖父母或外祖父母关系', '祖父母/外祖父母'], ['老子', '父母'], ['長孫', GRANDCHILD],
];
/** Likewise for kinds a county may add to `relations` (not near by default). */
/** Spellings read as 其他 until 2026-12-02 (their relatives missed): step, adoptive and birth parents, pairs, GB/T 4761 codes. */
const EVERYDAY_MORE: [string, string][] = [
  ['养父母', '父母'], ['继父母', '父母'], ['生父', '父母'], ['生母', '父母'], ['兄妹', SIBLING], ['姐弟', SIBLING], ['弟兄', SIBLING],
  ['父子', '父母或子女'], ['母女', '父母或子女'], ['亲生儿子', CHILD], ['老伴儿', '配偶'], ['闺女', CHILD],
  // Until 2026-12-05 these were 其他 too.
  ['兄长', SIBLING], ['老爸', '父母'], ['老妈', '父母'], ['夫人', '配偶'], ['内人', '配偶'], ['媳妇儿', CHILD_IN_LAW],
  ['10', '配偶'], ['20', CHILD], ['37', CHILD], ['28', CHILD_IN_LAW], ['38', CHILD_IN_LAW], ['51', '父母'], ['57', '父母'],
  ['55', '配偶的父母(岳父母/公婆)'], ['61', '祖父母/外祖父母'], ['42', GRANDCHILD], ['71', SIBLING], ['77', SIBLING], ['83', UNCLE_AUNT], ['90', UNCLE_AUNT],
];
const PREFIXED_WIDER: [string, string][] = [
  ['大嫂', '兄弟姐妹的配偶'], ['二婶', '伯叔姑舅姨的配偶'], ['大侄子', '侄甥'], ['二表哥', '堂表兄弟姐妹'], ['长孙媳', '孙辈的配偶'], ['曾孙女或外曾孙女', '曾孙子女'],
];
/** The case of a kinship row (C, R_i, spelling_i) for each spelling, R_i alone in his household: each R_i is named as the spelling says. */
const eachSpelling = (spellings: [string, string][]) => ({
  rows: {
    cadres: [cadre()],
    kinship: spellings.map(([rel], i) => kin(C, validId('110101', '19600101', `${200 + i}`), rel)),
    roll: spellings.map((_, i) => alone(validId('110101', '19600101', `${200 + i}`), `亲属${i}`, i)),
  },
  expected: spellings.map(([rel, label], i) => ({ subject_id: validId('110101', '19600101', `${200 + i}`), evidence: [`${label}：张三(村委会主任) —${rel}→`] })),
});

testCheck('cadre_relative.unfiled', {
  valid: [
    { name: 'cousins (堂/表), both directions', rows: withKin([kin(C, R, '堂兄'), kin(C, R, '表妹'), kin(R, C, '堂弟')]) },
    {
      name: 'GB/T 4761 codes of relations not near (91 堂兄弟, 93 侄子, 95 外甥, 80 其他, 99 非亲属), and a one-digit code, which is not read',
      rows: withKin([kin(C, R, '91'), kin(C, R, '93'), kin(C, R, '95'), kin(C, R, '80'), kin(C, R, '99'), kin(C, R, '1')]),
    },
    {
      name: "nephews/nieces both ways: (C, R, 侄子/外甥女), and (R2, C, 叔叔/姑姑) which makes R2 C's nephew/niece",
      rows: withKin([kin(C, R, '侄子'), kin(C, R, '外甥女'), kin(R2, C, '叔叔'), kin(R2, C, '姑姑')], { roll: [alone(R, '王五', 1), alone(R2, '赵六', 2)] }),
    },
    { name: '其他, and a spelling that is no relation (邻居)', rows: withKin([kin(C, R, '其他'), kin(C, R, '邻居')]) },
    {
      // Before a grandparent's or parent's name a prefix makes another relation: grand-uncles, an uncle's wife.
      name: 'prefixed spellings that are no near relation (大爷爷, 二姥爷, 大妈), and prefixed ones read backwards (R, C, 三叔/小姑): a nephew or niece',
      rows: withKin([kin(C, R, '大爷爷'), kin(C, R2, '二姥爷'), kin(C, R3, '大妈'), kin(Z, C, '三叔'), kin(F, C, '小姑')], {
        roll: [alone(R, '王五', 1), alone(R2, '赵六', 2), alone(R3, '钱七', 3), alone(Z, '张小', 4), alone(F, '张老', 5)],
      }),
    },
    { name: "亲家: (C, Z, 儿子) + (Z, R, 岳父), the son's parent-in-law", rows: withKin([kin(C, Z, '儿子'), kin(Z, R, '岳父')]) },
    {
      // A sibling's child is a nephew (侄甥), a step-brother's father may be no kin of C's, a grandparent's grandchild may be a cousin.
      name: "two hops through a sibling or a grandparent: the brother's son, the step-brother's father, the grandfather's grandson",
      rows: withKin([kin(C, B, '弟弟'), kin(B, R, '儿子'), kin(C, B, '继兄'), kin(B, R2, '父亲'), kin(C, G, '爷爷'), kin(G, R3, '孙子')], {
        roll: [alone(R, '王五', 1), alone(R2, '赵六', 2), alone(R3, '钱七', 3)],
      }),
    },
    {
      // 亲家, and a half-sibling or the other parent: the child's other relatives are not C's.
      name: "two hops through a child to anyone but the child's spouse and children: the son's mother-in-law, brother, mother",
      rows: withKin([kin(C, Z, '儿子'), kin(Z, R, '岳母'), kin(Z, R2, '兄弟'), kin(Z, R3, '母亲')], {
        roll: [alone(R, '王五', 1), alone(R2, '赵六', 2), alone(R3, '钱七', 3)],
      }),
    },
    { name: "a county narrowing to 民法典's list: the son's wife (儿媳) is not near",
      rows: withKin([kin(C, Z, '儿子'), kin(Z, R, '妻子')]),
      config: { checks: { 'cadre_relative.unfiled': { params: { relations: ['spouse', 'parent', 'child', 'sibling', 'grandparent', 'grandchild'] } } } } },
    { name: "a sibling's spouse (嫂子) through two hops, and three hops (spouse's brother's wife)",
      rows: withKin([kin(C, F, '兄弟'), kin(F, R, '配偶'), kin(C, S, '配偶'), kin(S, Z, '兄弟'), kin(Z, R, '妻子')]) },
    {
      name: 'cadres whose term ended before P.start (2026-09-30) or starts after P.end (2026-11-01)',
      rows: withKin([kin(C, R, '母亲'), kin(C2, R2, '父亲')], {
        cadres: [cadre({ term_end: '2026-09-30' }), cadre({ id_number: C2, name: '李梅', term_start: '2026-11-01' })],
        roll: [alone(R, '王五', 1), alone(R2, '赵六', 2)],
      }),
    },
    {
      name: '任职起 written as none (—) or not known (不详), 任职止 before P: the term ended, as with an empty 任职起',
      rows: withKin([kin(C, R, '母亲'), kin(C2, R, '父亲')], {
        cadres: [cadre({ term_start: '—', term_end: '2026-09-30' }), cadre({ id_number: C2, name: '李梅', term_start: '不详', term_end: '2025.06' })],
      }),
    },
    {
      name: 'terms as rosters write them, ended before P: 任职止 a month (2026.09), a range in one cell (2018.01—2026.09)',
      rows: withKin([kin(C, R, '母亲'), kin(C2, R2, '父亲')], {
        cadres: [cadre({ term_start: '2021.03', term_end: '2026.09' }), cadre({ id_number: C2, name: '李梅', term_start: '2018.01—2026.09' })],
        roll: [alone(R, '王五', 1), alone(R2, '赵六', 2)],
      }),
    },
    { name: 'filed relative (近亲属备案 是)', rows: withKin([kin(C, R, '母亲')], { roll: [alone(R, '王五', 1, { cadre_relative_filed: '是' })] }) },
    {
      name: 'filed relative, the answer written 已備案, 【是】, 是。 or 是（已备案） (until 2026-12-05 read as not filed: a high finding)',
      rows: withKin([kin(C, R, '母亲')], {
        roll: ['已備案', '【是】', '是。', '是（已备案）'].map((filed, i) => alone(R, '王五', i + 1, { cadre_relative_filed: filed })),
      }),
    },
    { name: 'relative whose roll row is 停保', rows: withKin([kin(C, R, '母亲')], { roll: [alone(R, '王五', 1, { status: '停保' })] }) },
    {
      name: 'the cadre is never his own relative (self-loop, spouse of his spouse, his own household): that is cadre_relative.self',
      rows: withKin([kin(C, C, '本人'), kin(C, S, '配偶'), kin(S, C, '丈夫')], { roll: [alone(C, '张三', 1)] }),
    },
    {
      name: 'a cadre on the roll who is another cadre’s spouse is reported by cadre_relative.self, not here',
      rows: withKin([kin(C, C2, '配偶')], { cadres: [cadre(), cadre({ id_number: C2, name: '李梅', position: '村委会委员' })], roll: [alone(C2, '李梅', 1)] }),
    },
    { name: 'sameHousehold false: sharing the household alone does not count',
      rows: { cadres: [cadre()], kinship: [kin(F, Z, '儿子')], roll: [rollRow({ id_number: C }), rollRow({ id_number: R, name: '王五', relation: '配偶' })] },
      config: { checks: { 'cadre_relative.unfiled': { params: { sameHousehold: false } } } } },
    {
      // Hand-kept rolls number households per village: 001 in 城关镇东村 and 001 elsewhere are two families.
      name: "the cadre's 家庭编号 in another township, another village of his township, a village of the same name elsewhere",
      rows: {
        cadres: [cadre()],
        kinship: [kin(F, Z, '儿子')],
        roll: [
          rollRow({ id_number: C }),
          rollRow({ id_number: R, name: '王五', township: '张庄镇', village: '南村' }),
          rollRow({ id_number: R2, name: '赵六', village: '西村' }),
          rollRow({ id_number: R3, name: '钱七', township: '张庄镇' }),
        ],
      },
    },
    {
      name: "城关镇东村 H001 in another county (a province's roll): not the cadre's household",
      rows: {
        cadres: [cadre()], kinship: [kin(F, Z, '儿子')],
        roll: [rollRow({ id_number: C, county: '临沭县' }), rollRow({ id_number: R, name: '王五', relation: '配偶', county: '莒南县' })],
      },
    },
    {
      name: "a member whose 村 is empty is not placed in the cadre's household (missing-field reports the gap)",
      rows: { cadres: [cadre()], kinship: [kin(F, Z, '儿子')], roll: [rollRow({ id_number: C }), rollRow({ id_number: R, name: '王五', relation: '配偶', village: '' })] },
    },
    { name: "a county narrowing to 民法典's list: a parent-in-law is not near",
      rows: withKin([kin(R, C, '女婿')]),
      config: { checks: { 'cadre_relative.unfiled': { params: { relations: ['spouse', 'parent', 'child', 'sibling', 'grandparent', 'grandchild'] } } } } },
  ],
  invalid: [
    {
      name: 'terms as rosters write them, serving in P: 2021.03 to 至今, 2021.04-至今 in one cell, a month ending in P (2026.10), a range ending in P',
      rows: withKin([kin(C, R, '母亲'), kin(C2, R2, '父亲'), kin(S, R3, '母亲'), kin(F, Z, '父亲')], {
        cadres: [
          cadre({ term_start: '2021.03', term_end: '至今' }),
          cadre({ id_number: C2, name: '李梅', term_start: '2021.04-至今' }),
          cadre({ id_number: S, name: '刘芳', term_start: '2021年3月', term_end: '2026.10' }),
          cadre({ id_number: F, name: '张老', term_start: '2018.01—2026.10' }),
        ],
        roll: [alone(R, '王五', 1), alone(R2, '赵六', 2), alone(R3, '孙七', 3), alone(Z, '张小', 4)],
      }),
      expected: [
        { subject_id: R, evidence: ['任期 2021-03-01 至 今'] },
        { subject_id: R2, evidence: ['任期 2021-04-01 至 今'] },
        { subject_id: R3, evidence: ['任期 2021-03-01 至 2026-10-31'] },
        { subject_id: Z, evidence: ['任期 2018-01-01 至 2026-10-31'] },
      ],
    },
    {
      // Until 2026-12-05 such a roster row was refused (任职止无法识别：—), and the serving cadre's relatives were missed.
      name: '任职止 written as none (—, /, 无): the term has not ended, as an empty cell says',
      rows: withKin([kin(C, R, '母亲'), kin(C2, R2, '父亲'), kin(S, R3, '母亲')], {
        cadres: [
          cadre({ term_start: '2021.03', term_end: '—' }),
          cadre({ id_number: C2, name: '李梅', term_start: '2021-04-01', term_end: '/' }),
          cadre({ id_number: S, name: '刘芳', term_start: '2021年3月', term_end: '无' }),
        ],
        roll: [alone(R, '王五', 1), alone(R2, '赵六', 2), alone(R3, '孙七', 3)],
      }),
      expected: [
        { subject_id: R, evidence: ['任期 2021-03-01 至 今'] },
        { subject_id: R2, evidence: ['任期 2021-04-01 至 今'] },
        { subject_id: R3, evidence: ['任期 2021-03-01 至 今'] },
      ],
    },
    {
      // Until 2026-12-06 such a roster row was refused (任职起无法识别：—), and the serving cadre's relatives were missed.
      name: '任职起 written as none (—, /, 无) or not known (不详): a roster that does not say when the term began, as an empty cell',
      rows: withKin([kin(C, R, '母亲'), kin(C2, R2, '父亲'), kin(S, R3, '母亲')], {
        cadres: [
          cadre({ term_start: '—' }),
          cadre({ id_number: C2, name: '李梅', term_start: '不详', term_end: '2026.10' }),
          cadre({ id_number: S, name: '刘芳', term_start: '/', term_end: '—' }),
        ],
        roll: [alone(R, '王五', 1), alone(R2, '赵六', 2), alone(R3, '孙七', 3)],
      }),
      expected: [
        { subject_id: R, evidence: ['任期 起始未填 至 今'] },
        { subject_id: R2, evidence: ['任期 起始未填 至 2026-10-31'] },
        { subject_id: R3, evidence: ['任期 起始未填 至 今'] },
      ],
    },
    {
      name: '(C, R, rel) read forwards, with the cadre, position, village, term and kinship row in the evidence',
      rows: withKin([kin(C, R, '母亲')]),
      expected: [{ subject_id: R, household_id: 'H001', evidence: ['张三(村委会主任，东村，任期 2021-03-01 至 今，干部及经办人员名册 cadres.csv 第2行)', '父母：张三(村委会主任) —母亲→ 王五（亲属关系 kinship.csv 第2行）', '近亲属备案：空'] }],
    },
    {
      name: 'everyday spellings (爸爸, 长子, 次女, 哥哥, 外公, 老伴, 儿媳妇, 继父, 养子, 繁体 父親)',
      rows: {
        cadres: [cadre()],
        kinship: ['爸爸', '长子', '次女', '哥哥', '外公', '老伴', '儿媳妇', '继父', '养子', '父親'].map((rel, i) => kin(C, validId('110101', '19600101', `${100 + i}`), rel)),
        roll: Array.from({ length: 10 }, (_, i) => alone(validId('110101', '19600101', `${100 + i}`), `亲属${i}`, i)),
      },
      expected: ['父母', '子女', '子女', '兄弟姐妹', '祖父母/外祖父母', '配偶', '子女的配偶(儿媳/女婿)', '父母', '子女', '父母'].map((label, i) =>
        ({ subject_id: validId('110101', '19600101', `${100 + i}`), evidence: [`${label}：张三(村委会主任) —`] })),
    },
    {
      name: 'spellings with a birth-order, size or 胞/亲 prefix, the GB/T 4761 code names, and 老子 (father, not 老 + 子)',
      ...eachSpelling(PREFIXED),
    },
    {
      name: 'step, adoptive and birth parents (养父母, 生父), pairs (兄妹, 父子), 亲生儿子, 老伴儿, 闺女, 兄长, 老妈, 内人, 媳妇儿, and GB/T 4761-2008\'s codes',
      ...eachSpelling(EVERYDAY_MORE),
    },
    {
      name: 'prefixed spellings of the kinds a county may add (大嫂, 二婶, 大侄子, 二表哥, 长孙媳), every kind listed',
      ...eachSpelling(PREFIXED_WIDER),
      config: { checks: { 'cadre_relative.unfiled': { params: { relations: ['sibling-in-law', 'uncle-aunt-in-law', 'nephew-niece', 'cousin', 'grandchild-in-law', 'great-grandchild'] } } } },
    },
    {
      name: '(R, C, prefixed rel) read backwards: 二女婿 → parent-in-law, 长孙 → grandparent, 三儿子 → parent; two hops through a parent (F, C, 长子) to his 三弟',
      rows: withKin([kin(R, C, '二女婿'), kin(R2, C, '长孙'), kin(R3, C, '三儿子'), kin(F, C, '长子'), kin(F, Z, '三弟')], {
        roll: [alone(R, '王五', 1), alone(R2, '赵六', 2), alone(R3, '钱七', 3), alone(Z, '张小', 4)],
      }),
      expected: [
        { subject_id: R, evidence: ['配偶的父母(岳父母/公婆)：张三(村委会主任) ←二女婿— 王五'] },
        { subject_id: R2, evidence: ['祖父母/外祖父母：张三(村委会主任) ←长孙— 赵六'] },
        { subject_id: R3, evidence: ['父母：张三(村委会主任) ←三儿子— 钱七'] },
        { subject_id: Z, evidence: [`父母的兄弟姐妹(伯叔姑舅姨)：张三(村委会主任) ←长子— 身份证号 ${F} —三弟→ 张小`] },
      ],
    },
    {
      name: "(R, C, rel) read backwards: 儿子 → parent, 女婿 → parent-in-law, 侄子 → uncle/aunt",
      rows: withKin([kin(R, C, '儿子'), kin(R2, C, '女婿'), kin(R3, C, '侄子')], { roll: [alone(R, '王五', 1), alone(R2, '赵六', 2), alone(R3, '钱七', 3)] }),
      expected: [
        { subject_id: R, evidence: ['父母：张三(村委会主任) ←儿子— 王五'] },
        { subject_id: R2, evidence: ['配偶的父母(岳父母/公婆)：张三(村委会主任) ←女婿— 赵六'] },
        { subject_id: R3, evidence: ['父母的兄弟姐妹(伯叔姑舅姨)：张三(村委会主任) ←侄子— 钱七'] },
      ],
    },
    {
      name: "two hops through the spouse: spouse's parent (named from the roll) and spouse's sibling (read backwards)",
      rows: withKin([kin(C, S, '配偶'), kin(S, R, '父亲'), kin(R2, S, '姐姐')], { roll: [alone(R, '王五', 1), alone(R2, '赵六', 2), alone(S, '李四', 3)] }),
      expected: [
        { subject_id: R, evidence: ['配偶的父母(岳父母/公婆)：张三(村委会主任) —配偶→ 李四 —父亲→ 王五（亲属关系 kinship.csv 第2行、亲属关系 kinship.csv 第3行）'] },
        { subject_id: R2, evidence: ['配偶的兄弟姐妹：张三(村委会主任) —配偶→ 李四 ←姐姐— 赵六'] },
        { subject_id: S, evidence: ['配偶：张三(村委会主任) —配偶→ 李四'] },
      ],
    },
    {
      name: "two hops through a parent (F, C, 儿子 read backwards), to the parent's sibling; an unnamed middle person shows the ID",
      rows: withKin([kin(F, C, '儿子'), kin(F, R, '兄弟')]),
      expected: [{ subject_id: R, evidence: [`父母的兄弟姐妹(伯叔姑舅姨)：张三(村委会主任) ←儿子— 身份证号 ${F} —兄弟→ 王五`] }],
    },
    {
      // A 户籍 list writes each member against the 户主. Until 2026-12-06 a cadre who is not the 户主 was linked to the 户主
      // alone: his brother, mother and grandfather (his father's 次子, 妻, 父亲) and a woman cadre's son (her husband's
      // 儿子) were missed.
      name: "two hops through a parent to his child, spouse and parent, and through the spouse to her child (a list written against the 户主)",
      rows: withKin([kin(F, C, '长子'), kin(F, R, '次子'), kin(F, R2, '妻'), kin(F, R3, '父亲'), kin(S, C, '丈夫'), kin(S, R4, '儿子')], {
        roll: [alone(R, '王五', 1), alone(R2, '赵六', 2), alone(R3, '钱七', 3), alone(R4, '孙八', 4)],
      }),
      expected: [
        { subject_id: R, evidence: [`兄弟姐妹：张三(村委会主任) ←长子— 身份证号 ${F} —次子→ 王五`] },
        { subject_id: R2, evidence: [`父母：张三(村委会主任) ←长子— 身份证号 ${F} —妻→ 赵六`] },
        { subject_id: R3, evidence: [`祖父母/外祖父母：张三(村委会主任) ←长子— 身份证号 ${F} —父亲→ 钱七`] },
        { subject_id: R4, evidence: [`子女：张三(村委会主任) ←丈夫— 身份证号 ${S} —儿子→ 孙八`] },
      ],
    },
    {
      // R32: a woman cadre written against her husband, the 户主 (妻), his 儿媳 and 孙子 are hers; written as her
      // father-in-law's 儿媳, his 妻 is her 婆婆. Until 2026-12-07 all three were missed.
      name: 'two hops through the spouse to his child-in-law and grandchild, and through a parent-in-law to his spouse (户籍 lists)',
      rows: withKin([kin(S, C, '妻'), kin(S, R, '儿媳'), kin(S, R2, '孙子'), kin(F, C, '儿媳'), kin(F, R3, '妻')], {
        roll: [alone(R, '王五', 1), alone(R2, '赵六', 2), alone(R3, '钱七', 3)],
      }),
      expected: [
        { subject_id: R, evidence: [`${CHILD_IN_LAW}：张三(村委会主任) ←妻— 身份证号 ${S} —儿媳→ 王五`] },
        { subject_id: R2, evidence: [`${GRANDCHILD}：张三(村委会主任) ←妻— 身份证号 ${S} —孙子→ 赵六`] },
        { subject_id: R3, evidence: [`配偶的父母(岳父母/公婆)：张三(村委会主任) ←儿媳— 身份证号 ${F} —妻→ 钱七`] },
      ],
    },
    {
      // Until 2026-12-03 the two hops stopped at the spouse and the parents: a 儿媳 or grandchild under the son's name was missed.
      name: "two hops through a child: the child's spouse (both ways) is a child-in-law, the child's child (both ways) a grandchild",
      rows: withKin([kin(C, Z, '儿子'), kin(Z, R, '妻子'), kin(Z, R2, '儿子'), kin(D, C, '父亲'), kin(R3, D, '妻子'), kin(R4, D, '母亲')], {
        roll: [alone(R, '李四', 1), alone(R2, '张小三', 2), alone(R3, '钱七', 3), alone(R4, '孙八', 4), alone(Z, '张小', 5)],
      }),
      expected: [
        { subject_id: R, evidence: ['子女的配偶(儿媳/女婿)：张三(村委会主任) —儿子→ 张小 —妻子→ 李四（亲属关系 kinship.csv 第2行、亲属关系 kinship.csv 第3行）'] },
        { subject_id: R2, evidence: ['孙子女/外孙子女：张三(村委会主任) —儿子→ 张小 —儿子→ 张小三'] },
        { subject_id: R3, evidence: [`子女的配偶(儿媳/女婿)：张三(村委会主任) ←父亲— 身份证号 ${D} ←妻子— 钱七`] },
        { subject_id: R4, evidence: [`孙子女/外孙子女：张三(村委会主任) ←父亲— 身份证号 ${D} ←母亲— 孙八`] },
        { subject_id: Z, evidence: ['子女：张三(村委会主任) —儿子→ 张小'] },
      ],
    },
    {
      name: "same roll household as the cadre, with no kinship row",
      rows: { cadres: [cadre()], kinship: [kin(F, Z, '儿子')], roll: [rollRow({ id_number: C }), rollRow({ id_number: R, name: '王五', relation: '配偶' })] },
      expected: [{ subject_id: R, household_id: 'H001', evidence: ['同户家庭成员：张三(村委会主任) —同户(城关镇东村 家庭编号 H001，与户主关系 配偶)→ 王五'] }],
    },
    {
      // Until 2026-12-02 the check needed a kinship list, and without one was skipped: the cadre's own household unchecked.
      name: 'no kinship list at all: the same roll household as the cadre still counts',
      rows: { cadres: [cadre()], roll: [rollRow({ id_number: C }), rollRow({ id_number: R, name: '王五', relation: '配偶' })] },
      expected: [{ subject_id: R, household_id: 'H001', evidence: ['同户家庭成员：张三(村委会主任) —同户'] }],
    },
    {
      // Until 2026-12-03 only the cadre's 在保 row linked his household: 停保 or 退保 himself, his paid family went unseen.
      name: "same roll household as a cadre whose own row is 停保 or 退保: the household still links, his status in the evidence",
      rows: {
        cadres: [cadre(), cadre({ id_number: C2, name: '李梅', position: '村委会委员' })],
        roll: [
          rollRow({ id_number: C, status: '停保' }), rollRow({ id_number: R, name: '王五', relation: '配偶' }),
          rollRow({ id_number: C2, name: '李梅', household_id: 'H002', status: '退出' }), rollRow({ id_number: R2, name: '赵六', household_id: 'H002', relation: '子女' }),
        ],
      },
      expected: [
        { subject_id: R, household_id: 'H001', evidence: ['同户家庭成员：张三(村委会主任) —同户(城关镇东村 家庭编号 H001，与户主关系 配偶，干部本人停保)→ 王五'] },
        { subject_id: R2, household_id: 'H002', evidence: ['同户家庭成员：李梅(村委会委员) —同户(城关镇东村 家庭编号 H002，与户主关系 子女，干部本人退保（退出）)→ 赵六'] },
      ],
    },
    {
      name: 'same household, 乡镇 and 村 left empty on both rows: the empty places match',
      rows: {
        cadres: [cadre()], kinship: [kin(F, Z, '儿子')],
        roll: [rollRow({ id_number: C, township: '', village: '' }), rollRow({ id_number: R, name: '王五', relation: '配偶', township: '', village: '' })],
      },
      expected: [{ subject_id: R, household_id: 'H001', evidence: ['—同户(家庭编号 H001，与户主关系 配偶)→ 王五'] }],
    },
    {
      name: 'one relation by several paths, a duplicated kinship row and two cadres: one finding listing every path and cadre',
      rows: {
        cadres: [cadre(), cadre({ id_number: C2, name: '李梅', village: '西村', position: '村委会委员' })],
        kinship: [kin(C, R, '配偶'), kin(C, R, '配偶'), kin(R, C, '丈夫'), kin(C2, R, '姐姐')],
        roll: [rollRow({ id_number: C, status: '停保' }), rollRow({ id_number: R, name: '王五', relation: '配偶' })],
      },
      expected: [{ subject_id: R, evidence: ['张三(村委会主任) —配偶→ 王五（亲属关系 kinship.csv 第2行）；', '张三(村委会主任) ←丈夫— 王五', '干部 李梅(村委会委员，西村', '李梅(村委会委员) —姐姐→ 王五'] }],
    },
    {
      name: 'terms overlapping P at its edges or without a start date; a county-level cadre (no village or township)',
      rows: {
        cadres: [cadre({ term_start: '', term_end: '2026-10-01' }), cadre({ id_number: C2, name: '李梅', township: '', village: '', position: '县民政局经办人员', term_start: '2026-10-31' })],
        kinship: [kin(C, R, '女儿'), kin(C2, R2, '父亲')],
        roll: [alone(R, '王五', 1), alone(R2, '赵六', 2)],
      },
      expected: [{ subject_id: R, evidence: ['任期 起始未填 至 2026-10-01'] }, { subject_id: R2, evidence: ['李梅(县民政局经办人员，县级，任期 2026-10-31 至 今'] }],
    },
    {
      name: 'a relative on two households: one finding in each',
      rows: withKin([kin(C, R, '母亲')], { roll: [alone(R, '王五', 1), alone(R, '王五', 2, { village: '西村' })] }),
      expected: [{ subject_id: R, household_id: 'H001' }, { subject_id: R, household_id: 'H002', village: '西村' }],
    },
    {
      name: 'a county widening the list to cousins',
      rows: withKin([kin(C, R, '堂兄')]),
      config: { checks: { 'cadre_relative.unfiled': { params: { relations: ['spouse', 'parent', 'cousin'] } } } },
      expected: [{ subject_id: R, evidence: ['堂表兄弟姐妹：张三(村委会主任) —堂兄→ 王五'] }],
    },
  ],
});

describe('cadre_relative.unfiled finding id', () => {
  const check = findCheck('cadre_relative.unfiled')!;
  const ids = async (rows: Rows) => (await findingsFor(check, rows)).map((f) => f.finding_id).sort();
  const rows: Rows = {
    cadres: [cadre(), cadre({ id_number: C2, name: '李梅' })],
    kinship: [kin(C, S, '配偶'), kin(S, R, '母亲'), kin(R2, C2, '儿子')],
    roll: [alone(R, '王五', 1), alone(R2, '赵六', 2), alone(R3, '钱七', 3)],
  };

  it('survives every dataset listed in another order', async () => {
    const asGiven = await ids(rows);
    expect(asGiven).toHaveLength(2);
    const reversed = Object.fromEntries(Object.entries(rows).map(([dataset, list]) => [dataset, [...list!].reverse()]));
    expect(await ids(reversed)).toEqual(asGiven);
  });

  it('does not change when the relation is proved by another cadre or path next month', async () => {
    const [before] = await ids({ ...rows, kinship: [kin(C, R, '母亲')], roll: [alone(R, '王五', 1)] });
    const [after] = await ids({ ...rows, kinship: [kin(C2, R, '母亲')], roll: [alone(R, '王五', 1)] });
    expect(after).toBe(before);
  });
});
