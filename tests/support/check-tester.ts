// RuleTester for checks: inline rows per dataset go through the real typing SQL and engine on a real DuckDB.
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { configSchema, type Config } from '../../scanner/config/schema.ts';
import { DATASETS, datasetSpec, type DatasetName } from '../../scanner/datasets/catalog.ts';
import type { CheckDefinition } from '../../scanner/engine/define-check.ts';
import { findCheck } from '../../scanner/engine/registry.ts';
import { definePeriodMacros, defineStandards, runChecks } from '../../scanner/engine/run-checks.ts';
import type { DatasetCounts } from '../../scanner/load/load-inputs.ts';
import { normaliseDatasets } from '../../scanner/load/normalise-datasets.ts';
import { createRawTables, rawTable } from '../../scanner/load/raw-tables.ts';
import { installNormalisationMacros } from '../../scanner/normalise/index.ts';
import { parsePeriod } from '../../scanner/period.ts';

/** Rows as they would arrive, keyed by canonical column name; every value is raw text. */
export type Rows = Partial<Record<DatasetName, Record<string, string | null>[]>>;

export interface ExpectedFinding {
  subject_id?: string | null;
  household_id?: string | null;
  township?: string | null;
  village?: string | null;
  program?: string | null;
  /** Every fragment must appear in the evidence text. */
  evidence?: string[];
  overpayment_cents?: number | null;
}

export interface TestCase {
  name: string;
  rows: Rows;
  period?: string;
  config?: unknown;
}

export interface InvalidCase extends TestCase {
  expected: ExpectedFinding[];
}

export interface Finding {
  finding_id: string;
  subject_id: string | null;
  subject_name: string | null;
  household_id: string | null;
  township: string | null;
  village: string | null;
  program: string | null;
  evidence: string | null;
  fact: string;
  overpayment_cents: number | null;
  source_file: string | null;
  source_line: number | null;
}

/** Runs one check over the rows and returns its findings, ordered by subject, household and evidence. */
export async function findingsFor(check: CheckDefinition, rows: Rows, period = '2026-10', config: unknown = {}): Promise<Finding[]> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await installNormalisationMacros(connection);
    await createRawTables(connection);
    const datasets = {} as Record<DatasetName, DatasetCounts>;
    for (const dataset of DATASETS) {
      const given = rows[dataset.name];
      datasets[dataset.name] = {
        files: given ? [`${dataset.name}.csv`] : [],
        columns: [...new Set((given ?? []).flatMap(Object.keys))].filter((column) => !PROVENANCE_KEYS.has(column)),
        rowsRead: 0, rowsUsed: 0, rowsRejected: 0,
      };
      for (const [index, row] of (given ?? []).entries()) await insertRawRow(connection, dataset.name, row, index + 2);
    }
    await normaliseDatasets(connection);
    const parsedConfig: Config = configSchema.parse(config);
    await definePeriodMacros(connection, parsePeriod(period));
    await defineStandards(connection, parsedConfig);
    const [outcome] = await runChecks(connection, [check], { period: parsePeriod(period), config: parsedConfig, datasets });
    if (!outcome?.ran) throw new Error(`check ${check.id} did not run: ${outcome?.reason}`);
    const reader = await connection.runAndReadAll(
      `SELECT finding_id, subject_id, subject_name, household_id, township, village, program, evidence, fact, overpayment_cents, source_file, source_line
       FROM scan_findings ORDER BY subject_id NULLS LAST, household_id NULLS LAST, evidence`,
    );
    return reader.getRowObjectsJson().map((row) => ({
      ...(row as unknown as Finding),
      overpayment_cents: row['overpayment_cents'] === null ? null : Number(row['overpayment_cents']),
      source_line: row['source_line'] === null ? null : Number(row['source_line']),
    }));
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** `_file` and `_sheet` on a test row say where it came from (default `<dataset>.csv`, no sheet). */
const PROVENANCE_KEYS = new Set(['_file', '_sheet']);

