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
/** Of those, a household of her own only: on the head's row, the split that made his household (see splitHeaded). */
const SPLIT_CORE = '(?:户口|户籍)?已?(?:分户|另立户)';
const SPACE = '[\\s\\x{3000}]*';
/**
 * A roll status that says, as a whole, that its person left the household: the word alone (出嫁, 已迁出) or
 * 在保/停保/退保 with it as its whole bracketed reason (在保（已迁出）, 在保(出嫁)). A reason about someone else or
 * unfinished (在保（妻子死亡）, 在保（女儿出嫁）, 在保（户口迁出未办结）, 已出嫁返乡, 分户施保) is no such status: a
 * broader reading (withdrawn in b68a5e9) hid a household's car behind 在保（女儿出嫁） on the mother's row.
 */
const statusSaying = (core: string) => `${SPACE}(?:${core}|(?:不在保|在保|停保|退保)${SPACE}[（(]${SPACE}${core}${SPACE}[）)])${SPACE}`;
/** The patterns as regexp literals that also match their words in traditional characters (遷出 is 迁出). */
const LEFT_STATUS_SQL = sqlString(eitherScriptPattern(statusSaying(LEFT_CORE)));
const SPLIT_STATUS_SQL = sqlString(eitherScriptPattern(statusSaying(SPLIT_CORE)));

/**
 * Whether the roll row `alias` says, as a whole, that its person left the household (LEFT_CORE), whatever it is read
 * as: such a row read as 在保 is mostly reported by data_quality.bad-value (not a bracketed 在保（分户）, 在保（已出嫁）).
 * Matched in either script as the value stands: converting it first (rs_category_text) costs a third of a second to
 * plan in each query. The cadre_relative checks keep a broader reading of their own (cadre_relative/shared/
 * left-household.ts), where a leaving missed is a false link.
 */
export const saysItLeftHousehold = (alias: string) => `coalesce(regexp_full_match(${alias}.status_raw, ${LEFT_STATUS_SQL}), false)`;

/** Whether the roll row `alias` says, as a whole, that its person split off into a household of her own (分户, 在保（另立户）). */
const saysItSplit = (alias: string) => `coalesce(regexp_full_match(${alias}.status_raw, ${SPLIT_STATUS_SQL}), false)`;

/**
 * The roll row `alias` makes its person a member of its household, for the over_asset members and head count: read
 * 在保 and not saying as a whole that she left (出嫁, 分户, 在保（已迁出）, read as 在保 by the loader; until 2026-12-07 a
 * married-out daughter's car made her parents' household a false 拥有机动车 finding, high). A status empty or written
 * 在保, as on nearly every row, is settled before the pattern is tried.
 */
export const householdMember = (alias: string) =>
  `${alias}.active AND (${alias}.status_raw IS NULL OR ${alias}.status_raw = '在保' OR NOT ${saysItLeftHousehold(alias)})`;

/**
 * The roll row `alias` is the head's (户主, 本人) and says 分户 or 在保（分户）, and no other head row of its household
 * makes its person a member (householdMember): the split that made his household, as rolls write 分户施保, not his
 * leaving it (a head cannot split from his own household). Until 2026-12-07 he was no member where another member's row
 * was plain 在保: his car was left out of the household, a missed high finding. A 户主 row saying 分户 beside a plain
 * 户主 row is a son who split off under his father's number: he left. A 户主 row saying he moved out (在保（已迁出）) is no
 * head there, and does not keep the new head's 分户 from being his own (R30).
 */
export const headsOwnSplit = (alias: string) => `(${alias}.active AND coalesce(${alias}.is_head, false) AND ${saysItSplit(alias)}
  AND NOT EXISTS (SELECT 1 FROM roll other_head WHERE other_head.household_id = ${alias}.household_id
    AND other_head.is_head AND ${householdMember('other_head')}))`;

/**
 * The row ids (rowid) of the active roll rows, among the households `households` selects (all by default), whose person is
 * no member of the household: the row says as a whole that she left it (a row 出嫁, 分户 or 在保（已迁出） is read as 在保
 * by the loader; most are reported by data_quality.bad-value, a bracketed 在保（已出嫁） or 在保（分户） is not) while
 * someone else there is a member: plainly, or, for a row that does not say 分户, a head by his own 分户 (headsOwnSplit;
 * a married-out daughter beside her father's 在保（分户） left, R30). A married-out daughter's car, home and deposits are
 * not her parents' household's, nor is she in its head count (until 2026-12-07 her car made her parents' household a
 * false 拥有机动车 finding, high). Still members: a person alone in his household so written (分户, as rolls write
 * 分户施保: the household paid, her car its own), every row saying 分户 of a household where each says she left (the
 * household split off together), and the head's own 分户 (headsOwnSplit).
 * A row with no 家庭编号 is none of these. A status empty or written 在保, as on nearly every row, is settled first.
 */
export const notMemberRows = (households?: string) => `
  WITH leaving AS (
    SELECT l.rowid AS row_id, l.household_id, coalesce(l.is_head, false) AS is_head, ${saysItSplit('l')} AS split FROM roll l
    WHERE l.active AND l.household_id IS NOT NULL AND l.status_raw IS NOT NULL AND l.status_raw <> '在保'
      ${households ? `AND l.household_id IN (${households})` : ''} AND ${saysItLeftHousehold('l')}
  ),
  -- Their households' other rows, once per household (a correlated test per row, nested for headsOwnSplit, cost a
  -- draft 0.6 s at 1.5 million rows, R31): whether anyone is plainly a member, a head among them, and whether a head's own row
  -- says 分户 (headsOwnSplit where no plain head is there).
  kin AS (
    SELECT household_id, bool_or(${householdMember('h')}) AS plain_member,
           bool_or(coalesce(h.is_head, false) AND ${householdMember('h')}) AS plain_head,
           bool_or(h.active AND coalesce(h.is_head, false) AND ${saysItSplit('h')}) AS split_head
    FROM roll h WHERE h.household_id IN (SELECT household_id FROM leaving) GROUP BY household_id
  )
  SELECT row_id FROM leaving JOIN kin USING (household_id)
  WHERE NOT (is_head AND split AND NOT plain_head)
    AND (plain_member OR (NOT split AND split_head AND NOT plain_head))`;

/**
 * A household's 乡镇 and 村 as one place (its county with them): those of its most rows (`place_rows`, counted by the
 * caller per household and place), a place naming both first, the first in sort order on a tie; `before` ranks rows
 * ahead of that (household-no-head: an 在保 row's place first). Taken apart, min(township) and mode(village) named a
 * place that does not exist (大店镇 东村 for a household of 店头镇东村 and 大店镇西村), and the finding went to the other
 * township's workbook. `file` and `line` give the first row of that place, the one the finding cites: the household's
 * first row in file order may be in the other place (`fileColumn` names _file where a join holds another).
 */
export const placeOfMostRows = (part: 'county' | 'township' | 'village' | 'file' | 'line', before = '', fileColumn = '_file') =>
  `arg_min({'county': county, 'township': township, 'village': village, 'file': ${fileColumn}, 'line': _line},
      (${before ? `${before}, ` : ''}village IS NULL, township IS NULL, -place_rows, coalesce(township, ''), coalesce(village, ''), county IS NULL, coalesce(county, ''),
       ${fileColumn}, _line)).${part}`;
