// Opens a workbook staff sent back: its snapshot, and every village sheet's rows keyed by the text of its header row
// (row 2 as exported, or lower when staff added a title or blank line above it), with what staff typed in columns of
// their own (sheet-columns.ts).
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
import { locateColumns, ownColumnName, type SheetColumns } from './sheet-columns.ts';
import { workbookDates, type WorkbookDates } from './workbook-date-system.ts';

export interface WorkbookRow {
  row: number;
  findingId: string;
  /** Exported column header → cell; columns missing from the sheet are absent. */
  cells: Map<string, PlainCell>;
  /** What staff typed in the row outside the exported columns (核查情况 added after 备注, a cell with no header). */
  ownCells: OwnCell[];
}

/** A non-blank cell in a column the exported sheet did not have. */
export interface OwnCell {
  /** As the report names it: `核查情况（X 列）`, `Y 列（无表头）`. */
  column: string;
  text: string;
}

export interface WorkbookSheet {
  name: string;
  rows: WorkbookRow[];
  /**
   * Exported columns whose header was renamed past recognition or cleared, read where they stood (sheet-columns.ts):
   * header → how the report names the column, e.g. `备注（W 列，表头已改为「情况」）`. Their edits are refused.
   */
  misnamed: Map<string, string>;
  /**
   * Rows with writing but no 问题编号 (a case staff typed under the table, an exported row whose number was cleared):
   * not imported, but a sort that left 问题编号 out can have moved a finding's person or values onto one of them.
   */
  unnumbered: UnnumberedRow[];
}

export interface UnnumberedRow {
  row: number;
  /** Exported column header → cell, as for a finding's row. */
  cells: Map<string, PlainCell>;
}

export interface LedgerWorkbook {
  /** File name as the report shows it. */
  file: string;
  snapshot: Snapshot;
  sheets: WorkbookSheet[];
  /** Rows or sheets that could not be read at all. */
  unreadable: IgnoredCell[];
}

const LEDGER_HEADERS = LEDGER_COLUMNS.map((column) => column.header);
const EDITABLE_HEADERS = new Set(LEDGER_COLUMNS.filter((column) => column.editable).map((column) => column.header));
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
    const header = locateColumns(worksheet, exportedHeaders(exported));
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
    if (exported.length > 0) {
      // A staff column whose header is gone: whatever was typed in it cannot be told from the rest of the sheet.
      for (const missing of header.missing.filter((column) => EDITABLE_HEADERS.has(column))) {
        unreadable.push({
          sheet: worksheet.name, row: header.headerRow, column: missing,
          reason: `表头中找不到「${missing}」列（已改名或删除），此列的修改未导入；请把表头改回「${missing}」后重新导入`,
        });
      }
    }
    const misnamed = new Map([...header.misnamed].map(([column, found]) => [column, `${column}（${worksheet.getColumn(found.column).letter} 列，${
      found.header ? `表头已改为「${found.header}」` : '表头已被清空'}）`]));
    const unnumbered: UnnumberedRow[] = [];
    sheets.push({ name: worksheet.name, rows: readRows(worksheet, header, exported, { unreadable, unnumbered }, dates), misnamed, unnumbered });
  }
  return { file, snapshot, sheets, unreadable };
}

/** The columns the sheet was exported with, in their order: as its snapshot rows hold them (all the ledger's, now). */
function exportedHeaders(exported: readonly SnapshotRow[]): string[] {
  if (exported.length === 0) return LEDGER_HEADERS;
  const headers = new Set<string>();
  for (const row of exported) for (const header of Object.keys(row.values)) headers.add(header);
  // The sheet's order is the ledger's (an export keeps it); a header of no ledger column is none the import reads.
  return LEDGER_HEADERS.filter((header) => headers.has(header));
}

/**
 * The rows under the header. Rows are matched to findings by 问题编号 alone, wherever they now stand (below an added
 * title, a row inserted between them). Where the export put each finding, moved down as far as the header, and whom
 * a row names only tell an exported finding's row whose 问题编号 was cleared from a line typed under the table.
 */
function readRows(
  worksheet: ExcelTypes.Worksheet, header: SheetColumns, exported: readonly SnapshotRow[],
  { unreadable, unnumbered }: { unreadable: IgnoredCell[]; unnumbered: UnnumberedRow[] }, dates: WorkbookDates,
): WorkbookRow[] {
  const moved = header.headerRow - HEADER_ROW;
  const read = new Map([...header.columns, ...[...header.misnamed].map(([text, found]) => [text, found.column] as const)]);
  const readColumns = new Set(read.values());
  const exportedRows = new Set(exported.map((row) => row.row + moved));
  const exportedPeople = new Set(exported.map((row) => personKey((column) => row.values[column] ?? null)).filter((key) => key !== null));
  const rows: WorkbookRow[] = [];
  worksheet.eachRow((excelRow, rowNumber) => {
    if (rowNumber <= header.headerRow) return;
    const cells = new Map<string, PlainCell>();
    for (const [text, column] of read) cells.set(text, readCell(excelRow.getCell(column).value, KIND_OF.get(text)!, dates));
    const ownCells: OwnCell[] = [];
    excelRow.eachCell((cell, column) => {
      // A merged cell shows its first cell's text, which is read where that one stands.
      if (readColumns.has(column) || cell.master !== cell) return;
      const text = cellText(plainCell(cell.value));
      if (text !== '') ownCells.push({ column: ownColumnName(worksheet, column, header.headerTexts.get(column)), text });
    });
    const findingId = cellText(cells.get(FINDING_ID_HEADER) ?? null);
    const person = personKey((column) => cells.get(column) ?? null);
    const findingRow = exportedRows.has(rowNumber) || (person !== null && exportedPeople.has(person));
    const written = ownCells.length > 0 || [...cells.values()].some((cell) => cell !== null);
    if (FINDING_ID_PATTERN.test(findingId) || (findingId !== '' && findingRow)) {
      rows.push({ row: rowNumber, findingId, cells, ownCells });
      return;
    }
    if (written) unnumbered.push({ row: rowNumber, cells });
    if (findingRow && written) {
      // An exported finding's row whose 问题编号 was cleared: its edits cannot be matched to the finding.
      unreadable.push({ sheet: worksheet.name, row: rowNumber, column: FINDING_ID_HEADER, reason: '此行没有问题编号，无法对应台账中的问题，未读取' });
    } else if (written) {
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
export function personKey(cell: (column: string) => PlainCell | WrittenValue): string | null {
  const texts = PERSON_HEADERS.map((header) => cellText(cell(header) ?? null));
  return texts.slice(0, 3).every((text) => text === '') ? null : texts.join('\n');
}
