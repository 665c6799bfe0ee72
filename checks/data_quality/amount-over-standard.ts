// data_quality.amount-over-standard: a household's monthly amount above its area's standard × members (× tekunFactor for 特困).
import { z } from 'zod';
import { defineCheck } from '../../scanner/engine/define-check.ts';
import { headFirstSubject } from '../../scanner/load/household-subject.ts';
import { HOUSEHOLD_TABLES } from '../over_asset/shared-sql.ts';
import { placeOfMostRows, yuan } from '../shared-sql.ts';

/**
 * `unplaced`: per household, the active member rows whose own 家庭编号 could not be read (empty, 同左 — which cell it
 * means cannot be told, ditto-marks.ts — or digits lost to Excel) directly under its rows in the same sheet: the
 * nearest row above with a 家庭编号 is the household's, and no row saying 户主 stands between. Whose member each is
 * cannot be known, and he is made no one's member; but the household above is the one he most likely belongs to, so
 * its amount is not judged as if he were not there (until 2026-12-08 a household of three whose two members wrote 同左
 * was reported over the standard of one). Only rows that say they left (shared_asset_not_members) and persons on a
 * household's row elsewhere, already counted there, are not such rows. A sheet without one costs a scan of the roll's
 * few columns: the rows above are looked up (ASOF) in the sheets that have one only.
 */
const UNPLACED_ROWS = `
    unread AS (
      SELECT _file, coalesce(_sheet, '') AS sheet, _line, id_number, name FROM roll
      WHERE household_id IS NULL AND active AND NOT coalesce(is_head, false) AND rowid NOT IN (SELECT row_id FROM shared_asset_not_members)
        AND (id_number IS NULL OR id_number NOT IN (
          SELECT id_number FROM roll WHERE household_id IS NOT NULL AND active AND id_number IN (SELECT id_number FROM roll WHERE household_id IS NULL)))
    ),
    unplaced AS (
      SELECT above.household_id, count(DISTINCT coalesce(u.id_number, u._file || u.sheet || u._line)) AS persons,
             string_agg(coalesce(u.name, '（姓名空）') || '（第 ' || u._line || ' 行）', '、' ORDER BY u._file, u.sheet, u._line) AS rows
      FROM unread u ASOF JOIN (
        -- A 户主 row without a 家庭编号 begins a household of its own: the rows under it are not the one above's.
        SELECT _file, coalesce(_sheet, '') AS sheet, _line, household_id FROM roll
        WHERE (household_id IS NOT NULL OR coalesce(is_head, false)) AND (_file, coalesce(_sheet, '')) IN (SELECT _file, sheet FROM unread)
      ) above ON u._file = above._file AND u.sheet = above.sheet AND u._line > above._line
      WHERE above.household_id IS NOT NULL GROUP BY above.household_id
    )`;

