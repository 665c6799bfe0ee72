// duplicate.same-household: one person (normalised ID) on more than one row of one household, every row flagged.
import { defineCheck } from '../../scanner/engine/define-check.ts';
import { ROLL_LOCATION, ROLL_SOURCE, citeRow } from '../shared-sql.ts';
import { COPY_IN_HOUSEHOLD } from './shared-sql.ts';

export default defineCheck({
  id: 'duplicate.same-household',
  category: 'duplicate',
  severity: 'medium',
  title: '同一家庭内重复登记',
  description: '同一身份证号码（15 位与 18 位视为同一人）在同一家庭编号下出现不止一行（checks.md 不限在保：停保行同样是重复登记），保障人口可能被多算。每一行各列一条，证据列出其他各行。身份证号码无法识别的行不参与比对；同名不同号的人不算。',
  basis: '《最低生活保障审核确认办法》(民发〔2021〕57号) 第二章 家庭成员认定',
  inputs: ['roll'],
  sql: `
    -- The few (person, household) pairs on more than one row, found before any row is numbered or cited.
    WITH doubled AS (
      SELECT id_number, household_id FROM roll WHERE id_number IS NOT NULL AND household_id IS NOT NULL
      GROUP BY id_number, household_id HAVING count(*) > 1
    ),
    occurrences AS (
      SELECT r.*,
             ${COPY_IN_HOUSEHOLD} AS copy,
             count(*) OVER (PARTITION BY r.id_number, r.household_id) AS copies
      FROM roll r SEMI JOIN doubled USING (id_number, household_id)
    )
    SELECT r.id_number AS subject_id, r.name AS subject_name, ${ROLL_LOCATION},
           'same-household|' || r.copy AS fact,
           '身份证号码 ' || r.id_number || ' 在家庭编号 ' || r.household_id || ' 中登记了 ' || r.copies || ' 行；其他：' ||
             (SELECT string_agg(coalesce(o.name, '?') || '（' || coalesce(o.relation, '关系空') || '，' ||
                                CASE WHEN o.active THEN '在保' ELSE coalesce(o.status, o.status_raw) END || '，' || ${citeRow('o')} || '）',
                                '；' ORDER BY o.copy)
              FROM occurrences o
              WHERE o.id_number = r.id_number AND o.household_id = r.household_id
                AND NOT (o._file = r._file AND o._line = r._line AND o._sheet IS NOT DISTINCT FROM r._sheet)) AS evidence,
           ${ROLL_SOURCE}
    FROM occurrences r WHERE r.copies > 1`,
  remedy: '删除重复的成员行，按实际人口重新核定保障金，多发部分依规追回',
  deadlineDays: 30,
});
