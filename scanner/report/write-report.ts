// `report`: a period's HTML report written owner-only into the output folder (it names poor families).
import { join, resolve } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { ensureOutputFolder, writeOwnerOnlyFile } from '../export/output-folder.ts';
import { recordExport } from '../ledger/record-export.ts';
import { parsePeriod, parseScanDate } from '../period.ts';
import { gatherReportData } from './report-data.ts';
import { renderReport } from './render-report.ts';

export interface ReportOptions {
  period: string;
  outDir: string;
  /** Full ID numbers instead of masked ones. */
  unmask?: boolean;
  /**
   * YYYY-MM-DD overdue is counted against (`report --as-of`). Default: the month's scan date, as `ledger export` and the
   * scan's own workbooks count, so all three agree (until 2026-12-03 the report counted against the day it was made);
   * today for a run recorded without a scan date.
   */
  asOf?: string;
  /** Who asked for it, for ledger.exports. */
  exportedBy?: string;
}

export async function writeReport(connection: DuckDBConnection, options: ReportOptions): Promise<{ file: string; asOf: string }> {
  const generatedAt = new Date();
  const period = parsePeriod(options.period).label;
  const asOf = options.asOf === undefined ? undefined : parseScanDate(options.asOf, generatedAt);
  const data = await gatherReportData(connection, period, { asOf, today: generatedAt });
  const html = renderReport(data, { unmask: options.unmask ?? false, generatedAt });
  const outDir = resolve(options.outDir);
  const file = join(outDir, `report-${period}.html`);
  await ensureOutputFolder(outDir);
  await writeOwnerOnlyFile(file, html, '报告');
  const run = (await connection.runAndReadAll(`SELECT run_id FROM ledger.runs WHERE period = $period`, { period })).getRowsJson()[0];
  await recordExport(connection, {
    exportedAt: generatedAt, period, runId: String(run?.[0] ?? ''), outDir, kind: 'report', unmasked: options.unmask ?? false, files: [file],
    exportedBy: options.exportedBy ?? null,
  });
  return { file, asOf: data.asOf };
}
