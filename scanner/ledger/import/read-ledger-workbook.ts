// Opens a workbook staff sent back: its snapshot, and every village sheet's rows keyed by the header text of row 2.
import { access } from 'node:fs/promises';
import { basename } from 'node:path';
import type * as ExcelTypes from 'exceljs';
import { FINDING_ID_PATTERN } from '../../engine/fingerprint.ts';
import { FINDING_ID_HEADER, LEDGER_COLUMNS } from '../../export/ledger-workbook/columns.ts';
import { FIRST_DATA_ROW, HEADER_ROW } from '../../export/ledger-workbook/ledger-sheet.ts';
import { SNAPSHOT_SHEET, SUMMARY_SHEET } from '../../export/ledger-workbook/names.ts';
import { readSnapshotSheet, type Snapshot } from '../../export/ledger-workbook/snapshot-sheet.ts';
import { UsageError, UserFacingError } from '../../errors.ts';
import ExcelJS from '../../read/exceljs.ts';
import { assertLooksLikeXlsx } from '../../read/xlsx-reader.ts';
import { cellText, plainCell, type PlainCell } from './cell-values.ts';
import type { IgnoredCell } from './import-report.ts';

export interface WorkbookRow {
  row: number;
  findingId: string;
  /** Known column header → cell; columns missing from the sheet are absent. */
  cells: Map<string, PlainCell>;
}

export interface WorkbookSheet {
  name: string;
  rows: WorkbookRow[];
}

export interface LedgerWorkbook {
  /** File name as the report shows it. */
  file: string;
  snapshot: Snapshot;
  sheets: WorkbookSheet[];
  /** Rows or sheets that could not be read at all. */
  unreadable: IgnoredCell[];
}

const KNOWN_HEADERS = new Set(LEDGER_COLUMNS.map((column) => column.header));

/** Any file that is not a ledger workbook is a usage error naming it, raised before anything is applied. */
export async function readLedgerWorkbook(path: string): Promise<LedgerWorkbook> {
  const file = basename(path);
  await access(path).catch(() => {
    throw new UsageError(`找不到要导入的文件：${path}`);
  });
  const workbook = new ExcelJS.Workbook();
  try {
    await assertLooksLikeXlsx(path);
    await workbook.xlsx.readFile(path);
  } catch (error) {
    const hint = '请导入由 rollsweep ledger export 导出、填报后保存为 .xlsx 的工作簿。';
    if (error instanceof UserFacingError) throw new UsageError(error.message, hint);
    throw new UsageError(`${file}: 不是可读取的 XLSX 工作簿（${(error as Error).message.split('\n')[0]}）`, hint);
  }
  const snapshot = readSnapshotSheet(workbook);
  if ('problem' in snapshot) {
    throw new UsageError(`${file}: ${snapshot.problem}`, '请导入由 rollsweep ledger export 导出的台账工作簿（另存为其他格式或复制到新工作簿会丢失核对信息）。');
  }
  const snapshotSheets = new Set(snapshot.rows.map((row) => row.sheet));
  const exportedRows = new Set(snapshot.rows.map((row) => `${row.sheet}\n${row.row}`));
  const sheets: WorkbookSheet[] = [];
  const unreadable: IgnoredCell[] = [];
  for (const worksheet of workbook.worksheets) {
    if (worksheet.name === SUMMARY_SHEET || worksheet.name === SNAPSHOT_SHEET) continue;
    const columns = headerColumns(worksheet);
    if (!columns.has(FINDING_ID_HEADER)) {
      // A sheet staff added for their own notes is none of our business; one we exported that lost its header is.
      if (snapshotSheets.has(worksheet.name)) {
        unreadable.push({ sheet: worksheet.name, row: HEADER_ROW, column: FINDING_ID_HEADER, reason: `第 ${HEADER_ROW} 行找不到表头「${FINDING_ID_HEADER}」，此工作表未读取` });
      }
      continue;
    }
    const rows: WorkbookRow[] = [];
    worksheet.eachRow((excelRow, rowNumber) => {
      if (rowNumber < FIRST_DATA_ROW) return;
      const cells = new Map<string, PlainCell>();
      for (const [header, column] of columns) cells.set(header, plainCell(excelRow.getCell(column).value));
      const findingId = cellText(cells.get(FINDING_ID_HEADER) ?? null);
      const findingRow = exportedRows.has(`${worksheet.name}\n${rowNumber}`);
      if (FINDING_ID_PATTERN.test(findingId) || (findingId !== '' && findingRow)) rows.push({ row: rowNumber, findingId, cells });
      else if (findingRow && [...cells.values()].some((cell) => cell !== null)) {
        // An exported finding's row whose 问题编号 was cleared: its edits cannot be matched to the finding.
        unreadable.push({ sheet: worksheet.name, row: rowNumber, column: FINDING_ID_HEADER, reason: '此行没有问题编号，无法对应台账中的问题，未读取' });
      } else if ([...cells.values()].some((cell) => cell !== null)) {
        // A line typed beside the findings' rows (村委会盖章：, 填表人, a note under the table): no finding's edit is in it.
        const what = findingId === '' ? '没有问题编号' : `问题编号栏为「${findingId}」`;
        unreadable.push({ sheet: worksheet.name, row: rowNumber, column: FINDING_ID_HEADER, reason: `此行不是台账中的问题（${what}，如签字、盖章、说明），未读取`, outsideTable: true });
      }
    });
    sheets.push({ name: worksheet.name, rows });
  }
  return { file, snapshot, sheets, unreadable };
}

/** Header text → column number, for the headers the ledger sheet has; the first occurrence wins. */
function headerColumns(worksheet: ExcelTypes.Worksheet): Map<string, number> {
  const columns = new Map<string, number>();
  worksheet.getRow(HEADER_ROW).eachCell((cell, column) => {
    const header = cellText(plainCell(cell.value));
    if (KNOWN_HEADERS.has(header) && !columns.has(header)) columns.set(header, column);
  });
  return columns;
}
