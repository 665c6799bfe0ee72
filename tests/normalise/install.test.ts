// installNormalisationMacros: idempotent, connection-scoped, and installs every macro the loader calls.
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { installNormalisationMacros } from '../../scanner/normalise/index.ts';

const LOADER_MACROS = [
  'rs_text', 'rs_code', 'rs_id_parse', 'rs_date', 'rs_month', 'rs_cents', 'rs_number',
  'rs_name', 'rs_name_key', 'rs_program', 'rs_roll_status', 'rs_yes', 'rs_is_head',
];

describe('installNormalisationMacros', () => {
  it('can run twice on one connection, installing every loader macro as a temporary macro', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    try {
      await installNormalisationMacros(connection);
      await installNormalisationMacros(connection);
      const rows = (await connection.runAndReadAll(`
        SELECT DISTINCT function_name, database_name FROM duckdb_functions()
         WHERE function_type = 'macro' AND function_name LIKE 'rs\\_%' ESCAPE '\\'`)).getRowObjectsJson();
      const installed = new Map(rows.map((row) => [String(row.function_name), row.database_name]));
      for (const name of LOADER_MACROS) expect(installed.get(name), name).toBe('temp');
      const result = await connection.runAndReadAll("SELECT rs_text(' 东关村 ') AS village");
      expect(result.getRowObjectsJson()).toEqual([{ village: '东关村' }]);
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });

  it('leaves other connections untouched (the macros are temporary)', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const installed = await instance.connect();
    const other = await instance.connect();
    try {
      await installNormalisationMacros(installed);
      await expect(other.run("SELECT rs_text('x')")).rejects.toThrow(/rs_text/);
    } finally {
      installed.closeSync();
      other.closeSync();
      instance.closeSync();
    }
  });
});
