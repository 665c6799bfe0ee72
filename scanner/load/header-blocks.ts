// Lists pasted one block after another, each under its own header: a village's block, then the next, often another
// township's export written its own way. A header repeated in the layout the rows are read by is a non-data row (a row
// readBlockHeader finds to be one: no ID-like identity cell, and at least two of its cells, half of the filled ones,
// naming the list's columns). One whose columns stand elsewhere (序号,姓名,身份证号码,
// 家庭编号 … under 序号,户主姓名,家庭编号,姓名,身份证号码 …) starts a block read by its own columns: read by the first
// header's, its names were read as IDs, every person of the block was a data_quality.id-invalid finding and none of
// them was checked (a death, a car, a payroll not found). Until 2026-12-06 that was so.
import type { DuckDBConnection } from '@duckdb/node-api';
import { datasetSpec, identityColumns, type DatasetName } from '../datasets/catalog.ts';
import { matchHeader, type HeaderMatch } from '../datasets/headers.ts';
import { InputError, type InputLocation } from '../errors.ts';
import { maskIdsInText } from '../mask-id.ts';
import type { Cell } from '../read/raw-row.ts';
import { duplicatedHeaderError, missingColumns, otherUnitError } from './header-refusals.ts';
import { stageCell } from './raw-rows.ts';

/**
 * A row that heads a block: in the layout rows are read by (read as today), in another one, or in one that cannot be
 * read. `sameLayout`: an unreadable one whose columns stand where the rows' layout has them (only a column in another
 * unit keeps it from being that layout's header repeated), refused as a sheet's first header in that unit is.
 */
export type BlockHeader =
  | { kind: 'same' }
  | { kind: 'other'; match: HeaderMatch }
  | { kind: 'unreadable'; match: HeaderMatch; sameLayout: boolean };

/** Why a row of a block header is not data, in load_rejects. */
export const BLOCK_HEADER_REASON = '非数据行（另一段名单的表头行，其下各行按这一行的表头读取）';

/**
 * Whether a cell may be a header's, not a person's: empty, or text that is no ID number or code (it does not start
 * with a digit, half- or full-width, and an all-ASCII one does not end with one: H001 is a 家庭编号, ID and No. are
 * headers). Only a row whose identity cells all may be is matched as a header: the test every row pays is these few
 * character comparisons.
 */
export function mayBeHeaderCell(cell: Cell | undefined): boolean {
  const text = cell?.trim() ?? '';
  if (text === '') return true;
  if (isDigit(text.charCodeAt(0)) || isFullWidthDigit(text.charCodeAt(0))) return false;
  return !/^[\x00-\x7f]*$/.test(text) || !isDigit(text.charCodeAt(text.length - 1));
}

const isDigit = (code: number) => code >= 48 && code <= 57;
const isFullWidthDigit = (code: number) => code >= 0xff10 && code <= 0xff19;

/**
 * mayBeHeaderCell in SQL, true wherever it is (DuckDB's trim leaves a tab, which only makes it true more often): every
 * row a header could be is looked at in JavaScript. A CASE: a row's ID, starting with a digit, is settled by one ascii();
 * only a cell that does not is trimmed (an ID written with a space before it, as exports often do).
 */
export function mayBeHeaderCellSql(cell: string): string {
  const text = `trim(${cell})`;
  return `(CASE WHEN ${cell} IS NULL THEN true WHEN ascii(${cell}) BETWEEN 48 AND 57 THEN false
    WHEN ascii(${text}) BETWEEN 48 AND 57 OR ascii(${text}) BETWEEN 65296 AND 65305 THEN false
    WHEN strlen(${text}) <> length(${text}) THEN true ELSE NOT (ascii(right(${text}, 1)) BETWEEN 48 AND 57) END)`;
}

/** The cells holding the row's identity (ID, 家庭编号, payee) in a layout. */
export function identityCells(dataset: DatasetName, columnIndex: ReadonlyMap<string, number>): number[] {
  return identityColumns(datasetSpec(dataset)).flatMap((c) => (columnIndex.has(c.name) ? [columnIndex.get(c.name)!] : []));
}

/** The row's identity cells all may be a header's: only such a row is matched as one. */
export const mayBeHeaderRow = (cells: readonly Cell[], identity: readonly number[]): boolean => identity.every((i) => mayBeHeaderCell(cells[i]));

/** Header cells that name a column of the list, read or not (duplicated, passed over, with a note or another unit). */
function columnsNamed(match: HeaderMatch): number {
  return match.columnIndex.size + match.passedOver.length + match.unreadNotes.length + match.otherUnit.length
    + match.duplicated.reduce((sum, d) => sum + d.headers.length - 1, 0);
}

/**
 * What the row is as a block's header, or null when it is none: a header names at least two of the list's columns,
 * and they are at least half of its filled cells (a person's row names none). It is in the layout rows are read by
 * when every column it names stands where that layout has it (a shorter paste without the last columns is too) and
 * none is in another unit: 家庭编号,户主姓名,发放金额(万元) repeated under 发放金额(元) is no header repeated, its
 * 发放金额(万元) being in no columnIndex. Until 2026-12-06 it was taken for one, its block's 0.07 万元 were read as
 * 0.07 元, and a dead man was estimated overpaid 0.04 元, not 350 元.
 * `given`: columns every row is given (a 发放表's month stated in its title), not missing from a block's header.
 */
