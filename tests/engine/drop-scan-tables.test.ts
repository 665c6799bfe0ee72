// Once the run is in the ledger the scan's own tables are dropped; the ledger's, and a connection's temporary tables, are not touched.
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { dropScanTables } from '../../scanner/drop-scan-tables.ts';
import { tempFolder } from '../support/temp-folder.ts';

describe('dropScanTables', () => {
  it('drops every table of the in-memory scan database, in every schema, and nothing of the attached ledger', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    try {
      await connection.run(`ATTACH '${join(await tempFolder(), 'ledger.duckdb')}' AS ledger`);
      await connection.run('CREATE TABLE ledger.findings AS SELECT 1 AS finding');
      await connection.run('CREATE TABLE roll AS SELECT range AS person FROM range(1000)');
      await connection.run('CREATE TABLE "load rejects" (reason VARCHAR)');
      await connection.run('CREATE SCHEMA staging');
      await connection.run('CREATE TABLE staging.stage_1 (c0 VARCHAR)');
      await connection.run('CREATE VIEW active_roll AS SELECT * FROM roll');
      await connection.run('CREATE TEMP TABLE check_result AS SELECT 1 AS subject');

      await dropScanTables(connection);

      const tables = (await connection.runAndReadAll(
        `SELECT database_name || '.' || schema_name || '.' || table_name FROM duckdb_tables() ORDER BY ALL`,
      )).getRows().map(([name]) => name);
      expect(tables).toEqual(['ledger.main.findings', 'temp.main.check_result']);
      expect((await connection.runAndReadAll('SELECT finding FROM ledger.findings')).getRows()).toEqual([[1]]);
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });
});
