// A list whose ID numbers cannot be compared with anything: masked before it was sent (370481********123X), as 公示
// copies and many departments' exports are, or opened in Excel or WPS and saved again, which stored every ID as a number
// and dropped its last digits (3.71329201801298e+17). Such a file is refused rather than reported row by row.
import type { DuckDBConnection } from '@duckdb/node-api';
import { InputError, UserFacingError } from '../errors.ts';
import { maskIdNumber, maskIdsInText } from '../mask-id.ts';
import { ID_PROBLEMS } from '../normalise/index.ts';
import { sqlString } from '../sql-text.ts';
import type { SkippedFile } from '../discover/input-files.ts';
import type { FileReport } from './load-file.ts';
import { refuseFiles, rowsReadBySheet } from './refuse-files.ts';

/** What happened to a list's IDs: each problem of ID_PROBLEMS that says so. */
const MASKED = [ID_PROBLEMS.masked];
const SAVED_AS_NUMBERS = [ID_PROBLEMS.scientificNotation, ID_PROBLEMS.checkCharacterLostDigits];

interface UnusableFile {
  file: string;
  sheet: string | null;
  /** Rows with such an ID, and of them those masked and those saved as numbers. */
  lines: number;
  masked: number;
  savedAsNumbers: number;
  /**
   * The first such ID with its row (第 2 行「370481********123X」), masked again as rollsweep masks: a list may hide a
   * single digit (37048119900101335*).
   */
  maskedExample: string;
  savedExample: string;
}

/**
 * The files (and sheets) more than half of whose rows have a masked ID or one Excel stored as a number: each would
 * otherwise be one data_quality finding per row, thousands for a 公安 list, with a 整改 deadline each, and not one
 * comparison made (until 2026-12-05 so for a list saved as numbers: the scan went on, exit 0, and found no death in it).
 */
async function filesWithUnusableIds(connection: DuckDBConnection, reports: readonly FileReport[]): Promise<UnusableFile[]> {
  const kindOf = (problem: string) => `CASE WHEN ${MASKED.map((p) => `contains(${problem}, ${sqlString(p)})`).join(' OR ')} THEN 'masked'
    WHEN ${SAVED_AS_NUMBERS.map((p) => `contains(${problem}, ${sqlString(p)})`).join(' OR ')} THEN 'saved' END`;
  // Reference lists' rows with such an ID are refused (load_rejects); the roll's are kept, with the problem.
  const reader = await connection.runAndReadAll(`
    WITH unusable AS (
      SELECT _file, _sheet, _line, raw_value AS raw, ${kindOf('reason')} AS id_kind FROM load_rejects WHERE kind = 'id'
      UNION ALL
      SELECT _file, _sheet, _line, id_raw, ${kindOf('id_problem')} FROM roll WHERE id_problem IS NOT NULL
    )
    SELECT _file, _sheet, count(DISTINCT _line) FILTER (id_kind = 'masked')::BIGINT AS masked,
           count(DISTINCT _line) FILTER (id_kind = 'saved')::BIGINT AS saved, count(DISTINCT _line)::BIGINT AS lines,
           arg_min(raw, _line) FILTER (id_kind = 'masked') AS masked_example, min(_line) FILTER (id_kind = 'masked') AS masked_line,
           arg_min(raw, _line) FILTER (id_kind = 'saved') AS saved_example, min(_line) FILTER (id_kind = 'saved') AS saved_line
    FROM unusable WHERE id_kind IS NOT NULL GROUP BY ALL`);
  const rowsRead = rowsReadBySheet(reports);
  return reader.getRowObjectsJson()
    .map((row) => ({
      file: String(row['_file']), sheet: row['_sheet'] === null ? null : String(row['_sheet']), lines: Number(row['lines']),
      masked: Number(row['masked']), savedAsNumbers: Number(row['saved']),
      maskedExample: `第 ${row['masked_line']} 行「${maskIdNumber(String(row['masked_example'] ?? '').trim())}」`,
      savedExample: `第 ${row['saved_line']} 行「${maskIdsInText(String(row['saved_example'] ?? '').trim())}」`,
    }))
    .filter((found) => 2 * found.lines > rowsRead(found))
    .sort((a, b) => a.file.localeCompare(b.file) || (a.sheet ?? '').localeCompare(b.sheet ?? ''));
}

/**
 * Stops the scan at the first such file; with --skip-bad-files, forgets each (every sheet of it) and lists it as
 * skipped, before the rows are counted. Returns the reports of the files kept.
 */
export async function refuseUnusableIdFiles(connection: DuckDBConnection, reports: FileReport[], skipBadFiles: boolean, skipped: SkippedFile[]): Promise<FileReport[]> {
  return refuseFiles(connection, reports, await filesWithUnusableIds(connection, reports), unusableIdsError, skipBadFiles, skipped);
}

function unusableIdsError(found: UnusableFile): UserFacingError {
  const where = { file: found.file, ...(found.sheet ? { sheet: found.sheet } : {}), column: '身份证号码' };
  if (found.masked >= found.savedAsNumbers) {
    return new InputError(where, `身份证号码已脱敏（${found.masked} 行，如${found.maskedExample}），无法与其他名单比对 (ID numbers masked)`,
      '请向提供部门索取未脱敏的名单（比对在本机进行）；公示用的花名册请换成系统导出的原表。或在 sweep.json 的 "ignore" 中列出该文件。');
  }
  return new InputError(where,
    `身份证号码被存成了数字，末几位已丢失（${found.savedAsNumbers} 行，如${found.savedExample}），无法与其他名单比对 (ID numbers saved as numbers)`,
    '这份名单多半用 Excel 或 WPS 打开后又保存过：18 位身份证号码被当成数字，只留下前 15 位。请使用提供部门的原始导出文件；' +
    '如需在表格软件中整理，先把身份证号码列设为「文本」再导入。或在 sweep.json 的 "ignore" 中列出该文件。');
}
