// Whether a benchmark run found exactly what the workload's answer key lists: a time counts only for a correct scan.
// The run's ledger is read (every finding, the info listings included) and matched with the key by the key's
// conventions: a rejected row by file and line, a household-level finding by household, any other by person and
// household. A deceased recipient's overpayment must be within 1 yuan of the key's (checks.md).
import { readFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import type { ExpectedEntry } from '../sample-data/generator/answer-key.ts';

/** Findings about a rejected row: the key knows them by file and line. */
export const ROW_LEVEL_CHECKS = new Set(['data_quality.id-invalid', 'data_quality.bad-row']);
/** Checks the key records once per household (its conventions): matched on household only. */
export const HOUSEHOLD_LEVEL_CHECKS = /^(over_asset\.|duplicate\.shared-account$|data_quality\.(household-|amount-))/;
/** checks.md's bar for the deceased check's estimate. */
const OVERPAYMENT_TOLERANCE_CENTS = 100;

export interface AnswerKeyComparison {
  expected: number;
  found: number;
  missing: number;
  extra: number;
  /** Overpayments further than 1 yuan from the key's. */
  overpayments_off: number;
  /** A few of the differences, to start looking. */
  examples: string[];
}

interface Identified {
  check_id: string;
  id_number: string | null;
  household_id: string | null;
  file?: string | null;
  line?: number | null;
}

/** A finding as the ledger holds it, for matching with the key. */
export type LedgerFinding = Identified & { overpayment_cents: number | null };

function identity(finding: Identified): string {
  if (ROW_LEVEL_CHECKS.has(finding.check_id)) return `${finding.check_id} @${finding.file}:${finding.line}`;
  if (HOUSEHOLD_LEVEL_CHECKS.test(finding.check_id)) return `${finding.check_id} household ${finding.household_id}`;
  return `${finding.check_id} ${finding.id_number} ${finding.household_id}`;
}

function readAnswerKey(answerKeyPath: string): ExpectedEntry[] {
  return (JSON.parse(readFileSync(answerKeyPath, 'utf8')) as { expected: ExpectedEntry[] }).expected;
}

/** Every finding of the ledger, the info listings included. */
export async function readLedgerFindings(ledgerPath: string): Promise<LedgerFinding[]> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await connection.run(`ATTACH '${ledgerPath.replaceAll("'", "''")}' AS ledger (READ_ONLY)`);
    const reader = await connection.runAndReadAll(`
      SELECT check_id, id_number, household_id, source_file AS file, source_line AS line, overpayment_cents::DOUBLE AS overpayment_cents
      FROM ledger.findings`);
    return reader.getRowObjectsJS() as unknown as LedgerFinding[];
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

export async function compareWithAnswerKey(ledgerPath: string, answerKeyPath: string): Promise<AnswerKeyComparison> {
  return compareFindings(readAnswerKey(answerKeyPath), await readLedgerFindings(ledgerPath));
}

/** One-to-one matching of the key's entries with the findings, by the key's conventions. */
export function compareFindings(expected: readonly ExpectedEntry[], found: readonly LedgerFinding[]): AnswerKeyComparison {
  const unmatched = new Map<string, LedgerFinding[]>();
  for (const finding of found) {
    const key = identity(finding);
    if (!unmatched.has(key)) unmatched.set(key, []);
    unmatched.get(key)!.push(finding);
  }
  const examples: string[] = [];
  let missing = 0;
  let overpaymentsOff = 0;
  for (const entry of expected) {
    const match = unmatched.get(identity(entry))?.pop();
    if (!match) {
      missing++;
      if (examples.length < 5) examples.push(`missing: ${identity(entry)}`);
      continue;
    }
    if (entry.overpayment_cents !== undefined && !(Math.abs((match.overpayment_cents ?? Number.NaN) - entry.overpayment_cents) <= OVERPAYMENT_TOLERANCE_CENTS)) {
      overpaymentsOff++;
      if (examples.length < 5) examples.push(`overpayment: ${identity(entry)} key ${entry.overpayment_cents} found ${match.overpayment_cents}`);
    }
  }
  const extras = [...unmatched.values()].flat();
  for (const finding of extras.slice(0, Math.max(0, 5 - examples.length))) examples.push(`extra: ${identity(finding)}`);
  return { expected: expected.length, found: found.length, missing, extra: extras.length, overpayments_off: overpaymentsOff, examples };
}

/** Null when the run found exactly the key's findings; else what differs, for the run's error. */
export function answerKeyProblem(comparison: AnswerKeyComparison): string | null {
  const { missing, extra, overpayments_off: off } = comparison;
  if (missing === 0 && extra === 0 && off === 0) return null;
  return `findings differ from the answer key: ${missing} missing, ${extra} extra, ${off} overpayments off by more than 1 yuan (${comparison.examples.join('; ')})`;
}
