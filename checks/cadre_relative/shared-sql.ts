// Shared by the cadre_relative checks: serving cadres, the relation vocabulary (a config param) and the near-relative paths.
import { z } from 'zod';
import { DEATH_WORD, MOVED_OUT_WORD } from '../../scanner/normalise/category-words.ts';
import { eitherScriptPattern } from '../../scanner/normalise/traditional-to-simplified.ts';
import { sqlString } from '../../scanner/sql-text.ts';
import { citeRow } from '../shared-sql.ts';

/**
 * Canonical relation kinds: "R is C's <kind>". Everyday spellings map onto them (RELATION_SPELLINGS);
 * a county picks which kinds are near (近亲属) with the `relations` param.
 */
/** 文件依据 of the three cadre_relative checks. */
export const CADRE_RELATIVE_BASIS =
  '《最低生活保障审核确认办法》(民发〔2021〕57号)：低保经办人员和村(居)民委员会成员近亲属申请、享受低保的，单独登记备案；固原市民政局《关于进一步健全完善最低生活保障经办人员和村(居)民委员会近亲属享受最低生活保障待遇备案制度的通知》(2022)：近亲属范围';

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
 * not followed, and such relatives on the roll were found only where they shared the cadre's roll household.
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
];

/** For the checks' descriptions: every kind a county may list in `relations`, with its Chinese meaning. */
export const RELATION_KINDS_DOC = KINDS.map(([kind, label]) => `${kind}（${label}）`).join('、');

const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;

/** serving_rows: the cadres' rows whose term overlaps P, each with row_label (name, position, place, term, row). */
const SERVING_ROWS_SQL = `
    serving_rows AS (
      -- An empty term_start is a roster that does not say when the term began: the cadre serves unless term_end is before P.
      SELECT c.*,
             c.name || '(' || coalesce(c.position, '职务不详') || '，' || coalesce(c.village, c.township, '县级') || '，任期 ' ||
               coalesce(strftime(c.term_start, '%Y-%m-%d'), '起始未填') || ' 至 ' || coalesce(strftime(c.term_end, '%Y-%m-%d'), '今') ||
               '，干部及经办人员名册 ' || ${citeRow('c')} || ')' AS row_label
      FROM cadres c
      WHERE c.id_number IS NOT NULL AND (c.term_start IS NULL OR c.term_start <= period_end())
        AND (c.term_end IS NULL OR c.term_end >= period_start())
    )`;

/**
 * A roll status that says the person left the household, not only that the roll stopped paying him: a move out (迁出,
 * 户口迁出, 迁移, 外迁, 转出 …, as the loader reads a move), a split into a household of his own (分户, 另立户), a marriage
 * out (出嫁, 入赘), a 户口 cancelled (户口注销, 参军, 入伍) or a death (死亡, 病故, 已故 …). 停保 and 退保 alone, or with a
 * reason that is no such word (停保（任职）, 退保（收入超标）), say only that he is no longer paid. Such a word denied or
 * not yet done (未迁出, 户口未迁出, 拟迁出, 申请分户, 未办理迁出) does not count, nor a way of paying (分户施保), nor a
 * value that also names a return (迁出后迁回, 迁入).
 */
const LEFT_HOUSEHOLD_WORD = `${MOVED_OUT_WORD}|迁移|分户|另立户|单独立户|出嫁|外嫁|嫁出|入赘|户口注销|注销户口|户籍注销|注销户籍|参军|入伍|${DEATH_WORD}|已故`;
const LEFT_HOUSEHOLD_DENIED = `(?:未|不|没有?|无|非|拟|待|预|申请|建议|提请|准备|误)(?:办理?|已|曾|再|能|予|经)?(?:${LEFT_HOUSEHOLD_WORD})|分户(?:施保|保障|救助|纳入|享受)`;
const RETURN_WORD = '迁回|回迁|迁入|迁移入';
/** A word pattern as a regexp literal that also matches its words in traditional characters. */
const words = (pattern: string) => sqlString(eitherScriptPattern(pattern));

