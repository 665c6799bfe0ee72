// The findings of earlier months that are no longer in the month's ledger rows — closed by staff (已追回, 已清退 …),
// 误报 or 自动销号 before the month was scanned, so its scan neither raised, carried nor closed them — counted in the
// money only, by the report and the workbooks' 汇总 sheet alike (until 2026-12-06 the 汇总 left them out). The money recovered on them is still recovered: until 2026-12-06 it dropped out of every later
// month's 已追回 (a 已追回 recorded in October was gone from November's report), and its overpayment from 应追回.
// Some are open: raised only by a backfill recorded after the month was scanned, or reopened by staff since; the page
// and the 汇总 word them apart, as open (tally.ts; until 2026-12-06 they were called closed).
import type { DuckDBConnection } from '@duckdb/node-api';
import { LEDGER_ROW_COLUMNS, ledgerRowOf, type LedgerRow } from '../ledger/ledger-rows.ts';
import { lastSightingBefore } from '../ledger/month-findings.ts';
import { asItStood, type ValuesAt } from './rows-as-they-stood.ts';

/**
 * Every finding (above info) a month before `period` listed and the month's rows (`present`) do not hold, with the
 * evidence and overpayment its last month estimated and its staff values as `values` has them (the month's close) or
 * as they are now. `at`: only months recorded before that moment (a backfill recorded since was not there then).
 */
export async function earlierFindings(
  connection: DuckDBConnection, period: string, present: ReadonlySet<string>, at: string | null, values: ValuesAt,
): Promise<LedgerRow[]> {
  const reader = await connection.runAndReadAll(
    `SELECT ${LEDGER_ROW_COLUMNS}, last.evidence, last.overpayment_cents, last.tracking
     FROM ledger.findings f JOIN ${lastSightingBefore('$period', at === null ? '' : '$at::TIMESTAMP')} last USING (finding_id)
     ORDER BY f.finding_id`,
    at === null ? { period } : { period, at },
  );
  return reader.getRowObjectsJson().map(ledgerRowOf)
    .filter((row) => !present.has(row.findingId))
    .map((row) => asItStood(row, values));
}

/**
 * Only those with money (an estimated overpayment or an amount recovered): the report and the 汇总 sheet count them in
 * 应追回 / 多发金额 and 已追回 alone.
 */
export async function earlierFindingsWithMoney(
  connection: DuckDBConnection, period: string, present: ReadonlySet<string>, at: string | null, values: ValuesAt,
): Promise<LedgerRow[]> {
  return (await earlierFindings(connection, period, present, at, values))
    .filter((row) => (row.overpaymentCents ?? 0) !== 0 || (row.recoveredCents ?? 0) !== 0);
}
