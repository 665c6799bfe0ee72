// Attaches the ledger file to the working database; a ledger held by another process is "ledger in use", exit 2.
import { chmod, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { LedgerInUseError, UsageError } from '../errors.ts';
import { sqlString } from '../sql-text.ts';
import { LEDGER_DDL, LEDGER_SCHEMA_VERSION } from './schema.ts';

export const DEFAULT_LEDGER = 'rollsweep.duckdb';

export async function attachLedger(connection: DuckDBConnection, ledgerPath: string): Promise<void> {
  const path = resolve(ledgerPath);
  const folder = await stat(dirname(path)).catch(() => null);
  if (!folder?.isDirectory()) throw new UsageError(`台账文件所在的文件夹不存在：${dirname(path)}`);
  const existed = await stat(path).then(() => true, () => false);
  try {
    await connection.run(`ATTACH ${sqlString(path)} AS ledger`);
  } catch (error) {
    const message = (error as Error).message;
    if (/lock/i.test(message)) throw new LedgerInUseError(path);
    throw new UsageError(`无法打开台账文件 ${path}：${message.split('\n')[0]}`, '请确认这是 rollsweep 的台账文件（.duckdb）。');
  }
  // The ledger holds ID numbers of poor families: readable by its owner only.
  if (!existed) await chmod(path, 0o600);
  for (const statement of LEDGER_DDL) await connection.run(statement);
  await connection.run(
    `INSERT INTO ledger.meta VALUES ('schema_version', '${LEDGER_SCHEMA_VERSION}') ON CONFLICT (key) DO NOTHING`,
  );
  const version = await connection.runAndReadAll(`SELECT value FROM ledger.meta WHERE key = 'schema_version'`);
  const found = Number(version.getRowsJson()[0]?.[0]);
  if (found > LEDGER_SCHEMA_VERSION) {
    throw new UsageError(`台账文件由更新版本的 rollsweep 创建（结构版本 ${found}），请升级 rollsweep 后再用。`);
  }
}
