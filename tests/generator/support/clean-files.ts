// Test support: reads a clean-style workload (UTF-8 CSV, canonical headers) and normalises its values the spec's way.
import { readFileSync } from 'node:fs';
import { Converter } from 'opencc-js';
import { parseCsvRecords } from '../../support/parse-csv.ts';

export interface Row {
  file: string;
  line: number;
  values: Record<string, string>;
}

/** RFC 4180 CSV (the generator quotes commas, quotes and edge whitespace). */
export function readCsv(path: string, file: string): Row[] {
  const [header, ...rows] = parseCsvRecords(readFileSync(path, 'utf8'));
  return rows.map((cells, index) => ({
    file, line: index + 2,
    values: Object.fromEntries(header!.map((name, column) => [name, cells[column] ?? ''])),
  }));
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

function check(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

function realDate(yyyymmdd: string): boolean {
  const [y, m, d] = [Number(yyyymmdd.slice(0, 4)), Number(yyyymmdd.slice(4, 6)), Number(yyyymmdd.slice(6, 8))];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** data-contract.md ID rules, written independently of the generator: returns the 18-digit ID, or null if unrecoverable. */
export function normaliseId(raw: string): { id: string | null; legacy: boolean } {
  const text = raw.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[\s']/g, '').toUpperCase();
  if (/^\d{15}$/.test(text)) {
    const first17 = `${text.slice(0, 6)}19${text.slice(6)}`;
    return { id: realDate(first17.slice(6, 14)) ? first17 + check(first17) : null, legacy: true };
  }
  if (!/^\d{17}[\dX]$/.test(text) || !realDate(text.slice(6, 14)) || check(text.slice(0, 17)) !== text[17]) return { id: null, legacy: false };
  return { id: text, legacy: false };
}

const toSimplified = Converter({ from: 't', to: 'cn' });

/** Dots first: the full-width ． would otherwise become a plain '.' and escape the middle-dot family. */
export function normaliseName(raw: string): string {
  const dotted = raw.replace(/[·•．・]/g, '·');
  const half = dotted.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  return toSimplified(half.replace(/[\s\u3000]/g, ''));
}

/** YYYY-MM-DD as days since the epoch, or null (bad date). */
export function parseDate(text: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!match || !realDate(`${match[1]}${match[2]}${match[3]}`)) return null;
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / 86_400_000;
}

export function parseMonth(text: string): number | null {
  const match = /^(\d{4})-(\d{2})$/.exec(text.trim());
  if (!match || Number(match[2]) < 1 || Number(match[2]) > 12) return null;
  return Number(match[1]) * 12 + Number(match[2]) - 1;
}

export function parseCents(text: string): number | null {
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

export function monthOfDay(day: number): number {
  const date = new Date(day * 86_400_000);
  return date.getUTCFullYear() * 12 + date.getUTCMonth();
}
