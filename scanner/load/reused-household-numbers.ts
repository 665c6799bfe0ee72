// A 家庭编号 on rows of several villages. A township's own roll may number its households per village (户号 1, 2, 3 … in
// each village): 东村 001 and 西村 001 are then two families, and read as one they summed two families' homes, cars and
// deposits, paid one family the other's payments and made a person on both rolls one household's duplicate row. Where
// the number's rows in each village have a 户主 of their own (and no one heads two of them), each village's rows are a
// household of their own, renamed 001（东村）. Otherwise the rows are one family part of which moved (a member's row
// updated, the 户主's not) and stay one household, which data_quality.household-split reports in each village where
// its rows are still 在保; the numbers told apart are named once, in the summary's warnings. One man 在保 as the 户主 of
// 001 in two counties (临沭县店头镇东村, 莒南县大店镇西村) is on two counties' rolls, each paying him: until 2026-12-07
// his two were one household, a medium duplicate row to delete, and his death's finding went to one county with both
// counties' payments summed (the other never told to stop). They are now two households, 001（店头镇东村） and
// 001（大店镇西村）, and he the high duplicate.two-households. Within one county he stays one family's head, as before.
// A township may also keep its 低保 roll and its 特困 roll apart, each numbering its households from 001: 低保 001
// (张一 户主, 张二 配偶) and 特困 001 (王一 本人, no kin of theirs) in one village were read as one household (until
// 2026-12-06), 王一 a cadre's household member and his 900 compared with their 1400. The roll's program family is part
// of the place, with the same rule, in each village: where a number's 低保 rows and 特困 rows there each have a head
// (户主, 本人) of their own and no one heads both, they are two households, renamed 001（低保）/ 001（特困）
// (001（东村·特困） where villages differ too). A family of both programs on one roll (a 低保 户主 and his 特困 父亲,
// who heads nothing) stays one household. A person alone under his number on a sheet that writes no 与户主关系 at all
// heads his own: a 特困 roll of persons supported alone often has no such column (until 2026-12-06 its 001 was read
// into the 低保 family's 001, one old man's home added to theirs, a false high over_asset.property).
import type { DuckDBConnection } from '@duckdb/node-api';
import { sqlString } from '../sql-text.ts';
import { headFirstSubject } from './household-subject.ts';
import type { SheetWarning } from './out-of-scope-rows.ts';
import { rawRows, refusedWithRowText, type StagedFile } from './raw-rows.ts';

/** A payment's 乡镇 and 村: read from its raw row, for a payment under a number told apart only. */
export const PAYMENT_PLACE_COLUMNS = ['township', 'village'] as const;

/** A payment under such a number that names no village: a file of them (no 村 column) is refused whole (unplaced-payments.ts). */
export const NO_VILLAGE_WRITTEN = '本行没有写村（社区），无法确定发给哪一户';

/** A payment under a number of a village's 低保 and 特困 families that names neither: a file of them is refused whole too. */
export const NO_PROGRAM_WRITTEN = '本行没有写明是低保还是特困的发放（发放项目、工作表名、文件名都没有写明），无法确定发给哪一户';

/** How many of a number's renamed households a warning or a refusal names. */
const HOUSEHOLDS_NAMED = 3;

/** The places of every 家庭编号 on rows of several villages (or programs): one row per number and place (household-split reads it). */
export const HOUSEHOLD_PLACES = 'household_places';

/** A program family as a payment's 发放项目 (or 救助类别), its sheet's or its file's name writes it: 特困 or 低保 named alone, else NULL. */
const TEKUN_WORDS = '特困|五保|三无|供养';
const DIBAO_WORDS = '低保|最低生活保障';
const familyWritten = (text: string) => `CASE
    WHEN regexp_matches(rs_to_simplified(${text}), '${TEKUN_WORDS}') THEN CASE WHEN NOT regexp_matches(rs_to_simplified(${text}), '${DIBAO_WORDS}') THEN '特困' END
    WHEN regexp_matches(rs_to_simplified(${text}), '${DIBAO_WORDS}') THEN '低保' END`;

/**
 * One row per number and place for every 家庭编号 on `rows` (roll rows, a table or a parenthesised query) of several
 * villages. A row without a village cannot say where it is, and a row with an empty 乡镇 is in the number's own township
 * (its most common, the first in sort order on a tie): neither makes a second place by itself. household_places is it
 * over the whole roll; household-split runs it again over the rows still 在保 (a row 退保 on moving out makes no place).
 * `byProgram` (the loader's): in a village where the number's 低保 rows and 特困 rows each have a head and no one heads
 * both, each program's rows are a place of their own (`family`); there, a row whose program is unknown makes none.
 */
