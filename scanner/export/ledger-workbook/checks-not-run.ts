// The 汇总's sentence on the checks the month's scan did not run (scanner/ledger/checks-not-run.ts), worded as the
// report's notice: December's 汇总, scanned without 机动车登记信息.csv, read until 2026-12-07 as if every check had run.
import type { DuckDBConnection } from '@duckdb/node-api';
import { findCheck } from '../../engine/registry.ts';
import { checksNotRunOf } from '../../ledger/checks-not-run.ts';
import { maskIdsUnless } from '../../mask-id.ts';

/** The 汇总's sentence on the checks not run; null when all ran. A reason quoting an ID is masked unless `unmask`. */
export async function checksNotRunNote(connection: DuckDBConnection, runId: string, unmask: boolean): Promise<string | null> {
  const notRun = await checksNotRunOf(connection, runId);
  if (notRun.length === 0) return null;
  return `本月扫描未运行 ${notRun.length} 项检查，没有排查本月数据（没有新发现不等于没有问题，原有未办结问题沿用此前结果，为未复查）：`
    + `${notRun.map((check) => `${named(check.id)}——${maskIdsUnless(check.reason, unmask)}`).join('；')}。`;
}

/** A built-in check by its title and id; a custom one by its id alone (its title is in the county's own file). */
function named(id: string): string {
  const title = findCheck(id)?.title;
  return title ? `${title}（${id}）` : id;
}
