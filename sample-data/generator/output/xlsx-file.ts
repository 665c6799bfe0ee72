// An XLSX file written row by row with exceljs's streaming writer: optional merged title rows, fixed timestamps.
import { readFileSync, writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';

export type XlsxCell = string | number | Date | null;

export interface XlsxOptions {
  sheetName: string;
  /** Rows above the header: a merged title, then e.g. 填报单位 …; '' gives a blank row. */
  preamble: readonly string[];
  header: readonly string[];
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
  }

  /** Writes one row and returns its worksheet row number. */
  writeRow(cells: readonly XlsxCell[]): number {
    this.lines += 1;
    const row = this.sheet.getRow(this.lines);
    cells.forEach((value, index) => {
      if (value === null || value === '') return;
      const cell = row.getCell(index + 1);
      cell.value = value;
      if (value instanceof Date) cell.numFmt = 'yyyy-mm-dd';
    });
    row.commit();
    return this.lines;
  }

  async close(): Promise<void> {
    this.sheet.commit();
    await this.workbook.commit();
    pinZipTimestamps(this.path);
  }
}
