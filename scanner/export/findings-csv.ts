// findings.csv: the machine export of a run's findings (English headers, full IDs, one row per finding above info),
// with each finding's current status, first_seen, deadline and how this scan met it (tracking: 新发现, 持续, 逾期 …).
import { chmod } from 'node:fs/promises';
import type { DuckDBConnection } from '@duckdb/node-api';
import { sqlString } from '../sql-text.ts';

export const FINDINGS_CSV_COLUMNS = [
  'finding_id', 'period', 'check_id', 'category', 'severity', 'county', 'township', 'village', 'household_id',
  'id_number', 'name', 'program', 'evidence', 'overpayment_yuan', 'status', 'first_seen',
  'source_dataset', 'source_file', 'source_line', 'deadline', 'tracking',
] as const;

/** A spreadsheet would run a cell starting with = + - @ tab or CR as a formula: prefix it with ' (quality-bars.md). */
const CSV_SAFE_MACRO = `CREATE OR REPLACE MACRO csv_safe(value) AS
  CASE WHEN regexp_matches(value, '^[=+\\-@\\t\\r]') THEN '''' || value ELSE value END`;

export async function writeFindingsCsv(connection: DuckDBConnection, runId: string, path: string): Promise<number> {
  await connection.run(CSV_SAFE_MACRO);
  const result = await connection.run(
    `COPY (
       SELECT f.finding_id, r.period, f.check_id, f.category, f.severity,
              csv_safe(f.county) AS county, csv_safe(f.township) AS township, csv_safe(f.village) AS village,
              csv_safe(f.household_id) AS household_id, f.id_number, csv_safe(f.name) AS name, csv_safe(f.program) AS program,
              csv_safe(s.evidence) AS evidence,
              CASE WHEN s.overpayment_cents IS NOT NULL
                   THEN printf('%s%d.%02d', CASE WHEN s.overpayment_cents < 0 THEN '-' ELSE '' END, abs(s.overpayment_cents) // 100, abs(s.overpayment_cents) % 100) END AS overpayment_yuan,
              f.status, f.first_seen, f.source_dataset, csv_safe(f.source_file) AS source_file, f.source_line,
              strftime(f.deadline, '%Y-%m-%d') AS deadline, s.tracking
       FROM ledger.run_findings s
       JOIN ledger.runs r USING (run_id)
       JOIN ledger.findings f USING (finding_id)
       WHERE s.run_id = ${sqlString(runId)} AND f.severity <> 'info'
       ORDER BY f.township, f.village, f.household_id, f.check_id, f.finding_id
     ) TO ${sqlString(path)} (FORMAT csv, HEADER true)`,
  );
  await chmod(path, 0o600);
  return Number(result.rowsChanged);
}
