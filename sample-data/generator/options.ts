// Workload options, validated with zod, and the named presets (the committed sample, a county, the benchmarks).
import { z } from 'zod';

const ratios = z.object({
  deaths: z.number().nonnegative(), prisoners: z.number().nonnegative(), vehicles: z.number().nonnegative(),
  properties: z.number().nonnegative(), businesses: z.number().nonnegative(), payroll: z.number().nonnegative(),
  deposits: z.number().nonnegative(), kinship: z.number().nonnegative(),
}).strict();

export const workloadOptionsSchema = z.object({
  out: z.string().min(1),
  seed: z.union([z.number().int(), z.string().min(1)]),
  persons: z.number().int().positive(),
  townships: z.number().int().positive(),
  /** Villages per township. */
  villages: z.number().int().positive(),
  period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'period must be YYYY-MM'),
  style: z.enum(['messy', 'clean', 'parquet']),
  /** Where to write the answer key (outside the output folder); null for none. */
  answerKey: z.string().nullable(),
  /** 'every-variant' injects each scenario variant once (the sample); 'random' draws ~anomalyRate of persons. */
  coverage: z.enum(['every-variant', 'random']),
  anomalyRate: z.number().min(0).max(0.5),
  cadresPerVillage: z.number().int().min(1),
  ratios,
  /** Monthly 低保 standards, 元 per person (must match the config the scan uses). */
  standards: z.object({ urban: z.number().positive(), rural: z.number().positive() }).strict(),
}).strict();

export type WorkloadOptions = z.infer<typeof workloadOptionsSchema>;

/** quality-bars.md: deaths 2×, prisoners 0.2×, vehicles 3×, properties 3×, businesses 1×, payroll 0.5×, deposits 1×, kinship 3×. */
export const BENCHMARK_RATIOS = {
  deaths: 2, prisoners: 0.2, vehicles: 3, properties: 3, businesses: 1, payroll: 0.5, deposits: 1, kinship: 3,
};

// The committed sample keeps the lists township-sized (and the folder under 2 MB).
const SAMPLE_RATIOS = {
  deaths: 0.3, prisoners: 0.03, vehicles: 1, properties: 1, businesses: 0.3, payroll: 0.15, deposits: 0.6, kinship: 2,
};

const STANDARDS = { urban: 900, rural: 700 };

export const PRESETS = {
  sample: {
    out: 'sample-data/demo-township', seed: 20261001, persons: 1500, townships: 1, villages: 8, period: '2026-10',
    style: 'messy', answerKey: 'sample-data/demo-township.answer-key.json', coverage: 'every-variant', anomalyRate: 0.03,
    cadresPerVillage: 6, ratios: SAMPLE_RATIOS, standards: STANDARDS,
  },
  county: {
    out: 'tmp/county', seed: 2026, persons: 50_000, townships: 4, villages: 20, period: '2026-10',
    style: 'messy', answerKey: 'tmp/county.answer-key.json', coverage: 'random', anomalyRate: 0.03,
    cadresPerVillage: 9, ratios: BENCHMARK_RATIOS, standards: STANDARDS,
  },
  b100k: {
    out: 'bench/workloads/B100k', seed: 100, persons: 100_000, townships: 60, villages: 20, period: '2026-10',
    style: 'clean', answerKey: 'bench/workloads/B100k.answer-key.json', coverage: 'random', anomalyRate: 0.03,
    cadresPerVillage: 25, ratios: BENCHMARK_RATIOS, standards: STANDARDS,
  },
  b1m: {
    out: 'bench/workloads/B1M', seed: 1000, persons: 1_000_000, townships: 60, villages: 20, period: '2026-10',
    style: 'clean', answerKey: 'bench/workloads/B1M.answer-key.json', coverage: 'random', anomalyRate: 0.03,
    cadresPerVillage: 25, ratios: BENCHMARK_RATIOS, standards: STANDARDS,
  },
  // A province's sweep (quality-bars.md: 1–3 million persons), beyond the targets: that it completes, correctly.
  b3m: {
    out: 'bench/workloads/B3M', seed: 3000, persons: 3_000_000, townships: 120, villages: 20, period: '2026-10',
    style: 'clean', answerKey: 'bench/workloads/B3M.answer-key.json', coverage: 'random', anomalyRate: 0.03,
    cadresPerVillage: 25, ratios: BENCHMARK_RATIOS, standards: STANDARDS,
  },
} as const satisfies Record<string, WorkloadOptions>;

export type PresetName = keyof typeof PRESETS;

export function isPresetName(name: string): name is PresetName {
  return Object.hasOwn(PRESETS, name);
}

/** A preset with some options replaced, validated. */
export function resolveOptions(preset: PresetName, overrides: Partial<WorkloadOptions> = {}): WorkloadOptions {
  return workloadOptionsSchema.parse({ ...PRESETS[preset], ...overrides });
}
