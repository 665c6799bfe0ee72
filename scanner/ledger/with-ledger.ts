// Opens the ledger for a ledger command (export, import, set, show) and closes it whatever happens.
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { attachLedger } from './open-ledger.ts';

export async function withLedger<T>(ledgerPath: string, work: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await attachLedger(connection, ledgerPath, { mustExist: true });
    return await work(connection);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
