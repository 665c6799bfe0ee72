// The audit trail (ledger.changes): every change of a staff-owned field, by a scan, a command or a workbook.
import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';

export type ChangeSourceKind = 'scan' | 'command' | 'workbook';

export interface ChangeSource {
  kind: ChangeSourceKind;
  /** Who or what: the run id, `ledger set（用户）`, or the workbook file with sheet and row. */
  source: string;
  /** The run whose carry-over made the change; rescanning that period undoes it (see undo-run.ts). */
  runId?: string | null;
  at: Date;
}

/**
 * Appends one audit row per row of `select`, which returns finding_id, field, from_value, to_value, note.
 * Ids continue from the largest so far: the trail reads in the order things happened.
 */
export async function appendChanges(
  connection: DuckDBConnection, source: ChangeSource, select: string, params: Record<string, DuckDBValue> = {},
): Promise<number> {
  const result = await connection.run(
    `INSERT INTO ledger.changes
     SELECT (SELECT coalesce(max(change_id), 0) FROM ledger.changes) + row_number() OVER (ORDER BY finding_id, field),
            finding_id, $changed_at::TIMESTAMP, $source_kind, $source, $source_run_id, field, from_value, to_value, note
     FROM (${select})`,
    { ...params, changed_at: source.at.toISOString(), source_kind: source.kind, source: source.source, source_run_id: source.runId ?? null },
  );
  return Number(result.rowsChanged);
}

/** The id of the latest audit record, 0 for none: a watermark for "changed after this moment" that no clock can skew. */
export async function lastChangeId(connection: DuckDBConnection): Promise<number> {
  const value = (await connection.runAndReadAll('SELECT coalesce(max(change_id), 0) FROM ledger.changes')).getRowsJson()[0]?.[0];
  return Number(value ?? 0);
}
