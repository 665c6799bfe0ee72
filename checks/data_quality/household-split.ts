// data_quality.household-split: one household id on rows of different villages.
import { defineCheck } from '../../scanner/engine/define-check.ts';

export default defineCheck({
  id: 'data_quality.household-split',
  category: 'data_quality',
  severity: 'medium',
  title: '同一家庭编号分属不同村',
  description: '同一个家庭编号出现在不同的村（社区）：可能是编号重复使用，或家庭迁移后未整体变更。每个涉及的村各列一条。',
  basis: '《最低生活保障审核确认办法》(民发〔2021〕57号) 第二章 家庭成员认定',
  inputs: ['roll'],
  sql: `
    -- A row without a village cannot say where it is, and a row with an empty 乡镇 is in the household's own
    -- township (the most common one, the first in sort order on a tie; missing-field reports the gap):
    -- neither makes a split by itself.
    WITH villaged AS (SELECT * FROM roll WHERE household_id IS NOT NULL AND village IS NOT NULL),
    own_township AS (
      SELECT household_id, mode(township ORDER BY township) AS township FROM villaged
      WHERE household_id IN (SELECT household_id FROM villaged WHERE township IS NULL) GROUP BY household_id
    ),
    located AS (
      SELECT v.*, coalesce(v.township, o.township) AS known_township FROM villaged v LEFT JOIN own_township o USING (household_id)
    ),
    -- The few households in more than one place, found before the per-place evidence is gathered.
    split_households AS (
      SELECT household_id FROM located GROUP BY household_id
      HAVING min(concat_ws('|', known_township, village)) <> max(concat_ws('|', known_township, village))
    ),
    places AS (
      SELECT household_id, concat_ws('|', known_township, village) AS place, min(county) AS county,
             any_value(known_township) AS township, any_value(village) AS village, mode(program ORDER BY program) AS program,
             arg_min(id_number, (NOT coalesce(is_head, false), id_number, _file, _line)) AS subject_id, arg_min(name, (NOT coalesce(is_head, false), id_number, _file, _line)) AS subject_name,
             min(_file) AS source_file, arg_min(_line, (_file, _line)) AS source_line, count(*) AS persons
      FROM located WHERE household_id IN (SELECT household_id FROM split_households) GROUP BY household_id, place
    ),
    split AS (
      SELECT household_id, string_agg(place, '/' ORDER BY place) AS places_key,
             string_agg(coalesce(township, '') || coalesce(village, '（无村名）') || ' ' || persons || '人', '；' ORDER BY place) AS all_places
      FROM places GROUP BY household_id HAVING count(*) > 1
    )
    SELECT p.subject_id, p.subject_name, '' AS subject_key, p.county, p.township, p.village, p.household_id, p.program,
           -- One finding per village involved: each village has to act on its part.
           'split|' || p.place || '|' || s.places_key AS fact,
           '家庭编号 ' || p.household_id || ' 出现在多个村：' || s.all_places AS evidence,
           'roll' AS source_dataset, p.source_file, p.source_line
    FROM places p JOIN split s USING (household_id)`,
  remedy: '核实家庭实际居住地，统一家庭编号与所属村（社区）',
  deadlineDays: 30,
});
