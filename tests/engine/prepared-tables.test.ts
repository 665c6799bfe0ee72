// defineCheck's `prepare`: a shared table is built once for the checks that bind the same values, rebuilt for others.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { configSchema } from '../../scanner/config/schema.ts';
import { DATASETS, type DatasetName } from '../../scanner/datasets/catalog.ts';
import { loadCustomChecks } from '../../scanner/engine/custom-checks.ts';
import { validateChecks } from '../../scanner/engine/registry.ts';
import { definePeriodMacros, runChecks } from '../../scanner/engine/run-checks.ts';
import type { DatasetCounts } from '../../scanner/load/load-inputs.ts';
import { parsePeriod } from '../../scanner/period.ts';

// Every build of the shared table draws the next number: the findings show which build each check read.
const BUILD_COUNTER = { table: 'shared_build_counter', sql: "SELECT nextval('builds') AS build, $label AS label" };

const counterCheck = (id: string) => ({
  id: `data_quality.${id}`,
  category: 'data_quality',
  severity: 'low',
  title: id,
  description: id,
  basis: 'test',
  inputs: ['roll'],
  params: z.object({ label: z.string().default('same') }).strict(),
  prepare: [BUILD_COUNTER],
  sql: `SELECT '${id}' AS subject_id, NULL AS subject_name, NULL AS household_id, NULL AS county, NULL AS township, NULL AS village,
               NULL AS program, 'build|' || build || '|' || label AS fact, NULL AS evidence FROM shared_build_counter`,
  remedy: 'test',
  deadlineDays: 30,
});

/** A check without prepared tables that reports how many shared tables exist while it runs. */
const probe = {
  ...counterCheck('probe'),
  params: undefined,
  prepare: [],
  sql: `SELECT 'probe' AS subject_id, NULL AS subject_name, NULL AS household_id, NULL AS county, NULL AS township, NULL AS village,
               NULL AS program, 'shared|' || count(*) AS fact, NULL AS evidence FROM duckdb_tables() WHERE table_name LIKE 'shared_%'`,
};

const datasets = Object.fromEntries(DATASETS.map((d) => [d.name, { files: ['x.csv'], columns: [] as string[], rowsRead: 0, rowsUsed: 0, rowsRejected: 0 }])) as Record<DatasetName, DatasetCounts>;

describe('prepared tables', () => {
  let instance: DuckDBInstance;
  let connection: DuckDBConnection;
  beforeEach(async () => {
    instance = await DuckDBInstance.create(':memory:');
    connection = await instance.connect();
    await connection.run('CREATE SEQUENCE builds');
    await definePeriodMacros(connection, parsePeriod('2026-10'));
  });
  afterEach(() => {
    connection.closeSync();
    instance.closeSync();
  });

  async function factsAfter(config: unknown): Promise<string[]> {
    const checks = validateChecks([counterCheck('first'), counterCheck('second'), counterCheck('third')]);
    await runChecks(connection, checks, { period: parsePeriod('2026-10'), config: configSchema.parse(config), datasets });
    const rows = await connection.runAndReadAll('SELECT subject_id, fact FROM scan_findings ORDER BY subject_id');
    return rows.getRows().map(([subject, fact]) => `${subject}:${fact}`);
  }

  it('builds a shared table once for checks that bind the same values', async () => {
    expect(await factsAfter({})).toEqual(['first:build|1|same', 'second:build|1|same', 'third:build|1|same']);
  });

  it('rebuilds it when a check binds other values, and again when the next goes back', async () => {
    const config = { checks: { 'data_quality.second': { params: { label: 'other' } } } };
    expect(await factsAfter(config)).toEqual(['first:build|1|same', 'second:build|2|other', 'third:build|3|same']);
  });

  it('keeps a shared table for the checks that share it, run one after another, and drops it before the others run', async () => {
    const run = async (ids: string[]) => {
      const checks = validateChecks(ids.map((id) => (id === 'probe' ? probe : counterCheck(id))));
      const outcomes = await runChecks(connection, checks, { period: parsePeriod('2026-10'), config: configSchema.parse({}), datasets });
      const rows = await connection.runAndReadAll("SELECT subject_id, fact FROM scan_findings ORDER BY subject_id");
      return { outcomes: outcomes.map((o) => o.id), facts: rows.getRows().map(([subject, fact]) => `${subject}:${fact}`) };
    };
    // The probe comes between the two in the list but runs after both: second still reads first's build.
    expect(await run(['first', 'probe', 'second'])).toEqual({
      outcomes: ['data_quality.first', 'data_quality.probe', 'data_quality.second'],
      facts: ['first:build|1|same', 'probe:shared|0', 'second:build|1|same'],
    });
  });

  it('drops the shared tables when the checks are done', async () => {
    await factsAfter({});
    const left = await connection.runAndReadAll("SELECT count(*) FROM duckdb_tables() WHERE table_name LIKE 'shared_%'");
    expect(Number(left.getRows()[0]![0])).toBe(0);
  });

  it('is not part of a custom check (one SELECT, nothing else)', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'rollsweep-prepare-'));
    const { params: _params, ...custom } = counterCheck('custom');
    await writeFile(join(folder, 'custom.json'), JSON.stringify({ ...custom, id: 'data_quality.custom-prepared' }));
    await expect(loadCustomChecks(folder, new Set())).rejects.toThrow(/prepare/);
  });
});
