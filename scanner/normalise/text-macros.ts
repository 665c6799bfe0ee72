// Macros for free-text cells: rs_text (places, categories), rs_code (household ids, accounts), rs_account_key /
// rs_account_masked, rs_code_lost_digits, rs_no_value (a cell written as none), rs_name / rs_name_key.
import {
  FULL_WIDTH_CHARACTERS, FULL_WIDTH_CLASS, HALF_WIDTH_CHARACTERS, QUOTE_CLASS, WHITESPACE_CLASS, defineMacro,
  type MacroDefinition,
} from './macro-definition.ts';
import { sqlString } from '../sql-text.ts';
import { simplifiedChineseExpression } from './traditional-to-simplified.ts';

/** Anything rs_clean_text would change: a full-width character or whitespace. */
const NEEDS_CLEANING = `${FULL_WIDTH_CLASS}|${WHITESPACE_CLASS}`;

/**
 * Middle-dot look-alikes typed in minority names (阿依古丽·买买提): Latin-1 middle dot, bullet,
 * katakana middle dots, hyphenation point, bullet operator, dot operator, Greek ano teleia, word
 * separator middle dot. The full-width full stop ． is already '.' after rs_halfwidth.
 */
const MIDDLE_DOT_VARIANTS = String.raw`[\x{00B7}\x{2022}\x{30FB}\x{FF65}\x{2027}\x{2219}\x{22C5}\x{0387}\x{2E31}]`;
const MIDDLE_DOT = '\u00B7';
// A hyphen there too: 买买提-艾力 on one list, 买买提·艾力 on the roll (until 2026-12-07 an id-name-conflict and a
// 需核实身份 note on the death found).
const HAN_DOT_HAN = String.raw`(\p{Han})[.\-](\p{Han})`;

/**
 * 3.71329E+15, 6.217993199683131e+18: how Excel and JavaScript write a long number, the exponent's + included, so that a
 * code such as 37E1329 stays a code.
 */
const SCIENTIFIC_NOTATION = String.raw`[+-]?\d+(?:\.\d*)?[eE]\+\d+`;

/**
 * Quotes that forced a code to text (also ="…", the formula a system's CSV export writes so that Excel keeps the digits),
 * or the '.0' Excel appends when a numeric code became a float.
 */
const CODE_DECORATION = String.raw`${QUOTE_CLASS}|\.0+$`;
/**
 * What masks an account's hidden digits: asterisks (half- or full-width, ﹡, ✱, ※), ×, dots (●, •, ○, a run of full stops,
 * …), #, ?, _, or a run of x (half- or full-width). Until 2026-12-05 only *, ×, ● and x: 6228••••••••1111 was 62281111.
 */
const ACCOUNT_MASK = '[*＊﹡✱※×●•○◯…⋯#＃?？_＿]|[xXｘＸ]{2,}|[.]{2,}';
/** A code of ASCII letters and digits only: one rs_code_placeholder need not look at. */
const PLAIN_CODE = '[0-9A-Za-z]+';
/** A code rs_code returns as it is: digits and upper-case ASCII letters only. */
const UPPER_PLAIN_CODE = '[0-9A-Z]+';
/** Marks and words a clerk writes for "none" in any cell: dashes, slashes, underscores; 无, 空, 暂无. */
const NONE_MARKS = '-/\\\\_—–－／＿';
const NONE_WORDS = '无|空|暂无';
/** A cell written as none, where a date may be (任职止 —): not 不详 or 待定, which say a date is not known. */
export const NONE_WRITTEN = `[${NONE_MARKS}]+|${NONE_WORDS}`;
/**
 * A cell that gives no value: written as none, or as not known (不详, 未知, 不明). Where a cell left empty says no more
 * than that (a 成立日期, a 注销日期 beside the 登记状态, a 月工资), one so written is empty; not where an empty cell says
 * something itself (an empty 任职止 is a term not ended, and 不详 there is no such thing: NONE_WRITTEN). Not 待定 or
 * 待核定 either: a value still to come is not none.
 */
export const NO_VALUE_WRITTEN = `${NONE_WRITTEN}|不详|未知|不明`;
/** What a clerk writes in a code's cell for "none": a dash or slash, or a word (无, 暂无, 待定, 不详). */
const NO_CODE = `[${NONE_MARKS}.,*、，。·×]+|${NONE_WORDS}|待定|待补|不详|未知`;
/** One pass: the first alternative keeps the digits of '12345.0', the others drop edge quotes (and the = before them). */
const CODE_STRIPPING = String.raw`^=?${QUOTE_CLASS}*(\d+)\.0+${QUOTE_CLASS}*$|^=?${QUOTE_CLASS}+|${QUOTE_CLASS}+$`;
/**
 * What a bank or another department writes for the characters of a name it hides (王*明; 王＊明 is 王*明 once half-width;
 * 王×明, 王某某), as rs_name_key leaves them.
 */
