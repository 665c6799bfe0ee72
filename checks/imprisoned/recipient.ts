// imprisoned.recipient: an active roll person whose prison sentence overlaps the period P.
import { defineCheck } from '../../scanner/engine/define-check.ts';
import { ROLL_LOCATION, citeRow, activePersonsAmong } from '../shared-sql.ts';

/**
 * A date as the evidence shows it: a cell that gave only the month (入监日期 2024年3月, 释放日期 2026.10) as that month,
 * said to be one. It is read as the month's first (a start) or last day (an end), and until 2026-12-06 the evidence
 * showed that day (释放日期 2026-10-31): a day the list never gave, which staff could not find in it and read as held
 * all month. A range cell (刑期起止) or a date shows the date.
 */
const shownDate = (date: string, raw: string) => `CASE WHEN rs_date(${raw}) IS NULL AND rs_month(${raw}) IS NOT NULL
                 THEN strftime(${date}, '%Y-%m') || '（只写年月）' ELSE ${date}::VARCHAR END`;

export default defineCheck({
  id: 'imprisoned.recipient',
  category: 'imprisoned',
  severity: 'high',
  title: '服刑人员计入保障人口',
  description: '花名册在保人员出现在服刑/羁押人员名单中，且刑期与本期重叠（羁押/入监日期不晚于本期末，刑期止日为空或不早于本期初；刑期止日写作无期徒刑、死缓、待定等的，视为仍在押；刑期起止写在一格内的，按其起止日期；有释放日期的（减刑、假释），按释放日期，为空或写作“—”“无”的按刑期止日；只写年月的，起日按当月1日、止日按当月最后一日，证据中照写年月并注明“只写年月”）。在监狱内服刑人员不计入共同生活的家庭成员，应核减保障人口。名单姓名与花名册不一致的，证据中注明需核实身份。执行方式为缓刑、假释、暂予监外执行（含保外就医）、管制、单处罚金或剥夺政治权利、取保候审、监视居住等（不在监所内）的，或未写执行方式而监所为社区矫正机构、司法所的，仍计入家庭成员，不作为服刑记录（写有释放日期的，按释放日期前在押）。执行方式写明已释放、已出所、解除羁押而没有释放日期或刑期止日的，该行拒收，请补充日期；羁押/入监日期晚于释放日期（无释放日期的，晚于刑期止日）的，无法判断服刑期间，该行拒收，请核实。',
  basis: '《最低生活保障审核确认办法》(民发〔2021〕57号) 第二章 家庭成员认定（在监狱内服刑人员不计入共同生活的家庭成员）；《社会救助暂行办法》(国务院令第649号) 第十三条',
  inputs: ['roll', 'prisoners'],
  sql: `
    WITH overlapping AS (
      -- Only sentences overlapping P count; an open end (空, or 无期徒刑, 死缓, 待定: sentence_end_word) means still serving.
      -- sentence_end is the 释放日期 where the list gives one.
      SELECT * FROM prisoners
      WHERE sentence_start <= period_end() AND (sentence_end IS NULL OR sentence_end >= period_start())
    ),
    subjects AS (${activePersonsAmong('SELECT id_number FROM overlapping')}),
    matched AS (
      -- Several overlapping records: the earliest sentence_start is the fact, every record is evidence.
      SELECT s.id_number, s.household_id, min(p.sentence_start) AS first_start,
             arg_min(p._file, (p.sentence_start, p._file, p._line)) AS source_file, arg_min(p._line, (p.sentence_start, p._file, p._line)) AS source_line,
             -- A 释放日期 (减刑, 假释) is read before the 刑期止日, which the evidence still shows beside it.
             string_agg('羁押/入监日期 ' || ${shownDate('p.sentence_start', 'p.sentence_start_raw')} || '，' ||
               CASE WHEN p.sentence_end_from = '释放日期'
                 THEN '释放日期 ' || coalesce(${shownDate('p.sentence_end', 'p.released_on_raw')}, p.sentence_end_word || '，仍在押') ||
                      coalesce('（刑期止日 ' || ${shownDate('p.scheduled_end', 'p.sentence_end_raw')} || '）', '')
                 ELSE '刑期止日 ' || coalesce(${shownDate('p.sentence_end', 'p.sentence_end_raw')}, p.sentence_end_word || '（无刑满日期，仍在押）', '未注明（服刑中）') ||
                      -- A 释放日期 written as none (—, 无) is no release: read as an empty one, and shown as written.
                      coalesce('（释放日期写作「' || rs_text(p.released_on_raw) || '」，未释放）', '') END ||
               coalesce('，监所 ' || p.facility, '') || coalesce('，执行方式 ' || p.custody, '') || '（' || ${citeRow('p')} || '）' ||
               -- A masked 王*明 that could be the roll's name is no other name (until 2026-12-06 noted 需核实身份).
               CASE WHEN NOT rs_name_could_be(p.name_key, s.name_key) THEN '，名单姓名「' || p.name || '」与花名册「' || s.name || '」不一致，需核实身份' ELSE '' END,
               '；' ORDER BY p.sentence_start, p._file, p._line) AS records
      FROM subjects s JOIN overlapping p USING (id_number)
      GROUP BY s.id_number, s.household_id
    )
    SELECT r.id_number AS subject_id, r.name AS subject_name, ${ROLL_LOCATION},
           'sentence|' || m.first_start::VARCHAR AS fact,
           '服刑/羁押人员名单：' || m.records || '。刑期与本期 ' || period_label() || ' 重叠' AS evidence,
           'prisoners' AS source_dataset, m.source_file, m.source_line
    -- IS NOT DISTINCT FROM: a prisoner whose 家庭编号 is missing is still found (USING would drop him).
    FROM matched m JOIN subjects r ON r.id_number = m.id_number AND r.household_id IS NOT DISTINCT FROM m.household_id`,
  remedy: '服刑期间不计入家庭保障人口，核减保障金',
  deadlineDays: 15,
});
