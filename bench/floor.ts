// The floor (`--floor`): what DuckDB alone takes on a workload's own files, with no rollsweep code in between. For
// every file: parse it (count its rows), land every row as text in an in-memory table (what the scan's read phase
// stages), and copy that table once (about what writing a typed table costs before any expression computes a value:
// the scan's typed tables keep each raw text beside its typed value, so they are no narrower). A scan that lands its
// input as text and then types it, as rollsweep's does, takes at least about land + copy; set beside a target, the
// floor says how much of it is left for typing and the checks.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { DEFAULT_MEMORY_LIMIT } from '../scanner/memory-limit.ts';
import { sqlString } from '../scanner/sql-text.ts';
import { stat, type Stat } from './measure.ts';
import type { PreparedWorkload } from './workloads.ts';

export interface FloorRun {
  files: number;
  /** Rows DuckDB counted in the files (headers excluded): the stamp's rows, or the floor read something else. */
  rows: number;
  parse_ms: number;
  land_ms: number;
  copy_ms: number;
}

export type FloorResult =
  | { runs: FloorRun[]; stats: Record<'parse_ms' | 'land_ms' | 'copy_ms' | 'land_and_copy_ms', Stat> }
  | { skipped: string };

/** How DuckDB reads one file as text: a clean workload's CSV (UTF-8, header on line 1) or Parquet, every column as VARCHAR. */
function textSource(path: string): string | null {
  const extension = extname(path).toLowerCase();
  if (extension === '.csv') return `read_csv(${sqlString(path)}, header = true, all_varchar = true, delim = ',', quote = '"', escape = '"')`;
  if (extension === '.parquet') return `(SELECT COLUMNS(*)::VARCHAR FROM read_parquet(${sqlString(path)}))`;
  return null;
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

async function floorRun(connection: DuckDBConnection, sources: readonly string[]): Promise<FloorRun> {
  const run: FloorRun = { files: sources.length, rows: 0, parse_ms: 0, land_ms: 0, copy_ms: 0 };
  for (const source of sources) {
    run.parse_ms += await timed(async () => {
      run.rows += Number((await connection.runAndReadAll(`SELECT count(*) FROM ${source}`)).getRows()[0]![0]);
    });
    run.land_ms += await timed(() => connection.run(`CREATE TABLE floor_landed AS SELECT * FROM ${source}`));
    run.copy_ms += await timed(() => connection.run('CREATE TABLE floor_copied AS SELECT * FROM floor_landed'));
    // One file at a time, as the scan's memory allows: the next file lands in the memory these held.
    await connection.run('DROP TABLE floor_landed; DROP TABLE floor_copied');
  }
  return run;
}

/**
 * The floor of a CSV or Parquet workload, `runs` times, in a DuckDB set up as the scan's (same memory limit, spilling
 * to a private folder). A messy workload (workbooks, GB18030, title rows) is skipped: DuckDB here cannot read
 * workbooks, and the scan's careful reader, not DuckDB, reads the rest.
 */
export async function measureFloor(prepared: PreparedWorkload, runs: number): Promise<FloorResult> {
  if (prepared.spec.format === 'messy') return { skipped: 'messy files (workbooks, GB18030, title rows): DuckDB alone cannot land them as the scan reads them' };
  const files = readdirSync(prepared.input).sort().map((name) => join(prepared.input, name));
  const sources = files.map(textSource);
  const unread = files.filter((_, index) => sources[index] === null);
  if (unread.length > 0) return { skipped: `not CSV or Parquet: ${unread.join(', ')}` };
  const spill = mkdtempSync(join(tmpdir(), 'rollsweep-floor-'));
  const instance = await DuckDBInstance.create(':memory:', { memory_limit: DEFAULT_MEMORY_LIMIT, temp_directory: spill, checkpoint_threshold: '1TB' });
  try {
    const connection = await instance.connect();
    const measured: FloorRun[] = [];
    for (let run = 0; run < runs; run += 1) measured.push(await floorRun(connection, sources as string[]));
    connection.closeSync();
    // Median, min and max as the scan's figures are summarised; never null, runs being at least one.
    const of = (pick: (run: FloorRun) => number): Stat => stat(measured.map(pick))!;
    return {
      runs: measured,
      stats: {
        parse_ms: of((r) => r.parse_ms), land_ms: of((r) => r.land_ms), copy_ms: of((r) => r.copy_ms), land_and_copy_ms: of((r) => r.land_ms + r.copy_ms),
      },
    };
  } finally {
    instance.closeSync();
    rmSync(spill, { recursive: true, force: true });
  }
}
