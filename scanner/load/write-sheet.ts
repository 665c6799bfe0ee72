// The careful reader's landing of one sheet (an XLSX sheet, or a CSV DuckDB does not read): every row under the header
// appended to raw_<dataset>, refused as shifted, or counted blank. Lists pasted one after another are read block by
// block: the rows under a header in another layout by that header's columns (header-blocks.ts).
import type { DuckDBConnection } from '@duckdb/node-api';
import { datasetSpec } from '../datasets/catalog.ts';
import type { HeaderMatch } from '../datasets/headers.ts';
import type { InputFile } from '../discover/input-files.ts';
import { lastFilledIndex, type Cell, type RawRow } from '../read/raw-row.ts';
import type { DittoCount } from './ditto-fill.ts';
import { CsvMonthDoubts, markCsvMonthsInDoubt, monthColumns, withDoubtfulMonths } from './doubtful-months.ts';
import { BLOCK_HEADER_REASON, blockHeaderError, identityCells, mayBeHeaderRow, readBlockHeader } from './header-blocks.ts';
import { duplicatedHeaderError, otherUnitError } from './header-refusals.ts';
import type { LocatedHeader } from './header-row.ts';
import { NON_DATA_REASON } from './raw-rows.ts';
import { RawRowWriter, insertShapeRejects, rawTable, type ShapeReject } from './raw-tables.ts';
import { headerRemarks, tally, type SheetReport } from './sheet-report.ts';

/** How the rows under one header are read: its columns, how wide a CSV row may be, and the writer that lands them. */
interface Block {
  match: HeaderMatch;
  headerLine: number;
  /** Cells past the header's last filled one mean an unquoted delimiter shifted the values (CSV only). */
  headerWidth: number;
  fieldLimit: number;
  /** The columns every row is given that this header does not name (a 发放表's stated month). */
  constants: ReadonlyMap<string, string>;
  identity: number[];
  nameCells: Set<number>;
  months: Map<number, string>;
  csvMonths?: CsvMonthDoubts;
  writer: RawRowWriter;
}

export interface SheetToWrite {
  input: InputFile;
  sheet: string | undefined;
  header: LocatedHeader;
  /** The header's columns and those every row is given (load-file.ts's sheetColumns). */
  columns: string[];
  constants: ReadonlyMap<string, string>;
  /** The rows read while looking for the header (those below it are data), and the blank ones among them. */
  leading: { rows: readonly RawRow[]; blankLines: readonly number[] };
}