/**
 * Whether the roll row `alias` says its person left the household. The words are matched in either script (遷出 is
 * 迁出) as they stand in the value: converting it first (rs_category_text) costs a third of a second to plan in each
 * query. Most such rows are 退保 (迁出) or 停保 (停保（迁出）) already; some are read as 在保 and reported (死亡, 分户,
 * 在保（已迁出）). A row without the words costs one failed match.
 */
const leftHousehold = (alias: string) => `coalesce(regexp_matches(${alias}.status_raw, ${words(LEFT_HOUSEHOLD_WORD)})
      AND regexp_matches(regexp_replace(${alias}.status_raw, ${words(LEFT_HOUSEHOLD_DENIED)}, '', 'g'), ${words(LEFT_HOUSEHOLD_WORD)})
      AND NOT regexp_matches(${alias}.status_raw, ${words(RETURN_WORD)}), false)`;

/**
 * The roll row `alias` is its person's, in its household, for the cadre_relative checks: read 在保 and not saying that he
 * left (a row 死亡 or 分户 is read as 在保 by the loader; it makes no one a cadre's relative, nor the cadre a recipient).
 */
export const stillInHousehold = (alias: string) => `${alias}.active AND NOT ${leftHousehold(alias)}`;

/**
 * The status of the cadre's row `alias` for a same-household link's evidence: as the roll writes it beside how it is
 * read (干部本人退保（退出）, 干部本人停保（任职）), or that it could not be read; nothing for a row 在保.
 */
const cadreStatusNote = (alias: string) => `CASE
    WHEN NOT ${alias}.active THEN '，干部本人' || CASE WHEN contains(coalesce(rs_text(${alias}.status_raw), ''), ${alias}.status)
      THEN rs_text(${alias}.status_raw) ELSE ${alias}.status || coalesce('（' || rs_text(${alias}.status_raw) || '）', '') END
    WHEN ${alias}.status IS NULL AND rs_text(${alias}.status_raw) IS NOT NULL
      THEN '，干部本人状态「' || rs_text(${alias}.status_raw) || '」无法识别，按在保计'
    ELSE '' END`;

/** One row per cadre ID of `rows` (a relation shaped like serving_rows): cadre_tag = 姓名(职务), cadre_label every row's label. */
const cadreLabels = (rows: string) => `
      SELECT id_number AS cadre_id,
             arg_min(name, (_file, _line)) || '(' || string_agg(DISTINCT coalesce(position, '职务不详'), '、' ORDER BY coalesce(position, '职务不详')) || ')' AS cadre_tag,
             string_agg(DISTINCT row_label, '；' ORDER BY row_label) AS cadre_label
      FROM ${rows} GROUP BY id_number`;

/** serving_cadres: one row per cadre ID whose term overlaps P, with cadre_tag and cadre_label. */
export const SERVING_CADRES_SQL = `${SERVING_ROWS_SQL},
    serving_cadres AS (${cadreLabels('serving_rows')}
    )`;

/** two_hop_paths(first_kind, second_kind, kind): TWO_HOP_PATHS as a table. */
const TWO_HOP_PATHS_SQL = `
    two_hop_paths(first_kind, second_kind, kind) AS (VALUES ${TWO_HOP_PATHS.map((path) => `(${path.map(quote).join(', ')})`).join(', ')})`;

/** relation_kinds(kind, kind_label, inverse_kind): the canonical kinds as a table. */
const RELATION_KINDS_SQL = `
    relation_kinds(kind, kind_label, inverse_kind) AS (VALUES ${KINDS.map(([kind, label, inverse]) => `(${quote(kind)}, ${quote(label)}, ${quote(inverse)})`).join(', ')})`;

