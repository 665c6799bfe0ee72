// A custom check's result rows that cannot be findings, and what becomes of the check when it cannot run at all.
// A county's own SQL may return a NULL fact (the README's example did, 'big|' || id_number for a row whose ID was
// unreadable), an overpayment_cents of 'abc' or 1e30, a source_line of 'line7' or a list: until 2026-12-06 the insert
// into scan_findings failed on it and the whole scan ended in exit 3 — no run recorded, the month's deaths and assets
// found by the built-in checks lost with it. Now such a row is refused on its own and named, the check's other rows
// are findings, and the scan ends in exit 2 once everything else is recorded and written (scan command).
import type { DuckDBConnection } from '@duckdb/node-api';

/** Rows of one custom check refused, why, and one of them to find it by (as the check returned it). */
export interface RefusedRows {
  rows: number;
  why: string;
  example: string;
}

/**
 * Why a row of check_result cannot be a finding, or NULL. `fact` makes the finding id (NOT NULL); the two number
 * columns must convert to whole cents and a line number (TRY_CAST: NULL where they do not, a list or 1e30 too).
 * Only the columns the check returned are asked.
 */
export function refusalSql(returned: ReadonlySet<string>): string {
  const reasons = [`WHEN fact IS NULL THEN 'fact 为空（检查项 SQL 的 fact 列必须有值，它决定问题编号）'`];
  if (returned.has('overpayment_cents')) {
    reasons.push(`WHEN overpayment_cents IS NOT NULL AND TRY_CAST(overpayment_cents AS BIGINT) IS NULL
                  THEN 'overpayment_cents 不是整数金额（分）：' || left(CAST(overpayment_cents AS VARCHAR), 40)`);
  }
  if (returned.has('source_line')) {
    reasons.push(`WHEN source_line IS NOT NULL AND TRY_CAST(source_line AS INTEGER) IS NULL
                  THEN 'source_line 不是整数行号：' || left(CAST(source_line AS VARCHAR), 40)`);
  }
  return `CASE ${reasons.join(' ')} END`;
}

/** The check's refused rows grouped by why, each with a row to find it by (its 乡镇/村, 家庭编号, 姓名 and line). */
export async function refusedRowsOf(connection: DuckDBConnection, returned: ReadonlySet<string>): Promise<RefusedRows[]> {
  const column = (name: string) => (returned.has(name) ? `CAST(${name} AS VARCHAR)` : 'NULL');
  const where = returned.has('source_line') ? `'第 ' || TRY_CAST(source_line AS INTEGER) || ' 行'` : 'NULL';
  const reader = await connection.runAndReadAll(
    `SELECT why, count(*)::BIGINT AS n,
            min(concat_ws(' ', ${column('township')} || coalesce(${column('village')}, ''), ${column('household_id')},
                          ${column('subject_name')}, ${column('source_file')}, ${where})) AS example
     FROM (SELECT *, ${refusalSql(returned)} AS why FROM check_result) WHERE why IS NOT NULL
     GROUP BY why ORDER BY n DESC, why`,
  );
  return reader.getRowsJson().map(([why, n, example]) => ({ why: String(why), rows: Number(n), example: String(example ?? '') }));
}

/** What the scan prints and summary.json keeps of a check's refused rows; IDs in it are masked where a person reads it. */
export function describeRefusedRows(file: string, checkId: string, refused: readonly RefusedRows[], kept: number): string {
  const total = refused.reduce((n, r) => n + r.rows, 0);
  const each = refused.map((r) => `${r.rows} 行 ${r.why}${r.example ? `（如 ${r.example}）` : ''}`).join('；');
  return `自定义检查项 ${file}（${checkId}）有 ${total} 行结果无效，未记为问题：${each}。该检查项其余 ${kept} 条照常记录；` +
    `它上月的问题本月未再发现的，不据此自动销号，记为未复查。请改正该文件的 SQL`;
}

/** What the scan prints and summary.json keeps of a custom check that could not run; its open findings stay open. */
export function describeCheckNotRun(file: string, checkId: string, why: string): string {
  // DuckDB's error last: it may end in the SQL line and a caret under the fault.
  return `自定义检查项 ${file}（${checkId}）未运行（其他检查项的结果已照常记录，它上月的问题本月记为未复查；请改正该文件后重新扫描本月）：${withoutCheckName(why)}`;
}

/** run-checks.ts's message names the check (检查项 <id> 的 SQL 无法执行：…), which the lines here name already. */
const withoutCheckName = (message: string) => message.replace(/^检查项 \S+ 的 /, '');

/** The short why a ledger row carried unjudged gives (未复查：检查未运行（…）): the first line of the error, trimmed. */
export function shortReason(file: string, message: string): string {
  const firstLine = withoutCheckName(message).split('\n')[0]!.trim();
  return `自定义检查项 ${file} 有误：${firstLine.length > 100 ? `${firstLine.slice(0, 100)}…` : firstLine}`;
}
