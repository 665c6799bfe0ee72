// Drops the in-memory scan database's tables once the run is in the ledger, beside the workbooks Node's thread writes.
import type { DuckDBConnection } from '@duckdb/node-api';
import { quoteIdentifier as q } from './sql-text.ts';

/**
 * The scan database is thrown away when the scan ends, and nothing after the run's commit reads it (the exports read
 * the ledger). Closed with its tables still held, DuckDB handed their memory back to the system and deleted their
 * spilled blocks on Node's thread after the last workbook: 1.1–2.1 s at a million persons (perf: munmap, madvise,
 * the spill file's pages). Dropped on a connection Node's thread does not wait for, the same tables took 0.2–0.4 s
 * beside the workbooks, and the close 0.1–0.4 s. Temporary tables go with the connection that made them.
 */
export async function dropScanTables(connection: DuckDBConnection): Promise<void> {
  const tables = await connection.runAndReadAll(
    `SELECT schema_name, table_name FROM duckdb_tables() WHERE database_name = current_database() AND NOT temporary`,
  );
  for (const [schema, table] of tables.getRows()) await connection.run(`DROP TABLE IF EXISTS ${q(String(schema))}.${q(String(table))}`);
}
