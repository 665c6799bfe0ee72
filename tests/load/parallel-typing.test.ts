// A scan reads its files (workbooks on one connection, CSV and Parquet files on the other) and types datasets on two
// connections at once: the typed tables and the refused rows must be exactly what one connection produces, and no
// stage, view or map may be left behind. So must it where a third connection installs the macros for the whole
// database while the others read (as a scan does).
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { DATASETS } from '../../scanner/datasets/catalog.ts';
import { loadInputs } from '../../scanner/load/load-inputs.ts';

const SAMPLE = new URL('../../sample-data/demo-township', import.meta.url).pathname;

async function loadSample(moreConnections: number, { macrosOfTheDatabase = false } = {}) {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const more = await Promise.all(Array.from({ length: moreConnections }, () => instance.connect()));
  const macroConnection = macrosOfTheDatabase ? await instance.connect() : undefined;
  try {
    const result = await loadInputs(connection, SAMPLE, { moreConnections: more, macroConnection });
    const rows = async (sql: string) => (await connection.runAndReadAll(sql)).getRowsJson();
    const tables: Record<string, unknown> = {};
    // Sorted: a typed table's row order is whatever DuckDB's joins leave, and no check may depend on it.
    for (const dataset of DATASETS) tables[dataset.name] = await rows(`SELECT * FROM "${dataset.name}" ORDER BY _file, _sheet, _line`);
    return {
      datasets: result.datasets,
      tables,
      rejects: await rows('SELECT * FROM load_rejects ORDER BY ALL'),
      leftOver: await rows(`SELECT table_name FROM duckdb_tables() WHERE table_name LIKE 'raw%' OR table_name LIKE 'stage\\_%' ESCAPE '\\' OR table_name LIKE 'map_%'
                            UNION ALL SELECT view_name FROM duckdb_views() WHERE view_name LIKE 'raw_rows%'`),
      staged: await rows('SELECT count(*) FROM staged_files'),
      macrosIn: await rows(`SELECT DISTINCT database_name FROM duckdb_functions() WHERE function_name = 'rs_text'`),
    };
  } finally {
    macroConnection?.closeSync();
    for (const extra of more) extra.closeSync();
    connection.closeSync();
    instance.closeSync();
  }
}

describe('reading files and typing datasets on several connections at once', () => {
  it('gives the same typed rows and the same refused rows as one connection', async () => {
    const alone = await loadSample(0);
    const together = await loadSample(1);
    expect(together).toEqual(alone);
    expect(Object.values(alone.tables).every((rows) => (rows as unknown[]).length > 0)).toBe(true);
    expect((alone.rejects as unknown[]).length).toBeGreaterThan(0);
    expect(alone.macrosIn).toEqual([['temp']]);
  });

  it('gives the same rows again where the macros are the database\'s, installed once on a connection of their own', async () => {
    const alone = await loadSample(0);
    const shared = await loadSample(1, { macrosOfTheDatabase: true });
    expect(shared.macrosIn).toEqual([['memory']]);
    expect({ ...shared, macrosIn: [] }).toEqual({ ...alone, macrosIn: [] });
  });

  it('reports a macro install that fails while the files are read as the load\'s error, not as a crash', async () => {
    // The install fails at once (its connection is closed, as running out of memory under --memory-limit 5MB failed it)
    // while the read goes on: unhandled until the read ended, the rejection ended the process with exit 1.
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    const macroConnection = await instance.connect();
    macroConnection.closeSync();
    try {
      await expect(loadInputs(connection, SAMPLE, { macroConnection })).rejects.toThrow();
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });

  it('leaves no raw table, staged CSV, raw view or value map behind', async () => {
    const { leftOver, staged } = await loadSample(1);
    expect(leftOver).toEqual([]);
    expect(staged).toEqual([['0']]);
  });
});
