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
   * YYYY-MM-DD overdue is judged against (default today: the supervisor's picture on the day the report is made; the
   * workbooks' 汇总 sheet counts against the month's scan date, or `ledger export --as-of`).
   */
  asOf?: string;
  /** Who asked for it, for ledger.exports. */
  exportedBy?: string;
}

export async function writeReport(connection: DuckDBConnection, options: ReportOptions): Promise<{ file: string }> {
  const generatedAt = new Date();
  const period = parsePeriod(options.period).label;
  const asOf = parseScanDate(options.asOf, generatedAt);
  const data = await gatherReportData(connection, period, asOf);
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
  return { file };
}
