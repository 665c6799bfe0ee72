// The checks a month's scan did not run, and why, from the run's record in the ledger (runs.checks_json: the outcomes
// of summary.json's checks_skipped and the scan's `未运行` lines). The report and the 汇总 both say them: a village with
// no finding of a check that did not run is not a village without the problem. Until 2026-12-07 neither did.
import type { DuckDBConnection } from '@duckdb/node-api';

export interface CheckNotRun {
  id: string;
  reason: string;
}

export async function checksNotRunOf(connection: DuckDBConnection, runId: string): Promise<CheckNotRun[]> {
  const row = (await connection.runAndReadAll(`SELECT checks_json FROM ledger.runs WHERE run_id = $run_id`, { run_id: runId }))
    .getRowsJson()[0];
  return row ? notRunIn(String(row[0])) : [];
}

/** The outcomes as the scan stored them (CheckOutcome[]): those with `ran` false; a record that cannot be read names none. */
function notRunIn(checksJson: string): CheckNotRun[] {
  let outcomes: unknown;
  try {
    outcomes = JSON.parse(checksJson);
  } catch {
    return [];
  }
  if (!Array.isArray(outcomes)) return [];
  return outcomes
    .filter((o): o is { id: unknown; ran: false; reason?: unknown } => typeof o === 'object' && o !== null && (o as { ran?: unknown }).ran === false)
    .map((o) => ({ id: String(o.id), reason: typeof o.reason === 'string' && o.reason !== '' ? o.reason : '未说明原因' }));
}
