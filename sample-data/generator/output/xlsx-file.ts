// An XLSX file written row by row with exceljs's streaming writer: optional merged title rows and household cells, fixed
// timestamps.
import { readFileSync, writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';

export type XlsxCell = string | number | Date | null;

export interface XlsxOptions {
  sheetName: string;
  /** Rows above the header: a merged title, then e.g. 填报单位 …; '' gives a blank row. */
  preamble: readonly string[];
  header: readonly string[];
  /**
   * Household cells merged down across the members' rows, as 花名册 are kept: consecutive rows with the same value in
   * column `key` form a household, and each of `columns` (0-based) is merged from its first row for as long as the
   * rows hold its value (a member with another amount, or none, keeps its own cell).
   */
  mergeDown?: { key: number; columns: readonly number[] };
}

// Document properties and zip entries carry this date, so the same input gives the same bytes.
const FIXED_TIME = new Date(Date.UTC(2026, 0, 1));

/** MS-DOS date of FIXED_TIME (2026-01-01; time 00:00:00 is 0). */
const DOS_DATE = ((2026 - 1980) << 9) | (1 << 5) | 1;

/**
 * exceljs stamps every zip entry with the current time, some before any option can reach them: rewrite
 * the time and date of each entry, in its central-directory record and its local header.
 */
function pinZipTimestamps(path: string): void {
  const zip = readFileSync(path);
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error(`${path}: no zip end record`);
  const entries = zip.readUInt16LE(end + 10);
  let record = zip.readUInt32LE(end + 16);
  for (let i = 0; i < entries; i++) {
    if (zip.readUInt32LE(record) !== 0x02014b50) throw new Error(`${path}: bad central directory`);
    zip.writeUInt16LE(0, record + 12);
    zip.writeUInt16LE(DOS_DATE, record + 14);
    const local = zip.readUInt32LE(record + 42);
    zip.writeUInt16LE(0, local + 10);
    zip.writeUInt16LE(DOS_DATE, local + 12);
    record += 46 + zip.readUInt16LE(record + 28) + zip.readUInt16LE(record + 30) + zip.readUInt16LE(record + 32);
  }
  writeFileSync(path, zip);
}

export class XlsxFile {
  private readonly workbook: ExcelJS.stream.xlsx.WorkbookWriter;
  private readonly sheet: ExcelJS.Worksheet;
  /** Rows written so far, title and header included: the next data row's number is lines + 1. */
  lines = 0;
  private readonly mergeDown: XlsxOptions['mergeDown'];
  /** The rows of the household being written (mergeDown), from line householdLine on. */
  private household: XlsxCell[][] = [];
  private householdLine = 0;

  constructor(readonly path: string, options: XlsxOptions) {
    this.workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
    this.workbook.created = FIXED_TIME;
    this.workbook.modified = FIXED_TIME;
    this.workbook.creator = 'rollsweep generator';
    this.workbook.lastModifiedBy = 'rollsweep generator';

    this.sheet = this.workbook.addWorksheet(options.sheetName);
    this.sheet.columns = options.header.map((title) => ({ key: title, width: Math.max(10, title.length * 2 + 4) }));
    for (const text of options.preamble) {
      this.lines += 1;
      const row = this.sheet.getRow(this.lines);
      if (text !== '') {
        row.getCell(1).value = text;
        if (this.lines === 1) {
          this.sheet.mergeCells(1, 1, 1, options.header.length);
          row.getCell(1).font = { bold: true, size: 14 };
          row.getCell(1).alignment = { horizontal: 'center' };
        }
      }
      row.commit();
    }
    this.writeRow([...options.header]);
    this.mergeDown = options.mergeDown;
  }

  /** Writes one row (with mergeDown, a household's rows once the household ends) and returns its worksheet row number. */
  writeRow(cells: readonly XlsxCell[]): number {
    const line = ++this.lines;
    const key = this.mergeDown ? cells[this.mergeDown.key] : null;
    const household = key !== null && key !== undefined && key !== '';
    if (!household || key !== this.household[0]?.[this.mergeDown!.key]) this.flushHousehold();
    if (!household) {
      this.commitRow(line, cells);
    } else {
      if (this.household.length === 0) this.householdLine = line;
      this.household.push([...cells]);
    }
    return line;
  }

  private flushHousehold(): void {
    const rows = this.household;
    for (const column of this.mergeDown?.columns ?? []) {
      const value = rows[0]?.[column];
      if (value === null || value === undefined || value === '') continue;
      let run = 1;
      while (run < rows.length && rows[run]![column] === value) run++;
      if (run < 2) continue;
      for (let i = 1; i < run; i++) rows[i]![column] = null;
      this.sheet.mergeCells(this.householdLine, column + 1, this.householdLine + run - 1, column + 1);
    }
    rows.forEach((row, i) => this.commitRow(this.householdLine + i, row));
    this.household = [];
  }

  private commitRow(line: number, cells: readonly XlsxCell[]): void {
    const row = this.sheet.getRow(line);
    cells.forEach((value, index) => {
      if (value === null || value === '') return;
      const cell = row.getCell(index + 1);
      cell.value = value;
      if (value instanceof Date) cell.numFmt = 'yyyy-mm-dd';
    });
    row.commit();
  }

  async close(): Promise<void> {
    this.flushHousehold();
    this.sheet.commit();
    await this.workbook.commit();
    pinZipTimestamps(this.path);
  }
}
