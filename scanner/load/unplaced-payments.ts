// A bank's 代发 list of a wider area than the roll scanned (the county's list beside one township's roll), or scanned
// with half a roll: most of its payees, or accounts, are on no roll row. Each such payment would be refused and be a
// data_quality finding of its own, thousands with a 整改 deadline each, for no fault of the villages: the file is
// refused instead (with --skip-bad-files, skipped), naming how many rows found no household. So is a 发放明细 without a
// 村 column beside a roll that numbers its households per village (reused-household-numbers.ts): none of its payments
// under such a number can be placed, nor one of a 发放明细 that writes no program (no 发放项目 or 救助类别, and neither
// its sheet's nor its file's name says 低保 or 特困) beside a 低保 roll and a 特困 roll numbered alike.
import type { DuckDBConnection } from '@duckdb/node-api';
import { InputError, type UserFacingError } from '../errors.ts';
import { maskIdNumber, maskIdsInText } from '../mask-id.ts';
import { sqlString } from '../sql-text.ts';
import type { SkippedFile } from '../discover/input-files.ts';
import type { FileReport } from './load-file.ts';
import { NOT_ON_ROLL } from './payee-households.ts';
import { NO_PROGRAM_WRITTEN, NO_VILLAGE_WRITTEN } from './reused-household-numbers.ts';
import { bySheet, refuseFiles, refusedSheetOf, rowsReadBySheet, type RefusedSheet } from './refuse-files.ts';

/**
 * Why a payment found no household: its payee or account is on no roll row, or its number is several villages' and it
 * names none, or its number is a village's 低保 and 特困 families' and it names no program.
 */
type Unplaced = 'not-on-roll' | 'no-village' | 'no-program';
const REASONS: Record<Unplaced, readonly string[]> = { 'not-on-roll': NOT_ON_ROLL, 'no-village': [NO_VILLAGE_WRITTEN], 'no-program': [NO_PROGRAM_WRITTEN] };

interface UnplacedFile extends RefusedSheet {
  why: Unplaced;
  unplaced: number;
  rowsRead: number;
  column: string;
  /** One of the values that found no household, masked as an ID is: the full value is in the file the message names. */
  example: string;
}

/** The payment files (and sheets) more than half of whose rows found no household for this reason. */
async function filesMostlyUnplaced(connection: DuckDBConnection, reports: readonly FileReport[], why: Unplaced): Promise<UnplacedFile[]> {
  const reader = await connection.runAndReadAll(`
    SELECT _file, _sheet, count(DISTINCT _line)::BIGINT AS unplaced, min(column_name) AS column_name,
      min(raw_value) AS example, arg_min(reason, raw_value) AS example_reason
    FROM load_rejects
    WHERE dataset = 'payments' AND kind = 'value' AND (${REASONS[why].map((reason) => `ends_with(reason, ${sqlString(reason)})`).join(' OR ')})
    GROUP BY ALL`);
  const rowsRead = rowsReadBySheet(reports);
  return reader.getRowObjectsJson()
    .map((row) => {
      const found = refusedSheetOf(row);
      return { ...found, why, unplaced: Number(row['unplaced']), rowsRead: rowsRead(found), column: String(row['column_name']),
        example: shownExample(String(row['example']).trim(), String(row['example_reason'])) };
    })
    .filter((found) => 2 * found.unplaced > found.rowsRead)
    .sort(bySheet);
}

/**
 * The message goes to the console, summary.json and a cron job's log: a payee's ID is masked whole, however it is
 * written (a person's by the column it came from); an account or a 家庭编号 is shown, an ID inside it masked.
 */
function shownExample(example: string, reason: string): string {
  return reason.endsWith(NOT_ON_ROLL[0]) ? maskIdNumber(example) : maskIdsInText(example);
}

/** Stops the scan at the first such file; with --skip-bad-files, forgets each. Returns the reports of the files kept. */
export async function refuseUnplacedPayments(connection: DuckDBConnection, reports: FileReport[], skipBadFiles: boolean, skipped: SkippedFile[]): Promise<FileReport[]> {
  const found = [
    ...await filesMostlyUnplaced(connection, reports, 'not-on-roll'), ...await filesMostlyUnplaced(connection, reports, 'no-village'),
    ...await filesMostlyUnplaced(connection, reports, 'no-program'),
  ];
  return refuseFiles(connection, reports, found, unplacedError, skipBadFiles, skipped);
}

function unplacedError(found: UnplacedFile): UserFacingError {
  const where = { file: found.file, ...(found.sheet ? { sheet: found.sheet } : {}), column: found.column };
  const skip = '或在 sweep.json 的 "ignore" 中列出该文件，或用 --skip-bad-files 跳过它。';
  if (found.why === 'no-village') {
    return new InputError(
      where,
      `${found.unplaced} 行（共 ${found.rowsRead} 行）的${found.column}在花名册中是不同村的多户（花名册各村各自编号，如「${found.example}」），`
        + '本表没有写村（社区），无法确定发给哪一户 (household numbers reused across villages, payments name no village)',
      `请在发放明细中加上「村(社区)」列（两个乡镇有同名的村时再加「乡镇」列）后重新扫描；${skip}`,
    );
  }
  if (found.why === 'no-program') {
    return new InputError(
      where,
      `${found.unplaced} 行（共 ${found.rowsRead} 行）的${found.column}在花名册中是同一村低保、特困各自编号的两户（如「${found.example}」），`
        + '本表没有写明是低保还是特困的发放，无法确定发给哪一户 (household numbers reused by the 低保 and 特困 rolls, payments name no program)',
      `请在发放明细中加上「发放项目」或「救助类别」列写明低保或特困，或把低保、特困的发放分别放在文件名写明「低保」「特困」的文件中后重新扫描；${skip}`,
    );
  }
  return new InputError(
    where,
    `${found.unplaced} 行（共 ${found.rowsRead} 行）的${found.column}在花名册中找不到（如「${found.example}」），无法对应家庭：`
      + '这份名单与花名册不是同一范围（如全县的代发名单只配了一个乡镇的花名册），或花名册不全 (payees not on the roll)',
    `请核对名单与花名册的范围，补齐花名册后重新扫描；${skip}`,
  );
}
