// rs_id_parse: cleans and validates 居民身份证号码 (GB 11643-1999), upgrading 15-digit numbers; plus the TS check character.
import { QUOTE_CLASS, WHITESPACE_CLASS, bindOnce, defineMacro, type MacroDefinition } from './macro-definition.ts';
import { sqlString } from '../sql-text.ts';

/** ISO 7064 MOD 11-2 weights of the first 17 digits. */
export const ID_CHECK_WEIGHTS: readonly number[] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/** Check character for each remainder 0..10 of the weighted sum. */
export const ID_CHECK_CHARACTERS = '10X98765432';

export type IdStatus = 'valid' | 'legacy' | 'missing' | 'invalid';

/** The problem texts rs_id_parse reports (位数错误 carries the length: `位数错误(17位)`). */
export const ID_PROBLEMS = {
  missing: '身份证号码为空',
  scientificNotation: 'Excel科学计数法，末位已丢失',
  masked: '已脱敏（含*号），无法比对',
  illegalCharacter: '含非法字符',
  wrongLengthPrefix: '位数错误',
  birthDate: '出生日期不合法',
  checkCharacter: '校验码错误',
  checkCharacterLostDigits: '校验码错误（疑似被Excel按数字存储，末位丢失）',
} as const;

/** For messages and tests (e.g. telling staff what a legacy number becomes); the scan itself uses SQL. */
export function computeIdCheckCharacter(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError(`expected 17 digits, got "${first17}"`);
  let sum = 0;
  ID_CHECK_WEIGHTS.forEach((weight, index) => { sum += weight * Number(first17[index]); });
  return ID_CHECK_CHARACTERS.charAt(sum % 11);
}

const WHITESPACE_OR_QUOTE = `(?:${WHITESPACE_CLASS}|${QUOTE_CLASS})`;
/**
 * One pass removes the leading run of spaces and quotes (with the = of ="…", the formula a system's CSV export writes so
 * that Excel keeps all eighteen digits), interior spaces, and at the end the quotes, spaces and a float's '.0' (a
 * 15-digit number read from an XLSX numeric cell is exact but may arrive as '370481900101123.0').
 */
const CLEANING_PATTERN = `^(?:=|${WHITESPACE_OR_QUOTE})+|(?:\\.0+)?${WHITESPACE_OR_QUOTE}*$|${WHITESPACE_CLASS}+`;

/** Digit i (1-based) of the 17-digit body held as an integer n: integer arithmetic, no substrings. */
const WEIGHTED_SUM = ID_CHECK_WEIGHTS
  .map((weight, index) => `${weight} * (n // ${10n ** BigInt(16 - index)} % 10)`)
  .join(' + ');

/**
 * The fast lane's weighted sum (mod 11), read three digits at a time, of a number held as u = body × 11 + check value
 * (rs_id_fast_number). Each weight is twice the next one (mod 11), so a group of digits a b c whose last weight is w
 * adds w * (4a + 2b + c), and 4a + 2b + c (mod 11) for every group value 0–999 is one lookup in a constant list. The
 * body's first fifteen digits are five such groups; the last group is its two last digits and the check character
 * (weights 4, 2, 1), looked up by u % 1100 = (last two digits) × 11 + check value. Six lookups instead of seventeen
 * digits: the fast lane runs on every ID of every list (typing vehicles, deaths and kinship at B1M: 8.8 → 8.2 s). The
 * full parse keeps WEIGHTED_SUM: it runs inside lambdas, where the 1,000-element list made every chunk slower (the
 * same: 8.2 → 9.1 s).
 */
const GROUP_VALUES = Array.from({ length: 1000 }, (_, p) => (4 * Math.floor(p / 100) + 2 * (Math.floor(p / 10) % 10) + (p % 10)) % 11);
/** The last group, indexed by (last two digits) × 11 + check value: the two digits as a group ending in 0, plus the check. */
const LAST_GROUP_VALUES = Array.from({ length: 1100 }, (_, p) => (GROUP_VALUES[Math.floor(p / 11) * 10]! + (p % 11)) % 11);
/**
 * The two lists are connection variables (ID_LIST_VARIABLES, set with the macros and on every typing connection):
 * written out as list literals, their 2,100 constants were bound again wherever the macro was, about 25 ms of every
 * statement typing an ID column, a scan's fixed cost. A connection without them gets NULL here: no number passes the
 * fast lane, and the full parse, which does not use them, reads every one alike (slower, never otherwise).
 */
