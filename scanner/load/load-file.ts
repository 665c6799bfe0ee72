// Loads one input file (CSV or XLSX) into the raw tables: header found, dataset decided, every row accounted for.
import type { DuckDBConnection } from '@duckdb/node-api';
import { datasetSpec, type DatasetName } from '../datasets/catalog.ts';
import { headerConstants, type HeaderMatch } from '../datasets/headers.ts';
import type { InputFile } from '../discover/input-files.ts';
import { ownCsv, ownWorkbook } from '../discover/own-outputs.ts';
import { openCsv, type CsvFileInfo } from '../read/csv-reader.ts';
import { ENCODING_LABEL, type TextEncoding } from '../read/detect-encoding.ts';
import { isBlankRow, lastFilledIndex, type Cell, type RawRow, type RawSheet } from '../read/raw-row.ts';
import { serialDateTextOn1904 } from '../read/xlsx-cell-text.ts';
import { openXlsx, xlsxSheetNames, type XlsxSheet } from '../read/xlsx-reader.ts';
import { loadCsvInDuckDb } from './csv-in-duckdb.ts';
import { withCsvMonthCellsInDoubt } from './doubtful-months.ts';
import { identityCells, mayBeHeaderRow, readBlockHeader } from './header-blocks.ts';
import { closestMiss, isNearMiss, missingColumnsError } from './header-misses.ts';
import { HEADER_SEARCH_ROWS, locateHeader, type HeaderSearch, type LocatedHeader } from './header-row.ts';
import { withStatedMonth } from './stated-month.ts';
import { listMonthConstants, withDepositListMonth } from './deposit-list-month.ts';
import { statedAreaConstants, withStatedArea } from './stated-area.ts';
import { headerRemarks, type SheetReport } from './sheet-report.ts';
import { otherDatasetReading, type OtherDatasetReading } from './sheet-of-other-dataset.ts';
import { leftRollReading, withLeftRollStatus, type LeftRollReading } from './left-roll-sheets.ts';
import { headerBelowError, lookOverUnreadSheet, unreadSheetError, unreadSheetReason, type UnreadSheet } from './unread-sheets.ts';
import { writeSheet } from './write-sheet.ts';

export interface FileReport {
  file: string;
  format: InputFile['format'];
  encoding?: string;
  classifiedBy: InputFile['classifiedBy'];
  sheets: SheetReport[];
  /** Set when no sheet of the file could be used: the file is listed as skipped with this reason. */
  skippedReason?: string;
  /** Which reader landed a CSV: DuckDB's (fast) or the careful JS reader (messy files, and every file when asked). */
  reader?: 'duckdb' | 'careful';
}

export interface TabularOptions {
  /** 'careful' reads every CSV with the JS reader: the reference the DuckDB path is tested against. */
  csvReader?: 'auto' | 'careful';
}

const MANIFEST_ENCODINGS: Record<string, TextEncoding> = { 'utf-8': 'utf-8', gbk: 'gb18030', gb18030: 'gb18030', 'utf-16le': 'utf-16le', 'utf-16be': 'utf-16be' };

/** The file's sheets; for a CSV (one sheet) also its layout, so DuckDB can read it the same way. */
async function openSheets(input: InputFile, report: FileReport): Promise<{ sheets: AsyncIterable<XlsxSheet> | RawSheet[]; csv?: CsvFileInfo }> {
  if (input.format === 'xlsx') return { sheets: openXlsx(input.path) };
  const encoding = input.options.encoding ? MANIFEST_ENCODINGS[input.options.encoding] : undefined;
  const { info, sheet } = await openCsv(input.path, { encoding, delimiter: input.options.delimiter });
  report.encoding = ENCODING_LABEL[info.encoding];
  return { sheets: [sheet], csv: info };
}

