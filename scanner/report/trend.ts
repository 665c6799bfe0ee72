// Month over month from the ledger: what each recorded scan saw (run_findings) and how it met earlier findings.
import type { DuckDBConnection } from '@duckdb/node-api';
import { TRACKING } from '../ledger/statuses.ts';

export interface TrendPoint {
  period: string;
  /** Findings above info the scan raised. */
  findings: number;
  /** Open when that scan ran: 新发现, 持续, 逾期 or 整改未到位, and those it carried unjudged (未复查 …). */
  open: number;
  overdue: number;
  new: number;
  reopened: number;
  /** From the run's summary (what that scan closed); null for a run recorded before the count existed. */
  autoClosed: number | null;
  /** The scan's estimated overpayment of the findings it raised, as in its summary.json. */
  overpaymentCents: number;
  backfill: boolean;
}

const OPEN_TRACKINGS = [TRACKING.new, TRACKING.open, TRACKING.overdue, TRACKING.reopened].map((t) => `'${t}'`).join(', ');

/** Every recorded period in ascending order, up to and including `untilPeriod` (a report on October ignores November). */
export async function trendUntil(connection: DuckDBConnection, untilPeriod: string): Promise<TrendPoint[]> {
  const reader = await connection.runAndReadAll(
    `SELECT r.period, any_value(r.summary_json) AS summary_json,
            count(f.finding_id) FILTER (WHERE f.severity <> 'info')::INTEGER AS findings,
            count(*) FILTER (WHERE s.tracking IN (${OPEN_TRACKINGS}))::INTEGER
              + coalesce(any_value(k.carried), 0)::INTEGER AS open,
            count(*) FILTER (WHERE s.tracking = '${TRACKING.overdue}')::INTEGER AS overdue,
            count(*) FILTER (WHERE s.tracking = '${TRACKING.new}')::INTEGER AS new,
            count(*) FILTER (WHERE s.tracking = '${TRACKING.reopened}')::INTEGER AS reopened,
            count(*) FILTER (WHERE s.tracking = '${TRACKING.backfill}')::INTEGER AS backfill,
            coalesce(sum(s.overpayment_cents), 0)::BIGINT AS overpayment_cents
     FROM ledger.runs r
       LEFT JOIN (SELECT run_id, count(*) AS carried FROM ledger.run_carried GROUP BY run_id) k USING (run_id)
       LEFT JOIN ledger.run_findings s USING (run_id)
       LEFT JOIN ledger.findings f USING (finding_id)
     WHERE r.period <= $period
     GROUP BY r.period ORDER BY r.period`,
    { period: untilPeriod },
  );
  return reader.getRowObjectsJson().map((row): TrendPoint => ({
    period: String(row['period']),
    findings: Number(row['findings']),
    open: Number(row['open']),
    overdue: Number(row['overdue']),
    new: Number(row['new']),
    reopened: Number(row['reopened']),
    autoClosed: autoClosedOf(String(row['summary_json'])),
    overpaymentCents: Number(row['overpayment_cents']),
    backfill: Number(row['backfill']) > 0,
  }));
}

/** One small JSON per month, parsed here rather than with DuckDB's json functions. */
function autoClosedOf(summaryJson: string): number | null {
  try {
    const value = (JSON.parse(summaryJson) as { findings?: { auto_closed?: unknown } }).findings?.auto_closed;
    return typeof value === 'number' ? value : null;
  } catch {
    return null;
  }
}
