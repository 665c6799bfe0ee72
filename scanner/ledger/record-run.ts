// Writes one scan into the ledger in a single transaction: a scan killed at any moment leaves the ledger as it was.
// Rescanning a period first undoes that period's earlier run (undo-run.ts), so the same data gives the same ledger.
import type { DuckDBConnection } from '@duckdb/node-api';
import { autoCloseFindings, carryUnseen, classifySightings, classifyUnseen, reopenFindings, type CarryOverContext } from './carry-over.ts';
import { countCarryOver, type CarryOverCounts } from './carry-over-counts.ts';
import { continueEarlierFindings, storeFoundFacts } from './continued-findings.ts';
import { continueEarlierHoldings } from './continued-holdings.ts';
import { pictureSql } from './finding-picture.ts';
import { refreshLaterCarried } from './later-carried.ts';
import { undoEarlierRun } from './undo-run.ts';
import { inTransaction } from './transaction.ts';

export interface RunRecord {
  runId: string;
  period: string;
  /** Scan date (YYYY-MM-DD): new deadlines count from it, overdue is judged against it. */
  asOf: string;
  startedAt: Date;
  finishedAt: Date;
  inputDir: string;
  version: string;
  unmasked: boolean;
  config: unknown;
  inputs: unknown;
  checks: unknown;
  checksRan: readonly string[];
  /** Each check that did not run, with why (said of the open findings it leaves unjudged). */
  checksNotRun: readonly { id: string; reason: string }[];
  /** The datasets whose files hold a data row this month. */
  delivered: readonly string[];
  /** The datasets with files but no data row in them (a header alone): not delivered, and named as such. */
  headerOnly: readonly string[];
  /** The checks whose facts list a household's holdings (factListsHoldings). */
  holdingsChecks: readonly string[];
}

/**
 * Records the run; `summaryOf` receives the carry-over counts and returns (or resolves to) the summary stored with the
 * run. It may read the run's month from the ledger: its findings and those it carried are recorded by then.
 */
export async function recordRun(
  connection: DuckDBConnection, run: RunRecord, summaryOf: (carry: CarryOverCounts) => unknown,
): Promise<CarryOverCounts> {
  return inTransaction(connection, async () => {
    // Read before the earlier run of this period is undone: that run's own period changes nothing here.
    const latest = (await connection.runAndReadAll(`SELECT max(period) FROM ledger.runs`)).getRowsJson()[0]?.[0];
    const context: CarryOverContext = {
      runId: run.runId, period: run.period, asOf: run.asOf, carries: latest == null || run.period >= String(latest),
      checksRan: run.checksRan, checksNotRun: run.checksNotRun, delivered: run.delivered, headerOnly: run.headerOnly, at: run.finishedAt,
    };
    await undoEarlierRun(connection, run.period, run.runId, run.finishedAt, !context.carries);
    await continueEarlierHoldings(connection, run.holdingsChecks);
    await continueEarlierFindings(connection, { period: run.period, carries: context.carries, holdingsChecks: run.holdingsChecks });
    await classifySightings(connection, context);
    await writeFindings(connection, context);
    await storeFoundFacts(connection, run.period, run.holdingsChecks);
    await reopenFindings(connection, context);
    await classifyUnseen(connection, context);
    const autoClosed = await autoCloseFindings(connection, context);
    await carryUnseen(connection, context);
    await connection.run(
      `INSERT INTO ledger.run_findings (run_id, finding_id, evidence, overpayment_cents, tracking, picture)
       SELECT $run_id, finding_id, s.evidence, s.overpayment_cents, c.month_tracking, ${pictureSql('$holdings')}
       FROM scan_sightings s JOIN carry c USING (finding_id) LEFT JOIN finding_heads h USING (finding_id)`,
      { run_id: run.runId, holdings: run.holdingsChecks.join(',') },
    );
    await connection.run(
      `INSERT INTO ledger.roll_members
       SELECT $run_id, county, township, village, household_id, name, coalesce(id_number, id_raw), relation, is_head, program,
              monthly_amount_cents, status, active, _file, _line
       FROM roll`,
      { run_id: run.runId },
    );
    await connection.run(
      `INSERT INTO ledger.rejects SELECT $run_id, dataset, _file, _sheet, _line, kind, column_name, raw_value, reason, raw_row FROM load_rejects`,
      { run_id: run.runId },
    );
    const counts = await countCarryOver(connection, context, autoClosed);
    await insertRunRow(connection, run, await summaryOf(counts));
    await refreshLaterCarried(connection);
    await holdForCrashTest();
    return counts;
  });
}

