// The shape every tabular reader yields: one spreadsheet row with its 1-based line number.

export type Cell = string | null;

export interface RawRow {
  /** 1-based physical line (CSV) or row number (XLSX, Parquet) as a person would look it up. */
  line: number;
  cells: Cell[];
  /** An XLSX row hidden in Excel (by hand, or filtered out): read like any other, and counted for a warning. */
  hidden?: true;
  /** An XLSX row whose every filled cell is struck through: read like any other, and counted for a warning. */
  struck?: true;
  /** Of an XLSX row with some filled cells struck through but not all, those cells (0-based): a crossed-out name or ID. */
  struckCells?: number[];
  /**
   * Of an XLSX row, the cells (0-based) holding a number such as 2026.1 shown without a second decimal: read as a month it
   * may be 2026年1月 or 2026.10 whose 0 Excel dropped (isYearPointOne), so a month column refuses it.
   */
  doubtfulMonthCells?: number[];
}

export interface RawSheet {
  /** Worksheet name for XLSX; undefined for CSV. */
  sheet: string | undefined;
  hidden: boolean;
  rows: AsyncIterable<RawRow>;
}

/** Index of the row's last cell holding more than whitespace; -1 for a blank row. */
export function lastFilledIndex(cells: readonly Cell[]): number {
  for (let i = cells.length - 1; i >= 0; i--) if (cells[i] !== null && cells[i]!.trim() !== '') return i;
  return -1;
}

export function isBlankRow(cells: readonly Cell[]): boolean {
  return lastFilledIndex(cells) < 0;
}