export default defineCheck({
  id: 'data_quality.amount-over-standard',
  category: 'data_quality',
  severity: 'medium',
  title: '月保障金超过标准',
  description: '家庭月保障金超过所在地城乡低保标准 × 在保人数（低保），或超过 tekunFactor × 标准 × 在保人数（特困）。在保人数按人计（同一人在本户有两行的计一人），与资产核查的家庭成员相同：状态整体写明已离开本户的（出嫁、迁出、分户、在保（已迁出）等），本户另有在保成员时不计，证据列出其姓名和状态；户主一行写明分户的（分户施保）仍计（本户没有其他在保的户主时）；全户各行都写明已离开的，各行都计（户主一行写明分户的，写明分户的各行都计）。标准取自配置（按县区、城乡）。',
  basis: '《最低生活保障审核确认办法》(民发〔2021〕57号) 第四章；《特困人员认定办法》(民发〔2021〕43号)',
  inputs: ['roll'],
  requiresColumns: ['roll.monthly_amount'],
  requiresConfig: ['standards'],
  params: z.object({ tekunFactor: z.number().positive().default(1.3) }).strict(),
  // The members as the over_asset checks count them (shared_asset_households.member_count): persons, not rows (a member
  // on two rows of the household doubled the limit until 2026-12-06), less those whose row says she left the household
  // (a married-out daughter still counted raised the limit until 2026-12-07: a household of one paid for two was missed).
  prepare: HOUSEHOLD_TABLES,
  sql: `
    WITH totals AS (
      SELECT household_id, min(county) AS county, min(family) AS family, min(family) <> max(family) AS mixed_family,
             min(area) AS area, min(area) <> max(area) AS mixed_area, max(monthly_amount_cents) AS amount_cents
      FROM roll WHERE active AND household_id IS NOT NULL GROUP BY household_id
    ),
    -- Rows of one household that disagree on the family or area: the most common value counts, the first in sort
    -- order on a tie (so every run agrees), counted for those few households only.
    mixed AS (
      SELECT household_id, mode(family ORDER BY family) AS family, mode(area ORDER BY area) AS area
      FROM roll WHERE active AND household_id IN (SELECT household_id FROM totals WHERE mixed_family OR mixed_area) GROUP BY household_id
    ),
    -- Every household with an active row has a member row there: where each row says she left, each is a member.
    households AS (
      SELECT t.household_id, t.county, coalesce(m.family, t.family) AS family, coalesce(m.area, t.area) AS area, t.amount_cents,
             h.member_count AS members
      FROM totals t LEFT JOIN mixed m USING (household_id) JOIN shared_asset_households h USING (household_id)
    ),
    limits AS (
      SELECT h.*, standard_cents(h.county, h.area) AS standard,
             CASE WHEN h.family = '特困' THEN $tekunFactor ELSE 1 END AS factor
      FROM households h WHERE h.family IS NOT NULL AND h.area IS NOT NULL AND h.amount_cents IS NOT NULL
    ),
    ${UNPLACED_ROWS},
    -- Over the limit even counting the rows that may be its members (UNPLACED_ROWS): a clerk's unreadable 家庭编号
    -- does not make the correctly written head look paid for fewer persons than he may be.
    over AS (
      SELECT l.*, u.persons AS unplaced, u.rows AS unplaced_rows FROM limits l LEFT JOIN unplaced u USING (household_id)
      WHERE l.standard IS NOT NULL AND l.amount_cents > round(l.standard * l.members * l.factor)
        AND l.amount_cents > round(l.standard * (l.members + coalesce(u.persons, 0)) * l.factor)
    ),
    -- Where the few households over the limit are, and whom the finding names, from their rows only.
    described AS (
      SELECT household_id, mode(program ORDER BY program) AS program,
             -- Named after a member the count holds: a head whose row says he left (在保（已迁出）) is not its subject.
             ${headFirstSubject('(rowid IN (SELECT row_id FROM shared_asset_not_members), NOT coalesce(is_head, false), id_number, _file, _line)')},
             min(_file) AS source_file, arg_min(_line, (_file, _line)) AS source_line
      FROM roll WHERE active AND household_id IN (SELECT household_id FROM over) GROUP BY household_id
    ),
    placed AS (
      SELECT household_id, ${placeOfMostRows('county')} AS place_county, ${placeOfMostRows('township')} AS township,
             ${placeOfMostRows('village')} AS village
      -- _file and _line for placeOfMostRows, which orders a place's rows by them (since 1295f67).
      FROM (SELECT household_id, county, township, village, _file, _line, count(*) OVER (PARTITION BY household_id, township, village) AS place_rows
            FROM roll WHERE active AND household_id IN (SELECT household_id FROM over))
      GROUP BY household_id
    ),
    -- Who the count leaves out, as staff will ask why the household's rows outnumber its members.
    left_out AS (
      SELECT household_id, string_agg(coalesce(name, '（姓名空）') || '「' || status_raw || '」', '、' ORDER BY _file, _line) AS persons
      FROM roll WHERE household_id IN (SELECT household_id FROM over) AND rowid IN (SELECT row_id FROM shared_asset_not_members)
      GROUP BY household_id
    )
    SELECT subject_id, subject_name, '' AS subject_key, coalesce(place_county, county) AS county, township, village, household_id, program,
           'over|' || amount_cents || '|' || members || '|' || standard AS fact,
           '月保障金 ' || ${yuan('amount_cents')} || ' 元，超过' || area || family || '上限 ' ||
             CASE WHEN factor <> 1 THEN factor || ' × ' ELSE '' END || ${yuan('standard')} || ' 元 × ' || members || ' 人 = ' ||
             ${yuan('round(standard * members * factor)')} || ' 元' ||
             coalesce('（写明已离开本户、未计人数的：' || l.persons || '）', '') ||
             coalesce('（紧接本户之下、家庭编号为空或无法识别（如写作「同左」）的：' || unplaced_rows || '；即使计入本户，按 ' ||
                      (members + unplaced) || ' 人计上限 ' || ${yuan('round(standard * (members + unplaced) * factor)')} || ' 元，仍超过）', '') AS evidence,
           'roll' AS source_dataset, source_file, source_line
    FROM over JOIN described USING (household_id) JOIN placed USING (household_id) LEFT JOIN left_out l USING (household_id)`,
  remedy: '按标准重新核算保障金，多发部分依规追回',
  deadlineDays: 30,
});
