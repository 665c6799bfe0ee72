// Streaming XLSX reader: every worksheet's rows as text cells with Excel's row numbers, read straight from the zip.
// It yields what the former exceljs reader yielded (kept as the tests' reference, tests/read/xlsx-reader-exceljs.ts),
// in a sixth of the time; the few valid files exceljs misread are read as the format means
// (tests/read/xlsx-fast-reader.test.ts lists both), cells merged down across rows are filled as Excel shows them
// (xlsx-merged-cells.ts), and a month typed 2026.10 (kept as 2026.1) is read as its 0.00 format shows it, or marked in
// doubt (xlsx-cell-value.ts, shownNumber). Worksheets are inflated and parsed chunk by chunk, so memory stays bounded;
// every part's CRC-32 is checked.
import { basename } from 'node:path';
import { InputError } from '../errors.ts';
import type { RawRow, RawSheet } from './raw-row.ts';
import { XmlScanner, type XmlHandler } from './xml-scanner.ts';
import { MergeFill, verticalMerges, type VerticalMerge } from './xlsx-merged-cells.ts';
import { entryChunks, locatedEntries, type LocatedEntry } from './zip-entry.ts';
import { assertZipSignature, corruptXlsx } from './xlsx-refusals.ts';
import { SharedStringsReader } from './xlsx-shared-strings.ts';
import { SheetRowsReader, type SheetContext } from './xlsx-sheet-rows.ts';
import { NO_STYLES, StylesReader } from './xlsx-styles.ts';
import {
  RelationshipsReader, SHARED_STRINGS_PART, STYLES_PART, WORKBOOK_PART, WORKBOOK_RELATIONSHIPS_PART, WorkbookReader,
  worksheetsInReadingOrder, type WorksheetPart,
} from './xlsx-workbook-parts.ts';

export { assertLooksLikeXlsx } from './xlsx-refusals.ts';

/**
 * A worksheet and the date system of its workbook. A date-formatted cell is read here on the workbook's base; a plain
 * number (or text of digits) in a date column is known for a date only once the header is read, and is read on this
 * base there (load-file.ts).
 */
export interface XlsxSheet extends RawSheet {
  /** The workbook counts its serial dates from 1904-01-01 (<workbookPr date1904="1"/> or "true"), not from 1899-12-30. */
  date1904: boolean;
}

export async function* openXlsx(path: string): AsyncGenerator<XlsxSheet> {
  await assertZipSignature(path);
  const file = basename(path);
  let workbook: OpenedWorkbook;
  try {
    workbook = await openWorkbook(path);
  } catch (error) {
    throw asInputError(error, file);
  }
  for (const [index, worksheet] of workbook.worksheets.entries()) {
    yield {
      sheet: worksheet.name, hidden: worksheet.hidden, date1904: workbook.context.date1904,
      rows: sheetRows(path, worksheet.entry, workbook.context, file, workbook.merges[index]!),
    };
  }
}

/** The workbook's sheet names, from workbook.xml alone; none when that cannot be read (openXlsx then says why). */
export async function xlsxSheetNames(path: string): Promise<string[]> {
  try {
    await assertZipSignature(path);
    const entries = await zipEntries(path);
    const workbook = await readOptionalPart(path, entries.find((entry) => entry.name === WORKBOOK_PART), new WorkbookReader());
    return workbook?.sheets.map((sheet) => sheet.name) ?? [];
  } catch {
    return [];
  }
}

interface OpenedWorkbook {
  worksheets: WorksheetPart<LocatedEntry>[];
  /** Each worksheet's vertical merges (xlsx-merged-cells.ts); a failure is reported when its rows are read. */
  merges: Promise<VerticalMerge[]>[];
  context: SheetContext;
}

/** Reads every part but the worksheets: those it parses (workbook, relationships, styles, shared strings) and the rest only checked. */
async function openWorkbook(path: string): Promise<OpenedWorkbook> {
  const entries = await zipEntries(path);
  const find = (name: string) => entries.find((entry) => entry.name === name);
  const workbook = await readOptionalPart(path, find(WORKBOOK_PART), new WorkbookReader());
  const relationships = await readOptionalPart(path, find(WORKBOOK_RELATIONSHIPS_PART), new RelationshipsReader());
  const worksheets = worksheetsInReadingOrder(entries, workbook, relationships);
  // A sheet's merge list follows its rows in the part: it is read by inflating the part once more, started now so that
  // it runs off Node's thread while the styles and shared strings are parsed here.
  const merges = worksheets.map((worksheet) => verticalMerges(entryChunks(path, worksheet.entry)));
  for (const pending of merges) pending.catch(() => {});
  const styles = await readOptionalPart(path, find(STYLES_PART), new StylesReader());
  const sharedStrings = await readOptionalPart(path, find(SHARED_STRINGS_PART), new SharedStringsReader());
  // Every other part is still inflated and its CRC checked, as before: a damaged file is refused, whatever is damaged.
  const parsed = new Set<LocatedEntry | undefined>([...worksheets.map((w) => w.entry), find(WORKBOOK_PART), find(WORKBOOK_RELATIONSHIPS_PART), find(STYLES_PART), find(SHARED_STRINGS_PART)]);
  for (const entry of entries) {
    if (!parsed.has(entry)) for await (const _chunk of entryChunks(path, entry));
  }
  return {
    worksheets,
    merges,
    context: { sharedStrings: sharedStrings?.strings, styles: styles ? styles.styles() : NO_STYLES, date1904: workbook?.date1904 ?? false },
  };
}

