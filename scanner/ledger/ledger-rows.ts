// The rows of a period's remediation ledger (整改台账): what the workbooks show and what an import is checked against.
import type { DuckDBConnection } from '@duckdb/node-api';
import { UsageError } from '../errors.ts';
import { FINDINGS_OF_RUN, lastSightingBefore } from './month-findings.ts';
import { AUTO_CLOSED, FALSE_POSITIVE, TERMINAL_SQL } from './statuses.ts';

export interface LedgerRow {
  findingId: string;
  county: string | null;
  township: string | null;
  village: string | null;
  householdId: string | null;
  headName: string | null;
  name: string | null;
  /** Full, normalised; mask before showing (mask-id.ts). */
  idNumber: string | null;
  program: string | null;
  category: string;
  checkId: string;
  severity: string;
  /** As the period's scan saw it. */
  evidence: string | null;
  overpaymentCents: number | null;
  recoveredCents: number | null;
  remedy: string | null;
  responsible: string | null;
  /** YYYY-MM-DD */
  deadline: string | null;
  status: string;
  firstSeen: string;
  /** carry-over of the period's scan (statuses.ts TRACKING; `未复查：…` for one it carried unjudged), or 自动销号 for findings that scan closed. */
  tracking: string;
  note: string | null;
}

export interface PeriodLedger {
  period: string;
  runId: string;
  /** The period's scan date (its --as-of), YYYY-MM-DD; null for a run recorded before the ledger kept it. */
  scannedAsOf: string | null;
  rows: LedgerRow[];
}

/**
 * Every finding above info the period's scan raised, the open ones it could not judge and carried (ledger.run_carried:
 * 未复查 …; until 2026-12-02 they were left out), and those it auto-closed (AUTO_CLOSED_BY_RUN), by township and village:
 * open ones first, then those closed by staff, then 误报 (kept apart), then 自动销号.
 */
export async function ledgerRowsForPeriod(connection: DuckDBConnection, period: string): Promise<PeriodLedger> {
  const run = (await connection.runAndReadAll(
    `SELECT run_id, strftime(as_of, '%Y-%m-%d') FROM ledger.runs WHERE period = $period`, { period },
  )).getRowsJson()[0];
  if (!run) {
    const known = (await connection.runAndReadAll(`SELECT string_agg(period, '、' ORDER BY period) FROM ledger.runs`)).getRowsJson()[0]?.[0];
    throw new UsageError(`台账中没有 ${period} 的扫描记录`, known ? `台账中已有的月份：${String(known)}` : '先运行 rollsweep scan。');
  }
  const runId = String(run[0]);
  const columns = LEDGER_ROW_COLUMNS;
  const reader = await connection.runAndReadAll(
    `SELECT * FROM (
       SELECT ${columns}, s.evidence, s.overpayment_cents, s.tracking
       FROM ${FINDINGS_OF_RUN} s JOIN ledger.findings f USING (finding_id)
       UNION ALL
       SELECT ${columns}, coalesce(last.evidence, f.evidence) AS evidence,
              CASE WHEN last.finding_id IS NULL THEN f.overpayment_cents ELSE last.overpayment_cents END AS overpayment_cents,
              '${AUTO_CLOSED}' AS tracking
       FROM ledger.findings f LEFT JOIN ${lastSightingBefore('$period', '', AUTO_CLOSED_BY_RUN)} last USING (finding_id)
       WHERE f.finding_id IN ${AUTO_CLOSED_BY_RUN})
     ORDER BY ${SHEET_ORDER}`,
    { run_id: runId, period },
  );
  return { period, runId, scannedAsOf: text(run[1]), rows: reader.getRowObjectsJson().map(ledgerRowOf) };
}

/**
 * The workbooks' row order, over columns township, village, status, household_id, check_id and finding_id: by township
 * and village, then open first, closed by staff, 误报, 自动销号, then by household (none last), check and finding. The one
 * order: a past month's rows, whose statuses and places month-as-exported.ts puts back as they stood, are sorted by it
 * again in DuckDB (until 2026-12-08 a JavaScript copy of it sorted them).
 */
export const SHEET_ORDER = `township NULLS LAST, village NULLS LAST,
  CASE WHEN status = '${AUTO_CLOSED}' THEN 3 WHEN status = '${FALSE_POSITIVE}' THEN 2 WHEN status IN ${TERMINAL_SQL} THEN 1 ELSE 0 END,
  household_id NULLS LAST, check_id, finding_id`;

/**
 * The findings run $run_id closed as 自动销号 and did not list otherwise: still closed (closed_run_id), or reopened by
 * staff since — by the workbook or `ledger set`, which clear closed_run_id — or by a later month that found them again,
 * known by the run's audit record of the close (a rescan hands over the records of the closes it keeps: undo-run.ts).
 * Until 2026-12-06 only closed_run_id was asked: a 自动销号 staff reopened left the month's workbooks, 汇总 and report,
 * open work in none of them until the next month's scan carried it (人工保留). Evidence and overpayment are the last
 * month's before the period, as the close saw them: a later month that found it again has refreshed the finding's own.
 * One a rescan of the month carries as 人工保留 is listed once, carried.
 */
const AUTO_CLOSED_BY_RUN = `(
  SELECT finding_id FROM ledger.findings WHERE closed_run_id = $run_id
  UNION SELECT finding_id FROM ledger.changes
        WHERE source_kind = 'scan' AND run_id = $run_id AND field = 'status' AND to_value = '${AUTO_CLOSED}'
  EXCEPT SELECT finding_id FROM ${FINDINGS_OF_RUN})`;

/**
 * The columns of ledger.findings `f` a LedgerRow is read from; a query adds evidence, overpayment_cents and tracking (the
 * month's). Exported for the report, which reads rows the workbooks' query does not (findings of earlier months).
 */
export const LEDGER_ROW_COLUMNS = `f.finding_id, f.county, f.township, f.village, f.household_id, f.head_name, f.name, f.id_number, f.program,
    f.category, f.check_id, f.severity, f.recovered_cents, f.remedy, f.responsible, strftime(f.deadline, '%Y-%m-%d') AS deadline,
    f.status, f.first_seen, f.note`;

/** One result row of LEDGER_ROW_COLUMNS + evidence, overpayment_cents, tracking. */
export function ledgerRowOf(r: Record<string, unknown>): LedgerRow {
  return {
    findingId: String(r['finding_id']),
    county: text(r['county']), township: text(r['township']), village: text(r['village']), householdId: text(r['household_id']),
    headName: text(r['head_name']), name: text(r['name']), idNumber: text(r['id_number']), program: text(r['program']),
    category: String(r['category']), checkId: String(r['check_id']), severity: String(r['severity']),
    evidence: text(r['evidence']), overpaymentCents: cents(r['overpayment_cents']), recoveredCents: cents(r['recovered_cents']),
    remedy: text(r['remedy']), responsible: text(r['responsible']), deadline: text(r['deadline']), status: String(r['status']),
    firstSeen: String(r['first_seen']), tracking: String(r['tracking']), note: text(r['note']),
  };
}

function text(value: unknown): string | null {
  return value == null ? null : String(value);
}

function cents(value: unknown): number | null {
  return value == null ? null : Number(value);
}
