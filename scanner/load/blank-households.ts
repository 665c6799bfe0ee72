// A roll most of whose person rows have no 家庭编号 cannot be read as households. The usual cause: a 花名册 whose household
// cells (乡镇, 村, 家庭编号, 救助类别, 月保障金 …) were merged down across each family's rows, saved as CSV by Excel, WPS or
// LibreOffice: a merged cell's value stays on the family's first row, the members' rows are left empty. Read row by
// row, every member was a person without a household (the demo's rural roll so saved: 817 missing-field findings, 329
// amounts over the standard of a household of one, deposits over a limit for one person, two persons on both 低保 and
// 特困 missed). The workbook itself is read as Excel shows it (merged cells included); such a CSV is refused, and so is
// a workbook whose cells were unmerged without filling them down.
import type { DuckDBConnection } from '@duckdb/node-api';
import { InputError, UserFacingError } from '../errors.ts';
import type { SkippedFile } from '../discover/input-files.ts';
import type { FileReport } from './load-file.ts';
import { bySheet, refuseFiles, refusedSheetOf, rowsReadBySheet } from './refuse-files.ts';

interface BlankHouseholdSheet {
  file: string;
  sheet: string | null;
  /** Person rows without a 家庭编号 (not one Excel turned into scientific notation: data_quality.bad-value's). */
  blank: number;
  /** Of them, rows that say they are a member (与户主关系 not 户主/本人), as the rows under a merged cell are. */
  members: number;
  rows: number;
  firstLine: number;
  firstName: string | null;
}

/** The roll files (and sheets) more than half of whose rows have no 家庭编号, most of them members' rows. */
async function sheetsWithBlankHouseholds(connection: DuckDBConnection, reports: readonly FileReport[]): Promise<BlankHouseholdSheet[]> {
  const reader = await connection.runAndReadAll(`
    SELECT _file, _sheet, count(*)::BIGINT AS blank, count(*) FILTER (relation IS NOT NULL AND NOT is_head)::BIGINT AS members,
           min(_line) AS first_line, arg_min(name, _line) AS first_name
    FROM roll WHERE household_id IS NULL AND household_id_lost IS NULL GROUP BY ALL`);
  const rowsRead = rowsReadBySheet(reports);
  return reader.getRowObjectsJson()
    .map((row) => {
      const sheet = refusedSheetOf(row);
      return {
        ...sheet, blank: Number(row['blank']), members: Number(row['members']), rows: rowsRead(sheet),
        firstLine: Number(row['first_line']), firstName: row['first_name'] === null ? null : String(row['first_name']),
      };
    })
    // Only the merged roll's pattern: rows without one that are a household's own (a 特困 resident 本人, a roll without
    // 与户主关系) stay each a data_quality.missing-field, as a 家庭编号 some rows lack is.
    .filter((found) => 2 * found.blank > found.rows && 2 * found.members > found.blank)
    .sort(bySheet);
}

/** Stops the scan at the first such roll file; with --skip-bad-files, forgets it and lists it as skipped. */
export async function refuseBlankHouseholdRolls(connection: DuckDBConnection, reports: FileReport[], skipBadFiles: boolean, skipped: SkippedFile[]): Promise<FileReport[]> {
  return refuseFiles(connection, reports, await sheetsWithBlankHouseholds(connection, reports), blankHouseholdsError, skipBadFiles, skipped);
}

function blankHouseholdsError(found: BlankHouseholdSheet): UserFacingError {
  return new InputError(
    { file: found.file, ...(found.sheet ? { sheet: found.sheet } : {}), column: '家庭编号' },
    `${found.blank} 行（共 ${found.rows} 行）没有家庭编号（如第 ${found.firstLine} 行${found.firstName ? `「${found.firstName}」` : ''}），` +
      `其中 ${found.members} 行是家庭成员：多半是花名册合并的单元格被拆开了（另存为 CSV，或取消合并），其值只留在每户第一行，无法按户核查 (household ids missing)`,
    '请直接使用原来的 XLSX 花名册（rollsweep 按合并单元格读取），或在表格软件中取消合并、向下填充后再导出。或在 sweep.json 的 "ignore" 中列出该文件。',
  );
}