const NAME_MASK_CHARACTERS = '*×某﹡✱';

/** The text opens with an ASCII digit or letter (NULL for NULL): ascii() gives the first character's code point. */
const ASCII_ALPHANUMERIC_FIRST = (text: string) => `(ascii(${text}) BETWEEN 48 AND 57 OR ascii(${text}) BETWEEN 65 AND 90 OR ascii(${text}) BETWEEN 97 AND 122)`;

export const TEXT_MACROS: readonly MacroDefinition[] = [
  // Internal. translate() rebuilds its character map on every row (cost grows with the table:
  // ~15× a regexp test here), so it only runs on values that contain a full-width character.
  defineMacro('rs_halfwidth', ['v'], `CASE WHEN regexp_matches(v, ${sqlString(FULL_WIDTH_CLASS)})
    THEN translate(v, ${sqlString(FULL_WIDTH_CHARACTERS)}, ${sqlString(HALF_WIDTH_CHARACTERS)}) ELSE v END`),

  // Internal. Half-width, whitespace removed; the common already-clean value costs one regexp test.
  defineMacro('rs_clean_text', ['v'], `CASE WHEN regexp_matches(v, ${sqlString(NEEDS_CLEANING)})
    THEN regexp_replace(rs_halfwidth(v), ${sqlString(WHITESPACE_CLASS)}, '', 'g') ELSE v END`),

  // CAST so that typed Parquet/XLSX columns (numbers, dates) go through the same path as text.
  defineMacro('rs_text', ['s'], `nullif(rs_clean_text(CAST(s AS VARCHAR)), '')`),

  // Internal. rs_text(s) written out where it is used rather than bound once (bindOnce): the lambda cost more than
  // cleaning the text twice (typing the B1M roll and payments, eight alternations: 5.1 s against 4.9 s).
  defineMacro('rs_code_cleaned', ['s'], `CASE
    WHEN regexp_matches(rs_text(s), ${sqlString(CODE_DECORATION)})
      THEN nullif(regexp_replace(rs_text(s), ${sqlString(CODE_STRIPPING)}, '\\1', 'g'), '')
    ELSE rs_text(s) END`),

  // A code Excel turned into a number in scientific notation (3.71329E+15, or a number cell past 2^53): only its first
  // digits are left, so two households or accounts would read alike. Never guessed; the caller reports it.
  // The exponent's + first, in a CASE so that only the few cells holding one reach the regexp (AND evaluates both sides):
  // over B1M's twelve million payments the test costs little beside rs_code.
  defineMacro('rs_code_lost_digits', ['s'], `CASE WHEN contains(CAST(s AS VARCHAR), '+')
    THEN coalesce(regexp_full_match(rs_text(s), ${sqlString(SCIENTIFIC_NOTATION)}), false) ELSE false END`),

  // A code of digits and capitals alone, nearly every one, is already clean (no space, full-width character, quote,
  // '.0' or small letter): one anchored test settles it instead of rs_code_cleaned's three searches (B1M's 4.2 million
  // payment 家庭编号, one thread: 2.7 → 1.4 s; copying the column as it is, 0.9 s). Only typing's SELECT lists call it.
  // Letters are upper-cased, as full-width ones are made half-width: a roll's h002 and the payments' H002 are one
  // household, as Ｈ００２ and H002 were. Until 2026-12-06 they were two, and the death of h002's 户主 found no payment
  // after it (多发 0.00 元) while H002 was paid on. A code is shown so (H002, an account 6228XXXXXXXX1111) wherever it
  // is shown; not a number that lost its digits (6.22848001234567e+15): no code, it is quoted as the cell wrote it.
  defineMacro('rs_code', ['s'], `CASE WHEN regexp_full_match(CAST(s AS VARCHAR), ${sqlString(UPPER_PLAIN_CODE)}) THEN CAST(s AS VARCHAR)
    WHEN rs_code_lost_digits(s) THEN rs_code_cleaned(s)
    ELSE upper(rs_code_cleaned(s)) END`),

  // A code cell holding what stands for none (/, —, 无, 暂无 …): read as a code, every row so written was one household
  // (two families' amounts compared, their assets summed). The caller reads it as empty. A plain code goes no further.
  defineMacro('rs_code_placeholder', ['s'], `CASE WHEN regexp_full_match(CAST(s AS VARCHAR), ${sqlString(PLAIN_CODE)}) THEN false
    ELSE coalesce(regexp_full_match(rs_text(s), ${sqlString(NO_CODE)}), false) END`),

  // A cell that gives no value (NO_VALUE_WRITTEN: —, /, 无, 暂无, 不详 …). A regexp on the cell's text: asked once per distinct
  // text by the value maps of dates, months, amounts and numbers (m_no_value), but of every ID cell of every row by the
  // typed selects (whether a required ID is missing). A cell opening with an ASCII letter or digit, every well-formed ID,
  // is settled by ascii() alone: cleaning never moves its first character, and nothing NO_VALUE_WRITTEN matches opens so
  // (typing B1M's three million kinship rows, two IDs each: 7.1 → 5.7 s of CPU).
  defineMacro('rs_no_value', ['s'], `CASE WHEN ${ASCII_ALPHANUMERIC_FIRST('CAST(s AS VARCHAR)')} THEN false
    ELSE coalesce(regexp_full_match(rs_text(s), ${sqlString(NO_VALUE_WRITTEN)}), false) END`),

  // An account as compared: letters and digits only (6228 4800 … and 6228-4800-… are one account). Both
  // duplicate.shared-account and the payments that name only the account paid (payee-households.ts) compare so.
  defineMacro('rs_account_key', ['account'], `regexp_replace(upper(account), '[^0-9A-Z]', '', 'g')`),

  // An account masked before the list was sent (6228********1111, 6228 48** **** 2222, 6228xxxxxxxx1111): rs_account_key
  // would drop the mask and read two different cards masked alike as one account (62281111), so it is compared with
  // none. Both duplicate.shared-account and payee-households.ts ask this. Card numbers are digits (a 社保卡号 may open
  // with a letter), so two x running are a mask.
  defineMacro('rs_account_masked', ['account'], `regexp_matches(account, ${sqlString(ACCOUNT_MASK)})`),

  // Internal. A '.' or '-' only counts as a middle dot between two Han characters (so 'J.Smith' keeps its
  // full stop). The Han-dot-Han replacement runs twice because a match consumes the Han character
  // after the dot, so '阿.卜.杜' needs a second pass for its second dot. Repeated dots collapse.
  defineMacro('rs_unify_middle_dots', ['n'], `regexp_replace(
    regexp_replace(
      regexp_replace(
        regexp_replace(n, ${sqlString(MIDDLE_DOT_VARIANTS)}, '${MIDDLE_DOT}', 'g'),
        ${sqlString(HAN_DOT_HAN)}, '\\1${MIDDLE_DOT}\\2', 'g'),
      ${sqlString(HAN_DOT_HAN)}, '\\1${MIDDLE_DOT}\\2', 'g'),
    '${MIDDLE_DOT}+', '${MIDDLE_DOT}', 'g')`),

  defineMacro('rs_name', ['s'], `nullif(CASE
    WHEN regexp_matches(CAST(s AS VARCHAR), ${sqlString(`${NEEDS_CLEANING}|[.\\-]|${MIDDLE_DOT_VARIANTS}`)})
      THEN rs_unify_middle_dots(rs_clean_text(CAST(s AS VARCHAR)))
    ELSE CAST(s AS VARCHAR) END, '')`),

  // Internal: see traditional-to-simplified.ts for how a name with traditional characters is translated cheaply.
  defineMacro('rs_to_simplified', ['n'], simplifiedChineseExpression('n')),

  // Not wrapped in bindOnce: a regexp inside a lambda costs extra per chunk, which for these large
  // character classes was measured at 7× the plain call. rs_name is cheap, and in the common case
  // (no traditional character) only the guard and the ELSE branch evaluate it. The comparison form drops the middle dot:
  // one department writes 阿依古丽·买买提 and another 阿依古丽买买提 for one person (until 2026-12-02 an
  // id-name-conflict, and a 需核实身份 note on her deceased or asset finding).
  defineMacro('rs_name_key', ['s'], `replace(rs_to_simplified(rs_name(s)), '${MIDDLE_DOT}', '')`),

  // Whether two name keys (rs_name_key) could be one person's name: equal, or a masked one (王*明) and one it could be,
  // of its length with its unmasked characters at their places (王小明; not 李小明, not 王明). Two masked names alone
  // say nothing about each other. Until 2026-12-06 a list's 王*明 made an id-name-conflict with the roll's 王小明.
  defineMacro('rs_name_masked', ['k'], `regexp_matches(k, ${sqlString(`[${NAME_MASK_CHARACTERS}]`)})`),
  defineMacro('rs_name_could_be', ['a', 'b'], `CASE
    WHEN a = b THEN true
    WHEN NOT rs_name_masked(a) AND NOT rs_name_masked(b) THEN false
    WHEN rs_name_masked(a) AND rs_name_masked(b) THEN true
    ELSE length(a) = length(b) AND len(list_filter(range(1, length(a) + 1), lambda i: substr(a, i, 1) <> substr(b, i, 1)
      AND NOT contains(${sqlString(NAME_MASK_CHARACTERS)}, substr(a, i, 1)) AND NOT contains(${sqlString(NAME_MASK_CHARACTERS)}, substr(b, i, 1)))) = 0
    END`),
];