export function householdPlacesQuery(rows: string, { byProgram = false }: { byProgram?: boolean } = {}): string {
  const knownFamily = byProgram ? "CASE WHEN v.family IN ('低保', '特困') THEN v.family END" : 'NULL::VARCHAR';
  const headIds = (family: string) => `coalesce(list(DISTINCT id_number) FILTER (WHERE (is_head OR relation_unwritten) AND known_family = '${family}' AND id_number IS NOT NULL), [])`;
  const hasHead = (family: string) => `(coalesce(bool_or(is_head) FILTER (WHERE known_family = '${family}'), false)
          OR (count(*) FILTER (WHERE known_family = '${family}') = 1 AND coalesce(bool_and(relation_unwritten) FILTER (WHERE known_family = '${family}'), false)))`;
  const programs = byProgram
    ? `-- The villages where the number's 低保 rows and 特困 rows are families of their own (two rolls numbered alike).
    program_split AS (
      SELECT household_id, coalesce(known_township, '') AS township_key, village FROM located
      WHERE household_id IN (SELECT household_id FROM split_numbers) AND known_family IS NOT NULL
      GROUP BY ALL
      HAVING ${hasHead('低保')} AND ${hasHead('特困')} AND NOT list_has_any(${headIds('低保')}, ${headIds('特困')})
    ),
    placed AS (
      SELECT l.*, CASE WHEN s.household_id IS NOT NULL THEN l.known_family END AS place_family FROM located l
      LEFT JOIN program_split s ON s.household_id = l.household_id AND s.township_key = coalesce(l.known_township, '') AND s.village = l.village
      WHERE l.household_id IN (SELECT household_id FROM split_numbers) AND (s.household_id IS NULL OR l.known_family IS NOT NULL)
    ),`
    : `placed AS (SELECT *, NULL::VARCHAR AS place_family FROM located WHERE household_id IN (SELECT household_id FROM split_numbers)),`;
  return `
    WITH villaged AS (SELECT * FROM ${rows} WHERE household_id IS NOT NULL AND village IS NOT NULL),
    own_township AS (
      SELECT household_id, mode(township ORDER BY township) AS township FROM villaged
      WHERE household_id IN (SELECT household_id FROM villaged WHERE township IS NULL) GROUP BY household_id
    ),
    -- The sheets that write a 与户主关系 anywhere: a roll of persons supported alone (a 特困 roll often) writes none.
    related_sheets AS (SELECT DISTINCT _file, coalesce(_sheet, '') AS sheet FROM villaged WHERE relation IS NOT NULL),
    located AS (
      SELECT v.*, coalesce(v.township, o.township) AS known_township, ${knownFamily} AS known_family,
             r._file IS NULL AS relation_unwritten
      FROM villaged v LEFT JOIN own_township o USING (household_id)
      LEFT JOIN related_sheets r ON r._file = v._file AND r.sheet = coalesce(v._sheet, '')
    ),
    -- The few numbers in more than one place (or, by program, of both programs), found before the per-place details are gathered.
    split_numbers AS (
      SELECT household_id FROM located GROUP BY household_id
      HAVING min(concat_ws('|', known_township, village)) <> max(concat_ws('|', known_township, village))${byProgram ? `
          OR min(known_family) <> max(known_family)` : ''}
    ),
    ${programs}
    places AS (
      SELECT household_id AS household_no, concat_ws('|', known_township, village, place_family) AS place, min(county) AS county,
             any_value(known_township) AS township, any_value(village) AS village, any_value(place_family) AS family,
             list(DISTINCT known_family ORDER BY known_family) FILTER (WHERE known_family IS NOT NULL) AS families,
             mode(program ORDER BY program) AS program,
             ${headFirstSubject()},
             min(_file) AS source_file, arg_min(_line, (_file, _line)) AS source_line, count(*) AS persons,
             bool_or(coalesce(is_head, false)) OR (count(*) = 1 AND bool_and(relation_unwritten)) AS has_head,
             list(DISTINCT id_number) FILTER (WHERE (is_head OR relation_unwritten) AND id_number IS NOT NULL) AS head_ids,
             list(DISTINCT id_number) FILTER (WHERE (is_head OR relation_unwritten) AND id_number IS NOT NULL AND active) AS active_head_ids
      FROM placed GROUP BY household_id, place
    ),
    -- A head of two of a number's places: one family part of which moved (one roll, its rows half updated), unless the
    -- two places are in two counties and he is 在保 in both: then two counties' rolls each pay him, his double
    -- enrolment duplicate.two-households' case (R26). Within one county a family moving between townships may keep a
    -- county-wide number, and a head 退保 in one place has moved (R28): both stay one household, as before.
    place_heads AS (
      SELECT household_no, place, head_id, list_contains(coalesce(active_head_ids, []), head_id) AS active,
             -- One county however written: 临沭县, 临沭 and 临沂市临沭县 alike (the one ends as the other does, suffix off).
             nullif(regexp_replace(county, '(自治县|自治旗|县|区|市|旗)$', ''), '') AS county_key
      FROM (SELECT household_no, place, county, active_head_ids, unnest(coalesce(head_ids, [])) AS head_id FROM places)
    ),
    heads_apart AS (
      SELECT a.household_no, bool_and(a.active AND b.active AND a.county_key IS NOT NULL AND b.county_key IS NOT NULL
               AND NOT ends_with(a.county_key, b.county_key) AND NOT ends_with(b.county_key, a.county_key)) AS apart
      FROM place_heads a JOIN place_heads b ON a.household_no = b.household_no AND a.head_id = b.head_id AND a.place < b.place
      GROUP BY a.household_no
    ),
    numbers AS (
      SELECT household_no, string_agg(place, '/' ORDER BY place) AS places_key,
             string_agg(coalesce(township, '') || coalesce(village, '（无村名）') || coalesce(family, '') || ' ' || persons || '人', '；' ORDER BY place) AS all_places,
             -- Each place's rows a family of their own: each has its 户主, and no one heads two of them (heads_apart).
             bool_and(has_head) AND coalesce(bool_and(h.apart), true) AS separate,
             count(DISTINCT township) > 1 AS townships_differ,
             -- Its households told apart by village (or township): a payment has to name its village.
             count(DISTINCT concat_ws('|', township, village)) > 1 AS located
      FROM places LEFT JOIN heads_apart h USING (household_no) GROUP BY household_no
      -- A family of both programs in one village (a 低保 户主, his 特困 父亲) is one place: no second one.
      HAVING count(*) > 1
    )
    SELECT p.* EXCLUDE (has_head, head_ids, active_head_ids), n.places_key, n.all_places, n.separate, n.located,
           CASE WHEN n.located THEN p.village ELSE '' END AS village_key,
           CASE WHEN n.separate THEN p.household_no || '（' || concat_ws('·',
                  CASE WHEN n.located THEN CASE WHEN n.townships_differ THEN coalesce(p.township, '') ELSE '' END || p.village END, p.family) || '）'
                ELSE p.household_no END AS household_id,
           o.township AS own_township
    FROM places p JOIN numbers n USING (household_no) LEFT JOIN own_township o ON o.household_id = p.household_no`;
}

