// data_quality.program-unknown: a 救助类别 value that does not normalise to (低保|特困, 城市|农村).
import { defineCheck } from '../../scanner/engine/define-check.ts';
import { ROLL_LOCATION, ROLL_SOURCE, citeRow } from '../shared-sql.ts';
import { copyWithin } from '../duplicate/shared-sql.ts';

export default defineCheck({
  id: 'data_quality.program-unknown',
  category: 'data_quality',
  severity: 'medium',
  title: '救助类别无法识别',
  description: '救助类别不能归为城市/农村低保或特困供养（例如只写“低保”而未写城乡，或写了其他名称）；该户无法按标准核算，也不参与低保与特困重复的比对。',
  basis: '《最低生活保障审核确认办法》(民发〔2021〕57号)；《特困人员认定办法》(民发〔2021〕43号)',
  inputs: ['roll'],
  sql: `
    -- A row with an ID is its person (one person on two rows of a household is one finding: duplicate.same-household
    -- reports the double row). Rows without one are told apart by name, as data_quality.missing-field tells them, and
    -- numbered where even that is alike (until 2026-12-06 every row of a household without an ID had one fact: the
    -- first was reported, the others lost). Numbered by the rows' values (copyWithin), so a re-sorted export keeps ids.
    WITH unknown AS (
      SELECT r.*, coalesce(r.id_number, r.id_raw, '') || '|' || r.program ||
               CASE WHEN r.id_number IS NULL THEN '|' || coalesce(r.name, '') ELSE '' END AS row_fact
      FROM roll r
      WHERE r.program IS NOT NULL AND (r.family IS NULL OR r.area IS NULL)
    )
    SELECT r.id_number AS subject_id, r.name AS subject_name, ${ROLL_LOCATION},
           r.row_fact || CASE WHEN r.id_number IS NULL AND r.occurrence > 1 THEN '|#' || r.occurrence ELSE '' END AS fact,
           '救助类别「' || r.program || '」' ||
             CASE WHEN r.family IS NOT NULL THEN '未写明城市或农村' ELSE '无法识别' END ||
             '（应为 农村低保、城市低保、特困供养、城市特困 等），见花名册 ' || ${citeRow('r')} AS evidence,
           ${ROLL_SOURCE}
    FROM (SELECT r.*, ${copyWithin('r.household_id, r.row_fact')} AS occurrence FROM unknown r) r`,
  remedy: '按系统规范更正救助类别（注明城市/农村）',
  deadlineDays: 15,
});
