// SQL fragments the checks share: where a roll row is, how a row is cited in evidence, money as text, whether a row's
// person left the household.
import { eitherScriptPattern } from '../scanner/normalise/traditional-to-simplified.ts';
import { sqlString } from '../scanner/sql-text.ts';

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

/**
 * The person's own leaving, as the whole of what is written: a move out (迁出, 户口迁出), a marriage out (出嫁, 外嫁)
 * or a household of her own (分户, 另立户), with or without 已. Nothing else: a word with more to it (迁出（2025年）,
 * 迁往外省, 入赘, 转出) may be a move in, a revoked one or a transfer between programs, and a death leaves the estate
 * with the household. When unsure the person stays a member, as the roll read plainly says.
 */
const LEFT_CORE = '(?:户口|户籍)?已?(?:迁出|出嫁|外嫁|分户|另立户)';
const SPACE = '[\\s\\x{3000}]*';
/**
 * A roll status that says, as a whole, that its person left the household: the word alone (出嫁, 已迁出) or
 * 在保/停保/退保 with it as its whole bracketed reason (在保（已迁出）, 在保(出嫁)). A reason about someone else or
 * unfinished (在保（妻子死亡）, 在保（女儿出嫁）, 在保（户口迁出未办结）, 已出嫁返乡, 分户施保) is no such status: a
 * broader reading (withdrawn in b68a5e9) hid a household's car behind 在保（女儿出嫁） on the mother's row.
 */
const LEFT_STATUS = `${SPACE}(?:${LEFT_CORE}|(?:不在保|在保|停保|退保)${SPACE}[（(]${SPACE}${LEFT_CORE}${SPACE}[）)])${SPACE}`;
/** The pattern as a regexp literal that also matches its words in traditional characters (遷出 is 迁出). */
const LEFT_STATUS_SQL = sqlString(eitherScriptPattern(LEFT_STATUS));

/**
 * Whether the roll row `alias` says, as a whole, that its person left the household (LEFT_STATUS), whatever it is read
 * as: such a row read as 在保 is mostly reported by data_quality.bad-value (not a bracketed 在保（分户）, 在保（已出嫁）).
 * Matched in either script as the value stands: converting it first (rs_category_text) costs a third of a second to
 * plan in each query. The cadre_relative checks keep a broader reading of their own (cadre_relative/shared/
 * left-household.ts), where a leaving missed is a false link.
 */
export const saysItLeftHousehold = (alias: string) => `coalesce(regexp_full_match(${alias}.status_raw, ${LEFT_STATUS_SQL}), false)`;

/**
 * The roll row `alias` makes its person a member of its household, for the over_asset members and head count: read
 * 在保 and not saying as a whole that she left (出嫁, 分户, 在保（已迁出）, read as 在保 by the loader; until 2026-12-07 a
 * married-out daughter's car made her parents' household a false 拥有机动车 finding, high). A status empty or written
 * 在保, as on nearly every row, is settled before the pattern is tried.
 */
export const householdMember = (alias: string) =>
  `${alias}.active AND (${alias}.status_raw IS NULL OR ${alias}.status_raw = '在保' OR NOT ${saysItLeftHousehold(alias)})`;
