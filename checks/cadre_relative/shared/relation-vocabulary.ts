// The relation vocabulary of the cadre_relative checks: canonical kinds, their spellings and codes, the two-hop paths.
import { z } from 'zod';

/**
 * Canonical relation kinds: "R is C's <kind>". Everyday spellings map onto them (RELATION_SPELLINGS);
 * a county picks which kinds are near (近亲属) with the `relations` param.
 */
export const RELATION_KINDS = [
  'spouse', 'parent', 'parent-in-law', 'sibling', 'spouse-sibling', 'child', 'child-in-law', 'grandparent', 'grandchild',
  'uncle-aunt', 'sibling-in-law', 'uncle-aunt-in-law', 'nephew-niece', 'cousin', 'grandchild-in-law', 'grandparent-in-law',
  'great-grandparent', 'great-grandchild', 'co-parent-in-law', 'parent-or-child', 'other',
] as const;
type RelationKind = (typeof RELATION_KINDS)[number];

/** checks.md's default list (local rules implementing 民发〔2021〕57号, e.g. 固原市民政局 2022). */
export const DEFAULT_NEAR_RELATIONS: RelationKind[] = [
  'spouse', 'parent', 'parent-in-law', 'sibling', 'spouse-sibling', 'child', 'child-in-law', 'grandparent', 'grandchild', 'uncle-aunt',
  'parent-or-child',
];

/** Params of the checks that look for relatives: which kinds are near, and whether sharing C's roll household counts. */
export const nearRelativeParams = z.object({
  relations: z.array(z.enum(RELATION_KINDS)).default(DEFAULT_NEAR_RELATIONS),
  sameHousehold: z.boolean().default(true),
}).strict();

/** [kind, what the relative is called in evidence, the kind seen from the other side]. Step and adoptive forms are their kind. */
const KINDS: [RelationKind, string, RelationKind, string[]][] = [
  ['spouse', '配偶', 'spouse', ['配偶', '夫', '妻', '丈夫', '妻子', '老伴', '老伴儿', '爱人', '夫妻', '老公', '老婆', '夫人', '内人']],
  // 老子 (father, in several dialects) is listed so that it is not read as 老 + 子; 其他父母关系 is GB/T 4761's 59, as 其他儿子.
  ['parent', '父母', 'child', ['父亲', '母亲', '父', '母', '父母', '爸爸', '妈妈', '爸', '妈', '爹', '娘', '继父', '继母', '养父', '养母',
    '继父或养父', '继母或养母', '老子', '其他父母关系', '养父母', '继父母', '生父', '生母', '生父母', '亲生父亲', '亲生母亲', '老爸', '老妈']],
  ['parent-in-law', '配偶的父母(岳父母/公婆)', 'child-in-law', ['岳父', '岳母', '公公', '婆婆', '岳父母', '公婆', '丈人', '岳丈', '老丈人', '丈母娘']],
  ['sibling', '兄弟姐妹', 'sibling', ['兄弟', '姐妹', '兄弟姐妹', '兄', '弟', '姐', '妹', '哥', '哥哥', '弟弟', '姐姐', '妹妹', '大哥', '二哥',
    '大姐', '二姐', '胞兄', '胞弟', '胞姐', '胞妹', '继兄', '继弟', '继姐', '继妹', '其他兄弟姐妹', '姊妹', '姊', '兄妹', '姐弟', '弟兄',
    '兄姐', '兄长']],
  ['spouse-sibling', '配偶的兄弟姐妹', 'sibling-in-law', ['大伯子', '小叔子', '大姑子', '小姑子', '大舅子', '小舅子', '大姨子', '小姨子',
    '内兄', '内弟', '妻兄', '妻弟', '妻姐', '妻妹', '夫兄', '夫弟', '夫姐', '夫妹']],
  ['child', '子女', 'parent', ['子', '女', '儿', '儿子', '女儿', '子女', '独生子', '独生女', '长子', '次子', '三子', '四子', '五子', '长女',
    '次女', '三女', '四女', '五女', '大儿子', '二儿子', '小儿子', '大女儿', '二女儿', '小女儿', '养子', '养女', '继子', '继女',
    '养子或继子', '养女或继女', '其他儿子', '其他女儿', '亲生儿子', '亲生女儿', '闺女']],
  // 媳妇/媳 is 儿媳 in household registers (北方口语也指妻子): either way near at one hop, and as 儿媳 it opens no second hop.
  ['child-in-law', '子女的配偶(儿媳/女婿)', 'parent-in-law', ['儿媳', '儿媳妇', '女婿', '媳妇', '媳妇儿', '媳']],
  ['grandparent', '祖父母/外祖父母', 'grandchild', ['祖父', '祖母', '外祖父', '外祖母', '爷爷', '奶奶', '外公', '外婆', '姥爷', '姥姥',
    '祖父母', '外祖父母', '祖父母或外祖父母', '其他祖父母或外祖父母关系']],
  ['grandchild', '孙子女/外孙子女', 'grandparent', ['孙子', '孙女', '外孙', '外孙子', '外孙女', '孙子女', '外孙子女', '孙子、孙女或外孙子、外孙女',
    '孙', '孙儿', '外孙儿', '其他孙子、孙女或外孙子、外孙女']],
  // 大伯, 小叔, 小姑, 大舅, 小姨 (also 二叔, 大姑 … by their prefix) are the parents' siblings here, though each may also be
  // the spouse's (大伯子, 小姑子 …): near either way, and neither is near read backwards.
  ['uncle-aunt', '父母的兄弟姐妹(伯叔姑舅姨)', 'nephew-niece', ['伯父', '伯伯', '大伯', '伯', '叔父', '叔叔', '叔', '姑母', '姑姑', '姑妈', '姑',
    '舅父', '舅舅', '舅', '姨母', '姨妈', '姨']],
  ['sibling-in-law', '兄弟姐妹的配偶', 'spouse-sibling', ['嫂', '嫂子', '嫂嫂', '弟媳', '弟妹', '弟媳妇', '姐夫', '妹夫']],
  ['uncle-aunt-in-law', '伯叔姑舅姨的配偶', 'nephew-niece', ['伯母', '大娘', '婶母', '婶婶', '婶子', '婶', '舅母', '舅妈', '姨父', '姨夫', '姑父', '姑夫']],
  ['nephew-niece', '侄甥', 'uncle-aunt', ['侄子', '侄女', '侄儿', '侄', '外甥', '外甥女', '甥']],
  ['cousin', '堂表兄弟姐妹', 'cousin', ['堂兄', '堂弟', '堂姐', '堂妹', '堂哥', '表兄', '表弟', '表姐', '表妹', '表哥', '堂兄弟', '堂姐妹',
    '表兄弟', '表姐妹', '堂兄弟、堂姐妹', '表兄弟、表姐妹']],
  ['grandchild-in-law', '孙辈的配偶', 'grandparent-in-law', ['孙媳', '孙媳妇', '孙女婿', '外孙媳妇', '外孙女婿', '孙媳妇或外孙媳妇', '孙女婿或外孙女婿']],
  ['grandparent-in-law', '配偶的祖父母', 'grandchild-in-law', ['配偶的祖父母或外祖父母']],
  ['great-grandparent', '曾祖父母', 'great-grandchild', ['曾祖父', '曾祖母', '外曾祖父', '外曾祖母']],
  ['great-grandchild', '曾孙子女', 'great-grandparent', ['曾孙', '曾孙子', '曾孙女', '外曾孙', '外曾孙子', '外曾孙女', '曾孙子或外曾孙子',
    '曾孙女或外曾孙女']],
  ['co-parent-in-law', '亲家', 'co-parent-in-law', ['亲家', '亲家公', '亲家母']],
  // The pair named, not who is which (关系：父子): parent or child, near either way, and no way on to a second hop.
  ['parent-or-child', '父母或子女', 'parent-or-child', ['父子', '父女', '母子', '母女', '父子关系', '母子关系', '父女关系', '母女关系']],
  ['other', '其他', 'other', ['其他', '其他亲属', '非亲属']],
];

