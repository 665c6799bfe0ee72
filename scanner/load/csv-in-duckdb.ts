// The fast way in for a CSV: DuckDB's parallel reader lands the rows, then SQL maps, counts and refuses them
// exactly as the careful JS reader would. Whenever DuckDB could read the file differently from that reader
// (blank lines, quoted line breaks, ragged rows, bad bytes), or a cell says 同上 (the value above: ditto-fill.ts) or
// holds a month in doubt (2026.1: doubtful-months.ts), this returns null and the careful reader takes over.
import type { DuckDBConnection } from '@duckdb/node-api';
import { datasetSpec, type DatasetName } from '../datasets/catalog.ts';
import type { HeaderMatch } from '../datasets/headers.ts';
import { MAX_RECORD_CHARS } from '../read/csv-reader.ts';
import { countLineFeeds } from '../read/count-lines.ts';
import type { TextEncoding } from '../read/detect-encoding.ts';
import { transcodeToUtf8 } from '../read/transcode-to-utf8.ts';
import { sqlString } from '../sql-text.ts';
import { carriesDown, dittoMarkSql, readsDittoMarks } from './ditto-fill.ts';
import { DOT_ONE_SQL, DOT_TEN_SQL, monthColumns } from './doubtful-months.ts';
import { stagedRepeatedHeaders } from './header-blocks.ts';
import { dropStageTables, newStageTable, registerStage, skipTable, stageCell, stagedRowText } from './raw-rows.ts';

export interface CsvInDuckDb {
  path: string;
  /** The file's name as reports show it. */
  file: string;
  encoding: TextEncoding;
  bomLength: number;
  delimiter: string;
  dataset: DatasetName;
  match: HeaderMatch;
  /** Columns every row is given (a 发放表's stated month). */
  constants: ReadonlyMap<string, string>;
  /** Physical line of the header; data starts on the next line. */
  headerLine: number;
  /** Fields in the header record, filled or not. */
  headerFields: number;
  /** Fields up to the header's last filled one: a filled cell past it shifts the row (refused). */
  headerWidth: number;
  /** sweep.json's "columns": a header below in another layout is matched as the first was. */
  columnOverrides?: Readonly<Record<string, string>>;
}

export interface CsvCounts {
  rowsRead: number;
  shapeRejected: number;
  blankRows: number;
}

/** Any character but those JavaScript's String.trim removes (U+3000 and U+FEFF among them). */
const NOT_JS_WHITESPACE = `'[^\\t\\n\\x0b\\f\\r \\x{00a0}\\x{1680}\\x{2000}-\\x{200a}\\x{2028}\\x{2029}\\x{202f}\\x{205f}\\x{3000}\\x{feff}]'`;

/**
 * Blank as isBlankRow means it: NULL, or nothing but what String.trim removes. A regular expression, because DuckDB's
 * trim with a character list is ten times slower; and only for a cell whose first character might be such a space:
 * ASCII ! to ~, and U+3400 up but U+FEFF, never are, and nearly every filled cell opens so. The staged rows' blank
 * test ran the regexp on each row's first cell (B1M's payments, one thread: 0.37–0.49 s, now 0.20 s).
 */
export function jsBlank(expression: string): string {
  const first = `ascii(${expression})`;
  return `(CASE WHEN ${expression} IS NULL THEN true WHEN ${first} BETWEEN 33 AND 126 OR (${first} >= 13312 AND ${first} <> 65279) THEN false
    ELSE NOT regexp_matches(${expression}, ${NOT_JS_WHITESPACE}) END)`;
}

/** Stages the file (read later through raw_rows_<dataset>) and counts its rows; null when the careful reader must read it. */
export async function loadCsvInDuckDb(connection: DuckDBConnection, csv: CsvInDuckDb): Promise<CsvCounts | null> {
  if (csv.delimiter.length !== 1 || csv.delimiter === '"') return null;
  const transcoded = csv.encoding === 'utf-8' ? null : await transcodeToUtf8(csv.path, csv.encoding, csv.bomLength);
  if (csv.encoding !== 'utf-8' && !transcoded) return null;
  const table = await newStageTable(connection);
  let landed = false;
  try {
    const path = transcoded?.path ?? csv.path;
    // Counting runs on Node's thread while DuckDB's threads parse.
    const fields = { afterLine: csv.headerLine, most: csv.headerFields, delimiter: csv.delimiter };
    const lines = countLineFeeds(path, { dittoMarks: readsDittoMarks(csv.dataset), fields });
    // Handled from the start, raised below: a read error while DuckDB parses must not end the process as an unhandled rejection.
    lines.catch(() => {});
    const staged = await stage(connection, table, path, csv);
    const { lineFeeds, endsWithLineFeed, hasReplacementCharacter, mayHoldDittoMark, longRowLine } = await lines;
    // A row with a field more than the header, its last one empty, DuckDB read short: the careful reader refuses it as shifted.
    if (!staged || hasReplacementCharacter || longRowLine !== undefined) return null;
    // Every physical line after the header is one row: no blank line skipped, no quoted line break, so line = header + row.
    const expectedRows = lineFeeds - csv.headerLine + (endsWithLineFeed ? 0 : 1);
    const [rowCount, dittoMarks, monthsInDoubt] = (await connection.runAndReadAll(
      `SELECT count(*)::BIGINT, ${mayHoldDittoMark ? anyDittoMark(csv) : 'false'}, ${anyMonthInDoubt(csv)} FROM ${table}`,
    )).getRows()[0]!;
    const rows = Number(rowCount);
    // A 同上 is read as the value above, row by row, and a month in doubt written with why, its row's text kept as it
    // was: the careful reader does that.
    if (rows !== expectedRows || dittoMarks === true || monthsInDoubt === true) return null;
    // Lists pasted one after another, a block under a header in another layout: read block by block (header-blocks.ts).
    // A header repeated in the same layout stays DuckDB's: its rowids are non-data rows (raw-rows.ts).
    const repeatedHeaders = await stagedRepeatedHeaders(connection, table, csv);
    if (!repeatedHeaders) return null;
    const counts = await sortOutRows(connection, table, csv, rows, repeatedHeaders);
    landed = true;
    return counts;
  } finally {
    if (!landed) await dropStageTables(connection, table);
    await transcoded?.remove();
  }
}

