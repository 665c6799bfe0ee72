// How a cell's stored value becomes the text a person sees: the rules both XLSX readers share.
import type { Cell } from './raw-row.ts';

/**
 * An integer beyond 2^53 (an 18-digit ID typed into a number cell) has already lost its last
 * digits inside the file: write it in exponent form so it can never pass as a real ID.
 * So does a 16-digit one ending in 0: Excel keeps 15 significant digits of what is typed, so a
 * 16-digit 家庭编号 or card number typed in reads 6228480012345670 whatever its last digit was,
 * and two households' cards would read alike. A 16th digit other than 0 proves it was kept.
 */
export function numberText(value: number): string {
  if (Number.isInteger(value) && (!Number.isSafeInteger(value) || lostSixteenthDigit(value))) return value.toExponential();
  return String(value);
}

function lostSixteenthDigit(value: number): boolean {
  return Math.abs(value) >= 1e15 && value % 10 === 0;
}

/**
 * numberText(parseFloat(text)) for a number cell's stored text. Most stored numbers (600, 45.3, 1200.5) already are
 * what that gives back: a plain decimal of at most 15 significant digits, no leading or trailing zeros, not tiny,
 * reads back as itself (15 digits always survive a double). Those are returned as they are, without the round trip.
 */
export function storedNumberText(text: string): string {
  return isPlainDecimal(text) ? text : numberText(parseFloat(text));
}

function isPlainDecimal(text: string): boolean {
  const length = text.length;
  let i = text.charCodeAt(0) === 0x2d /* - */ ? 1 : 0;
  if (i >= length || length - i > 16) return false;
  let digits = 0;
  if (text.charCodeAt(i) === 0x30 /* 0 */) {
    // 0 or 0.xxx: not -0, and at most five zeros after the point (0.000001 would print as 1e-6).
    i++;
    if (i === length) return text.length === 1;
    if (text.charCodeAt(i) !== 0x2e /* . */) return false;
    i++;
    let zeros = 0;
    while (i < length && text.charCodeAt(i) === 0x30) {
      zeros++;
      i++;
    }
    if (zeros > 5 || i === length) return false;
  } else {
    for (; i < length; i++) {
      const code = text.charCodeAt(i);
      if (code === 0x2e) break;
      if (code < 0x30 || code > 0x39) return false;
      digits++;
    }
    if (digits === 0) return false;
    if (i === length) return digits <= 15;
    i++;
    if (i === length) return false;
  }
  // The fraction: digits, the last not a zero.
  for (; i < length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x30 || code > 0x39) return false;
    digits++;
  }
  return digits <= 15 && text.charCodeAt(length - 1) !== 0x30;
}

/**
 * A number such as 2026.1, which read as a month is January or October: Excel keeps 2026.10 typed into a number cell as
 * 2026.1, and nothing in the number tells which was typed. Only .1 is in doubt: a dropped 0 would make 2026.2 … 2026.9
 * of 2026.20 … 2026.90, no months, and 2026.01, 2026.11 and 2026.12 keep both digits. Years 1900–2099, as months are read.
 */
export function isYearPointOne(text: string): boolean {
  if (text.length !== 6 || text.charCodeAt(4) !== 0x2e /* . */ || text.charCodeAt(5) !== 0x31 /* 1 */) return false;
  if (!text.startsWith('19') && !text.startsWith('20')) return false;
  return isDigit(text.charCodeAt(2)) && isDigit(text.charCodeAt(3));
}

const isDigit = (code: number) => code >= 0x30 && code <= 0x39;

/** YYYY-MM-DD, or with HH:MM:SS when the time is not midnight; an invalid date throws (a corrupt cell). */
export function dateText(value: Date): string {
  const iso = value.toISOString(); // exceljs builds dates in UTC from the serial number
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}

/** exceljs' utils.excelToDate: the serial number as a UTC date, rounded to the millisecond. */
export function serialToDate(serial: number, date1904: boolean): Date {
  return new Date(serialToMilliseconds(serial, date1904));
}

function serialToMilliseconds(serial: number, date1904: boolean): number {
  // The very expression of exceljs (the order of the products matters in floating point).
  return Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000);
}

const DAY = 86_400_000;
/** Years 0000–9999, where toISOString writes four-digit years; outside them (and for NaN) Date itself is asked. */
const FIRST_MILLISECOND = -62_167_219_200_000;
const LAST_MILLISECOND = 253_402_300_799_999;