/**
 * shared_cadre_paths(cadre_id, relative_id, kind, hops, first_arrow, through, second_arrow, cites): every way an
 * active roll person is a serving cadre C's near relative under $relations / $sameHousehold, as IDs — `through` is
 * the middle person of a two-hop path; a same-household link has hops 0 and its text in first_arrow.
 * Tens of thousands of kinship paths start at the cadres and a few hundred end on the roll: names, labels and
 * evidence are built for those only (CADRE_RELATIVE_PEOPLE), from this table, whose real size the planner then knows.
 */
const CADRE_PATHS = {
  table: 'shared_cadre_paths',
  sql: `
    WITH ${SERVING_ROWS_SQL},
    serving_ids AS (SELECT DISTINCT id_number AS cadre_id FROM serving_rows),
    ${RELATION_KINDS_SQL}, ${TWO_HOP_PATHS_SQL},
    relation_spellings(spelling, kind) AS (VALUES ${[...KINDS.map(([kind, , , spellings]) => [kind, spellings] as const), ...GB_T_4761_CODES]
      .flatMap(([kind, spellings]) => spellings.map((s) => `(${quote(s)}, ${quote(kind)})`)).join(', ')}),
    -- Only kinship rows within two steps of a serving cadre can prove anything: keep those before the heavier work.
    first_ring AS (
      SELECT cadre_id AS id FROM serving_ids
      UNION SELECT k.relative_id_number FROM kinship k JOIN serving_ids s ON s.cadre_id = k.id_number WHERE k.relative_id_number IS NOT NULL
      UNION SELECT k.id_number FROM kinship k JOIN serving_ids s ON s.cadre_id = k.relative_id_number WHERE k.id_number IS NOT NULL
    ),
    nearby_kinship AS (
      SELECT k.* FROM kinship k WHERE k.id_number IN (SELECT id FROM first_ring)
      UNION ALL
      SELECT k.* FROM kinship k WHERE k.relative_id_number IN (SELECT id FROM first_ring) AND k.id_number NOT IN (SELECT id FROM first_ring)
    ),
    -- Spellings are compared after trimming, width folding and 繁→简, then (where the table lacks them) without a birth-order
    -- or size prefix; an unknown spelling is 其他 (never near).
    spelled AS (
      SELECT d.relation, coalesce(s.kind, p.kind, 'other') AS kind
      FROM (SELECT relation, rs_name_key(relation) AS spelling FROM (SELECT DISTINCT relation FROM nearby_kinship)) d
      LEFT JOIN relation_spellings s ON s.spelling = d.spelling
      LEFT JOIN relation_spellings p ON p.spelling = regexp_replace(d.spelling, ${quote(RELATION_PREFIX)}, '')
        AND p.kind IN (${PREFIXED_KINDS.map(quote).join(', ')})
    ),
    -- One (X, Y, relation) however many rows say it, cited by its first row.
    kin AS (
      SELECT k.id_number AS x, k.relative_id_number AS y, k.relation, any_value(sp.kind) AS kind,
             '亲属关系 ' || arg_min(${citeRow('k')}, (k._file, k._line)) AS cite
      FROM nearby_kinship k JOIN spelled sp USING (relation)
      WHERE k.id_number IS NOT NULL AND k.relative_id_number IS NOT NULL AND k.id_number <> k.relative_id_number
      GROUP BY ALL
    ),
    -- Edges a → b, "b is a's kind": each row read forwards (Y is X's rel) and backwards (X is Y's inverse).
    edges AS (
      SELECT x AS a, y AS b, kind, '—' || relation || '→' AS arrow, cite FROM kin
      UNION ALL
      SELECT y, x, rk.inverse_kind, '←' || relation || '—', cite FROM kin JOIN relation_kinds rk USING (kind)
    ),
    active_roll AS (SELECT DISTINCT id_number FROM roll WHERE active AND id_number IS NOT NULL),
    -- The rows of the households the serving cadres have rows in (for the same-household link).
    cadre_households AS MATERIALIZED (
      SELECT DISTINCT county, township, village, household_id FROM roll
      WHERE $sameHousehold AND id_number IN (SELECT cadre_id FROM serving_ids) AND household_id IS NOT NULL
    ),
    household_rows AS MATERIALIZED (
      SELECT r.* FROM roll r JOIN cadre_households h ON r.household_id = h.household_id AND r.county IS NOT DISTINCT FROM h.county
        AND r.township IS NOT DISTINCT FROM h.township AND r.village IS NOT DISTINCT FROM h.village
    ),
    -- Those a person's own row says he left (迁出, 分户, 死亡 …): any of his rows there, since a roll that keeps history
    -- has his old row (历史, read as 退保) beside the one that says he moved out.
    left_households AS (
      SELECT DISTINCT id_number, county, township, village, household_id FROM household_rows r WHERE ${leftHousehold('r')}
    ),
    traced AS (
      SELECT s.cadre_id, e.b AS relative_id, e.kind, 1 AS hops, e.arrow AS first_arrow, NULL AS through, NULL AS second_arrow, e.cite AS cites
      FROM serving_ids s JOIN edges e ON e.a = s.cadre_id
      UNION ALL
      -- Two hops only along two_hop_paths (spouse's parents, siblings and children; parents' siblings, children, spouses
      -- and parents; children's spouses and children).
      SELECT s.cadre_id, e2.b, t.kind, 2, e1.arrow, e1.b, e2.arrow, e1.cite || '、' || e2.cite
      FROM serving_ids s
      JOIN edges e1 ON e1.a = s.cadre_id
      JOIN two_hop_paths t ON t.first_kind = e1.kind
      JOIN edges e2 ON e2.a = e1.b AND e2.kind = t.second_kind AND e2.b <> s.cadre_id
    )
    SELECT * FROM traced WHERE list_contains($relations, kind) AND relative_id IN (SELECT id_number FROM active_roll)
    UNION ALL
    -- Same roll household as C (any row of C's, the member's active rows). C's own payment does not matter: the roll
    -- says who lives together, and a cadre 停保 or 退保 himself (often on taking office) while his family is still paid
    -- is the case to see (until 2026-12-03 his 停保 row linked no one). His leaving does: a household where a row of his
    -- says he left it (迁出, 分户, 死亡 …: leftHousehold) links no one, nor one a member's row says the member left
    -- (until 2026-12-06 a cadre 迁出 made everyone left behind his 同户 relative, the evidence saying only 退保).
    -- Hand-kept rolls number households per village (户号 001 in every village): the 家庭编号 names a household only
    -- within its county, township and village. A place left empty matches only an empty one (data_quality.missing-field
    -- reports it): a high finding claims the two live together.
    SELECT c.id_number, m.id_number, 'same-household', 0,
           '—同户(' || concat_ws(' ', nullif(concat(m.township, m.village), ''), '家庭编号 ' || m.household_id) ||
             '，与户主关系 ' || coalesce(m.relation, '未填') || ${cadreStatusNote('c')} || ')→',
           NULL, NULL, '救助对象花名册 ' || ${citeRow('c')} || '、' || ${citeRow('m')}
    FROM household_rows c
    JOIN household_rows m ON m.household_id = c.household_id AND m.county IS NOT DISTINCT FROM c.county
      AND m.township IS NOT DISTINCT FROM c.township AND m.village IS NOT DISTINCT FROM c.village
      AND ${stillInHousehold('m')} AND m.id_number <> c.id_number
    ${['c', 'm'].map((who) => `LEFT JOIN left_households left_${who} ON left_${who}.id_number = ${who}.id_number
      AND left_${who}.household_id = c.household_id AND left_${who}.county IS NOT DISTINCT FROM c.county
      AND left_${who}.township IS NOT DISTINCT FROM c.township AND left_${who}.village IS NOT DISTINCT FROM c.village`).join('\n    ')}
    WHERE $sameHousehold AND c.id_number IN (SELECT cadre_id FROM serving_ids) AND left_c.id_number IS NULL AND left_m.id_number IS NULL`,
};

