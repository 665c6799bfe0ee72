// What a spot check draws from: the households on a period's roll, grouped by village, each flagged or not,
// and each village's findings open when the period was scanned (its weight: statuses-at-scan.ts), each finding where
// that scan placed it (places-at-scan.ts).
import { LIST, VARCHAR, listValue, type DuckDBConnection } from '@duckdb/node-api';
import { UsageError } from '../errors.ts';
import { ledgerRowsForPeriod, type LedgerRow } from '../ledger/ledger-rows.ts';
import { AUTO_CLOSED, TERMINAL_STATUSES } from '../ledger/statuses.ts';
import { parsePeriod } from '../period.ts';
import { inCanonicalOrder, type PopulationVillage, type VillageHouseholds } from './draw.ts';
import { placesAtScan } from './places-at-scan.ts';
import { statusesChangedSinceRun } from './statuses-at-scan.ts';

export interface SampleVillage extends PopulationVillage {
  households: number;
  /** Households with a finding above info in the period's scan. */
  flaggedHouseholds: number;
}

export interface SamplePopulation {
  period: string;
  runId: string;
  /** In canonical order (draw.ts). */
  villages: SampleVillage[];
  /** Findings above info raised by the period's scan, by 家庭编号 of the household they were matched to. */
  findingsByHousehold: Map<string, LedgerRow[]>;
  /** Findings open at the scan that belong to no village on the roll (county-wide data problems): they weigh nothing. */
  openFindingsOutsideVillages: number;
  /** Findings placed by their current record, as the ledger did not keep where the period's scan placed them (places-at-scan.ts). */
  placesNotKept: number;
  /** The drawn villages' households, read once they are drawn (from a temporary table: until the next loadSamplePopulation on the connection). */
  householdsOf: (villages: readonly PopulationVillage[]) => Promise<VillageHouseholds[]>;
}

interface RollHousehold {
  householdId: string;
  township: string | null;
  village: string | null;
}

/** Every 家庭编号 on the run's roll with its place (placeHouseholds), for the one sample being drawn. */
const PLACED_HOUSEHOLDS = 'sample_placed_households';

/** The period asked for, or the latest the ledger has scanned. */
export async function resolveSamplePeriod(connection: DuckDBConnection, period: string | undefined): Promise<string> {
  if (period !== undefined) return parsePeriod(period).label;
  const latest = (await connection.runAndReadAll(`SELECT max(period) FROM ledger.runs`)).getRowsJson()[0]?.[0];
  if (latest == null) throw new UsageError('台账中还没有扫描记录，无法抽样', '先运行 rollsweep scan。');
  return String(latest);
}

/**
 * The villages on the period's roll with their households counted, and the period's findings matched to households.
 * A province's roll holds a million households: they stay in DuckDB, counted per village, and only the households
 * of the villages drawn are read (householdsOf).
 */
export async function loadSamplePopulation(connection: DuckDBConnection, period: string): Promise<SamplePopulation> {
  const ledger = await ledgerRowsForPeriod(connection, period);
  const atScan = await placesAtScan(connection, period);
  // Where the scan placed each finding: a later month's scan that moved it (the roll changed) does not move the draw.
  const rows = ledger.rows.map((row) => {
    const place = atScan.places.get(row.findingId);
    return place ? { ...row, ...place } : row;
  });
  // Counted only where the place matters: a finding this scan closed neither flags a household nor weighs on a village.
  const placesNotKept = rows.filter((row) => atScan.notKept.has(row.findingId) && row.tracking !== AUTO_CLOSED).length;
  await placeHouseholds(connection, ledger.runId);
  const villages = new Map<string, SampleVillage>();
  for (const village of await villagesOnRoll(connection)) villages.set(placeKey(village.township, village.village), village);
  if (villages.size === 0) {
    throw new UsageError(`台账中没有 ${period} 扫描时的花名册（该次扫描早于抽查功能）`, `重新扫描 ${period} 的数据后再抽样。`);
  }

  const byTownshipAndId = await householdsNamedByFindings(connection, ledger.runId);
  const changedSinceScan = await statusesChangedSinceRun(connection, ledger.runId);
  const findingsByHousehold = new Map<string, LedgerRow[]>();
  const flaggedHouseholds = new Map<string, RollHousehold>();
  let openFindingsOutsideVillages = 0;
  for (const row of rows) {
    // A finding is the household's when a member of that household on the roll shares its township and 家庭编号.
    const household = row.householdId === null ? undefined : byTownshipAndId.get(placeKey(row.township, row.householdId));
    // Findings this scan closed (not seen again) do not flag a household.
    if (household && row.tracking !== AUTO_CLOSED) {
      const list = findingsByHousehold.get(household.householdId) ?? [];
      list.push(row);
      findingsByHousehold.set(household.householdId, list);
      flaggedHouseholds.set(household.householdId, household);
    }
    // Open as the scan left it: a status staff changed since (closed, reopened) does not move the draw.
    const statusAtScan = changedSinceScan.get(row.findingId) ?? row.status;
    if ((TERMINAL_STATUSES as readonly string[]).includes(statusAtScan)) continue;
    const village = villages.get(household ? placeKey(household.township, household.village) : placeKey(row.township, row.village));
    if (village) village.openFindings++;
    else openFindingsOutsideVillages++;
  }
  for (const household of flaggedHouseholds.values()) villages.get(placeKey(household.township, household.village))!.flaggedHouseholds++;

  const householdsOf = async (drawn: readonly PopulationVillage[]): Promise<VillageHouseholds[]> =>
    (await householdsIn(connection, drawn)).map((ids) => ({
      flagged: ids.filter((id) => flaggedHouseholds.has(id)), unflagged: ids.filter((id) => !flaggedHouseholds.has(id)),
    }));
  return { period, runId: ledger.runId, villages: inCanonicalOrder([...villages.values()]), findingsByHousehold, openFindingsOutsideVillages, placesNotKept, householdsOf };
}

