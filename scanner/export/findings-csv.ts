// findings.csv: the machine export of a run's findings (English headers, full IDs, one row per finding above info),
// with each finding's current status, first_seen, deadline and how this scan met it (tracking: 新发现, 持续, 逾期 …,
// or 未复查：<why> for an open finding the scan could not judge and carried into the month).
import type { DuckDBConnection } from '@duckdb/node-api';
import { FINDINGS_OF_RUN } from '../ledger/month-findings.ts';
import { writeCsvLines } from './csv-lines.ts';

export const FINDINGS_CSV_COLUMNS = [
  'finding_id', 'period', 'check_id', 'category', 'severity', 'county', 'township', 'village', 'household_id',
  'id_number', 'name', 'program', 'evidence', 'overpayment_yuan', 'status', 'first_seen',
  'source_dataset', 'source_file', 'source_line', 'deadline', 'tracking',
] as const;

/**
 * One CSV line per finding of the run above info, in ledger order. Every text column is formula-safe (csv_safe), not
 * only those a person typed or a file held: a custom check (--checks-dir) writes id_number, source_dataset and the rest
 * as it likes, and until 2026-12-06 an id_number or source_dataset of =1+2 reached Excel as a formula. The amount is
 * left as it is: rollsweep's own number, and a negative one starts with - as a number should.
 */
const FINDINGS_LINES = `
  SELECT concat_ws(',',
           ${['f.finding_id', 'r.period', 'f.check_id', 'f.category', 'f.severity', 'f.county', 'f.township', 'f.village',
    'f.household_id', 'f.id_number', 'f.name', 'f.program', 's.evidence'].map(safeText).join(', ')},
           csv_field(CASE WHEN s.overpayment_cents IS NOT NULL
                          THEN printf('%s%d.%02d', CASE WHEN s.overpayment_cents < 0 THEN '-' ELSE '' END,
                                      abs(s.overpayment_cents) // 100, abs(s.overpayment_cents) % 100) END),
           ${['f.status', 'f.first_seen', 'f.source_dataset', 'f.source_file'].map(safeText).join(', ')},
           csv_field(f.source_line), csv_field(strftime(f.deadline, '%Y-%m-%d')), ${safeText('s.tracking')}) AS line
  FROM ${FINDINGS_OF_RUN} s
  JOIN ledger.runs r USING (run_id)
  JOIN ledger.findings f USING (finding_id)
  ORDER BY f.township, f.village, f.household_id, f.check_id, f.finding_id`;

/** A text column as one CSV field, quoted where needed and defused where a spreadsheet would run it. */
function safeText(column: string): string {
  return `csv_field(csv_safe(${column}::VARCHAR))`;
}

export async function writeFindingsCsv(connection: DuckDBConnection, runId: string, path: string): Promise<number> {
  return writeCsvLines(connection, path, FINDINGS_CSV_COLUMNS, FINDINGS_LINES, { run_id: runId });
}