/**
 * Builds household_places from the typed roll and renames the rows of each number told apart. Whether a number's
 * villages (and programs) are families of their own is judged on all its rows, 在保 or not: a 退保 family's payments and
 * rows under 001 stay its own, not those of the 001 still on the roll in another village. A row without a village (or,
 * where the village's programs are told apart, without a known program) keeps the bare number.
 */
export async function separateReusedHouseholdNumbers(connection: DuckDBConnection): Promise<void> {
  await connection.run(`CREATE OR REPLACE TABLE ${HOUSEHOLD_PLACES} AS ${householdPlacesQuery('roll', { byProgram: true })}`);
  if (!(await anySeparated(connection))) return;
  await connection.run(`
    UPDATE roll SET household_id = p.household_id FROM ${HOUSEHOLD_PLACES} p
    WHERE p.separate AND roll.household_id = p.household_no AND roll.village = p.village
      AND coalesce(roll.township, p.own_township) IS NOT DISTINCT FROM p.township
      AND (p.family IS NULL OR roll.family = p.family)`);
}

async function anySeparated(connection: DuckDBConnection): Promise<boolean> {
  const reader = await connection.runAndReadAll(`SELECT EXISTS (SELECT 1 FROM ${HOUSEHOLD_PLACES} WHERE separate)`);
  return reader.getRows()[0]![0] === true;
}