/**
 * One row per 家庭编号 on the run's roll, placed where its head is (else its first member with a township and
 * village, in file order): a member whose township is missing, or who sits in another village, does not split
 * the household.
 */
async function placeHouseholds(connection: DuckDBConnection, runId: string): Promise<void> {
  const memberOrder = 'is_head DESC NULLS LAST, township IS NULL, village IS NULL, source_file, source_line';
  await connection.run(
    `CREATE OR REPLACE TEMP TABLE ${PLACED_HOUSEHOLDS} AS
     SELECT household_id, first(township ORDER BY ${memberOrder}) AS township, first(village ORDER BY ${memberOrder}) AS village
     FROM ledger.roll_members WHERE run_id = $run_id AND household_id IS NOT NULL
     GROUP BY household_id`,
    { run_id: runId },
  );
}

async function villagesOnRoll(connection: DuckDBConnection): Promise<SampleVillage[]> {
  const reader = await connection.runAndReadAll(`SELECT township, village, count(*)::INTEGER AS households FROM ${PLACED_HOUSEHOLDS} GROUP BY ALL`);
  return reader.getRowObjectsJson().map((row) => ({
    township: text(row['township']), village: text(row['village']), households: Number(row['households']), openFindings: 0, flaggedHouseholds: 0,
  }));
}

/**
 * The households some finding names, by every (township, 家庭编号) their members carry: a finding is matched to
 * a household through them. Only households in ledger.findings are read, not the whole roll (a finding's household is
 * part of its id, fingerprint.ts: where the scan placed it and its current record name the same one).
 */
async function householdsNamedByFindings(connection: DuckDBConnection, runId: string): Promise<Map<string, RollHousehold>> {
  const reader = await connection.runAndReadAll(
    `SELECT DISTINCT m.township AS member_township, h.household_id, h.township, h.village
     FROM ledger.roll_members m JOIN ${PLACED_HOUSEHOLDS} h USING (household_id)
     WHERE m.run_id = $run_id AND m.household_id IN (SELECT household_id FROM ledger.findings)`,
    { run_id: runId },
  );
  const byTownshipAndId = new Map<string, RollHousehold>();
  for (const row of reader.getRowObjectsJson()) {
    const household = { householdId: String(row['household_id']), township: text(row['township']), village: text(row['village']) };
    byTownshipAndId.set(placeKey(text(row['member_township']), household.householdId), household);
  }
  return byTownshipAndId;
}

/**
 * Each village's 家庭编号, in the order the villages are given: one query for them all. Asking village by village
 * took 2 ms a query, 2.3 s for a draw of 1,200 villages.
 */
async function householdsIn(connection: DuckDBConnection, villages: readonly PopulationVillage[]): Promise<string[][]> {
  const reader = await connection.runAndReadAll(
    `SELECT drawn.position, placed.household_id
     FROM (SELECT unnest($townships) AS township, unnest($villages) AS village, unnest(range(len($townships)))::INTEGER AS position) drawn
     JOIN ${PLACED_HOUSEHOLDS} placed
       ON placed.township IS NOT DISTINCT FROM drawn.township AND placed.village IS NOT DISTINCT FROM drawn.village`,
    { townships: listValue(villages.map((v) => v.township)), villages: listValue(villages.map((v) => v.village)) },
    { townships: LIST(VARCHAR), villages: LIST(VARCHAR) },
  );
  const households = villages.map((): string[] => []);
  const [positions, ids] = reader.getColumnsJS() as [number[], string[]];
  positions.forEach((position, row) => households[position]!.push(ids[row]!));
  return households;
}

function placeKey(first: string | null, second: string | null): string {
  return JSON.stringify([first, second]);
}

function text(value: unknown): string | null {
  return value == null ? null : String(value);
}
