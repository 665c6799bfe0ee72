// Rescanning a period replaces its run: first undo what that run did, keeping everything staff did since.
import type { DuckDBConnection } from '@duckdb/node-api';
import { appendChanges } from './changes.ts';
import { restoreLatestPictures } from './finding-picture.ts';
import { markLaterCarried } from './later-carried.ts';

/**
 * Undoes the earlier run of `period`, if any, for the run `runId` that replaces it, and returns the earlier run's id
 * (null for a first scan of the period). `backfill`: a later month is in the ledger (carry-over.ts's `carries` false). Leaves temp tables for carry-over.ts: replaced_sightings (findings that run
 * saw, with their tracking, evidence and amount), replaced_carried (the open findings it carried unjudged, as it recorded them), changed_after_replaced (findings whose status staff changed after it: a fix made then
 * cannot be judged on the same month's data) and kept_carry (findings whose reopening or 自动销号 by that run stays,
 * as staff changed them after it; see revertCarryOver).
 */
export async function undoEarlierRun(
  connection: DuckDBConnection, period: string, runId: string, at: Date, backfill: boolean,
): Promise<string | null> {
  const earlier = `(SELECT run_id FROM ledger.runs WHERE period = $period)`;
  await connection.run(
    `CREATE OR REPLACE TEMP TABLE replaced_sightings AS
     SELECT finding_id, tracking, evidence, overpayment_cents FROM ledger.run_findings WHERE run_id IN ${earlier}`, { period },
  );
  await markLaterCarried(connection, period);
  await connection.run(
    `CREATE OR REPLACE TEMP TABLE replaced_carried AS
     SELECT finding_id, evidence, overpayment_cents, tracking FROM ledger.run_carried WHERE run_id IN ${earlier}`, { period },
  );
  await connection.run(
    `CREATE OR REPLACE TEMP TABLE changed_after_replaced AS
     SELECT DISTINCT finding_id FROM ledger.changes
     WHERE source_kind <> 'scan' AND field = 'status'
       AND changed_at > (SELECT max(finished_at) FROM ledger.runs WHERE period = $period)`,
    { period },
  );
  const found = (await connection.runAndReadAll(`SELECT run_id FROM ledger.runs WHERE period = $period`, { period })).getRowsJson()[0];
  // A later month's scan carried on from this run's statuses: undoing them now would reopen what it left closed and
  // close what it reopened. Scanning an older month changes no status (ledger.md), and that holds for a rescan of one.
  // Staff acted on a reopening or a 自动销号 only by changing the status or deadline after it: a 责任人 or a note named
  // since kept it too until 2026-12-05, and corrected data closed as 自动销号 what staff had closed themselves.
  await connection.run(
    `CREATE OR REPLACE TEMP TABLE kept_carry AS
     SELECT DISTINCT c.finding_id FROM ledger.changes c
     WHERE c.source_kind = 'scan' AND c.run_id IN ${earlier} AND c.field IN ('status', 'deadline')
       AND ($backfill OR EXISTS (SELECT 1 FROM ledger.changes staff
                                 WHERE staff.finding_id = c.finding_id AND staff.source_kind <> 'scan'
                                   AND staff.field IN ('status', 'deadline') AND staff.change_id > c.change_id))`,
    { period, backfill },
  );
  if (!found) return null;
  const replaced = String(found[0]);
  await revertCarryOver(connection, replaced, period, at);
  await handOverKeptCarry(connection, replaced, runId);
  for (const table of ['run_findings', 'run_carried', 'rejects', 'roll_members', 'runs']) {
    await connection.run(`DELETE FROM ledger.${table} WHERE run_id = $run_id`, { run_id: replaced });
  }
  await dropFindingsOnlyItRaised(connection, replaced);
  await restoreLatestPictures(connection, replaced);
  await recomputeSightings(connection, replaced);
  return replaced;
}

/**
 * Reverts the status and deadline changes the replaced run made (reopened, auto-closed) that are still in force,
 * i.e. nobody changed that field since, on findings staff have not changed since (kept_carry): a deadline set on a
 * reopened finding must not be undone and recomputed by the same data. The revert is itself recorded, with no run
 * id so it is never reverted.
 */
