// Overdue (逾期), judged one way for the workbooks' rows and 汇总, `ledger export` and the report: an open finding whose
// 整改时限, as the ledger holds it now, is before the day counted against (ledger.md: overdue once past its deadline).
import { format } from 'date-fns';
import type { LedgerRow, PeriodLedger } from '../../ledger/ledger-rows.ts';
import { TERMINAL_STATUSES, TRACKING } from '../../ledger/statuses.ts';

/**
 * The day overdue is counted against: the one asked for (--as-of), else the month's scan date, so that the scan's
 * workbooks, `ledger export` and the report agree; today (local) only for a run recorded without a scan date.
 */
export function overdueAsOf(asked: string | undefined, ledger: Pick<PeriodLedger, 'scannedAsOf'>, now: Date): string {
  return asked ?? ledger.scannedAsOf ?? format(now, 'yyyy-MM-dd');
}

/**
 * Still open and its deadline before `asOf`. The scan's 逾期 is not taken on its own: it was judged against the deadline
 * of that day, and a deadline staff extended since (`ledger set --deadline`, or 整改时限 in a returned workbook) is the one
 * that holds. Until 2026-12-07 a finding the scan found 逾期 stayed overdue in the 汇总 and the report however far its
 * deadline was moved, while a rescan called it 持续.
 */
export function isOverdue(row: LedgerRow, asOf: string): boolean {
  return isOpen(row) && row.deadline !== null && row.deadline < asOf;
}

/**
 * 跟踪情况 as the deadline now says, for an open finding the scan found again (持续 or 逾期): what a scan on `asOf` with
 * today's deadline would have written, judged as the 汇总's 逾期 is (the scan's 逾期 beside a 整改时限 extended past
 * `asOf` reads 持续; a 持续 whose deadline has gone by reads 逾期). Every other tracking says how the finding came into
 * the month (新发现, 整改未到位, 未复查：…) and is kept, though the 汇总 counts one past its deadline as overdue; a closed
 * finding keeps the scan's word and is not counted.
 */
export function trackingAsOf(row: LedgerRow, asOf: string): string {
  if (!isOpen(row) || (row.tracking !== TRACKING.open && row.tracking !== TRACKING.overdue)) return row.tracking;
  return isOverdue(row, asOf) ? TRACKING.overdue : TRACKING.open;
}

/** Not yet closed: 待核实 or 核实中 (the 汇总's 未办结). */
export function isOpen(row: LedgerRow): boolean {
  return !(TERMINAL_STATUSES as readonly string[]).includes(row.status);
}
