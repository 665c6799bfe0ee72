// Streaming XLSX reader (exceljs): every worksheet's rows as text cells, with Excel's row numbers.
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import type * as ExcelTypes from 'exceljs';
import ExcelJS from './exceljs.ts';
import { InputError } from '../errors.ts';
import type { Cell, RawRow, RawSheet } from './raw-row.ts';
import { zipDamage } from './zip-integrity.ts';

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

/** Refuses what exceljs cannot read before it fails deep inside the unzip. */
export async function assertLooksLikeXlsx(path: string): Promise<void> {
  const handle = await open(path, 'r');
  const head = Buffer.alloc(4);
  try {
    await handle.read(head, 0, 4, 0);
  } finally {
    await handle.close();
  }
  const file = basename(path);
  if (head.equals(OLE_MAGIC)) {
    throw new InputError({ file }, '这是旧版 Excel 97-2003 (.xls) 或加密的工作簿，无法读取', '请在 Excel/WPS 中“另存为” .xlsx（不设密码）后再扫描。');
  }
  if (!head.equals(ZIP_MAGIC)) {
    throw new InputError({ file }, '不是有效的 XLSX 文件（文件损坏或扩展名不符） (corrupt XLSX)', '请从原系统重新导出，或用 Excel/WPS 打开后另存为 .xlsx。');
  }
  const damage = await zipDamage(path);
  if (damage) throw corruptXlsx(file, damage);
}

function corruptXlsx(file: string, detail: string): InputError {
  return new InputError({ file }, `XLSX 文件内容损坏，无法读取 (corrupt XLSX: ${detail})`, '请用 Excel/WPS 打开后另存为 .xlsx，或从原系统重新导出。');
}

/** Converts one exceljs cell value to the text a person sees, keeping precision loss visible. */
export function cellText(value: ExcelTypes.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value === '' ? null : value;
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateText(value);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part: { text: string }) => part.text).join('') || null;
    if ('formula' in value || 'sharedFormula' in value) return cellText((value as ExcelTypes.CellFormulaValue).result as ExcelTypes.CellValue);
    if ('hyperlink' in value) return cellText((value as ExcelTypes.CellHyperlinkValue).text);
    if ('error' in value) return String((value as ExcelTypes.CellErrorValue).error);
  }
  return String(value);
}

/**
 * An integer beyond 2^53 (an 18-digit ID typed into a number cell) has already lost its last
 * digits inside the file: write it in exponent form so it can never pass as a real ID.
 */
function numberText(value: number): string {
  if (Number.isInteger(value) && !Number.isSafeInteger(value)) return value.toExponential();
  return String(value);
}

function dateText(value: Date): string {
  const iso = value.toISOString(); // exceljs builds dates in UTC from the serial number
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}

export async function* openXlsx(path: string): AsyncGenerator<RawSheet> {
  await assertLooksLikeXlsx(path);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    entries: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
  });
  const file = basename(path);
  try {
    for await (const worksheet of reader) {
      const state = (worksheet as unknown as { state?: string }).state;
      const name = (worksheet as unknown as { name: string }).name;
      yield { sheet: name, hidden: state === 'hidden' || state === 'veryHidden', rows: sheetRows(worksheet, file) };
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw corruptXlsx(file, (error as Error).message);
  }
}

/** Rows are read later, while openXlsx is paused at its yield: a parse error here needs its own translation. */
async function* sheetRows(worksheet: ExcelTypes.stream.xlsx.WorksheetReader, file: string): AsyncGenerator<RawRow> {
  try {
    for await (const row of worksheet as unknown as AsyncIterable<ExcelTypes.Row>) {
      const values = row.values as ExcelTypes.CellValue[]; // 1-based, sparse
      const cells: Cell[] = [];
      for (let column = 1; column < values.length; column++) cells.push(cellText(values[column]));
      yield { line: row.number, cells };
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw corruptXlsx(file, (error as Error).message);
  }
}
