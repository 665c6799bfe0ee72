// data_quality.missing-field: a required roll value is empty.
import { defineCheck } from '../../scanner/engine/define-check.ts';
import { ROLL_LOCATION, ROLL_SOURCE, citeRow } from '../shared-sql.ts';
import { copyWithin } from '../duplicate/shared-sql.ts';

export default defineCheck({
  id: 'data_quality.missing-field',
  category: 'data_quality',
  severity: 'medium',
  title: '花名册必填项为空',
  description: '花名册中乡镇、村（社区）、家庭编号、姓名、身份证号码或救助类别为空（身份证号码写作“无”“/”“—”“暂无”“不详”等的同样按空处理）；缺身份证号码的人无法参与任何比对。',
  basis: '《最低生活保障审核确认办法》(民发〔2021〕57号)；全国低保信息系统数据规范',
  inputs: ['roll'],
  sql: `
    WITH gaps AS (
      SELECT r.*, concat_ws('、',
               CASE WHEN r.township IS NULL THEN '乡镇(街道)' END,
               CASE WHEN r.village IS NULL THEN '村(社区)' END,
               -- A 家庭编号 Excel wrote in scientific notation is there but unreadable: data_quality.bad-value reports it.
               CASE WHEN r.household_id IS NULL AND r.household_id_lost IS NULL THEN '家庭编号' END,
               CASE WHEN r.name IS NULL THEN '姓名' END,
               CASE WHEN r.id_status = 'missing' OR r.id_written_as_none THEN '身份证号码' END,
               CASE WHEN r.program IS NULL THEN '救助类别' END) AS missing
      -- An ID written as none (无, /, —, 暂无, 不详: rs_no_value) is no number at all: missing, as an empty cell is, not
      -- data_quality.id-invalid's 含非法字符 (until 2026-12-06), which sent staff to look for a mistyped digit.
      FROM (SELECT *, id_status = 'invalid' AND rs_no_value(id_raw) AS id_written_as_none FROM roll) r
    ),
    facts AS (
      SELECT r.*, r.missing || '|' || coalesce(r.id_number, '') || '|' || coalesce(r.name, '') || '|' || coalesce(r.household_id, '') AS row_fact
      FROM gaps r WHERE r.missing <> ''
    )
    -- A row without an ID typed twice has one fact twice: numbered (by the rows' values, so a re-sorted export keeps
    -- ids), or the second was lost (until 2026-12-06). With an ID, it is one person's double row: duplicate.same-household.
    SELECT r.id_number AS subject_id, r.name AS subject_name, ${ROLL_LOCATION},
           r.row_fact || CASE WHEN r.id_number IS NULL AND r.occurrence > 1 THEN '|#' || r.occurrence ELSE '' END AS fact,
           '必填项为空：' || r.missing || CASE WHEN r.id_written_as_none THEN '（身份证号码写作「' || rs_text(r.id_raw) || '」）' ELSE '' END || '，见花名册 ' || ${citeRow('r')} AS evidence,
           ${ROLL_SOURCE}
    FROM (SELECT r.*, ${copyWithin('r.row_fact')} AS occurrence FROM facts r) r`,
  remedy: '补齐缺失信息后重新导出',
  deadlineDays: 15,
});
