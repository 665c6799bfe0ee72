// Counting a set of ledger rows the way the workbooks' 汇总 sheet does: open, closed by staff, 误报, 自动销号,
// overdue, and the money to recover — for the whole period, a category or one village.
import { isOverdue } from '../export/ledger-workbook/overdue.ts';
import type { LedgerRow } from '../ledger/ledger-rows.ts';
import { AUTO_CLOSED, FALSE_POSITIVE, TERMINAL_STATUSES } from '../ledger/statuses.ts';

/** Where a finding stands now: 误报 and 自动销号 are kept apart from findings staff closed (ledger.md). */
export type Standing = 'open' | 'closed' | 'falsePositive' | 'autoClosed';

export function standingOf(row: LedgerRow): Standing {
  if (row.status === FALSE_POSITIVE) return 'falsePositive';
  if (row.status === AUTO_CLOSED) return 'autoClosed';
  return (TERMINAL_STATUSES as readonly string[]).includes(row.status) ? 'closed' : 'open';
}

export interface Tally {
  findings: number;
  open: number;
  /** Closed by staff: 已整改、已清退、已追回、已备案. */
  closed: number;
  falsePositive: number;
  autoClosed: number;
  overdue: number;
  highOpen: number;
  highOverdue: number;
  /**
   * Estimated overpayment of every finding but 误报 (a false alarm has nothing to recover): the month's rows and the
   * earlier findings no longer in them (`earlier`), so that money does not leave the report when its finding closes.
   */
  toRecoverCents: number;
  /** Recovered on the month's rows and on the earlier findings, whatever their status. */
  recoveredCents: number;
  /**
   * Of the two sums, the part of earlier months' findings no longer in the month's rows (earlier-findings.ts): those
   * closed (by staff, 误报, 自动销号) and those open — raised by a backfill recorded after the month was scanned, or
   * reopened by staff after it — named apart, as the page words them (until 2026-12-06 all were called closed).
   */
  earlier: { closed: EarlierPart; open: EarlierPart };
}

/** Earlier findings no longer in the month's rows: how many, and their money. */
export interface EarlierPart { findings: number; toRecoverCents: number; recoveredCents: number }

/** `rows` are counted in full; `earlier` (findings no longer in the month's rows) in the money only. */
export function tally(rows: readonly LedgerRow[], asOf: string, earlier: readonly LedgerRow[] = []): Tally {
  const counts: Tally = {
    findings: 0, open: 0, closed: 0, falsePositive: 0, autoClosed: 0, overdue: 0, highOpen: 0, highOverdue: 0,
    toRecoverCents: 0, recoveredCents: 0,
    earlier: { closed: { findings: 0, toRecoverCents: 0, recoveredCents: 0 }, open: { findings: 0, toRecoverCents: 0, recoveredCents: 0 } },
  };
  for (const row of rows) {
    const standing = standingOf(row);
    const overdue = isOverdue(row, asOf);
    counts.findings += 1;
    counts[standing] += 1;
    if (overdue) counts.overdue += 1;
    if (row.severity === 'high' && standing === 'open') counts.highOpen += 1;
    if (row.severity === 'high' && overdue) counts.highOverdue += 1;
    counts.toRecoverCents += toRecoverOf(row);
    counts.recoveredCents += row.recoveredCents ?? 0;
  }
  for (const row of earlier) {
    const part = counts.earlier[standingOf(row) === 'open' ? 'open' : 'closed'];
    part.findings += 1;
    part.toRecoverCents += toRecoverOf(row);
    part.recoveredCents += row.recoveredCents ?? 0;
    counts.toRecoverCents += toRecoverOf(row);
    counts.recoveredCents += row.recoveredCents ?? 0;
  }
  return counts;
}

function toRecoverOf(row: LedgerRow): number {
  return standingOf(row) === 'falsePositive' ? 0 : row.overpaymentCents ?? 0;
}

/**
 * Share of the real findings (all but 误报) that are no longer open — closed by staff or 自动销号 — as the
 * part and the whole, so the page can print both the figure and what it was computed from.
 */
export function closedShare(counts: Tally): { part: number; whole: number } {
  return { part: counts.closed + counts.autoClosed, whole: counts.findings - counts.falsePositive };
}

/** What is still to recover: never negative (staff may record more than the scan's estimate). */
export function outstandingCents(counts: Tally): number {
  return Math.max(0, counts.toRecoverCents - counts.recoveredCents);
}
