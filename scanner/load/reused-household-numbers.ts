// A 家庭编号 on rows of several villages. A township's own roll may number its households per village (户号 1, 2, 3 … in
// each village): 东村 001 and 西村 001 are then two families, and read as one they summed two families' homes, cars and
// deposits, paid one family the other's payments and made a person on both rolls one household's duplicate row. Where
// the number's rows in each village have a 户主 of their own (and no one heads two of them), each village's rows are a
// household of their own, renamed 001（东村）. Otherwise the rows are one family part of which moved (a member's row
// updated, the 户主's not) and stay one household, which data_quality.household-split reports in each village where
// its rows are still 在保; the numbers told apart are named once, in the summary's warnings.
import type { DuckDBConnection } from '@duckdb/node-api';
import { sqlString } from '../sql-text.ts';
import { headFirstSubject } from './household-subject.ts';
import type { SheetWarning } from './out-of-scope-rows.ts';
import { rawRows, refusedWithRowText, type StagedFile } from './raw-rows.ts';

/** A payment's 乡镇 and 村: read from its raw row, for a payment under a number told apart only. */
export const PAYMENT_PLACE_COLUMNS = ['township', 'village'] as const;

/** A payment under such a number that names no village: a file of them (no 村 column) is refused whole (unplaced-payments.ts). */
export const NO_VILLAGE_WRITTEN = '本行没有写村（社区），无法确定发给哪一户';

/** How many of a number's renamed households a warning or a refusal names. */
const HOUSEHOLDS_NAMED = 3;

/** The places of every 家庭编号 on rows of several villages: one row per number and place (household-split reads it). */
export const HOUSEHOLD_PLACES = 'household_places';

/**
 * One row per number and place for every 家庭编号 on `rows` (roll rows, a table or a parenthesised query) of several
 * villages. A row without a village cannot say where it is, and a row with an empty 乡镇 is in the number's own township
 * (its most common, the first in sort order on a tie): neither makes a second place by itself. household_places is it
 * over the whole roll; household-split runs it again over the rows still 在保 (a row 退保 on moving out makes no place).
 */
export function householdPlacesQuery(rows: string): string {
  return `
    WITH villaged AS (SELECT * FROM ${rows} WHERE household_id IS NOT NULL AND village IS NOT NULL),
    own_township AS (
      SELECT household_id, mode(township ORDER BY township) AS township FROM villaged
      WHERE household_id IN (SELECT household_id FROM villaged WHERE township IS NULL) GROUP BY household_id
    ),
    located AS (
      SELECT v.*, coalesce(v.township, o.township) AS known_township FROM villaged v LEFT JOIN own_township o USING (household_id)
    ),
    -- The few numbers in more than one place, found before the per-place details are gathered.
    split_numbers AS (
      SELECT household_id FROM located GROUP BY household_id
      HAVING min(concat_ws('|', known_township, village)) <> max(concat_ws('|', known_township, village))
    ),
    places AS (
      SELECT household_id AS household_no, concat_ws('|', known_township, village) AS place, min(county) AS county,
             any_value(known_township) AS township, any_value(village) AS village, mode(program ORDER BY program) AS program,
             ${headFirstSubject()},
             min(_file) AS source_file, arg_min(_line, (_file, _line)) AS source_line, count(*) AS persons,
             bool_or(coalesce(is_head, false)) AS has_head,
             list(DISTINCT id_number) FILTER (WHERE is_head AND id_number IS NOT NULL) AS head_ids
      FROM located WHERE household_id IN (SELECT household_id FROM split_numbers) GROUP BY household_id, place
    ),
    numbers AS (
      SELECT household_no, string_agg(place, '/' ORDER BY place) AS places_key,
             string_agg(coalesce(township, '') || coalesce(village, '（无村名）') || ' ' || persons || '人', '；' ORDER BY place) AS all_places,
             -- Each place's rows a family of their own: each has its 户主, and no one heads two of them.
             bool_and(has_head) AND sum(len(coalesce(head_ids, []))) = len(list_distinct(flatten(list(coalesce(head_ids, []))))) AS separate,
             count(DISTINCT township) > 1 AS townships_differ
      FROM places GROUP BY household_no
    )
    SELECT p.* EXCLUDE (has_head, head_ids), n.places_key, n.all_places, n.separate,
           CASE WHEN n.separate THEN p.household_no || '（' || CASE WHEN n.townships_differ THEN coalesce(p.township, '') ELSE '' END || p.village || '）'
                ELSE p.household_no END AS household_id,
           o.township AS own_township
    FROM places p JOIN numbers n USING (household_no) LEFT JOIN own_township o ON o.household_id = p.household_no`;
}

/**
 * Builds household_places from the typed roll and renames the rows of each number told apart. Whether a number's
 * villages are families of their own is judged on all its rows, 在保 or not: a 退保 family's payments and rows under
 * 001 stay its own, not those of the 001 still on the roll in another village. A row without a village keeps the bare
 * number.
 */
export async function separateReusedHouseholdNumbers(connection: DuckDBConnection): Promise<void> {
  await connection.run(`CREATE OR REPLACE TABLE ${HOUSEHOLD_PLACES} AS ${householdPlacesQuery('roll')}`);
  if (!(await anySeparated(connection))) return;
  await connection.run(`
    UPDATE roll SET household_id = p.household_id FROM ${HOUSEHOLD_PLACES} p
    WHERE p.separate AND roll.household_id = p.household_no AND roll.village = p.village
      AND coalesce(roll.township, p.own_township) IS NOT DISTINCT FROM p.township`);
}

