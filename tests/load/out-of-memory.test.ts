// Running out of --memory-limit must read as "内存不足" (exit 2) wherever DuckDB runs out: in a query, and while the
// readers append rows, where DuckDB's appender reports the bare wording without the "Out of Memory Error" prefix
// (the CI run of 51dec52 met it there and ended as an internal error, exit 3).
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { isOutOfMemory } from '../../scanner/errors.ts';

async function tinyDatabase(): Promise<DuckDBConnection> {
  // No temporary folder: nothing can be spilled, so 5 MB runs out quickly.
  const instance = await DuckDBInstance.create(':memory:', { memory_limit: '5MB', threads: '1', temp_directory: '' });
  return instance.connect();
}

async function errorOf(work: () => Promise<void>): Promise<unknown> {
  try {
    await work();
  } catch (error) {
    return error;
  }
  throw new Error('expected the work to fail');
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