const GROUPED_SUM = [
  ...[3, 6, 9, 12, 15].map((last) =>
    `${ID_CHECK_WEIGHTS[last - 1]} * list_extract(CAST(getvariable('rs_id_group_values') AS INTEGER[]), u // ${11n * 10n ** BigInt(17 - last)} % 1000 + 1)`),
  `list_extract(CAST(getvariable('rs_id_last_group_values') AS INTEGER[]), u % 1100 + 1)`,
].join(' + ');
/** The statements that give a connection the fast lane's lists. */
export const ID_LIST_VARIABLES: readonly string[] = [
  `SET VARIABLE rs_id_group_values = [${GROUP_VALUES.join(', ')}]::INTEGER[]`,
  `SET VARIABLE rs_id_last_group_values = [${LAST_GROUP_VALUES.join(', ')}]::INTEGER[]`,
];

/** One ASCII digit in a GLOB pattern. */
const DIGIT_GLOB = '[0-9]';

/**
 * Today as yyyymmdd, computed outside the lambdas: inside one, current_date is re-evaluated per row. One strftime, not
 * year, month and day of it: binding those took about 5 ms in each macro that reads it.
 */
const TODAY = "CAST(strftime(current_date, '%Y%m%d') AS INTEGER)";

export const ID_NUMBER_MACROS: readonly MacroDefinition[] = [
  // A value that is already 15 or 18 plain characters skips the (costlier) cleaning regexp. A check character typed as
  // the multiplication sign (× from a symbol menu, or ✕) is X: the checksum still decides whether the number holds.
  defineMacro('rs_id_clean', ['v'], `CASE
    WHEN regexp_full_match(v, '\\d{17}[\\dX]|\\d{15}') THEN v
    ELSE upper(regexp_replace(regexp_replace(rs_halfwidth(v), ${sqlString(CLEANING_PATTERN)}, '', 'g'), '[×✕]$', 'X'))
  END`),

  // The 17 digits that carry the check character: an 18-character number's first 17, or a
  // 15-digit number with '19' inserted before its 2-digit year. NULL when the shape is neither.
  defineMacro('rs_id_body', ['c'], `CASE
    WHEN regexp_full_match(c, '\\d{17}[\\dX]') THEN left(c, 17)
    WHEN regexp_full_match(c, '\\d{15}') THEN left(c, 6) || '19' || right(c, 9)
  END`),

  defineMacro('rs_id_check_character', ['n'], `substr('${ID_CHECK_CHARACTERS}', (${WEIGHTED_SUM}) % 11 + 1, 1)`),

  defineMacro('rs_days_in_month', ['y', 'm'], `CASE
    WHEN m = 2 THEN CASE WHEN (y % 4 = 0 AND y % 100 <> 0) OR y % 400 = 0 THEN 29 ELSE 28 END
    ELSE 30 + (m + m // 8) % 2
  END`),

  // Birth date as the integer yyyymmdd (digits 7–14): a real calendar day from 1900 to today.
  // Integer tests rather than a date cast keep the common path cheap and cannot throw.
  defineMacro('rs_id_birth_ok', ['ymd', 'today'], `ymd // 10000 >= 1900
    AND ymd // 100 % 100 BETWEEN 1 AND 12
    AND ymd % 100 BETWEEN 1 AND rs_days_in_month(ymd // 10000, ymd // 100 % 100)
    AND ymd <= today`),

  defineMacro('rs_id_invalid', ['problem'],
    "struct_pack(id := NULL::VARCHAR, status := 'invalid', problem := problem, birth_date := NULL::DATE)"),

  /** The birth date of a valid 17-digit body held as an integer (yyyymmdd in digits 7–14). */
  defineMacro('rs_id_birth_date', ['n'], 'make_date(n // 10000000 % 10000, n // 100000 % 100, n // 1000 % 100)'),

  // The fast lane for the common case, a well-formed 18-character number: the number as one integer, then its 17-digit
  // body when check character and birth date hold (else NULL). Two steps so the integer is a column that every digit
  // group and the birth date read, not an expression pasted into each. For such a number rs_id_parse gives exactly:
  // valid, the number itself, this birth date. The integer is body × 11 + the check character's value (X = 10): the
  // check character read as a digit of base 11. For eighteen digits t = body × 10 + check, that is t + t // 10: one
  // cast of the whole text for nearly every number, where reading the body and the check character apart took a
  // substring and a cast each (B1M's three million kinship IDs on one thread: 2.55 → 2.28 s; copying them, 0.38 s).
  // The shape is tested with GLOB, whose [0-9] is the ASCII digit RE2's \d is: the same test as regexp_full_match(s,
  // '\d{18}') (checked on B1M's 4.5 million distinct ID cells) at about 60% of its cost, on every ID cell of every list.
  defineMacro('rs_id_fast_number', ['s'], `CASE
    WHEN s GLOB '${DIGIT_GLOB.repeat(18)}' THEN TRY_CAST(s AS BIGINT) + TRY_CAST(s AS BIGINT) // 10
    WHEN s GLOB '${DIGIT_GLOB.repeat(17)}X' THEN TRY_CAST(left(s, 17) AS BIGINT) * 11 + 10
  END`),

  // The check holds when the weighted sum plus the check character's value is 1 (mod 11), as in the standard.
  defineMacro('rs_id_canonical', ['u'], `CASE WHEN (${GROUPED_SUM}) % 11 = 1
    AND coalesce(rs_id_birth_ok(u // 11000 % 100000000, ${TODAY}), false) THEN u // 11 END`),

  // c is the cleaned text, n its 17-digit body as BIGINT (NULL when the shape is wrong). The
  // usable case is tested first as it is the common one. Birth date before check character: a
  // mistyped date usually breaks the checksum too, and '出生日期不合法' tells staff where to look.
  defineMacro('rs_id_classify', ['c', 'n', 'check_character', 'birth_ok'], `CASE
    WHEN birth_ok AND (length(c) = 15 OR right(c, 1) = check_character) THEN struct_pack(
      id := CASE WHEN length(c) = 18 THEN c ELSE left(c, 6) || '19' || right(c, 9) || check_character END,
      status := CASE WHEN length(c) = 18 THEN 'valid' ELSE 'legacy' END,
      problem := NULL::VARCHAR,
      birth_date := rs_id_birth_date(n))
    WHEN c IS NULL OR c = '' THEN struct_pack(
      id := NULL::VARCHAR, status := 'missing', problem := ${sqlString(ID_PROBLEMS.missing)}, birth_date := NULL::DATE)
    WHEN regexp_full_match(c, '[+-]?\\d+(?:\\.\\d*)?E[+-]?\\d+') THEN rs_id_invalid(${sqlString(ID_PROBLEMS.scientificNotation)})
    -- 370481********123X: masked before it was sent (公示 copies, departments' exports); unusable-ids.ts refuses such a file.
    WHEN regexp_full_match(c, '[0-9X]*[*][0-9X*]*') THEN rs_id_invalid(${sqlString(ID_PROBLEMS.masked)})
    WHEN NOT regexp_full_match(c, '[0-9X]+') THEN rs_id_invalid(${sqlString(ID_PROBLEMS.illegalCharacter)})
    WHEN length(c) NOT IN (15, 18)
      THEN rs_id_invalid(${sqlString(ID_PROBLEMS.wrongLengthPrefix)} || '(' || length(c) || '位)')
    WHEN n IS NULL THEN rs_id_invalid(${sqlString(ID_PROBLEMS.illegalCharacter)})
    WHEN NOT birth_ok THEN rs_id_invalid(${sqlString(ID_PROBLEMS.birthDate)})
    WHEN ends_with(c, '000') THEN rs_id_invalid(${sqlString(ID_PROBLEMS.checkCharacterLostDigits)})
    ELSE rs_id_invalid(${sqlString(ID_PROBLEMS.checkCharacter)})
  END`),

  // The check character and birth-date test of a 17-digit body n (NULL when the shape is wrong), for rs_id_verdict.
  defineMacro('rs_id_facts', ['n'],
    `struct_pack(check_character := rs_id_check_character(n), birth_ok := coalesce(rs_id_birth_ok(n // 1000 % 100000000, ${TODAY}), false))`),

  // The verdict on a cleaned text c, its 17-digit body n and their facts (rs_id_facts), as rs_id_parse gives it: for a
  // query that has c, n and the facts as columns already (the typing's slow lane, value-maps.ts), where no lambda is
  // needed. The facts are a column of their own: rs_id_classify names each twice, and written out in it they were
  // bound twice, about 10 ms of every statement typing an ID column.
  defineMacro('rs_id_verdict', ['c', 'n', 'facts'], 'rs_id_classify(c, n, facts.check_character, facts.birth_ok)'),

  // A pipeline of one-value lambdas (see bindOnce), each reading only its own struct: the cleaned
  // text; its body as BIGINT; the check character and birth-date test; the verdict. The check
  // character and date test get their own stage because, measured, the same arithmetic inside
  // the verdict's CASE condition ran several times slower.
  defineMacro('rs_id_parse', ['s'], bindOnce(bindOnce(bindOnce(
    `struct_pack(c := rs_id_clean(CAST(s AS VARCHAR)), today := ${TODAY})`,
    'rs_id_text', `struct_pack(
      c := rs_id_text.c, n := TRY_CAST(rs_id_body(rs_id_text.c) AS BIGINT), today := rs_id_text.today)`),
    'rs_id_digits', `struct_pack(
      c := rs_id_digits.c,
      n := rs_id_digits.n,
      check_character := rs_id_check_character(rs_id_digits.n),
      birth_ok := coalesce(rs_id_birth_ok(rs_id_digits.n // 1000 % 100000000, rs_id_digits.today), false))`),
    'rs_id_facts', 'rs_id_classify(rs_id_facts.c, rs_id_facts.n, rs_id_facts.check_character, rs_id_facts.birth_ok)')),
];
