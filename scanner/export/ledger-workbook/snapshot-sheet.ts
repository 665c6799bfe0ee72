// The very hidden `_rollsweep` sheet: which period and run a workbook shows, and every value written to every row,
// so that an import can tell what staff changed from what the workbook said when it left the ledger.
import type * as ExcelTypes from 'exceljs';
import type { WrittenValue } from './columns.ts';
import { SNAPSHOT_SHEET } from './names.ts';
import { protectStreamedSheet } from './sheet-protection.ts';

export const SNAPSHOT_FORMAT = 'rollsweep-ledger-workbook';
export const SNAPSHOT_VERSION = 1;

export interface SnapshotHeader {
  period: string;
  runId: string;
  /** ISO timestamp. */
  exportedAt: string;
  exportedBy: string | null;
  unmasked: boolean;
  /**
   * The last audit record (ledger.changes change_id) in the ledger when the rows were read: a change with a larger id
   * came after the export. null in workbooks exported before 2026-12-02, which only have exportedAt to go by.
   */
  changesThrough: number | null;
}

export interface SnapshotRow {
  sheet: string;
  /** Excel row number the finding was written to. */
  row: number;
  findingId: string;
  /** Column header → the value written (dates YYYY-MM-DD, amounts in yuan). */
  values: Record<string, WrittenValue>;
}

export interface Snapshot extends SnapshotHeader {
  rows: SnapshotRow[];
}

/** Layout: key/value lines for the header, then one line per exported row after a `rows` marker. */
const ROWS_MARKER = 'rows';
/** Excel keeps at most 32,767 characters in a cell; a longer snapshot line continues in the next cells. */
const CELL_TEXT_LIMIT = 30_000;

function splitIntoCells(text: string): string[] {
  const parts: string[] = [];
  for (let start = 0; start < text.length; start += CELL_TEXT_LIMIT) parts.push(text.slice(start, start + CELL_TEXT_LIMIT));
  return parts;
}

export async function writeSnapshotSheet(workbook: ExcelTypes.stream.xlsx.WorkbookWriter, snapshot: Snapshot): Promise<void> {
  // veryHidden: not listed under "Unhide" in Excel or WPS, so nobody edits it by accident.
  const sheet = workbook.addWorksheet(SNAPSHOT_SHEET, { state: 'veryHidden' });
  const lines: (string | number)[][] = [
    ['format', SNAPSHOT_FORMAT],
    ['version', SNAPSHOT_VERSION],
    ['period', snapshot.period],
    ['runId', snapshot.runId],
    ['exportedAt', snapshot.exportedAt],
    ['exportedBy', snapshot.exportedBy ?? ''],
    ['unmasked', snapshot.unmasked ? 'true' : 'false'],
    // An added key, not a new version: rollsweep before 2026-12-02 reads these workbooks and ignores it.
    ['changesThrough', snapshot.changesThrough ?? ''],
    [ROWS_MARKER, 'sheet', 'row', 'findingId', 'values'],
  ];
  for (const line of lines) sheet.addRow(line).commit();
  for (const row of snapshot.rows) sheet.addRow(['', row.sheet, row.row, row.findingId, ...splitIntoCells(JSON.stringify(row.values))]).commit();
  await protectStreamedSheet(sheet);
  sheet.commit();
}

export type SnapshotProblem = { problem: string };

/** Reads the sheet back; anything unexpected is a problem to report, never an exception. */
export function readSnapshotSheet(workbook: ExcelTypes.Workbook): Snapshot | SnapshotProblem {
  const sheet = workbook.getWorksheet(SNAPSHOT_SHEET);
  if (!sheet) return { problem: `没有隐藏工作表 ${SNAPSHOT_SHEET}，不是由 rollsweep ledger export 导出的台账` };
  const header = new Map<string, string>();
  const rows: SnapshotRow[] = [];
  let inRows = false;
  let broken: string | null = null;
  sheet.eachRow((excelRow) => {
    const cell = (column: number) => textOf(excelRow.getCell(column).value);
    if (!inRows) {
      if (cell(1) === ROWS_MARKER) inRows = true;
      else header.set(cell(1), cell(2));
      return;
    }
    try {
      let json = '';
      for (let column = 5; column <= excelRow.cellCount; column++) json += cell(column);
      const values = JSON.parse(json) as unknown;
      if (typeof values !== 'object' || values === null || Array.isArray(values)) throw new Error('not an object');
      rows.push({ sheet: cell(2), row: Number(cell(3)), findingId: cell(4), values: values as Record<string, WrittenValue> });
    } catch {
      broken ??= `隐藏工作表 ${SNAPSHOT_SHEET} 第 ${excelRow.number} 行已损坏`;
    }
  });
  if (header.get('format') !== SNAPSHOT_FORMAT) return { problem: `隐藏工作表 ${SNAPSHOT_SHEET} 不是 rollsweep 台账的格式` };
  if (Number(header.get('version')) !== SNAPSHOT_VERSION) {
    return { problem: `台账工作簿格式版本 ${header.get('version') ?? '?'} 与本程序（${SNAPSHOT_VERSION}）不符，请重新导出` };
  }
  if (broken) return { problem: broken };
  const period = header.get('period') ?? '';
  if (!/^\d{4}-\d{2}$/.test(period)) return { problem: `隐藏工作表 ${SNAPSHOT_SHEET} 中的月份「${period}」无效` };
  return {
    period,
    runId: header.get('runId') ?? '',
    exportedAt: header.get('exportedAt') ?? '',
    exportedBy: header.get('exportedBy') || null,
    unmasked: header.get('unmasked') === 'true',
    changesThrough: /^\d+$/.test(header.get('changesThrough') ?? '') ? Number(header.get('changesThrough')) : null,
    rows,
  };
}

function textOf(value: ExcelTypes.CellValue): string {
  if (value == null) return '';
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((part) => part.text).join('');
  return String(value);
}
