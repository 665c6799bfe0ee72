// duplicate.two-households: one person (normalised ID) on active rows of more than one household, every row flagged
// but one in the only household whose row does not say she left it.
import { defineCheck } from '../../scanner/engine/define-check.ts';
import { ROLL_LOCATION, ROLL_SOURCE, citeRow, headsOwnSplit, saysItLeftHousehold } from '../shared-sql.ts';
import { COPY_IN_HOUSEHOLD, DIBAO_AND_TEKUN_IDS, householdPlace, sameVillage, startedBy } from './shared-sql.ts';

export default defineCheck({
  id: 'duplicate.two-households',
  category: 'duplicate',
  severity: 'high',
  title: '同一人在多个家庭重复享受',
  description: '同一身份证号码（15 位与 18 位视为同一人）出现在两个及以上家庭的在保行中（不论是否同村）；开始享受时间晚于本期末的行（如下月起转入另一户，新旧两行均已录入）本期尚未享受，不计入。家庭编号为空或无法识别的行，所在村没有此人有编号的家庭的，按该村另一户计。每一行各列一条，证据列出其他各处（状态不是在保的，注明其状态）；保障状态整体写明此人已离开该户的行（出嫁、分户、在保（已迁出）等，无法识别而按在保处理）照列（该户应核减），但不使此人仍在的另一户被列出；各行都写明已离开的，各行均列出。同时享受低保和特困的见 duplicate.dibao-and-tekun。身份证号码无法识别的行不参与比对；同名不同号的人不算。',
  basis: '《最低生活保障审核确认办法》(民发〔2021〕57号) 第二章 家庭成员认定；《社会救助暂行办法》(国务院令第649号)',
  inputs: ['roll'],
  sql: `
    -- min ≠ max finds them without building a household list for each of a province's million people; a person with a
    -- row whose 家庭编号 is empty or lost (3.71329E+15) and another row is looked at too.
    -- A row starting after P (he moves to another household from next month, both rows written) is not paid in P.
    WITH paid_rows AS (SELECT * FROM roll r WHERE active AND ${startedBy('r')}),
    several AS (
      SELECT id_number FROM paid_rows WHERE id_number IS NOT NULL
      GROUP BY id_number HAVING min(household_id) <> max(household_id) OR (count(*) > 1 AND count(household_id) < count(*))
    ),
    -- Only the people in several households are numbered and cited: a province's roll holds a few hundred, not millions.
    -- Whether the row says she left its household (出嫁, 分户, 在保（已迁出）, read as 在保), for those few rows only. The
    -- head's own 分户 is the split that made his household (until 2026-12-07 it was told 本户应核减, not his old row).
    candidate_rows AS (
      SELECT *, ${saysItLeftHousehold('r')} AND NOT ${headsOwnSplit('r')} AS left_household FROM paid_rows r SEMI JOIN several USING (id_number)
    ),
    -- The villages of his numbered households (any member's row): a row of his without a number there may be one of them.
    numbered_villages AS (
      SELECT DISTINCT c.id_number, h.township, h.village
      FROM (SELECT DISTINCT id_number, household_id FROM candidate_rows WHERE household_id IS NOT NULL) c JOIN roll h USING (household_id)
      WHERE h.village IS NOT NULL
    ),
    -- A row without a 家庭编号 is a household of its village, where none of his numbered households is: another family's
    -- row all the same, whose village pays him too (until 2026-12-05 such a row was never compared, and a person on a
    -- township's roll whose 家庭编号 Excel turned into 3.71329E+15 was not found on another's). One in a village of his
    -- numbered households, or naming no village, cannot be told from them and is left out.
    placed AS (
      SELECT r.*, ${householdPlace('r')} AS place FROM candidate_rows r
      WHERE r.household_id IS NOT NULL OR (r.village IS NOT NULL AND NOT EXISTS (
        SELECT 1 FROM numbered_villages v
        WHERE v.id_number = r.id_number AND ${sameVillage('v', 'r')}))
    ),
    people AS (
      SELECT id_number, string_agg(DISTINCT place, '/' ORDER BY place) AS households, count(DISTINCT place) AS household_count
      FROM placed GROUP BY id_number HAVING count(DISTINCT place) > 1
    ),
    occurrences AS (
      SELECT r.*,
             ${COPY_IN_HOUSEHOLD} AS copy
      FROM placed r SEMI JOIN people USING (id_number)
    ),
    -- Covered by duplicate.dibao-and-tekun (on active rows of both families, with or without a household id).
    dibao_and_tekun AS (${DIBAO_AND_TEKUN_IDS}),
    -- A row is flagged when it says she left its household, or she is also on a row of another household that does not
    -- say so. A daughter 在保 in her husband's household and 出嫁 (read as 在保) in her parents': her parents' row is
    -- flagged (to be removed), her husband's is not (until 2026-12-07 both were, told to 只保留一处, and the evidence did
    -- not say which row said 出嫁). Rows that all say she left are all flagged: she is paid in each, and lives in none.
    elsewhere AS (
      SELECT DISTINCT r.id_number, r.place FROM occurrences r
      WHERE r.left_household OR EXISTS (SELECT 1 FROM occurrences s
        WHERE s.id_number = r.id_number AND NOT s.left_household AND s.place <> r.place)
    )
    SELECT r.id_number AS subject_id, r.name AS subject_name, ${ROLL_LOCATION},
           'two-households|' || p.households || '|' || r.copy AS fact,
           '身份证号码 ' || r.id_number || CASE WHEN r.left_household
             THEN ' 在本户的行保障状态「' || trim(r.status_raw) || '」，写明已离开本户，但未按停保、退保登记（按在保读取）；此人在其他户在保，本户应核减；'
             ELSE ' 同时在 ' || p.household_count || ' 户在保；' END ||
             CASE WHEN r.household_id IS NULL THEN '本行家庭编号' || coalesce('「' || r.household_id_lost || '」无法识别', '为空') || '，按本村另一户计；' ELSE '' END ||
             '其他：' ||
             (SELECT string_agg(coalesce(o.township, '') || coalesce(o.village, '') || ' 家庭编号 ' || coalesce(o.household_id, '为空或无法识别') || ' ' ||
                                coalesce(o.name, '?') || '（' || coalesce(o.program, '类别空') || '，' ||
                                -- Each other row's status where it is not plainly 在保: which of them says she left.
                                CASE WHEN o.left_household OR (o.status IS NULL AND nullif(trim(o.status_raw), '') IS NOT NULL)
                                     THEN '保障状态「' || trim(o.status_raw) || '」' ||
                                          CASE WHEN o.left_household THEN '，写明已离开该户' ELSE '，无法识别，按在保计' END || '，' ELSE '' END ||
                                ${citeRow('o')} || '）',
                                '；' ORDER BY o.household_id, o.copy)
              FROM occurrences o
              WHERE o.id_number = r.id_number AND NOT (o._file = r._file AND o._line = r._line AND o._sheet IS NOT DISTINCT FROM r._sheet)) AS evidence,
           ${ROLL_SOURCE}
    FROM occurrences r JOIN people p USING (id_number) SEMI JOIN elsewhere e USING (id_number, place) ANTI JOIN dibao_and_tekun d USING (id_number)`,
  remedy: '核实此人实际所在家庭，只保留一处，其余核减保障人口并追回重复发放资金',
  deadlineDays: 15,
});
