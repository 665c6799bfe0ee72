// Test helper: runs one check over roll rows spread over several files (the RuleTester harness gives every row '<dataset>.csv').
import { DuckDBInstance } from '@duckdb/node-api';
import { configSchema } from '../../scanner/config/schema.ts';
import { DATASETS, type DatasetName } from '../../scanner/datasets/catalog.ts';
import type { CheckDefinition } from '../../scanner/engine/define-check.ts';
import { definePeriodMacros, defineStandards, runChecks } from '../../scanner/engine/run-checks.ts';
import type { DatasetCounts } from '../../scanner/load/load-inputs.ts';
import { normaliseDatasets } from '../../scanner/load/normalise-datasets.ts';
import { createRawTables, rawTable } from '../../scanner/load/raw-tables.ts';
import { installNormalisationMacros } from '../../scanner/normalise/index.ts';
import { parsePeriod } from '../../scanner/period.ts';
import type { RawRow } from './roll-rows.ts';

export interface FileFinding {
  subject_id: string | null;
  household_id: string | null;
  village: string | null;
  evidence: string | null;
  source_file: string | null;
}

/** Roll rows per file name (lines numbered from 2 in each file); returns the check's findings. */
export async function rollFindingsAcrossFiles(check: CheckDefinition, files: Record<string, RawRow[]>, config: unknown = {}): Promise<FileFinding[]> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await installNormalisationMacros(connection);
    await createRawTables(connection);
    const allRows = Object.values(files).flat();
    for (const [file, rows] of Object.entries(files)) {
      for (const [index, row] of rows.entries()) {
        const columns = Object.keys(row);
        await connection.run(
          `INSERT INTO ${rawTable('roll')} (${columns.map((c) => `"${c}"`).join(', ')}, _file, _line, _raw_row)
           VALUES (${columns.map((_, i) => `$v${i}::VARCHAR`).join(', ')}, $file, $line, $raw_row)`,
          { ...Object.fromEntries(columns.map((c, i) => [`v${i}`, row[c] ?? null])), file, line: index + 2, raw_row: columns.map((c) => row[c] ?? '').join(',') },
        );
      }
    }
    await normaliseDatasets(connection);
    const datasets = Object.fromEntries(DATASETS.map((d) => [d.name, {
      files: d.name === 'roll' ? Object.keys(files) : [],
      columns: d.name === 'roll' ? [...new Set(allRows.flatMap(Object.keys))] : [],
      rowsRead: 0, rowsUsed: 0, rowsRejected: 0,
    }])) as Record<DatasetName, DatasetCounts>;
    const parsedConfig = configSchema.parse(config);
    const period = parsePeriod('2026-10');
    await definePeriodMacros(connection, period);
    await defineStandards(connection, parsedConfig);
    const [outcome] = await runChecks(connection, [check], { period, config: parsedConfig, datasets });
    if (!outcome?.ran) throw new Error(`check ${check.id} did not run: ${outcome?.reason}`);
    const reader = await connection.runAndReadAll(
      'SELECT subject_id, household_id, village, evidence, source_file FROM scan_findings ORDER BY village, source_file',
    );
    return reader.getRowObjectsJson() as unknown as FileFinding[];
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