async function insertRawRow(connection: Awaited<ReturnType<DuckDBInstance['connect']>>, dataset: DatasetName, row: Record<string, string | null>, line: number) {
  const known = new Set(datasetSpec(dataset).columns.map((c) => c.name));
  const columns = Object.keys(row).filter((column) => !PROVENANCE_KEYS.has(column));
  const unknown = columns.filter((column) => !known.has(column));
  if (unknown.length > 0) throw new Error(`test row for ${dataset} has unknown columns: ${unknown.join(', ')}`);
  const values: Record<string, string | null> = Object.fromEntries(columns.map((c, i) => [`v${i}`, row[c] ?? null]));
  await connection.run(
    `INSERT INTO ${rawTable(dataset)} (${columns.map((c) => `"${c}"`).join(', ')}${columns.length ? ', ' : ''}_file, _sheet, _line, _raw_row)
     VALUES (${columns.map((_, i) => `$v${i}::VARCHAR`).join(', ')}${columns.length ? ', ' : ''}$file, $sheet::VARCHAR, $line, $raw_row)`,
    { ...values, file: row['_file'] ?? `${dataset}.csv`, sheet: row['_sheet'] ?? null, line, raw_row: columns.map((c) => row[c] ?? '').join(',') },
  );
}

function matches(finding: Finding, expected: ExpectedFinding): boolean {
  if (expected.subject_id !== undefined && finding.subject_id !== expected.subject_id) return false;
  if (expected.household_id !== undefined && finding.household_id !== expected.household_id) return false;
  if (expected.township !== undefined && finding.township !== expected.township) return false;
  if (expected.village !== undefined && finding.village !== expected.village) return false;
  if (expected.program !== undefined && finding.program !== expected.program) return false;
  if (expected.overpayment_cents !== undefined && finding.overpayment_cents !== expected.overpayment_cents) return false;
  return (expected.evidence ?? []).every((fragment) => (finding.evidence ?? '').includes(fragment));
}

/**
 * RuleTester.run: refuses a suite with no valid case, no invalid case, or an invalid case
 * without expected findings. Valid cases must produce nothing; invalid ones exactly the expected findings.
 */
export function testCheck(checkId: string, cases: { valid: TestCase[]; invalid: InvalidCase[] }): void {
  const check = findCheck(checkId);
  describe(checkId, () => {
    it('is registered and has valid and invalid cases', () => {
      expect(check, `check ${checkId} is not registered`).toBeDefined();
      expect(cases.valid.length, 'at least one valid (not flagged) case').toBeGreaterThan(0);
      expect(cases.invalid.length, 'at least one invalid (flagged) case').toBeGreaterThan(0);
      for (const invalid of cases.invalid) {
        expect(invalid.expected.length, `${invalid.name}: expected findings`).toBeGreaterThan(0);
        for (const expected of invalid.expected) {
          const says = expected.subject_id !== undefined || expected.household_id !== undefined || (expected.evidence ?? []).length > 0;
          expect(says, `${invalid.name}: an expected finding must name a subject, a household or evidence`).toBe(true);
        }
      }
    });
    for (const valid of cases.valid) {
      it(`not flagged: ${valid.name}`, async () => {
        expect(await findingsFor(check!, valid.rows, valid.period, valid.config)).toEqual([]);
      });
    }
    for (const invalid of cases.invalid) {
      it(`flagged: ${invalid.name}`, async () => {
        const found = await findingsFor(check!, invalid.rows, invalid.period, invalid.config);
        expect(found, JSON.stringify(found, null, 2)).toHaveLength(invalid.expected.length);
        // One-to-one: each expected finding takes its own actual finding out of the pool.
        const pool = [...found];
        for (const expected of invalid.expected) {
          const index = pool.findIndex((f) => matches(f, expected));
          expect(index, `no finding left that matches ${JSON.stringify(expected)} in ${JSON.stringify(found, null, 2)}`).toBeGreaterThanOrEqual(0);
          pool.splice(index, 1);
        }
      });
    }
  });
}
