// One output file of one dataset: its writer, its columns (header text → canonical field) and its spelling habits.
import type { DatasetName } from '../../../scanner/datasets/catalog.ts';
import { formatMonth, isoDate } from '../calendar.ts';
import type { FieldValue, Location } from '../model.ts';
import { nameVariant } from '../names.ts';
import type { Random } from '../random.ts';
import { CsvFile } from './csv-file.ts';
import type { CsvEncoding } from './csv-file.ts';
import { ParquetFile } from './parquet-file.ts';
import { XlsxFile } from './xlsx-file.ts';
import type { XlsxCell } from './xlsx-file.ts';
import { canonicalAmount, messyAmount, messyDate, messyId, messyMonth } from './spellings.ts';

export interface ColumnLayout {
  header: string;
  /** Canonical field name; a field missing from the record leaves the cell empty. */
  field: string;
}

export interface TableSpec {
  file: string;
  dataset: DatasetName;
  format: 'csv' | 'xlsx' | 'parquet';
  encoding?: CsvEncoding;
  sheetName?: string;
  preamble?: string[];
  columns: ColumnLayout[];
  /** cell: real Excel dates; mixed: every text form; iso: YYYY-MM-DD. */
  dates: 'cell' | 'mixed' | 'iso';
  amounts: 'number' | 'mixed' | 'plain';
  months: 'mixed' | 'iso';
  /** Share of valid IDs written in a recoverable messy form. */
  messyIdShare: number;
  /** Share of names written in another spelling that normalises back (traditional, spaces, dots). */
  nameVariantShare?: number;
  /** XLSX only: these fields' cells merged down across a household's rows (consecutive rows with the same key field). */
  mergeDown?: { key: string; fields: readonly string[] };
}

export interface FileSummary {
  file: string;
  dataset: DatasetName;
  format: 'csv' | 'xlsx' | 'parquet';
  encoding: string;
  /** Data rows (title, header and footer rows not counted). */
  rows: number;
}

const ID_FIELDS = new Set(['id_number', 'relative_id_number']);

export class Table {
  private readonly writer: CsvFile | XlsxFile | ParquetFile;
  private readonly headerLines: number;
  private footerLines = 0;

  constructor(readonly spec: TableSpec, directory: string, private readonly rng: Random) {
    const path = `${directory}/${spec.file}`;
    const header = spec.columns.map((column) => column.header);
    if (spec.format === 'xlsx') {
      const columnOf = (field: string) => spec.columns.findIndex((column) => column.field === field);
      const mergeDown = spec.mergeDown && { key: columnOf(spec.mergeDown.key), columns: spec.mergeDown.fields.map(columnOf).filter((index) => index >= 0) };
      this.writer = new XlsxFile(path, { sheetName: spec.sheetName ?? 'Sheet1', preamble: spec.preamble ?? [], header, mergeDown });
    } else if (spec.format === 'parquet') {
      this.writer = new ParquetFile(path, header);
    } else {
      this.writer = new CsvFile(path, spec.encoding ?? 'utf8', header);
    }
    this.headerLines = this.writer.lines;
  }

  /** Writes a record; returns where it went. */
  write(record: Record<string, FieldValue>): Location {
    const columns = this.spec.columns;
    const cells: XlsxCell[] = new Array(columns.length);
    const text = this.spec.format !== 'xlsx';
    for (let i = 0; i < columns.length; i++) {
      const field = columns[i]!.field;
      const cell = this.cell(field, record[field] ?? null);
      cells[i] = text && cell !== null && typeof cell !== 'string' ? String(cell) : cell;
    }
    const line = text ? (this.writer as CsvFile | ParquetFile).writeRow(cells as (string | null)[]) : (this.writer as XlsxFile).writeRow(cells);
    return { file: this.spec.file, line };
  }

  /** A row that is not data (合计, 制表人 …): written as given, not counted. */
  writeFooter(cells: (string | null)[]): Location {
    this.footerLines += 1;
    const line = this.spec.format === 'xlsx' ? (this.writer as XlsxFile).writeRow(cells) : (this.writer as CsvFile).writeRow(cells);
    return { file: this.spec.file, line };
  }

  private cell(field: string, value: FieldValue): XlsxCell {
    if (value === null) return null;
    if (value instanceof Date) {
      if (this.spec.dates === 'cell' && this.spec.format === 'xlsx') return value;
      return this.spec.dates === 'mixed' ? messyDate(this.rng, value) : isoDate(value);
    }
    if (typeof value === 'object') {
      // Raw cells are written verbatim: they carry injected faults the answer key quotes exactly.
      if ('number' in value) return value.number;
      if ('text' in value) return value.text;
      if ('cents' in value) {
        if (this.spec.amounts === 'number' && this.spec.format === 'xlsx') return value.cents / 100;
        return this.spec.amounts === 'mixed' ? messyAmount(this.rng, value.cents) : canonicalAmount(value.cents);
      }
      return this.spec.months === 'mixed' ? messyMonth(this.rng, value.month) : formatMonth(value.month);
    }
    if (ID_FIELDS.has(field) && this.spec.messyIdShare > 0 && this.rng.chance(this.spec.messyIdShare)) {
      return messyId(this.rng, value, this.spec.format === 'csv');
    }
    if (field === 'name' && this.spec.nameVariantShare && this.rng.chance(this.spec.nameVariantShare)) {
      return nameVariant(this.rng, value) ?? value;
    }
    return value;
  }

  async close(): Promise<FileSummary> {
    const rows = this.writer.lines - this.headerLines - this.footerLines;
    await this.writer.close();
    const encoding = this.spec.format === 'xlsx' ? 'xlsx' : this.spec.format === 'parquet' ? 'parquet' : this.spec.encoding ?? 'utf8';
    return { file: this.spec.file, dataset: this.spec.dataset, format: this.spec.format, encoding, rows };
  }
}
