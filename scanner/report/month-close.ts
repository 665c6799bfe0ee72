// Which moment a month's report shows the findings' statuses at. The latest month: now, as the workbooks. A past month:
// as it stood when the next month's scan began (its 整改 done, nothing later), replayed from the audit trail
// (ledger.changes), so that its report reads the same whenever it is made. Until 2026-12-06 a past month's report
// showed today's statuses: November's 自动销号 and reopenings moved October's cards, beside a trend row as scanned.
import type { DuckDBConnection } from '@duckdb/node-api';
import { format } from 'date-fns';

export type StatusMoment =
  /** Nothing scanned after the month: the ledger as it is when the report is made. */
  | { kind: 'now' }
  /** The moment the first scan of `nextPeriod` wrote the ledger; `at` is a TIMESTAMP literal, `shown` for people. */
  | { kind: 'month-close'; nextPeriod: string; at: string; shown: string }
  /**
   * The month's run was recorded after `laterPeriod` was scanned (a backfill, or a rescan once a later month was in):
   * its own rows were made after that month's, so the month as it stood cannot be told apart; the page says so.
   */
  | { kind: 'now-recorded-late'; laterPeriod: string };

/**
 * The first trace of a later month in the ledger: its run's write, the audit records of its scan (kept when a rescan
 * replaced the run, `扫描 2026-11（运行 …）`) and the workbooks it exported (the scan's own, recorded with its period).
 * A rescan of that month replaces its run with a later one; the first scan is what ended the earlier month.
 */
export async function statusMomentOf(connection: DuckDBConnection, period: string, runId: string): Promise<StatusMoment> {
  const row = (await connection.runAndReadAll(
    `WITH later AS (
       SELECT period, finished_at AS moment FROM ledger.runs WHERE period > $period
       UNION ALL
       SELECT period, exported_at FROM ledger.exports WHERE period > $period AND split IN ('township', 'village', 'report')
       UNION ALL
       SELECT * FROM (SELECT regexp_extract(source, '^扫描 (\\d{4}-\\d{2})（', 1) AS period, changed_at FROM ledger.changes
                      WHERE source_kind = 'scan') WHERE period > $period
     )
     SELECT arg_min(period, moment) AS next_period, CAST(min(moment) AS VARCHAR) AS at,
            strftime(min(moment), '%Y-%m-%dT%H:%M:%SZ') AS at_iso,
            min(moment) <= (SELECT finished_at FROM ledger.runs WHERE run_id = $run_id) AS recorded_late
     FROM later`,
    { period, run_id: runId },
  )).getRowObjectsJson()[0];
  if (!row || row['at'] == null) return { kind: 'now' };
  if (row['recorded_late'] === true) return { kind: 'now-recorded-late', laterPeriod: String(row['next_period']) };
  // Stored from Date.toISOString() (UTC), shown in local time as `ledger show` shows the audit trail.
  return { kind: 'month-close', nextPeriod: String(row['next_period']), at: String(row['at']), shown: format(new Date(String(row['at_iso'])), 'yyyy-MM-dd HH:mm') };
}

/** The moment in a few words, for the page's header line. */
export function statusMomentLabel(moment: StatusMoment, generatedAt: Date): string {
  return moment.kind === 'month-close' ? `${moment.shown}（${moment.nextPeriod} 扫描前，本月月末）` : `${format(generatedAt, 'yyyy-MM-dd HH:mm')}（生成报告时）`;
}

/** What the page says about the statuses it shows. */
export function statusMomentText(moment: StatusMoment, generatedAt: Date): string {
  const now = format(generatedAt, 'yyyy-MM-dd HH:mm');
  switch (moment.kind) {
    case 'now':
      return `整改状态为生成报告时（${now}）台账中的当前状态。`;
    case 'month-close':
      return `整改状态、整改时限、已追回金额和备注为本月月末，即 ${moment.nextPeriod} 扫描前（${moment.shown}）台账中的情况，按台账变更记录还原；`
        + `此后的变更（以后各月扫描的自动销号、重新打开，工作人员此后的修改）不计入，以后重新生成本报告数字不变。`;
    case 'now-recorded-late':
      return `本月的扫描记录晚于 ${moment.laterPeriod} 的扫描（补扫或重扫），台账无法还原本月月末的情况：`
        + `整改状态为生成报告时（${now}）台账中的当前状态，含以后各月扫描和修改的结果。`;
  }
}
