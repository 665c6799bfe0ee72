// The scan period: a month P with its first and last day (checks.md "P.start", "P.end").
import { endOfMonth, format, isValid, parse } from 'date-fns';
import { UsageError } from './errors.ts';

export interface Period {
  /** 'YYYY-MM' */
  label: string;
  /** 'YYYY-MM-DD' */
  start: string;
  end: string;
}

export function parsePeriod(text: string): Period {
  const match = /^(\d{4})-(\d{2})$/.exec(text.trim());
  const first = match ? parse(`${match[1]}-${match[2]}-01`, 'yyyy-MM-dd', new Date(2000, 0, 1)) : null;
  if (!first || !isValid(first)) {
    throw new UsageError(`--period 应为 YYYY-MM 形式的月份，例如 2026-10；收到「${text}」`);
  }
  return { label: format(first, 'yyyy-MM'), start: format(first, 'yyyy-MM-dd'), end: format(endOfMonth(first), 'yyyy-MM-dd') };
}