export async function writeSheet(connection: DuckDBConnection, toWrite: SheetToWrite, rest: AsyncIterator<RawRow>): Promise<SheetReport> {
  const { input, sheet: sheetName, header, constants, leading } = toWrite;
  const { match, row: headerRow, statedMonth } = header;
  if (match.duplicated.length > 0) throw duplicatedHeaderError({ file: input.name, sheet: sheetName, line: headerRow.line }, match.duplicated);
  if (match.otherUnit.length > 0) throw otherUnitError({ file: input.name, sheet: sheetName, line: headerRow.line }, match.otherUnit);
  const report: SheetReport = {
    sheet: sheetName, dataset: match.dataset, headerLine: headerRow.line, rowsRead: 0, shapeRejected: 0, blankRows: leading.blankLines.length,
    columns: [...toWrite.columns], ...headerRemarks(match), ...(statedMonth ? { statedMonth } : {}),
  };
  const csv = input.format === 'csv';
  const firstFieldLimit = csv ? usualFieldCount(headerRow, leading.rows) : Infinity;
  const openBlock = async (blockMatch: HeaderMatch, blockHeader: RawRow): Promise<Block> => {
    const months = monthColumns(blockMatch);
    // A block naming a column the sheet states for every row (its own 发放月份) is read by its column.
    const blockConstants = new Map([...constants].filter(([column]) => !blockMatch.columnIndex.has(column)));
    return {
      match: blockMatch, headerLine: blockHeader.line, headerWidth: csv ? lastFilledIndex(blockHeader.cells) + 1 : Infinity,
      // A block's rows may end in the delimiters the first block's rows add to their header's.
      fieldLimit: csv ? blockHeader.cells.length + firstFieldLimit - headerRow.cells.length : Infinity,
      constants: blockConstants, identity: identityCells(blockMatch.dataset, blockMatch.columnIndex), nameCells: personCells(blockMatch),
      months, csvMonths: csv ? new CsvMonthDoubts(months) : undefined,
      writer: await RawRowWriter.open(connection, blockMatch.dataset, blockMatch.columnIndex, blockConstants),
    };
  };
  const rejects: ShapeReject[] = [];
  const dittoMarks: DittoCount[] = [];
  const inDoubt = new Set<string>();
  const finished = (done: Block) => {
    mergeDittoMarks(dittoMarks, done.writer.dittoMarks());
    for (const column of done.csvMonths?.inDoubt() ?? []) if (!done.constants.has(column)) inDoubt.add(column);
  };
  const given = new Set(constants.keys());
  let block = await openBlock(match, headerRow);

  /** Lands the row, or returns the header in another layout it is: the rows below are read by that one's columns. */
  const take = (row: RawRow): HeaderMatch | undefined => {
    const lastFilled = lastFilledIndex(row.cells);
    if (lastFilled < 0) { // blank (isBlankRow), found with the index the shape test needs
      report.blankRows++;
      return undefined;
    }
    report.rowsRead++;
    if (row.hidden) report.hiddenRows = tally(report.hiddenRows, row.line);
    if (row.struck) report.struckRows = tally(report.struckRows, row.line);
    else if (row.struckCells?.some((cell) => block.nameCells.has(cell))) report.struckNameRows = tally(report.struckNameRows, row.line);
    if (mayBeHeaderRow(row.cells, block.identity)) {
      const blockHeader = readBlockHeader(match.dataset, row.cells, block.match.columnIndex, input.options.columns, given);
      if (blockHeader?.kind === 'unreadable') {
        throw blockHeaderError({ file: input.name, sheet: sheetName, line: row.line }, block.headerLine, row.cells, blockHeader, given);
      }
      if (blockHeader?.kind === 'other') {
        rejects.push({ kind: 'non-data', dataset: match.dataset, file: input.name, sheet: sheetName, line: row.line, reason: BLOCK_HEADER_REASON, rawRow: rowText(row.cells) });
        return blockHeader.match;
      }
      // The header again in this layout (公民身份号码, 姓 名 … over the same columns): a non-data row, as a staged CSV's is.
      if (blockHeader?.kind === 'same') {
        rejects.push({ kind: 'non-data', dataset: match.dataset, file: input.name, sheet: sheetName, line: row.line, reason: NON_DATA_REASON, rawRow: rowText(row.cells) });
        return undefined;
      }
    }
    const shifted = lastFilled >= block.headerWidth ? `本行有 ${lastFilled + 1} 列，多于表头的 ${block.headerWidth} 列`
      : row.cells.length > block.fieldLimit ? `本行有 ${row.cells.length} 个字段，多于表头和本文件其他行的 ${block.fieldLimit} 个` : null;
    if (shifted) {
      report.shapeRejected++;
      rejects.push({
        dataset: match.dataset, file: input.name, sheet: sheetName, line: row.line,
        reason: `${shifted}（可能有未加引号的逗号），各列无法对应`, rawRow: rowText(row.cells),
      });
      return undefined;
    }
    block.csvMonths?.see(row.cells);
    block.writer.append(withDoubtfulMonths(row.cells, row.doubtfulMonthCells, block.months), input.name, sheetName, row.line, rowText(row.cells));
    return undefined;
  };
  const takeRow = async (row: RawRow) => {
    const other = take(row);
    if (!other) return;
    const previous = block;
    block = await openBlock(other, row);
    previous.writer.close();
    finished(previous);
    (report.blockHeaderLines ??= []).push(row.line);
    report.columns = [...new Set([...report.columns, ...other.columnIndex.keys()])];
  };
  try {
    for (const row of leading.rows) if (row.line > headerRow.line) await takeRow(row);
    for (let next = await rest.next(); !next.done; next = await rest.next()) await takeRow(next.value);
  } finally {
    block.writer.close();
  }
  finished(block);
  await markCsvMonthsInDoubt(connection, rawTable(match.dataset), [...inDoubt], input.name);
  await insertShapeRejects(connection, rejects);
  return dittoMarks.length > 0 ? { ...report, dittoMarks } : report;
}

/** The blocks' 同上 counts added up by column; the first unresolved line stays the sheet's first. */
function mergeDittoMarks(sofar: DittoCount[], block: readonly DittoCount[]): void {
  for (const count of block) {
    const seen = sofar.find((c) => c.column === count.column);
    if (!seen) sofar.push({ ...count });
    else {
      seen.filled += count.filled;
      seen.unresolved += count.unresolved;
      seen.firstUnresolvedLine ??= count.firstUnresolvedLine;
      if (count.refused) {
        seen.refused = (seen.refused ?? 0) + count.refused;
        seen.firstRefusedLine ??= count.firstRefusedLine;
      }
    }
  }
}

/**
 * The most fields a CSV row of this file may have: the header's, or the number most of the rows under it in the first
 * lines have where that is more (a system that ends each data row with a delimiter the header lacks). One field more
 * than that with the last one empty is the row's own empty last column pushed on by an unquoted comma (月保障金
 * 1,400 under a header ending in 备注): no cell past the header is filled, yet every value after the comma is a
 * column off. Until 2026-12-03 such a row was read as 月保障金 1 and 保障状态 「400」.
 */
function usualFieldCount(headerRow: RawRow, leadingRows: readonly RawRow[]): number {
  const counts = new Map<number, number>();
  for (const row of leadingRows) {
    if (row.line > headerRow.line) counts.set(row.cells.length, (counts.get(row.cells.length) ?? 0) + 1);
  }
  // Ties go to the fewer fields: two rows, one with a field more, say nothing of which is the file's usual.
  const [usual] = [...counts].sort(([fieldsA, rowsA], [fieldsB, rowsB]) => rowsB - rowsA || fieldsA - fieldsB)[0] ?? [0];
  return Math.max(headerRow.cells.length, usual);
}

/** The cells (0-based) that name the row's persons: every name and ID column the header maps (a business's 法定代表人 and 经营者). */
function personCells(match: HeaderMatch): Set<number> {
  const columns = datasetSpec(match.dataset).columns.filter((column) => column.kind === 'name' || column.kind === 'id');
  return new Set(columns.flatMap((column) => (match.columnIndex.has(column.name) ? [match.columnIndex.get(column.name)!] : [])));
}

/** The row as one line of text, every cell included (an empty one as nothing: join writes null so), for rejects and footer detection. */
function rowText(cells: readonly Cell[]): string {
  return cells.join(',');
}
