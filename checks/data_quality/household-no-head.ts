// data_quality.household-no-head: no 在保 户主/本人 row in a household still on the roll, judged where a roll file names the 与户主关系.
import { defineCheck } from '../../scanner/engine/define-check.ts';
import { headFirstSubject } from '../../scanner/load/household-subject.ts';
import { placeOfMostRows } from '../shared-sql.ts';

export default defineCheck({
  id: 'data_quality.household-no-head',
  category: 'data_quality',
  severity: 'low',
  title: '家庭无户主',
  description: '同一家庭编号下还有在保行（状态为在保或空），但在保行中没有户主行（与户主关系一栏写作户主、本人、本户户主、户长、家长、本身、自己或国标代码 01、02 的行；整列或整户为两位国标代码的，被 Excel 存成 1、2 的也算）：户主可能已死亡、迁出或录入有误。户主行已退保、停保的（户主死亡、迁出），证据中注明，需变更户主。各行都已退保、停保的家庭不在保，不列入。没有与户主关系一栏（或该栏整列为空）的花名册文件（工作表）中的家庭无从判断，不列入。',
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
    -- Judged by its 在保 rows (until 2026-12-06 by all): a household all 退保 is off the roll, nobody's to correct, and
    -- one whose 户主 row is 退保 (died, moved out) while the others are paid has to name a new head. Found first, so
    -- the evidence text is built for a few, not for every household.
    headless AS (
      SELECT household_id FROM roll WHERE household_id IS NOT NULL GROUP BY household_id
      HAVING bool_or(active) AND NOT bool_or(active AND coalesce(is_head, false))
    ),
    -- Judged when one of its 在保 rows comes from a part with the column; then by all of them, wherever they come from.
    judged AS (
      SELECT DISTINCT r.household_id FROM roll r
      JOIN headless h ON h.household_id = r.household_id
      JOIN parts_with_relation p ON p._file = r._file AND p.sheet = coalesce(r._sheet, '')
      WHERE r.active
    )
    SELECT ${headFirstSubject('(NOT active, NOT coalesce(is_head, false), id_number, r._file, _line)')}, '' AS subject_key,
           ${placeOfMostRows('county', 'NOT active', 'r._file')} AS county, ${placeOfMostRows('township', 'NOT active', 'r._file')} AS township,
           ${placeOfMostRows('village', 'NOT active', 'r._file')} AS village,
           household_id, mode(program ORDER BY program) FILTER (WHERE active) AS program,
           'no-head|' || household_id AS fact,
           '家庭编号 ' || household_id || ' 共 ' || count(*) FILTER (WHERE active) || ' 行' ||
             CASE WHEN bool_and(active) THEN '' ELSE '在保（另有 ' || count(*) FILTER (WHERE NOT active) || ' 行不在保）' END ||
             '，无户主/本人行；关系为：' ||
             string_agg(coalesce(name, '?') || '(' || coalesce(relation, CASE WHEN p._file IS NULL THEN '表中无此列' ELSE '空' END) || ')', '、' ORDER BY r._file, _line) FILTER (WHERE active) ||
             -- The status as written where it names the class (死亡停保), else the class and the writing: 退保（迁出）.
             coalesce('；' || string_agg('户主 ' || coalesce(name, '?') || ' 状态为' ||
               CASE WHEN contains(trim(status_raw), status) THEN trim(status_raw) ELSE status || '（' || trim(status_raw) || '）' END, '、' ORDER BY r._file, _line)
               FILTER (WHERE NOT active AND coalesce(is_head, false)) || '，需变更户主', '') AS evidence,
           -- The first 在保 row of the household's place (an 在保 row's place comes first).
           'roll' AS source_dataset, ${placeOfMostRows('file', 'NOT active', 'r._file')} AS source_file, ${placeOfMostRows('line', 'NOT active', 'r._file')} AS source_line
    FROM (SELECT *, count(*) FILTER (WHERE active) OVER (PARTITION BY household_id, township, village) AS place_rows
          FROM roll SEMI JOIN judged USING (household_id)) r
    LEFT JOIN parts_with_relation p ON p._file = r._file AND p.sheet = coalesce(r._sheet, '')
    GROUP BY household_id`,
  remedy: '核实家庭成员关系，变更户主或更正与户主关系',
  deadlineDays: 30,
});
