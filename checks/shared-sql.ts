// SQL fragments the checks share: where a roll row is, how a row is cited in evidence, money as text.

/** The location columns of a finding about a roll row (alias r). */
export const ROLL_LOCATION = 'r.county, r.township, r.village, r.household_id, r.program';

/** "文件 第 N 行" (with the sheet for workbooks), for evidence text; `alias` is the row's table alias. */
export const citeRow = (alias: string) =>
  `${alias}._file || coalesce(' 工作表「' || ${alias}._sheet || '」', '') || ' 第' || ${alias}._line || '行'`;

/** The standard provenance columns of a finding about a roll row (alias r). */
export const ROLL_SOURCE = `'roll' AS source_dataset, r._file AS source_file, r._line AS source_line`;

/**
 * A typed account Excel kept only the leading digits of (6.22848E+18, or 6.22848001234567e+15 for a 16-digit card
 * typed into a number cell: see numberText): two different accounts would read alike, so it is compared with none.
 */
export const accountLostDigits = (account: string) => `regexp_full_match(${account}, '[0-9.]+[eE][+]?[0-9]+')`;

/**
 * The refused rows (load_rejects) of `kinds`, each with its fact: `rowFact` (over load_rejects' columns), numbered by
 * `occurrence` among rows with the same fact (in file, sheet and line order), and `fact`. The fact names no file or line,
 * so that a list re-exported re-sorted or renamed keeps its ids; identical rows (3.70481E+17 on many rows of a list
 * Excel saved, a row typed twice) would then share one id and one finding: each after the first adds its number.
 * `rows`: load_rejects, or rows of its columns beside them (data_quality.id-invalid adds the unreadable numbers of
 * 市场主体 rows kept for a readable one). A row's number depends on its place only, not on whether it was refused: a
 * row refused one month and kept the next keeps its fact, and a staff note stays with it (until 2026-12-06
 * data_quality.id-invalid numbered the kept ones after the refused, and a row turning kept moved its neighbours' facts).
 */
export const numberedRejects = (kinds: string, rowFact: string, rows = 'load_rejects') => `(
      SELECT *, row_fact || CASE WHEN occurrence > 1 THEN '|#' || occurrence ELSE '' END AS fact FROM (
        SELECT *, dense_rank() OVER (PARTITION BY row_fact ORDER BY _file, _sheet, _line) AS occurrence
        FROM (SELECT *, ${rowFact} AS row_fact FROM ${rows} WHERE kind IN (${kinds}))))`;

/** Money in cents as yuan text with two decimals, for evidence. */
export const yuan = (cents: string) => `printf('%.2f', (${cents}) / 100.0)`;

export const BASIS_DIBAO_RULES = '《最低生活保障审核确认办法》(民发〔2021〕57号)；《特困人员认定办法》(民发〔2021〕43号)';

/**
 * One row per active person and household among the IDs `candidates` selects, for checks that flag each such person:
 * a person on two rows of one household is one finding (duplicate.same-household reports the double row). Narrowing
 * to the candidates first keeps the de-duplication to the few it concerns, not the whole roll.
 */
export const activePersonsAmong = (candidates: string) => `SELECT DISTINCT ON (id_number, household_id) * FROM roll
      WHERE active AND id_number IN (${candidates}) ORDER BY id_number, household_id, _file, _line`;