/** Whether a month column's 2026.1 is in doubt (doubtful-months.ts): one is written, and no month as 2025.10. LIKE first, being cheap. */
function anyMonthInDoubt(csv: CsvInDuckDb): string {
  const cells = [...monthColumns(csv.match)].flatMap(([cell, column]) => (csv.constants.has(column) ? [] : [stageCell(cell)]));
  const inDoubt = (cell: string) => `(bool_or(${cell} LIKE '%.1%' AND regexp_full_match(${cell}, ${DOT_ONE_SQL}))
    AND NOT coalesce(bool_or(${cell} LIKE '%.10%' AND regexp_full_match(${cell}, ${DOT_TEN_SQL})), false))`;
  return cells.length > 0 ? `coalesce(${cells.map(inDoubt).join(' OR ')}, false)` : 'false';
}

/** Whether a cell of a column where 同上 means the value above (ditto-fill.ts) holds such a mark. */
function anyDittoMark(csv: CsvInDuckDb): string {
  const spec = datasetSpec(csv.dataset);
  const carries = carriesDown(spec);
  const cells = spec.columns.flatMap((c, i) => (carries[i] && csv.match.columnIndex.has(c.name) ? [stageCell(csv.match.columnIndex.get(c.name)!)] : []));
  return cells.length > 0 ? `bool_or(${cells.map(dittoMarkSql).join(' OR ')})` : 'false';
}

async function stage(connection: DuckDBConnection, table: string, path: string, csv: CsvInDuckDb): Promise<boolean> {
  const columns = Array.from({ length: csv.headerFields }, (_, i) => `${sqlString(stageCell(i))}: 'VARCHAR'`).join(', ');
  try {
    // insertion order is kept (DuckDB's default), so rowid is the row's position after the header.
    await connection.run(`
      CREATE TABLE ${table} AS
      SELECT * FROM read_csv(${sqlString(path)}, header = false, skip = ${csv.headerLine}, auto_detect = false,
        columns = {${columns}}, all_varchar = true, delim = ${sqlString(csv.delimiter)}, quote = '"', escape = '"',
        strict_mode = true, null_padding = false, max_line_size = ${MAX_RECORD_CHARS})`);
    return true;
  } catch {
    // Any row DuckDB refuses (wrong field count, stray quote, invalid UTF-8, a line too long) is for the careful reader to name.
    // Running out of memory falls back too: the careful reader appends row by row, which may fit where read_csv's buffers
    // did not; if it runs out as well, the scan reports 内存不足.
    return false;
  }
}

/**
 * The staged rows stay where they are; the few that are not data are listed in the skip table: blank ones are
 * only counted, shifted ones (a filled cell past the header's last filled column) refused with their text.
 */
async function sortOutRows(connection: DuckDBConnection, table: string, csv: CsvInDuckDb, rows: number, repeatedHeaders: number[]): Promise<CsvCounts> {
  const all = Array.from({ length: csv.headerFields }, (_, i) => i);
  const blankRow = all.map((i) => jsBlank(stageCell(i))).join(' AND ');
  const past = all.filter((i) => i >= csv.headerWidth);
  const shifted = past.length ? `(${past.map((i) => `NOT ${jsBlank(stageCell(i))}`).join(' OR ')})` : 'false';
  const filledFields = `CASE ${[...all].reverse().map((i) => `WHEN NOT ${jsBlank(stageCell(i))} THEN ${i + 1}`).join(' ')} ELSE 0 END`;
  const firstLine = csv.headerLine + 1;
  await connection.run(`CREATE TABLE ${skipTable(table)} AS SELECT rowid AS row, ${blankRow} AS blank FROM ${table} WHERE (${blankRow}) OR ${shifted}`);
  const refused = await connection.run(
    `INSERT INTO load_rejects (dataset, _file, _sheet, _line, kind, column_name, raw_value, reason, raw_row)
     SELECT $dataset, $file, NULL, (${firstLine} + s.rowid)::INTEGER, 'shape', NULL, NULL,
            '本行有 ' || ${filledFields} || ' 列，多于表头的 ${csv.headerWidth} 列（可能有未加引号的逗号），各列无法对应', ${stagedRowText(csv.headerFields)}
     FROM ${table} s JOIN ${skipTable(table)} k ON k.row = s.rowid WHERE NOT k.blank`,
    { dataset: csv.dataset, file: csv.file },
  );
  const skippedRows = Number((await connection.runAndReadAll(`SELECT count(*)::BIGINT FROM ${skipTable(table)}`)).getRows()[0]![0]);
  await registerStage(connection, {
    table, dataset: csv.dataset, file: csv.file, firstLine, cellCount: csv.headerFields, columns: csv.match.columnIndex, constants: csv.constants, skippedRows,
    repeatedHeaders,
  });
  // Every row is landed, refused as shifted, or blank.
  const shapeRejected = Number(refused.rowsChanged);
  return { rowsRead: rows - skippedRows + shapeRejected, shapeRejected, blankRows: skippedRows - shapeRejected };
}
