// 同上 and 〃 (and the other ways clerks type them: ditto-marks.ts) in a list kept by hand: "as the row above". A 花名册 typed in a township writes a household's 家庭编号,
// 救助类别, 月保障金 and 银行账号 on the head's row and 同上 (or 〃) on each member's, as a clerk writes it on paper.
// Read as written, 同上 was one household gathering every member of the roll that said so: the demo's city roll so
// written gave 223 findings instead of 88 (a household of 86 persons in seven villages, 43 amounts over the standard,
// a vehicle counted against it). A person reads 同上 as the value above it, and so does rollsweep: the reading
// resolves it, and the summary says where and how often (a warning), so nothing is guessed out of sight. 同左 is a
// mark no reading resolves (ditto-marks.ts): read as empty, and counted apart (refused), for the warning to give its own
// reason: until 2026-12-08 it was counted with the marks that had nothing above them, and said so.
import { identityColumns, type DatasetName, type DatasetSpec } from '../datasets/catalog.ts';
import { WHITESPACE_CLASS } from '../normalise/macro-definition.ts';
import { DITTO_MARK_PATTERN, LONGEST_MARKED_CELL, MARK_STARTS, dittoMarkOf } from '../read/ditto-marks.ts';
import type { Cell } from '../read/raw-row.ts';
import { sqlString } from '../sql-text.ts';

/**
 * isDittoMark in SQL, for a CSV DuckDB landed whose bytes may hold a mark (bytesMayHoldDittoMark): the careful reader
 * resolves the marks, so a file holding one is left to it. CASE, so that only the few short cells holding a mark's
 * first character reach the regexp. length counts characters where JavaScript counts UTF-16 units; they differ only for
 * characters no mark holds.
 */
export function dittoMarkSql(cell: string): string {
  const mayHold = MARK_STARTS.map((first) => `contains(${cell}, ${sqlString(first)})`).join(' OR ');
  const spacesRemoved = `regexp_replace(${cell}, ${sqlString(WHITESPACE_CLASS)}, '', 'g')`;
  return `CASE WHEN length(${cell}) <= ${LONGEST_MARKED_CELL} AND (${mayHold}) THEN regexp_full_match(${spacesRemoved}, ${sqlString(`(?:${DITTO_MARK_PATTERN})`)}) ELSE false END`;
}

/**
 * The lists kept by hand, where clerks write 同上: the roll, the 发放明细 and the cadres' 名册. The departments' lists
 * (deaths, vehicles, kinship …) are exports of their systems, which write every value.
 */
const KEPT_BY_HAND: ReadonlySet<DatasetName> = new Set(['roll', 'payments', 'cadres']);
export const readsDittoMarks = (dataset: DatasetName) => KEPT_BY_HAND.has(dataset);

/**
 * Where a mark is read as the value above: in a list kept by hand, every column but the person's own ID and name,
 * which no one writes 同上 for. Elsewhere a mark stays what it is, and the checks report it (an ID that reads 同上 is
 * invalid).
 */
export const carriesDown = (dataset: DatasetSpec) => dataset.columns.map((c) => readsDittoMarks(dataset.name) && c.kind !== 'id' && c.kind !== 'name');

export interface DittoCount {
  /** Dataset column (canonical name). */
  column: string;
  /** Marks read as the value above them. */
  filled: number;
  /** Marks with nothing above them to take (the first data row, or an empty cell above): read as empty. */
  unresolved: number;
  /** Line of the first unresolved mark, for the message. */
  firstUnresolvedLine?: number;
  /** 同左, which no reading resolves (ditto-marks.ts): read as empty. Present once one is met. */
  refused?: number;
  /** Line of the first 同左, for the message. */
  firstRefusedLine?: number;
}

/**
 * Resolves the marks of one sheet, row by row in the sheet's order. The value above is the nearest earlier row's that
 * belongs to a person or household (an ID or 家庭编号 cell filled): a 合计 or signature line between does not lend its
 * total to the row below. A mark under a mark takes what the one above it was read as.
 */
export class DittoFill {
  private readonly carries: readonly boolean[];
  /** No column of this list reads marks (a department's list): the cells are passed as they are. */
  private readonly carriesNone: boolean;
  private readonly identity: readonly number[];
  private readonly above: Cell[];
  /** The row being resolved: one array for every row, read by the caller before the next. */
  private readonly values: Cell[];
  private readonly counts: DittoCount[];

  /** `cellIndexes`: per dataset column, in the dataset's order, its cell in a row (-1 where the sheet has none). */
  constructor(dataset: DatasetSpec, private readonly cellIndexes: readonly number[]) {
    this.carries = carriesDown(dataset);
    this.carriesNone = !this.carries.includes(true);
    const identityNames = new Set(identityColumns(dataset).map((c) => c.name));
    this.identity = dataset.columns.flatMap((c, i) => (identityNames.has(c.name) ? [i] : []));
    this.above = dataset.columns.map(() => null);
    this.values = dataset.columns.map(() => null);
    this.counts = dataset.columns.map((c) => ({ column: c.name, filled: 0, unresolved: 0 }));
  }

  /**
   * The row's values per dataset column, marks replaced; remembers them for the rows below. The array returned is
   * reused for the next row.
   */
  resolve(cells: readonly Cell[], line: number): readonly Cell[] {
    const { values, cellIndexes } = this;
    for (let column = 0; column < cellIndexes.length; column++) {
      const index = cellIndexes[column]!;
      const cell = index < 0 ? null : cells[index] ?? null;
      const mark = this.carriesNone || !this.carries[column] ? null : dittoMarkOf(cell);
      values[column] = mark === null ? cell : mark === 'above' ? this.valueAbove(column, line) : this.refused(column, line);
    }
    if (this.carriesNone) return values;
    const ownsRow = this.identity.some((column) => {
      const index = cellIndexes[column]!;
      return index >= 0 && (cells[index] ?? '').trim() !== '';
    });
    if (ownsRow) for (let column = 0; column < values.length; column++) this.above[column] = values[column]!;
    return values;
  }

  private valueAbove(column: number, line: number): Cell {
    const above = this.above[column] ?? null;
    const count = this.counts[column]!;
    if (above === null || above.trim() === '') return this.unresolved(column, line);
    count.filled++;
    return above;
  }

  /** A mark read as empty: nothing above it to take. */
  private unresolved(column: number, line: number): null {
    const count = this.counts[column]!;
    count.unresolved++;
    count.firstUnresolvedLine ??= line;
    return null;
  }

  /** 同左 read as empty: which cell it means cannot be told (ditto-marks.ts). */
  private refused(column: number, line: number): null {
    const count = this.counts[column]!;
    count.refused = (count.refused ?? 0) + 1;
    count.firstRefusedLine ??= line;
    return null;
  }

  /** The columns where marks were met, with how they were read. */
  report(): DittoCount[] {
    return this.counts.filter((c) => c.filled + c.unresolved + (c.refused ?? 0) > 0);
  }
}
