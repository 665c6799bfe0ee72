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
 * SQL relation (`keys`…, finding_id, field, value): each audited field's value as it stood at a moment, for the findings
 * whose field changed since — the `from_value` of its first change after the moment. Every change of a staff-owned
 * field is recorded with what it replaced, by scans, `ledger set` and imports alike; a field changed only before (or
 * never) holds its value still, and has no row here. arg_min_null: the value replaced may have been empty (a 整改时限
 * never set), and that empty is the value. `changesAfter`: `ledger.changes c` with whatever joins name the moment and
 * the condition that a change is after it (FROM … WHERE …); `keys`: the columns that tell the moments apart. The one
 * reading of a past value from the audit trail: the report's rows at a month's close (valuesAt) and each trend row at
 * its scan's end (trend.ts); until 2026-12-07 each wrote its own.
 */
export function valuesStoodSql(changesAfter: string, keys: readonly string[] = []): string {
  return `(SELECT ${keys.map((key) => `${key}, `).join('')}c.finding_id, c.field, arg_min_null(c.from_value, c.change_id) AS value
           FROM ${changesAfter} AND c.field IN (${Object.keys(FIELDS).map((f) => `'${f}'`).join(', ')})
           GROUP BY ALL)`;
}

/**
 * The values at `at`: the changes at or after it count as after it, as the next month's scan writes its own changes at
 * its run's moment.
 */
export async function valuesAt(connection: DuckDBConnection, at: string): Promise<ValuesAt> {
  const reader = await connection.runAndReadAll(
    `SELECT finding_id, field, value FROM ${valuesStoodSql('ledger.changes c WHERE c.changed_at >= $at::TIMESTAMP')}`,
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

/** Where and who a finding was, as a month's scan saw it: the fields of a sighting's picture (finding-picture.ts) a row shows. */
type Seen = Pick<LedgerRow, 'county' | 'township' | 'village' | 'householdId' | 'headName' | 'name' | 'program'>;

/** finding id → its place, household and person as the month saw them, for the findings a later month has seen since. */
export type SeenInMonth = Map<string, Seen>;

/**
 * A finding's record holds its latest month's place, household and names (record-run.ts: the latest month's picture
 * wins), so only the findings a month after `period` has seen can differ. For them: those of their latest sighting up
 * to the period — the period's own for the findings it raised, the month before for those it carried or closed, and
 * for an earlier month's finding its last month — read from the sighting's picture, as the spot check places them
 * (sample/places-at-scan.ts). A sighting recorded before 2026-12-06 has no picture: its row keeps the record's. Until
 * 2026-12-07 a past month's report showed the names of the latest month: a village renamed in November's roll renamed
 * October's village table, and a head of household renamed his October findings.
 */
export async function seenInMonth(connection: DuckDBConnection, period: string): Promise<SeenInMonth> {
  const reader = await connection.runAndReadAll(
    `SELECT s.finding_id, s.picture->>'county' AS county, s.picture->>'township' AS township, s.picture->>'village' AS village,
            s.picture->>'household_id' AS household_id, s.picture->>'head_name' AS head_name, s.picture->>'name' AS name,
            s.picture->>'program' AS program
     FROM ledger.findings f JOIN ledger.run_findings s USING (finding_id) JOIN ledger.runs r USING (run_id)
     WHERE f.last_seen > $period AND r.period <= $period AND s.picture IS NOT NULL
     QUALIFY row_number() OVER (PARTITION BY s.finding_id ORDER BY r.period DESC) = 1`,
    { period },
  );
  const text = (value: unknown) => (value == null ? null : String(value));
  return new Map(reader.getRowObjectsJson().map((row) => [String(row['finding_id']), {
    county: text(row['county']), township: text(row['township']), village: text(row['village']),
    householdId: text(row['household_id']), headName: text(row['head_name']), name: text(row['name']), program: text(row['program']),
  }]));
}

export function asSeen(row: LedgerRow, seen: SeenInMonth): LedgerRow {
  const picture = seen.get(row.findingId);
  return picture ? { ...row, ...picture } : row;
}

/** The audit trail writes amounts as formatCents does (`3120.00`, `-1.50`). */
function centsOfAuditAmount(value: string | null, findingId: string): number | null {
  if (value === null) return null;
  const match = /^(-?)(\d+)\.(\d{2})$/.exec(value);
  if (!match) throw new Error(`台账变更记录中问题 ${findingId} 的已追回金额「${value}」无法读取`);
  return (match[1] ? -1 : 1) * (Number(match[2]) * 100 + Number(match[3]));
}
