// The carry-over counts of a scan (summary.json's findings section): its month of findings against the ledger.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { CarryOverContext } from './carry-over.ts';
import { TERMINAL_SQL, TRACKING } from './statuses.ts';

const OPEN_TRACKINGS = [TRACKING.new, TRACKING.open, TRACKING.overdue, TRACKING.reopened].map((t) => `'${t}'`).join(', ');

export interface CarryOverCounts {
  previous_period: string | null;
  /** True when the scanned month is older than the ledger's latest: no statuses were changed. */
  backfill: boolean;
  new: number;
  /** New, still open, overdue, reopened and carried; in a backfill, the month's findings that are open in the ledger now. */
  open: number;
  /** Of `open`, those whose deadline, as the ledger holds it now, is before the scan date: the workbooks' 汇总 逾期. */
  overdue: number;
  reopened: number;
  false_positive: number;
  closed_this_period: number;
  /** Closed as 自动销号 by this scan; in a rescan of a month once a later one is scanned, those the replaced run closed. */
  auto_closed: number;
  /** Open findings this scan could not judge, carried into the month (未复查 / 人工保留; counted in open and overdue too). */
  carried: number;
  /** The open findings of `open` by severity: what --fail-on looks at. */
  open_by_severity: Record<string, number>;
}

export async function countCarryOver(connection: DuckDBConnection, context: CarryOverContext, closedByScan: number): Promise<CarryOverCounts> {
  const previous = await connection.runAndReadAll(`SELECT max(period) FROM ledger.runs WHERE period < $period`, { period: context.period });
  // The month's findings: those the scan raised, by how the month records them (month_tracking), and the open ones it
  // carried unjudged. A backfill changes no status: open are those the ledger holds open now, so that --fail-on still
  // sees them (until 2026-12-02 a backfill counted none open and --fail-on never fired on one).
  // Overdue as the workbooks' 汇总 written beside summary.json counts it (overdue.ts, isOverdue): open, and the deadline
  // the ledger holds now before the scan date. A scan's own 逾期 is that already; the month_tracking of a backfill is the
  // replaced run's word, and a rescan keeps 新发现 or 整改未到位 on a finding staff acted on, with their deadline. Until
  // 2026-12-07 the 逾期 of month_tracking was counted: a backfill counted findings closed since and deadlines extended
  // since (overdue could exceed open), and missed a deadline brought forward past the scan date, as a rescan of the latest
  // month missed a kept 新发现 past its deadline (其中逾期 0 beside a 汇总 of 逾期 2).
  await connection.run(
    `CREATE OR REPLACE TEMP TABLE month_findings AS
     SELECT tracking, open, open AND coalesce(deadline < $as_of::DATE, false) AS overdue, carried, severity FROM (
       SELECT c.month_tracking AS tracking,
              CASE WHEN $carries THEN c.tracking IN (${OPEN_TRACKINGS})
                   ELSE s.severity <> 'info' AND f.status NOT IN ${TERMINAL_SQL} END AS open,
              f.deadline, false AS carried, s.severity
       FROM carry c JOIN scan_sightings s USING (finding_id) JOIN ledger.findings f USING (finding_id)
       UNION ALL
       SELECT r.tracking, $carries OR f.status NOT IN ${TERMINAL_SQL}, f.deadline, true, f.severity
       FROM ledger.run_carried r JOIN ledger.findings f USING (finding_id) WHERE r.run_id = $run_id
     )`,
    { as_of: context.asOf, run_id: context.runId, carries: context.carries },
  );
  // A rescan of a month once a later one is scanned closes nothing, but keeps the 自动销号 of the run it replaces
  // (handOverKeptCarry, undo-run.ts): the month's count, as its workbook lists them.
  const autoClosed = context.carries ? closedByScan : Number((await connection.runAndReadAll(
    `SELECT count(*)::INT FROM ledger.findings WHERE closed_run_id = $run_id`, { run_id: context.runId },
  )).getRowsJson()[0]?.[0] ?? 0);
  const counts = await connection.runAndReadAll(
    `SELECT count(*) FILTER (WHERE tracking = '${TRACKING.new}')::INT,
            count(*) FILTER (WHERE open)::INT,
            count(*) FILTER (WHERE overdue)::INT,
            count(*) FILTER (WHERE tracking = '${TRACKING.reopened}')::INT,
            count(*) FILTER (WHERE tracking = '${TRACKING.falsePositive}')::INT,
            count(*) FILTER (WHERE tracking = '${TRACKING.closedThisPeriod}')::INT,
            count(*) FILTER (WHERE carried)::INT
     FROM month_findings`,
  );
  const [fresh, open, overdue, reopened, falsePositive, closedThisPeriod, carried] = counts.getRowsJson()[0]!.map(Number) as number[];
  const previousPeriod = previous.getRowsJson()[0]?.[0];
  const bySeverity = await connection.runAndReadAll(`SELECT severity, count(*)::INT FROM month_findings WHERE open GROUP BY 1 ORDER BY 1`);
  return {
    previous_period: previousPeriod == null ? null : String(previousPeriod),
    backfill: !context.carries,
    new: fresh!, open: open!, overdue: overdue!, reopened: reopened!, false_positive: falsePositive!,
    closed_this_period: closedThisPeriod!, auto_closed: autoClosed, carried: carried!,
    open_by_severity: Object.fromEntries(bySeverity.getRowsJson().map(([severity, n]) => [String(severity), Number(n)])),
  };
}
