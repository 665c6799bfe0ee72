// What a spot check draws from: the households on a period's roll, grouped by village, each flagged or not,
// and each village's open findings (its weight).
import type { DuckDBConnection } from '@duckdb/node-api';
import { UsageError } from '../errors.ts';
import { ledgerRowsForPeriod, type LedgerRow } from '../ledger/ledger-rows.ts';
import { AUTO_CLOSED, TERMINAL_STATUSES } from '../ledger/statuses.ts';
import { parsePeriod } from '../period.ts';
import { inCanonicalOrder, type PopulationVillage } from './draw.ts';

export interface SamplePopulation {
  period: string;
  runId: string;
  /** In canonical order (draw.ts). */
  villages: PopulationVillage[];
  /** Findings above info raised by the period's scan, by 家庭编号 of the household they were matched to. */
  findingsByHousehold: Map<string, LedgerRow[]>;
  /** Open findings that belong to no village on the roll (county-wide data problems): they weigh nothing. */
  openFindingsOutsideVillages: number;
}

interface RollHousehold {
  householdId: string;
  township: string | null;
  village: string | null;
}

/** The period asked for, or the latest the ledger has scanned. */
export async function resolveSamplePeriod(connection: DuckDBConnection, period: string | undefined): Promise<string> {
  if (period !== undefined) return parsePeriod(period).label;
  const latest = (await connection.runAndReadAll(`SELECT max(period) FROM ledger.runs`)).getRowsJson()[0]?.[0];
  if (latest == null) throw new UsageError('台账中还没有扫描记录，无法抽样', '先运行 rollsweep scan。');
  return String(latest);
}

export async function loadSamplePopulation(connection: DuckDBConnection, period: string): Promise<SamplePopulation> {
  const ledger = await ledgerRowsForPeriod(connection, period);
  const { households, byTownshipAndId } = await rollHouseholds(connection, ledger.runId);
  if (households.length === 0) {
    throw new UsageError(`台账中没有 ${period} 扫描时的花名册（该次扫描早于抽查功能）`, `重新扫描 ${period} 的数据后再抽样。`);
  }

  const villages = new Map<string, PopulationVillage & { flagged: string[]; unflagged: string[] }>();
  for (const household of households) {
    const key = placeKey(household.township, household.village);
    if (!villages.has(key)) villages.set(key, { township: household.township, village: household.village, openFindings: 0, flagged: [], unflagged: [] });
  }

  const findingsByHousehold = new Map<string, LedgerRow[]>();
  let openFindingsOutsideVillages = 0;
  for (const row of ledger.rows) {
    // A finding is the household's when a member of that household on the roll shares its township and 家庭编号.
    const household = row.householdId === null ? undefined : byTownshipAndId.get(placeKey(row.township, row.householdId));
    // Findings this scan closed (not seen again) weigh in while still open, but do not flag a household.
    if (household && row.tracking !== AUTO_CLOSED) {
      const list = findingsByHousehold.get(household.householdId) ?? [];
      list.push(row);
      findingsByHousehold.set(household.householdId, list);
    }
    if ((TERMINAL_STATUSES as readonly string[]).includes(row.status)) continue;
    const village = villages.get(household ? placeKey(household.township, household.village) : placeKey(row.township, row.village));
    if (village) village.openFindings++;
    else openFindingsOutsideVillages++;
  }

  for (const household of households) {
    const village = villages.get(placeKey(household.township, household.village))!;
    (findingsByHousehold.has(household.householdId) ? village.flagged : village.unflagged).push(household.householdId);
  }
  return { period, runId: ledger.runId, villages: inCanonicalOrder([...villages.values()]), findingsByHousehold, openFindingsOutsideVillages };
}

/**
 * One row per 家庭编号 on the run's roll, placed where its head is (else its first member with a township and
 * village, in file order): a member whose township is missing, or who sits in another village, does not split
 * the household. Also every (township, 家庭编号) its members carry, to match findings to it.
 */
async function rollHouseholds(connection: DuckDBConnection, runId: string) {
  const memberOrder = 'is_head DESC NULLS LAST, township IS NULL, village IS NULL, source_file, source_line';
  const reader = await connection.runAndReadAll(
    `SELECT household_id, first(township ORDER BY ${memberOrder}) AS township, first(village ORDER BY ${memberOrder}) AS village,
            list(DISTINCT township) AS member_townships
     FROM ledger.roll_members WHERE run_id = $run_id AND household_id IS NOT NULL
     GROUP BY household_id`,
    { run_id: runId },
  );
  const households: RollHousehold[] = [];
  const byTownshipAndId = new Map<string, RollHousehold>();
  for (const row of reader.getRowObjectsJson()) {
    const household = { householdId: String(row['household_id']), township: text(row['township']), village: text(row['village']) };
    households.push(household);
    for (const township of row['member_townships'] as (string | null)[]) byTownshipAndId.set(placeKey(township, household.householdId), household);
  }
  return { households, byTownshipAndId };
}

function placeKey(first: string | null, second: string | null): string {
  return JSON.stringify([first, second]);
}

function text(value: unknown): string | null {
  return value == null ? null : String(value);
}
