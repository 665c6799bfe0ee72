// What an import did, cell by cell: changes applied, cells refused with the reason, cells and rows left alone.
import { describeLocation } from '../../errors.ts';
import { maskIdsInText } from '../../mask-id.ts';
import type { EditableField } from '../staff-edits.ts';

export interface AppliedChange {
  findingId: string;
  field: EditableField;
  /** The workbook column the value came from. */
  column: string;
  /** As the audit trail shows them (amounts in yuan); null = empty. */
  from: string | null;
  to: string | null;
  sheet: string;
  row: number;
}

/** A staff cell whose value cannot be taken: not a valid value, a rule across fields, or a newer value in the ledger. */
export interface RejectedCell {
  sheet: string;
  row: number;
  column: string;
  value: string;
  reason: string;
}

/** A cell or row the import does not read: locked columns, rows of unknown or other workbooks, an old period. */
export interface IgnoredCell {
  sheet: string;
  row: number;
  column: string;
  reason: string;
  /** What the cell says, for text typed in a column of staff's own (核查情况 after 备注). */
  value?: string;
  /** A line beside the findings' rows (a signature, 村委会盖章：, a note under the table): nothing about a finding was left out. */
  outsideTable?: true;
}

export interface FileImportReport {
  file: string;
  period: string;
  applied: AppliedChange[];
  rejected: RejectedCell[];
  ignored: IgnoredCell[];
  /**
   * Cells staff changed whose values the ledger already holds: the same workbook (or a copy of it) imported before, in
   * its own month or, for an older month's workbook, before the next month's scan; or the value typed with `ledger set`.
   * Not edits left out, so neither listed nor counted as ignored, only counted.
   */
  alreadyInLedger: number;
}

export interface ImportReport {
  files: FileImportReport[];
  totals: { applied: number; findingsChanged: number; rejected: number; ignored: number };
}

export function totalsOf(files: readonly FileImportReport[]): ImportReport['totals'] {
  const applied = files.flatMap((file) => file.applied);
  return {
    applied: applied.length,
    findingsChanged: new Set(applied.map((change) => change.findingId)).size,
    rejected: files.reduce((n, file) => n + file.rejected.length, 0),
    ignored: files.reduce((n, file) => n + file.ignored.length, 0),
  };
}

/**
 * Cells staff changed in a finding's row that are not in the ledger after the import: refused ones, and ignored ones
 * (a locked column, a workbook of an older month, a row of an unknown finding, text in a column of staff's own, a staff
 * column whose header is gone) — somebody has to look at them.
 * Lines outside the table are listed but not counted. `ledger import` exits 2 when this is not 0.
 */
export function editsNotApplied(report: ImportReport): number {
  return report.files.reduce((n, file) => n + file.rejected.length + file.ignored.filter((cell) => !cell.outsideTable).length, 0);
}

/**
 * Chinese, one line per applied change and per rejected or ignored cell, each naming file, sheet, row and column.
 * What staff typed and the ledger's values are quoted with their IDs masked, as `ledger show` quotes them (the report
 * itself keeps them whole): until 2026-12-05 an ID typed into 备注 was printed in full, to the console and cron's log.
 */
export function formatImportReport(report: ImportReport): string {
  const lines: string[] = [];
  for (const file of report.files) {
    // A workbook saved under an ID (371329198204115839台账.xlsx), or a sheet staff named after a person, is named masked,
    // as the scan's log names its inputs; until 2026-12-06 both were printed whole.
    const label = maskIdsInText(file.file);
    lines.push(`${label}（${file.period} 台账）：导入 ${file.applied.length} 处修改，拒绝 ${file.rejected.length} 格，忽略 ${file.ignored.length} 处`);
    const where = (cell: { sheet: string; row: number; column: string }) =>
      maskIdsInText(describeLocation({ file: file.file, sheet: cell.sheet, line: cell.row, column: cell.column }));
    for (const change of file.applied) {
      lines.push(`  已导入 ${where(change)}：${maskIdsInText(shown(change.from))} → ${maskIdsInText(shown(change.to))}（${change.findingId}）`);
    }
    for (const cell of file.rejected) lines.push(`  已拒绝 ${where(cell)}「${maskIdsInText(cell.value)}」：${maskIdsInText(cell.reason)}`);
    // A reason can quote what was typed in the 问题编号 column of a line under the table (联系人 and an ID).
    for (const cell of file.ignored) {
      const value = cell.value === undefined ? '' : `「${maskIdsInText(cell.value)}」`;
      lines.push(`  已忽略 ${where(cell)}${value}：${maskIdsInText(cell.reason)}`);
    }
    if (file.alreadyInLedger) lines.push(`  另有 ${file.alreadyInLedger} 处填报已在台账中，无需重新填报`);
  }
  const { applied, findingsChanged, rejected, ignored } = report.totals;
  lines.push(applied + rejected + ignored === 0
    ? `共 ${report.files.length} 个工作簿：没有需要导入的修改`
    : `共 ${report.files.length} 个工作簿：导入 ${applied} 处修改（${findingsChanged} 条问题），拒绝 ${rejected} 格，忽略 ${ignored} 处`);
  return lines.join('\n');
}

function shown(value: string | null): string {
  return value === null || value === '' ? '（空）' : value;
}
