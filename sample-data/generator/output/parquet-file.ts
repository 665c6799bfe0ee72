// A Parquet file: rows stream to a temporary UTF-8 CSV that DuckDB then COPYs to Parquet (all columns VARCHAR).
import { rmSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import { CsvFile } from './csv-file.ts';

function sqlString(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

export class ParquetFile {
  private readonly staging: CsvFile;

  constructor(readonly path: string, header: readonly string[]) {
    this.staging = new CsvFile(`${path}.staging.csv`, 'utf8', header);
  }

  /** Writes one row and returns its 1-based data row number. */
  writeRow(cells: readonly (string | null)[]): number {
    return this.staging.writeRow(cells) - 1;
  }

  get lines(): number {
    return this.staging.lines - 1;
  }

  async close(): Promise<void> {
    this.staging.close();
    // One thread keeps row order and row groups identical from run to run (byte-identical output).
    const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
    const connection = await instance.connect();
    try {
      await connection.run(
        `COPY (SELECT * FROM read_csv(${sqlString(this.staging.path)}, header = true, all_varchar = true, ` +
          `delim = ',', quote = '"', escape = '"', strict_mode = false)) ` +
          `TO ${sqlString(this.path)} (FORMAT parquet, COMPRESSION zstd)`,
      );
    } finally {
      connection.closeSync();
      instance.closeSync();
      rmSync(this.staging.path, { force: true });
    }
  }
}
