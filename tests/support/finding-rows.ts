// Picking findings out of findings.csv's rows (parseCsv) in tests that follow them from month to month.
import { expect } from 'vitest';

/** The id of the one finding whose columns hold these values; the test fails unless exactly one does. */
export function onlyFindingId(rows: readonly Record<string, string>[], columns: Record<string, string>): string {
  const found = rows.filter((row) => Object.entries(columns).every(([name, value]) => row[name] === value));
  expect(found, JSON.stringify(columns)).toHaveLength(1);
  return found[0]!['finding_id']!;
}