export async function loadTabularFile(connection: DuckDBConnection, input: InputFile, options: TabularOptions = {}): Promise<FileReport> {
  const report: FileReport = { file: input.name, format: input.format, classifiedBy: input.classifiedBy, sheets: [] };
  if (input.format === 'xlsx') {
    const own = ownWorkbook(await xlsxSheetNames(input.path));
    if (own) return { ...report, skippedReason: own };
  }
  const decided = input.candidates !== 'any' && input.candidates.length === 1;
  const misses: UnreadSheet[] = [];
  // Sheets whose header is another list's, not read as it (sheet-of-other-dataset.ts): named in the warnings, not refused.
  const declined = new Set<UnreadSheet>();

  const { sheets, csv } = await openSheets(input, report);
  for await (const sheet of sheets) {
    if (input.options.sheet !== undefined && sheet.sheet !== input.options.sheet) {
      await drain(sheet.rows[Symbol.asyncIterator]());
      continue;
    }
    const rows = sheet.rows[Symbol.asyncIterator]();
    const leading = await readLeadingRows(rows, input.options.headerRow);
    const ownCsvReason = input.format === 'csv' ? ownCsv(leading.rows[0]?.cells) : null;
    if (ownCsvReason) {
      await rows.return?.();
      return { ...report, skippedReason: ownCsvReason };
    }
    // A CSV title's 2026.1 states no month, as a workbook's number cell 2026.1 does not (doubtful-months.ts).
    const titleRows = input.format === 'csv' ? leading.rows.map(withCsvMonthCellsInDoubt) : leading.rows;
    const { candidates, located, otherDataset, leftRoll } = sheetCandidates(input, sheet.sheet, leading.rows);
    const search = withStatedArea(withDepositListMonth(withStatedMonth(
      located ?? locateHeader(leading.rows, candidates, input.options.headerRow, input.options.columns), candidates, titleRows, sheet.sheet, input.name,
    ), titleRows, sheet.sheet, input.name), titleRows, sheet.sheet, input.name);
    if (!search.found) {
      // A workbook's sheet is looked over, not passed over: a header further down, or rows with IDs, make it a list read
      // nowhere else (unread-sheets.ts). A CSV is the file's one sheet: nothing else of it is read.
      const looked = input.format === 'xlsx' ? await lookOverUnreadSheet(leading.rows, rows, candidates, input.options.columns) : await drain(rows);
      const miss: UnreadSheet = {
        sheet: sheet.sheet, header: search.closest, ambiguous: search.ambiguous.length > 1, statedMonths: search.statedMonths,
        headerRow: input.options.headerRow, rowsSearched: leading.rows.length, ...looked,
      };
      const reason = miss.ambiguous
        ? `表头同时符合多个数据集（${search.ambiguous.join('、')}），无法判断；请在文件名中写明或用 sweep.json 指定`
        : otherDataset && !otherDataset.read ? otherDataset.message
          : leading.rows.length === 0 ? '没有内容' : unreadSheetReason(miss);
      report.sheets.push({ sheet: sheet.sheet, rowsRead: 0, shapeRejected: 0, blankRows: leading.blankLines.length, columns: [], skippedReason: reason });
      misses.push(miss);
      if (otherDataset && !otherDataset.read) declined.add(miss);
      continue;
    }
    const columns = withLeftRollStatus(sheetColumns(search.header), leftRoll);
    const landed = csv && options.csvReader !== 'careful'
      ? await landCsvInDuckDb(connection, input, csv, search.header, columns, leading, rows)
      : null;
    if (input.format === 'csv') report.reader = landed ? 'duckdb' : 'careful';
    const dated = 'date1904' in sheet && sheet.date1904 ? onWorkbookBase(input, search.header, columns.constants, leading, rows) : { leading, rows };
    const read = landed ?? await writeSheet(connection, { input, sheet: sheet.sheet, header: search.header, ...columns, leading: dated.leading }, dated.rows);
    // Said first among the sheet's warnings: what it was read as decides what the others mean.
    const readAs = otherDataset?.read ? otherDataset.message : leftRoll?.message;
    if (readAs) read.caveats = [readAs, ...(read.caveats ?? [])];
    report.sheets.push(sheet.hidden ? { ...read, hidden: true } : read);
  }

  const datasetsRead = new Set(report.sheets.flatMap((s) => (s.dataset ? [s.dataset] : [])));
  if (datasetsRead.size > 0) {
    // A sheet that reads as one more part of a list read here is refused, not skipped: its persons would go unchecked.
    const refusable = misses.filter((miss) => !declined.has(miss));
    const nearMiss = refusable.find((miss) => isNearMiss(miss, datasetsRead));
    if (nearMiss) throw missingColumnsError(input, nearMiss, nearMiss.header!.match.dataset);
    // So is a sheet holding persons: its header below the rows searched, or rows with ID numbers under no header read.
    const unread = refusable.map((miss) => unreadSheetError(input, miss, datasetsRead)).find((error) => error !== null);
    if (unread) throw unread;
    return report;
  }
  // A list named for its dataset whose only sheet has its header below the rows searched: named where it is.
  const below = misses.length === 1 ? misses[0]!.headerBelow : undefined;
  if (decided && below?.match.dataset === input.candidates[0]) throw headerBelowError(input, misses[0]!.sheet, below);
  if (decided) throw missingColumnsError(input, closestMiss(misses));
  report.skippedReason = report.sheets.map((s) => (s.sheet ? `工作表「${s.sheet}」：${s.skippedReason}` : s.skippedReason)).join('；') || '文件为空';
  return report;
}

