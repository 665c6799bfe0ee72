// The config file (rollsweep.config.json): thresholds, standards and per-check settings, validated with zod.
import { z } from 'zod';

const yuan = z.number().nonnegative().multipleOf(0.01);

/** Monthly 低保 standard (元/月) for one county, per area. */
const areaStandards = z.object({ urban: yuan, rural: yuan }).strict();

const checkSettings = z
  .object({
    enabled: z.boolean().optional(),
    deadlineDays: z.number().int().positive().optional(),
    /** The 整改措施 a new finding of the check starts with, in the county's own words (default: the check's remedy). */
    remedy: z.string().trim().min(1).optional(),
    params: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();

export const configSchema = z
  .object({
    /** Monthly 低保 standards: `default` applies to any county not listed in `byCounty`. */
    standards: z
      .object({
        default: areaStandards.optional(),
        byCounty: z.record(z.string(), areaStandards).default({}),
      })
      .strict()
      .default({ byCounty: {} }),
    /** Per-check overrides, keyed by check id. */
    checks: z.record(z.string(), checkSettings).default({}),
    /**
     * How long one custom check (--checks-dir) may run before it is stopped and recorded as not run (run-checks.ts):
     * a county's SQL that never ends (a recursive WITH with no stop) would otherwise hang the scan and keep the ledger
     * locked. Minutes, fractions allowed; the default is many times what a check over a county's roll takes.
     */
    customCheckTimeLimitMinutes: z.number().positive().max(24 * 60).default(5),
  })
  .strict();

export type Config = z.infer<typeof configSchema>;
export type AreaStandards = z.infer<typeof areaStandards>;
