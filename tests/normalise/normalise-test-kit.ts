// Test kit for the rs_* macros: a real in-memory DuckDB per test file and a table-driven macro tester.
import { DuckDBInstance, LIST, VARCHAR, listValue, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installNormalisationMacros } from '../../scanner/normalise/index.ts';

/** Opens an in-memory database with the macros installed for the file's tests; closes it afterwards. */
export function useNormalisationDatabase(): () => DuckDBConnection {
  let instance: DuckDBInstance | undefined;
  let connection: DuckDBConnection | undefined;
  beforeAll(async () => {
    instance = await DuckDBInstance.create(':memory:');
    connection = await instance.connect();
    await installNormalisationMacros(connection);
  });
  afterAll(() => {
    connection?.closeSync();
    instance?.closeSync();
  });
  return () => {
    if (!connection) throw new Error('the normalisation database is not open yet');
    return connection;
  };
}

/** Runs `expression` (SQL over the column `v`) once per input, in input order; results as JSON values. */
export async function evaluateEach(
  connection: DuckDBConnection, expression: string, inputs: readonly (string | null)[],
): Promise<unknown[]> {
  const reader = await connection.runAndReadAll(
    `SELECT ${expression} AS result
       FROM (SELECT unnest($inputs) AS v, generate_subscripts($inputs, 1) AS position)
      ORDER BY position`,
    { inputs: listValue([...inputs]) },
    { inputs: LIST(VARCHAR) },
  );
  return reader.getRowObjectsJson().map((row) => row.result);
}

/** Every code point DuckDB text can hold (all but the surrogates and chr(0)): i, and c its one-character text. */
export const CODE_POINTS = '(SELECT i, chr(i::INTEGER) AS c FROM range(1, 1114112) r(i) WHERE i NOT BETWEEN 55296 AND 57343)';

/**
 * Every code point (CODE_POINTS) in the forms given (SQL over c, such as c || 'a'), as the column `name`: for the tests
 * that compare a fast path with the slower one it stands in for.
 */
export function everyCodePoint(forms: readonly string[], name: string): string {
  return `SELECT unnest([${forms.join(', ')}]) AS ${name} FROM ${CODE_POINTS}`;
}

/** Runs one SQL statement and returns its single row as JSON values. */
export async function queryOneRow(connection: DuckDBConnection, sql: string): Promise<Record<string, unknown>> {
  const rows = (await connection.runAndReadAll(sql)).getRowObjectsJson();
  expect(rows).toHaveLength(1);
  return rows[0] as Record<string, unknown>;
}

export interface MacroCase {
  readonly input: string | null;
  readonly expected: unknown;
  /** Why the case is here, when the input alone does not say (shown in the test name). */
  readonly note?: string;
}

export interface MacroTable {
  /** SQL over the input column `v`, e.g. `rs_date(v)`. */
  readonly expression: string;
  /** Values the macro must understand. */
  readonly accepted: readonly MacroCase[];
  /** Decoys and junk: values it must refuse (NULL, 'invalid', unknown). */
  readonly rejected: readonly MacroCase[];
}

/**
 * Declares one test per case, all evaluated in a single query. Like ESLint's RuleTester it refuses
 * a table without both accepted and rejected cases: a macro tested only on good input proves little.
 */
export function describeMacroTable(title: string, connection: () => DuckDBConnection, table: MacroTable): void {
  if (table.accepted.length === 0 || table.rejected.length === 0) {
    throw new Error(`${title}: a macro table needs both accepted and rejected cases`);
  }
  const cases = [...table.accepted.map((c) => ({ ...c, kind: 'accepts' })), ...table.rejected.map((c) => ({ ...c, kind: 'rejects' }))];
  describe(title, () => {
    let results: unknown[] = [];
    beforeAll(async () => {
      results = await evaluateEach(connection(), table.expression, cases.map((c) => c.input));
    });
    cases.forEach((testCase, index) => {
      const note = testCase.note ? ` (${testCase.note})` : '';
      it(`${testCase.kind} ${JSON.stringify(testCase.input)}${note}`, () => {
        expect(results[index]).toEqual(testCase.expected);
      });
    });
  });
}
