// data_quality.household-no-head: no 户主/本人 row in the household.
import { defineCheck } from '../../scanner/engine/define-check.ts';

export default defineCheck({
  id: 'data_quality.household-no-head',
  category: 'data_quality',
  severity: 'low',
  title: '家庭无户主',
  description: '同一家庭编号下没有“户主”或“本人”行（与户主关系一栏）：户主可能已死亡、迁出或录入有误。',
  basis: '《最低生活保障审核确认办法》(民发〔2021〕57号) 第二章 家庭成员认定',
  inputs: ['roll'],
  requiresColumns: ['roll.relation'],
  sql: `
    -- Households without a head found first, so the evidence text is built for a few, not for every household.
    WITH headless AS (
      SELECT household_id FROM roll WHERE household_id IS NOT NULL GROUP BY household_id HAVING NOT bool_or(coalesce(is_head, false))
    )
    SELECT arg_min(id_number, (NOT coalesce(is_head, false), id_number, _file, _line)) AS subject_id, arg_min(name, (NOT coalesce(is_head, false), id_number, _file, _line)) AS subject_name, '' AS subject_key,
           min(county) AS county, min(township) AS township, mode(village ORDER BY village) AS village,
           household_id, mode(program ORDER BY program) AS program,
           'no-head|' || household_id AS fact,
           '家庭编号 ' || household_id || ' 共 ' || count(*) || ' 行，无户主/本人行；关系为：' ||
             string_agg(coalesce(name, '?') || '(' || coalesce(relation, '空') || ')', '、' ORDER BY _file, _line) AS evidence,
           'roll' AS source_dataset, min(_file) AS source_file, arg_min(_line, (_file, _line)) AS source_line
    FROM roll SEMI JOIN headless USING (household_id)
    GROUP BY household_id`,
  remedy: '核实家庭成员关系，变更户主或更正与户主关系',
  deadlineDays: 30,
});
