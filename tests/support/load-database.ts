// The load tests' database: one in-memory DuckDB per test file, open from beforeAll to afterAll, and the loader run
// into it over a fresh folder of files.
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll } from 'vitest';
import { loadInputs, type LoadResult } from '../../scanner/load/load-inputs.ts';
import { tempFolderWith } from './temp-folder.ts';

export function loadDatabase() {
  let instance: DuckDBInstance;
  let connection: DuckDBConnection;
  beforeAll(async () => {
    instance = await DuckDBInstance.create(':memory:');
    connection = await instance.connect();
  });
  afterAll(() => {
    connection.closeSync();
    instance.closeSync();
  });
  return {
    connection: () => connection,
    /** A query's rows as JSON objects. */
    rows: async (sql: string) => (await connection.runAndReadAll(sql)).getRowObjectsJson(),
    /** Loads `files` (name → content), written to a fresh temporary folder. */
    loadFolder: async (files: Record<string, string | Buffer>): Promise<LoadResult> => loadInputs(connection, await tempFolderWith(files)),
  };
}
