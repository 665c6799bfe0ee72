// Which standards.byCounty key each county on the roll is, however either is written: 临沭, 临沭县, 山东省临沭县 and
// 临沂市临沭县 are one county. Until 2026-12-06 the key was compared with the roll's 县区 as written, and a roll saying
// 临沭 against a key 临沭县 silently took the default: a false high deposits finding where the county's standard is
// higher, a missed one where it is lower.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Config } from '../config/schema.ts';
import { CITY_PLACES, COUNTY_PLACES } from '../normalise/county-level-places.ts';

/** How a roll county came to its standard: a key, several keys it cannot be told between, or none. */
export interface CountyStandardMatch {
  /** The roll's 县区 as the roll table holds it. */
  rollCounty: string;
  /** The byCounty key whose standard it takes; null where it takes the default (or none). */
  key: string | null;
  /** Keys it matched equally well (two or more): none is taken, and the warning names them. */
  ambiguousKeys: string[];
}

/** A county-level unit's suffix: 临沭县, 河东区, 新泰市, 科尔沁右翼前旗, 三江侗族自治县. */
const COUNTY_SUFFIX = /(自治县|自治旗|县|区|市|旗)$/u;
/** How a place above the county ends: 山东省, 广西壮族自治区, 临沂市, 延边朝鲜族自治州, 阿里地区, 兴安盟. */
const ABOVE_COUNTY_END = /(省|自治区|特别行政区|市|州|地区|盟)$/u;
/** Provinces as a county name may be prefixed without 省 (山东临沭县). */
const PROVINCES = new Set(['北京', '天津', '上海', '重庆', '河北', '山西', '辽宁', '吉林', '黑龙江', '江苏', '浙江', '安徽', '福建', '江西',
  '山东', '河南', '湖北', '湖南', '广东', '海南', '四川', '贵州', '云南', '陕西', '甘肃', '青海', '内蒙古', '广西', '西藏', '宁夏', '新疆']);
const COUNTIES = new Set(COUNTY_PLACES);
const CITIES = new Set(CITY_PLACES);

interface CountyParts {
  /** The province or prefecture written before the county ('' where none): 山东省临沂市 of 山东省临沂市临沭县. */
  above: string;
  /** The county as written after it: 临沭县, or 临沭 where it was written bare. */
  county: string;
  /** The county without its suffix: 临沭. */
  bare: string;
}

/**
 * Splits off the longest province or prefecture written before a county. A split is taken only where what follows is a
 * real county's name (GB/T 2260, with or without its suffix), so that a county whose own name begins like a city (通州区,
 * 市中区) is never cut.
 */
export function countyParts(name: string): CountyParts {
  for (let at = name.length - 1; at > 0; at -= 1) {
    const above = name.slice(0, at);
    const county = name.slice(at);
    const bare = county.replace(COUNTY_SUFFIX, '');
    if (bare === '' || !COUNTIES.has(bare)) continue;
    if (ABOVE_COUNTY_END.test(above) || PROVINCES.has(above) || CITIES.has(above) || isProvinceThenCity(above)) return { above, county, bare };
  }
  return { above: '', county: name, bare: name.replace(COUNTY_SUFFIX, '') || name };
}

/** 山东临沂 (before 临沭县): a province then a prefecture, each without its suffix. */
function isProvinceThenCity(above: string): boolean {
  return [...PROVINCES].some((province) => above.startsWith(province) && CITIES.has(above.slice(province.length)));
}

/**
 * Two places above the county that may be one: either unsaid, or one a part of the other at its start or end, their
 * units aside (山东 and 临沂市 of 山东省临沂市; 山东 of 山东省).
 */
function sameAbove(a: string, b: string): boolean {
  const [x, y] = [a, b].map((place) => place.replace(/省|自治区|特别行政区|市|自治州|地区|盟/gu, ''));
  return x!.startsWith(y!) || x!.endsWith(y!) || y!.startsWith(x!) || y!.endsWith(x!);
}

/**
 * The key each roll county takes. `rollCounties` and `keys` pair the text as written with its normalised form (half-width,
 * no spaces, simplified characters). Tried in turn, the first test that any key passes decides: the same text; the same
 * county after the places above it, those places not differing (山东省临沭县, 临沂市临沭县 and 临沭县; not 南京市鼓楼区 and
 * 福州市鼓楼区); the same name where one of the two is written without its suffix (临沭 and 临沭县; never 和平区 and 和平县).
 * Two keys passing the same test are ambiguous: neither is taken.
 */
export function matchStandardCounties(
  rollCounties: readonly { written: string; normalised: string }[],
  keys: readonly { written: string; normalised: string }[],
): CountyStandardMatch[] {
  const keyParts = keys.map((key) => ({ ...key, parts: countyParts(key.normalised) }));
  return rollCounties.map(({ written, normalised }) => {
    const roll = countyParts(normalised);
    const tests: ((key: (typeof keyParts)[number]) => boolean)[] = [
      (key) => key.written === written,
      (key) => key.normalised === normalised,
      (key) => key.parts.county === roll.county && sameAbove(key.parts.above, roll.above),
      (key) => key.parts.bare === roll.bare && (key.parts.bare === key.parts.county || roll.bare === roll.county) &&
        sameAbove(key.parts.above, roll.above),
    ];
    for (const test of tests) {
      const passing = keyParts.filter(test).map((key) => key.written);
      if (passing.length === 1) return { rollCounty: written, key: passing[0]!, ambiguousKeys: [] };
      if (passing.length > 1) return { rollCounty: written, key: null, ambiguousKeys: passing };
    }
    return { rollCounty: written, key: null, ambiguousKeys: [] };
  });
}

/**
 * Matches the roll's counties (each once, not each row) with the config's byCounty keys, and keeps the answer in the
 * table standard_counties for the warnings (standards-coverage.ts). Both sides are compared as rs_text and
 * rs_to_simplified leave them (臨沭縣 and 临沭县 are one), as the roll's other text is.
 */
export async function matchRollCountiesWithStandards(connection: DuckDBConnection, config: Config): Promise<CountyStandardMatch[]> {
  // ambiguous_keys: the keys a county matched equally well, joined with 、 (NULL where there are none).
  await connection.run('CREATE OR REPLACE TABLE standard_counties (roll_county VARCHAR NOT NULL, standard_key VARCHAR, ambiguous_keys VARCHAR)');
  const keys = Object.keys(config.standards.byCounty);
  if (keys.length === 0) return [];
  const rollCounties = (await connection.runAndReadAll(
    'SELECT county, rs_to_simplified(county) FROM (SELECT DISTINCT county FROM roll WHERE county IS NOT NULL) ORDER BY county'))
    .getRowsJson().map(([written, simplified]) => ({ written: String(written), normalised: String(simplified) }));
  const keyForms = [];
  for (const key of keys) {
    const [[simplified]] = (await connection.runAndReadAll('SELECT rs_to_simplified(rs_text($key))', { key })).getRowsJson() as [[string | null]];
    keyForms.push({ written: key, normalised: simplified ?? key });
  }
  const matches = matchStandardCounties(rollCounties, keyForms);
  for (const match of matches) {
    await connection.run('INSERT INTO standard_counties VALUES ($roll_county, $standard_key, $ambiguous_keys)', {
      roll_county: match.rollCounty, standard_key: match.key,
      ambiguous_keys: match.ambiguousKeys.length > 0 ? match.ambiguousKeys.join('、') : null,
    });
  }
  return matches;
}
