// Attaches the ledger file to the working database; a ledger held by another process is "ledger in use", exit 2.
import { chmod, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { LedgerInUseError, UsageError, isOutOfMemory } from '../errors.ts';
import { sqlString } from '../sql-text.ts';
import { inTransaction } from './transaction.ts';
import { LEDGER_DDL, LEDGER_MIGRATIONS, LEDGER_SCHEMA_VERSION } from './schema.ts';

export const DEFAULT_LEDGER = 'rollsweep.duckdb';

/** Attaches the ledger; `mustExist` is for the ledger commands, which have nothing to show in a new file. */
export async function attachLedger(connection: DuckDBConnection, ledgerPath: string, options: { mustExist?: boolean } = {}): Promise<void> {
  const path = resolve(ledgerPath);
  const folder = await stat(dirname(path)).catch(() => null);
  if (!folder?.isDirectory()) throw new UsageError(`台账文件所在的文件夹不存在：${dirname(path)}`);
  const existed = await stat(path).then(() => true, () => false);
  if (!existed && options.mustExist) {
    throw new UsageError(`台账文件不存在：${path}`, '先运行 rollsweep scan 建立台账，或用 --ledger 指定台账文件。');
  }
  try {
    await connection.run(`ATTACH ${sqlString(path)} AS ledger`);
  } catch (error) {
    const message = (error as Error).message;
    if (/lock/i.test(message)) throw new LedgerInUseError(path);
    // A big ledger's log replayed under a small --memory-limit: the limit is the problem, not the file.
    if (isOutOfMemory(error)) throw error;
    throw new UsageError(`无法打开台账文件 ${path}：${message.split('\n')[0]}`, '请确认这是 rollsweep 的台账文件（.duckdb）。');
  }
  // The ledger holds ID numbers of poor families: readable by its owner only. So does its write-ahead log, which a
  // killed run, or an older rollsweep's (created under the user's umask), may have left readable by all; and so does a
  // ledger copied back from a backup under umask 022 (until 2026-12-06 only a new ledger was made private, and such a
  // copy stayed readable by every user of the machine through every later scan).
  await keepToOwner(path);
  await keepToOwner(`${path}.wal`);
  const found = await schemaVersion(connection);
  if (found > LEDGER_SCHEMA_VERSION) {
    throw new UsageError(`台账文件由更新版本的 rollsweep 创建（结构版本 ${found}），请升级 rollsweep 后再用。`);
  }
  if (found < LEDGER_SCHEMA_VERSION) await upgradeSchema(connection);
}

/** Takes group's and others' access away from the file, if it has any; a file not this user's is left as it is. */
async function keepToOwner(file: string): Promise<void> {
  const mode = await stat(file).then((stats) => stats.mode & 0o777, () => undefined);
  if (mode !== undefined && (mode & 0o077) !== 0) await chmod(file, mode & 0o700).catch(() => undefined);
}

async function schemaVersion(connection: DuckDBConnection): Promise<number> {
  const tables = await connection.runAndReadAll(
    `SELECT count(*)::INT FROM duckdb_tables() WHERE database_name = 'ledger' AND table_name = 'meta'`,
  );
  if (Number(tables.getRowsJson()[0]![0]) === 0) return 0;
  const version = await connection.runAndReadAll(`SELECT value FROM ledger.meta WHERE key = 'schema_version'`);
  return Number(version.getRowsJson()[0]?.[0] ?? 0);
}

/** Creates the tables (new ledger) or adds what later versions need (older ledger), in one transaction. */
async function upgradeSchema(connection: DuckDBConnection): Promise<void> {
  await inTransaction(connection, async () => {
    for (const statement of [...LEDGER_DDL, ...LEDGER_MIGRATIONS]) await connection.run(statement);
    await connection.run(
      `INSERT INTO ledger.meta VALUES ('schema_version', '${LEDGER_SCHEMA_VERSION}')
       ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
    );
  });
}
