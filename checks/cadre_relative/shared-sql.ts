// Shared by the cadre_relative checks: serving cadres and the near-relative paths (the relation words are in
// shared/relation-vocabulary.ts, what says a person left a household in shared/left-household.ts).
import { citeRow } from '../shared-sql.ts';
import { cadreStatusNote, leftHousehold, stillInHousehold } from './shared/left-household.ts';
import { PREFIXED_KINDS_SQL, RELATION_KINDS_SQL, RELATION_PREFIX_SQL, RELATION_SPELLINGS_SQL, TWO_HOP_PATHS_SQL } from './shared/relation-vocabulary.ts';

/** 文件依据 of the three cadre_relative checks. */
export const CADRE_RELATIVE_BASIS =
  '《最低生活保障审核确认办法》(民发〔2021〕57号)：低保经办人员和村(居)民委员会成员近亲属申请、享受低保的，单独登记备案；固原市民政局《关于进一步健全完善最低生活保障经办人员和村(居)民委员会近亲属享受最低生活保障待遇备案制度的通知》(2022)：近亲属范围';

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
    ${RELATION_SPELLINGS_SQL},
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
      LEFT JOIN relation_spellings p ON p.spelling = regexp_replace(d.spelling, ${RELATION_PREFIX_SQL}, '')
        AND p.kind IN (${PREFIXED_KINDS_SQL})
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
    -- The roll's active IDs are probed, not made DISTINCT first: that million-ID aggregate was 1–2 s in B1M profiles.
    SELECT * FROM traced WHERE list_contains($relations, kind) AND relative_id IN (SELECT id_number FROM roll WHERE active)
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
    -- Names of the people a two-hop path goes through (kinship rows carry no names): from the roll, else the cadres,
    -- else any list (its first row naming him). The roll and the cadres are read first, and the lists only for the
    -- IDs neither names: until 2026-12-06 every sighting of id_occurrences (about 19 million at B1M) was read for all.
    through_ids AS (SELECT DISTINCT through AS id_number FROM shared_cadre_paths WHERE through IS NOT NULL),
    roll_names AS (
      SELECT id_number, arg_min(name, (_file, _line)) AS name FROM roll
      WHERE name IS NOT NULL AND id_number IN (SELECT id_number FROM through_ids) GROUP BY id_number
    ),
    cadre_names AS (
      SELECT id_number, arg_min(name, (_file, _line)) AS name FROM cadres
      WHERE name IS NOT NULL AND id_number IN (SELECT id_number FROM through_ids) AND id_number NOT IN (SELECT id_number FROM roll_names)
      GROUP BY id_number
    ),
    unnamed_ids AS (
      SELECT id_number FROM through_ids
      WHERE id_number NOT IN (SELECT id_number FROM roll_names UNION ALL SELECT id_number FROM cadre_names)
    ),
    list_names AS (
      SELECT id_number, arg_min(name, (_file, _line)) AS name FROM id_occurrences
      WHERE dataset NOT IN ('roll', 'cadres') AND name IS NOT NULL AND id_number IN (SELECT id_number FROM unnamed_ids)
      GROUP BY id_number
    ),
    middle_names AS (SELECT * FROM roll_names UNION ALL SELECT * FROM cadre_names UNION ALL SELECT * FROM list_names),
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
    -- The rows of these few thousand people first, read apart (MATERIALIZED): with the test below beside the IDs',
    -- DuckDB ran its patterns over every active row of the roll (4.8 of this table's 8.8 s in a B1M profile) before
    -- the join kept a few.
    candidate_rows AS MATERIALIZED (
      SELECT * FROM roll WHERE id_number IN (SELECT relative_id FROM near_links UNION ALL SELECT cadre_id FROM serving_cadres)
    ),
    roll_people AS (
      SELECT DISTINCT ON (id_number, household_id) * FROM (
        SELECT r.*, bool_or(coalesce(r.filed, false)) OVER (PARTITION BY r.id_number, r.household_id) AS household_filed
        -- A row read as 在保 that says he left the household (死亡, 分户, 在保（已迁出）) is not him paid there.
        FROM candidate_rows r WHERE ${stillInHousehold('r')}
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
