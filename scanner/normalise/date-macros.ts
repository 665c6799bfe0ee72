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
/** A time by the clock: 08:30, 8:30:05, 08:30:05.123. */
const CLOCK = '\\d{1,2}:\\d{1,2}(?::\\d{1,2}(?:\\.\\d+)?)?';
/** An hour on a twelve-hour clock (1–12, or 0, as some exports write midnight), beside 上午/下午 or AM/PM. */
const HOUR_OF_TWELVE = '(?:0?\\d|1[0-2])';
const CLOCK_OF_TWELVE = `${HOUR_OF_TWELVE}:\\d{1,2}(?::\\d{1,2}(?:\\.\\d+)?)?`;
/** Which half of the day a twelve-hour time is in: 上午, 下午 (AM, PM). */
const HALF_OF_DAY = '(?:上午|下午|[AaPp][Mm])';
/** A time in words from its hour: 10时30分, 8点, 10時30分15秒. */
const hoursInWords = (hour: string) => `${hour} ?[时時点點](?: ?\\d{1,2} ?分(?: ?\\d{1,2} ?秒)?)?`;
/**
 * Optional time of day after a date: 08:30 (Excel date-time cells, system exports, ISO 'T', time zone), or in words,
 * 10时30分 (卫健 certificates and 公安 lists date a death to the minute: 2026年8月20日10时30分); the date part counts.
 * Until 2026-12-06 a time in words refused the row, and a death so dated was not found.
 * Also a twelve-hour time with 上午 or 下午 before or after it, as a zh-CN .NET or Excel export writes one
 * (2026/8/15 上午 12:00:00 is midnight, 2026/8/15 12:00:00 下午 noon): the day is the one written, whatever half of it,
 * as the cell is read as a date and never as a time (12 上午 read as noon, or 下午 12 as 24:00, moves no day here). An
 * hour past 12 beside 上午 or 下午 says two things at once: refused. Until 2026-12-06 every such time refused the row.
 */
const TIME_OF_DAY = `(?:(?: +|T)${CLOCK}(?: ?(?:Z|[+-]\\d{2}(?::?\\d{2})?))?`
  + `| ?${HALF_OF_DAY} ?${CLOCK_OF_TWELVE}| +${CLOCK_OF_TWELVE} ?${HALF_OF_DAY}`
  + `| ?${hoursInWords('\\d{1,2}')}| ?${HALF_OF_DAY} ?${hoursInWords(HOUR_OF_TWELVE)})?`;
/**
 * A weekday after a date, captured (Excel's long date, yyyy"年"m"月"d"日" aaaa: 2026年8月15日 星期六; 周六, 礼拜六,
 * 星期日 or 星期天, in brackets or not). The date is read only where the weekday is its own (rs_date_on_weekday): one
 * that is not (2026-08-15 星期五) says a digit or the weekday was mistyped, and not which, so the date is in doubt and the
 * row is refused naming the cell, not a death or a sentence dated a day that may be wrong.
 */
const WEEKDAY = '(?: ?(?:\\( ?)?(?:星期|礼拜|禮拜|周|週)([一二三四五六日天])(?: ?\\))?)?';
/** After a day's number: 日, or 号 as a day is spoken (2026年8月15号), and a full stop closing it (2026.08.15.). */
const DAY_END = ' ?[日号號]?[.。]?';

/**
 * 2026-03-15, 2026/3/15, 2026.3.15, 2026年3月15日 (spaces tolerated around separators; 2026—8—15 and 二〇二六年八月十五日
 * are written so by rs_date_text), then a weekday (group 4) and a time of day, each optional.
 */
