// `ledger import`: reads the workbooks staff filled in and applies their valid edits, all files in one transaction,
// with an audit record per change and a report of every cell refused or ignored.
import type { DuckDBConnection } from '@duckdb/node-api';
import { format } from 'date-fns';
import { FINDING_ID_HEADER } from '../../export/ledger-workbook/columns.ts';
import type { Snapshot } from '../../export/ledger-workbook/snapshot-sheet.ts';
import { readStaffValues, writeStaffValues, type EditableField } from '../staff-edits.ts';
import { AUTO_CLOSED } from '../statuses.ts';
import { inTransaction } from '../transaction.ts';
import { totalsOf, type FileImportReport, type ImportReport } from './import-report.ts';
import { misalignedRows } from './misaligned-rows.ts';
import { readLedgerWorkbook, type LedgerWorkbook, type WorkbookRow } from './read-ledger-workbook.ts';
import { alreadyInLedger, applyEdits, changesAgainstSnapshot, decideStaffEdits, typedValue, type LaterChange, type LockedChange, type StaffChange } from './row-changes.ts';

export { editsNotApplied, formatImportReport } from './import-report.ts';
export type { ImportReport } from './import-report.ts';

export interface ImportOptions {
  /** Who imports; recorded with every change. */
  by?: string;
  at?: Date;
}

export async function importLedgerWorkbooks(connection: DuckDBConnection, files: readonly string[], options: ImportOptions = {}): Promise<ImportReport> {
  // Every file is read before anything is written: one unreadable file stops the import with nothing applied.
  const workbooks: LedgerWorkbook[] = [];
  for (const file of files) workbooks.push(await readLedgerWorkbook(file));
  const at = options.at ?? new Date();
  const reports = await inTransaction(connection, async () => {
    const latest = await latestPeriod(connection);
    const done: FileImportReport[] = [];
    for (const workbook of workbooks) done.push(await importWorkbook(connection, workbook, { latest, at, by: options.by }));
    return done;
  });
  return { files: reports, totals: totalsOf(reports) };
}

const OWN_COLUMN = '不是台账的列，未导入；请写入备注';

interface ImportContext {
  latest: string | null;
  at: Date;
  by: string | undefined;
}

