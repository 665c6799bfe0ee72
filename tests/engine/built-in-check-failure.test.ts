// A built-in check whose SQL fails is rollsweep's own defect: the scan stops as an internal error (exit 3, its version
// and a stack trace for the maintainers), not as the user's (exit 2, "fix the input or wait for the other run"). Until
// 2026-12-08 any check's SQL failure was a CheckDefinitionError, a user-facing error, and the scheduled run's operator
// was sent to fix the input. A custom check's failure stays the user's (tests/security/custom-check-*.test.ts).
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { reportError, EXIT } from '../../scanner/cli/report-error.ts';
import { loadConfig } from '../../scanner/config/load-config.ts';
import { builtInChecks } from '../../scanner/engine/registry.ts';
import { definePeriodMacros, defineStandards, runChecks } from '../../scanner/engine/run-checks.ts';
import { UserFacingError } from '../../scanner/errors.ts';
import { loadInputs } from '../../scanner/load/load-inputs.ts';
import { parsePeriod } from '../../scanner/period.ts';

const SAMPLE = new URL('../../sample-data/demo-township', import.meta.url).pathname;
const SAMPLE_CONFIG = new URL('../../sample-data/rollsweep.config.json', import.meta.url).pathname;

async function runBrokenBuiltIn(): Promise<unknown> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const checks = builtInChecks();
    const { config } = await loadConfig(SAMPLE_CONFIG, checks.map((c) => c.id));
    const load = await loadInputs(connection, SAMPLE, {});
    const period = parsePeriod('2026-10');
    await definePeriodMacros(connection, period);
    await defineStandards(connection, config);
    const broken = { ...checks.find((c) => c.id === 'data_quality.amount-inconsistent')!, sql: 'SELECT no_such_column FROM roll' };
    return await runChecks(connection, [broken], { period, config, datasets: load.datasets }).then(() => undefined, (error: unknown) => error);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

describe('a built-in check whose SQL fails', () => {
  it('stops the scan as an internal error (exit 3), naming the check and DuckDB\'s message', async () => {
    const error = await runBrokenBuiltIn();
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(UserFacingError);
    expect((error as Error).message).toContain('data_quality.amount-inconsistent');
    expect((error as Error).message).toContain('no_such_column');
    const written: string[] = [];
    expect(reportError(error, (text: string) => written.push(text))).toBe(EXIT.internal);
    expect(written.join('')).toContain('内部错误');
  });
});
