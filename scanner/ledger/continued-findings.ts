// A finding's id (fingerprint.ts) holds its household and its fact: a village renumbering its households, the county
// raising the 低保标准 (amount-over-standard's fact) or 公安 filling in a blank 死亡日期 (deceased's) gave the same
// person's same problem a new id. Until 2026-12-06 it came back as a new 待核实 finding: a 误报 asked to be judged
// again, the finding staff were working on closed as 自动销号 with a blank one beside it, a 已追回 left closed while a
// new one asked for the money again. Here such a new finding continues the earlier one.
import type { DuckDBConnection } from '@duckdb/node-api';
import { AUTO_CLOSED, TERMINAL_SQL } from './statuses.ts';

/**
 * The checks whose fact names what is wrong (which field is empty, which value unreadable, which names conflict), not
 * a value measured of one problem: another fact is another problem, continued only when it is the same fact but for
 * the household number (a renumbering).
 */
const FACT_NAMES_THE_PROBLEM = [
  'data_quality.missing-field', 'data_quality.bad-value', 'data_quality.program-unknown', 'data_quality.bad-row',
  'data_quality.id-legacy', 'data_quality.id-name-conflict',
];

export interface ContinuationContext {
  period: string;
  /** False for a backfill (a month older than the ledger's latest): it continues read-only, changing no status. */
  carries: boolean;
  /** The checks continued by their holdings instead (continued-holdings.ts). */
  holdingsChecks: readonly string[];
}

/**
 * Temp table `continued_findings`: each new finding of this scan (id not in the ledger) that continues an earlier one
 * (`earlier_id`), with `remark`, what changed, for its evidence. Both are of the same check (not a holdings check), the
 * same person (subject_id, the normalised ID) and township, and the same village or household; the earlier one was not
 * found by this scan as it was; and the pairing is one-to-one (a person with two findings of one check in one village,
 * as duplicate.two-households raises, is left as it was: two new findings, each may be either).
 *
 * Which earlier findings: open ones, however long ago last seen (open and unseen means carried unjudged, 未复查 or
 * 人工保留, not gone); closed by staff (误报 included) only if seen at the latest earlier run that ran the check, so
 * month follows month (a month the check was skipped looked at nothing); never 自动销号 (a scan looked, found it gone,
 * and closed it: a like finding later is a new one, judged afresh).
 *
 * A backfill (carries false) continues too, read-only: it changes no status, so its sighting is recorded under the
 * earlier id whatever that finding's status, as it is when the id did not change — but not under a 自动销号 closed by a
 * month up to the backfilled one (a scan found it gone before that month: the backfill's finding is another episode).
 * Until 2026-12-06 a backfill continued nothing: August's finding of a dead man whose household was renumbered by
 * October was a second finding of the same death, carried into every later month (未复查) beside the one October
 * raised, and its money counted twice in 应追回 and --fail-on. Its remark says how the backfilled month differed.
 *
 * Temp table `scan_sightings`: the scan's findings as the ledger meets them, each under the id of the earlier finding it
 * continues (here or by its holdings, continued_holdings), with the remark after the evidence. Carry-over then meets it
 * as that finding found again: open stays open, 误报 stays 误报, closed by staff is reopened as 整改未到位, its status,
 * 责任人, notes, deadline and recovered amount kept. Only the scan's new findings are joined, on check and ID.
 */