async function anySeparated(connection: DuckDBConnection): Promise<boolean> {
  const reader = await connection.runAndReadAll(`SELECT EXISTS (SELECT 1 FROM ${HOUSEHOLD_PLACES} WHERE separate)`);
  return reader.getRows()[0]![0] === true;
}

/**
 * A payment under a number told apart is the household's of the village (and township, where given) the payment names.
 * One that names none of them, or names a village two of them share, is refused with that reason: summed into one of
 * them it would be another family's money. Run on the typed payments while their raw rows are still there (`stages`).
 */
export async function placePaymentsOfSeparatedHouseholds(connection: DuckDBConnection, stages: readonly StagedFile[]): Promise<void> {
  if (!(await anySeparated(connection))) return;
  // The 乡镇 and 村 the payments under such numbers write (not kept in the typed table), taken on their own first.
  await connection.run(`
    CREATE OR REPLACE TEMP TABLE payment_places_written AS
    SELECT _file, coalesce(_sheet, '') AS sheet, _line, rs_text(township) AS township, rs_text(village) AS village
    FROM ${rawRows('payments')} WHERE rs_code(household_id) IN (SELECT household_no FROM ${HOUSEHOLD_PLACES} WHERE separate)`);
  // The township is tested in the aggregate: in the join's condition it made a nested-loop join (7 s for 240,000 payments).
  const sameTownship = 'w.township IS NULL OR p.township IS NOT DISTINCT FROM w.township';
  await connection.run(`
    CREATE OR REPLACE TEMP TABLE payment_places AS
    SELECT pay._file, pay._sheet, pay._line, pay.household_id AS household_no, any_value(w.village) AS village,
           count(p.household_id) FILTER (WHERE ${sameTownship}) AS matches, min(p.household_id) FILTER (WHERE ${sameTownship}) AS placed_id
    FROM payments pay JOIN payment_places_written w ON w._file = pay._file AND w.sheet = coalesce(pay._sheet, '') AND w._line = pay._line
    LEFT JOIN ${HOUSEHOLD_PLACES} p ON p.separate AND p.household_no = pay.household_id AND p.village = w.village
    GROUP BY pay._file, pay._sheet, pay._line, pay.household_id`);
  await connection.run('DROP TABLE payment_places_written');
  // The households a refused payment's number names (the first few), joined to the refused rows only.
  const why = `'家庭编号 ' || household_no || ' 在花名册中是不同村的 ' || households || ' 户（' || households_named || '），'
    || CASE WHEN village IS NULL THEN ${sqlString(NO_VILLAGE_WRITTEN)}
            WHEN matches = 0 THEN '本行的村（社区）「' || village || '」不是其中任何一户的，无法确定发给哪一户'
            ELSE '本行的村（社区）「' || village || '」有其中 ' || matches || ' 户，请写明乡镇，无法确定发给哪一户' END`;
  const refused = `(
    WITH unplaced AS (SELECT * FROM payment_places WHERE matches <> 1),
    numbers AS (
      SELECT household_no, count(*) AS households,
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
  await connection.run(`DELETE FROM payments USING payment_places pp WHERE ${sameRow} AND pp.matches <> 1`);
  await connection.run(`UPDATE payments SET household_id = pp.placed_id FROM payment_places pp WHERE ${sameRow} AND pp.matches = 1`);
  await connection.run('DROP TABLE payment_places');
}

/**
 * The roll's numbers told apart, named once in the summary rather than as a data_quality finding per village (see
 * household-split): staff learn why a 家庭编号 now reads 001（东村）, and that a payment under such a number needs its
 * village. One warning, on the first roll file.
 */
export async function separatedNumberWarnings(connection: DuckDBConnection): Promise<SheetWarning[]> {
  const reader = await connection.runAndReadAll(`
    WITH told_apart AS (SELECT * FROM ${HOUSEHOLD_PLACES} WHERE separate),
    first_number AS (SELECT min(household_no) AS household_no FROM told_apart)
    SELECT (SELECT min(source_file) FROM told_apart) AS file, (SELECT count(DISTINCT household_no) FROM told_apart)::BIGINT AS numbers,
           f.household_no AS example_no,
           (SELECT list(household_id ORDER BY household_id) FROM told_apart t WHERE t.household_no = f.household_no) AS renamed
    FROM first_number f WHERE f.household_no IS NOT NULL`);
  return reader.getRowObjectsJson().map((row) => {
    const renamed = (row['renamed'] as unknown[]).map(String);
    const named = renamed.slice(0, HOUSEHOLDS_NAMED).map((id) => `「${id}」`).join('');
    return {
      file: String(row['file']),
      sheet: null,
      message: `有 ${Number(row['numbers'])} 个家庭编号在不同村各有户主，按各村各自编号读取（如「${String(row['example_no'])}」记作${named}`
        + `${renamed.length > HOUSEHOLDS_NAMED ? `等 ${renamed.length} 户` : ''}），各村的这些行按不同家庭分别核查；`
        + '发放明细中这些编号的发放须写明村（社区），否则无法确定是哪一户的，不予使用',
    };
  });
}
