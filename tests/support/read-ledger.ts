// Reads a ledger file as another program would, read-only and without rollsweep's code in between.
import { DuckDBInstance } from '@duckdb/node-api';

export async function readLedgerRows(ledger: string, sql: string): Promise<Record<string, unknown>[]> {
  const instance = await DuckDBInstance.create(ledger, { access_mode: 'READ_ONLY' });
  const connection = await instance.connect();
  try {
    return (await connection.runAndReadAll(sql)).getRowObjectsJson();
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
