// Opens a workbook staff sent back: its snapshot, and every village sheet's rows keyed by the text of its header row
// (row 2 as exported, or lower when staff added a title or blank line above it).
import { access } from 'node:fs/promises';
import { basename } from 'node:path';
import type * as ExcelTypes from 'exceljs';
import { FINDING_ID_PATTERN } from '../../engine/fingerprint.ts';
import { FINDING_ID_HEADER, LEDGER_COLUMNS, type WrittenValue } from '../../export/ledger-workbook/columns.ts';
import { HEADER_ROW } from '../../export/ledger-workbook/ledger-sheet.ts';
import { SNAPSHOT_SHEET, SUMMARY_SHEET } from '../../export/ledger-workbook/names.ts';
import { readSnapshotSheet, type Snapshot, type SnapshotRow } from '../../export/ledger-workbook/snapshot-sheet.ts';
import { UsageError, UserFacingError } from '../../errors.ts';
import { HEADER_SEARCH_ROWS } from '../../load/header-row.ts';
import ExcelJS from '../../read/exceljs.ts';
import { assertLooksLikeXlsx } from '../../read/xlsx-reader.ts';
import { cellText, plainCell, readCell, type PlainCell } from './cell-values.ts';
import type { IgnoredCell } from './import-report.ts';
import { workbookDates, type WorkbookDates } from './workbook-date-system.ts';

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
const KIND_OF = new Map(LEDGER_COLUMNS.map((column) => [column.header, column.kind]));

/** Any file that is not a ledger workbook is a usage error naming it, raised before anything is applied. */
export async function readLedgerWorkbook(path: string): Promise<LedgerWorkbook> {
  const file = basename(path);
  await access(path).catch(() => {
    throw new UsageError(`找不到要导入的文件：${path}`);
  });
  const workbook = new ExcelJS.Workbook();
  let dates: WorkbookDates;
  try {
    await assertLooksLikeXlsx(path);
    await workbook.xlsx.readFile(path);
    dates = await workbookDates(path, workbook.properties?.date1904 === true);
  } catch (error) {
    const hint = '请导入由 rollsweep ledger export 导出、填报后保存为 .xlsx 的工作簿。';
    if (error instanceof UserFacingError) throw new UsageError(error.message, hint);
    throw new UsageError(`${file}: 不是可读取的 XLSX 工作簿（${(error as Error).message.split('\n')[0]}）`, hint);
  }
  const snapshot = readSnapshotSheet(workbook);
  if ('problem' in snapshot) {
    throw new UsageError(`${file}: ${snapshot.problem}`, '请导入由 rollsweep ledger export 导出的台账工作簿（另存为其他格式或复制到新工作簿会丢失核对信息）。');
  }
  const exportedBySheet = new Map<string, SnapshotRow[]>();
  for (const row of snapshot.rows) {
    const rows = exportedBySheet.get(row.sheet);
    if (rows) rows.push(row);
    else exportedBySheet.set(row.sheet, [row]);
  }
  const sheets: WorkbookSheet[] = [];
  const unreadable: IgnoredCell[] = [];
  for (const worksheet of workbook.worksheets) {
    if (worksheet.name === SUMMARY_SHEET || worksheet.name === SNAPSHOT_SHEET) continue;
    const exported = exportedBySheet.get(worksheet.name) ?? [];
    const header = locateHeader(worksheet);
    if (!header) {
      // A sheet staff added for their own notes is none of our business; one we exported that lost its header is.
      if (exported.length > 0) {
        unreadable.push({
          sheet: worksheet.name, row: HEADER_ROW, column: FINDING_ID_HEADER,
          reason: `前 ${HEADER_SEARCH_ROWS} 行中找不到表头「${FINDING_ID_HEADER}」，此工作表未读取`,
        });
      }
      continue;
    }
    sheets.push({ name: worksheet.name, rows: readRows(worksheet, header, exported, unreadable, dates) });
  }
  return { file, snapshot, sheets, unreadable };
}

interface HeaderRow {
  row: number;
  /** Header text → column number, for the headers the ledger sheet has; the first occurrence wins. */
  columns: Map<string, number>;
}

/**
 * The first row holding a cell 问题编号 among the sheet's first non-blank rows, as the scan finds a roll's header under
 * its title rows: staff add a title (东村整改情况) or a blank line above the table before sending it back.
 */
function locateHeader(worksheet: ExcelTypes.Worksheet): HeaderRow | null {
  let found: HeaderRow | null = null;
  let searched = 0;
  worksheet.eachRow((excelRow, rowNumber) => {
    if (found || ++searched > HEADER_SEARCH_ROWS) return;
    const columns = new Map<string, number>();
    excelRow.eachCell((cell, column) => {
      const header = cellText(plainCell(cell.value));
      if (KNOWN_HEADERS.has(header) && !columns.has(header)) columns.set(header, column);
    });
    if (columns.has(FINDING_ID_HEADER)) found = { row: rowNumber, columns };
  });
  return found;
}

/**
 * The rows under the header. Rows are matched to findings by 问题编号 alone, wherever they now stand (below an added
 * title, a row inserted between them). Where the export put each finding, moved down as far as the header, and whom
 * a row names only tell an exported finding's row whose 问题编号 was cleared from a line typed under the table.
 */
function readRows(
  worksheet: ExcelTypes.Worksheet, header: HeaderRow, exported: readonly SnapshotRow[], unreadable: IgnoredCell[], dates: WorkbookDates,
): WorkbookRow[] {
  const moved = header.row - HEADER_ROW;
  const exportedRows = new Set(exported.map((row) => row.row + moved));
  const exportedPeople = new Set(exported.map((row) => personKey((column) => row.values[column] ?? null)).filter((key) => key !== null));
  const rows: WorkbookRow[] = [];
  worksheet.eachRow((excelRow, rowNumber) => {
    if (rowNumber <= header.row) return;
    const cells = new Map<string, PlainCell>();
    for (const [text, column] of header.columns) cells.set(text, readCell(excelRow.getCell(column).value, KIND_OF.get(text)!, dates));
    const findingId = cellText(cells.get(FINDING_ID_HEADER) ?? null);
    const person = personKey((column) => cells.get(column) ?? null);
    const findingRow = exportedRows.has(rowNumber) || (person !== null && exportedPeople.has(person));
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
  return rows;
}

/** Who and what a finding's row is about, as written. */
const PERSON_HEADERS = ['家庭编号', '姓名', '身份证号', '检查项'] as const;

/** null for a row that names nobody (no 家庭编号, 姓名 or 身份证号). */
function personKey(cell: (column: string) => PlainCell | WrittenValue): string | null {
  const texts = PERSON_HEADERS.map((header) => cellText(cell(header) ?? null));
  return texts.slice(0, 3).every((text) => text === '') ? null : texts.join('\n');
}