const SEPARATED_DATE = `${YEAR} ?[-/.年] ?(\\d{1,2}) ?[-/.月] ?(\\d{1,2})${DAY_END}${WEEKDAY}${TIME_OF_DAY}`;
/** 20260315, then a weekday (group 4) and a time of day, each optional. */
const COMPACT_DATE = `${YEAR}(\\d{2})(\\d{2})${WEEKDAY}${TIME_OF_DAY}`;
/** An Excel serial day number as text ('46096', '46096.0', '46096.5' for a date-time): 1927–2173. */
const EXCEL_SERIAL = '([1-9]\\d{4})(?:\\.\\d+)?';
/** 2026-03, 2026-3, 2026/03, 2026.03, 2026年3月, 2026年03月份 */
const SEPARATED_MONTH = `${YEAR} ?[-/.年] ?(\\d{1,2}) ?(?:月份?)?`;
/** 202603 */
const COMPACT_MONTH = `${YEAR}(\\d{2})`;
/**
 * A year alone: 2025, 2025年, 2025年度, as a death list may date a death it knows only by its year. Read by rs_year for
 * a 死亡日期 alone (special-columns.ts decides when the year is enough); no other column reads it.
 */
const YEAR_ONLY = `${YEAR} ?(?:年度?)?`;

/**
 * Dashes other than '-' between a date's parts: the em dash (2026—8—15, or two, as Chinese text sets one), en dash,
 * hyphen, figure dash, horizontal bar, minus sign and their small forms; each run is read as '-' (the full-width － is
 * '-' once half-width). Until 2026-12-06 such a date refused the row.
 */
const DASHES = String.raw`[\x{2010}-\x{2015}\x{2212}\x{FE58}\x{FE63}]+`;
/** The Chinese numerals a date is written with (二〇二六年八月十五日): 〇 (and ○, ◯ or 零 in its place), 一 … 九, 十. */
const CHINESE_DIGITS = '〇○◯零一二三四五六七八九';
const DIGITS_OF_CHINESE = '0000123456789';
const CHINESE_NUMERAL = `[${CHINESE_DIGITS}十]`;
/** 十 between counted digits, in the order they are rewritten: 二十三 → 二三, 二十 → 二〇, 十五 → 一五, 十 → 一〇. */
const COUNTING_DIGIT = '([一二三四五六七八九])';
/** A month's or a day's number in Chinese numerals (八, 十, 十五, 二十三; 〇八, 一五 digit by digit), digits allowed among them. */
const CHINESE_NUMBER = `[${CHINESE_DIGITS}十0-9]{1,3}`;
/**
 * A date or a month in Chinese numerals, as 司法 and 卫健 documents date one: the year digit by digit (二〇二六年), the
 * month and the day counted (八月十五日, 十二月三十一日) or digit by digit; the day closed by 日 or 号; what follows (group
 * 4: a weekday, a time) left to the date's own pattern. A day without 日 (二〇二六年八月十五) is how a lunar date is
 * written (八月十五, the mid-autumn festival), and is not read; nor are 正月, 初一, 廿 or a year counted (二千零二十六年):
 * each refuses the row. Until 2026-12-06 every date so written refused the row.
 */
