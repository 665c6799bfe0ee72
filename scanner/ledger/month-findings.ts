// A run's month of findings, as every output of the month counts it: findings.csv, summary.json, the workbooks, the
// report's trend; and a finding's last sighting before a month.

/**
 * Each run's month of findings above info, as findings.csv lists them and summary.json and the report's trend count
 * them: the findings the run raised, and the open ones it could not judge and carried into the month (未复查：…,
 * 人工保留：…, `carried`), each with that month's evidence, overpayment_cents and tracking.
 */
export const MONTH_FINDINGS = `(
  SELECT m.* FROM (SELECT run_id, finding_id, evidence, overpayment_cents, tracking, false AS carried FROM ledger.run_findings
                   UNION ALL SELECT run_id, finding_id, evidence, overpayment_cents, tracking, true FROM ledger.run_carried) m
  JOIN ledger.findings f USING (finding_id)
  WHERE f.severity <> 'info')`;

/**
 * The rows of findings.csv: the month of run $run_id. Not joined to ledger.runs, as summary.json counts them before
 * the run's own row is written.
 */
export const FINDINGS_OF_RUN = `(SELECT * FROM ${MONTH_FINDINGS} WHERE run_id = $run_id)`;

/**
 * Each finding's last sighting in a month before `periodParam` (a SQL parameter): finding_id, period, evidence,
 * overpayment_cents, tracking, as the month's findings.csv listed it (raised or carried unjudged); with `recordedBefore`
 * (a TIMESTAMP expression) only by runs recorded before it; with `onlyFindings` (a SQL query of finding ids) only theirs.
 */
export function lastSightingBefore(periodParam: string, recordedBefore = '', onlyFindings = ''): string {
  const recorded = recordedBefore ? ` AND r.finished_at < ${recordedBefore}` : '';
  const only = onlyFindings ? ` AND m.finding_id IN (${onlyFindings})` : '';
  return `(SELECT m.finding_id, r.period, m.evidence, m.overpayment_cents, m.tracking
           FROM ${MONTH_FINDINGS} m JOIN ledger.runs r USING (run_id) WHERE r.period < ${periodParam}${recorded}${only}
           QUALIFY row_number() OVER (PARTITION BY m.finding_id ORDER BY r.period DESC) = 1)`;
}
