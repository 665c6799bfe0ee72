// Loads one input file (CSV or XLSX) into the raw tables: header found, dataset decided, every row accounted for.
import type { DuckDBConnection } from '@duckdb/node-api';
import { datasetSpec, type DatasetName } from '../datasets/catalog.ts';
import { describeColumn, type HeaderMatch, type NotedHeader } from '../datasets/headers.ts';
import type { InputFile } from '../discover/input-files.ts';
import { ownCsv, ownWorkbook } from '../discover/own-outputs.ts';
import { InputError } from '../errors.ts';
import { openCsv, type CsvFileInfo } from '../read/csv-reader.ts';
import { ENCODING_LABEL, type TextEncoding } from '../read/detect-encoding.ts';
import { isBlankRow, lastFilledIndex, type Cell, type RawRow, type RawSheet } from '../read/raw-row.ts';
import { openXlsx, xlsxSheetNames } from '../read/xlsx-reader.ts';
import { loadCsvInDuckDb } from './csv-in-duckdb.ts';
import type { DittoCount } from './ditto-fill.ts';
import { CsvMonthDoubts, markCsvMonthsInDoubt, monthColumns, withCsvMonthCellsInDoubt, withDoubtfulMonths } from './doubtful-months.ts';
import { closestMiss, isNearMiss, missingColumnsError, type HeaderMiss } from './header-misses.ts';
import { otherUnitError } from './header-refusals.ts';
import { HEADER_SEARCH_ROWS, locateHeader, type LocatedHeader } from './header-row.ts';
import { withStatedMonth, type StatedMonth } from './stated-month.ts';
import { listMonthConstants, withDepositListMonth } from './deposit-list-month.ts';
import { RawRowWriter, insertShapeRejects, rawTable, type ShapeReject } from './raw-tables.ts';

/** What the header row says about how the sheet is read, for the summary's warnings: one place for every reader. */
export const headerRemarks = (match: HeaderMatch): Pick<SheetReport, 'unreadNotes' | 'passedOver' | 'caveats'> =>
  ({ unreadNotes: match.unreadNotes, passedOver: match.passedOver, caveats: match.caveats });

export interface SheetReport {
  sheet?: string;
  dataset?: DatasetName;
  headerLine?: number;
  rowsRead: number;
  shapeRejected: number;
  blankRows: number;
  columns: string[];
  /** Header cells that name a column with a note rollsweep cannot judge: not read (see header-notes.ts). */
  unreadNotes?: NotedHeader[];
  /** Header cells left unread because another names the same column by a preferred alias (发放月份 beside 所属期). */
  passedOver?: HeaderMatch['passedOver'];
  /** What reading a column from a stand-in header costs (a bank's 交易日期 read as the 发放月份), in the summary's words. */
  caveats?: string[];
  /** A hidden worksheet, read like any other: its rows are data nobody sees when opening the workbook. */
  hidden?: boolean;
  /** Rows hidden in the sheet (by hand, or filtered out), read like any other: how many, and the first few lines. */
  hiddenRows?: RowTally;
  /** Rows whose every filled cell is struck through, read like any other: how many, and the first few lines. */
  struckRows?: RowTally;
  /** Other rows whose name or ID cell is struck through (a member crossed out by the name alone), read like any other. */
  struckNameRows?: RowTally;
  /** Columns where the sheet wrote 同上 or 〃, read as the value above (ditto-fill.ts). */
  dittoMarks?: DittoCount[];
  /** A 发放表 without 发放月份: the month its title or file name states, read for every row (stated-month.ts). */
  statedMonth?: StatedMonth;
  skippedReason?: string;
}

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
async function openSheets(input: InputFile, report: FileReport): Promise<{ sheets: AsyncIterable<RawSheet> | RawSheet[]; csv?: CsvFileInfo }> {
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
  const misses: HeaderMiss[] = [];

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
    const candidates = sheetCandidates(input, leading.rows);
    const search = withDepositListMonth(withStatedMonth(
      locateHeader(leading.rows, candidates, input.options.headerRow, input.options.columns), candidates, titleRows, sheet.sheet, input.name,
    ), titleRows, sheet.sheet, input.name);
    if (!search.found) {
      await drain(rows);
      const reason = search.ambiguous.length > 1
        ? `表头同时符合多个数据集（${search.ambiguous.join('、')}），无法判断；请在文件名中写明或用 sweep.json 指定`
        : leading.rows.length === 0 ? '没有内容' : `前 ${HEADER_SEARCH_ROWS} 行中找不到可识别的表头`;
      report.sheets.push({ sheet: sheet.sheet, rowsRead: 0, shapeRejected: 0, blankRows: leading.blankLines.length, columns: [], skippedReason: reason });
      misses.push({
        sheet: sheet.sheet, header: search.closest, ambiguous: search.ambiguous.length > 1, statedMonths: search.statedMonths,
        headerRow: input.options.headerRow, rowsSearched: leading.rows.length,
      });
      continue;
    }
    const landed = csv && options.csvReader !== 'careful'
      ? await landCsvInDuckDb(connection, input, csv, search.header, leading, rows)
      : null;
    if (input.format === 'csv') report.reader = landed ? 'duckdb' : 'careful';
    const read = landed ?? await writeSheet(connection, input, sheet.sheet, search.header, leading, rows);
    report.sheets.push(sheet.hidden ? { ...read, hidden: true } : read);
  }

  const datasetsRead = new Set(report.sheets.flatMap((s) => (s.dataset ? [s.dataset] : [])));
  if (datasetsRead.size > 0) {
    // A sheet that reads as one more part of a list read here is refused, not skipped: its persons would go unchecked.
    const nearMiss = misses.find((miss) => isNearMiss(miss, datasetsRead));
    if (nearMiss) throw missingColumnsError(input, nearMiss, nearMiss.header!.match.dataset);
    return report;
  }
  if (decided) throw missingColumnsError(input, closestMiss(misses));
  report.skippedReason = report.sheets.map((s) => (s.sheet ? `工作表「${s.sheet}」：${s.skippedReason}` : s.skippedReason)).join('；') || '文件为空';
  return report;
}