async function importWorkbook(connection: DuckDBConnection, workbook: LedgerWorkbook, context: ImportContext): Promise<FileImportReport> {
  const { snapshot } = workbook;
  const report: FileImportReport = {
    file: workbook.file, period: snapshot.period, applied: [], rejected: [], ignored: [...workbook.unreadable], alreadyInLedger: 0,
  };
  // Staff fill in the latest month's workbook; an older one would put back what a later scan or edit has moved on from.
  // A row of an older month whose finding no later month lists (raised only by a backfill of that month) has no newer
  // workbook to be filled in: it is taken from this one (until 2026-12-06 it was refused, and staff had no way but
  // `ledger set` to record what they did about it).
  const stale = snapshot.period === context.latest ? null
    : context.latest === null ? '台账中还没有扫描记录，无法导入'
    : `工作簿为 ${snapshot.period} 的台账，台账最新月份为 ${context.latest}，请在最新台账中填报`;
  const listedLater = stale === null || context.latest === null ? new Set<string>() : await findingsListedAfter(connection, snapshot.period);
  /** Why a row of this workbook is not taken (its finding is in a newer month's workbook), or null when it is. */
  const staleBecause = (findingId: string) => (stale !== null && (context.latest === null || listedLater.has(findingId)) ? stale : null);
  const exported = new Map(snapshot.rows.map((row) => [row.findingId, row]));
  const firstSeenAt = new Map<string, string>();

  for (const sheet of workbook.sheets) {
    const misaligned = new Map(misalignedRows(sheet.rows, exported, sheet.unnumbered).map((row) => [row.row, row]));
    // A sort that left 问题编号 out moved the selected part of each row; a row it moved with only one column to tell
    // (two findings differing in 整改措施 alone) still looks like its own. So once one row of a sheet shows another
    // finding, no row of that sheet is taken: staff put the order back and import again, and only then does what was
    // right land (the other sheets' edits, taken now, change nothing the second time).
    const sheetOutOfOrder = misaligned.size === 0 ? null : outOfOrder([...misaligned.keys()]);
    for (const row of sheet.rows) {
      const ignore = (column: string, reason: string) => report.ignored.push({ sheet: sheet.name, row: row.row, column, reason });
      const refuse = (change: StaffChange, reason: string) =>
        report.rejected.push({ sheet: sheet.name, row: row.row, column: sheet.misnamed.get(change.column) ?? change.column, value: change.text, reason });
      const earlier = firstSeenAt.get(row.findingId);
      if (earlier) {
        ignore(FINDING_ID_HEADER, `问题编号 ${row.findingId} 在本工作簿中重复出现（首次在${earlier}），此行未读取`);
        continue;
      }
      firstSeenAt.set(row.findingId, `工作表「${sheet.name}」第 ${row.row} 行`);
      const snapshotRow = exported.get(row.findingId);
      if (!snapshotRow) {
        ignore(FINDING_ID_HEADER, await findingExists(connection, row.findingId)
          ? `问题编号 ${row.findingId} 不属于本工作簿，可能从其他台账复制，此行未读取`
          : `台账中没有问题编号 ${row.findingId}，此行未读取`);
        continue;
      }
      // Text in a column of staff's own (核查情况 after 备注, a cell with no header) is in no field of the ledger.
      for (const cell of row.ownCells) {
        report.ignored.push({ sheet: sheet.name, row: row.row, column: cell.column, value: cell.text, reason: OWN_COLUMN });
      }
      const changes = changesAgainstSnapshot(row.cells, snapshotRow.values, snapshot.unmasked);
      const shownAs = (column: string) => sheet.misnamed.get(column) ?? column;
      const staleReason = staleBecause(row.findingId);
      if (staleReason !== null) {
        // A row out of place shows another finding's cells: nothing in it is this finding's to set beside the ledger.
        if (sheetOutOfOrder !== null) {
          for (const change of [...changes.locked, ...changes.staff]) ignore(shownAs(change.column), staleReason);
          continue;
        }
        for (const change of changes.locked) ignore(shownAs(change.column), lockedColumn(change));
        const current = changes.staff.length > 0 ? await readStaffValues(connection, row.findingId) : null;
        for (const change of changes.staff) {
          // Imported before the next month's scan (or typed with ledger set): no edit left out, nothing to re-enter.
          // Until 2026-12-07 each was listed as ignored, 请在最新台账中填报, and staff typed it in again.
          const inLedger = current !== null && !sheet.misnamed.has(change.column) && alreadyInLedger(change, current[change.field]);
          if (inLedger) report.alreadyInLedger += 1;
          else ignore(shownAs(change.column), staleReason);
        }
        continue;
      }
      const notThisFinding = misaligned.get(row.row);
      if (notThisFinding) {
        // One line for the row: its locked columns are another finding's, not edits to list one by one.
        ignore(FINDING_ID_HEADER, notThisFinding.reason);
        for (const change of changes.staff) refuse(change, `此行不是问题编号 ${row.findingId} 的行（见下方本行「${FINDING_ID_HEADER}」的说明），未导入`);
        continue;
      }
      for (const change of changes.locked) ignore(shownAs(change.column), lockedColumn(change));
      if (sheetOutOfOrder !== null) {
        for (const change of changes.staff) refuse(change, sheetOutOfOrder);
        continue;
      }
      // A staff column read where it stood, its header renamed past recognition or cleared: its edits are not taken.
      for (const change of changes.staff.filter((one) => sheet.misnamed.has(one.column))) {
        report.rejected.push({
          sheet: sheet.name, row: row.row, column: shownAs(change.column), value: change.text,
          reason: `无法确认此列是「${change.column}」，未导入；请把表头改回「${change.column}」后重新导入`,
        });
      }
      const staff = changes.staff.filter((change) => !sheet.misnamed.has(change.column));
      if (staff.length > 0) await importRowEdits(connection, { workbook, sheet: sheet.name, row, changes: staff, report, context });
    }
  }
  return report;
}

/** Why a locked cell staff changed is not taken, whatever month its workbook is of. */
function lockedColumn(change: LockedChange): string {
  return `此列不可修改，导出时为${change.written ? `「${change.written}」` : '空'}，改动未导入`;
}

/** Why the other rows of a sheet with rows out of place are not taken either. */
function outOfOrder(rows: readonly number[]): string {
  const shown = rows.slice(0, 5).map((row) => `第 ${row} 行`).join('、');
  return `本工作表${shown}${rows.length > 5 ? '等' : ''}与其问题编号不符（可能排序时未选中问题编号列），无法确认其余各行仍是各自问题的行，本表的填报均未导入；请恢复原顺序后重新导入`;
}

