// Monthly carry-over (ledger.md): how a scan meets every earlier finding. Staff-typed fields other than status
// and deadline are never touched here; status and deadline change only by the rules below, each change audited.
import type { DuckDBConnection } from '@duckdb/node-api';
import { appendChanges } from './changes.ts';
import { AUTO_CLOSED, NEW_STATUS, TERMINAL_SQL, TRACKING } from './statuses.ts';

export interface CarryOverContext {
  runId: string;
  period: string;
  /** The scan date: deadlines count from it and overdue is judged against it. */
  asOf: string;
  /** False when scanning a month older than the ledger's latest: record sightings, change no status. */
  carries: boolean;
  checksRan: readonly string[];
  at: Date;
}

export interface CarryOverCounts {
  previous_period: string | null;
  /** True when the scanned month is older than the ledger's latest: no statuses were changed. */
  backfill: boolean;
  new: number;
  open: number;
  overdue: number;
  reopened: number;
  false_positive: number;
  closed_this_period: number;
  auto_closed: number;
  /** Open findings of this scan (new, still open, overdue, reopened) by severity: what --fail-on looks at. */
  open_by_severity: Record<string, number>;
}

const OPEN_TRACKINGS = [TRACKING.new, TRACKING.open, TRACKING.overdue, TRACKING.reopened].map((t) => `'${t}'`).join(', ');

/**
 * Temp table `carry`: each finding of this scan with its tracking, from the ledger as it stood before the scan.
 * `reopened_already`: a reopening by the replaced run of this month that staff have acted on since (kept_carry,
 * undo-run.ts): still 整改未到位, but its status and deadline are not set again.
 */
export async function classifySightings(connection: DuckDBConnection, context: CarryOverContext): Promise<void> {
  await connection.run(
    `CREATE OR REPLACE TEMP TABLE carry AS
     WITH kept_reopenings AS (
       SELECT finding_id FROM replaced_sightings
       WHERE tracking = '${TRACKING.reopened}' AND finding_id IN (SELECT finding_id FROM kept_carry)
     )
     SELECT s.finding_id, s.deadline_days, f.status AS prior_status, f.deadline AS prior_deadline,
            s.finding_id IN (SELECT finding_id FROM kept_reopenings) AS reopened_already,
            CASE WHEN s.severity = 'info' THEN '${TRACKING.listing}'
                 WHEN NOT $carries THEN '${TRACKING.backfill}'
                 WHEN f.finding_id IS NULL THEN '${TRACKING.new}'
                 WHEN f.status = '误报' THEN '${TRACKING.falsePositive}'
                 -- Closed by staff after this month's data was scanned, now or at an earlier rescan of the month.
                 WHEN f.status IN ${TERMINAL_SQL}
                      AND (s.finding_id IN (SELECT finding_id FROM replaced_sightings WHERE tracking = '${TRACKING.closedThisPeriod}')
                           OR (s.finding_id IN (SELECT finding_id FROM replaced_sightings)
                               AND s.finding_id IN (SELECT finding_id FROM changed_after_replaced))) THEN '${TRACKING.closedThisPeriod}'
                 -- Raised only by the run this scan replaces, and kept for what staff did with it since: still new.
                 WHEN NOT EXISTS (SELECT 1 FROM ledger.run_findings seen WHERE seen.finding_id = s.finding_id) THEN '${TRACKING.new}'
                 WHEN s.finding_id IN (SELECT finding_id FROM kept_reopenings) THEN '${TRACKING.reopened}'
                 WHEN f.status IN ${TERMINAL_SQL} THEN '${TRACKING.reopened}'
                 WHEN f.deadline < $as_of::DATE THEN '${TRACKING.overdue}'
                 ELSE '${TRACKING.open}' END AS tracking
     FROM scan_findings s LEFT JOIN ledger.findings f USING (finding_id)`,
    { carries: context.carries, as_of: context.asOf },
  );
}

