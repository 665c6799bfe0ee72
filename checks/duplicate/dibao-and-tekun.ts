// duplicate.dibao-and-tekun: one person (normalised ID) on active rows of both the 低保 and the 特困 families, every row flagged.
import { defineCheck } from '../../scanner/engine/define-check.ts';
import { ROLL_LOCATION, ROLL_SOURCE, citeRow } from '../shared-sql.ts';
import { COPY_IN_HOUSEHOLD, DIBAO_AND_TEKUN_IDS } from './shared-sql.ts';

export default defineCheck({
  id: 'duplicate.dibao-and-tekun',
  category: 'duplicate',
  severity: 'high',
  title: '同时享受低保和特困供养',
  description: '同一身份证号码（15 位与 18 位视为同一人）既在低保（城市/农村）又在特困供养的在保行中。此人的每一在保行各列一条，证据列出其他各处。身份证号码无法识别的行不参与比对；同名不同号的人不算。',
  basis: '《特困人员认定办法》(民发〔2021〕43号)；《社会救助暂行办法》(国务院令第649号) 第二章、第三章；《最低生活保障审核确认办法》(民发〔2021〕57号)',
  inputs: ['roll'],
  sql: `
    WITH both_families AS (${DIBAO_AND_TEKUN_IDS}),
    -- Only those people's rows are numbered and cited: a province's roll holds a few hundred, not millions.
    occurrences AS (
      SELECT r.*,
             ${COPY_IN_HOUSEHOLD} AS copy
      FROM roll r SEMI JOIN both_families USING (id_number) WHERE r.active
    ),
    people AS (
      SELECT id_number,
             string_agg(DISTINCT coalesce(household_id, '') || ':' || coalesce(family, ''), '/' ORDER BY coalesce(household_id, '') || ':' || coalesce(family, '')) AS places
      FROM occurrences GROUP BY id_number
    )
    -- Every active row of the person is an occurrence (both villages need to act).
    SELECT r.id_number AS subject_id, r.name AS subject_name, ${ROLL_LOCATION},
           'dibao-and-tekun|' || p.places || '|' || r.copy AS fact,
           '身份证号码 ' || r.id_number || ' 同时享受低保和特困供养，本行为' || coalesce(r.program, '类别空') || '；其他：' ||
             (SELECT string_agg(coalesce(o.township, '') || coalesce(o.village, '') || ' 家庭编号 ' || coalesce(o.household_id, '（空）') || ' ' ||
                                coalesce(o.name, '?') || '（' || coalesce(o.program, '类别空') || '，' || ${citeRow('o')} || '）',
                                '；' ORDER BY o.household_id, o.copy)
              FROM occurrences o
              WHERE o.id_number = r.id_number AND NOT (o._file = r._file AND o._line = r._line AND o._sheet IS NOT DISTINCT FROM r._sheet)) AS evidence,
           ${ROLL_SOURCE}
    FROM occurrences r JOIN people p USING (id_number)`,
  remedy: '特困供养与低保不得同时享受，核销低保',
  deadlineDays: 15,
});
