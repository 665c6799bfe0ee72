// Shared by the data_quality checks of refused rows (bad-row, id-invalid): whom a refused row names, and which village.
// `numbered` is a query of load_rejects' rows with a row_key each; every fragment returns rows keyed by it.

/**
 * An ID's cell as written, with room for what rs_id_parse cleans away (spaces 371329 19500113 055X, the ="…" of an
 * export, quotes): a shorter or longer cell holds no ID, and is not parsed (a list refused whole has many rows).
 */
const ID_CELL_LENGTH = 'BETWEEN 15 AND 40';

/**
 * (row_key, id): the IDs a refused row's cells hold, each cell read as any ID column is (rs_id_parse: full-width digits,
 * spaces, the ="…" of an export, a 15-digit number as its 18-digit form), so that a recipient named in a form the loader
 * accepts is found. Until 2026-12-06 only eighteen plain characters were seen: a death list's row naming a recipient by
 * his 15-digit number or in full-width digits went to 未关联乡镇, where no village's staff look.
 */
export const idsInRowText = (numbered: string) => `(
      SELECT DISTINCT row_key, parsed.id AS id FROM (
        SELECT row_key, rs_id_parse(cell) AS parsed
        FROM (SELECT row_key, trim(unnest(string_split(raw_row, ','))) AS cell FROM ${numbered})
        WHERE length(cell) ${ID_CELL_LENGTH} AND regexp_matches(cell, '[0-9０-９]'))
      WHERE parsed.status IN ('valid', 'legacy'))`;

/**
 * (row_key, county, township, village): the one village a refused row's cells name, for a roll row refused as shifted
 * (among the villages of its own file or sheet: the cells before the stray comma are where they belong, and a village
 * cell after it is still whole) and a 干部及经办人员名册 row (the roll's village of that name, in the township the row
 * names where two townships have one: his relatives on the roll went unchecked, which that village's staff should
 * see). A row naming two villages, or none on the roll, names none.
 */
export const villageNamedInRow = (numbered: string) => `(
      WITH cells AS (
        SELECT row_key, dataset, _file, _sheet, trim(unnest(string_split(raw_row, ','))) AS cell
        FROM ${numbered} WHERE dataset IN ('roll', 'cadres')
      ),
      roll_file_villages AS (
        SELECT DISTINCT _file, _sheet, county, township, village FROM roll
        WHERE village IS NOT NULL AND _file IN (SELECT _file FROM cells WHERE dataset = 'roll')
      ),
      roll_villages AS (SELECT DISTINCT county, township, village FROM roll WHERE village IS NOT NULL),
      cadre_villages AS (
        SELECT DISTINCT c.row_key, v.county, v.township, v.village, t.cell IS NOT NULL AS township_named
        FROM cells c JOIN roll_villages v ON c.dataset = 'cadres' AND v.village = c.cell
        LEFT JOIN cells t ON t.row_key = c.row_key AND t.cell = v.township
      ),
      villages_named AS (
        SELECT DISTINCT c.row_key, v.county, v.township, v.village
        FROM cells c JOIN roll_file_villages v
          ON c.dataset = 'roll' AND v._file = c._file AND v._sheet IS NOT DISTINCT FROM c._sheet AND v.village = c.cell
        UNION ALL
        SELECT row_key, county, township, village FROM cadre_villages
        QUALIFY township_named = max(township_named) OVER (PARTITION BY row_key)
      )
      SELECT row_key, any_value(county) AS county, any_value(township) AS township, any_value(village) AS village
      FROM villages_named GROUP BY row_key
      HAVING count(DISTINCT (coalesce(county, ''), coalesce(township, ''), village)) = 1)`;
