// A month typed 2026.10 into a number cell is kept by Excel as 2026.1, which the month parse read as 2026年1月: an
// October payment after a death moved to January, before it, and its overpayment was not counted. The reader marks such
// numbers (RawRow.doubtfulMonthCells; one shown as 2026.10 by its 0.00 format is read as shown); in a column read as a
// month the cell is written with why it cannot be read, so the row is refused (the roll's value reported) instead of
// guessed. Elsewhere (an amount of 2026.1 元) the number is read as it is.
import type { DuckDBConnection } from '@duckdb/node-api';
import { datasetSpec } from '../datasets/catalog.ts';
import type { HeaderMatch } from '../datasets/headers.ts';
import type { Cell, RawRow } from '../read/raw-row.ts';
import { quoteIdentifier as q, sqlString } from '../sql-text.ts';
import { readsAsMonth } from './value-maps.ts';

/** The header's columns read as months: cell (0-based) → dataset column. */
export function monthColumns(match: HeaderMatch): Map<number, string> {
  const dataset = datasetSpec(match.dataset);
  return new Map(dataset.columns.filter((column) => readsAsMonth(dataset, column) && match.columnIndex.has(column.name))
    .map((column) => [match.columnIndex.get(column.name)!, column.name]));
}


/** The row's cells with each month in doubt in a month column written with why (doubtfulMonthText); the same array when none is. */
export function withDoubtfulMonths(cells: readonly Cell[], doubtful: readonly number[] | undefined, months: ReadonlyMap<number, string>): readonly Cell[] {
  if (!doubtful?.some((cell) => months.has(cell))) return cells;
  return cells.map((cell, i) => (cell !== null && months.has(i) && doubtful.includes(i) ? doubtfulMonthText(cell) : cell));
}

/** 2026.1 with why it is no month: what the refused row's reason shows (月份无法识别：…). No month, date or range can be read in it. */
export function doubtfulMonthText(number: string): string {
  const year = number.slice(0, 4);
  return `${number}（Excel 数字单元格：输入 ${year}.10 也存成 ${year}.1，无法判断是 ${year}年1月 还是 ${year}年10月；请把该列设为文本后重新填写）`;
}

// A CSV keeps no cell types: saved from Excel, a number cell typed 2026.10 is written as it shows, 2026.1, and read as
// 2026年1月 (a death or a sentence's end in October moved to January, an October payment counted as January's). A
// 2026.1 in a CSV's month column is therefore in doubt, like the workbook's number cell, unless the same column
// writes some month as 2025.10: its writer kept the 0, so its cells were text and 2026.1 is January.
const DOT_ONE = /^[ \t]*\d{4}\.1[ \t]*$/;
const DOT_TEN = /^[ \t]*\d{4}\.10[ \t]*$/;
export const DOT_ONE_SQL = sqlString('[ \\t]*\\d{4}\\.1[ \\t]*');
export const DOT_TEN_SQL = sqlString('[ \\t]*\\d{4}\\.10[ \\t]*');

/** What a CSV's 2026.1 in doubt is written as (the refused row's reason shows it); YYYY stands for the year. */
const CSV_IN_DOUBT = 'YYYY.1（CSV 文件不记单元格格式：在 Excel 里输入 YYYY.10 也会存成 YYYY.1，而本列没有写作“年.10”的月份，无法判断是 YYYY年1月 还是 YYYY年10月；请写成 YYYY-01 或 YYYY-10）';

/** The CSV cell's value in doubt written with why, in SQL (the cell holds a 2026.1, spaces around it allowed). */
function csvDoubtfulMonthSql(cell: string): string {
  return `replace(${sqlString(CSV_IN_DOUBT)}, 'YYYY', left(trim(${cell}), 4))`;
}

/** The CSV row with each cell that is a 2026.1 marked in doubt (RawRow.doubtfulMonthCells): for its title rows. */
export function withCsvMonthCellsInDoubt(row: RawRow): RawRow {
  const inDoubt = row.cells.flatMap((cell, i) => (cell !== null && DOT_ONE.test(cell) ? [i] : []));
  return inDoubt.length > 0 ? { ...row, doubtfulMonthCells: inDoubt } : row;
}

/** The month cells (0-based) of a CSV whose 2026.1 is in doubt, learnt row by row (the careful reader's rows). */
export class CsvMonthDoubts {
  private readonly dotOne = new Set<number>();
  private readonly dotTen = new Set<number>();
  constructor(private readonly months: ReadonlyMap<number, string>) {}

  see(cells: readonly Cell[]): void {
    for (const i of this.months.keys()) {
      const cell = cells[i];
      if (cell === null || cell === undefined || !cell.includes('.1')) continue;
      if (DOT_ONE.test(cell)) this.dotOne.add(i);
      else if (DOT_TEN.test(cell)) this.dotTen.add(i);
    }
  }

  /** The dataset columns whose 2026.1 is in doubt. */
  inDoubt(): string[] {
    return [...this.dotOne].filter((cell) => !this.dotTen.has(cell)).map((cell) => this.months.get(cell)!);
  }
}

/**
 * Writes each 2026.1 of the given columns with why it is in doubt, in the raw table the CSV's rows were appended to (the
 * row's text, _raw_row, kept as it was). Refused as unreadable months, their rows are reported.
 */
export async function markCsvMonthsInDoubt(connection: DuckDBConnection, table: string, columns: readonly string[], file: string): Promise<void> {
  for (const column of columns.map(q)) {
    await connection.run(
      `UPDATE ${table} SET ${column} = ${csvDoubtfulMonthSql(column)} WHERE _file = $file AND _sheet IS NULL AND regexp_full_match(${column}, ${DOT_ONE_SQL})`,
      { file },
    );
  }
}
