// CSV written from a query: DuckDB formats each record as one line (quoting per RFC 4180, formula-safe where asked),
// JavaScript only streams the lines to an owner-only file. No COPY … TO: a scan runs with DuckDB's file access off.
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';

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
 * (build it with concat_ws(',', csv_field(a), csv_field(b), …)). Returns the number of rows written.
 */
export async function writeCsvLines(
  connection: DuckDBConnection, path: string, header: readonly string[], select: string, params: Record<string, DuckDBValue> = {},
): Promise<number> {
  for (const macro of CSV_MACROS) await connection.run(macro);
  const result = await connection.stream(select, params);
  const out = createWriteStream(path, { mode: 0o600 });
  let rows = 0;
  try {
    out.write(`${header.join(',')}\n`);
    for await (const chunk of result.yieldRows()) {
      const text = chunk.map((row) => `${String(row[0] ?? '')}\n`).join('');
      rows += chunk.length;
      if (!out.write(text)) await once(out, 'drain');
    }
  } finally {
    out.end();
    await once(out, 'close');
  }
  return rows;
}
