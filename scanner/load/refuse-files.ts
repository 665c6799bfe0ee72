// Refusing a whole file once it is typed (its IDs masked or saved as numbers, its payees on no roll): the scan stops
// naming it, or with --skip-bad-files forgets it, every sheet of it, before the rows are counted.
import type { DuckDBConnection } from '@duckdb/node-api';
import { DATASETS } from '../datasets/catalog.ts';
import type { UserFacingError } from '../errors.ts';
import { quoteIdentifier as q } from '../sql-text.ts';
import type { SkippedFile } from '../discover/input-files.ts';
import type { FileReport } from './load-file.ts';

export interface RefusedSheet {
  file: string;
  sheet: string | null;
}

/** The file and sheet of a result row that selected _file and _sheet. */
export function refusedSheetOf(row: Record<string, unknown>): RefusedSheet {
  return { file: String(row['_file']), sheet: row['_sheet'] === null ? null : String(row['_sheet']) };
}

/** By file, then sheet: the order the scan names refused files in. */
export const bySheet = (a: RefusedSheet, b: RefusedSheet) => a.file.localeCompare(b.file) || (a.sheet ?? '').localeCompare(b.sheet ?? '');

/** Rows read per file and sheet, for "more than half of its rows" tests. */
export function rowsReadBySheet(reports: readonly FileReport[]): (found: RefusedSheet) => number {
  const rowsRead = new Map<string, number>();
  for (const report of reports) for (const sheet of report.sheets) rowsRead.set(`${report.file}\u0000${sheet.sheet ?? ''}`, sheet.rowsRead);
  return (found) => rowsRead.get(`${found.file}\u0000${found.sheet ?? ''}`) ?? 0;
}

/** Stops the scan at the first of `found`; with --skip-bad-files, forgets each and lists it as skipped. Returns the reports kept. */
export async function refuseFiles<T extends RefusedSheet>(
  connection: DuckDBConnection, reports: FileReport[], found: readonly T[], error: (found: T) => UserFacingError,
  skipBadFiles: boolean, skipped: SkippedFile[],
): Promise<FileReport[]> {
  let kept = reports;
  for (const one of found) {
    if (!skipBadFiles) throw error(one);
    if (!kept.some((report) => report.file === one.file)) continue; // another of its sheets was refused too
    await forgetTypedFile(connection, one.file);
    kept = kept.filter((report) => report.file !== one.file);
    skipped.push({ file: one.file, reason: `无法读取，已跳过：${error(one).message}` });
  }
  return kept;
}

/** With --skip-bad-files: the refused file leaves no row behind, typed or rejected. */
async function forgetTypedFile(connection: DuckDBConnection, file: string): Promise<void> {
  for (const dataset of DATASETS) await connection.run(`DELETE FROM ${q(dataset.name)} WHERE _file = $file`, { file });
  await connection.run('DELETE FROM load_rejects WHERE _file = $file', { file });
}
