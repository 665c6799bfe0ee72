// `ledger export`: a period's 整改台账 as one workbook per township (or per village), recorded in ledger.exports.
import { open } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { ledgerRowsForPeriod, type LedgerRow } from '../../ledger/ledger-rows.ts';
import { recordExport } from '../../ledger/record-export.ts';
import ExcelJS from '../../read/exceljs.ts';
import { workThrough } from '../../settle-all.ts';
import { ROLLSWEEP_VERSION } from '../../version.ts';
import { ensureOutputFolder, writeWhole } from '../output-folder.ts';
import { checksNotRunNote } from './checks-not-run.ts';
import { writeLedgerSheet } from './ledger-sheet.ts';
import { monthAsExported } from './month-as-exported.ts';
import { fitSheetName, safeFileName, SNAPSHOT_SHEET, SUMMARY_SHEET, townshipLabel, UniqueNames, villageLabel } from './names.ts';
import { writeSnapshotSheet, type SnapshotHeader, type SnapshotRow } from './snapshot-sheet.ts';
import { overdueAsOf, trackingAsOf } from './overdue.ts';
import { writeSummarySheet, type VillageGroup } from './summary-sheet.ts';

export interface LedgerExportOptions {
  period: string;
  outDir: string;
  split: 'township' | 'village';
  unmask: boolean;
  exportedBy?: string;
  /**
   * YYYY-MM-DD the 汇总 sheet counts overdue against. Default: the period's scan date, so that the export agrees with
   * the workbooks that scan wrote (until 2026-12-03 it was the day of the export); today for a run without one.
   */
  asOf?: string;
}

export interface LedgerExportResult {
  /** Absolute paths, in township/village order. */
  files: string[];
  rows: number;
  /** The date overdue was counted against. */
  asOf: string;
}

interface WorkbookPlan {
  fileName: string;
  title: string;
  villages: VillageGroup[];
}

/** What every workbook of the export says about the month: the moment its statuses are at, the checks not run. */
interface MonthWords {
  /** After the period in each title; '' for the latest month. */
  titleNote: string;
  /** The 汇总's notes below its own. */
  notes: string[];
}

/** Several workbooks are written at a time: part of each one's time is spent waiting on its zip stream and the disk. */
const WORKBOOKS_AT_A_TIME = 4;

export async function exportLedgerWorkbooks(connection: DuckDBConnection, options: LedgerExportOptions): Promise<LedgerExportResult> {
  const ledger = await ledgerRowsForPeriod(connection, options.period);
  const exportedAt = new Date();
  // A past month as it stood at its close, as its report shows it; the latest as the ledger is now. With the rows, the
  // money of earlier months' findings no longer in the month (for the 汇总 to agree with the report's) and the last
  // audit record the rows include (an import takes any later record of a row's field as a change made after the export).
  const month = await monthAsExported(connection, ledger, exportedAt);
  const { earlier, changesThrough } = month;
  const words: MonthWords = {
    titleNote: month.titleNote,
    notes: [month.statusNote, await checksNotRunNote(connection, ledger.runId, options.unmask)].filter((note): note is string => note !== null),
  };
  const outDir = resolve(options.outDir);
  const asOf = overdueAsOf(options.asOf, ledger, exportedAt);
  const header: SnapshotHeader = {
    period: ledger.period, runId: ledger.runId, exportedAt: exportedAt.toISOString(), exportedBy: options.exportedBy ?? null, unmasked: options.unmask,
    changesThrough,
  };
  await ensureOutputFolder(outDir);

  // 跟踪情况 of a finding found again as the deadline now says, judged as the 汇总's 逾期 (overdue.ts); the snapshot keeps it as shown.
  const rows = month.rows.map((row) => ({ ...row, tracking: trackingAsOf(row, asOf) }));
  const plans = planWorkbooks(rows, earlier, options.split, `${ledger.period}${words.titleNote}`).map((plan) => ({ plan, path: join(outDir, plan.fileName) }));
  const writers = Array.from({ length: WORKBOOKS_AT_A_TIME }, (_, writer) => writer);
  await workThrough(plans, writers, ({ plan, path }) => writeWorkbook(path, plan, { ...header, ...words, unmask: options.unmask, asOf }));
  const files = plans.map(({ path }) => path);
  await recordExport(connection, {
    exportedAt, period: ledger.period, runId: ledger.runId, outDir, kind: options.split, unmasked: options.unmask, files,
    exportedBy: options.exportedBy ?? null,
  });
  return { files, rows: ledger.rows.length, asOf };
}