/**
 * The datasets a workbook's sheet may be. Its file name decides only as far as its sheets' headers agree: a township's
 * 低保核查数据.xlsx often holds the roll beside a 死亡人员, 发放明细 or 车辆信息 sheet. A sheet whose header is none of the
 * named datasets', nor comes near one (isNearMiss: a part of the named list missing a column is still refused), is read
 * as the one dataset its header fits where its name or its header's own columns say it is that list, with a warning
 * (`otherDataset`, sheet-of-other-dataset.ts); otherwise it is skipped with a warning saying how to have it read, and
 * not refused: a 家庭收入核算 sheet with a 工资 column is no 财政供养人员名单 (read as one, its wages were high
 * over_asset.payroll findings). A sheet read as the roll whose name says its persons left it (停保名单, 死亡减员) and whose
 * header gives no 保障状态 is read as stopped rows, or as deaths by its own 死亡日期 (`leftRoll`, left-roll-sheets.ts), in
 * any workbook, as is a CSV so named. A CSV named for a dataset, and a manifest's choice, stand as written.
 * `located`: the header search over the candidates returned, when it was made here (it is not made twice).
 */
function sheetCandidates(
  input: InputFile, sheetName: string | undefined, leadingRows: readonly RawRow[],
): { candidates: DatasetName[] | 'any'; located?: HeaderSearch; otherDataset?: OtherDatasetReading; leftRoll?: LeftRollReading } {
  const { candidates, options } = input;
  if (input.classifiedBy === 'manifest') return { candidates };
  const named = locateHeader(leadingRows, candidates, options.headerRow, options.columns);
  // A 停保名单 or 死亡减员 sheet or file with the roll's header and no 保障状态: the roll's history, or its deaths (left-roll-sheets.ts).
  const leftRoll = named.found ? leftRollReading(sheetName, input.name, named.header, leadingRows, options.headerRow, options.columns) : undefined;
  if (leftRoll?.as === 'deaths') return { candidates: ['deaths'], located: { found: true, header: leftRoll.header }, leftRoll };
  if (named.found) return { candidates, located: named, leftRoll };
  if (input.format !== 'xlsx' || input.classifiedBy !== 'file-name' || candidates === 'any') return { candidates, located: named };
  const miss = { sheet: undefined, header: named.closest, ambiguous: named.ambiguous.length > 1, rowsSearched: leadingRows.length };
  if (isNearMiss(miss, new Set(candidates))) return { candidates, located: named };
  const byHeader = locateHeader(leadingRows, 'any', options.headerRow, options.columns);
  if (!byHeader.found) return { candidates, located: named };
  const otherDataset = otherDatasetReading(sheetName, byHeader.header, candidates);
  // The one dataset is looked for again on its own: sweep.json's columns count for one candidate, not for 'any'.
  return otherDataset.read ? { candidates: [byHeader.header.match.dataset], otherDataset } : { candidates, located: named, otherDataset };
}

interface LeadingRows {
  rows: RawRow[];
  /** Lines of the blank rows among them (before and after the header). */
  blankLines: number[];
}

/**
 * The header's columns and the ones every row is given (a 发放表's or an undated deposits list's stated month, a roll's
 * stated area): what the sheet holds.
 */
export function sheetColumns(header: LocatedHeader): { columns: string[]; constants: Map<string, string> } {
  const { match, statedMonth } = header;
  const constants = new Map([
    ...(statedMonth ? [['month', statedMonth.month] as [string, string]] : []), ...listMonthConstants(header), ...statedAreaConstants(header),
    ...headerConstants(match),
  ]);
  return { columns: [...match.columnIndex.keys(), ...constants.keys()], constants };
}

/** The rows the header is looked for in: the first 10 that are not blank, and on down to the header row sweep.json names. */
async function readLeadingRows(rows: AsyncIterator<RawRow>, headerRow?: number): Promise<LeadingRows> {
  const leading: RawRow[] = [];
  const blankLines: number[] = [];
  // A long preamble (title, 填报单位, numbered 填报说明) puts the header below the first 10 rows: sweep.json's headerRow
  // names it, so reading stops only once that row is read too.
  let lastLine = 0;
  while (leading.length < HEADER_SEARCH_ROWS || (headerRow !== undefined && lastLine < headerRow)) {
    const next = await rows.next();
    if (next.done) break;
    lastLine = next.value.line;
    if (isBlankRow(next.value.cells)) blankLines.push(next.value.line);
    else leading.push(next.value);
  }
  return { rows: leading, blankLines };
}

