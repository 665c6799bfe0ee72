// rs_date and rs_month: the date and month spellings of data-contract.md, Excel serial numbers included.
import { FULL_WIDTH_CLASS, WHITESPACE_CLASS, bindOnce, defineMacro, type MacroDefinition } from './macro-definition.ts';
import { sqlString } from '../sql-text.ts';
import { eitherScriptPattern } from './traditional-to-simplified.ts';

/**
 * Years 1900–2099 only: every date in these lists (births, deaths, sentences, registrations,
 * payment months) falls there, and a mistyped year like 0226 must be rejected as unparseable
 * rather than silently compared against the period.
 */
const YEAR = '((?:19|20)\\d{2})';
/**
 * Optional time of day after a date: 08:30 (Excel date-time cells, system exports, ISO 'T', time zone), or in words,
 * 10时30分 (卫健 certificates and 公安 lists date a death to the minute: 2026年8月20日10时30分); the date part counts.
 * Until 2026-12-06 a time in words refused the row, and a death so dated was not found.
 */
const TIME_OF_DAY = '(?:(?: +|T)\\d{1,2}:\\d{1,2}(?::\\d{1,2}(?:\\.\\d+)?)?(?: ?(?:Z|[+-]\\d{2}(?::?\\d{2})?))?'
  + '| ?\\d{1,2} ?[时時点點](?: ?\\d{1,2} ?分(?: ?\\d{1,2} ?秒)?)?)?';

/** 2026-03-15, 2026/3/15, 2026.3.15, 2026年3月15日 (spaces tolerated around separators). */
const SEPARATED_DATE = `${YEAR} ?[-/.年] ?(\\d{1,2}) ?[-/.月] ?(\\d{1,2}) ?日?${TIME_OF_DAY}`;
/** 20260315 */
const COMPACT_DATE = `${YEAR}(\\d{2})(\\d{2})${TIME_OF_DAY}`;
/** An Excel serial day number as text ('46096', '46096.0', '46096.5' for a date-time): 1927–2173. */
const EXCEL_SERIAL = '([1-9]\\d{4})(?:\\.\\d+)?';
/** 2026-03, 2026-3, 2026/03, 2026.03, 2026年3月, 2026年03月份 */
const SEPARATED_MONTH = `${YEAR} ?[-/.年] ?(\\d{1,2}) ?(?:月份?)?`;
/** 202603 */
const COMPACT_MONTH = `${YEAR}(\\d{2})`;

/** Words a roster writes for a term not ended (任职止 至今, or 2021.04-至今 in one cell). */
export const SERVING_WORDS = ['至今', '今', '现在', '现任', '在任', '在职', '任职中'];
/**
 * Words a 服刑/羁押 list writes where a sentence has no end date: a life or suspended death sentence (无期徒刑, 死缓), or a
 * detainee not yet sentenced (待定, 未判决); and in a 释放日期, one not released (未释放). Read as a date, each refused the
 * row, and a lifer stayed on the roll unflagged.
 */
const OPEN_SENTENCE_WORDS = [
  '无期', '无期徒刑', '死缓', '死刑缓期执行', '死刑缓期二年执行', '死刑缓期两年执行', '死刑', '终身监禁',
  '待定', '未判', '未判决', '待判', '待判决', '尚未判决', '未决', '在押', '羁押中', '未释放', '尚未释放', '未出监', ...SERVING_WORDS,
];
/** One end of a cadre's term or a sentence: a date or a month (2021.04, 2021年4月, 2021-04-18, 202104, 20210418). */
const TERM_POINT = '(?:19|20)\\d{2} ?[-/.年] ?\\d{1,2} ?(?:月|[-/.月] ?\\d{1,2} ?日?)?|(?:19|20)\\d{2}\\d{2}(?:\\d{2})?';
/**
 * A term in one cell: start, a separator (至, 到, a dash, ~) and an end, one of `openWords` or nothing (2018.01—2021.03,
 * 2021.04-至今, 自2021年3月5日起至2028年3月4日止).
 */
const termRange = (openWords: readonly string[]) =>
  eitherScriptPattern(`自?(${TERM_POINT}) ?起? ?(?:至|到|—+|–|-|~) ?(${TERM_POINT}|${openWords.join('|')})? ?止?`);

/**
 * `read` applied to one part of a term written in one cell (group 1 its start, 2 its end), each bound once; NULL for a
 * cell that is no such range. Cadre rosters and prison lists are small: this parses row by row.
 */
function termPart(group: 1 | 2, openWords: readonly string[], read: (part: string) => string): string {
  const range = termRange(openWords);
  const part = bindOnce(`regexp_extract(rs_term, ${sqlString(`^${range}$`)}, ${group})`, 'rs_term_part', read('rs_term_part'));
  return bindOnce('rs_date_text(CAST(s AS VARCHAR))', 'rs_term', `CASE WHEN regexp_full_match(rs_term, ${sqlString(range)}) THEN ${part} END`);
}