/**
 * GB/T 4761-2008's two-digit codes, which a 户籍 system's export gives in place of the words (until 2026-12-02 every
 * coded relation was 其他, and a cadre's coded relatives were never found). 01 本人 and 02 户主 name no relation here,
 * 68 (配偶的曾祖父母) none of these kinds; the one-digit codes (1 配偶, 2 子 …) are too easily another number to be read.
 */
const GB_T_4761_CODES: [RelationKind, string[]][] = [
  ['spouse', ['10', '11', '12']],
  ['child', ['20', '21', '22', '23', '24', '25', '26', '27', '29', '30', '31', '32', '33', '34', '35', '36', '37', '39']],
  ['child-in-law', ['28', '38']],
  ['grandchild', ['40', '41', '42', '43', '44', '49']],
  ['grandchild-in-law', ['45', '46']],
  ['great-grandchild', ['47', '48']],
  ['parent', ['50', '51', '52', '57', '58', '59']],
  ['parent-in-law', ['53', '54', '55', '56']],
  ['grandparent', ['60', '61', '62', '63', '64', '69']],
  ['grandparent-in-law', ['65']],
  ['great-grandparent', ['66', '67']],
  ['sibling', ['70', '71', '73', '75', '77', '79']],
  ['sibling-in-law', ['72', '74', '76', '78']],
  ['uncle-aunt', ['81', '83', '85', '88', '90']],
  ['uncle-aunt-in-law', ['82', '84', '86', '87', '89']],
  ['cousin', ['91', '92']],
  ['nephew-niece', ['93', '94', '95', '96']],
  ['other', ['80', '97', '99']],
];