/**
 * A 1904 workbook's rows under its header with every serial day number in a date or month column read on its base
 * (serialDateTextOn1904): a date-formatted cell already is (the reader), but a plain number's or text's date is known
 * only by its column, and the date columns read a serial on the 1900 base (date-macros.ts). A later block's header
 * (header-blocks.ts) moves the date columns where writeSheet reads its rows by them. A 1900 workbook's rows are untouched.
 */
function onWorkbookBase(
  input: InputFile, header: LocatedHeader, constants: ReadonlyMap<string, string>, leading: LeadingRows, rows: AsyncIterator<RawRow>,
): { leading: LeadingRows; rows: AsyncIterator<RawRow> } {
  const given = new Set(constants.keys());
  let block = dateBlock(header.match);
  const read = (row: RawRow): RawRow => {
    if (mayBeHeaderRow(row.cells, block.identity)) {
      const blockHeader = readBlockHeader(header.match.dataset, row.cells, block.match.columnIndex, input.options.columns, given);
      if (blockHeader?.kind === 'other') block = dateBlock(blockHeader.match);
      if (blockHeader) return row;
    }
    return withDatesOn1904(row, block.dateCells);
  };
  return {
    leading: { ...leading, rows: leading.rows.map((row) => (row.line > header.row.line ? read(row) : row)) },
    rows: {
      next: async () => {
        const next = await rows.next();
        return next.done ? next : { done: false, value: read(next.value) };
      },
    },
  };
}

/** Columns of no date kind that are read as dates all the same: a payroll's 入职日期 and 离职日期 (payroll-dates.ts). */
const TEXT_READ_AS_DATE: Partial<Record<DatasetName, readonly string[]>> = { payroll: ['joined_on', 'left_on'] };

/** A block's layout as onWorkbookBase reads it: its identity cells (to spot the next header) and its date and month cells. */
function dateBlock(match: HeaderMatch): { match: HeaderMatch; identity: number[]; dateCells: number[] } {
  const dated = datasetSpec(match.dataset).columns.filter((column) =>
    column.kind === 'date' || column.kind === 'month' || (TEXT_READ_AS_DATE[match.dataset] ?? []).includes(column.name));
  const dateCells = dated.flatMap((column) => (match.columnIndex.has(column.name) ? [match.columnIndex.get(column.name)!] : []));
  return { match, identity: identityCells(match.dataset, match.columnIndex), dateCells };
}

function withDatesOn1904(row: RawRow, dateCells: readonly number[]): RawRow {
  let cells: Cell[] | undefined;
  for (const index of dateCells) {
    const cell = row.cells[index];
    const date = cell ? serialDateTextOn1904(cell) : null;
    if (date === null) continue;
    cells ??= [...row.cells];
    cells[index] = date;
  }
  return cells ? { ...row, cells } : row;
}

async function drain(rows: AsyncIterator<RawRow>): Promise<void> {
  for (let next = await rows.next(); !next.done; next = await rows.next());
}

/** The CSV read by DuckDB when it reads it exactly as the careful reader would; null leaves it to writeSheet. */
async function landCsvInDuckDb(
  connection: DuckDBConnection,
  input: InputFile,
  layout: CsvFileInfo,
  header: LocatedHeader,
  { columns, constants }: { columns: string[]; constants: Map<string, string> },
  leading: LeadingRows,
  rows: AsyncIterator<RawRow>,
): Promise<SheetReport | null> {
  const { match, row: headerRow, statedMonth } = header;
  if (match.duplicated.length > 0 || match.otherUnit.length > 0) return null;
  const counts = await loadCsvInDuckDb(connection, {
    path: input.path, file: input.name, encoding: layout.encoding, bomLength: layout.bomLength, delimiter: layout.delimiter,
    dataset: match.dataset, match, constants, headerLine: headerRow.line, headerFields: headerRow.cells.length, headerWidth: lastFilledIndex(headerRow.cells) + 1,
    columnOverrides: input.options.columns,
  });
  if (!counts) return null;
  await rows.return?.();
  return {
    sheet: undefined, dataset: match.dataset, headerLine: headerRow.line, columns, ...headerRemarks(match), ...(statedMonth ? { statedMonth } : {}),
    // DuckDB read every line after the header again, blank ones included: count only the blanks above the header here.
    rowsRead: counts.rowsRead, shapeRejected: counts.shapeRejected, blankRows: leading.blankLines.filter((line) => line < headerRow.line).length + counts.blankRows,
  };
}
