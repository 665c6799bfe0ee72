// The report's rows at a moment (month-close.ts): each finding's staff-owned values as they stood then, read back from
// the audit trail, and the findings the month's scan closed as 自动销号 that were reopened after that moment.
import type { DuckDBConnection } from '@duckdb/node-api';
import { MONTH_FINDINGS } from '../ledger/month-findings.ts';
import { LEDGER_ROW_COLUMNS, ledgerRowOf, type LedgerRow } from '../ledger/ledger-rows.ts';
import { AUTO_CLOSED } from '../ledger/statuses.ts';

/** The fields the audit trail records (staff-edits.ts, carry-over.ts), by LedgerRow property. */
const FIELDS = { status: 'status', deadline: 'deadline', recovered: 'recoveredCents', note: 'note', remedy: 'remedy', responsible: 'responsible' } as const;
type Field = keyof typeof FIELDS;

/** finding id → field → the value it held at the moment. */
export type ValuesAt = Map<string, Map<Field, string | null>>;

/**
 * A field's value at `at` is the `from_value` of its first change at or after it: every change of a staff-owned field is
 * recorded with what it replaced, by scans, `ledger set` and imports alike. A field changed only before (or never) holds
 * its value still. The next month's scan writes its own changes at its run's moment, so they count as after.
 */
export async function valuesAt(connection: DuckDBConnection, at: string): Promise<ValuesAt> {
  const reader = await connection.runAndReadAll(
    `SELECT finding_id, field, arg_min(from_value, change_id) AS value FROM ledger.changes
     WHERE changed_at >= $at::TIMESTAMP AND field IN (${Object.keys(FIELDS).map((f) => `'${f}'`).join(', ')})
     GROUP BY finding_id, field`,
    { at },
  );
  const values: ValuesAt = new Map();
  for (const row of reader.getRowObjectsJson()) {
    const id = String(row['finding_id']);
    const fields = values.get(id) ?? new Map<Field, string | null>();
    fields.set(String(row['field']) as Field, row['value'] == null ? null : String(row['value']));
    values.set(id, fields);
  }
  return values;
}

export function asItStood(row: LedgerRow, values: ValuesAt): LedgerRow {
  const fields = values.get(row.findingId);
  if (!fields) return row;
  const stood: LedgerRow = { ...row };
  for (const [field, value] of fields) {
    if (field === 'recovered') stood.recoveredCents = centsOfAuditAmount(value, row.findingId);
    else if (field === 'status') stood.status = value ?? row.status;
    else stood[FIELDS[field]] = value;
  }
  return stood;
}

/** The audit trail writes amounts as formatCents does (`3120.00`, `-1.50`). */
function centsOfAuditAmount(value: string | null, findingId: string): number | null {
  if (value === null) return null;
  const match = /^(-?)(\d+)\.(\d{2})$/.exec(value);
  if (!match) throw new Error(`台账变更记录中问题 ${findingId} 的已追回金额「${value}」无法读取`);
  return (match[1] ? -1 : 1) * (Number(match[2]) * 100 + Number(match[3]));
}

/**
 * Findings the run closed as 自动销号 that were reopened since (by staff, or found again by a later month), as it left
 * them: the reopening cleared their closed_run_id, so the month's rows (ledger-rows.ts) no longer hold them. Only those
 * still 自动销号 at the moment count: one staff reopened before it had left the month's workbook then too.
 */
export async function autoClosedReopenedSince(
  connection: DuckDBConnection, period: string, runId: string, present: ReadonlySet<string>, values: ValuesAt,
): Promise<LedgerRow[]> {
  // Evidence and amount as last seen before the month (the month that found it again has since refreshed them).
  const reader = await connection.runAndReadAll(
    `SELECT ${LEDGER_ROW_COLUMNS}, coalesce(last.evidence, f.evidence) AS evidence,
            CASE WHEN last.finding_id IS NULL THEN f.overpayment_cents ELSE last.overpayment_cents END AS overpayment_cents,
            '${AUTO_CLOSED}' AS tracking
     FROM ledger.findings f LEFT JOIN ${lastSightingBefore('$period')} last USING (finding_id)
     WHERE f.closed_run_id IS DISTINCT FROM $run_id AND EXISTS (
       SELECT 1 FROM ledger.changes c WHERE c.finding_id = f.finding_id AND c.source_kind = 'scan' AND c.run_id = $run_id
         AND c.field = 'status' AND c.to_value = '${AUTO_CLOSED}')
     ORDER BY f.finding_id`,
    { period, run_id: runId },
  );
  return reader.getRowObjectsJson().map(ledgerRowOf)
    .filter((row) => !present.has(row.findingId))
    .map((row) => asItStood(row, values))
    .filter((row) => row.status === AUTO_CLOSED);
}

/**
 * Each finding's last sighting in a month before `periodParam` (a SQL parameter): finding_id, period, evidence,
 * overpayment_cents, tracking, as the month's findings.csv listed it (raised or carried unjudged); with `recordedBefore`
 * (a TIMESTAMP expression) only by runs recorded before it.
 */
export function lastSightingBefore(periodParam: string, recordedBefore = ''): string {
  const recorded = recordedBefore ? ` AND r.finished_at < ${recordedBefore}` : '';
  return `(SELECT m.finding_id, r.period, m.evidence, m.overpayment_cents, m.tracking
           FROM ${MONTH_FINDINGS} m JOIN ledger.runs r USING (run_id) WHERE r.period < ${periodParam}${recorded}
           QUALIFY row_number() OVER (PARTITION BY m.finding_id ORDER BY r.period DESC) = 1)`;
}
