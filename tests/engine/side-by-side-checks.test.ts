// Checks run two at a time on two connections for small rolls (scan.ts): the findings must be exactly those of one
// connection, checks sharing a prepared table must stay on one connection, and the lock-down must hold on both.
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../scanner/config/load-config.ts';
import { builtInChecks } from '../../scanner/engine/registry.ts';
import { chainsSharingTables, definePeriodMacros, defineStandards, runChecks } from '../../scanner/engine/run-checks.ts';
import { lockDownDatabase } from '../../scanner/engine/sandbox.ts';
import { loadInputs } from '../../scanner/load/load-inputs.ts';
import { parsePeriod } from '../../scanner/period.ts';

const SAMPLE = new URL('../../sample-data/demo-township', import.meta.url).pathname;
const SAMPLE_CONFIG = new URL('../../sample-data/rollsweep.config.json', import.meta.url).pathname;

async function scanSample(sideBySide: boolean) {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const other = await instance.connect();
  try {
    const checks = builtInChecks();
    const { config } = await loadConfig(SAMPLE_CONFIG, checks.map((c) => c.id));
    const load = await loadInputs(connection, SAMPLE, { moreConnections: [other] });
    await lockDownDatabase(connection);
    const period = parsePeriod('2026-10');
    await definePeriodMacros(connection, period);
    await defineStandards(connection, config);
    const outcomes = await runChecks(connection, checks, { period, config, datasets: load.datasets }, undefined, sideBySide ? [other] : []);
    const findings = (await connection.runAndReadAll('SELECT * FROM scan_findings ORDER BY finding_id')).getRowsJson();
    const lockedOnOther = await other.run("SELECT * FROM read_csv('/etc/passwd')").then(() => false, () => true);
    return { outcomes: outcomes.map(({ durationMs: _ms, ...rest }) => rest), findings, lockedOnOther };
  } finally {
    other.closeSync();
    connection.closeSync();
    instance.closeSync();
  }
}

describe('checks side by side', () => {
  it('find exactly what one connection finds, with the outcomes in check order', async () => {
    const alone = await scanSample(false);
    const together = await scanSample(true);
    expect(together.outcomes).toEqual(alone.outcomes);
    expect(together.findings).toEqual(alone.findings);
    expect(alone.findings.length).toBeGreaterThan(50);
    expect(together.outcomes.filter((o) => o.ran).length).toBeGreaterThan(20);
  });

  it('leave the second connection locked down too: it cannot read a file', async () => {
    expect((await scanSample(true)).lockedOnOther).toBe(true);
  });

  it('keep checks that share a prepared table in one chain, in check order, joining chains a check links', () => {
    const check = (id: string, tables: string[]) => ({ ...builtInChecks()[0]!, id: `deceased.${id}`, prepare: tables.map((table) => ({ table, sql: 'SELECT 1' })) });
    const checks = [check('a', ['shared_x']), check('b', []), check('c', ['shared_y']), check('d', ['shared_x']), check('e', ['shared_x', 'shared_y']), check('f', [])];
    expect(chainsSharingTables([0, 1, 2, 3, 4, 5], checks)).toEqual([[0, 2, 3, 4], [1], [5]]);
    expect(chainsSharingTables([1, 3, 5], checks)).toEqual([[1], [3], [5]]);
  });
});
