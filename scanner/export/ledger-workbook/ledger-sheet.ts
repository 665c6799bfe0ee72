// One village's 整改台账 sheet: title, header, one row per finding; only the staff columns can be typed into.
import type * as ExcelTypes from 'exceljs';
import type { LedgerRow } from '../../ledger/ledger-rows.ts';
import { AUTO_CLOSED, FALSE_POSITIVE, STAFF_STATUSES } from '../../ledger/statuses.ts';
import { LEDGER_COLUMNS, MIN_COLUMN_WIDTH, writtenValue, type WrittenValue } from './columns.ts';
import type { SnapshotRow } from './snapshot-sheet.ts';
import { dataCellStyle, headerStyle, printSetup, TITLE_STYLE } from './styles.ts';
import { protectStreamedSheet, STAFF_SHEET_PERMISSIONS } from './sheet-protection.ts';
import { ColumnWidths, displayWidth } from './text-width.ts';

export const TITLE_ROW = 1;
export const HEADER_ROW = 2;
export const FIRST_DATA_ROW = 3;

/** Columns whose text is long enough to wrap rather than stretch the sheet. */
const WRAPPED = new Set(['检查项', '问题描述', '文件依据', '整改措施', '备注']);

const SET_APART = new Set<string>([FALSE_POSITIVE, AUTO_CLOSED]);

/** One style per column for ordinary rows and one for rows set apart, made once: see dataCellStyle. */
const STYLES = LEDGER_COLUMNS.map((column) => [false, true].map((setApart) =>
  dataCellStyle(column.kind, { editable: column.editable !== undefined, setApart, wrap: WRAPPED.has(column.header) })));

export interface LedgerSheetContent {
  sheetName: string;
  title: string;
  rows: readonly LedgerRow[];
  unmask: boolean;
}

/**
 * Streams the sheet into the workbook and returns what was written to each row, for the workbook's snapshot.
 * A streamed sheet writes its column widths first, so every value is worked out before the first row goes out.
 */
export async function writeLedgerSheet(workbook: ExcelTypes.stream.xlsx.WorkbookWriter, content: LedgerSheetContent): Promise<SnapshotRow[]> {
  const snapshot = content.rows.map((ledgerRow, index): SnapshotRow => ({
    sheet: content.sheetName,
    row: FIRST_DATA_ROW + index,
    findingId: ledgerRow.findingId,
    values: Object.fromEntries(LEDGER_COLUMNS.map((column) => [column.header, writtenValue(column, ledgerRow, { serial: index + 1, unmask: content.unmask })])),
  }));
  const sheet = workbook.addWorksheet(content.sheetName, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: HEADER_ROW, topLeftCell: `A${FIRST_DATA_ROW}`, activeCell: `A${FIRST_DATA_ROW}` }],
    pageSetup: printSetup(`${TITLE_ROW}:${HEADER_ROW}`),
    headerFooter: { oddFooter: '&C第 &P 页，共 &N 页' },
  });
  columnWidths(snapshot).forEach((width, i) => {
    sheet.getColumn(i + 1).width = width;
  });
  writeTitleAndHeader(sheet, content.title);

  snapshot.forEach((written, index) => {
    const excelRow = sheet.getRow(written.row);
    const setApart = SET_APART.has(content.rows[index]!.status) ? 1 : 0;
    LEDGER_COLUMNS.forEach((column, i) => {
      const value = written.values[column.header] ?? null;
      const cell = excelRow.getCell(i + 1);
      cell.style = STYLES[i]![setApart]!;
      cell.value = column.kind === 'date' && typeof value === 'string' ? utcDate(value) : value;
    });
    excelRow.commit();
  });

  const lastRow = Math.max(FIRST_DATA_ROW, FIRST_DATA_ROW + snapshot.length - 1);
  if (snapshot.length > 0) addValidations(sheet, lastRow);
  sheet.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: lastRow, column: LEDGER_COLUMNS.length } };
  await protectStreamedSheet(sheet, STAFF_SHEET_PERMISSIONS);
  sheet.commit();
  return snapshot;
}

function columnWidths(snapshot: readonly SnapshotRow[]): number[] {
  const widths = new ColumnWidths(LEDGER_COLUMNS.map((column) => ({ min: column.minWidth ?? MIN_COLUMN_WIDTH, max: column.maxWidth })));
  LEDGER_COLUMNS.forEach((column, i) => {
    // Headers wrap, so they need only half their width.
    widths.see(i, 'x'.repeat(Math.ceil(displayWidth(column.header) / 2)));
    for (const row of snapshot) {
      const value = row.values[column.header] ?? null;
      if (value !== null) widths.see(i, shownText(column.kind, value));
    }
  });
  return widths.widths();
}

/** As the cell displays it; amounts with thousands separators (toLocaleString is too slow for a big ledger). */
function shownText(kind: string, value: WrittenValue): string {
  if (kind !== 'amount' || typeof value !== 'number') return String(value);
  const [whole, fraction] = value.toFixed(2).split('.');
  return `${whole!.replace(/\B(?=(\d{3})+$)/g, ',')}.${fraction!}`;
}

function writeTitleAndHeader(sheet: ExcelTypes.Worksheet, title: string): void {
  const titleRow = sheet.getRow(TITLE_ROW);
  titleRow.height = 28;
  const titleCell = titleRow.getCell(1);
  titleCell.value = title;
  titleCell.style = TITLE_STYLE;
  sheet.mergeCells(TITLE_ROW, 1, TITLE_ROW, LEDGER_COLUMNS.length);
  titleRow.commit();

  const header = sheet.getRow(HEADER_ROW);
  header.height = 32;
  LEDGER_COLUMNS.forEach((column, i) => {
    const cell = header.getCell(i + 1);
    cell.value = column.header;
    cell.style = headerStyle(column.editable !== undefined);
  });
  header.commit();
}

/** exceljs has range validations (one entry for a whole column) but leaves them out of its type definitions. */
interface RangeValidations {
  dataValidations: { add(range: string, validation: ExcelTypes.DataValidation): void };
}

/** The status drop-down, and a date check on the deadline, on every data row. */
function addValidations(worksheet: ExcelTypes.Worksheet, lastRow: number): void {
  const sheet = worksheet as ExcelTypes.Worksheet & RangeValidations;
  const letter = (header: string) => columnLetter(LEDGER_COLUMNS.findIndex((column) => column.header === header) + 1);
  const status = letter('整改状态');
  sheet.dataValidations.add(`${status}${FIRST_DATA_ROW}:${status}${lastRow}`, {
    type: 'list',
    allowBlank: false,
    formulae: [`"${STAFF_STATUSES.join(',')}"`],
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: '整改状态',
    error: `请从下拉列表中选择：${STAFF_STATUSES.join('、')}`,
  });
  const deadline = letter('整改时限');
  sheet.dataValidations.add(`${deadline}${FIRST_DATA_ROW}:${deadline}${lastRow}`, {
    type: 'date',
    operator: 'between',
    allowBlank: true,
    formulae: [new Date(Date.UTC(2000, 0, 1)), new Date(Date.UTC(2100, 11, 31))],
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: '整改时限',
    error: '请填写日期，如 2026-12-31',
  });
}

/** 1 → A, 27 → AA. */
function columnLetter(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** Excel dates carry no time zone: UTC midnight is the calendar day itself. */
function utcDate(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00.000Z`);
}