/** One end of a term in one cell as a date, or as a month turned into a date by `ofMonth`; NULL for an open end too. */
const termEnd = (group: 1 | 2, ofMonth: (month: string) => string, openWords: readonly string[]) =>
  termPart(group, openWords, (part) => `coalesce(rs_date_from_text(${part}), ${ofMonth(`rs_month_from_text(${part})`)})`);

/**
 * Whether the cell is one of `words` (spaces, full-width forms and traditional characters aside: 無期徒刑 is 无期徒刑).
 * A pattern in either script, not the cell translated: a prison list's statement names rs_sentence_open eight times,
 * and each translation bound its table's regexps again (typing the demo's few prisoners took 0.38 s, 0.09 s now).
 */
const isOneOf = (words: readonly string[]) =>
  `coalesce(regexp_full_match(rs_text(s), ${sqlString(eitherScriptPattern(`(?:${words.join('|')})`))}), false)`;

export const DATE_MACROS: readonly MacroDefinition[] = [
  // Internal. Half-width digits and separators, every whitespace run one ASCII space (the space
  // between date and time must survive, so spaces are not removed as rs_text does).
  defineMacro('rs_date_text', ['v'], `CASE WHEN regexp_matches(v, ${sqlString(`${FULL_WIDTH_CLASS}|${WHITESPACE_CLASS}`)})
    THEN trim(regexp_replace(rs_halfwidth(v), ${sqlString(`${WHITESPACE_CLASS}+`)}, ' ', 'g')) ELSE v END`),

  // The matched parts are reassembled as Y-M-D and TRY_CAST: an impossible day (2026-02-30,
  // 2026-13-01) gives NULL instead of an error.
  defineMacro('rs_date_from_text', ['t'], `CASE
    WHEN regexp_full_match(t, ${sqlString(SEPARATED_DATE)})
      THEN TRY_CAST(regexp_replace(t, ${sqlString(`^${SEPARATED_DATE}$`)}, '\\1-\\2-\\3') AS DATE)
    WHEN regexp_full_match(t, ${sqlString(COMPACT_DATE)})
      THEN TRY_CAST(regexp_replace(t, ${sqlString(`^${COMPACT_DATE}$`)}, '\\1-\\2-\\3') AS DATE)
    WHEN regexp_full_match(t, ${sqlString(EXCEL_SERIAL)})
      THEN DATE '1899-12-30' + TRY_CAST(regexp_extract(t, ${sqlString(`^${EXCEL_SERIAL}$`)}, 1) AS INTEGER)
  END`),

  defineMacro('rs_date', ['s'],
    bindOnce('rs_date_text(CAST(s AS VARCHAR))', 'rs_date_value', 'rs_date_from_text(rs_date_value)')),

  defineMacro('rs_month_from_text', ['t'], `CASE
    WHEN regexp_full_match(t, ${sqlString(SEPARATED_MONTH)})
      THEN TRY_CAST(regexp_replace(t, ${sqlString(`^${SEPARATED_MONTH}$`)}, '\\1-\\2-01') AS DATE)
    WHEN regexp_full_match(t, ${sqlString(COMPACT_MONTH)})
      THEN TRY_CAST(regexp_replace(t, ${sqlString(`^${COMPACT_MONTH}$`)}, '\\1-\\2-01') AS DATE)
    ELSE CAST(date_trunc('month', rs_date_from_text(t)) AS DATE)
  END`),

  defineMacro('rs_month', ['s'],
    bindOnce('rs_date_text(CAST(s AS VARCHAR))', 'rs_month_value', 'rs_month_from_text(rs_month_value)')),

  // A cadre's term written in one cell (任职时间 2018.01—2021.03): its start, a date or the first day of a month.
  defineMacro('rs_term_start', ['s'], termEnd(1, (month) => month, SERVING_WORDS)),

  // Its end: a date or the last day of a month; NULL when the term is open (至今, or nothing after the dash).
  defineMacro('rs_term_end', ['s'], termEnd(2, (month) => `last_day(${month})`, SERVING_WORDS)),

  // 任职止 written 至今 (or 现任 …): the term has not ended, as an empty cell says.
  defineMacro('rs_serving', ['s'], isOneOf(SERVING_WORDS)),

  // A sentence written in one cell (刑期起止 2021.03.05-2028.03.04, 2019年5月10日至无期): its start, and its end, NULL
  // when the sentence has none (无期, 待定 …).
  defineMacro('rs_sentence_start', ['s'], termEnd(1, (month) => month, OPEN_SENTENCE_WORDS)),
  defineMacro('rs_sentence_end', ['s'], termEnd(2, (month) => `last_day(${month})`, OPEN_SENTENCE_WORDS)),

  // 刑期止日 written 无期徒刑, 死缓, 待定 …: the sentence has no end, as an empty cell says (still held).
  defineMacro('rs_sentence_open', ['s'], isOneOf(OPEN_SENTENCE_WORDS)),

  // The word that leaves a sentence in one cell open (2019.05.10-无期徒刑 → 无期徒刑), for the evidence.
  defineMacro('rs_sentence_range_word', ['s'], termPart(2, OPEN_SENTENCE_WORDS, (end) => `CASE WHEN rs_sentence_open(${end}) THEN ${end} END`)),
];