/**
 * The datasets a workbook's sheet may be. Its file name decides only as far as its sheets' headers agree: a township's
 * 低保核查数据.xlsx often holds the roll beside a 死亡人员, 发放明细 or 车辆信息 sheet. A sheet whose header is none of the
 * named datasets', nor comes near one (isNearMiss: a part of the named list missing a column is still refused), is read
 * as the one dataset its header fits; until 2026-12-06 it was skipped (找不到可识别的表头, exit 0) and its deaths,
 * payments and cars were never looked at. A CSV named for a dataset, and a manifest's choice, stand as written.
 */
function sheetCandidates(input: InputFile, leadingRows: readonly RawRow[]): DatasetName[] | 'any' {
  const { candidates, options } = input;
  if (input.format !== 'xlsx' || input.classifiedBy !== 'file-name' || candidates === 'any') return candidates;
  const named = locateHeader(leadingRows, candidates, options.headerRow, options.columns);
  if (named.found) return candidates;
  const miss = { sheet: undefined, header: named.closest, ambiguous: named.ambiguous.length > 1, rowsSearched: leadingRows.length };
  if (isNearMiss(miss, new Set(candidates))) return candidates;
  const byHeader = locateHeader(leadingRows, 'any', options.headerRow, options.columns);
  return byHeader.found ? [byHeader.header.match.dataset] : candidates;
}

interface LeadingRows {
  rows: RawRow[];
  /** Lines of the blank rows among them (before and after the header). */
  blankLines: number[];
}

