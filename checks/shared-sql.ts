// SQL fragments the checks share: where a roll row is, how a row is cited in evidence, money as text, whether a row's
// person left the household.
import { DEATH_WORD, MOVED_OUT_WORD } from '../scanner/normalise/category-words.ts';
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
 * A roll status that says the person left the household, not only that the roll stopped paying him: a move out (迁出,
 * 户口迁出, 迁移, 外迁, 转出 …, as the loader reads a move), a split into a household of his own (分户, 另立户), a marriage
 * out (出嫁, 入赘), a 户口 cancelled (户口注销, 参军, 入伍) or a death (死亡, 病故, 已故 …). 停保 and 退保 alone, or with a
 * reason that is no such word (停保（任职）, 退保（收入超标）), say only that he is no longer paid. Such a word denied or
 * not yet done (未迁出, 户口未迁出, 拟迁出, 申请分户, 未办理迁出) does not count, nor a way of paying (分户施保), nor a
 * value that also names a return (迁出后迁回, 迁入).
 */
const LEFT_HOUSEHOLD_WORD = `${MOVED_OUT_WORD}|迁移|分户|另立户|单独立户|出嫁|外嫁|嫁出|入赘|户口注销|注销户口|户籍注销|注销户籍|参军|入伍|${DEATH_WORD}|已故`;
const LEFT_HOUSEHOLD_DENIED = `(?:未|不|没有?|无|非|拟|待|预|申请|建议|提请|准备|误)(?:办理?|已|曾|再|能|予|经)?(?:${LEFT_HOUSEHOLD_WORD})|分户(?:施保|保障|救助|纳入|享受)`;
const RETURN_WORD = '迁回|回迁|迁入|迁移入';
/** A word pattern as a regexp literal that also matches its words in traditional characters. */
const words = (pattern: string) => sqlString(eitherScriptPattern(pattern));

/**
 * Whether the roll row `alias` says its person left the household. The words are matched in either script (遷出 is
 * 迁出) as they stand in the value: converting it first (rs_category_text) costs a third of a second to plan in each
 * query. Most such rows are 退保 (迁出) or 停保 (停保（迁出）) already; some are read as 在保 and reported by
 * data_quality.bad-value (死亡, 分户, 出嫁, 在保（已迁出）). A row without the words costs one failed match.
 */
export const leftHousehold = (alias: string) => `coalesce(regexp_matches(${alias}.status_raw, ${words(LEFT_HOUSEHOLD_WORD)})
      AND regexp_matches(regexp_replace(${alias}.status_raw, ${words(LEFT_HOUSEHOLD_DENIED)}, '', 'g'), ${words(LEFT_HOUSEHOLD_WORD)})
      AND NOT regexp_matches(${alias}.status_raw, ${words(RETURN_WORD)}), false)`;

/**
 * The roll row `alias` makes its person a member of its household: read 在保 and not saying that he left (a row 出嫁,
 * 分户, 死亡 or 在保（已迁出） is read as 在保 by the loader, and reported). Such a row counts for no check that asks who
 * the household is: the cadre_relative links, the over_asset members and head count, the deceased.recipient divisor,
 * and the other household of duplicate.two-households (until 2026-12-06 only cadre_relative left it out: a daughter's
 * row 出嫁 made her car her parents', and halved the estimate of her dead father's overpayment). A status empty or
 * written 在保, as on nearly every row, is settled before the words are matched: over a million rows they cost about a
 * second, the comparison a tenth of that.
 */
export const stillInHousehold = (alias: string) =>
  `${alias}.active AND (${alias}.status_raw IS NULL OR ${alias}.status_raw = '在保' OR NOT ${leftHousehold(alias)})`;
