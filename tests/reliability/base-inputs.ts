// The valid township folder every fuzz case starts from, and what a clean scan of it must count.
import type { CellValue } from 'exceljs';
import ExcelJS from '../../scanner/read/exceljs.ts';
import { PEOPLE, rollCsv, ROLL_HEADER, validId } from '../support/small-township.ts';

export const MORE_PEOPLE = {
  zhao: validId('370481', '19450612', '131'),
  sun: validId('370481', '19700220', '242'),
  zhou: validId('370482', '19300101', '017'),
  wu: validId('370481', '19381111', '028'),
};

export const ROLL_CSV_NAME = '低保花名册.csv';
export const ROLL_XLSX_NAME = '低保花名册.xlsx';
export const DEATHS_CSV_NAME = '死亡人员.csv';
export const DEATHS_XLSX_NAME = '火化名单.xlsx';

/** The roll: five people, a row of empty cells (not read) and a totals row (read, refused as non-data). */
export const ROLL_TEXT = rollCsv([
  `张庄镇,南村,H003,赵四,${MORE_PEOPLE.zhao},户主,农村特困,900,在保`,
  `张庄镇,南村,H004,孙五,${MORE_PEOPLE.sun},户主,城市低保,650,停保`,
  ',,,,,,,,',
  '合计,,,,,,,4650,',
]);

/** A deaths list with three date forms, an empty line (not read) and a totals row (read, refused as non-data). */
export const DEATHS_TEXT = [
  '姓名,身份证号码,死亡日期',
  `张大山,${PEOPLE.zhang},2026-03-01`,
  `周七,${MORE_PEOPLE.zhou},2026/3/15`,
  `吴八,${MORE_PEOPLE.wu},2026年4月2日`,
  '',
  '合计：3人,,',
].join('\r\n') + '\r\n';

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** As exported: the roll without BOM and LF line ends, the deaths list with BOM and CRLF. */
export const ROLL_BYTES = Buffer.from(ROLL_TEXT, 'utf8');
export const DEATHS_BYTES = Buffer.concat([UTF8_BOM, Buffer.from(DEATHS_TEXT, 'utf8')]);

export interface DatasetCounts {
  rows_read: number;
  rows_used: number;
  rows_rejected: number;
}

/** What a clean scan counts for each base file (checked by the control case). */
export const BASE_COUNTS: Record<'roll' | 'deaths', DatasetCounts> = {
  roll: { rows_read: 6, rows_used: 5, rows_rejected: 1 },
  deaths: { rows_read: 4, rows_used: 3, rows_rejected: 1 },
};

export { ROLL_HEADER };

// ---- XLSX versions of the same two files (title row above the header, as real exports have) ----

export type SheetCell = CellValue;

export interface WorkbookSpec {
  title: string;
  header: string[];
  rows: SheetCell[][];
  /** The sheet row number of rows[0]. */
  firstDataRow: number;
}

export function rollSheet(): WorkbookSpec {
  const rows: SheetCell[][] = [
    ['张庄镇', '东村', 'H001', '张大山', PEOPLE.zhang, '户主', '农村低保', 1400, '在保'],
    ['张庄镇', '东村', 'H001', '李秀英', PEOPLE.li, '配偶', '农村低保', 1400, '在保'],
    ['张庄镇', '西村', 'H002', '王小明', PEOPLE.wang, '户主', '农村低保', 700, '在保'],
    ['张庄镇', '南村', 'H003', '赵四', MORE_PEOPLE.zhao, '户主', '农村特困', 900, '在保'],
    ['张庄镇', '南村', 'H004', '孙五', MORE_PEOPLE.sun, '户主', '城市低保', 650, '停保'],
    ['合计', null, null, null, null, null, null, 4650, null],
  ];
  return { title: '张庄镇2026年10月低保花名册', header: ROLL_HEADER.split(','), rows, firstDataRow: 3 };
}

export function deathsSheet(): WorkbookSpec {
  const rows: SheetCell[][] = [
    ['张大山', PEOPLE.zhang, new Date(Date.UTC(2026, 2, 1))],
    ['周七', MORE_PEOPLE.zhou, new Date(Date.UTC(2026, 2, 15))],
    ['吴八', MORE_PEOPLE.wu, '2026年4月2日'],
    ['合计：3人', null, null],
  ];
  return { title: '2026年殡葬火化名单', header: ['姓名', '身份证号码', '火化日期'], rows, firstDataRow: 3 };
}

const WRITTEN = new Date(Date.UTC(2026, 9, 31, 8, 0, 0));

/** The workbook's bytes, the same on every run (fixed document dates and zip entry times), so a seed's byte offsets reproduce. */
export async function workbookBytes(spec: WorkbookSpec): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.created = WRITTEN;
  workbook.modified = WRITTEN;
  const sheet = workbook.addWorksheet('Sheet1');
  sheet.addRow([spec.title]);
  sheet.addRow(spec.header);
  for (const row of spec.rows) sheet.addRow(row);
  return fixZipTimes(Buffer.from(await workbook.xlsx.writeBuffer()));
}

/** Sets every entry's DOS modification time and date (local headers and central directory) to 2026-10-31 08:00. */
function fixZipTimes(zip: Buffer): Buffer {
  const time = (8 << 11) | (0 << 5) | 0;
  const date = ((2026 - 1980) << 9) | (10 << 5) | 31;
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  for (let n = 0; n < count; n++) {
    const local = zip.readUInt32LE(at + 42);
    zip.writeUInt16LE(time, at + 12);
    zip.writeUInt16LE(date, at + 14);
    zip.writeUInt16LE(time, local + 10);
    zip.writeUInt16LE(date, local + 12);
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return zip;
}
