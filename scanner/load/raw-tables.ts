// Raw landing tables: one VARCHAR table per dataset (raw_<dataset>), the registry of files DuckDB staged whole,
// and the rows refused before typing.
import type { DuckDBAppender, DuckDBConnection } from '@duckdb/node-api';
import { DATASETS, datasetSpec, type DatasetName } from '../datasets/catalog.ts';
import type { Cell } from '../read/raw-row.ts';
import { DittoFill, type DittoCount } from './ditto-fill.ts';

export const rawTable = (dataset: DatasetName) => `raw_${dataset}`;

/** Every refused row, from reading (shape) or from typing (values): file, line, column, reason; one entry per problem. */
export const REJECTS_DDL = `
  CREATE OR REPLACE TABLE load_rejects (
    dataset VARCHAR NOT NULL, _file VARCHAR NOT NULL, _sheet VARCHAR, _line INTEGER NOT NULL,
    kind VARCHAR NOT NULL,      -- 'shape' | 'id' | 'value' | 'non-data' | 'out-of-scope'
    column_name VARCHAR, raw_value VARCHAR, reason VARCHAR NOT NULL, raw_row VARCHAR
  )`;

/** Registry of the CSV and Parquet files DuckDB staged whole (raw-rows.ts), so normalising (and forgetting a failed file) finds them. */
export const STAGES_DDL = `
  CREATE OR REPLACE TABLE staged_files (
    stage VARCHAR NOT NULL, dataset VARCHAR NOT NULL, _file VARCHAR NOT NULL, first_line INTEGER NOT NULL,
    cell_count INTEGER NOT NULL,
    columns VARCHAR NOT NULL,  -- JSON: dataset column → cell index
    constants VARCHAR NOT NULL,  -- JSON: dataset column → the value of every row (a 发放表's stated month)
    skipped_rows BIGINT NOT NULL,
    repeated_headers VARCHAR NOT NULL  -- JSON: rowids of the header repeated among the rows (header-blocks.ts)
  );
  CREATE OR REPLACE SEQUENCE stage_numbers`;

export async function createRawTables(connection: DuckDBConnection): Promise<void> {
  for (const dataset of DATASETS) {
    const columns = dataset.columns.map((c) => `"${c.name}" VARCHAR`).join(', ');
    // _raw_row keeps every cell of the original row, mapped or not: for rejects and footer detection.
    await connection.run(`CREATE OR REPLACE TABLE ${rawTable(dataset.name)} (${columns}, _file VARCHAR NOT NULL, _sheet VARCHAR, _line INTEGER NOT NULL, _raw_row VARCHAR)`);
  }
  await connection.run(REJECTS_DDL);
  await connection.run(STAGES_DDL);
}

/** Appends the rows of one sheet to its dataset's raw table, each dataset column from its cell of the row (同上 read as the value above). */
export class RawRowWriter {
  private readonly ditto: DittoFill;
  /** Per dataset column (in table order), the value of every row where the sheet states one (a 发放表's month). */
  private readonly constants: readonly (string | undefined)[];
  private constructor(
    private readonly appender: DuckDBAppender,
    dataset: DatasetName,
    columnIndex: ReadonlyMap<string, number>,
    constants: ReadonlyMap<string, string>,
  ) {
    const spec = datasetSpec(dataset);
    // Per dataset column (in table order), the index of its cell in a row; -1 where the sheet has no such column.
    this.ditto = new DittoFill(spec, spec.columns.map((c) => columnIndex.get(c.name) ?? -1));
    this.constants = spec.columns.map((c) => constants.get(c.name));
  }

  /** `columnIndex`: the header's dataset column → cell index (HeaderMatch.columnIndex); `constants`: column → every row's value. */
  static async open(
    connection: DuckDBConnection,
    dataset: DatasetName,
    columnIndex: ReadonlyMap<string, number>,
    constants: ReadonlyMap<string, string> = new Map(),
  ): Promise<RawRowWriter> {
    return new RawRowWriter(await connection.createAppender(rawTable(dataset)), dataset, columnIndex, constants);
  }

  append(cells: readonly Cell[], file: string, sheet: string | undefined, line: number, rawRow: string): void {
    const values = this.ditto.resolve(cells, line);
    for (let column = 0; column < values.length; column++) {
      const value = this.constants[column] ?? values[column];
      if (value === null || value === undefined) this.appender.appendNull();
      else this.appender.appendVarchar(value);
    }
    this.appender.appendVarchar(file);
    if (sheet === undefined) this.appender.appendNull();
    else this.appender.appendVarchar(sheet);
    this.appender.appendInteger(line);
    this.appender.appendVarchar(rawRow);
    this.appender.endRow();
  }

  /** Where the sheet wrote 同上 or 〃, and how each was read. */
  dittoMarks(): DittoCount[] {
    return this.ditto.report();
  }

  close(): void {
    this.appender.closeSync();
  }
}

export interface ShapeReject {
  /** 'shape' unless said: a block's header in another layout is listed as a non-data row (header-blocks.ts). */
  kind?: 'shape' | 'non-data';
  dataset: DatasetName;
  file: string;
  sheet: string | undefined;
  line: number;
  reason: string;
  rawRow: string;
}

export async function insertShapeRejects(connection: DuckDBConnection, rejects: readonly ShapeReject[]): Promise<void> {
  if (rejects.length === 0) return;
  const appender = await connection.createAppender('load_rejects');
  try {
    for (const reject of rejects) {
      appender.appendVarchar(reject.dataset);
      appender.appendVarchar(reject.file);
      if (reject.sheet === undefined) appender.appendNull();
      else appender.appendVarchar(reject.sheet);
      appender.appendInteger(reject.line);
      appender.appendVarchar(reject.kind ?? 'shape');
      appender.appendNull();
      appender.appendNull();
      appender.appendVarchar(reject.reason);
      appender.appendVarchar(reject.rawRow);
      appender.endRow();
    }
  } finally {
    appender.closeSync();
  }
}
