// Everything the report shows, gathered from the ledger: the period's ledger rows (the same rows as the workbooks,
// so both agree), counted by severity, category and village, plus the month-over-month trend.
import type { DuckDBConnection } from '@duckdb/node-api';
import { CATEGORIES, SEVERITIES, type Severity } from '../engine/define-check.ts';
import { isOverdue, overdueAsOf } from '../export/ledger-workbook/overdue.ts';
import { ledgerRowsForPeriod, type LedgerRow } from '../ledger/ledger-rows.ts';
import { AUTO_CLOSED, TRACKING } from '../ledger/statuses.ts';
import { standingOf, tally, type Tally } from './tally.ts';
import { trendUntil, type TrendPoint } from './trend.ts';
import { villagesByRisk, type VillageFigures } from './village-risk.ts';
import { earlierFindingsWithMoney } from './earlier-findings.ts';
import { statusMomentOf, type StatusMoment } from './month-close.ts';
import { asItStood, asSeen, seenInMonth, valuesAt, type ValuesAt } from './rows-as-they-stood.ts';
import { checksNotRunOf, type CheckNotRun } from '../ledger/checks-not-run.ts';

/** A county has thousands of high findings at worst; the page lists the most urgent, the workbooks list them all. */
export const OPEN_HIGH_LIMIT = 200;

export interface ReportData {
  period: string;
  runId: string;
  /** The scan date of the period's run. */
  scannedAsOf: string | null;
  /** Overdue is judged against this date: the one asked for, else the scan date, else (a run without one) today. */
  asOf: string;
  /** When the statuses shown stood: now (the latest month), or a past month's close (month-close.ts). */
  statusMoment: StatusMoment;
  /** When the report is made (the statuses' moment for the latest month). */
  generatedAt: Date;
  previousPeriod: string | null;
  totals: Tally;
  bySeverity: { severity: Severity; count: number }[];
  byCategory: { category: string; counts: Tally }[];
  /**
   * How the period's scan met the findings: those it found (新发现, 整改未到位 among them), the open ones it could not
   * judge and carried (未复查 …), and those it closed as 自动销号.
   */
  carryOver: { found: number; carried: number; new: number; reopened: number; autoClosed: number };
  villages: VillageFigures[];
  trend: TrendPoint[];
  /** The checks the period's scan did not run, with why, from its run's record (summary.json's checks_skipped). */
  checksNotRun: CheckNotRun[];
  /** Open high-severity findings, overdue first, then by overpayment; at most OPEN_HIGH_LIMIT. */
  openHigh: { rows: LedgerRow[]; total: number };
  isOverdue: (row: LedgerRow) => boolean;
}

/**
 * `asOf` is the day overdue is counted against; without it, the period's scan date (as `ledger export` and the scan's own
 * workbooks count), and `today` only for a run recorded before the ledger kept its scan date.
 */
export async function gatherReportData(
  connection: DuckDBConnection, period: string, options: { asOf: string | undefined; today: Date },
): Promise<ReportData> {
  const ledger = await ledgerRowsForPeriod(connection, period);
  const statusMoment = await statusMomentOf(connection, period, ledger.runId);
  const at = statusMoment.kind === 'month-close' ? statusMoment.at : null;
  const values: ValuesAt = at === null ? new Map() : await valuesAt(connection, at);
  // Places and names as the month saw them, whichever moment its statuses are from: a later month's roll renames them.
  const seen = await seenInMonth(connection, period);
  const rows = ledger.rows.map((row) => asSeen(at === null ? row : asItStood(row, values), seen));
  const earlier = (await earlierFindingsWithMoney(connection, period, new Set(rows.map((row) => row.findingId)), at, values))
    .map((row) => asSeen(row, seen));
  const asOf = overdueAsOf(options.asOf, ledger, options.today);
  const trend = await trendUntil(connection, period);
  const overdue = (row: LedgerRow) => isOverdue(row, asOf);
  const openHigh = rows
    .filter((row) => row.severity === 'high' && standingOf(row) === 'open')
    .sort((a, b) => Number(overdue(b)) - Number(overdue(a)) || (b.overpaymentCents ?? 0) - (a.overpaymentCents ?? 0)
      || (a.township ?? '').localeCompare(b.township ?? '', 'zh-CN') || (a.village ?? '').localeCompare(b.village ?? '', 'zh-CN')
      || a.findingId.localeCompare(b.findingId));
  return {
    period: ledger.period,
    runId: ledger.runId,
    scannedAsOf: ledger.scannedAsOf,
    asOf,
    statusMoment,
    generatedAt: options.today,
    previousPeriod: trend.length > 1 ? trend[trend.length - 2]!.period : null,
    totals: tally(rows, asOf, earlier),
    bySeverity: SEVERITIES.filter((severity) => severity !== 'info')
      .map((severity) => ({ severity, count: rows.filter((row) => row.severity === severity).length })),
    byCategory: categoriesOf([...rows, ...earlier]).map((category) => ({
      category, counts: tally(rows.filter((row) => row.category === category), asOf, earlier.filter((row) => row.category === category)),
    })),
    carryOver: {
      // Until 2026-12-05 `found` counted the carried ones too, as found by a scan that could not look for them.
      found: rows.filter((row) => row.tracking !== AUTO_CLOSED && !isCarried(row)).length,
      carried: rows.filter(isCarried).length,
      new: rows.filter((row) => row.tracking === TRACKING.new).length,
      reopened: rows.filter((row) => row.tracking === TRACKING.reopened).length,
      autoClosed: rows.filter((row) => row.tracking === AUTO_CLOSED).length,
    },
    villages: villagesByRisk(rows, asOf, earlier),
    trend,
    checksNotRun: await checksNotRunOf(connection, ledger.runId),
    openHigh: { rows: openHigh.slice(0, OPEN_HIGH_LIMIT), total: openHigh.length },
    isOverdue: overdue,
  };
}

/** Carried into the month unjudged (未复查：… or 人工保留：…, ledger.run_carried), not found by its scan. */
function isCarried(row: LedgerRow): boolean {
  return [TRACKING.notRechecked, TRACKING.keptByStaff].some((tracking) => row.tracking.startsWith(`${tracking}：`));
}

/** The built-in categories in their usual order (all of them, so months compare), then any a custom check added. */
function categoriesOf(rows: readonly LedgerRow[]): string[] {
  const extra = [...new Set(rows.map((row) => row.category))].filter((category) => !(CATEGORIES as readonly string[]).includes(category));
  return [...CATEGORIES, ...extra.sort()];
}
