// Which column of a returned village sheet holds which exported column, and which columns are staff's own.
// Staff rename a header (备注 → 备注（说明）), clear one, or add a column of their own after 备注 (核查情况), and
// type into it: until 2026-12-06 only the exact header texts were read, and such text was dropped without a word.
import type * as ExcelTypes from 'exceljs';
import { FINDING_ID_HEADER } from '../../export/ledger-workbook/columns.ts';
import { HEADER_SEARCH_ROWS } from '../../load/header-row.ts';
import { cellText, plainCell } from './cell-values.ts';

/** An exported column whose header no longer says what it is, found by where it stands. */
export interface MisnamedColumn {
  column: number;
  /** What its header says now ('' when cleared). */
  header: string;
}

export interface SheetColumns {
  headerRow: number;
  /** Exported header → the sheet column read as it: its own header, or one that is clearly the same (备注（说明）, 备 注). */
  columns: Map<string, number>;
  /** Exported columns read by position only: compared with the export, but none of their edits is taken. */
  misnamed: Map<string, MisnamedColumn>;
  /** Exported columns found neither by header nor by position (deleted, or renamed and moved). */
  missing: string[];
  /** What the header row says in each column that has text; for naming staff's own columns. */
  headerTexts: Map<number, string>;
}

/**
 * A header as compared with the exported ones: full-width forms and spaces (备 注, 备注 , a line break) dropped, and
 * so are a trailing remark in brackets (备注（说明）, 已追回金额 without its (元)) and surrounding * or colons (*备注：).
 * No two exported headers come out the same (`headerKeysAreDistinct`), so a renamed header is never read as another.
 */
export function headerKey(text: string): string {
  let key = text.normalize('NFKC').replace(/\s+/gu, '');
  for (;;) {
    const stripped = key
      .replace(/^[*:]+|[*:]+$/gu, '')
      .replace(/(?:\([^()]*\)|\[[^[\]]*\]|【[^【】]*】|〔[^〔〕]*〕)$/u, '');
    if (stripped === key || stripped === '') return key;
    key = stripped;
  }
}

/** Whether no two of `headers` share a key: true of the ledger's columns (a test holds it). */
export function headerKeysAreDistinct(headers: readonly string[]): boolean {
  return new Set(headers.map(headerKey)).size === headers.length;
}

const FINDING_ID_KEY = headerKey(FINDING_ID_HEADER);

/**
 * The first row holding a cell 问题编号 among the sheet's first non-blank rows, as the scan finds a roll's header under
 * its title rows: staff add a title (东村整改情况) or a blank line above the table before sending it back. Then each
 * exported column (`exported`, in the order written) is looked for in it:
 *  1. under its own header (the first one, when staff copied the column);
 *  2. under a header that is the same but for spaces, full-width forms or a remark in brackets, when exactly one is;
 *  3. where it stood: the columns between two found ones when as many are missing as there are columns between them
 *     (at either end, next to the last found one, when something is in that column). Such a column is compared with the
 *     export, so cells left as they were say nothing, but what staff changed in it is refused, never guessed at.
 * Every other column is staff's own.
 */
export function locateColumns(worksheet: ExcelTypes.Worksheet, exported: readonly string[]): SheetColumns | null {
  let headerRow = 0;
  let headerTexts = new Map<number, string>();
  let searched = 0;
  worksheet.eachRow((excelRow, rowNumber) => {
    if (headerRow || ++searched > HEADER_SEARCH_ROWS) return;
    const texts = new Map<number, string>();
    excelRow.eachCell((cell, column) => {
      const text = cellText(plainCell(cell.value));
      if (text !== '') texts.set(column, text);
    });
    if ([...texts.values()].some((text) => headerKey(text) === FINDING_ID_KEY)) {
      headerRow = rowNumber;
      headerTexts = texts;
    }
  });
  if (!headerRow) return null;

  const columns = new Map<string, number>();
  const taken = new Set<number>();
  const take = (header: string, column: number) => {
    columns.set(header, column);
    taken.add(column);
  };
  const wanted = new Set(exported);
  for (const [column, text] of headerTexts) if (wanted.has(text) && !columns.has(text)) take(text, column);

  // A key two exported headers shared would make a renamed header ambiguous: such a key is never used.
  const keyCounts = new Map<string, number>();
  for (const header of exported) keyCounts.set(headerKey(header), (keyCounts.get(headerKey(header)) ?? 0) + 1);
  const byKey = new Map(exported.filter((header) => keyCounts.get(headerKey(header)) === 1).map((header) => [headerKey(header), header]));
  const candidates = new Map<string, number[]>();
  for (const [column, text] of headerTexts) {
    const header = byKey.get(headerKey(text));
    if (taken.has(column) || header === undefined || columns.has(header)) continue;
    candidates.set(header, [...(candidates.get(header) ?? []), column]);
  }
  // Two columns that could both be it (备注（说明）and 备注（核查）with 备注 gone): neither is taken for it.
  for (const [header, found] of candidates) if (found.length === 1) take(header, found[0]!);

  const misnamed = new Map<string, MisnamedColumn>();
  const missing: string[] = [];
  let filled: Set<number> | null = null;
  const hasCells = (column: number) => {
    filled ??= columnsWithCellsBelow(worksheet, headerRow);
    return headerTexts.has(column) || filled.has(column);
  };
  for (let start = 0; start < exported.length;) {
    if (columns.has(exported[start]!)) {
      start++;
      continue;
    }
    let end = start;
    while (end < exported.length && !columns.has(exported[end]!)) end++;
    const run = exported.slice(start, end);
    const left = start > 0 ? columns.get(exported[start - 1]!)! : null;
    const right = end < exported.length ? columns.get(exported[end]!)! : null;
    let first: number | null = null;
    if (left !== null && right !== null) first = right - left - 1 === run.length ? left + 1 : null;
    else if (left !== null) first = left + 1;
    else if (right !== null) first = right - run.length >= 1 ? right - run.length : null;
    const places = first === null ? [] : run.map((_header, i) => first + i);
    const between = left !== null && right !== null;
    if (places.length > 0 && places.every((column) => !taken.has(column) && (between || hasCells(column)))) {
      run.forEach((header, i) => misnamed.set(header, { column: places[i]!, header: headerTexts.get(places[i]!) ?? '' }));
      for (const column of places) taken.add(column);
    } else {
      missing.push(...run);
    }
    start = end;
  }
  return { headerRow, columns, misnamed, missing, headerTexts };
}

function columnsWithCellsBelow(worksheet: ExcelTypes.Worksheet, headerRow: number): Set<number> {
  const filled = new Set<number>();
  worksheet.eachRow((excelRow, rowNumber) => {
    if (rowNumber <= headerRow) return;
    excelRow.eachCell((cell, column) => {
      if (plainCell(cell.value) !== null) filled.add(column);
    });
  });
  return filled;
}

/** How the report names a column of staff's own: `核查情况（X 列）`, or `Y 列（无表头）`. */
export function ownColumnName(worksheet: ExcelTypes.Worksheet, column: number, header: string | undefined): string {
  const letter = worksheet.getColumn(column).letter;
  return header ? `${header}（${letter} 列）` : `${letter} 列（无表头）`;
}
