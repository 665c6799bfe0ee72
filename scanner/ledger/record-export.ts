// ledger.exports: every workbook set and report written from the ledger, and every finding shown with full IDs — when,
// by whom, where, and whether full ID numbers went out (--unmask), so that a leak can be traced to what carried it.
import type { DuckDBConnection } from '@duckdb/node-api';

export interface ExportRecord {
  exportedAt: Date;
  period: string;
  runId: string;
  outDir: string;
  /** township | village (ledger workbooks, one per …) | report (the HTML report) | show (`ledger show --unmask` on a terminal). */
  kind: 'township' | 'village' | 'report' | 'show';
  unmasked: boolean;
  /** Absolute paths, stored relative to outDir; for a show (outDir empty), the finding shown. */
  files: readonly string[];
  exportedBy: string | null;
}

export async function recordExport(connection: DuckDBConnection, record: ExportRecord): Promise<void> {
  await connection.run(
    `INSERT INTO ledger.exports (exported_at, period, run_id, out_dir, split, unmasked, files_json, exported_by)
     VALUES ($exported_at::TIMESTAMP, $period, $run_id, $out_dir, $kind, $unmasked, $files_json, $exported_by)`,
    {
      exported_at: record.exportedAt.toISOString(), period: record.period, run_id: record.runId, out_dir: record.outDir,
      kind: record.kind, unmasked: record.unmasked, exported_by: record.exportedBy,
      files_json: JSON.stringify(record.outDir === '' ? record.files : record.files.map((file) => file.slice(record.outDir.length + 1))),
    },
  );
}