/** The header's columns and the ones every row is given (a 发放表's or an undated deposits list's stated month): what the sheet holds. */
function sheetColumns(header: LocatedHeader): { columns: string[]; constants: Map<string, string> } {
  const { match, statedMonth } = header;
  const constants = new Map([...(statedMonth ? [['month', statedMonth.month] as [string, string]] : []), ...listMonthConstants(header)]);
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

async function drain(rows: AsyncIterator<RawRow>): Promise<void> {
  for (let next = await rows.next(); !next.done; next = await rows.next());
}

/** The CSV read by DuckDB when it reads it exactly as the careful reader would; null leaves it to writeSheet. */
async function landCsvInDuckDb(
  connection: DuckDBConnection,
  input: InputFile,
  layout: CsvFileInfo,
  header: LocatedHeader,
  leading: LeadingRows,
  rows: AsyncIterator<RawRow>,
): Promise<SheetReport | null> {
  const { match, row: headerRow, statedMonth } = header;
  if (match.duplicated.length > 0 || match.otherUnit.length > 0) return null;
  const { columns, constants } = sheetColumns(header);
  const counts = await loadCsvInDuckDb(connection, {
    path: input.path, file: input.name, encoding: layout.encoding, bomLength: layout.bomLength, delimiter: layout.delimiter,
    dataset: match.dataset, match, constants, headerLine: headerRow.line, headerFields: headerRow.cells.length, headerWidth: lastFilledIndex(headerRow.cells) + 1,
  });
  if (!counts) return null;
  await rows.return?.();
  return {
    sheet: undefined, dataset: match.dataset, headerLine: headerRow.line, columns, ...headerRemarks(match), ...(statedMonth ? { statedMonth } : {}),
    // DuckDB read every line after the header again, blank ones included: count only the blanks above the header here.
    rowsRead: counts.rowsRead, shapeRejected: counts.shapeRejected, blankRows: leading.blankLines.filter((line) => line < headerRow.line).length + counts.blankRows,
  };
}

async function writeSheet(
  connection: DuckDBConnection,
  input: InputFile,
  sheetName: string | undefined,
  header: LocatedHeader,
  leading: LeadingRows,
  rest: AsyncIterator<RawRow>,
): Promise<SheetReport> {
  const { match, row: headerRow, statedMonth } = header;
  if (match.duplicated.length > 0) {
    const { column, headers } = match.duplicated[0]!;
    throw new InputError(
      { file: input.name, sheet: sheetName, line: headerRow.line, column: headers.join('、') },
      `表头重复：${headers.map((h) => `「${h}」`).join('和')}都对应 ${describeColumn(column)}，无法判断用哪一列 (duplicated header)`,
      '请删除或改名其中一列后再扫描。',
    );
  }
  if (match.otherUnit.length > 0) throw otherUnitError({ file: input.name, sheet: sheetName, line: headerRow.line }, match.otherUnit);
  const { columns, constants } = sheetColumns(header);
  const report: SheetReport = {
    sheet: sheetName, dataset: match.dataset, headerLine: headerRow.line,
    rowsRead: 0, shapeRejected: 0, blankRows: leading.blankLines.length, columns, ...headerRemarks(match), ...(statedMonth ? { statedMonth } : {}),
  };
  // Cells past the header in a CSV row mean an unquoted delimiter shifted the values: refuse the row.
  const headerWidth = input.format === 'csv' ? lastFilledIndex(headerRow.cells) + 1 : Infinity;
  const fieldLimit = input.format === 'csv' ? usualFieldCount(headerRow, leading.rows) : Infinity;
  const rejects: ShapeReject[] = [];
  const writer = await RawRowWriter.open(connection, match.dataset, match.columnIndex, constants);
  const nameCells = personCells(match);
  const months = monthColumns(match);
  const csvMonths = input.format === 'csv' ? new CsvMonthDoubts(months) : undefined;
  try {
    const take = (row: RawRow) => {
      const lastFilled = lastFilledIndex(row.cells);
      if (lastFilled < 0) { // blank (isBlankRow), found with the index the shape test needs
        report.blankRows++;
        return;
      }
      report.rowsRead++;
      if (row.hidden) report.hiddenRows = tally(report.hiddenRows, row.line);
      if (row.struck) report.struckRows = tally(report.struckRows, row.line);
      else if (row.struckCells?.some((cell) => nameCells.has(cell))) report.struckNameRows = tally(report.struckNameRows, row.line);
      const shifted = lastFilled >= headerWidth ? `本行有 ${lastFilled + 1} 列，多于表头的 ${headerWidth} 列`
        : row.cells.length > fieldLimit ? `本行有 ${row.cells.length} 个字段，多于表头和本文件其他行的 ${fieldLimit} 个` : null;
      if (shifted) {
        report.shapeRejected++;
        rejects.push({
          dataset: match.dataset, file: input.name, sheet: sheetName, line: row.line,
          reason: `${shifted}（可能有未加引号的逗号），各列无法对应`, rawRow: rowText(row.cells),
        });
        return;
      }
      csvMonths?.see(row.cells);
      writer.append(withDoubtfulMonths(row.cells, row.doubtfulMonthCells, months), input.name, sheetName, row.line, rowText(row.cells));
    };
    for (const row of leading.rows) if (row.line > headerRow.line) take(row);
    for (let next = await rest.next(); !next.done; next = await rest.next()) take(next.value);
  } finally {
    writer.close();
  }
  const inDoubt = (csvMonths?.inDoubt() ?? []).filter((column) => !constants.has(column));
  await markCsvMonthsInDoubt(connection, rawTable(match.dataset), inDoubt, input.name);
  await insertShapeRejects(connection, rejects);
  const dittoMarks = writer.dittoMarks();
  return dittoMarks.length > 0 ? { ...report, dittoMarks } : report;
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

/** Rows of one kind a sheet holds (hidden, struck through): how many, and the first few lines, which a warning names. */
export interface RowTally {
  count: number;
  lines: number[];
}

/** How many of the rows a warning names by their lines, before 等. */
export const LINES_NAMED = 5;

/** The lines a warning names: 第 4、5 行, or 第 2、3、4、5、6 行 等 when there are more. */
export function linesNamed(rows: RowTally): string {
  return `第 ${rows.lines.join('、')} 行${rows.count > rows.lines.length ? ' 等' : ''}`;
}

function tally(sofar: RowTally | undefined, line: number): RowTally {
  const rows = sofar ?? { count: 0, lines: [] };
  if (rows.count++ < LINES_NAMED) rows.lines.push(line);
  return rows;
}

/** The cells (0-based) that name the row's persons: every name and ID column the header maps (a business's 法定代表人 and 经营者). */
function personCells(match: HeaderMatch): Set<number> {
  const columns = datasetSpec(match.dataset).columns.filter((column) => column.kind === 'name' || column.kind === 'id');
  return new Set(columns.flatMap((column) => (match.columnIndex.has(column.name) ? [match.columnIndex.get(column.name)!] : [])));
}

/** The row as one line of text, every cell included, for rejects and footer detection. */
function rowText(cells: readonly Cell[]): string {
  return cells.map((c) => c ?? '').join(',');
}
