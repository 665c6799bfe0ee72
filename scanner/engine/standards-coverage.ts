// Where the config's 低保 standards by county and the roll's counties do not meet, said in the summary: a roll county
// without a standard of its own passes unchecked (no default) or is judged by the default, and a byCounty key that no
// roll county matches is a standard never used. Until 2026-12-06 a default hid every such miss: 临沭 on the roll against
// a key 临沭县 took the default without a word (standard-counties.ts now matches the two).
import type { DuckDBConnection } from '@duckdb/node-api';
import { basename } from 'node:path';
import type { Config } from '../config/schema.ts';
import type { LoadWarning } from '../load/load-inputs.ts';

/** How many roll counties a warning names before it says how many more there are. */
const COUNTIES_NAMED = 20;

/** The warnings on the config's byCounty standards against the roll (none where byCounty is empty). */
export async function uncoveredStandardsWarnings(connection: DuckDBConnection, config: Config, configFile: string | null | undefined): Promise<LoadWarning[]> {
  // With no standard at all those checks are skipped, and the summary says so.
  const keys = Object.keys(config.standards.byCounty);
  if (keys.length === 0) return [];
  const file = configFile ? basename(configFile) : 'rollsweep.config.json';
  const messages = [
    config.standards.default ? await defaultTakenMessage(connection, keys) : await noStandardMessage(connection),
    ...await ambiguousMessages(connection),
    await unusedKeysMessage(connection, keys),
  ];
  return messages.filter((message): message is string => message !== null).map((message) => ({ file, message }));
}

/** Without a default: the counties on the roll that no configured standard covers, and how many 在保 households each holds. */
async function noStandardMessage(connection: DuckDBConnection): Promise<string | null> {
  const reader = await connection.runAndReadAll(`
    SELECT coalesce(g.county, '（未写县区）') AS county, sum(g.households)::INT AS households
    FROM (SELECT county, area, count(DISTINCT household_id) AS households FROM roll
          WHERE active AND area IS NOT NULL AND household_id IS NOT NULL GROUP BY county, area) g
    -- Qualified: standard_cents is a macro whose subquery would read a bare county or area as the standards' own.
    WHERE standard_cents(g.county, g.area) IS NULL
    GROUP BY 1 ORDER BY 1`);
  const uncovered = countiesWithHouseholds(reader.getRowObjectsJson());
  if (uncovered === null) return null;
  return `低保标准只按县区配置（standards.byCounty），没有 standards.default，花名册中这些县区的在保家庭没有标准可比：${uncovered}；` +
    '这些家庭未做家庭金融资产超标（over_asset.deposits）和月保障金超标准（data_quality.amount-over-standard）检查，请在配置中补上这些县区或 default';
}

/** With a default: the roll's counties that match no byCounty key and so are judged by the default. */
async function defaultTakenMessage(connection: DuckDBConnection, keys: readonly string[]): Promise<string | null> {
  const reader = await connection.runAndReadAll(`
    SELECT coalesce(r.county, '（未写县区）') AS county, count(DISTINCT r.household_id)::INT AS households
    FROM roll r LEFT JOIN standard_counties s ON s.roll_county = r.county
    WHERE r.active AND r.area IS NOT NULL AND r.household_id IS NOT NULL AND s.standard_key IS NULL
    GROUP BY 1 ORDER BY 1`);
  const defaulted = countiesWithHouseholds(reader.getRowObjectsJson());
  if (defaulted === null) return null;
  return `花名册中这些县区的在保家庭不是 standards.byCounty 所列县区（${keys.join('、')}）中的任何一个，按默认低保标准（standards.default）核查：${defaulted}；` +
    '其中如有所列县区（县区名称写法不同，如省市前缀、简称），请核对花名册的县区列或配置中的县区名称';
}

/** A roll county that matched two keys equally well (鼓楼区 against 福州市鼓楼区 and 徐州市鼓楼区): it took neither. */
async function ambiguousMessages(connection: DuckDBConnection): Promise<string[]> {
  const reader = await connection.runAndReadAll(
    'SELECT roll_county, ambiguous_keys FROM standard_counties WHERE ambiguous_keys IS NOT NULL ORDER BY roll_county');
  return reader.getRowsJson().map(([county, candidates]) =>
    `花名册中的县区「${String(county)}」可对应 standards.byCounty 中的多个县区（${String(candidates)}），无法确定是哪一个，未按其中任何一个的标准核查；` +
    '请在配置中写明与花名册相同的县区名称');
}

/** A byCounty key that no county on the roll matched: its standard was not used (a misspelt key, or another county's). */
async function unusedKeysMessage(connection: DuckDBConnection, keys: readonly string[]): Promise<string | null> {
  const rows = (await connection.runAndReadAll('SELECT roll_county, standard_key FROM standard_counties ORDER BY roll_county')).getRowsJson();
  const used = new Set(rows.filter(([, key]) => key !== null).map(([, key]) => String(key)));
  const unused = keys.filter((key) => !used.has(key));
  if (unused.length === 0) return null;
  const named = rows.length === 0 ? '花名册未写县区' : `花名册中的县区：${firstNamed(rows.map(([county]) => String(county)), '')}`;
  return `standards.byCounty 中的县区${unused.map((key) => `「${key}」`).join('、')}与花名册中的县区都对不上，其低保标准未被使用（${named}）；请核对配置中的县区名称`;
}

/** 乙县 1 户、丙县 3 户 (the first COUNTIES_NAMED), or null where there are none. */
function countiesWithHouseholds(rows: Record<string, unknown>[]): string | null {
  if (rows.length === 0) return null;
  return firstNamed(rows.map((row) => `${String(row['county'])} ${Number(row['households'])} 户`), '县区');
}

/** The first COUNTIES_NAMED of `names`, joined by 、, then 等 N 个<unit> where there are more. */
function firstNamed(names: readonly string[], unit: string): string {
  const named = names.slice(0, COUNTIES_NAMED).join('、');
  return names.length > COUNTIES_NAMED ? `${named} 等 ${names.length} 个${unit}` : named;
}
