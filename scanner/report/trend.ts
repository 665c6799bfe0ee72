// Month over month from the ledger: each recorded scan's month as its findings.csv lists it (the findings it raised and
// those it carried unjudged), and how that scan met earlier findings: each row as that scan counted it (summary.json),
// whatever staff changed since, so that a month's row reads the same in every later report.
import type { DuckDBConnection } from '@duckdb/node-api';
import { MONTH_FINDINGS } from '../ledger/month-findings.ts';
import { FALSE_POSITIVE, TRACKING } from '../ledger/statuses.ts';

export interface TrendPoint {
  period: string;
  /** The month's findings above info: those the scan raised and those it carried unjudged (未复查 …), as its findings.csv. */
  findings: number;
  /** Open when that scan ran: 新发现, 持续, 逾期 or 整改未到位, and those it carried unjudged (未复查 …). */
  open: number;
  /** Of `open`, those whose 整改时限, as it stood when the scan ended, was before its scan date: summary.json's 逾期. */
  overdue: number;
  new: number;
  reopened: number;
  /** From the run's summary (what that scan closed); null for a run recorded before the count existed. */
  autoClosed: number | null;
  /** The estimated overpayment of the month's findings but those 误报 when the scan ended, as in its summary.json. */
  overpaymentCents: number;
  backfill: boolean;
}

const OPEN_TRACKINGS = [TRACKING.new, TRACKING.open, TRACKING.overdue, TRACKING.reopened].map((t) => `'${t}'`).join(', ');
const OPEN_WHEN_SCANNED = `(s.carried OR s.tracking IN (${OPEN_TRACKINGS}))`;

/**
 * Each run's month of findings with the 整改状态 and 整改时限 each had when that scan ended, as summary.json counted them:
 * a field changed since holds the `from_value` of its first change after the run's moment (the scan writes its own
 * changes at that moment, so they are in). arg_min_null, as a value replaced may have been empty (a 整改时限 never set).
 * Until 2026-12-07 the trend read both from ledger.findings as they are now: a 误报 marked, or a 整改时限 brought
 * forward, after a month's scan rewrote that month's row (October's 39,924.03 and 逾期 0 became 37,974.03 and 逾期 1).
 */
const MONTH_AS_SCANNED = `(
  SELECT m.run_id, m.finding_id, m.carried, any_value(m.tracking) AS tracking, any_value(m.overpayment_cents) AS overpayment_cents,
         any_value(r.as_of) AS as_of,
         CASE WHEN bool_or(c.field = 'status') THEN arg_min_null(c.from_value, c.change_id) FILTER (WHERE c.field = 'status')
              ELSE any_value(f.status) END AS status,
         CASE WHEN bool_or(c.field = 'deadline') THEN TRY_CAST(arg_min_null(c.from_value, c.change_id) FILTER (WHERE c.field = 'deadline') AS DATE)
              ELSE any_value(f.deadline) END AS deadline
  FROM ${MONTH_FINDINGS} m JOIN ledger.runs r USING (run_id) JOIN ledger.findings f USING (finding_id)
    LEFT JOIN ledger.changes c
      ON c.finding_id = m.finding_id AND c.changed_at > r.finished_at AND c.field IN ('status', 'deadline')
  WHERE r.period <= $period
  GROUP BY m.run_id, m.finding_id, m.carried)`;

/** Every recorded period in ascending order, up to and including `untilPeriod` (a report on October ignores November). */
export async function trendUntil(connection: DuckDBConnection, untilPeriod: string): Promise<TrendPoint[]> {
  // Overdue as that scan's summary.json counts it (carry-over-counts.ts): open as the scan left it, and its 整改时限 as it
  // stood then before the scan date — a scan's own 逾期 is that already, and a carried finding is never 逾期 by its
  // tracking, only by its deadline. A run recorded without a scan date counts the scan's 逾期 only. The cards and the
  // 汇总 judge by the deadline as it stands at the month's close or now: one extended since the scan is not overdue
  // there, and still is here (the note under the trend says so). Until 2026-12-05 the trend counted only the findings
  // the scan raised and only its 逾期: a month that carried findings showed more open than findings.
  const reader = await connection.runAndReadAll(
    `SELECT r.period, any_value(r.summary_json) AS summary_json,
            count(s.finding_id)::INTEGER AS findings,
            count(*) FILTER (WHERE ${OPEN_WHEN_SCANNED})::INTEGER AS open,
            count(*) FILTER (WHERE ${OPEN_WHEN_SCANNED}
                              AND CASE WHEN s.as_of IS NULL THEN s.tracking = '${TRACKING.overdue}' ELSE s.deadline < s.as_of END)::INTEGER AS overdue,
            count(*) FILTER (WHERE s.tracking = '${TRACKING.new}')::INTEGER AS new,
            count(*) FILTER (WHERE s.tracking = '${TRACKING.reopened}')::INTEGER AS reopened,
            count(*) FILTER (WHERE s.tracking = '${TRACKING.backfill}')::INTEGER AS backfill,
            coalesce(sum(s.overpayment_cents) FILTER (WHERE s.status IS DISTINCT FROM '${FALSE_POSITIVE}'), 0)::BIGINT AS overpayment_cents
     FROM ledger.runs r LEFT JOIN ${MONTH_AS_SCANNED} s USING (run_id)
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
