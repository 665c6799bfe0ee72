// Dates and months as the generator uses them: UTC dates, months as integer indexes, Excel serial numbers.

/** A month as one integer (year * 12 + month - 1), so month arithmetic is plain addition. */
export type MonthIndex = number;

export function parseMonth(text: string): MonthIndex {
  const match = /^(\d{4})-(\d{2})$/.exec(text);
  if (!match) throw new Error(`not a month (YYYY-MM): ${text}`);
  const month = Number(match[2]);
  if (month < 1 || month > 12) throw new Error(`not a month (YYYY-MM): ${text}`);
  return Number(match[1]) * 12 + month - 1;
}

export function monthYear(month: MonthIndex): number {
  return Math.floor(month / 12);
}

/** 1..12 */
export function monthNumber(month: MonthIndex): number {
  return (month % 12) + 1;
}

export function formatMonth(month: MonthIndex): string {
  return `${monthYear(month)}-${String(monthNumber(month)).padStart(2, '0')}`;
}

export function monthOf(date: Date): MonthIndex {
  return date.getUTCFullYear() * 12 + date.getUTCMonth();
}

export function utcDate(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day));
}

export function firstDay(month: MonthIndex): Date {
  return utcDate(monthYear(month), monthNumber(month), 1);
}

export function lastDay(month: MonthIndex): Date {
  return utcDate(monthYear(month), monthNumber(month) + 1, 0);
}

export function daysInMonth(month: MonthIndex): number {
  return lastDay(month).getUTCDate();
}

/** A given day of a month, clamped to the month's length. */
export function dayOf(month: MonthIndex, day: number): Date {
  return utcDate(monthYear(month), monthNumber(month), Math.min(day, daysInMonth(month)));
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}

const TWO_DIGITS = Array.from({ length: 32 }, (_, n) => String(n).padStart(2, '0'));

/** YYYY-MM-DD (hand-built: toISOString is a hot spot when millions of dates are written). */
export function isoDate(date: Date): string {
  return `${date.getUTCFullYear()}-${TWO_DIGITS[date.getUTCMonth() + 1]}-${TWO_DIGITS[date.getUTCDate()]}`;
}

/** Excel's 1900 date system serial: days since 1899-12-30 (so 2026-03-15 is 46096). */
export function excelSerial(date: Date): number {
  return Math.round((date.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000);
}

/** A random day between two dates, inclusive. */
export function randomDateBetween(next: () => number, from: Date, to: Date): Date {
  const span = Math.floor((to.getTime() - from.getTime()) / 86_400_000);
  return addDays(from, Math.floor(next() * (span + 1)));
}
