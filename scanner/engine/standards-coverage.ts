// A config that gives 低保 standards by county only (no `default`) leaves the roll's other counties without one: the
// checks that compare with the standard (deposits, amount-over-standard) pass their households over without a word.
import type { DuckDBConnection } from '@duckdb/node-api';
import { basename } from 'node:path';
import type { Config } from '../config/schema.ts';
import type { LoadWarning } from '../load/load-inputs.ts';

/** A warning naming the counties on the roll that no configured standard covers, and how many 在保 households each holds. */
export async function uncoveredStandardsWarnings(connection: DuckDBConnection, config: Config, configFile: string | null | undefined): Promise<LoadWarning[]> {
  // With a default every county is covered; with no standard at all those checks are skipped, and the summary says so.
  if (config.standards.default || Object.keys(config.standards.byCounty).length === 0) return [];
  const reader = await connection.runAndReadAll(`
    SELECT coalesce(g.county, '（未写县区）') AS county, sum(g.households)::INT AS households
    FROM (SELECT county, area, count(DISTINCT household_id) AS households FROM roll
          WHERE active AND area IS NOT NULL AND household_id IS NOT NULL GROUP BY county, area) g
    -- Qualified: standard_cents is a macro whose subquery would read a bare county or area as the standards' own.
    WHERE standard_cents(g.county, g.area) IS NULL
    GROUP BY 1 ORDER BY 1`);
  const uncovered = reader.getRowObjectsJson().map((row) => `${String(row['county'])} ${Number(row['households'])} 户`);
  if (uncovered.length === 0) return [];
  return [{
    file: configFile ? basename(configFile) : 'rollsweep.config.json',
    message: `低保标准只按县区配置（standards.byCounty），没有 standards.default，花名册中这些县区的在保家庭没有标准可比：${uncovered.join('、')}；` +
      '这些家庭未做家庭金融资产超标（over_asset.deposits）和月保障金超标准（data_quality.amount-over-standard）检查，请在配置中补上这些县区或 default',
  }];
}
