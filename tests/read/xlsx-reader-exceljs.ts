// The former exceljs-based XLSX reader, kept only as the reference the fast reader is tested against.
import { basename } from 'node:path';
import type * as ExcelTypes from 'exceljs';
import ExcelJS from '../../scanner/read/exceljs.ts';
import { InputError } from '../../scanner/errors.ts';
import type { Cell, RawRow, RawSheet } from '../../scanner/read/raw-row.ts';
import { dateText, numberText } from '../../scanner/read/xlsx-cell-text.ts';
import { assertLooksLikeXlsx, corruptXlsx } from '../../scanner/read/xlsx-refusals.ts';

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

export async function* openXlsxWithExceljs(path: string): AsyncGenerator<RawSheet> {
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
