// The report's rows at a moment (month-close.ts): each finding's staff-owned values as they stood then, read back from
// the audit trail. The month's rows themselves are the workbooks' (ledger-rows.ts), which keep the findings the month's
// scan closed as 自动销号 however they were reopened since (until 2026-12-06 the report added those reopened after the
// moment here, and one staff reopened before it was in neither).
import type { DuckDBConnection } from '@duckdb/node-api';
import type { LedgerRow } from '../ledger/ledger-rows.ts';

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
    `SELECT finding_id, field, arg_min_null(from_value, change_id) AS value FROM ledger.changes
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
