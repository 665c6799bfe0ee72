// A 发放表 of one month often has no 发放月份 column: the month is written once, in its title (2026年10月张庄镇农村低保
// 资金发放表), in its sheet's name or in its file's name, and a township keeps one such file per month. Such a list
// stopped the scan as missing a required column. The month it states is read for every row, when it states exactly
// one: a range (2026年1月至10月), a date (制表日期 2026年11月5日) or no year is not a month, and two different months
// (a title of October in a file named November's) stop the scan naming both, as a wrong month would move payments
// before or after a death.
import type { DatasetName } from '../datasets/catalog.ts';
import { foldFullWidth } from '../datasets/headers.ts';
import type { RawRow } from '../read/raw-row.ts';
import { missingOnlyGivenOrInOtherUnit } from './header-refusals.ts';
import type { HeaderSearch } from './header-row.ts';

export interface StatedMonth {
  /** YYYY-MM. */
  month: string;
  /** Where it is written, for messages: 标题「…」, 工作表名「…」, 文件名「…」. */
  where: string;
}

const RANGE = String.raw`(?:至|到|[-~—－～])`;
/** 2026年10月 (also 2026年10月份), 2026-10, 2026.10, 2026/10 and 202610; not a day's date, not a range's end. */
const MONTH_PATTERNS = [
  new RegExp(String.raw`(?<!${RANGE}\s*)(20\d{2})\s*年\s*(\d{1,2})\s*月(?!\s*\d{1,2}\s*[日号])(?!份?\s*${RANGE})`, 'g'),
  new RegExp(String.raw`(?<!${RANGE}\s*|\d)(20\d{2})[-./](\d{1,2})(?![-./]?\d)(?!\s*${RANGE})`, 'g'),
  new RegExp(String.raw`(?<!${RANGE}\s*|\d)(20\d{2})(0[1-9]|1[0-2])(?!\d)`, 'g'),
];
const LONGEST_QUOTED = 40;

function monthsIn(text: string): string[] {
  const folded = foldFullWidth(text);
  const months = MONTH_PATTERNS.flatMap((pattern) => [...folded.matchAll(pattern)].map((m) => ({ year: m[1]!, month: Number(m[2]) })));
  return months.filter((m) => m.month >= 1 && m.month <= 12).map((m) => `${m.year}-${String(m.month).padStart(2, '0')}`);
}

const quoted = (text: string) => `「${text.length > LONGEST_QUOTED ? `${text.slice(0, LONGEST_QUOTED)}…` : text}」`;

/** A text a list states something of itself in (its month, its area), and where it is written, for messages. */
export interface StatedPlace {
  text: string;
  where: string;
}

/**
 * The places a list states something of itself in, most particular first: the rows above its header (`titleRows`),
 * its sheet's name and its file's name (without the extension).
 */
export function statedPlaces(titleRows: readonly RawRow[], sheet: string | undefined, fileName: string): StatedPlace[] {
  return [
    // A number such as 2026.1 in a title row states no month: January, or 2026.10 whose 0 Excel dropped (doubtful-months.ts).
    ...titleRows.map((row) => row.cells
      .filter((cell, i): cell is string => cell !== null && cell.trim() !== '' && !row.doubtfulMonthCells?.includes(i)).join(' '))
      .filter((text) => text !== '').map((text) => ({ text, where: `标题${quoted(text)}` })),
    ...(sheet === undefined ? [] : [{ text: sheet, where: `工作表名${quoted(sheet)}` }]),
    { text: fileName.replace(/\.[^.]+$/, ''), where: `文件名${quoted(fileName)}` },
  ];
}

/**
 * Every month stated above a header (`titleRows`), in the sheet's name and in the file's name, each with where; one
 * entry per distinct month, the first place it is written.
 */
export function statedMonths(titleRows: readonly RawRow[], sheet: string | undefined, fileName: string): StatedMonth[] {
  const found = new Map<string, StatedMonth>();
  for (const { text, where } of statedPlaces(titleRows, sheet, fileName)) for (const month of monthsIn(text)) if (!found.has(month)) found.set(month, { month, where });
  return [...found.values()];
}

/** "2026年10月（标题「…」）", for messages. */
export function describeStatedMonth({ month, where }: StatedMonth): string {
  return `${month.slice(0, 4)}年${Number(month.slice(5))}月（${where}）`;
}

/**
 * A header that lacks only 发放月份, in a file that is a 发放明细 by its name or the manifest: found, reading the one
 * month its title rows, sheet or file name states. With several months, not found, and the months named for the message.
 */
export function withStatedMonth(
  search: HeaderSearch,
  candidates: readonly DatasetName[] | 'any',
  leadingRows: readonly RawRow[],
  sheet: string | undefined,
  fileName: string,
): HeaderSearch {
  if (search.found || !search.closest || candidates === 'any' || candidates.length !== 1 || candidates[0] !== 'payments') return search;
  const { match, row } = search.closest;
  if (!match.missingRequired.some((column) => column.name === 'month')) return search;
  // Beside a column written in another unit (发放金额(万元)) the header is refused for that unit; the months are still
  // told, so that the refusal does not ask for a 发放月份 the title gives (header-misses.ts). Until 2026-12-06 it did.
  if (!missingOnlyGivenOrInOtherUnit(match, new Set(['month']))) return search;
  const months = statedMonths(leadingRows.filter((leading) => leading.line < row.line), sheet, fileName);
  if (months.length === 1 && match.missingRequired.length === 1) return { found: true, header: { ...search.closest, statedMonth: months[0]! } };
  return months.length > 0 ? { ...search, statedMonths: months } : search;
}
