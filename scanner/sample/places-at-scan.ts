// Each finding's place (township, village, household) as the period's scan recorded it: what a spot check matches
// findings to households and villages by, so that a later month's scan that moves a finding (the roll changed) does
// not move an earlier month's draw. Until 2026-12-07 the draw read the place from the finding's current record: after
// the 2026-11 scan moved a household to another township, the printed `--seed` command for 2026-10 drew other villages.
import type { DuckDBConnection } from '@duckdb/node-api';

export interface PlaceAtScan {
  county: string | null;
  township: string | null;
  village: string | null;
  householdId: string | null;
  headName: string | null;
}

export interface PlacesAtScan {
  /** finding id → its place at the period's scan, for the findings a later month's scan has refreshed since. */
  places: Map<string, PlaceAtScan>;
  /**
   * Findings a later month's scan refreshed whose place at the period the ledger did not keep (sightings recorded
   * before 2026-12-06 have no picture): they are placed by their current record, which may differ.
   */
  notKept: Set<string>;
}

/**
 * A finding's current record holds its latest month's place (record-run.ts: the latest month's picture wins), so only
 * the findings a month after `period` has seen can differ. For them, the place is that of their latest sighting up to
 * the period — the period's own for the findings it raised, the month before for those it carried or auto-closed —
 * read from the sighting's picture (finding-picture.ts).
 */
export async function placesAtScan(connection: DuckDBConnection, period: string): Promise<PlacesAtScan> {
  const reader = await connection.runAndReadAll(
    `SELECT f.finding_id, s.picture IS NOT NULL AS kept,
            s.picture->>'county' AS county, s.picture->>'township' AS township, s.picture->>'village' AS village,
            s.picture->>'household_id' AS household_id, s.picture->>'head_name' AS head_name
     FROM ledger.findings f
     LEFT JOIN (SELECT s.finding_id, s.picture FROM ledger.run_findings s JOIN ledger.runs r USING (run_id)
                WHERE r.period <= $period
                QUALIFY row_number() OVER (PARTITION BY s.finding_id ORDER BY r.period DESC) = 1) s USING (finding_id)
     WHERE f.last_seen > $period AND f.first_seen <= $period`,
    { period },
  );
  const places = new Map<string, PlaceAtScan>();
  const notKept = new Set<string>();
  for (const row of reader.getRowObjectsJson()) {
    const findingId = String(row['finding_id']);
    if (row['kept'] !== true) {
      notKept.add(findingId);
      continue;
    }
    places.set(findingId, {
      county: text(row['county']), township: text(row['township']), village: text(row['village']),
      householdId: text(row['household_id']), headName: text(row['head_name']),
    });
  }
  return { places, notKept };
}

function text(value: unknown): string | null {
  return value == null ? null : String(value);
}
