// The former exceljs-based XLSX reader, kept only as the reference the fast reader is tested against.
import { createRequire } from 'node:module';
import { basename } from 'node:path';
import type { Readable } from 'node:stream';
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
  const file = basename(path);
  try {
    for await (const worksheet of exceljsWorksheets(path)) {
      const state = (worksheet as unknown as { state?: string }).state;
      const name = (worksheet as unknown as { name: string }).name;
      yield { sheet: name, hidden: state === 'hidden' || state === 'veryHidden', rows: sheetRows(worksheet, file) };
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw corruptXlsx(file, (error as Error).message);
  }
}

/** The parts of exceljs's stream.xlsx.WorkbookReader that its parse() drives, one zip entry each. */
interface WorkbookReaderParts {
  sharedStrings?: unknown[];
  workbookRels?: unknown[];
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncIterable<unknown>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseWorksheet(entry: Readable, sheetNo: string): Iterable<{ eventType: string; value: ExcelTypes.stream.xlsx.WorksheetReader }>;
}

interface ZipDirectoryFile {
  path: string;
  type: 'File' | 'Directory';
  offsetToLocalFileHeader: number;
  stream(): Readable;
}

// unzipper is exceljs's own dependency: resolve it from there, not from our package.json. Not rollsweep's own zip
// reader (scanner/read/zip-entry.ts): the reference must not share code with the reader it checks.
const unzipper = createRequire(createRequire(import.meta.url).resolve('exceljs'))('unzipper') as {
  Open: { file(path: string): Promise<{ files: ZipDirectoryFile[] }> };
};

/**
 * exceljs's WorkbookReader.parse(), entry for entry, over the zip's central directory instead of its single streaming
 * pass. That pass (unzipper.Parse) at times loses every entry after a worksheet it has set aside to a temporary file
 * (exceljs issue #3064): xl/workbook.xml never read, so the sheets came out unnamed or failed with "Cannot read
 * properties of undefined (reading 'sheets')" — a few reads in a thousand on a busy machine, which failed CI.
 * exceljs's streaming writer stores the worksheets before workbook.xml. The reading of each part, and the order
 * worksheets are handed out (those met after the shared strings and relationships at once, the ones set aside at the
 * end), are exceljs's; hyperlinks are not read (the reader ignores them).
 */
async function* exceljsWorksheets(path: string): AsyncGenerator<ExcelTypes.stream.xlsx.WorksheetReader> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
  }) as unknown as WorkbookReaderParts;
  const entries = (await unzipper.Open.file(path)).files
    .filter((entry) => entry.type === 'File')
    .sort((a, b) => a.offsetToLocalFileHeader - b.offsetToLocalFileHeader);
  const setAside: { entry: ZipDirectoryFile; sheetNo: string }[] = [];
  for (const entry of entries) {
    switch (entry.path) {
      case 'xl/_rels/workbook.xml.rels':
        await reader._parseRels(entry.stream());
        break;
      case 'xl/workbook.xml':
        await reader._parseWorkbook(entry.stream());
        break;
      case 'xl/sharedStrings.xml':
        for await (const _event of reader._parseSharedStrings(entry.stream()));
        break;
      case 'xl/styles.xml':
        await reader._parseStyles(entry.stream());
        break;
      default: {
        const sheetNo = /xl\/worksheets\/sheet(\d+)[.]xml/.exec(entry.path)?.[1];
        if (sheetNo === undefined) break;
        if (reader.sharedStrings && reader.workbookRels) yield* worksheetsOf(reader._parseWorksheet(entry.stream(), sheetNo));
        else setAside.push({ entry, sheetNo });
      }
    }
  }
  for (const { entry, sheetNo } of setAside) yield* worksheetsOf(reader._parseWorksheet(entry.stream(), sheetNo));
}

function* worksheetsOf(events: Iterable<{ eventType: string; value: ExcelTypes.stream.xlsx.WorksheetReader }>) {
  for (const { eventType, value } of events) if (eventType === 'worksheet') yield value;
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
