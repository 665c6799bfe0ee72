// summary.json: what a run read, used, rejected and skipped, which checks ran, and what they found.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { CheckOutcome } from '../engine/run-checks.ts';
import type { CarryOverCounts } from '../ledger/carry-over.ts';
import { FINDINGS_OF_RUN } from '../ledger/month-findings.ts';
import { FALSE_POSITIVE } from '../ledger/statuses.ts';
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
  /**
   * The month's findings as findings.csv lists them, those the scan carried unjudged among them (see findingTotals);
   * `listings`: the info findings the scan raised, in no findings.csv; then the carry-over counts.
   */
  findings: {
    total: number;
    listings: number;
    by_category: Record<string, number>;
    by_severity: Record<string, number>;
    by_village: Record<string, number>;
    overpayment_yuan: string;
  } & Partial<CarryOverCounts>;
}

/** The rows of findings.csv, as `s` (this month's amount and tracking) and `f` (the finding). */
const MONTH_ROWS = `${FINDINGS_OF_RUN} s JOIN ledger.findings f USING (finding_id)`;

/** The rows of findings.csv by `expression`, most first. */
async function countsBy(connection: DuckDBConnection, runId: string, expression: string): Promise<Record<string, number>> {
  const reader = await connection.runAndReadAll(
    `SELECT ${expression} AS key, count(*)::BIGINT AS n FROM ${MONTH_ROWS} GROUP BY ALL ORDER BY n DESC, key`, { run_id: runId },
  );
  return Object.fromEntries(reader.getRowsJson().map(([key, n]) => [String(key), Number(n)]));
}

/**
 * The month's findings, counted over the rows findings.csv writes — those the run raised above info and the open ones it
 * carried unjudged (未复查) — once the run is recorded; the carry-over counts are added beside them. Until 2026-12-05
 * they counted the scan's own findings only: a month without the deaths list said 82 findings and 0.00 yuan beside
 * a findings.csv of 105 rows and 39924.03 yuan, and no deceased category at all.
 */
export async function findingTotals(connection: DuckDBConnection, runId: string): Promise<ScanSummary['findings']> {
  // A finding staff found 误报 was never overpaid: there is nothing to recover, and the report's 应追回金额 and the
  // workbooks' 汇总 leave it out too (report/tally.ts, ledger-workbook/summary-sheet.ts); until 2026-12-05 it was in.
  const totals = await connection.runAndReadAll(
    `SELECT count(*)::BIGINT, coalesce(sum(s.overpayment_cents) FILTER (WHERE f.status <> '${FALSE_POSITIVE}'), 0)::BIGINT
     FROM ${MONTH_ROWS}`,
    { run_id: runId },
  );
  const [total, cents] = totals.getRowsJson()[0]!.map(Number) as [number, number];
  const listings = await connection.runAndReadAll(
    `SELECT count(*)::BIGINT FROM ledger.run_findings s JOIN ledger.findings f USING (finding_id)
     WHERE s.run_id = $run_id AND f.severity = 'info'`,
    { run_id: runId },
  );
  return {
    total,
    listings: Number(listings.getRowsJson()[0]![0]),
    by_category: await countsBy(connection, runId, 'f.category'),
    by_severity: await countsBy(connection, runId, 'f.severity'),
    by_village: await countsBy(connection, runId, `coalesce(f.township, '') || '/' || coalesce(f.village, '（未关联到村）')`),
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
