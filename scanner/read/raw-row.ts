// The shape every tabular reader yields: one spreadsheet row with its 1-based line number.

export type Cell = string | null;

export interface RawRow {
  /** 1-based physical line (CSV) or row number (XLSX, Parquet) as a person would look it up. */
  line: number;
  cells: Cell[];
}

export interface RawSheet {
  /** Worksheet name for XLSX; undefined for CSV. */
  sheet: string | undefined;
  hidden: boolean;
  rows: AsyncIterable<RawRow>;
}

export function isBlankRow(cells: readonly Cell[]): boolean {
  return cells.every((cell) => cell === null || cell.trim() === '');
}