/**
 * dateText(serialToDate(serial)) computed without a Date (a roll has a date in every row): the civil date from the
 * day number (H. Hinnant's days_from_civil, inverted), the time of day when it is not midnight to the millisecond.
 */
export function serialDateText(serial: number, date1904: boolean): string {
  const milliseconds = serialToMilliseconds(serial, date1904);
  if (!(milliseconds >= FIRST_MILLISECOND && milliseconds <= LAST_MILLISECOND)) return dateText(new Date(milliseconds));
  const days = Math.floor(milliseconds / DAY);
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  const date = `${String(year).padStart(4, '0')}-${twoDigits(month)}-${twoDigits(day)}`;
  const inDay = milliseconds - days * DAY;
  if (inDay === 0) return date;
  const seconds = Math.floor(inDay / 1000);
  return `${date} ${twoDigits(Math.floor(seconds / 3600))}:${twoDigits(Math.floor(seconds / 60) % 60)}:${twoDigits(seconds % 60)}`;
}

/**
 * A serial day number as the date columns read one (date-macros.ts EXCEL_SERIAL: 46096, 46096.5; spaces around it and
 * full-width digits aside), as the date it is in a 1904 workbook, written as a date-formatted cell of one is
 * (serialDateText); null for any other text. A number cell and text of its digits alike: such text in a 1904 workbook
 * is most likely its own serial typed or pasted in. Until 2026-12-07 both were read on the 1900 base, 4 years and a
 * day early: a death on 2026-03-05 read as on 2022-03-04, its overpayment counted from 2022.
 */
export function serialDateTextOn1904(text: string): string | null {
  const halfWidth = text.replace(FULL_WIDTH_DIGIT_OR_POINT, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).trim();
  return SERIAL_DAY.test(halfWidth) ? serialDateText(parseFloat(halfWidth), true) : null;
}

const FULL_WIDTH_DIGIT_OR_POINT = /[\uff10-\uff19\uff0e]/g;
const SERIAL_DAY = /^[1-9]\d{4}(?:\.\d+)?$/;

/**
 * A t="d" cell's ISO 8601 value (SheetJS writes them: 2026-07-10T00:00:00Z) as a serial date is read: the date part as
 * written, with its time of day when that is not midnight; anything else as written. Until 2026-12-05 it was read as a
 * number, 2026.
 */
export function dateCellText(value: string): string {
  const match = ISO_DATE_TIME.exec(value);
  if (!match) return value;
  const [, date, hours, minutes, seconds = '00'] = match;
  if (hours === undefined || (hours === '00' && minutes === '00' && seconds === '00')) return date;
  return `${date} ${hours}:${minutes}:${seconds}`;
}

const ISO_DATE_TIME = /^\s*(\d{4}-\d{2}-\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?\s*$/;

function twoDigits(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}

/**
 * exceljs' utils.xmlDecode, which it applies to inline strings, str cells and sheet names after the XML parser has
 * already decoded them: a literal "&amp;lt;" in the file (the text "&lt;") reads as "<". Kept so both readers agree.
 */
export function decodeEntitiesAgain(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&([a-z]*);/g, (entity) => {
    switch (entity) {
      case '&lt;': return '<';
      case '&gt;': return '>';
      case '&amp;': return '&';
      case '&apos;': return "'";
      case '&quot;': return '"';
      default: return entity;
    }
  });
}

/**
 * Excel's escape for a character XML cannot hold, in every string it writes (ST_Xstring): _x000D_ for the carriage
 * return of a cell ending in CR LF, _x005F_ for the underscore of a literal "_x000D_" (so _x005F_x000D_ reads
 * "_x000D_"). Decoded as exceljs' full reader and Excel do (hex digits in either case, as openpyxl and SheetJS read
 * them); until 2026-12-05 an ID ending in _x000D_ was no ID and a death was missed. A string without "_x" is returned
 * untouched, at the cost of one indexOf.
 */
export function decodeExcelEscapes(text: string): string {
  if (text.indexOf('_x') < 0) return text;
  return text.replace(EXCEL_ESCAPE, (_escape, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

const EXCEL_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

/** Empty text is no value. */
export function textOrNull(text: string): Cell {
  return text === '' ? null : text;
}