/**
 * A payment under a number told apart is the household's of the village (and township, where given) the payment names.
 * Where that leaves two households of one village (its 低保 and its 特困 family), the payment's program chooses: its
 * 发放项目 (or, where the list has none, its 救助类别: catalog.ts), else its sheet's name, else its file's name
 * (特困供养金发放明细.csv), where one names one program alone. One that names none of them, names a village two of them
 * share, or names no program where it has to, is refused with that reason: summed into one of them it would be another
 * family's money. Run on the typed payments while their raw rows are still there (`stages`).
 */
export async function placePaymentsOfSeparatedHouseholds(connection: DuckDBConnection, stages: readonly StagedFile[]): Promise<void> {
  if (!(await anySeparated(connection))) return;
  // The 乡镇, 村 and program the payments under such numbers write (not kept in the typed table), taken on their own
  // first. village_key is what meets the households' on an equal join: the 村 where the number's households are in
  // several villages, '' where they are all in one (two programs' families), whatever village the payment writes.
  const fileName = "regexp_replace(regexp_extract(_file, '[^/\\\\]*$'), '\\.[^.]*$', '')";
  await connection.run(`
    CREATE OR REPLACE TEMP TABLE payment_places_written AS
    SELECT _file, coalesce(_sheet, '') AS sheet, _line, rs_text(township) AS township, rs_text(village) AS village, n.located,
           CASE WHEN n.located THEN rs_text(village) ELSE '' END AS village_key,
           coalesce(${familyWritten('rs_text(item)')}, ${familyWritten('_sheet')}, ${familyWritten(fileName)}) AS family
    FROM ${rawRows('payments')} r
    JOIN (SELECT household_no, bool_or(located) AS located FROM ${HOUSEHOLD_PLACES} WHERE separate GROUP BY household_no) n
      ON n.household_no = rs_code(r.household_id)`);
  // The township is tested in the aggregate: in the join's condition it made a nested-loop join (7 s for 240,000 payments).
  const sameTownship = "w.village_key = '' OR w.township IS NULL OR p.township IS NOT DISTINCT FROM w.township";
  const sameProgram = `(${sameTownship}) AND list_contains(p.families, w.family)`;
  await connection.run(`
    CREATE OR REPLACE TEMP TABLE payment_places AS
    SELECT pay._file, pay._sheet, pay._line, pay.household_id AS household_no, any_value(w.village) AS village,
           NOT any_value(w.located) AS village_needless, any_value(w.family) AS family,
           count(p.household_id) FILTER (WHERE ${sameTownship}) AS matches,
           count(DISTINCT concat_ws('|', p.township, p.village)) FILTER (WHERE ${sameTownship}) AS villages,
           count(p.household_id) FILTER (WHERE ${sameProgram}) AS program_matches,
           CASE WHEN matches = 1 THEN min(p.household_id) FILTER (WHERE ${sameTownship})
                -- Two households of one village: the one of the payment's program.
                WHEN villages = 1 AND program_matches = 1 THEN min(p.household_id) FILTER (WHERE ${sameProgram}) END AS placed_id
    FROM payments pay JOIN payment_places_written w ON w._file = pay._file AND w.sheet = coalesce(pay._sheet, '') AND w._line = pay._line
    LEFT JOIN ${HOUSEHOLD_PLACES} p ON p.separate AND p.household_no = pay.household_id AND p.village_key = w.village_key
    GROUP BY pay._file, pay._sheet, pay._line, pay.household_id`);
  await connection.run('DROP TABLE payment_places_written');
  // The households a refused payment's number names (the first few), joined to the refused rows only.
  const why = `'家庭编号 ' || household_no || ' 在花名册中是' || kind || '的 ' || households || ' 户（' || households_named || '），'
    || CASE WHEN village IS NULL AND NOT village_needless THEN ${sqlString(NO_VILLAGE_WRITTEN)}
            WHEN matches = 0 THEN '本行的村（社区）「' || village || '」不是其中任何一户的，无法确定发给哪一户'
            WHEN villages > 1 THEN '本行的村（社区）「' || village || '」有其中 ' || matches || ' 户，请写明乡镇，无法确定发给哪一户'
            WHEN family IS NULL THEN ${sqlString(NO_PROGRAM_WRITTEN)}
            ELSE '本行是' || family || '的发放，其中' || CASE WHEN program_matches = 0 THEN '没有' ELSE '有 ' || program_matches || ' 户是' END
              || family || '的，无法确定发给哪一户' END`;
  const refused = `(
    WITH unplaced AS (SELECT * FROM payment_places WHERE placed_id IS NULL),
    numbers AS (
      SELECT household_no, count(*) AS households,
             CASE WHEN bool_or(family IS NOT NULL) THEN CASE WHEN bool_or(located) THEN '不同村及低保、特困各自编号' ELSE '低保、特困各自编号' END
                  ELSE '不同村' END AS kind,
             array_to_string(list(household_id ORDER BY household_id)[1:${HOUSEHOLDS_NAMED}], '、')
               || CASE WHEN count(*) > ${HOUSEHOLDS_NAMED} THEN ' 等' ELSE '' END AS households_named
      FROM ${HOUSEHOLD_PLACES} WHERE separate AND household_no IN (SELECT household_no FROM unplaced) GROUP BY household_no
    )
    SELECT _file, _sheet, _line, {'kind': 'value', 'col': '家庭编号', 'why': ${why}, 'raw': household_no} AS problem
    FROM unplaced JOIN numbers USING (household_no))`;
  await connection.run(`
    INSERT INTO load_rejects
    SELECT 'payments', _file, _sheet, _line, problem.kind, problem.col, problem.raw, problem.why, _raw_row
    FROM (${refusedWithRowText('payments', refused, stages)})`);
  const sameRow = 'payments._file = pp._file AND payments._sheet IS NOT DISTINCT FROM pp._sheet AND payments._line = pp._line';
  await connection.run(`DELETE FROM payments USING payment_places pp WHERE ${sameRow} AND pp.placed_id IS NULL`);
  await connection.run(`UPDATE payments SET household_id = pp.placed_id FROM payment_places pp WHERE ${sameRow} AND pp.placed_id IS NOT NULL`);
  await connection.run('DROP TABLE payment_places');
}