async function insertRunRow(connection: DuckDBConnection, run: RunRecord, summary: unknown): Promise<void> {
  await connection.run(
    `INSERT INTO ledger.runs (run_id, period, started_at, finished_at, input_dir, rollsweep_version, unmasked,
                              config_json, inputs_json, checks_json, summary_json, as_of)
     VALUES ($run_id, $period, $started::TIMESTAMP, $finished::TIMESTAMP, $input_dir, $version, $unmasked,
             $config, $inputs, $checks, $summary, $as_of::DATE)`,
    {
      run_id: run.runId, period: run.period, started: run.startedAt.toISOString(), finished: run.finishedAt.toISOString(),
      input_dir: run.inputDir, version: run.version, unmasked: run.unmasked, as_of: run.asOf,
      config: JSON.stringify(run.config), inputs: JSON.stringify(run.inputs), checks: JSON.stringify(run.checks), summary: JSON.stringify(summary),
    },
  );
}

/**
 * New findings start as 待核实 with deadline = scan date + the check's deadlineDays and 整改措施 = the check's remedy
 * (checks.md: its default 整改措施 text), for staff to keep or replace. A finding seen before gets
 * this month's evidence, amounts, place and household head — never its staff-owned fields.
 */
async function writeFindings(connection: DuckDBConnection, context: CarryOverContext): Promise<void> {
  await connection.run(
    `CREATE OR REPLACE TEMP TABLE finding_heads AS
     SELECT s.finding_id, h.head_name
     FROM scan_sightings s
     JOIN (SELECT township, household_id, arg_max(name, active::INT) AS head_name
           FROM roll WHERE is_head AND household_id IS NOT NULL GROUP BY ALL) h
       ON h.household_id = s.household_id AND h.township IS NOT DISTINCT FROM s.township`,
  );
  const seen = `(SELECT s.*, h.head_name FROM scan_sightings s LEFT JOIN finding_heads h USING (finding_id))`;
  const params = { run_id: context.runId, period: context.period };
  await connection.run(
    `INSERT INTO ledger.findings
       (finding_id, check_id, category, severity, county, township, village, household_id, id_number, name, program,
        evidence, fact, overpayment_cents, source_dataset, source_file, source_line, status, deadline, remedy,
        first_seen, last_seen, first_run_id, last_run_id, head_name, compared_datasets)
     SELECT finding_id, check_id, category, severity, county, township, village, household_id, subject_id, subject_name, program,
            evidence, fact, overpayment_cents, source_dataset, source_file, source_line, '待核实', $as_of::DATE + deadline_days, remedy,
            $period, $period, $run_id, $run_id, head_name, compared_datasets
     FROM ${seen} s
     WHERE NOT EXISTS (SELECT 1 FROM ledger.findings f WHERE f.finding_id = s.finding_id)`,
    { ...params, as_of: context.asOf },
  );
  // The latest month's picture wins; a backfilled older month only moves first_seen back (or re-points it at this
  // run when it replaced the run of that month).
  await connection.run(
    `UPDATE ledger.findings f SET
       county = s.county, township = s.township, village = s.village, household_id = s.household_id, name = s.subject_name,
       program = s.program, evidence = s.evidence, overpayment_cents = s.overpayment_cents, head_name = s.head_name,
       source_dataset = s.source_dataset, source_file = s.source_file, source_line = s.source_line,
       compared_datasets = s.compared_datasets, last_seen = $period, last_run_id = $run_id
     FROM ${seen} s WHERE f.finding_id = s.finding_id AND f.last_seen <= $period`,
    params,
  );
  await connection.run(
    `UPDATE ledger.findings f SET first_seen = $period, first_run_id = $run_id
     FROM scan_sightings s WHERE f.finding_id = s.finding_id AND f.first_seen >= $period`,
    params,
  );
}

/**
 * Test hook for the crash-safety test: with ROLLSWEEP_TEST_HOLD_TRANSACTION_MS set, the scan says so on stderr and
 * waits inside the open transaction, so the test can SIGKILL it at the worst moment. Unset in normal use.
 */
async function holdForCrashTest(): Promise<void> {
  const ms = Number(process.env['ROLLSWEEP_TEST_HOLD_TRANSACTION_MS'] ?? 0);
  if (!(ms > 0)) return;
  process.stderr.write('rollsweep-test: ledger transaction open\n');
  await new Promise((resolve) => setTimeout(resolve, ms));
}