async function importRowEdits(
  connection: DuckDBConnection,
  job: { workbook: LedgerWorkbook; sheet: string; row: WorkbookRow; changes: readonly StaffChange[]; report: FileImportReport; context: ImportContext },
): Promise<void> {
  const { sheet, row, report } = job;
  const current = await readStaffValues(connection, row.findingId);
  if (!current) {
    // Exported, but gone since: the month it was found in has been scanned again without it.
    for (const change of job.changes) report.ignored.push({ sheet, row: row.row, column: change.column, reason: `台账中已没有问题编号 ${row.findingId}，未导入` });
    return;
  }
  const { accepted, refused, alreadyHeld } = decideStaffEdits(job.changes, current, await changedSinceExport(connection, row.findingId, job.workbook.snapshot));
  // The same workbook imported again (or a WeChat copy of it): staff are told their edits are in, not left to wonder.
  report.alreadyInLedger += alreadyHeld;
  for (const cell of refused) report.rejected.push({ sheet, row: row.row, column: cell.column, value: cell.text, reason: cell.reason });
  if (accepted.length === 0) return;
  const after = applyEdits(current, accepted);
  const source = `${job.workbook.file} 工作表「${sheet}」第 ${row.row} 行${job.context.by ? `（${job.context.by}）` : ''}`;
  await writeStaffValues(connection, row.findingId, current, after, { kind: 'workbook', source, at: job.context.at });
  for (const edit of accepted) {
    report.applied.push({
      findingId: row.findingId, field: edit.field, column: edit.column, sheet, row: row.row,
      from: typedValue(edit.field, current[edit.field]), to: typedValue(edit.field, after[edit.field]),
    });
  }
}

/**
 * The fields of a finding changed in the ledger after the workbook was exported, each with its latest audit record:
 * by the audit record id the export noted, or, in a workbook exported before 2026-12-02 that noted none, by time.
 * Values alone cannot tell: a supervisor who put the exported value back, or the same file imported twice, leave the
 * ledger showing what the workbook was exported with.
 */
async function changedSinceExport(connection: DuckDBConnection, findingId: string, snapshot: Snapshot): Promise<Map<EditableField, LaterChange>> {
  const exportedAt = Number.isNaN(Date.parse(snapshot.exportedAt)) ? null : new Date(snapshot.exportedAt).toISOString();
  if (snapshot.changesThrough === null && exportedAt === null) return new Map();
  const reader = await connection.runAndReadAll(
    `SELECT field, source, strftime(changed_at, '%Y-%m-%dT%H:%M:%SZ') AS changed_at,
            bool_and(source_kind = 'scan') OVER (PARTITION BY field) AS by_scan_only
     FROM ledger.changes
     WHERE finding_id = $id AND (CASE WHEN $through IS NOT NULL THEN change_id > $through ELSE changed_at >= $exported_at::TIMESTAMP END)
     QUALIFY row_number() OVER (PARTITION BY field ORDER BY change_id DESC) = 1`,
    { id: findingId, through: snapshot.changesThrough, exported_at: exportedAt },
  );
  return new Map(reader.getRowObjectsJson().map((change) => [change['field'] as EditableField, {
    source: String(change['source']),
    when: format(new Date(String(change['changed_at'])), 'yyyy-MM-dd HH:mm'),
    byScanOnly: change['by_scan_only'] === true,
  }]));
}

async function latestPeriod(connection: DuckDBConnection): Promise<string | null> {
  const value = (await connection.runAndReadAll('SELECT max(period) FROM ledger.runs')).getRowsJson()[0]?.[0];
  return value == null ? null : String(value);
}

/**
 * The findings a month after `period` lists in its workbooks (raised, carried unjudged or closed as 自动销号 by its
 * scan, reopened since or not: ledger-rows.ts); every finding when `period` has no run in this ledger (a workbook of
 * another ledger, or of a month since gone). Until 2026-12-06 a later month's 自动销号 staff had reopened was not asked:
 * an older month's workbook could overwrite what was typed in the latest.
 */
async function findingsListedAfter(connection: DuckDBConnection, period: string): Promise<Set<string>> {
  const reader = await connection.runAndReadAll(
    `SELECT finding_id FROM (SELECT run_id, finding_id FROM ledger.run_findings UNION ALL SELECT run_id, finding_id FROM ledger.run_carried)
     WHERE run_id IN (SELECT run_id FROM ledger.runs WHERE period > $period)
     UNION SELECT finding_id FROM ledger.findings WHERE closed_run_id IN (SELECT run_id FROM ledger.runs WHERE period > $period)
     UNION SELECT finding_id FROM ledger.changes WHERE source_kind = 'scan' AND field = 'status' AND to_value = '${AUTO_CLOSED}'
       AND run_id IN (SELECT run_id FROM ledger.runs WHERE period > $period)
     UNION SELECT finding_id FROM ledger.findings WHERE NOT EXISTS (SELECT 1 FROM ledger.runs WHERE period = $period)`,
    { period },
  );
  return new Set(reader.getRowsJson().map(([id]) => String(id)));
}

async function findingExists(connection: DuckDBConnection, findingId: string): Promise<boolean> {
  const reader = await connection.runAndReadAll('SELECT 1 FROM ledger.findings WHERE finding_id = $id', { id: findingId });
  return reader.getRowsJson().length > 0;
}