export function readBlockHeader(
  dataset: DatasetName,
  cells: readonly Cell[],
  current: ReadonlyMap<string, number>,
  overrides: Readonly<Record<string, string>> = {},
  given: ReadonlySet<string> = new Set(),
): BlockHeader | null {
  const match = matchHeader(datasetSpec(dataset), cells, overrides);
  const named = columnsNamed(match);
  const filled = cells.filter((cell) => cell !== null && cell.trim() !== '').length;
  if (named < 2 || named * 2 < filled) return null;
  const sameLayout = [...match.columnIndex].every(([column, index]) => current.get(column) === index);
  if (sameLayout && match.otherUnit.length === 0) return { kind: 'same' };
  const missing = match.missingRequired.filter((column) => !given.has(column.name));
  const unreadable = missing.length > 0 || match.duplicated.length > 0 || match.otherUnit.length > 0;
  return unreadable ? { kind: 'unreadable', match, sameLayout } : { kind: 'other', match };
}

/** Rows of a staged file looked at in JavaScript at most; past that many rows without an identity, the careful reader reads it. */
const STAGED_ROWS_LOOKED_AT = 2000;

/**
 * The rowids of a CSV DuckDB staged that are its header repeated in its layout (non-data rows, raw-rows.ts), or null
 * when it holds a header in another layout or unit (or too many rows without an identity to tell): then the careful
 * reader reads it, block by block, and refuses a block it cannot read. A file without one pays one pass over its
 * identity cells.
 */
export async function stagedRepeatedHeaders(
  connection: DuckDBConnection,
  table: string,
  staged: { dataset: DatasetName; match: HeaderMatch; headerFields: number; columnOverrides?: Readonly<Record<string, string>> },
): Promise<number[] | null> {
  const identity = identityCells(staged.dataset, staged.match.columnIndex);
  const where = identity.length > 0 ? identity.map((i) => mayBeHeaderCellSql(stageCell(i))).join(' AND ') : 'true';
  const cells = Array.from({ length: staged.headerFields }, (_, i) => stageCell(i));
  const rows = (await connection.runAndReadAll(
    `SELECT rowid::BIGINT, ${cells.join(', ')} FROM ${table} WHERE ${where} ORDER BY rowid LIMIT ${STAGED_ROWS_LOOKED_AT + 1}`,
  )).getRows();
  if (rows.length > STAGED_ROWS_LOOKED_AT) return null;
  const repeated: number[] = [];
  for (const [rowid, ...row] of rows) {
    const header = readBlockHeader(staged.dataset, row.map((v) => (v === null ? null : String(v))), staged.match.columnIndex, staged.columnOverrides);
    if (header === null) continue;
    if (header.kind !== 'same') return null;
    repeated.push(Number(rowid));
  }
  return repeated;
}

/**
 * A block whose header cannot be read (a required column missing, one named twice, an amount in 万元): the file is
 * refused, as a sheet of it missing a column is (isNearMiss). Its rows, read by another block's columns, would be
 * wrong persons, and refused one by one they would be as many findings for one header to fix. `given`: the columns
 * every row is given (readBlockHeader's), not missing from the block: a 发放表 whose title states its month and whose
 * block gives 发放金额(万元) is refused for the unit. Until 2026-12-06 it was said to lack 发放月份, which it does not.
 * A header in the rows' layout but for a column in another unit is refused in the words of a sheet's first header in
 * that unit (otherUnitError): its columns stand where the first header's do, so no 另一段名单 with other positions.
 */
export function blockHeaderError(
  location: Omit<InputLocation, 'column'>, firstHeaderLine: number, cells: readonly Cell[],
  { match, sameLayout }: Extract<BlockHeader, { kind: 'unreadable' }>, given: ReadonlySet<string> = new Set(),
): InputError {
  if (sameLayout) return otherUnitError(location, match.otherUnit);
  const opening = `第 ${location.line} 行起是另一段名单，有自己的表头（各列的位置与第 ${firstHeaderLine} 行的表头不同），这一段只能按这一行的表头读取，但`;
  const hint = '请补全这一行表头，或把这一段移到单独的工作表或文件（带上自己的表头）后再扫描。';
  if (match.duplicated.length > 0) return duplicatedHeaderError(location, match.duplicated, opening, hint);
  if (match.missingRequired.every((column) => given.has(column.name))) return otherUnitError(location, match.otherUnit);
  const found = cells.filter((c): c is string => c !== null && c.trim() !== '').map((c) => `「${maskIdsInText(c)}」`).join('、');
  const refusal = missingColumns(datasetSpec(match.dataset), match, found, '', given);
  return new InputError({ ...location, column: refusal.column }, `${opening}${refusal.message}`, refusal.unitHint ?? hint);
}
