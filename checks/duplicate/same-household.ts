// duplicate.same-household: one person (normalised ID) on more than one row of one household, every row flagged.
import { defineCheck } from '../../scanner/engine/define-check.ts';
import { ROLL_LOCATION, ROLL_SOURCE, citeRow } from '../shared-sql.ts';
import { copyWithin, householdPlace, sameVillage } from './shared-sql.ts';

/** How a row without a 家庭编号 is named in evidence: empty, or the text Excel left of it. */
const missingNumber = (row: string) => `coalesce('「' || ${row}.household_id_lost || '」无法识别', '为空')`;

export default defineCheck({
  id: 'duplicate.same-household',
  category: 'duplicate',
  severity: 'medium',
  title: '同一家庭内重复登记',
  description: '同一身份证号码（15 位与 18 位视为同一人）在同一家庭编号下出现不止一行（checks.md 不限在保：停保行同样是重复登记），保障人口可能被多算。家庭编号为空或无法识别的行：此人在该村只有一户有编号的家庭的，按该户计；该村没有此人有编号的家庭的，此人在该村这样的各行按同一户计；证据注明可能是同一户，需核实。该村有此人两户及以上有编号的家庭（见 duplicate.two-households）或未填村的，不参与比对。每一行各列一条，证据列出其他各行。身份证号码无法识别的行不参与比对；同名不同号的人不算。',
  basis: '《最低生活保障审核确认办法》(民发〔2021〕57号) 第二章 家庭成员认定',
  inputs: ['roll'],
  sql: `
    -- The few people with two rows of one 家庭编号, or two rows one of them without (empty, or lost to 3.71329E+15),
    -- found before any row is placed, numbered or cited. Rows without a number are few: their people's rows are looked
    -- up, not the roll grouped by person again (a count of distinct households per person doubled the time at 1M rows).
    WITH candidates AS (
      SELECT id_number FROM roll WHERE id_number IS NOT NULL AND household_id IS NOT NULL
      GROUP BY id_number, household_id HAVING count(*) > 1
      UNION
      SELECT id_number FROM roll WHERE id_number IN (SELECT id_number FROM roll WHERE household_id IS NULL AND village IS NOT NULL)
      GROUP BY id_number HAVING count(*) > 1
    ),
    candidate_rows AS (SELECT * FROM roll SEMI JOIN candidates USING (id_number)),
    -- The villages of his numbered households, by any member's row, as duplicate.two-households reads them: his own row
    -- may lack the 村 its household's other rows give, and the rows that check leaves out ("may be that household") are
    -- then exactly the ones placed in it here.
    household_villages AS (
      SELECT DISTINCT c.id_number, c.household_id, h.township, h.village
      FROM (SELECT DISTINCT id_number, household_id FROM candidate_rows WHERE household_id IS NOT NULL
              AND id_number IN (SELECT id_number FROM candidate_rows WHERE household_id IS NULL)) c
        JOIN roll h USING (household_id)
      WHERE h.village IS NOT NULL
    ),
    -- A row without a 家庭编号 is his household of its village where he has exactly one, else (none there) a household of
    -- its village (until 2026-12-06 such rows were never compared: a person listed twice so went unreported). One in a
    -- village of two of his households (duplicate.two-households flags those), or naming no village, is left out.
    placed AS (
      SELECT r.*, CASE WHEN r.household_id IS NULL AND home.households = 1 THEN home.household_id ELSE ${householdPlace('r')} END AS place,
             r.household_id IS NOT NULL OR home.households = 1 AS place_numbered
      FROM candidate_rows r, LATERAL (
        SELECT count(DISTINCT v.household_id) AS households, min(v.household_id) AS household_id FROM household_villages v
        WHERE r.household_id IS NULL AND v.id_number = r.id_number AND ${sameVillage('v', 'r')}) home
      WHERE r.household_id IS NOT NULL OR (r.village IS NOT NULL AND home.households < 2)
    ),
    -- Numbered rows are numbered among themselves, as before rows without a number were placed: their ids stay.
    occurrences AS (
      SELECT r.*,
             ${copyWithin('r.id_number, r.place, r.household_id IS NULL')} AS copy,
             count(*) OVER (PARTITION BY r.id_number, r.place) AS copies,
             count(*) FILTER (WHERE r.household_id IS NULL) OVER (PARTITION BY r.id_number, r.place) AS unnumbered
      FROM placed r
    )
    SELECT r.id_number AS subject_id, r.name AS subject_name, ${ROLL_LOCATION},
           -- A row without a number has no 家庭编号 in its id: its place tells it from his rows elsewhere.
           'same-household|' || r.copy || CASE WHEN r.household_id IS NULL THEN '|' || r.place ELSE '' END AS fact,
           '身份证号码 ' || r.id_number ||
             CASE WHEN r.place_numbered THEN ' 在家庭编号 ' || r.place || ' 中' ELSE ' 在' || coalesce(r.township, '') || r.village END ||
             '登记了 ' || r.copies || ' 行' ||
             CASE WHEN NOT r.place_numbered THEN '，家庭编号均为空或无法识别'
                  WHEN r.unnumbered > 0 AND r.household_id IS NOT NULL THEN '（其中 ' || r.unnumbered || ' 行家庭编号为空或无法识别，同村，按本户计，可能是同一户，需核实）'
                  ELSE '' END || '；' ||
             CASE WHEN r.household_id IS NULL THEN '本行家庭编号' || ${missingNumber('r')} || '，' ||
                    CASE WHEN r.place_numbered THEN '按此人在本村唯一的家庭编号 ' || r.place || ' 一户计' ELSE '按本村同一户计' END ||
                    '，可能是同一户，需核实；' ELSE '' END ||
             '其他：' ||
             (SELECT string_agg(coalesce(o.name, '?') || '（' || coalesce(o.relation, '关系空') || '，' ||
                                CASE WHEN o.active THEN '在保' ELSE coalesce(o.status, o.status_raw) END || '，' ||
                                CASE WHEN o.household_id IS NULL THEN '家庭编号' || ${missingNumber('o')} || '，' ELSE '' END || ${citeRow('o')} || '）',
                                '；' ORDER BY o.household_id IS NULL, o.copy)
              FROM occurrences o
              WHERE o.id_number = r.id_number AND o.place = r.place
                AND NOT (o._file = r._file AND o._line = r._line AND o._sheet IS NOT DISTINCT FROM r._sheet)) AS evidence,
           ${ROLL_SOURCE}
    FROM occurrences r WHERE r.copies > 1`,
  remedy: '删除重复的成员行，按实际人口重新核定保障金，多发部分依规追回',
  deadlineDays: 30,
});
