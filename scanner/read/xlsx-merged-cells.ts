// Vertically merged cells, filled down. A 花名册 merges a household's cells across its members' rows (家庭编号, 救助类别,
// 月保障金, 银行账号) and a village's 乡镇 and 村 across all its rows; the file holds the value in the first row only.
// Read as stored, every other member had no household, program or village: a false missing-field finding each, and a
// household of one person, which shrinks the deposit limit (members × standard) and inflates a deceased member's share
// of the overpayment. Excel shows the value against every row of the block, and so it is read.
//
// Only merges spanning rows are filled, and only in their first column: a title or a 合计 merged across a row's columns
// stays one cell (the footer and header rules see it as before). The <mergeCells> list follows the rows in the sheet,
// so it is read from the part beside the rows (inflating the part once more; nothing is parsed but the list).
import { columnOfReference } from './xlsx-simple-cell.ts';
import type { RawRow } from './raw-row.ts';

export interface VerticalMerge {
  /** 0-based, as RawRow.cells. */
  column: number;
  firstLine: number;
  lastLine: number;
}

const LIST_TAG = Buffer.from('mergeCells');
const MERGE_REFERENCE = /<(?:[A-Za-z_][\w.-]*:)?mergeCell\b[^>]*?\bref\s*=\s*["']\$?([A-Z]+)\$?(\d+):\$?([A-Z]+)\$?(\d+)["']/g;

/** The worksheet's merges that span more than one row, from the inflated part's chunks. */
export async function verticalMerges(chunks: AsyncIterable<Buffer>): Promise<VerticalMerge[]> {
  let carry = Buffer.alloc(0);
  const list: Buffer[] = [];
  for await (const chunk of chunks) {
    if (list.length > 0) {
      list.push(chunk);
      continue;
    }
    // The tag may straddle two chunks: look in the end of the previous one too.
    const window = Buffer.concat([carry, chunk]);
    const at = listStart(window);
    if (at >= 0) list.push(window.subarray(at));
    else carry = window.subarray(Math.max(0, window.length - LIST_TAG.length - 2));
  }
  if (list.length === 0) return [];
  const merges: VerticalMerge[] = [];
  for (const match of Buffer.concat(list).toString('latin1').matchAll(MERGE_REFERENCE)) {
    const [firstLine, lastLine] = [Number(match[2]), Number(match[4])];
    if (lastLine > firstLine) merges.push({ column: columnOfReference(`${match[1]}1`) - 1, firstLine, lastLine });
  }
  return merges.sort((a, b) => a.firstLine - b.firstLine || a.column - b.column);
}

/** Where the <mergeCells> element (or a prefixed <x:mergeCells>) opens, or -1. Text cannot hold it: its < is escaped. */
function listStart(buffer: Buffer): number {
  for (let at = buffer.indexOf(LIST_TAG); at >= 0; at = buffer.indexOf(LIST_TAG, at + 1)) {
    let open = at - 1;
    // A prefix is a name: back over it to its <, stopping at a space or > (then it was text, not a tag).
    if (buffer[open] === 0x3a /* : */) while (open > 0 && buffer[open] !== 0x3c && buffer[open] !== 0x20 && buffer[open] !== 0x3e) open--;
    if (buffer[open] === 0x3c /* < */) return open;
  }
  return -1;
}

/** Fills each row's cells inside a vertical merge with the value of the merge's first row, as the rows stream past. */
export class MergeFill {
  private next = 0;
  /** Merges whose first row has been seen and whose last row has not passed yet, with the value to fill. */
  private active: { merge: VerticalMerge; value: string; doubtfulMonth: boolean }[] = [];

  constructor(private readonly merges: readonly VerticalMerge[]) {}

  /** Rows arrive in line order; a row with no cells inside a merge (absent from the file) simply is not filled. */
  apply(row: RawRow): void {
    if (this.merges.length === 0) return;
    if (this.active.length > 0) this.active = this.active.filter(({ merge }) => merge.lastLine >= row.line);
    for (const { merge, value, doubtfulMonth } of this.active) {
      if (merge.firstLine < row.line && isEmpty(row.cells[merge.column])) {
        while (row.cells.length < merge.column) row.cells.push(null);
        row.cells[merge.column] = value;
        // A month in doubt (2026.1 merged down a 发放月份 column) is as doubtful in every row it fills.
        if (doubtfulMonth) row.doubtfulMonthCells = [...(row.doubtfulMonthCells ?? []), merge.column].sort((a, b) => a - b);
      }
    }
    // A merge whose first row is absent from the file has no value to fill.
    while (this.next < this.merges.length && this.merges[this.next]!.firstLine <= row.line) {
      const merge = this.merges[this.next++]!;
      const value = merge.firstLine === row.line ? row.cells[merge.column] : undefined;
      if (!isEmpty(value)) this.active.push({ merge, value: value!, doubtfulMonth: row.doubtfulMonthCells?.includes(merge.column) === true });
    }
  }
}

function isEmpty(cell: string | null | undefined): boolean {
  return cell === null || cell === undefined || cell.trim() === '';
}
