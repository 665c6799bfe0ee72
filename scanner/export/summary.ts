// summary.json: what a run read, used, rejected and skipped, which checks ran, and what they found.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { CheckOutcome } from '../engine/run-checks.ts';
import type { CarryOverCounts } from '../ledger/carry-over.ts';
import type { LoadResult } from '../load/load-inputs.ts';

export interface ScanSummary {
  rollsweep_version: string;
  run_id: string;
  period: string;
  input: string;
  ledger: string;
  config: string | null;
  started_at: string;
  /** Scan date: deadlines count from it, overdue is judged against it. */
  as_of: string;
  duration_ms: number;
  /** Wall time of each phase, for performance work (checks: see checks_run). */
  phases_ms: { read: number; normalise: number; checks: number; ledger: number; exports: number };
  /**
   * Inside the exports phase: findings.csv, then the workbooks, and how far into the phase the ledger's checkpoint
   * (started as it begins) ran beside them. The benchmark takes the scan without the workbooks from these.
   */
  export_parts_ms: { findings_csv: number; workbooks: number; ledger_checkpoint: number };
  datasets: Record<string, { files: string[]; rows_read: number; rows_used: number; rows_rejected: number }>;
  files: { file: string; format: string; encoding?: string; classified_by: string; sheets: { sheet?: string; dataset?: string; header_line?: number; rows_read: number; skipped?: string }[] }[];
  files_skipped: { file: string; reason: string }[];
  warnings: { file: string; message: string }[];
  checks_run: { id: string; findings: number; duration_ms: number }[];
  checks_skipped: { id: string; reason: string }[];
  findings: {
    total: number;
    listings: number;
    by_category: Record<string, number>;
    by_severity: Record<string, number>;
    by_village: Record<string, number>;
    overpayment_yuan: string;
  } & Partial<CarryOverCounts>;
}

async function countsBy(connection: DuckDBConnection, expression: string): Promise<Record<string, number>> {
  const reader = await connection.runAndReadAll(
    `SELECT ${expression} AS key, count(*)::BIGINT AS n FROM scan_findings WHERE severity <> 'info' GROUP BY ALL ORDER BY n DESC, key`,
  );
  return Object.fromEntries(reader.getRowsJson().map(([key, n]) => [String(key), Number(n)]));
}

/** What this scan found; the carry-over counts against the previous period are added when the run is recorded. */
export async function findingTotals(connection: DuckDBConnection): Promise<ScanSummary['findings']> {
  const totals = await connection.runAndReadAll(
    `SELECT count(*) FILTER (WHERE severity <> 'info')::BIGINT, count(*) FILTER (WHERE severity = 'info')::BIGINT,
            coalesce(sum(overpayment_cents), 0)::BIGINT
     FROM scan_findings`,
  );
  const [total, listings, cents] = totals.getRowsJson()[0]!.map(Number) as [number, number, number];
  return {
    total,
    listings,
    by_category: await countsBy(connection, 'category'),
    by_severity: await countsBy(connection, 'severity'),
    by_village: await countsBy(connection, `coalesce(township, '') || '/' || coalesce(village, '（未关联到村）')`),
    overpayment_yuan: (cents / 100).toFixed(2),
  };
}

export function describeLoad(load: LoadResult): Pick<ScanSummary, 'datasets' | 'files' | 'files_skipped' | 'warnings'> {
  return {
    datasets: Object.fromEntries(
      Object.entries(load.datasets).map(([name, d]) => [name, { files: d.files, rows_read: d.rowsRead, rows_used: d.rowsUsed, rows_rejected: d.rowsRejected }]),
    ),
    files: load.files.map((f) => ({
      file: f.file, format: f.format, ...(f.encoding ? { encoding: f.encoding } : {}), classified_by: f.classifiedBy,
      sheets: f.sheets.map((s) => ({
        ...(s.sheet ? { sheet: s.sheet } : {}), ...(s.dataset ? { dataset: s.dataset } : {}),
        ...(s.headerLine !== undefined ? { header_line: s.headerLine } : {}), rows_read: s.rowsRead,
        ...(s.skippedReason ? { skipped: s.skippedReason } : {}),
      })),
    })),
    files_skipped: load.skipped,
    warnings: load.warnings,
  };
}

export function describeChecks(outcomes: readonly CheckOutcome[]): Pick<ScanSummary, 'checks_run' | 'checks_skipped'> {
  return {
    checks_run: outcomes.filter((o) => o.ran).map((o) => ({ id: o.id, findings: o.findings ?? 0, duration_ms: o.durationMs })),
    checks_skipped: outcomes.filter((o) => !o.ran).map((o) => ({ id: o.id, reason: o.reason ?? '' })),
  };
}