/**
 * Rows arrive sorted by township and village, so each group is one run of consecutive rows. `earlier` (money only) goes
 * to its village's 汇总 line: a village of the township with no row this month gets a line and no sheet; a township (or,
 * split by village, a village) with no row this month gets no workbook — nothing in it to fill in.
 */
function planWorkbooks(rows: readonly LedgerRow[], earlier: readonly LedgerRow[], split: 'township' | 'village', titlePeriod: string): WorkbookPlan[] {
  const fileNames = new UniqueNames();
  const plans: WorkbookPlan[] = [];
  for (const township of consecutiveGroups(rows, (row) => row.township)) {
    const townshipName = townshipLabel(township.key);
    const villages = withEarlier(consecutiveGroups(township.rows, (row) => row.village), earlier.filter((row) => row.township === township.key))
      .map((village) => ({ label: villageLabel(village.key), rows: village.rows, earlier: village.earlier }));
    if (split === 'township') {
      plans.push({ fileName: `${fileNames.claim(safeFileName(townshipName))}.xlsx`, title: townshipName, villages });
    } else {
      for (const village of villages.filter((one) => one.rows.length > 0)) {
        plans.push({ fileName: `${fileNames.claim(safeFileName(`${townshipName}-${village.label}`))}.xlsx`, title: `${townshipName}${village.label}`, villages: [village] });
      }
    }
  }
  return plans.map((plan) => ({ ...plan, title: `${plan.title} 整改台账汇总（${titlePeriod}）` }));
}

/** Each village group with its earlier findings, and a group for each village that has only those, in village order. */
function withEarlier(
  villages: readonly { key: string | null; rows: LedgerRow[] }[], earlier: readonly LedgerRow[],
): { key: string | null; rows: LedgerRow[]; earlier: LedgerRow[] }[] {
  const groups = villages.map((village) => ({ ...village, earlier: [] as LedgerRow[] }));
  for (const row of earlier) {
    let group = groups.find((one) => one.key === row.village);
    if (!group) groups.push(group = { key: row.village, rows: [], earlier: [] });
    group.earlier.push(row);
  }
  // As ledger-rows.ts orders them: by name, no village last.
  return groups.sort((a, b) => (a.key === b.key ? 0 : a.key === null ? 1 : b.key === null ? -1 : a.key < b.key ? -1 : 1));
}

function consecutiveGroups(rows: readonly LedgerRow[], key: (row: LedgerRow) => string | null): { key: string | null; rows: LedgerRow[] }[] {
  const groups: { key: string | null; rows: LedgerRow[] }[] = [];
  for (const row of rows) {
    const last = groups[groups.length - 1];
    if (last && last.key === key(row)) last.rows.push(row);
    else groups.push({ key: key(row), rows: [row] });
  }
  return groups;
}

async function writeWorkbook(path: string, plan: WorkbookPlan, context: SnapshotHeader & MonthWords & { unmask: boolean; asOf: string }): Promise<void> {
  await writeWhole(path, '台账工作簿', async (partial) => {
    // Opened first so that a folder we cannot write to fails here, not as an unhandled stream error later.
    const file = await open(partial, 'w', 0o600);
    try {
      const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
        stream: file.createWriteStream(),
        useStyles: true,
        // Inline strings: a shared-string table makes exceljs several times slower on big ledgers.
        useSharedStrings: false,
      });
      workbook.creator = `rollsweep ${ROLLSWEEP_VERSION}`;
      workbook.created = new Date(context.exportedAt);
      await writeSummarySheet(workbook, { title: plan.title, villages: plan.villages, asOf: context.asOf, notes: context.notes });
      const sheetNames = new UniqueNames([SUMMARY_SHEET, SNAPSHOT_SHEET]);
      const snapshotRows: SnapshotRow[] = [];
      for (const village of plan.villages.filter((one) => one.rows.length > 0)) {
        const township = village.rows[0]?.township ?? null;
        snapshotRows.push(...await writeLedgerSheet(workbook, {
          sheetName: sheetNames.claim(village.label, fitSheetName),
          title: `${townshipLabel(township)}${village.label} 整改台账（${context.period}${context.titleNote}）`,
          rows: village.rows,
          unmask: context.unmask,
        }));
      }
      await writeSnapshotSheet(workbook, { ...context, rows: snapshotRows });
      await workbook.commit();
    } catch (error) {
      // The stream closes the file when it finishes; after a failure part-way it is still open.
      await file.close().catch(() => {});
      throw error;
    }
  });
}
