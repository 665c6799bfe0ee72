// duplicate.two-households: one person (normalised ID) on active rows of more than one household, every row flagged.
import { defineCheck } from '../../scanner/engine/define-check.ts';
import { ROLL_LOCATION, ROLL_SOURCE, citeRow } from '../shared-sql.ts';
import { COPY_IN_HOUSEHOLD, DIBAO_AND_TEKUN_IDS } from './shared-sql.ts';

export default defineCheck({
  id: 'duplicate.two-households',
  category: 'duplicate',
  severity: 'high',
  title: '同一人在多个家庭重复享受',
  description: '同一身份证号码（15 位与 18 位视为同一人）出现在两个及以上家庭的在保行中（不论是否同村）。每一行各列一条，证据列出其他各处；同时享受低保和特困的见 duplicate.dibao-and-tekun。身份证号码无法识别的行不参与比对；同名不同号的人不算。',
  basis: '《最低生活保障审核确认办法》(民发〔2021〕57号) 第二章 家庭成员认定；《社会救助暂行办法》(国务院令第649号)',
  inputs: ['roll'],
  sql: `
    -- min ≠ max finds them without building a household list for each of a province's million people.
    WITH several AS (
      SELECT id_number FROM roll WHERE active AND id_number IS NOT NULL AND household_id IS NOT NULL
      GROUP BY id_number HAVING min(household_id) <> max(household_id)
    ),
    -- Only the people in several households are numbered and cited: a province's roll holds a few hundred, not millions.
    placed AS (SELECT * FROM roll SEMI JOIN several USING (id_number) WHERE active AND household_id IS NOT NULL),
    people AS (
      SELECT id_number, string_agg(DISTINCT household_id, '/' ORDER BY household_id) AS households, count(DISTINCT household_id) AS household_count
      FROM placed GROUP BY id_number
    ),
    occurrences AS (
      SELECT r.*,
             ${COPY_IN_HOUSEHOLD} AS copy
      FROM placed r
    ),
    -- Covered by duplicate.dibao-and-tekun (on active rows of both families, with or without a household id).
    dibao_and_tekun AS (${DIBAO_AND_TEKUN_IDS})
    SELECT r.id_number AS subject_id, r.name AS subject_name, ${ROLL_LOCATION},
           'two-households|' || p.households || '|' || r.copy AS fact,
           '身份证号码 ' || r.id_number || ' 同时在 ' || p.household_count || ' 户在保；其他：' ||
             (SELECT string_agg(coalesce(o.township, '') || coalesce(o.village, '') || ' 家庭编号 ' || o.household_id || ' ' ||
                                coalesce(o.name, '?') || '（' || coalesce(o.program, '类别空') || '，' || ${citeRow('o')} || '）',
                                '；' ORDER BY o.household_id, o.copy)
              FROM occurrences o
              WHERE o.id_number = r.id_number AND NOT (o._file = r._file AND o._line = r._line AND o._sheet IS NOT DISTINCT FROM r._sheet)) AS evidence,
           ${ROLL_SOURCE}
    FROM occurrences r JOIN people p USING (id_number) ANTI JOIN dibao_and_tekun d USING (id_number)`,
  remedy: '核实此人实际所在家庭，只保留一处，其余核减保障人口并追回重复发放资金',
  deadlineDays: 15,
});
