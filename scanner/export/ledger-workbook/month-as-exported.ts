// Which moment a month's workbooks show its findings at, as its report does (report/month-close.ts): the latest month
// as the ledger is now; a past month as it stood at its close, when the next month's scan began. Until 2026-12-07 a
// past month's workbooks showed today's statuses under the month's title: October's 汇总, exported after November's
// scan, counted November's six 自动销号 as October's, a finding staff closed 已清退 in October and November's scan
// reopened as 待核实, and none of October's three closures; the report for the same month said otherwise.
import type { DuckDBConnection } from '@duckdb/node-api';
import { format } from 'date-fns';
import { lastChangeId } from '../../ledger/changes.ts';
import type { LedgerRow, PeriodLedger } from '../../ledger/ledger-rows.ts';
import { AUTO_CLOSED, FALSE_POSITIVE, TERMINAL_STATUSES } from '../../ledger/statuses.ts';
import { earlierFindingsWithMoney } from '../../report/earlier-findings.ts';
import { statusMomentOf, type StatusMoment } from '../../report/month-close.ts';
import { asItStood, valuesAt } from '../../report/rows-as-they-stood.ts';

export interface MonthAsExported {
  /** The month's rows with their staff values at the moment, in sheet order. */
  rows: LedgerRow[];
  /** Earlier months' findings with money, at the same moment (the 汇总's money, as the report's). */
  earlier: LedgerRow[];
  /**
   * The last audit record the rows' values include, for the snapshot: an import takes every later record of a field
   * as a change made after the export, and so never puts a month-close value over a later one.
   */
  changesThrough: number;
  /** Added to the titles after the period (`，状态为月末 …`); '' for the latest month, whose workbooks are as they were. */
  titleNote: string;
  /** The 汇总's sentence on the moment; null for the latest month. */
  statusNote: string | null;
}

export async function monthAsExported(connection: DuckDBConnection, ledger: PeriodLedger, exportedAt: Date): Promise<MonthAsExported> {
  const moment = await statusMomentOf(connection, ledger.period, ledger.runId);
  const present = new Set(ledger.rows.map((row) => row.findingId));
  if (moment.kind !== 'month-close') {
    return {
      rows: ledger.rows,
      earlier: await earlierFindingsWithMoney(connection, ledger.period, present, null, new Map()),
      changesThrough: await lastChangeId(connection),
      ...momentWords(moment, exportedAt),
    };
  }
  const values = await valuesAt(connection, moment.at);
  return {
    rows: inSheetOrder(ledger.rows.map((row) => asItStood(row, values))),
    earlier: await earlierFindingsWithMoney(connection, ledger.period, present, moment.at, values),
    changesThrough: await lastChangeBefore(connection, moment.at),
    ...momentWords(moment, exportedAt),
  };
}

/**
 * The record just before the first one valuesAt counts as after the moment. Taken by id, not by time: a record written
 * out of time order then counts as later, which refuses an edit rather than letting it go over a later value.
 */
async function lastChangeBefore(connection: DuckDBConnection, at: string): Promise<number> {
  const value = (await connection.runAndReadAll(
    'SELECT min(change_id) - 1 FROM ledger.changes WHERE changed_at >= $at::TIMESTAMP', { at },
  )).getRowsJson()[0]?.[0];
  return value == null ? lastChangeId(connection) : Number(value);
}

function momentWords(moment: StatusMoment, exportedAt: Date): Pick<MonthAsExported, 'titleNote' | 'statusNote'> {
  const now = format(exportedAt, 'yyyy-MM-dd HH:mm');
  switch (moment.kind) {
    case 'now':
      return { titleNote: '', statusNote: null };
    case 'month-close':
      return {
        titleNote: `，状态为月末 ${moment.shown}`,
        statusNote: `整改状态、整改时限、已追回金额和备注为本月月末，即 ${moment.nextPeriod} 扫描前（${moment.shown}）台账中的情况，`
          + `按台账变更记录还原，与本月排查整改报告一致；此后的变更（以后各月扫描的自动销号、重新打开，工作人员此后的修改）不计入。`
          + `以后各月台账仍列出的问题，请在最新月份的台账中填报。`,
      };
    case 'now-recorded-late':
      return {
        titleNote: `，状态截至导出时 ${now}`,
        statusNote: `本月的扫描记录晚于 ${moment.laterPeriod} 的扫描（补扫或重扫），台账无法还原本月月末的情况：`
          + `整改状态为导出时（${now}）台账中的当前状态，含以后各月扫描和修改的结果。`,
      };
  }
}

/**
 * Within each village, as ledger-rows.ts orders them but by the status at the moment: open first, then closed by staff,
 * 误报, 自动销号; in each part by household (none last), check and finding. The villages keep their order.
 */
function inSheetOrder(rows: readonly LedgerRow[]): LedgerRow[] {
  const villageRun = new Map<LedgerRow, number>();
  rows.forEach((row, index) => {
    const previous = rows[index - 1];
    villageRun.set(row, previous === undefined ? 0 : villageRun.get(previous)! + (samePlace(previous, row) ? 0 : 1));
  });
  return [...rows].sort((a, b) => villageRun.get(a)! - villageRun.get(b)! || statusRank(a.status) - statusRank(b.status)
    || compareNullsLast(a.householdId, b.householdId) || compareNullsLast(a.checkId, b.checkId) || compareNullsLast(a.findingId, b.findingId));
}

/** As DuckDB orders ASCII text (household numbers, check and finding ids), NULLS LAST. */
function compareNullsLast(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

function samePlace(a: LedgerRow, b: LedgerRow): boolean {
  return a.township === b.township && a.village === b.village;
}

function statusRank(status: string): number {
  if (status === AUTO_CLOSED) return 3;
  if (status === FALSE_POSITIVE) return 2;
  return (TERMINAL_STATUSES as readonly string[]).includes(status) ? 1 : 0;
}
