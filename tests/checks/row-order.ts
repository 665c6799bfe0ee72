// Test helper: finding ids must survive a re-export that lists the same rows in another order (checks.md: same fact, same finding).
import { expect } from 'vitest';
import { findCheck } from '../../scanner/engine/registry.ts';
import { findingsFor } from '../support/check-tester.ts';
import type { RawRow } from './roll-rows.ts';

/** Runs the check on the roll rows as given and reversed; asserts both find the same, non-empty, set of finding ids. */
export async function expectSameFindingIdsInAnyOrder(checkId: string, roll: RawRow[], config: unknown = {}): Promise<void> {
  const check = findCheck(checkId)!;
  const ids = async (rows: RawRow[]) => (await findingsFor(check, { roll: rows }, '2026-10', config)).map((f) => f.finding_id).sort();
  const asGiven = await ids(roll);
  expect(asGiven.length, 'the rows must produce findings').toBeGreaterThan(0);
  expect(await ids([...roll].reverse())).toEqual(asGiven);
}
