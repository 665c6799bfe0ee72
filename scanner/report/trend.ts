// Month over month from the ledger: each recorded scan's month as its findings.csv lists it (the findings it raised and
// those it carried unjudged), and how that scan met earlier findings: each row as that scan counted it (summary.json),
// whatever staff changed since, so that a month's row reads the same in every later report.
import type { DuckDBConnection } from '@duckdb/node-api';
import { MONTH_FINDINGS } from '../ledger/month-findings.ts';
import { FALSE_POSITIVE, TERMINAL_SQL, TRACKING } from '../ledger/statuses.ts';
import { valuesStoodSql } from './rows-as-they-stood.ts';

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

/**
 * Open as the month's summary.json counts it (carry-over-counts.ts). A scan that carries (its month the ledger's latest
 * when it ran): by how it met each finding, and every one it carried unjudged. A backfill (a month recorded after a
 * later one, or a rescan of it) changes no status: the month's findings open in the ledger when it ended. Until
 * 2026-12-07 a backfill was counted as a carrying scan, and none of its 补扫 findings was open (未办结 0 beside a
 * summary.json of 1).
 */
const OPEN_WHEN_SCANNED = `CASE WHEN r.backfill THEN s.status NOT IN ${TERMINAL_SQL}
                               ELSE s.carried OR s.tracking IN (${OPEN_TRACKINGS}) END`;

/**
 * The runs up to $period, each with whether it was a backfill: summary.json's `backfill` (the scan's own word), or for
 * a run recorded before the summary said it, a finding it recorded as 补扫.
 */
const RUNS = `(SELECT r.*, coalesce(TRY_CAST(r.summary_json->>'$.findings.backfill' AS BOOLEAN),
                       EXISTS (SELECT 1 FROM ledger.run_findings x WHERE x.run_id = r.run_id AND x.tracking = '${TRACKING.backfill}')) AS backfill
               FROM ledger.runs r WHERE r.period <= $period)`;

/**
 * Each run's month of findings with the 整改状态 and 整改时限 each had when that scan ended, as summary.json counted them
 * (rows-as-they-stood.ts, the changes strictly after the run's moment: the scan writes its own changes at that moment,
 * so they are in). Until 2026-12-07 the trend read both from ledger.findings as they are now: a 误报 marked, or a 整改时限
 * brought forward, after a month's scan rewrote that month's row (October's 39,924.03 and 逾期 0 became 37,974.03 and 逾期 1).
 */
const STOOD_AT_SCAN_END = valuesStoodSql(
  `ledger.changes c JOIN ${MONTH_FINDINGS} m ON m.finding_id = c.finding_id JOIN ledger.runs r ON r.run_id = m.run_id
   WHERE r.period <= $period AND c.changed_at > r.finished_at`,
  ['m.run_id'],
);
const MONTH_AS_SCANNED = `(
  SELECT m.run_id, m.finding_id, m.carried, m.tracking, m.overpayment_cents, r.as_of,
         CASE WHEN vs.field IS NULL THEN f.status ELSE vs.value END AS status,
         CASE WHEN vd.field IS NULL THEN f.deadline ELSE TRY_CAST(vd.value AS DATE) END AS deadline
  FROM ${MONTH_FINDINGS} m JOIN ledger.runs r USING (run_id) JOIN ledger.findings f USING (finding_id)
    LEFT JOIN stood vs ON vs.run_id = m.run_id AND vs.finding_id = m.finding_id AND vs.field = 'status'
    LEFT JOIN stood vd ON vd.run_id = m.run_id AND vd.finding_id = m.finding_id AND vd.field = 'deadline'
  WHERE r.period <= $period)`;

/** Every recorded period in ascending order, up to and including `untilPeriod` (a report on October ignores November). */
export async function trendUntil(connection: DuckDBConnection, untilPeriod: string): Promise<TrendPoint[]> {
  // Overdue as that scan's summary.json counts it (carry-over-counts.ts): open as the scan left it, and its 整改时限 as it
  // stood then before the scan date — a scan's own 逾期 is that already, and a carried finding is never 逾期 by its
  // tracking, only by its deadline. A run recorded without a scan date counts the scan's 逾期 only. The cards and the
  // 汇总 judge by the deadline as it stands at the month's close or now: one extended since the scan is not overdue
  // there, and still is here (the note under the trend says so). Until 2026-12-05 the trend counted only the findings
  // the scan raised and only its 逾期: a month that carried findings showed more open than findings.
  const reader = await connection.runAndReadAll(
    `WITH stood AS ${STOOD_AT_SCAN_END}
     SELECT r.period, any_value(r.summary_json) AS summary_json, bool_or(r.backfill) AS backfill,
            count(s.finding_id)::INTEGER AS findings,
            count(*) FILTER (WHERE ${OPEN_WHEN_SCANNED})::INTEGER AS open,
            count(*) FILTER (WHERE ${OPEN_WHEN_SCANNED}
                              AND CASE WHEN s.as_of IS NULL THEN s.tracking = '${TRACKING.overdue}' ELSE s.deadline < s.as_of END)::INTEGER AS overdue,
            count(*) FILTER (WHERE s.tracking = '${TRACKING.new}')::INTEGER AS new,
            count(*) FILTER (WHERE s.tracking = '${TRACKING.reopened}')::INTEGER AS reopened,
            coalesce(sum(s.overpayment_cents) FILTER (WHERE s.status IS DISTINCT FROM '${FALSE_POSITIVE}'), 0)::BIGINT AS overpayment_cents
     FROM ${RUNS} r LEFT JOIN ${MONTH_AS_SCANNED} s USING (run_id)
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
    backfill: row['backfill'] === true,
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