/**
 * A birth-order or size prefix (二弟, 小妹, 长孙, 三叔, 大儿媳, 幺女, 老舅) and 胞/亲 (胞兄弟, 亲姐妹) say which one, not
 * what relation: a spelling the table lacks is read as what follows them, when that is a spelling of PREFIXED_KINDS.
 */
const RELATION_PREFIX = '^[胞亲]?[大小长次老幺二三四五六七八九十]?';
/**
 * The kinds whose spellings keep their meaning after such a prefix. Not parents and grandparents, where it makes another
 * relation (大爹, 二娘, 大妈 are uncles and aunts, 大爷爷 a grand-uncle), nor spouses and the spouse's siblings, where 大/小
 * are part of the word (小老婆, 大姑子 beside 姑子).
 */
const PREFIXED_KINDS: RelationKind[] = [
  'sibling', 'child', 'child-in-law', 'grandchild', 'uncle-aunt', 'sibling-in-law', 'uncle-aunt-in-law', 'nephew-niece', 'cousin',
  'grandchild-in-law', 'great-grandchild',
];

/**
 * The two-hop paths C → M → R: [M's kind to C, R's kind to M, what R then is to C]. Only where R is certainly that kind:
 * a step-sibling's parent or sibling may be no kin of C's, a grandparent's child is a parent or an uncle (the kind
 * unknown), a grandparent's grandchild may be a cousin, and a sibling's child or spouse, a child's parent-in-law (亲家),
 * a child's sibling (a half-sibling on the other parent's side) are not near by default. A child's spouse and child are:
 * until 2026-12-03 the two hops stopped at the spouse and the parents, and a cadre's 儿媳, 女婿 and grandchildren, written
 * under his son's or daughter's name in the kinship list, went unfound.
 * A 户籍 list writes every member against the 户主: (父, 干部, 长子), (父, 兄弟, 次子), (父, 母, 妻). Read from a cadre who
 * is not the 户主, his brothers are his parent's children, his mother his parent's spouse, his grandparents his parent's
 * parents, and a woman cadre's children her husband's (a parent's child is a sibling, half or step alike; a spouse's
 * child is a child or stepchild; checks.md counts step relations as their kind). Until 2026-12-06 these four paths were
 * not followed, and such relatives on the roll were found only where they shared the cadre's roll household. A woman
 * cadre written against her husband (户主) has his 儿媳 and grandchildren as hers, and one written as her father-in-law's
 * 儿媳 has his wife as her 婆婆: until 2026-12-07 those were missed (R32). Not her father-in-law's child, who may be her
 * husband or his brother (both near, but of two kinds a county may list apart).
 */
const TWO_HOP_PATHS: [RelationKind, RelationKind, RelationKind][] = [
  ['spouse', 'parent', 'parent-in-law'],
  ['spouse', 'sibling', 'spouse-sibling'],
  ['spouse', 'child', 'child'],
  ['parent', 'sibling', 'uncle-aunt'],
  ['parent', 'child', 'sibling'],
  ['parent', 'spouse', 'parent'],
  ['parent', 'parent', 'grandparent'],
  ['child', 'spouse', 'child-in-law'],
  ['child', 'child', 'grandchild'],
  ['spouse', 'child-in-law', 'child-in-law'],
  ['spouse', 'grandchild', 'grandchild'],
  ['parent-in-law', 'spouse', 'parent-in-law'],
];

/** For the checks' descriptions: every kind a county may list in `relations`, with its Chinese meaning. */
export const RELATION_KINDS_DOC = KINDS.map(([kind, label]) => `${kind}（${label}）`).join('、');

const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;

/** two_hop_paths(first_kind, second_kind, kind): TWO_HOP_PATHS as a table. */
export const TWO_HOP_PATHS_SQL = `
    two_hop_paths(first_kind, second_kind, kind) AS (VALUES ${TWO_HOP_PATHS.map((path) => `(${path.map(quote).join(', ')})`).join(', ')})`;

/** relation_kinds(kind, kind_label, inverse_kind): the canonical kinds as a table. */
export const RELATION_KINDS_SQL = `
    relation_kinds(kind, kind_label, inverse_kind) AS (VALUES ${KINDS.map(([kind, label, inverse]) => `(${quote(kind)}, ${quote(label)}, ${quote(inverse)})`).join(', ')})`;

/** relation_spellings(spelling, kind): every spelling of KINDS and every GB/T 4761 code, with its kind. */
export const RELATION_SPELLINGS_SQL = `relation_spellings(spelling, kind) AS (VALUES ${[...KINDS.map(([kind, , , spellings]) => [kind, spellings] as const), ...GB_T_4761_CODES]
      .flatMap(([kind, spellings]) => spellings.map((s) => `(${quote(s)}, ${quote(kind)})`)).join(', ')})`;

/** RELATION_PREFIX and PREFIXED_KINDS as SQL literals. */
export const RELATION_PREFIX_SQL = quote(RELATION_PREFIX);
export const PREFIXED_KINDS_SQL = PREFIXED_KINDS.map(quote).join(', ');
