// Custom checks (--checks-dir): a county's own checks as JSON files, each one SELECT over rollsweep's tables.
// They are data, not code: validated here (shape, one SELECT, no table functions, no file path read as a table), then
// run like the built-in checks inside the sandbox of sandbox.ts (no file access, configuration locked).
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { z } from 'zod';
import { CheckDefinitionError, UsageError } from '../errors.ts';
import { readJsonFile } from '../json-file.ts';
import { formatZodIssues } from '../zod-messages.ts';
import { checkSchema, type CheckDefinition } from './define-check.ts';

/**
 * The JSON form: the fields of defineCheck without params (thresholds are written into the SQL) and without
 * prepared tables (a custom check is one SELECT, nothing else); sql may be lines.
 */
const customCheckFile = z.object(checkSchema.shape).omit({ params: true, prepare: true }).extend({
  sql: z.union([z.string().min(1), z.array(z.string()).min(1)]),
}).strict();

/** The file each custom check came from: its runtime problems (run-checks.ts) name it, and only its rows are guarded. */
const fileOfCheck = new WeakMap<CheckDefinition, string>();

/** The file a custom check was read from; undefined for a built-in check. */
export function fileOfCustomCheck(check: CheckDefinition): string | undefined {
  return fileOfCheck.get(check);
}

export async function loadCustomChecks(folder: string, builtInIds: ReadonlySet<string>): Promise<CheckDefinition[]> {
  const names = await readdir(folder).catch(() => {
    throw new UsageError(`--checks-dir 文件夹不存在或无法读取：${folder}`);
  });
  const files = names.filter((name) => name.toLowerCase().endsWith('.json')).sort();
  if (files.length === 0) throw new UsageError(`--checks-dir ${folder} 中没有自定义检查项（*.json）`);
  const checks: CheckDefinition[] = [];
  for (const name of files) {
    const check = await readCustomCheck(join(folder, name));
    if (builtInIds.has(check.id) || checks.some((c) => c.id === check.id)) {
      throw new CheckDefinitionError(`自定义检查项 ${name}：编号 ${check.id} 与已有检查项重复`);
    }
    checks.push(check);
    fileOfCheck.set(check, name);
  }
  await assertSingleSelects(checks, files);
  return checks;
}

async function readCustomCheck(path: string): Promise<CheckDefinition> {
  let json: unknown;
  try {
    json = await readJsonFile(path);
  } catch (error) {
    throw new CheckDefinitionError(`自定义检查项 ${path} 不是有效的 JSON：${(error as Error).message}`);
  }
  const parsed = customCheckFile.safeParse(json);
  if (!parsed.success) throw new CheckDefinitionError(`自定义检查项 ${path} 定义有误：${formatZodIssues(parsed.error)}`);
  const sql = Array.isArray(parsed.data.sql) ? parsed.data.sql.join('\n') : parsed.data.sql;
  const check = checkSchema.safeParse({ ...parsed.data, sql });
  if (!check.success) throw new CheckDefinitionError(`自定义检查项 ${path} 定义有误：${formatZodIssues(check.error)}`);
  return check.data;
}

/**
 * Exactly one SELECT, by DuckDB's own parser (json_serialize_sql serialises SELECT statements only), reading
 * tables by name — no table functions such as read_csv, read_parquet or glob, which reach outside the scan, and no
 * file path written where a table name goes (FROM '/etc/passwd', FROM "roll.csv", in a subquery or LATERAL too):
 * DuckDB parses it as a table and would read the file if its file access were on. The sandbox stops such a read, but
 * only after the whole load and with DuckDB's "Table with name /etc/passwd does not exist" (until 2026-12-06): it is
 * refused here, before anything is read, with the reason.
 */
async function assertSingleSelects(checks: readonly CheckDefinition[], files: readonly string[]): Promise<void> {
  const instance = await DuckDBInstance.create(':memory:', { enable_external_access: 'false' });
  const connection = await instance.connect();
  try {
    for (const [index, check] of checks.entries()) {
      const reader = await connection.runAndReadAll(`SELECT json_serialize_sql($sql::VARCHAR)`, { sql: check.sql });
      const tree = JSON.parse(String(reader.getRowsJson()[0]![0])) as { error?: boolean; error_message?: string; statements?: unknown[] };
      const refuse = (why: string) => new CheckDefinitionError(`自定义检查项 ${files[index]}（${check.id}）被拒绝：${why}`);
      if (tree.error) throw refuse(`只允许一条 SELECT 语句（${tree.error_message ?? '无法解析'}）`);
      if (tree.statements?.length !== 1) throw refuse(`只允许一条 SELECT 语句，收到 ${tree.statements?.length ?? 0} 条`);
      const notSelect = notASelect(tree.statements[0]);
      if (notSelect) throw refuse(`只允许一条 SELECT 语句（${notSelect} 不是 SELECT）`);
      const tableFunctions = tableFunctionNames(tree.statements[0]);
      if (tableFunctions.length > 0) throw refuse(`不允许使用表函数（${tableFunctions.join('、')}）；只能读取 rollsweep 的数据表`);
      const paths = tableNamesNotPlain(tree.statements[0]);
      if (paths.length > 0) {
        throw refuse(`不允许把文件路径或带引号的字符串当作表名读取（${paths.map((p) => `「${p}」`).join('、')}）；只能按名称读取 rollsweep 的数据表（如 roll、deaths）`);
      }
    }
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/**
 * SHOW, DESCRIBE and SUMMARIZE are serialised as a SELECT from a SHOW_REF, but the scan cannot make a table of them
 * (CREATE TABLE … AS SHOW TABLES is a parser error): until 2026-12-06 they passed here and failed after the whole load.
 * Inside a subquery they run, and are left alone. Returns the statement's kind when it is no SELECT, else null.
 */
function notASelect(statement: unknown): string | null {
  const node = (statement as { node?: { type?: string; from_table?: { type?: string } } }).node;
  if (node?.type !== 'SELECT_NODE' && node?.type !== 'SET_OPERATION_NODE') return node?.type ?? '该语句';
  // DuckDB's show_type does not tell SHOW roll from DESCRIBE roll: name the three together.
  if (node.from_table?.type === 'SHOW_REF') return 'SHOW、DESCRIBE、SUMMARIZE';
  return null;
}

function tableFunctionNames(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(tableFunctionNames);
  if (!node || typeof node !== 'object') return [];
  const record = node as Record<string, unknown>;
  const own = record['type'] === 'TABLE_FUNCTION'
    ? [String((record['function'] as Record<string, unknown> | undefined)?.['function_name'] ?? 'table function')]
    : [];
  return [...own, ...Object.values(record).flatMap(tableFunctionNames)];
}

/** A table name as rollsweep's tables and a check's own WITH names are written: letters, digits and _, no path. */
const PLAIN_NAME = /^[\p{L}_][\p{L}\p{N}_]*$/u;

/** The names read as tables (with their schema or catalog) that are no plain name: a path, a file name, a quoted string. */
function tableNamesNotPlain(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(tableNamesNotPlain);
  if (!node || typeof node !== 'object') return [];
  const record = node as Record<string, unknown>;
  const parts = record['type'] === 'BASE_TABLE'
    ? [record['catalog_name'], record['schema_name'], record['table_name']].map((part) => String(part ?? '')).filter((part) => part !== '')
    : [];
  const own = parts.some((part) => !PLAIN_NAME.test(part)) ? [parts.join('.')] : [];
  return [...own, ...Object.values(record).flatMap(tableNamesNotPlain)];
}
