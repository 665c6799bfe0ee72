// Once the inputs are loaded, the scan needs no file access from DuckDB: every check (built-in or custom) runs
// with external access disabled and the configuration locked, so no check SQL can read, write, attach or install.
// The ledger stays writable (it is attached before), and outputs are written by JavaScript.
import type { DuckDBConnection } from '@duckdb/node-api';

export async function lockDownDatabase(connection: DuckDBConnection): Promise<void> {
  await connection.run(`SET enable_external_access = false`);
  await connection.run(`SET lock_configuration = true`);
}