/** Found again after a fix (or after 自动销号): back to 待核实 with a fresh deadline — the fix did not hold. */
export async function reopenFindings(connection: DuckDBConnection, context: CarryOverContext): Promise<void> {
  const reopened = `FROM carry WHERE tracking = '${TRACKING.reopened}' AND NOT reopened_already`;
  await appendChanges(
    connection, { kind: 'scan', source: `扫描 ${context.period}（运行 ${context.runId}）`, runId: context.runId, at: context.at },
    `SELECT finding_id, 'status' AS field, prior_status AS from_value, '${NEW_STATUS}' AS to_value,
            '${TRACKING.reopened}：' || $period || ' 再次发现' AS note ${reopened}
     UNION ALL
     SELECT finding_id, 'deadline', strftime(prior_deadline, '%Y-%m-%d'), strftime($as_of::DATE + deadline_days, '%Y-%m-%d'),
            '${TRACKING.reopened}，重新计算整改时限' ${reopened}`,
    { period: context.period, as_of: context.asOf },
  );
  await connection.run(
    `UPDATE ledger.findings f SET status = '${NEW_STATUS}', deadline = $as_of::DATE + c.deadline_days, closed_run_id = NULL
     FROM carry c WHERE c.finding_id = f.finding_id AND c.tracking = '${TRACKING.reopened}' AND NOT c.reopened_already`,
    { as_of: context.asOf },
  );
}

/**
 * Open findings this scan no longer detects are closed as 自动销号 by this run — but only where the scan looked:
 * the finding's check ran, and its township is on this month's roll (a skipped check or a township missing from
 * the export proves nothing). Nor one that the replaced run of this month closed and staff reopened since: the
 * same month's data cannot overrule them.
 */
export async function autoCloseFindings(connection: DuckDBConnection, context: CarryOverContext): Promise<number> {
  await connection.run(
    `CREATE OR REPLACE TEMP TABLE closing AS
     SELECT finding_id, status FROM ledger.findings f
     WHERE $carries AND severity <> 'info' AND status NOT IN ${TERMINAL_SQL}
       AND check_id IN (SELECT unnest(string_split($checks_ran, ',')))
       AND NOT EXISTS (SELECT 1 FROM scan_findings s WHERE s.finding_id = f.finding_id)
       AND finding_id NOT IN (SELECT finding_id FROM kept_carry WHERE finding_id NOT IN (SELECT finding_id FROM replaced_sightings))
       AND (township IS NULL OR township IN (SELECT township FROM roll WHERE township IS NOT NULL))`,
    { carries: context.carries, checks_ran: context.checksRan.join(',') },
  );
  await appendChanges(
    connection, { kind: 'scan', source: `扫描 ${context.period}（运行 ${context.runId}）`, runId: context.runId, at: context.at },
    `SELECT finding_id, 'status' AS field, status AS from_value, '${AUTO_CLOSED}' AS to_value,
            '${AUTO_CLOSED}：' || $period || ' 未再发现' AS note FROM closing`,
    { period: context.period },
  );
  const closed = await connection.run(
    `UPDATE ledger.findings f SET status = '${AUTO_CLOSED}', closed_run_id = $run_id
     FROM closing c WHERE c.finding_id = f.finding_id`,
    { run_id: context.runId },
  );
  return Number(closed.rowsChanged);
}

export async function countCarryOver(connection: DuckDBConnection, context: CarryOverContext, autoClosed: number): Promise<CarryOverCounts> {
  const previous = await connection.runAndReadAll(`SELECT max(period) FROM ledger.runs WHERE period < $period`, { period: context.period });
  const counts = await connection.runAndReadAll(
    `SELECT count(*) FILTER (WHERE tracking = '${TRACKING.new}')::INT,
            count(*) FILTER (WHERE tracking IN (${OPEN_TRACKINGS}))::INT,
            count(*) FILTER (WHERE tracking = '${TRACKING.overdue}')::INT,
            count(*) FILTER (WHERE tracking = '${TRACKING.reopened}')::INT,
            count(*) FILTER (WHERE tracking = '${TRACKING.falsePositive}')::INT,
            count(*) FILTER (WHERE tracking = '${TRACKING.closedThisPeriod}')::INT
     FROM carry`,
  );
  const [fresh, open, overdue, reopened, falsePositive, closedThisPeriod] = counts.getRowsJson()[0]!.map(Number) as number[];
  const previousPeriod = previous.getRowsJson()[0]?.[0];
  const bySeverity = await connection.runAndReadAll(
    `SELECT s.severity, count(*)::INT FROM carry c JOIN scan_findings s USING (finding_id)
     WHERE c.tracking IN (${OPEN_TRACKINGS}) GROUP BY 1 ORDER BY 1`,
  );
  return {
    previous_period: previousPeriod == null ? null : String(previousPeriod),
    backfill: !context.carries,
    new: fresh!, open: open!, overdue: overdue!, reopened: reopened!, false_positive: falsePositive!,
    closed_this_period: closedThisPeriod!, auto_closed: autoClosed,
    open_by_severity: Object.fromEntries(bySeverity.getRowsJson().map(([severity, n]) => [String(severity), Number(n)])),
  };
}