const CHINESE_DATE = `([${CHINESE_DIGITS}0-9]{4}) ?年 ?(${CHINESE_NUMBER}) ?月(?: ?(${CHINESE_NUMBER}) ?[日号號])?(.*)`;
/** What sends a cell to rs_date_text's slower path: a dash other than '-', or a Chinese numeral. */
const RESPELLED = `${DASHES}|${CHINESE_NUMERAL}`;

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
const TERM_POINT = '(?:19|20)\\d{2} ?[-/.年] ?\\d{1,2} ?(?:月|[-/.月] ?\\d{1,2} ?[日号]?)?|(?:19|20)\\d{2}\\d{2}(?:\\d{2})?';
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
  defineMacro('rs_date_cleaned', ['v'], `trim(regexp_replace(rs_halfwidth(v), ${sqlString(`${WHITESPACE_CLASS}+`)}, ' ', 'g'))`),

  // Internal. A month's or a day's number (or a year's digits) in Chinese numerals as digits: 十 first (COUNTING_DIGIT),
  // then each numeral its digit. A number that is none (四十, 一十一十) gives too many digits for a date's pattern.
  defineMacro('rs_chinese_number', ['n'], `translate(regexp_replace(regexp_replace(regexp_replace(regexp_replace(n,
      ${sqlString(`${COUNTING_DIGIT}十${COUNTING_DIGIT}`)}, '\\1\\2', 'g'),
      ${sqlString(`${COUNTING_DIGIT}十`)}, '\\1〇', 'g'),
      ${sqlString(`十${COUNTING_DIGIT}`)}, '一\\1', 'g'),
      '十', '一〇', 'g'),
    ${sqlString(CHINESE_DIGITS)}, ${sqlString(DIGITS_OF_CHINESE)})`),

  // Internal. A date or month in Chinese numerals (CHINESE_DATE) in digits: 二〇二六年八月十五日星期六 → 2026年8月15日星期六.
  defineMacro('rs_date_in_digits', ['t'], `CASE WHEN regexp_full_match(t, ${sqlString(CHINESE_DATE)})
    THEN rs_chinese_number(regexp_extract(t, ${sqlString(`^${CHINESE_DATE}$`)}, 1)) || '年'
      || rs_chinese_number(regexp_extract(t, ${sqlString(`^${CHINESE_DATE}$`)}, 2)) || '月'
      || coalesce(rs_chinese_number(nullif(regexp_extract(t, ${sqlString(`^${CHINESE_DATE}$`)}, 3), '')) || '日', '')
      || regexp_extract(t, ${sqlString(`^${CHINESE_DATE}$`)}, 4)
    ELSE t END`),

  // Internal: the cell as the date patterns read it. Cleaned (rs_date_cleaned) where it needs it; where it holds a dash
  // other than '-' or a Chinese numeral (RESPELLED), the dashes written '-' and a date in Chinese numerals in digits too.
  // A plain date costs two regexp tests (one before 2026-12-06), asked once per distinct text by the value maps.
  defineMacro('rs_date_text', ['v'], `CASE
    WHEN regexp_matches(v, ${sqlString(RESPELLED)})
      THEN rs_date_in_digits(regexp_replace(rs_date_cleaned(v), ${sqlString(DASHES)}, '-', 'g'))
    WHEN regexp_matches(v, ${sqlString(`${FULL_WIDTH_CLASS}|${WHITESPACE_CLASS}`)}) THEN rs_date_cleaned(v)
    ELSE v END`),

  // Internal. The date `d` where the weekday `w` written after it (WEEKDAY: 一 … 六, 日 or 天) is its own, or none is
  // written (''); NULL where another is (the date in doubt). dayofweek: 0 is Sunday.
  defineMacro('rs_date_on_weekday', ['d', 'w'], `CASE WHEN w = '' THEN d
    WHEN dayofweek(d) = CASE w WHEN '天' THEN 0 ELSE strpos('日一二三四五六', w) - 1 END THEN d END`),

  // The matched parts are reassembled as Y-M-D and TRY_CAST: an impossible day (2026-02-30,
  // 2026-13-01) gives NULL instead of an error.
  defineMacro('rs_date_from_text', ['t'], `CASE
    WHEN regexp_full_match(t, ${sqlString(SEPARATED_DATE)})
      THEN rs_date_on_weekday(TRY_CAST(regexp_replace(t, ${sqlString(`^${SEPARATED_DATE}$`)}, '\\1-\\2-\\3') AS DATE),
        regexp_extract(t, ${sqlString(`^${SEPARATED_DATE}$`)}, 4))
    WHEN regexp_full_match(t, ${sqlString(COMPACT_DATE)})
      THEN rs_date_on_weekday(TRY_CAST(regexp_replace(t, ${sqlString(`^${COMPACT_DATE}$`)}, '\\1-\\2-\\3') AS DATE),
        regexp_extract(t, ${sqlString(`^${COMPACT_DATE}$`)}, 4))
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

  // A year alone (YEAR_ONLY) as its first day; NULL for anything else (a date, a month, a year with more after it). No
  // lambda (bindOnce): asked inside a CASE of few rows, a lambda would run for each whole chunk one of them is in.
  defineMacro('rs_year_from_text', ['t'], `CASE WHEN regexp_full_match(t, ${sqlString(YEAR_ONLY)})
    THEN make_date(CAST(regexp_extract(t, ${sqlString(`^${YEAR_ONLY}$`)}, 1) AS INTEGER), 1, 1) END`),
  defineMacro('rs_year', ['s'], 'rs_year_from_text(rs_date_text(CAST(s AS VARCHAR)))'),

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
