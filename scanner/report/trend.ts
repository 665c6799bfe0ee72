// Month over month from the ledger: each recorded scan's month as its findings.csv lists it (the findings it raised and
// those it carried unjudged), and how that scan met earlier findings.
import type { DuckDBConnection } from '@duckdb/node-api';
import { MONTH_FINDINGS } from '../ledger/month-findings.ts';
import { FALSE_POSITIVE, TRACKING } from '../ledger/statuses.ts';

export interface TrendPoint {
  period: string;
  /** The month's findings above info: those the scan raised and those it carried unjudged (未复查 …), as its findings.csv. */
  findings: number;
  /** Open when that scan ran: 新发现, 持续, 逾期 or 整改未到位, and those it carried unjudged (未复查 …). */
  open: number;
  /** Of `open`, those the scan found 逾期 or whose 整改时限 was before its scan date: overdue as the cards count it. */
  overdue: number;
  new: number;
  reopened: number;
  /** From the run's summary (what that scan closed); null for a run recorded before the count existed. */
  autoClosed: number | null;
  /** The estimated overpayment of the month's findings but 误报, as in its summary.json. */
  overpaymentCents: number;
  backfill: boolean;
}

const OPEN_TRACKINGS = [TRACKING.new, TRACKING.open, TRACKING.overdue, TRACKING.reopened].map((t) => `'${t}'`).join(', ');
const OPEN_WHEN_SCANNED = `(s.carried OR s.tracking IN (${OPEN_TRACKINGS}))`;

/** Every recorded period in ascending order, up to and including `untilPeriod` (a report on October ignores November). */
export async function trendUntil(connection: DuckDBConnection, untilPeriod: string): Promise<TrendPoint[]> {
  // Overdue as at scan time: open, and either found 逾期 by that scan (against the deadline of that day) or past its
  // 整改时限 on the scan date — a carried finding is never 逾期 by its tracking, only by its deadline. The cards and the
  // 汇总 (ledger-workbook/overdue.ts) judge by the deadline alone, as it stands now: one extended since the scan is
  // not overdue there, and still is here (the note under the trend says so). Open as that scan
  // left it, since each row is its month as scanned; a run recorded without a scan date counts the scan's 逾期 only. Until 2026-12-05 the trend counted only the findings the scan raised and only
  // its 逾期: a month that carried findings showed more open than findings, and fewer overdue than its card.
  const reader = await connection.runAndReadAll(
    `SELECT r.period, any_value(r.summary_json) AS summary_json,
            count(s.finding_id)::INTEGER AS findings,
            count(*) FILTER (WHERE ${OPEN_WHEN_SCANNED})::INTEGER AS open,
            count(*) FILTER (WHERE ${OPEN_WHEN_SCANNED} AND (s.tracking = '${TRACKING.overdue}' OR s.deadline < r.as_of))::INTEGER AS overdue,
            count(*) FILTER (WHERE s.tracking = '${TRACKING.new}')::INTEGER AS new,
            count(*) FILTER (WHERE s.tracking = '${TRACKING.reopened}')::INTEGER AS reopened,
            count(*) FILTER (WHERE s.tracking = '${TRACKING.backfill}')::INTEGER AS backfill,
            coalesce(sum(s.overpayment_cents) FILTER (WHERE s.status <> '${FALSE_POSITIVE}'), 0)::BIGINT AS overpayment_cents
     FROM ledger.runs r
       LEFT JOIN (SELECT m.*, f.deadline, f.status FROM ${MONTH_FINDINGS} m JOIN ledger.findings f USING (finding_id)) s USING (run_id)
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