export async function continueEarlierFindings(connection: DuckDBConnection, context: ContinuationContext): Promise<void> {
  await connection.run(
    `CREATE OR REPLACE TEMP TABLE check_last_run AS
     SELECT o.id AS check_id, max(r.period) AS period
     FROM ledger.runs r, unnest(from_json(r.checks_json, '[{"id":"VARCHAR","ran":"BOOLEAN"}]')) t(o)
     WHERE r.period < $period AND o.ran GROUP BY ALL`,
    { period: context.period },
  );
  // The fact but for the household number (a renumbered household is in the facts of duplicate and missing-field).
  const withoutHousehold = (alias: string) => `replace(${alias}.fact, coalesce(nullif(${alias}.household_id, ''), chr(30)), '')`;
  await connection.run(
    `CREATE OR REPLACE TEMP TABLE continued_findings AS
     WITH fresh AS (
       SELECT finding_id, check_id, subject_id, township, village, household_id, fact FROM scan_findings s
       WHERE subject_id IS NOT NULL AND NOT list_contains(string_split($holdings, ','), check_id)
         AND NOT EXISTS (SELECT 1 FROM ledger.findings seen WHERE seen.finding_id = s.finding_id)
     )
     SELECT s.finding_id, f.finding_id AS earlier_id,
            CASE WHEN $carries THEN
              '（' || f.first_seen || ' 起跟踪的同一问题：' || nullif(concat_ws('；',
                CASE WHEN f.household_id IS DISTINCT FROM s.household_id
                     THEN '家庭编号由 ' || coalesce(f.household_id, '（无）') || ' 改为 ' || coalesce(s.household_id, '（无）') END,
                CASE WHEN ${withoutHousehold('f')} <> ${withoutHousehold('s')} THEN '所据数值较 ' || f.last_seen || ' 有变化' END
              ), '') || '）'
            -- A backfill: the finding's household and fact are a later month's (f.last_seen), which stay.
            ELSE '（补扫：与 ' || f.first_seen || ' 起跟踪的问题为同一问题' || coalesce('，' || nullif(concat_ws('；',
                CASE WHEN f.household_id IS DISTINCT FROM s.household_id
                     THEN '该月家庭编号为 ' || coalesce(s.household_id, '（无）') || '，' || f.last_seen || ' 为 ' || coalesce(f.household_id, '（无）') END,
                CASE WHEN ${withoutHousehold('f')} <> ${withoutHousehold('s')} THEN '所据数值与 ' || f.last_seen || ' 不同' END
              ), ''), '') || '）' END AS remark
     FROM fresh s JOIN ledger.findings f
       ON f.check_id = s.check_id AND f.id_number = s.subject_id AND f.township IS NOT DISTINCT FROM s.township
      AND (f.village = s.village OR f.household_id = s.household_id)
     LEFT JOIN check_last_run l ON l.check_id = f.check_id
     WHERE CASE WHEN $carries THEN f.status <> '${AUTO_CLOSED}' AND (f.status NOT IN ${TERMINAL_SQL} OR f.last_seen >= l.period)
                ELSE f.status <> '${AUTO_CLOSED}'
                     OR (SELECT closing.period FROM ledger.runs closing WHERE closing.run_id = f.closed_run_id) > $period END
       AND NOT EXISTS (SELECT 1 FROM scan_findings again WHERE again.finding_id = f.finding_id)
       AND (NOT list_contains(string_split($naming, ','), f.check_id) OR ${withoutHousehold('f')} = ${withoutHousehold('s')})
     QUALIFY count(*) OVER (PARTITION BY s.finding_id) = 1 AND count(*) OVER (PARTITION BY f.finding_id) = 1`,
    { carries: context.carries, period: context.period, holdings: context.holdingsChecks.join(','), naming: FACT_NAMES_THE_PROBLEM.join(',') },
  );
  await connection.run(
    `CREATE OR REPLACE TEMP TABLE scan_sightings AS
     SELECT s.* REPLACE (coalesce(c.earlier_id, h.earlier_id, s.finding_id) AS finding_id, s.evidence || coalesce(c.remark, '') AS evidence)
     FROM scan_findings s LEFT JOIN continued_holdings h USING (finding_id) LEFT JOIN continued_findings c USING (finding_id)`,
  );
}

/**
 * A finding found this month (continued or found as it was) keeps its id and takes this month's fact, as writeFindings
 * gives it this month's evidence, amounts, place and household: the next month is compared with what was found last.
 * Holdings keep the fact staff judged (continued-holdings.ts). Not in a backfill: a later month's fact stays.
 */
export async function storeFoundFacts(connection: DuckDBConnection, period: string, holdingsChecks: readonly string[]): Promise<void> {
  await connection.run(
    `UPDATE ledger.findings f SET fact = s.fact
     FROM scan_sightings s
     WHERE f.finding_id = s.finding_id AND f.last_seen <= $period AND f.fact <> s.fact
       AND NOT list_contains(string_split($holdings, ','), s.check_id)`,
    { period, holdings: holdingsChecks.join(',') },
  );
}
