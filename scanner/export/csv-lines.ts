// CSV written from a query: DuckDB formats each record as one line (quoting per RFC 4180, formula-safe where asked),
// JavaScript only streams the lines to an owner-only file. No COPY … TO: a scan runs with DuckDB's file access off.
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
import { writeWhole } from './output-folder.ts';

/** Macros the line builders use: csv_field quotes when needed; csv_safe also defuses spreadsheet formulas. */
export const CSV_MACROS = [
  `CREATE OR REPLACE MACRO csv_field(value) AS
     CASE WHEN value IS NULL THEN ''
          WHEN regexp_matches(value::VARCHAR, '[",\\r\\n]') THEN '"' || replace(value::VARCHAR, '"', '""') || '"'
          ELSE value::VARCHAR END`,
  // A spreadsheet would run a cell starting with = + - @ tab or CR as a formula: prefix it with ' (quality-bars.md).
  `CREATE OR REPLACE MACRO csv_safe(value) AS
     CASE WHEN regexp_matches(value, '^[=+\\-@\\t\\r]') THEN '''' || value ELSE value END`,
];

/**
 * Writes `header` and then one line per row of `select`, which must return a single VARCHAR column `line`
 * (build it with concat_ws(',', csv_field(a), csv_field(b), …)), whole or not at all (writeWhole). Returns the number
 * of rows written.
 */
export async function writeCsvLines(
  connection: DuckDBConnection, path: string, header: readonly string[], select: string, params: Record<string, DuckDBValue> = {},
): Promise<number> {
  for (const macro of CSV_MACROS) await connection.run(macro);
  let rows = 0;
  async function* lines(): AsyncGenerator<string> {
    yield `${header.join(',')}\n`;
    // Run to the end before the first line, not streamed: @duckdb/node-api (1.5.6) ends a streamed result that fails
    // part-way (out of memory, a bad value) exactly like one that is done, so a stream wrote part of findings.csv without
    // a word. A run's findings are a few megabytes at a million persons.
    const result = await connection.run(select, params);
    for await (const chunk of result.yieldRows()) {
      rows += chunk.length;
      yield chunk.map((row) => `${String(row[0] ?? '')}\n`).join('');
    }
  }
  // pipeline waits for the disk (back-pressure) and ends in the first error, the file's (a full disk) or the query's.
  await writeWhole(path, '文件', (partial) => pipeline(lines(), createWriteStream(partial, { mode: 0o600 })));
  return rows;
}
