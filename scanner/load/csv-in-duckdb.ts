// The fast way in for a CSV: DuckDB's parallel reader lands the rows, then SQL maps, counts and refuses them
// exactly as the careful JS reader would. Whenever DuckDB could read the file differently from that reader
// (blank lines, quoted line breaks, ragged rows, bad bytes), this returns null and the careful reader takes over.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { DatasetName } from '../datasets/catalog.ts';
import type { HeaderMatch } from '../datasets/headers.ts';
import { MAX_RECORD_CHARS } from '../read/csv-reader.ts';
import { countLineFeeds } from '../read/count-lines.ts';
import type { TextEncoding } from '../read/detect-encoding.ts';
import { transcodeToUtf8 } from '../read/transcode-to-utf8.ts';
import { quoteIdentifier as q, sqlString } from '../sql-text.ts';
import { rawTable } from './raw-tables.ts';

export interface CsvInDuckDb {
  path: string;
  /** The file's name as reports show it. */
  file: string;
  encoding: TextEncoding;
  bomLength: number;
  delimiter: string;
  dataset: DatasetName;
  match: HeaderMatch;
  /** Physical line of the header; data starts on the next line. */
  headerLine: number;
  /** Fields in the header record, filled or not. */
  headerFields: number;
  /** Fields up to the header's last filled one: a filled cell past it shifts the row (refused). */
  headerWidth: number;
}

export interface CsvCounts {
  rowsRead: number;
  shapeRejected: number;
  blankRows: number;
}

const STAGE = 'csv_stage';
const cell = (index: number) => `c${index}`;
/**
 * Blank as isBlankRow means it: nothing but what JavaScript's String.trim removes (U+3000 and U+FEFF among it).
 * A regular expression, because DuckDB's trim with a character list is ten times slower.
 */
const NOT_JS_WHITESPACE = `'[^\\t\\n\\x0b\\f\\r \\x{00a0}\\x{1680}\\x{2000}-\\x{200a}\\x{2028}\\x{2029}\\x{202f}\\x{205f}\\x{3000}\\x{feff}]'`;
const blank = (expression: string) => `(${expression} IS NULL OR NOT regexp_matches(${expression}, ${NOT_JS_WHITESPACE}))`;

export async function loadCsvInDuckDb(connection: DuckDBConnection, csv: CsvInDuckDb): Promise<CsvCounts | null> {
  if (csv.delimiter.length !== 1 || csv.delimiter === '"') return null;
  const transcoded = csv.encoding === 'utf-8' ? null : await transcodeToUtf8(csv.path, csv.encoding, csv.bomLength);
  if (csv.encoding !== 'utf-8' && !transcoded) return null;
  try {
    const path = transcoded?.path ?? csv.path;
    // Counting runs on Node's thread while DuckDB's threads parse.
    const lines = countLineFeeds(path);
    const staged = await stage(connection, path, csv);
    const { lineFeeds, endsWithLineFeed, hasReplacementCharacter } = await lines;
    if (!staged || hasReplacementCharacter) return null;
    // Every physical line after the header is one row: no blank line skipped, no quoted line break, so line = header + row.
    const expectedRows = lineFeeds - csv.headerLine + (endsWithLineFeed ? 0 : 1);
    const rows = Number((await connection.runAndReadAll(`SELECT count(*)::BIGINT FROM ${STAGE}`)).getRows()[0]![0]);
    if (rows !== expectedRows) return null;
    return await landRows(connection, csv, rows);
  } finally {
    await connection.run(`DROP TABLE IF EXISTS ${STAGE}`);
    await transcoded?.remove();
  }
}

async function stage(connection: DuckDBConnection, path: string, csv: CsvInDuckDb): Promise<boolean> {
  const columns = Array.from({ length: csv.headerFields }, (_, i) => `${sqlString(cell(i))}: 'VARCHAR'`).join(', ');
  try {
    // insertion order is kept (DuckDB's default), so rowid is the row's position after the header.
    await connection.run(`
      CREATE OR REPLACE TEMP TABLE ${STAGE} AS
      SELECT * FROM read_csv(${sqlString(path)}, header = false, skip = ${csv.headerLine}, auto_detect = false,
        columns = {${columns}}, all_varchar = true, delim = ${sqlString(csv.delimiter)}, quote = '"', escape = '"',
        strict_mode = true, null_padding = false, max_line_size = ${MAX_RECORD_CHARS})`);
    return true;
  } catch {
    // Any row DuckDB refuses (wrong field count, stray quote, invalid UTF-8, a line too long) is for the careful reader to name.
    return false;
  }
}

/** The row as the careful reader keeps it: every cell, empty ones as '', joined by commas. */
function rawRowText(fields: number): string {
  return `concat_ws(',', ${Array.from({ length: fields }, (_, i) => `coalesce(${cell(i)}, '')`).join(', ')})`;
}

async function landRows(connection: DuckDBConnection, csv: CsvInDuckDb, rows: number): Promise<CsvCounts> {
  const all = Array.from({ length: csv.headerFields }, (_, i) => i);
  const blankRow = all.map((i) => blank(cell(i))).join(' AND ');
  const past = all.filter((i) => i >= csv.headerWidth);
  const shifted = past.length ? `(${past.map((i) => `NOT ${blank(cell(i))}`).join(' OR ')})` : 'false';
  const filledFields = `CASE ${[...all].reverse().map((i) => `WHEN NOT ${blank(cell(i))} THEN ${i + 1}`).join(' ')} ELSE 0 END`;
  const line = `(${csv.headerLine} + 1 + rowid)::INTEGER`;
  const rawRow = rawRowText(csv.headerFields);
  const target = [...csv.match.columnIndex.keys()];
  const landed = await connection.run(
    `INSERT INTO ${rawTable(csv.dataset)} (${target.map(q).join(', ')}, _file, _sheet, _line, _raw_row)
     SELECT ${target.map((column) => cell(csv.match.columnIndex.get(column)!)).join(', ')}, $file, NULL, ${line}, ${rawRow}
     FROM ${STAGE} WHERE NOT (${blankRow}) AND NOT ${shifted}`,
    { file: csv.file },
  );
  const refused = await connection.run(
    `INSERT INTO load_rejects (dataset, _file, _sheet, _line, kind, column_name, raw_value, reason, raw_row)
     SELECT $dataset, $file, NULL, ${line}, 'shape', NULL, NULL,
            '本行有 ' || ${filledFields} || ' 列，多于表头的 ${csv.headerWidth} 列（可能有未加引号的逗号），各列无法对应', ${rawRow}
     FROM ${STAGE} WHERE NOT (${blankRow}) AND ${shifted}`,
    { dataset: csv.dataset, file: csv.file },
  );
  // Every row is landed, refused as shifted, or blank: the blanks are what the two inserts did not take.
  const landedRows = Number(landed.rowsChanged);
  const shapeRejected = Number(refused.rowsChanged);
  return { rowsRead: landedRows + shapeRejected, shapeRejected, blankRows: rows - landedRows - shapeRejected };
}
