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

/** One CSV line per finding of the run above info, in ledger order; every text a person typed or a file held is formula-safe. */
const FINDINGS_LINES = `
  SELECT concat_ws(',',
           csv_field(f.finding_id), csv_field(r.period), csv_field(f.check_id), csv_field(f.category), csv_field(f.severity),
           csv_field(csv_safe(f.county)), csv_field(csv_safe(f.township)), csv_field(csv_safe(f.village)),
           csv_field(csv_safe(f.household_id)), csv_field(f.id_number), csv_field(csv_safe(f.name)), csv_field(csv_safe(f.program)),
           csv_field(csv_safe(s.evidence)),
           csv_field(CASE WHEN s.overpayment_cents IS NOT NULL
                          THEN printf('%s%d.%02d', CASE WHEN s.overpayment_cents < 0 THEN '-' ELSE '' END,
                                      abs(s.overpayment_cents) // 100, abs(s.overpayment_cents) % 100) END),
           csv_field(f.status), csv_field(f.first_seen), csv_field(f.source_dataset), csv_field(csv_safe(f.source_file)),
           csv_field(f.source_line), csv_field(strftime(f.deadline, '%Y-%m-%d')), csv_field(s.tracking)) AS line
  FROM ${FINDINGS_OF_RUN} s
  JOIN ledger.runs r USING (run_id)
  JOIN ledger.findings f USING (finding_id)
  ORDER BY f.township, f.village, f.household_id, f.check_id, f.finding_id`;

export async function writeFindingsCsv(connection: DuckDBConnection, runId: string, path: string): Promise<number> {
  return writeCsvLines(connection, path, FINDINGS_CSV_COLUMNS, FINDINGS_LINES, { run_id: runId });
}
