// What the cells of the worksheet row being read showed beyond their text (a date, a strike-through, a month in doubt),
// column by column, and the marks it gives the row once complete (RawRow.struck, struckCells, doubtfulMonthCells).
import type { RawRow } from './raw-row.ts';

export const MAX_COLUMN = 16_384;

const NEW = 0;
const NUMBER = 1;
const DATE = 2;

export class RowMarks {
  /** Per column: NEW (no cell yet in this row), NUMBER (a cell shown as a number) or DATE (shown as a date). */
  private readonly shown = new Uint8Array(MAX_COLUMN + 1);
  /** Per column: 1 when the cell's font strikes its text through. */
  private readonly struck = new Uint8Array(MAX_COLUMN + 1);
  /** Per column: 1 when the cell holds a number that is a month in doubt (shownNumber in xlsx-cell-value.ts). */
  private readonly doubtfulMonth = new Uint8Array(MAX_COLUMN + 1);
  /** Cells marked so (none in nearly every row: markDoubtfulMonths then looks no further). */
  private doubtfulMonths = 0;
  /** The columns that have a cell in this row, so that forgetting them costs no more than the row's width. */
  private readonly touchedColumns = new Uint16Array(MAX_COLUMN + 1);
  private touchedCount = 0;

  /** Whether the cell at `column` was shown as a date by an earlier cell at that address in this row; undefined when it is the first. */
  shownAsDateBefore(column: number): boolean | undefined {
    const before = this.shown[column]!;
    return before === NEW ? undefined : before === DATE;
  }

  /** Records the cell at `column` (a repeated address overwrites the earlier cell's marks). */
  record(column: number, isDate: boolean, isStruck: boolean): void {
    if (this.shown[column] === NEW) this.touchedColumns[this.touchedCount++] = column;
    this.shown[column] = isDate ? DATE : NUMBER;
    this.struck[column] = isStruck ? 1 : 0;
    this.doubtfulMonth[column] = 0;
  }

  markDoubtfulMonth(column: number): void {
    this.doubtfulMonth[column] = 1;
    this.doubtfulMonths++;
  }

  /** Gives the completed row its marks. */
  markRow(row: RawRow): void {
    this.markStruck(row);
    this.markDoubtfulMonths(row);
  }

  /** Clears every mark, for the next row. */
  forget(): void {
    for (let i = 0; i < this.touchedCount; i++) {
      const column = this.touchedColumns[i]!;
      this.shown[column] = NEW;
      this.struck[column] = 0;
      this.doubtfulMonth[column] = 0;
    }
    this.touchedCount = 0;
    this.doubtfulMonths = 0;
  }

  /**
   * Every cell holding text struck through is how a clerk crosses out a whole row (row.struck); some of them, a name or
   * an ID crossed out (row.struckCells). Most rows have no struck cell at all, settled by the style flags alone.
   */
  private markStruck(row: RawRow): void {
    let anyStruck = false;
    for (let i = 0; i < this.touchedCount && !anyStruck; i++) anyStruck = this.struck[this.touchedColumns[i]!] === 1;
    if (!anyStruck) return;
    const struck: number[] = [];
    let filled = 0;
    for (let i = 0; i < this.touchedCount; i++) {
      const column = this.touchedColumns[i]!;
      const cell = row.cells[column - 1];
      if (cell === null || cell === undefined || cell.trim() === '') continue;
      filled++;
      if (this.struck[column] === 1) struck.push(column - 1);
    }
    if (struck.length === 0) return;
    if (struck.length === filled) row.struck = true;
    else row.struckCells = struck.sort((a, b) => a - b);
  }

  private markDoubtfulMonths(row: RawRow): void {
    if (this.doubtfulMonths === 0) return;
    const doubtful: number[] = [];
    for (let i = 0; i < this.touchedCount; i++) {
      const column = this.touchedColumns[i]!;
      if (this.doubtfulMonth[column] === 1) doubtful.push(column - 1);
    }
    if (doubtful.length > 0) row.doubtfulMonthCells = doubtful.sort((a, b) => a - b);
  }
}