/**
 * shared_cadre_relative_people, built once per scan for the filed and unfiled checks (defineCheck's `prepare`, after
 * CADRE_PATHS): one row per active roll person and household who is a serving cadre (`cadre_label`) or a near relative
 * of one (never both: a cadre on the roll is cadre_relative.self), with `household_filed` (备案 on any of the person's
 * rows there) and, for relatives, `links_text` naming every cadre, the relation and each path that proves it.
 */
const CADRE_RELATIVE_PEOPLE = {
  table: 'shared_cadre_relative_people',
  sql: `
    WITH ${SERVING_ROWS_SQL}, ${RELATION_KINDS_SQL},
    serving_cadres AS (${cadreLabels(`serving_rows WHERE id_number IN (
        SELECT cadre_id FROM shared_cadre_paths UNION ALL SELECT id_number FROM roll WHERE active)`)}
    ),
    -- Names of the people a two-hop path goes through (kinship rows carry no names): from the roll, the cadres, any list.
    middle_names AS (
      SELECT id_number, arg_min(name, (dataset <> 'roll', dataset <> 'cadres', _file, _line)) AS name
      FROM id_occurrences
      WHERE name IS NOT NULL AND id_number IN (SELECT through FROM shared_cadre_paths)
      GROUP BY id_number
    ),
    -- path_head: the path up to the relative's name, which is appended from the roll row.
    near_links AS (
      SELECT p.cadre_id, p.relative_id, p.kind, coalesce(rk.kind_label, '同户家庭成员') AS kind_label, p.hops,
             s.cadre_tag || ' ' || p.first_arrow || ' ' ||
               CASE WHEN p.hops = 2 THEN coalesce(n.name, '身份证号 ' || p.through) || ' ' || p.second_arrow || ' ' ELSE '' END AS path_head,
             string_agg(DISTINCT p.cites, '；' ORDER BY p.cites) AS cites
      FROM shared_cadre_paths p JOIN serving_cadres s USING (cadre_id)
      LEFT JOIN middle_names n ON n.id_number = p.through
      LEFT JOIN relation_kinds rk USING (kind)
      GROUP BY ALL
    ),
    roll_people AS (
      SELECT DISTINCT ON (id_number, household_id) * FROM (
        SELECT r.*, bool_or(coalesce(r.filed, false)) OVER (PARTITION BY r.id_number, r.household_id) AS household_filed
        -- A row read as 在保 that says he left the household (死亡, 分户, 在保（已迁出）) is not him paid there.
        FROM roll r WHERE r.id_number IN (SELECT relative_id FROM near_links UNION ALL SELECT cadre_id FROM serving_cadres)
          AND ${stillInHousehold('r')}
      ) ORDER BY id_number, household_id, _file, _line
    ),
    per_cadre AS (
      SELECT p.id_number, p.household_id, n.cadre_id,
             string_agg(n.kind_label || '：' || n.path_head || coalesce(p.name, p.id_number) || '（' || n.cites || '）', '；'
                        ORDER BY n.hops = 0, n.hops, n.path_head, n.kind_label) AS paths
      FROM roll_people p JOIN near_links n ON n.relative_id = p.id_number
      WHERE p.id_number NOT IN (SELECT id_number FROM serving_rows)
      GROUP BY ALL
    ),
    links_per_person AS (
      SELECT id_number, household_id, string_agg('干部 ' || s.cadre_label || '，关系 ' || c.paths, '。' ORDER BY s.cadre_id) AS links_text
      FROM per_cadre c JOIN serving_cadres s USING (cadre_id) GROUP BY id_number, household_id
    )
    SELECT p.*, l.links_text, s.cadre_label
    FROM roll_people p
    LEFT JOIN links_per_person l ON l.id_number = p.id_number AND l.household_id IS NOT DISTINCT FROM p.household_id
    LEFT JOIN serving_cadres s ON s.cadre_id = p.id_number`,
};

/** What cadre_relative.filed and .unfiled prepare, in order: the paths, then the people with their evidence. */
export const CADRE_RELATIVE_TABLES = [CADRE_PATHS, CADRE_RELATIVE_PEOPLE];