async function revertCarryOver(connection: DuckDBConnection, runId: string, period: string, at: Date): Promise<void> {
  await connection.run(
    `CREATE OR REPLACE TEMP TABLE reverts AS
     SELECT c.finding_id, c.field, c.to_value AS from_value, c.from_value AS to_value
     FROM ledger.changes c
     WHERE c.change_id IN (SELECT max(change_id) FROM ledger.changes GROUP BY finding_id, field)
       AND c.source_kind = 'scan' AND c.run_id = $run_id AND c.field IN ('status', 'deadline')
       AND c.finding_id NOT IN (SELECT finding_id FROM kept_carry)`,
    { run_id: runId },
  );
  await connection.run(
    `UPDATE ledger.findings f SET status = r.to_value, closed_run_id = NULL
     FROM reverts r WHERE r.finding_id = f.finding_id AND r.field = 'status'`,
  );
  await connection.run(
    `UPDATE ledger.findings f SET deadline = r.to_value::DATE
     FROM reverts r WHERE r.finding_id = f.finding_id AND r.field = 'deadline'`,
  );
  await appendChanges(
    connection, { kind: 'scan', source: `重扫 ${period}（替换运行 ${runId}）`, at },
    `SELECT finding_id, field, from_value, to_value, '撤销被替换运行的结转' AS note FROM reverts`,
  );
}

/**
 * What the replaced run changed and is not undone becomes the new run's: its 自动销号 rows appear in the month's
 * workbook (closed_run_id), and a later rescan of the month finds the changes by their run (kept or reverted then).
 */
async function handOverKeptCarry(connection: DuckDBConnection, replaced: string, runId: string): Promise<void> {
  const runs = { replaced, run_id: runId };
  await connection.run(`UPDATE ledger.findings SET closed_run_id = $run_id WHERE closed_run_id = $replaced`, runs);
  await connection.run(
    `UPDATE ledger.changes SET run_id = $run_id
     WHERE source_kind = 'scan' AND run_id = $replaced AND finding_id IN (SELECT finding_id FROM kept_carry)`,
    runs,
  );
}

/**
 * A finding only the replaced run raised, with no change ever recorded on it, goes with it (the rescan raises it
 * again, with the same id, if it is still true). Anything staff or a carry-over touched stays, and so does one a later
 * month carried unjudged (run_carried): until 2026-12-05 a rescan of the older month deleted it, and the later month's
 * ledger lost it.
 */
async function dropFindingsOnlyItRaised(connection: DuckDBConnection, runId: string): Promise<void> {
  await connection.run(
    `DELETE FROM ledger.findings f
     WHERE first_run_id = $run_id
       AND NOT EXISTS (SELECT 1 FROM ledger.run_findings s WHERE s.finding_id = f.finding_id)
       AND NOT EXISTS (SELECT 1 FROM ledger.run_carried s WHERE s.finding_id = f.finding_id)
       AND NOT EXISTS (SELECT 1 FROM ledger.changes c WHERE c.finding_id = f.finding_id)`,
    { run_id: runId },
  );
}

/**
 * First and last sighting of the findings that pointed at the replaced run, from the runs that remain (their evidence,
 * amounts and place given back before: restoreLatestPictures; later months' carried rows after the rescan: later-carried.ts).
 */
async function recomputeSightings(connection: DuckDBConnection, runId: string): Promise<void> {
  await connection.run(
    `UPDATE ledger.findings f
     SET first_seen = x.first_seen, first_run_id = x.first_run_id, last_seen = x.last_seen, last_run_id = x.last_run_id
     FROM (SELECT s.finding_id, min(r.period) AS first_seen, arg_min(r.run_id, r.period) AS first_run_id,
                  max(r.period) AS last_seen, arg_max(r.run_id, r.period) AS last_run_id
           FROM ledger.run_findings s JOIN ledger.runs r USING (run_id) GROUP BY s.finding_id) x
     WHERE f.finding_id = x.finding_id AND (f.first_run_id = $run_id OR f.last_run_id = $run_id)`,
    { run_id: runId },
  );
}
