// Running out of --memory-limit must read as "内存不足" (exit 2) wherever DuckDB runs out: in a query, and while the
// readers append rows, where DuckDB's appender reports the bare wording without the "Out of Memory Error" prefix
// (the CI run of 51dec52 met it there and ended as an internal error, exit 3). Nor may a file that DuckDB could not
// read for want of memory be called damaged.
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { InputError, isOutOfMemory } from '../../scanner/errors.ts';
import { loadInputs } from '../../scanner/load/load-inputs.ts';
import { errorOf } from '../support/error-of.ts';
import { tempFolder } from '../support/temp-folder.ts';

async function tinyDatabase(): Promise<DuckDBConnection> {
  // No temporary folder: nothing can be spilled, so 5 MB runs out quickly.
  const instance = await DuckDBInstance.create(':memory:', { memory_limit: '5MB', threads: '1', temp_directory: '' });
  return instance.connect();
}

describe('isOutOfMemory', () => {
  it('recognises an appender running out of memory', async () => {
    const connection = await tinyDatabase();
    await connection.run('CREATE TABLE t (a VARCHAR, b VARCHAR)');
    const appender = await connection.createAppender('t');
    const error = await errorOf(async () => {
      for (let row = 0; row < 2_000_000; row++) {
        appender.appendVarchar(`${'x'.repeat(40)}${row}`);
        appender.appendVarchar('y'.repeat(40));
        appender.endRow();
      }
      appender.closeSync();
    });
    expect((error as Error).message).toMatch(/^Failed to append: /);
    expect(isOutOfMemory(error)).toBe(true);
  });

  it('recognises a query running out of memory', async () => {
    const connection = await tinyDatabase();
    const error = await errorOf(() => connection.run('CREATE TABLE t AS SELECT range::VARCHAR || repeat(\'x\', 40) AS a FROM range(2000000)').then(() => {}));
    expect((error as Error).message).toContain('Out of Memory Error');
    expect(isOutOfMemory(error)).toBe(true);
  });

  it('recognises each of DuckDB\'s buffer-pool wordings without the prefix', () => {
    for (const wording of [
      'could not allocate block of size 256.0 KiB (4.6 MiB/4.7 MiB used)',
      'failed to allocate data of size 4.0 KiB (32.9 MiB/4.7 MiB used)',
      'failed to pin block of size 256.0 KiB (7.5 MiB/7.6 MiB used)',
      'failed to reserve memory data of size 1.0 MiB (7.5 MiB/7.6 MiB used)',
      'failed to offload data block of size 256.0 KiB (1.0 MiB/1.0 MiB used).',
    ]) expect(isOutOfMemory(new Error(`Failed to append: ${wording}`)), wording).toBe(true);
  });

  it('leaves other errors alone', async () => {
    const connection = await tinyDatabase();
    await connection.run('CREATE TABLE t (a INTEGER NOT NULL)');
    const appender = await connection.createAppender('t');
    const error = await errorOf(async () => {
      appender.appendNull();
      appender.endRow();
      appender.closeSync();
    });
    expect(isOutOfMemory(error)).toBe(false);
    expect(isOutOfMemory(new Error('Binder Error: column "size" not found'))).toBe(false);
  });
});

describe('a file read into DuckDB when memory runs out', () => {
  // Not a damaged file: the scan says 内存不足, and --skip-bad-files (which skips only the user's errors) does not skip it.
  it('Parquet: out of memory, not "damaged"', async () => {
    const folder = await tempFolder();
    const writer = await DuckDBInstance.create(':memory:');
    const writing = await writer.connect();
    await writing.run(`COPY (SELECT '110105194912310' || lpad((range % 1000)::VARCHAR, 3, '0') AS "身份证号码", repeat('张', 100) || range AS "姓名",
                         '2026-01-01' AS "死亡日期" FROM range(300000)) TO '${join(folder, '死亡人员.parquet')}' (FORMAT parquet)`);
    writing.closeSync();
    writer.closeSync();
    // Like a scan's database (scan.ts: memory limit, a spill folder), with little room in both.
    const instance = await DuckDBInstance.create(':memory:', {
      memory_limit: '8MB', threads: '1', temp_directory: join(folder, 'spill'), max_temp_directory_size: '1MB',
    });
    const connection = await instance.connect();
    const error = await errorOf(() => loadInputs(connection, folder).then(() => {}));
    expect(error).not.toBeInstanceOf(InputError);
    expect(isOutOfMemory(error)).toBe(true);
  });
});
