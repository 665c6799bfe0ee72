// Per-village figures of a period, ordered by risk so that a supervisor reads the villages that need a visit first.
import { townshipLabel, villageLabel } from '../export/ledger-workbook/names.ts';
import type { LedgerRow } from '../ledger/ledger-rows.ts';
import { outstandingCents, tally, type Tally } from './tally.ts';

export interface VillageFigures {
  township: string;
  village: string;
  counts: Tally;
}

/** Printed under the table: the order must be explainable to the villages that come first. */
export const RISK_ORDER_TEXT =
  '排序规则（风险从高到低）：逾期的高风险问题数 → 未办结的高风险问题数 → 逾期问题数 → 尚未追回金额（应追回减已追回）→ 未办结问题数；相同时按乡镇、村名排列。';

const RISK_KEYS: readonly ((counts: Tally) => number)[] = [
  (counts) => counts.highOverdue,
  (counts) => counts.highOpen,
  (counts) => counts.overdue,
  outstandingCents,
  (counts) => counts.open,
];

export function compareByRisk(a: VillageFigures, b: VillageFigures): number {
  for (const key of RISK_KEYS) {
    const difference = key(b.counts) - key(a.counts);
    if (difference !== 0) return difference;
  }
  return a.township.localeCompare(b.township, 'zh-CN') || a.village.localeCompare(b.village, 'zh-CN');
}

/**
 * One entry per township + village (the same village name may exist in two townships), riskiest first. `earlier`:
 * findings no longer in the month's rows, counted in the money (tally.ts); a village with only such findings is listed
 * with no finding, for the money it recovered or still has to.
 */
export function villagesByRisk(rows: readonly LedgerRow[], asOf: string, earlier: readonly LedgerRow[] = []): VillageFigures[] {
  const groups = new Map<string, { township: string; village: string; rows: LedgerRow[]; earlier: LedgerRow[] }>();
  const groupOf = (row: LedgerRow) => {
    const key = JSON.stringify([row.township, row.village]);
    const group = groups.get(key) ?? { township: townshipLabel(row.township), village: villageLabel(row.village), rows: [], earlier: [] };
    groups.set(key, group);
    return group;
  };
  for (const row of rows) groupOf(row).rows.push(row);
  for (const row of earlier) groupOf(row).earlier.push(row);
  return [...groups.values()]
    .map((group) => ({ township: group.township, village: group.village, counts: tally(group.rows, asOf, group.earlier) }))
    .sort(compareByRisk);
}