/** The zip's entries in file order (the order exceljs meets them), each with where its data starts. */
async function zipEntries(path: string): Promise<LocatedEntry[]> {
  const entries = await locatedEntries(path);
  if (typeof entries === 'string') throw new Error(entries);
  return entries.sort((a, b) => a.dataStart - b.dataStart);
}

async function readOptionalPart<Handler extends XmlHandler>(path: string, entry: LocatedEntry | undefined, handler: Handler): Promise<Handler | null> {
  if (!entry) return null;
  await feed(entryChunks(path, entry), new XmlScanner(handler), entry.name);
  return handler;
}

async function feed(chunks: AsyncIterable<Buffer>, scanner: XmlScanner, part: string): Promise<void> {
  try {
    for await (const chunk of chunks) scanner.write(chunk);
    scanner.end();
  } catch (error) {
    throw withPart(error, part);
  }
}

/** A worksheet's rows, read (again) from the zip each time they are iterated. */
function sheetRows(path: string, entry: LocatedEntry, context: SheetContext, file: string, merges: Promise<VerticalMerge[]>): AsyncIterable<RawRow> {
  return { [Symbol.asyncIterator]: () => new SheetRowIterator(path, entry, context, file, merges) };
}

/**
 * Parses the worksheet a chunk at a time and hands out that chunk's rows. Written by hand rather than as an async
 * generator: a row already parsed is returned as a resolved promise, which costs a third of a generator's yield.
 * Rows are read later, while openXlsx is paused at its yield: errors here need their own translation.
 */
class SheetRowIterator implements AsyncIterator<RawRow> {
  private readonly reader: SheetRowsReader;
  private readonly scanner: XmlScanner;
  private readonly chunks: AsyncGenerator<Buffer>;
  /** Set before the first rows are parsed (the merge list follows them in the part). */
  private mergeFill: MergeFill | undefined;
  private rows: RawRow[] = [];
  private index = 0;
  private finished = false;

  constructor(
    path: string, private readonly entry: LocatedEntry, context: SheetContext, private readonly file: string,
    private readonly merges: Promise<VerticalMerge[]>,
  ) {
    this.reader = new SheetRowsReader(context);
    this.scanner = new XmlScanner(this.reader);
    this.chunks = entryChunks(path, entry);
  }

  next(): Promise<IteratorResult<RawRow>> {
    if (this.index < this.rows.length) return Promise.resolve({ done: false, value: this.rows[this.index++]! });
    return this.parseMore();
  }

  async return(): Promise<IteratorResult<RawRow>> {
    this.finish();
    await this.chunks.return(undefined);
    return { done: true, value: undefined };
  }

  private async parseMore(): Promise<IteratorResult<RawRow>> {
    try {
      this.mergeFill ??= new MergeFill(await this.merges);
      while (this.index >= this.rows.length) {
        if (this.finished) return { done: true, value: undefined };
        const chunk = await this.chunks.next();
        if (chunk.done) {
          this.scanner.end();
          this.finished = true;
        } else {
          this.scanner.write(chunk.value);
        }
        this.rows = this.reader.rows;
        this.reader.rows = [];
        this.index = 0;
        for (const row of this.rows) this.mergeFill.apply(row);
      }
      return { done: false, value: this.rows[this.index++]! };
    } catch (error) {
      this.finish();
      await this.chunks.return(undefined).catch(() => undefined);
      throw asInputError(withPart(error, this.entry.name), this.file);
    }
  }

  private finish(): void {
    this.finished = true;
    this.rows = [];
    this.index = 0;
  }
}

/** XML and structure errors name the part they are in; zip damage already does. */
function withPart(error: unknown, part: string): unknown {
  if (error instanceof Error && !(error instanceof InputError) && !error.message.startsWith(`${part}：`)) {
    return new Error(`${part}：${error.message}`);
  }
  return error;
}

/** Whatever goes wrong inside the workbook (zip, XML, a cell exceljs could not read either) is a corrupt XLSX. */
function asInputError(error: unknown, file: string): InputError {
  if (error instanceof InputError) return error;
  return corruptXlsx(file, error instanceof Error ? error.message : String(error));
}
