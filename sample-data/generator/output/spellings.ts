// How values are spelled in files: the clean canonical forms, and the messy forms real exports arrive in.
import { excelSerial, formatMonth, isoDate, monthNumber, monthYear } from '../calendar.ts';
import type { MonthIndex } from '../calendar.ts';
import { toFullWidth } from '../names.ts';
import type { Random } from '../random.ts';

export function canonicalAmount(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

function withThousands(whole: string): string {
  return whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** 600, 600.00, 1,200.50, ¥600, 600元 — all the same amount. */
export function messyAmount(rng: Random, cents: number): string {
  const fixed = canonicalAmount(cents);
  const [whole, fraction] = fixed.split('.') as [string, string];
  const short = fraction === '00' ? whole : fraction.endsWith('0') ? `${whole}.${fraction[0]}` : fixed;
  switch (rng.weighted([['short', 0.35], ['fixed', 0.25], ['thousands', 0.15], ['yen', 0.12], ['yuan', 0.13]] as const)) {
    case 'short': return short;
    case 'fixed': return fixed;
    case 'thousands': return `${withThousands(whole)}.${fraction}`;
    case 'yen': return `¥${short}`;
    case 'yuan': return `${short}元`;
  }
}

export type DateForm = 'iso' | 'slash' | 'dot' | 'compact' | 'chinese' | 'serial';

export function spellDate(date: Date, form: DateForm): string {
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth() + 1;
  const d = date.getUTCDate();
  switch (form) {
    case 'iso': return isoDate(date);
    case 'slash': return `${y}/${m}/${d}`;
    case 'dot': return `${y}.${m}.${d}`;
    case 'compact': return isoDate(date).replaceAll('-', '');
    case 'chinese': return `${y}年${m}月${d}日`;
    case 'serial': return String(excelSerial(date));
  }
}

/** 2026-03-15, 2026/3/15, 2026.3.15, 20260315, 2026年3月15日, 46096. */
export function messyDate(rng: Random, date: Date): string {
  const form = rng.weighted<DateForm>([['iso', 0.4], ['slash', 0.15], ['dot', 0.08], ['compact', 0.12], ['chinese', 0.15], ['serial', 0.1]]);
  return spellDate(date, form);
}

/** 2026-03, 202603, 2026年3月. */
export function messyMonth(rng: Random, month: MonthIndex): string {
  switch (rng.weighted([['iso', 0.5], ['compact', 0.25], ['chinese', 0.25]] as const)) {
    case 'iso': return formatMonth(month);
    case 'compact': return formatMonth(month).replace('-', '');
    case 'chinese': return `${monthYear(month)}年${monthNumber(month)}月`;
  }
}

/** A recoverable spelling of a valid ID: full-width digits, spaces or a tab, a leading apostrophe, lower-case x. */
export function messyId(rng: Random, id: string, allowApostrophe: boolean): string {
  const forms: string[] = ['fullWidth', 'spaces', 'tab', 'inner'];
  if (allowApostrophe) forms.push('apostrophe');
  if (id.endsWith('X')) forms.push('lowerX', 'lowerX');
  switch (rng.pick(forms)) {
    case 'fullWidth': return toFullWidth(id);
    case 'spaces': return ` ${id} `;
    case 'tab': return `${id}\t`;
    case 'inner': return `${id.slice(0, 6)} ${id.slice(6, 14)} ${id.slice(14)}`;
    case 'apostrophe': return `'${id}`;
    default: return id.slice(0, 17) + 'x';
  }
}
