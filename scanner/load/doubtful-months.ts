// A month typed 2026.10 into a number cell is kept by Excel as 2026.1, which the month parse read as 2026年1月: an
// October payment after a death moved to January, before it, and its overpayment was not counted. The reader marks such
// numbers (RawRow.doubtfulMonthCells; one shown as 2026.10 by its 0.00 format is read as shown); in a column read as a
// month the cell is written with why it cannot be read, so the row is refused (the roll's value reported) instead of
// guessed. Elsewhere (an amount of 2026.1 元) the number is read as it is.
import { datasetSpec } from '../datasets/catalog.ts';
import type { HeaderMatch } from '../datasets/headers.ts';
import type { Cell } from '../read/raw-row.ts';
import { readsAsMonth } from './value-maps.ts';

/** The cells (0-based) of the header's columns read as months. */
export function monthCells(match: HeaderMatch): Set<number> {
  const dataset = datasetSpec(match.dataset);
  return new Set(dataset.columns.filter((column) => readsAsMonth(dataset, column) && match.columnIndex.has(column.name))
    .map((column) => match.columnIndex.get(column.name)!));
}

/** The row's cells with each month in doubt in a month column written with why (doubtfulMonthText); the same array when none is. */
export function withDoubtfulMonths(cells: readonly Cell[], doubtful: readonly number[] | undefined, months: ReadonlySet<number>): readonly Cell[] {
  if (!doubtful?.some((cell) => months.has(cell))) return cells;
  return cells.map((cell, i) => (cell !== null && months.has(i) && doubtful.includes(i) ? doubtfulMonthText(cell) : cell));
}

/** 2026.1 with why it is no month: what the refused row's reason shows (月份无法识别：…). No month, date or range can be read in it. */
export function doubtfulMonthText(number: string): string {
  const year = number.slice(0, 4);
  return `${number}（Excel 数字单元格：输入 ${year}.10 也存成 ${year}.1，无法判断是 ${year}年1月 还是 ${year}年10月；请把该列设为文本后重新填写）`;
}
