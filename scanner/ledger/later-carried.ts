// A later month carried a finding it could not judge with the evidence of its last sighting (run_carried). When that
// sighting was a run now replaced (a rescan of an older month), the later month's row rested on data the ledger says
// was replaced: until 2026-12-06 November's workbook still asked back October's mistaken 70000 after October was
// rescanned with the payment corrected.
import type { DuckDBConnection } from '@duckdb/node-api';

/**
 * Temp table `later_carried`: the rows later months carried of what the replaced run of `period` saw (replaced_sightings,
 * undo-run.ts) with that run's evidence, no other month between having seen the finding. Call before the rescan writes.
 */
export async function markLaterCarried(connection: DuckDBConnection, period: string): Promise<void> {
  await connection.run(
    `CREATE OR REPLACE TEMP TABLE later_carried AS
     SELECT c.run_id, c.finding_id, r.period
     FROM ledger.run_carried c JOIN ledger.runs r USING (run_id) JOIN replaced_sightings s USING (finding_id)
     WHERE r.period > $period
       AND c.evidence IS NOT DISTINCT FROM s.evidence AND c.overpayment_cents IS NOT DISTINCT FROM s.overpayment_cents
       AND NOT EXISTS (SELECT 1 FROM ledger.run_findings b JOIN ledger.runs br USING (run_id)
                       WHERE b.finding_id = c.finding_id AND br.period > $period AND br.period < r.period)`,
    { period },
  );
}

/**
 * Once the rescan's sightings are recorded: each row of later_carried takes the evidence and amount of the finding's
 * latest sighting before its month (the rescan's own, or an earlier month's). With none left it stays as recorded.
 */
export async function refreshLaterCarried(connection: DuckDBConnection): Promise<void> {
  await connection.run(
    `UPDATE ledger.run_carried c SET evidence = x.evidence, overpayment_cents = x.overpayment_cents
     FROM (SELECT l.run_id, l.finding_id, s.evidence, s.overpayment_cents
           FROM later_carried l JOIN ledger.run_findings s USING (finding_id) JOIN ledger.runs sr ON sr.run_id = s.run_id
           WHERE sr.period < l.period
           QUALIFY row_number() OVER (PARTITION BY l.run_id, l.finding_id ORDER BY sr.period DESC) = 1) x
     WHERE c.run_id = x.run_id AND c.finding_id = x.finding_id`,
  );
}
