// Which moment a month's workbooks show its findings at, as its report does (report/month-close.ts): the latest month
// as the ledger is now; a past month as it stood at its close, when the next month's scan began. Until 2026-12-07 a
// past month's workbooks showed today's statuses under the month's title: October's 汇总, exported after November's
// scan, counted November's six 自动销号 as October's, a finding staff closed 已清退 in October and November's scan
// reopened as 待核实, and none of October's three closures; the report for the same month said otherwise. Its places
// and names are the month's too, as its report's: until 2026-12-08 a village November's roll renamed had October's
// rows under November's name, in a workbook and sheet of that name, and a person November corrected his name had it.
import type { DuckDBConnection } from '@duckdb/node-api';
import { format } from 'date-fns';
import { lastChangeId } from '../../ledger/changes.ts';
import { SHEET_ORDER, type LedgerRow, type PeriodLedger } from '../../ledger/ledger-rows.ts';
import { earlierFindingsWithMoney } from '../../report/earlier-findings.ts';
import { statusMomentOf, type StatusMoment } from '../../report/month-close.ts';
import { asItStood, asSeen, seenInMonth, valuesAt } from '../../report/rows-as-they-stood.ts';

export interface MonthAsExported {
  /** The month's rows with their staff values at the moment and their places and names as the month saw them, in sheet order. */
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
  // Places and names as the month saw them, whichever moment its statuses are from (as report-data.ts): a later month's
  // roll renames them. They decide the row's workbook and sheet, so the rows are put in sheet order again.
  const seen = await seenInMonth(connection, ledger.period);
  if (moment.kind !== 'month-close') {
    const earlier = await earlierFindingsWithMoney(connection, ledger.period, present, null, new Map());
    return {
      // The latest month: no later month has seen its findings, and its rows stand as the query ordered them.
      rows: seen.size === 0 ? ledger.rows : await inSheetOrder(connection, ledger.rows.map((row) => asSeen(row, seen))),
      earlier: earlier.map((row) => asSeen(row, seen)),
      changesThrough: await lastChangeId(connection),
      ...momentWords(moment, exportedAt),
    };
  }
  const values = await valuesAt(connection, moment.at);
  const earlier = await earlierFindingsWithMoney(connection, ledger.period, present, moment.at, values);
  return {
    rows: await inSheetOrder(connection, ledger.rows.map((row) => asSeen(asItStood(row, values), seen))),
    earlier: earlier.map((row) => asSeen(row, seen)),
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
 * The rows in ledger-rows.ts's SHEET_ORDER, by their places and statuses as they stood: sorted in DuckDB by the same
 * ORDER BY, so that text sorts as the ledger's query sorts it. Until 2026-12-08 a JavaScript copy of that order sorted
 * within each village of the query's order; a place as the month saw it can move a row to another village, and a
 * renamed village to another place among them.
 */
async function inSheetOrder(connection: DuckDBConnection, rows: readonly LedgerRow[]): Promise<LedgerRow[]> {
  if (rows.length === 0) return [];
  const keys = rows.map((row, position) => ({
    position, township: row.township, village: row.village, status: row.status, household_id: row.householdId,
    check_id: row.checkId, finding_id: row.findingId,
  }));
  const reader = await connection.runAndReadAll(
    `SELECT position FROM (SELECT unnest(from_json($keys, '${JSON.stringify([SORT_KEY_TYPES])}'), recursive := true))
     ORDER BY ${SHEET_ORDER}`,
    { keys: JSON.stringify(keys) },
  );
  return reader.getRowsJson().map(([position]) => rows[Number(position)]!);
}

/** The columns SHEET_ORDER reads, and the row's position to put it back by. */
const SORT_KEY_TYPES = {
  position: 'INTEGER', township: 'VARCHAR', village: 'VARCHAR', status: 'VARCHAR', household_id: 'VARCHAR', check_id: 'VARCHAR',
  finding_id: 'VARCHAR',
} as const;