/**
 * The roll's numbers told apart, named once in the summary rather than as a data_quality finding per village (see
 * household-split): staff learn why a 家庭编号 now reads 001（东村）or 001（特困）, and that a payment under such a number
 * needs its village or its program. One warning for the numbers told apart by village only, one for those told apart
 * by program (and perhaps village too), each on the first roll file of its numbers.
 */
export async function separatedNumberWarnings(connection: DuckDBConnection): Promise<SheetWarning[]> {
  const reader = await connection.runAndReadAll(`
    WITH told_apart AS (
      SELECT *, bool_or(family IS NOT NULL) OVER (PARTITION BY household_no) AS by_program FROM ${HOUSEHOLD_PLACES} WHERE separate
    ),
    first_number AS (SELECT by_program, min(household_no) AS household_no FROM told_apart GROUP BY by_program)
    SELECT f.by_program, (SELECT min(source_file) FROM told_apart t WHERE t.by_program = f.by_program) AS file,
           (SELECT count(DISTINCT household_no) FROM told_apart t WHERE t.by_program = f.by_program)::BIGINT AS numbers,
           (SELECT bool_or(located) FROM told_apart t WHERE t.by_program = f.by_program) AS located,
           f.household_no AS example_no,
           (SELECT list(household_id ORDER BY household_id) FROM told_apart t WHERE t.household_no = f.household_no) AS renamed
    FROM first_number f ORDER BY f.by_program`);
  return reader.getRowObjectsJson().map((row) => {
    const renamed = (row['renamed'] as unknown[]).map(String);
    const named = renamed.slice(0, HOUSEHOLDS_NAMED).map((id) => `「${id}」`).join('');
    const example = `（如「${String(row['example_no'])}」记作${named}${renamed.length > HOUSEHOLDS_NAMED ? `等 ${renamed.length} 户` : ''}）`;
    const numbers = Number(row['numbers']);
    if (row['by_program'] === true) {
      const villageToo = row['located'] === true ? '；村（社区）也不同的，还须写明村（社区）' : '';
      return {
        file: String(row['file']),
        sheet: null,
        message: `有 ${numbers} 个家庭编号在同一村的低保、特困人员中各有户主，按低保、特困各自编号读取${example}，按不同家庭分别核查；`
          + `发放明细中这些编号的发放须写明是低保还是特困（「发放项目」或「救助类别」列，或工作表名、文件名）${villageToo}，否则无法确定是哪一户的，不予使用`,
      };
    }
    return {
      file: String(row['file']),
      sheet: null,
      message: `有 ${numbers} 个家庭编号在不同村各有户主，按各村各自编号读取${example}，各村的这些行按不同家庭分别核查；`
        + '发放明细中这些编号的发放须写明村（社区），否则无法确定是哪一户的，不予使用',
    };
  });
}
