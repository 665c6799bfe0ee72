// data_quality.household-no-head: no 户主/本人 row in a household some of whose rows come from a file with a 与户主关系 column.
import { defineCheck } from '../../scanner/engine/define-check.ts';
import { headFirstSubject } from '../../scanner/load/household-subject.ts';

export default defineCheck({
  id: 'data_quality.household-no-head',
  category: 'data_quality',
  severity: 'low',
  title: '家庭无户主',
  description: '同一家庭编号下没有“户主”或“本人”行（与户主关系一栏）：户主可能已死亡、迁出或录入有误。没有与户主关系一栏（或该栏整列为空）的花名册文件（工作表）中的家庭无从判断，不列入。',
  basis: '《最低生活保障审核确认办法》(民发〔2021〕57号) 第二章 家庭成员认定',
  inputs: ['roll'],
  requiresColumns: ['roll.relation'],
  sql: `
    -- requiresColumns asks only that some roll file has the column: a 特困 roll without it beside a 低保 roll with it
    -- made each of its persons a household without a head. The typed roll reads a missing column and an empty cell
    -- alike (NULL), so a file (or sheet) that names no relation on any row is taken as one without the column: it
    -- cannot say who heads a household either way.
    WITH parts_with_relation AS (
      SELECT DISTINCT _file, coalesce(_sheet, '') AS sheet FROM roll WHERE relation IS NOT NULL
    ),
    -- Households without a head found first, so the evidence text is built for a few, not for every household.
    headless AS (
      SELECT household_id FROM roll WHERE household_id IS NOT NULL GROUP BY household_id HAVING NOT bool_or(coalesce(is_head, false))
    ),
    -- Judged when one of its rows comes from a part with the column; then by all its rows, wherever they come from.
    judged AS (
      SELECT DISTINCT r.household_id FROM roll r
      JOIN headless h ON h.household_id = r.household_id
      JOIN parts_with_relation p ON p._file = r._file AND p.sheet = coalesce(r._sheet, '')
    )
    SELECT ${headFirstSubject('(NOT coalesce(is_head, false), id_number, r._file, _line)')}, '' AS subject_key,
           min(county) AS county, min(township) AS township, mode(village ORDER BY village) AS village,
           household_id, mode(program ORDER BY program) AS program,
           'no-head|' || household_id AS fact,
           '家庭编号 ' || household_id || ' 共 ' || count(*) || ' 行，无户主/本人行；关系为：' ||
             string_agg(coalesce(name, '?') || '(' || coalesce(relation, CASE WHEN p._file IS NULL THEN '表中无此列' ELSE '空' END) || ')', '、' ORDER BY r._file, _line) AS evidence,
           'roll' AS source_dataset, min(r._file) AS source_file, arg_min(_line, (r._file, _line)) AS source_line
    FROM roll r SEMI JOIN judged USING (household_id)
    LEFT JOIN parts_with_relation p ON p._file = r._file AND p.sheet = coalesce(r._sheet, '')
    GROUP BY household_id`,
  remedy: '核实家庭成员关系，变更户主或更正与户主关系',
  deadlineDays: 30,
});
