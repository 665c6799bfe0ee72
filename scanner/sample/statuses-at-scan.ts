// Each finding's 整改状态 as it stood when the period's scan was written: what a spot check weighs villages by, so that
// the same seed on the same month draws the same sample whatever staff change afterwards. Until 2026-12-06 the draw
// weighed today's statuses: any status edit made `--seed 7` draw another sample, and a village could lower its chance
// of being checked by marking its findings closed before the draw.
import type { DuckDBConnection } from '@duckdb/node-api';

/**
 * finding id → its status when run `runId` finished, for the findings whose status changed since (any other finding's
 * status is still the one it had then). Read back from the audit trail: every status change, by a scan, `ledger set`
 * or an import, is recorded with the value it replaced, so the value then is the `from_value` of the first change
 * after. The run's own changes (reopened, 自动销号, a rescan's reverts) are written at its finished_at: part of it.
 */
export async function statusesChangedSinceRun(connection: DuckDBConnection, runId: string): Promise<Map<string, string>> {
  const reader = await connection.runAndReadAll(
    `SELECT finding_id, arg_min(from_value, change_id) AS status_then FROM ledger.changes
     WHERE field = 'status' AND changed_at > (SELECT finished_at FROM ledger.runs WHERE run_id = $run_id)
     GROUP BY finding_id`,
    { run_id: runId },
  );
  const statuses = new Map<string, string>();
  for (const row of reader.getRowObjectsJson()) {
    if (row['status_then'] != null) statuses.set(String(row['finding_id']), String(row['status_then']));
  }
  return statuses;
}
