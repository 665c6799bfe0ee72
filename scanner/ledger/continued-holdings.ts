// A household's asset finding (vehicles, properties, businesses, payroll) is keyed on what it counted: the same cars
// found again next month are the same finding. Sell one of two cars and the household still holds one the finding
// counted; until 2026-12-05 that was a new finding (待核实) beside the one staff had worked on, closed as 自动销号 as if
// the household held nothing, its status, 责任人, notes and deadline left behind.
import type { DuckDBConnection } from '@duckdb/node-api';

/**
 * Temp table `continued_holdings`: each finding of the scan (`finding_id`) that continues an earlier finding
 * (`earlier_id`, under which scan_sightings carries it: continued-findings.ts): same check (one whose fact lists
 * holdings, factListsHoldings), same household in the same township (or, for a person without a 家庭编号, the same
 * person), and every holding it lists already listed by the earlier one,
 * which this scan did not find as it was. Carry-over then meets it as that finding found again: open stays open, 误报
 * stays 误报 (nothing new to judge), closed by staff is reopened. A holding the earlier finding did not list (a car bought
 * since) is nothing anyone has looked at: a new finding, as before. The earlier finding keeps its fact, the holdings
 * staff judged, so a later month holding any of them still continues it. Of several earlier findings, the one seen last.
 * (A temp table: the ledger's transaction may write no other database.) Temp table `grown_holdings`: each earlier
 * finding whose holdings a new one lists with more, for 自动销号 to name (autoCloseFindings).
 */
export async function continueEarlierHoldings(connection: DuckDBConnection, holdingsChecks: readonly string[]): Promise<void> {
  // The holdings after the kind: 'vehicle|<id>:鲁Q12345,<id>:鲁Q54321' lists two.
  const holdings = (fact: string) => `string_split(substr(${fact}, strpos(${fact}, '|') + 1), ',')`;
  const kind = (fact: string) => `split_part(${fact}, '|', 1)`;
  // A new finding of this scan (s) beside an earlier one of the same check and household (f) that this scan did not
  // find as it was. The earlier household number upper-cased: one recorded before 2026-12-06 kept its small letters
  // (h002), which a scan now reads H002 (rs_code), and its finding would have been closed beside a new one.
  const beside = `
     FROM scan_findings s JOIN ledger.findings f
       ON f.check_id = s.check_id AND f.township IS NOT DISTINCT FROM s.township
      AND (CASE WHEN s.household_id IS NULL THEN f.household_id IS NULL AND f.id_number = s.subject_id
                ELSE upper(f.household_id) = s.household_id END)
     WHERE list_contains(string_split($checks, ','), s.check_id)
       AND NOT EXISTS (SELECT 1 FROM ledger.findings seen WHERE seen.finding_id = s.finding_id)
       AND NOT EXISTS (SELECT 1 FROM scan_findings again WHERE again.finding_id = f.finding_id)
       AND ${kind('f.fact')} = ${kind('s.fact')}`;
  const checks = { checks: holdingsChecks.join(',') };
  await connection.run(
    `CREATE OR REPLACE TEMP TABLE continued_holdings AS
     SELECT s.finding_id, arg_max(f.finding_id, (f.last_seen, f.finding_id)) AS earlier_id
     ${beside} AND list_has_all(${holdings('f.fact')}, ${holdings('s.fact')})
     GROUP BY s.finding_id
     -- One check raises one finding a household: two taking one earlier id cannot happen, and must not.
     QUALIFY count(*) OVER (PARTITION BY earlier_id) = 1`,
    checks,
  );
  // The other way round: the household holds all the earlier finding listed and more. The new finding is judged afresh;
  // the earlier one, if open, is closed (自动销号) saying which finding took it over, not that nothing was found.
  await connection.run(
    `CREATE OR REPLACE TEMP TABLE grown_holdings AS
     SELECT f.finding_id AS earlier_id, min(s.finding_id) AS finding_id
     ${beside} AND list_has_all(${holdings('s.fact')}, ${holdings('f.fact')})
       AND s.finding_id NOT IN (SELECT finding_id FROM continued_holdings)
     GROUP BY f.finding_id`,
    checks,
  );
}
