// The scan period: a month P with its first and last day (checks.md "P.start", "P.end").
import { endOfMonth, format, isValid, parse, subMonths } from 'date-fns';
import { UsageError } from './errors.ts';

export interface Period {
  /** 'YYYY-MM' */
  label: string;
  /** 'YYYY-MM-DD' */
  start: string;
  end: string;
}

/** `last-month` (for a scheduled monthly run): the calendar month before `today`. */
export const LAST_MONTH = 'last-month';

export function parsePeriod(text: string, today: Date = new Date()): Period {
  if (text.trim() === LAST_MONTH) return parsePeriod(format(subMonths(today, 1), 'yyyy-MM'));
  const match = /^(\d{4})-(\d{2})$/.exec(text.trim());
  const first = match ? parse(`${match[1]}-${match[2]}-01`, 'yyyy-MM-dd', new Date(2000, 0, 1)) : null;
  if (!first || !isValid(first)) {
    throw new UsageError(`--period 应为 YYYY-MM 形式的月份（例如 2026-10）或 ${LAST_MONTH}；收到「${text}」`);
  }
  return { label: format(first, 'yyyy-MM'), start: format(first, 'yyyy-MM-dd'), end: format(endOfMonth(first), 'yyyy-MM-dd') };
}

/** The scan date (--as-of), default today; YYYY-MM-DD. */
export function parseScanDate(text: string | undefined, today: Date): string {
  if (text === undefined) return format(today, 'yyyy-MM-dd');
  const date = /^\d{4}-\d{2}-\d{2}$/.test(text.trim()) ? parse(text.trim(), 'yyyy-MM-dd', today) : null;
  if (!date || !isValid(date)) throw new UsageError(`--as-of 应为 YYYY-MM-DD 形式的日期，例如 2026-11-05；收到「${text}」`);
  return format(date, 'yyyy-MM-dd');
}
