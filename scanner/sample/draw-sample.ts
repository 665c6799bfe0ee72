// `sample`: draws a spot check from a period's roll, writes the sheet and CSV, and records the sample in the ledger.
import { createHash } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { UsageError } from '../errors.ts';
import { drawFromPopulation, villageWeight, type DrawnVillage } from './draw.ts';
import { loadHouseholdMembers, summariseHousehold } from './household-details.ts';
import { loadSamplePopulation, resolveSamplePeriod, type SamplePopulation } from './population.ts';
import { findRecordedSample, recordSample, recordUnmasked } from './record-sample.ts';
import { normaliseSeed } from './seeded-random.ts';
import type { SampledHousehold, SpotCheckContent, VillageLine } from './spot-check-content.ts';
import { writeSpotCheckFiles } from './spot-check-files.ts';

export interface DrawSampleOptions {
  /** YYYY-MM; default the latest period the ledger has scanned. */
  period?: string;
  villages: number;
  households: number;
  seed: string;
  outDir: string;
  drawnBy: string;
  unmask?: boolean;
  /** When the draw happens (default now); tests fix it. */
  at?: Date;
}

export interface DrawSampleResult {
  sampleId: string;
  period: string;
  /** As hashed and recorded (trimmed, NFC). */
  seed: string;
  /** In draw order. */
  villages: { township: string | null; village: string | null; weight: number; households: number; flagged: number }[];
  /** How many villages the roll has: fewer than asked for means all were drawn. */
  villagesAvailable: number;
  households: number;
  /** Absolute paths: the XLSX sheet, then the CSV. */
  files: string[];
  /** Findings placed by their current record: the ledger did not keep where the month's scan placed them, and a later month's scan has refreshed them. */
  placesNotKept: number;
  /** Set when the same sample (same seed, same ledger, same N and M) was recorded before: that record is kept. */
  recordedBefore?: { drawnAt: Date; drawnBy: string | null };
}

export async function drawSample(connection: DuckDBConnection, options: DrawSampleOptions): Promise<DrawSampleResult> {
  const villagesRequested = positiveCount(options.villages, '--villages');
  const householdsPerVillage = positiveCount(options.households, '--households');
  const seed = normaliseSeed(options.seed);
  const period = await resolveSamplePeriod(connection, options.period);
  const population = await loadSamplePopulation(connection, period);
  const drawn = await drawFromPopulation(population.villages, { villages: villagesRequested, households: householdsPerVillage, seed }, population.householdsOf);

  const picks = drawn.flatMap((village) => village.households.map((household) => ({ ...household, township: village.township, village: village.village })))
    .map((household, index) => ({ ...household, drawOrder: index + 1 }));
  const sampleId = sampleIdFor(population, seed, villagesRequested, householdsPerVillage, picks);
  const recordedBefore = await findRecordedSample(connection, sampleId);
  const drawnAt = recordedBefore?.drawnAt ?? options.at ?? new Date();
  const drawnBy = recordedBefore ? recordedBefore.drawnBy : options.drawnBy;

  const members = await loadHouseholdMembers(connection, population.runId, picks.map((pick) => pick.householdId));
  const households: SampledHousehold[] = picks.map((pick) => {
    const list = members.get(pick.householdId) ?? [];
    return { ...pick, summary: summariseHousehold(list), members: list, findings: population.findingsByHousehold.get(pick.householdId) ?? [] };
  });
  const content: SpotCheckContent = {
    sampleId, period, runId: population.runId, seed, villagesRequested, householdsPerVillage, drawnBy, drawnAt,
    unmask: options.unmask ?? false, villages: villageLines(population, drawn),
    openFindingsOutsideVillages: population.openFindingsOutsideVillages, placesNotKept: population.placesNotKept, households,
  };

  const files = await writeSpotCheckFiles(resolve(options.outDir), content);
  if (!recordedBefore) {
    await recordSample(connection, {
      sampleId, drawnAt, period, runId: population.runId, seed, villagesRequested, householdsPerVillage, drawnBy, files, households: picks,
      unmasked: content.unmask,
    }).catch(async (error: unknown) => {
      // A sheet the ledger does not know about would be a spot check no one can trace: take the files back.
      await Promise.all(files.map((file) => rm(file, { force: true })));
      throw error;
    });
  }
  if (recordedBefore && content.unmask) await recordUnmasked(connection, sampleId);
  return {
    sampleId, period, seed,
    villages: drawn.map((village) => ({
      township: village.township, village: village.village, weight: village.weight,
      households: village.households.length, flagged: village.households.filter((household) => household.flagged).length,
    })),
    villagesAvailable: population.villages.length,
    households: picks.length,
    placesNotKept: population.placesNotKept,
    files,
    ...(recordedBefore ? { recordedBefore: { drawnAt: recordedBefore.drawnAt, drawnBy: recordedBefore.drawnBy } } : {}),
  };
}

function positiveCount(value: number, option: string): number {
  if (!Number.isSafeInteger(value) || value < 1) throw new UsageError(`${option} 应为正整数，收到「${value}」`);
  return value;
}

/**
 * Names the sample by what it is: the same ledger run, seed, N, M and households give the same id on any machine,
 * and a different outcome a different id.
 */
function sampleIdFor(population: SamplePopulation, seed: string, villages: number, households: number,
  picks: readonly { drawOrder: number; township: string | null; village: string | null; householdId: string; flagged: boolean }[]): string {
  const identity = JSON.stringify({
    period: population.period, runId: population.runId, seed, villages, households,
    picks: picks.map((pick) => [pick.drawOrder, pick.township, pick.village, pick.householdId, pick.flagged]),
  });
  return `SMP-${population.period}-${createHash('sha256').update(identity, 'utf8').digest('hex').slice(0, 10)}`;
}

function villageLines(population: SamplePopulation, drawn: readonly DrawnVillage[]): VillageLine[] {
  return population.villages.map((village) => {
    const order = drawn.findIndex((d) => d.township === village.township && d.village === village.village);
    return {
      township: village.township, village: village.village, openFindings: village.openFindings, weight: villageWeight(village),
      households: village.households, flaggedHouseholds: village.flaggedHouseholds,
      drawOrder: order === -1 ? null : order + 1, drawnHouseholds: order === -1 ? 0 : drawn[order]!.households.length,
    };
  });
}
