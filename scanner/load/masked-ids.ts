// A list whose ID numbers were masked before it was sent (370481********123X), as 公示 copies and many departments'
// exports are: it can be compared with nothing, so the file is refused rather than reported row by row.
import type { DuckDBConnection } from '@duckdb/node-api';
import { InputError, UserFacingError } from '../errors.ts';
import { maskIdNumber } from '../mask-id.ts';
import { ID_PROBLEMS } from '../normalise/index.ts';
import { sqlString } from '../sql-text.ts';
import type { SkippedFile } from '../discover/input-files.ts';
import type { FileReport } from './load-file.ts';
import { refuseFiles, rowsReadBySheet } from './refuse-files.ts';

interface MaskedFile {
  file: string;
  sheet: string | null;
  masked: number;
  /** Masked again as rollsweep masks: a list may hide a single digit (37048119900101335*), leaving the rest a person's. */
  example: string;
}

/**
 * The files (and sheets) more than half of whose rows have a masked ID: each would otherwise be one data_quality
 * finding per row, thousands for a 公安 list, with a 整改 deadline each, and not one comparison made.
 */
async function filesWithMaskedIds(connection: DuckDBConnection, reports: readonly FileReport[]): Promise<MaskedFile[]> {
  const masked = sqlString(ID_PROBLEMS.masked);
  // Reference lists' rows with such an ID are refused (load_rejects); the roll's are kept, with the problem.
  const reader = await connection.runAndReadAll(`
    SELECT _file, _sheet, count(DISTINCT _line)::BIGINT AS masked, min(raw_value) AS example
    FROM load_rejects WHERE kind = 'id' AND contains(reason, ${masked}) GROUP BY ALL
    UNION ALL
    SELECT _file, _sheet, count(*)::BIGINT, min(id_raw) FROM roll WHERE id_problem = ${masked} GROUP BY ALL`);
  const rowsRead = rowsReadBySheet(reports);
  return reader.getRowObjectsJson()
    .map((row) => ({ file: String(row['_file']), sheet: row['_sheet'] === null ? null : String(row['_sheet']), masked: Number(row['masked']), example: maskIdNumber(String(row['example']).trim()) }))
    .filter((found) => 2 * found.masked > rowsRead(found))
    .sort((a, b) => a.file.localeCompare(b.file) || (a.sheet ?? '').localeCompare(b.sheet ?? ''));
}

/**
 * Stops the scan at the first such file; with --skip-bad-files, forgets each (every sheet of it) and lists it as
 * skipped, before the rows are counted. Returns the reports of the files kept.
 */
export async function refuseMaskedFiles(connection: DuckDBConnection, reports: FileReport[], skipBadFiles: boolean, skipped: SkippedFile[]): Promise<FileReport[]> {
  return refuseFiles(connection, reports, await filesWithMaskedIds(connection, reports), maskedIdsError, skipBadFiles, skipped);
}

function maskedIdsError(found: MaskedFile): UserFacingError {
  return new InputError(
    { file: found.file, ...(found.sheet ? { sheet: found.sheet } : {}), column: '身份证号码' },
    `身份证号码已脱敏（${found.masked} 行，如「${found.example}」），无法与其他名单比对 (ID numbers masked)`,
    '请向提供部门索取未脱敏的名单（比对在本机进行）；公示用的花名册请换成系统导出的原表。或在 sweep.json 的 "ignore" 中列出该文件。',
  );
}
