// duplicate.dibao-and-tekun: one person (normalised ID) paid in P on rows of both the 低保 and the 特困 families, every such row flagged.
import { defineCheck } from '../../scanner/engine/define-check.ts';
import { ROLL_LOCATION, ROLL_SOURCE, citeRow } from '../shared-sql.ts';
import { COPY_IN_HOUSEHOLD, DIBAO_AND_TEKUN_IDS, startedBy } from './shared-sql.ts';

/**
 * A row's status and start as the roll wrote them, where it gave them ('，在保，开始享受时间 2019-03-01' or ''), so staff
 * see why it counted: an unreadable status counts as 在保, an unreadable start as paid in P. A month (享受起始年月
 * 2026.11) is shown as that month, not as the first day it is read as.
 */
const stateOf = (row: string) => `coalesce('，' || CASE WHEN ${row}.status IS NULL THEN '状态「' || rs_text(${row}.status_raw) || '」无法识别，按在保计' ELSE rs_text(${row}.status_raw) END, '') ||
             CASE WHEN ${row}.start_date IS NULL THEN coalesce('，开始享受时间「' || rs_text(${row}.start_date_raw) || '」无法识别，按本期享受计', '')
                  WHEN rs_date(${row}.start_date_raw) IS NULL THEN '，开始享受时间 ' || strftime(${row}.start_date, '%Y-%m') || '（只写年月）'
                  ELSE '，开始享受时间 ' || strftime(${row}.start_date, '%Y-%m-%d') END`;
/** The person's rows other than r that `which` (over alias o) keeps: each with its place, program, state and source. */
const others = (which: string) => `(SELECT string_agg(coalesce(o.township, '') || coalesce(o.village, '') || ' 家庭编号 ' || coalesce(o.household_id, '（空）') || ' ' ||
                                coalesce(o.name, '?') || '（' || coalesce(o.program, '类别空') || o.state || '，' || ${citeRow('o')} || '）',
                                '；' ORDER BY o.household_id, o.copy)
              FROM occurrences o WHERE o.id_number = r.id_number AND ${which}
                AND NOT (o._file = r._file AND o._line = r._line AND o._sheet IS NOT DISTINCT FROM r._sheet))`;

export default defineCheck({
  id: 'duplicate.dibao-and-tekun',
  category: 'duplicate',
  severity: 'high',
  title: '同时享受低保和特困供养',
  description: '同一身份证号码（15 位与 18 位视为同一人）本期既享受低保（城市/农村）又享受特困供养：两类各有在保行，且其开始享受时间不晚于本期末（为空或无法识别的，按本期享受计；只写年月的，按当月1日）。开始享受时间晚于本期末的行（如下月起由低保转为特困，新旧两行均已录入）本期尚未享受，不计入，证据中另行注明。花名册没有终止时间，已停保、退保的行按状态不计。此人本期享受的每一行各列一条，证据写明本行和其他各处的类别、状态和开始享受时间。身份证号码无法识别的行不参与比对；同名不同号的人不算。',
  basis: '《特困人员认定办法》(民发〔2021〕43号)；《社会救助暂行办法》(国务院令第649号) 第二章、第三章；《最低生活保障审核确认办法》(民发〔2021〕57号)',
  inputs: ['roll'],
  sql: `
    WITH both_families AS (${DIBAO_AND_TEKUN_IDS}),
    -- Only those people's rows are numbered and cited: a province's roll holds a few hundred, not millions. A row starting
    -- after P (a 低保 recipient moved to 特困 from next month, both rows written) is not paid in P; it is kept here so
    -- that the places and copies, and so the finding ids, stay those of before and of the month it starts.
    occurrences AS (
      SELECT r.*,
             ${COPY_IN_HOUSEHOLD} AS copy,
             ${startedBy('r')} AS paid,
             ${stateOf('r')} AS state
      FROM roll r SEMI JOIN both_families USING (id_number) WHERE r.active
    ),
    people AS (
      SELECT id_number,
             string_agg(DISTINCT coalesce(household_id, '') || ':' || coalesce(family, ''), '/' ORDER BY coalesce(household_id, '') || ':' || coalesce(family, '')) AS places
      FROM occurrences GROUP BY id_number
    )
    -- Every row of the person paid in P is an occurrence (both villages need to act).
    SELECT r.id_number AS subject_id, r.name AS subject_name, ${ROLL_LOCATION},
           'dibao-and-tekun|' || p.places || '|' || r.copy AS fact,
           '身份证号码 ' || r.id_number || ' 同时享受低保和特困供养，本行为' || coalesce(r.program, '类别空') ||
             CASE WHEN r.state = '' THEN '' ELSE '（' || substr(r.state, 2) || '）' END || '；其他：' || ${others('o.paid')} ||
             coalesce('；本期末之后才开始享受的不计：' || ${others('NOT o.paid')}, '') AS evidence,
           ${ROLL_SOURCE}
    FROM occurrences r JOIN people p USING (id_number) WHERE r.paid`,
  remedy: '特困供养与低保不得同时享受，核销低保',
  deadlineDays: 15,
});
