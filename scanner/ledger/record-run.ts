// Writes one scan into the ledger in a single transaction; rescanning a period replaces that period's run.
import type { DuckDBConnection } from '@duckdb/node-api';

export interface RunRecord {
  runId: string;
  period: string;
  startedAt: Date;
  finishedAt: Date;
  inputDir: string;
  version: string;
  unmasked: boolean;
  config: unknown;
  inputs: unknown;
  checks: unknown;
  summary: unknown;
}

export async function recordRun(connection: DuckDBConnection, run: RunRecord): Promise<void> {
  await connection.run('BEGIN TRANSACTION');
  try {
    await replacePeriod(connection, run.period);
    await connection.run(
      `INSERT INTO ledger.runs VALUES ($run_id, $period, $started::TIMESTAMP, $finished::TIMESTAMP, $input_dir, $version, $unmasked, $config, $inputs, $checks, $summary)`,
      {
        run_id: run.runId, period: run.period, started: run.startedAt.toISOString(), finished: run.finishedAt.toISOString(),
        input_dir: run.inputDir, version: run.version, unmasked: run.unmasked,
        config: JSON.stringify(run.config), inputs: JSON.stringify(run.inputs), checks: JSON.stringify(run.checks), summary: JSON.stringify(run.summary),
      },
    );
    await upsertFindings(connection, run);
    await connection.run(
      `INSERT INTO ledger.run_findings SELECT $run_id, finding_id, evidence, overpayment_cents FROM scan_findings`,
      { run_id: run.runId },
    );
    await connection.run(
      `INSERT INTO ledger.rejects SELECT $run_id, dataset, _file, _sheet, _line, kind, column_name, raw_value, reason, raw_row FROM load_rejects`,
      { run_id: run.runId },
    );
    await connection.run('COMMIT');
  } catch (error) {
    await connection.run('ROLLBACK');
    throw error;
  }
}

/** Drops the earlier run of this period; findings it alone raised, untouched by staff, go with it. */
async function replacePeriod(connection: DuckDBConnection, period: string): Promise<void> {
  const earlier = `(SELECT run_id FROM ledger.runs WHERE period = $period)`;
  await connection.run(`DELETE FROM ledger.run_findings WHERE run_id IN ${earlier}`, { period });
  await connection.run(`DELETE FROM ledger.rejects WHERE run_id IN ${earlier}`, { period });
  await connection.run(`DELETE FROM ledger.runs WHERE period = $period`, { period });
  await connection.run(
    `DELETE FROM ledger.findings f WHERE status = '待核实'
       AND NOT EXISTS (SELECT 1 FROM ledger.run_findings s WHERE s.finding_id = f.finding_id)`,
  );
}

async function upsertFindings(connection: DuckDBConnection, run: RunRecord): Promise<void> {
  await connection.run(
    `INSERT INTO ledger.findings
       (finding_id, check_id, category, severity, county, township, village, household_id, id_number, name, program,
        evidence, fact, overpayment_cents, source_dataset, source_file, source_line, status, deadline,
        first_seen, last_seen, first_run_id, last_run_id)
     SELECT finding_id, check_id, category, severity, county, township, village, household_id, subject_id, subject_name, program,
            evidence, fact, overpayment_cents, source_dataset, source_file, source_line, '待核实',
            CAST($finished::TIMESTAMP AS DATE) + deadline_days, $period, $period, $run_id, $run_id
     FROM scan_findings
     ON CONFLICT (finding_id) DO UPDATE SET
       county = excluded.county, township = excluded.township, village = excluded.village, household_id = excluded.household_id,
       name = excluded.name, program = excluded.program, evidence = excluded.evidence, overpayment_cents = excluded.overpayment_cents,
       source_dataset = excluded.source_dataset, source_file = excluded.source_file, source_line = excluded.source_line,
       first_seen = least(findings.first_seen, excluded.first_seen),
       last_seen = greatest(findings.last_seen, excluded.last_seen),
       last_run_id = CASE WHEN excluded.last_seen >= findings.last_seen THEN excluded.last_run_id ELSE findings.last_run_id END`,
    { run_id: run.runId, period: run.period, finished: run.finishedAt.toISOString() },
  );
}
