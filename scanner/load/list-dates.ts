// When a reference list was drawn, as its file (and sheet) name states it: 2025年机动车登记信息.csv is of 2025,
// 2026年9月机动车登记信息.csv of September 2026. Two lists that name one vehicle differently (正常 in 2025's, 注销 in
// September's) are read by the later one; which is later is known only where the names say so.
import { sqlString } from '../sql-text.ts';

/**
 * A date a name states, at the precision it is written: 2026年9月15日, 2026-09-15, 2026.9.15, 20260915 (a day);
 * 2026年9月, 2026-09, 2026.9, 202609 (a month); 2026年 (a year, also 2026年1-9月; a bare 2026 is no date, it may be
 * any number). Written in digits alone, it is taken between non-digits, so that part of a longer number is none.
 */
const STATED_DATE = String.raw`(?:^|[^0-9])(20[0-9]{2}(?:\s*年(?:\s*[0-9]{1,2}\s*月(?:\s*[0-9]{1,2}\s*[日号])?)?|(?:[-./_][0-9]{1,2}(?:[-./_][0-9]{1,2})?|(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])?)(?:[^0-9]|$)))`;

/** The first and last day a stated date (one match of STATED_DATE, in `stated`) covers; NULL where it is no real day. */
const SPAN_OF_STATED = (stated: string) => `list_transform([regexp_extract_all(${stated}, '[0-9]+')], lambda rs_digits:
    list_transform([CASE WHEN len(rs_digits) = 1 AND length(rs_digits[1]) > 4
                         THEN [rs_digits[1][1:4], rs_digits[1][5:6], nullif(rs_digits[1][7:8], '')]
                         ELSE [rs_digits[1], rs_digits[2], rs_digits[3]] END], lambda rs_ymd:
      CASE WHEN rs_ymd[3] IS NOT NULL THEN {'first': try(make_date(rs_ymd[1]::INTEGER, rs_ymd[2]::INTEGER, rs_ymd[3]::INTEGER)),
                                            'last': try(make_date(rs_ymd[1]::INTEGER, rs_ymd[2]::INTEGER, rs_ymd[3]::INTEGER))}
           WHEN rs_ymd[2] IS NOT NULL THEN {'first': try(make_date(rs_ymd[1]::INTEGER, rs_ymd[2]::INTEGER, 1)),
                                            'last': try(last_day(make_date(rs_ymd[1]::INTEGER, rs_ymd[2]::INTEGER, 1)))}
           ELSE {'first': make_date(rs_ymd[1]::INTEGER, 1, 1), 'last': make_date(rs_ymd[1]::INTEGER, 12, 31)} END)[1])[1]`;

/**
 * The time a list's row speaks of, from its path (folders and file name, without the extension) and sheet name:
 * {first, last}, from the first day of the earliest date they state to the last day of the latest; both NULL where
 * they state none. A name stating several dates (2025年度…（2026年9月导出）) gets all the time between: the list is
 * then later than another only where it surely is.
 */
export function statedListSpan(file: string, sheet: string): string {
  const name = `rs_halfwidth(regexp_replace(${file}, '\\.[^./]*$', '') || coalesce(' ' || ${sheet}, ''))`;
  return `list_transform([list_filter(list_transform(regexp_extract_all(${name}, ${sqlString(STATED_DATE)}, 1), lambda rs_stated: ${SPAN_OF_STATED('rs_stated')}),
      lambda rs_span: rs_span.first IS NOT NULL AND rs_span.last IS NOT NULL)], lambda rs_spans:
    {'first': list_min(list_transform(rs_spans, lambda rs_span: rs_span.first)), 'last': list_max(list_transform(rs_spans, lambda rs_span: rs_span.last))})[1]`;
}
