// The ledger's record of a spot check (ledger.samples, ledger.sample_households): who drew which households,
// when, and with which seed, so that anyone can later see which households were checked.
import { BOOLEAN, INTEGER, LIST, VARCHAR, listValue, type DuckDBConnection } from '@duckdb/node-api';
import { inTransaction } from '../ledger/transaction.ts';
import type { SampleIdentity } from './spot-check-content.ts';

export interface SampleRecord extends SampleIdentity {
  /** Full ID numbers were printed (--unmask). */
  unmasked: boolean;
  /** Absolute paths of the sheet and CSV. */
  files: string[];
  households: { drawOrder: number; township: string | null; village: string | null; householdId: string; flagged: boolean }[];
}

export interface RecordedDraw {
  drawnAt: Date;
  drawnBy: string | null;
  files: string[];
}

/** The draw already recorded under this id (the same seed on the same ledger gives the same id), if any. */
export async function findRecordedSample(connection: DuckDBConnection, sampleId: string): Promise<RecordedDraw | null> {
  const row = (await connection.runAndReadAll(
    `SELECT epoch_ms(drawn_at) AS drawn_at_ms, drawn_by, files_json FROM ledger.samples WHERE sample_id = $sample_id`,
    { sample_id: sampleId },
  )).getRowObjectsJson()[0];
  if (!row) return null;
  return {
    drawnAt: new Date(Number(row['drawn_at_ms'])),
    drawnBy: row['drawn_by'] == null ? null : String(row['drawn_by']),
    files: JSON.parse(String(row['files_json'])) as string[],
  };
}

export async function recordSample(connection: DuckDBConnection, record: SampleRecord): Promise<void> {
  await inTransaction(connection, async () => {
    await connection.run(
      `INSERT INTO ledger.samples (sample_id, drawn_at, period, run_id, seed, villages_requested, households_per_village, drawn_by, files_json, unmasked)
       VALUES ($sample_id, make_timestamp($drawn_at_ms * 1000), $period, $run_id, $seed, $villages, $households, $drawn_by, $files_json, $unmasked)`,
      {
        sample_id: record.sampleId, drawn_at_ms: record.drawnAt.getTime(), period: record.period, run_id: record.runId, seed: record.seed,
        villages: record.villagesRequested, households: record.householdsPerVillage, drawn_by: record.drawnBy, files_json: JSON.stringify(record.files), unmasked: record.unmasked,
      },
    );
    // One statement for every household: one INSERT each took 0.5 ms, 6 s for a draw of 12,000 households.
    const { households } = record;
    await connection.run(
      `INSERT INTO ledger.sample_households (sample_id, draw_order, township, village, household_id, flagged)
       SELECT $sample_id, unnest($draw_orders), unnest($townships), unnest($villages), unnest($household_ids), unnest($flagged)`,
      {
        sample_id: record.sampleId, draw_orders: listValue(households.map((h) => h.drawOrder)), townships: listValue(households.map((h) => h.township)),
        villages: listValue(households.map((h) => h.village)), household_ids: listValue(households.map((h) => h.householdId)),
        flagged: listValue(households.map((h) => h.flagged)),
      },
      {
        sample_id: VARCHAR, draw_orders: LIST(INTEGER), townships: LIST(VARCHAR), villages: LIST(VARCHAR), household_ids: LIST(VARCHAR),
        flagged: LIST(BOOLEAN),
      },
    );
  });
}

/** A sample printed again with full ID numbers: the record says so (once unmasked, always recorded as such). */
export async function recordUnmasked(connection: DuckDBConnection, sampleId: string): Promise<void> {
  await connection.run(`UPDATE ledger.samples SET unmasked = true WHERE sample_id = $sample_id`, { sample_id: sampleId });
}
