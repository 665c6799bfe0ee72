// Which byCounty key a roll's 县区 is (standard-counties.ts): the same county however either is written, never two
// counties that merely share a name, and no key at all where the 县区 fits two equally well.
import { describe, expect, it } from 'vitest';
import { countyParts, matchStandardCounties } from '../../scanner/engine/standard-counties.ts';
import { COUNTY_PLACES } from '../../scanner/normalise/county-level-places.ts';

const written = (name: string) => ({ written: name, normalised: name });
const keyOf = (rollCounty: string, keys: string[]) => matchStandardCounties([written(rollCounty)], keys.map(written))[0];

describe('countyParts', () => {
  it.each([
    ['山东省临沭县', '山东省', '临沭县'],
    ['山东省临沂市临沭县', '山东省临沂市', '临沭县'],
    ['山东临沭县', '山东', '临沭县'],
    ['临沂临沭', '临沂', '临沭'],
    ['泰安市新泰市', '泰安市', '新泰市'],
    ['济南市市中区', '济南市', '市中区'],
    ['延边朝鲜族自治州延吉市', '延边朝鲜族自治州', '延吉市'],
    ['临沭', '', '临沭'],
    ['通州区', '', '通州区'],
    ['甲县', '', '甲县'],
  ])('%s: %s before %s', (name, above, county) => {
    expect(countyParts(name)).toMatchObject({ above, county });
  });

  it('never cuts a real county\'s own name, with or without its suffix', () => {
    const cut = COUNTY_PLACES.flatMap((place) => ['', '县', '区', '市', '旗'].map((suffix) => place + suffix))
      .filter((name) => countyParts(name).above !== '');
    expect(cut).toEqual([]);
  });
});

describe('matchStandardCounties', () => {
  it.each([
    ['临沭', ['临沭县'], '临沭县'],
    ['临沭县', ['临沭'], '临沭'],
    ['山东省临沭县', ['临沭县'], '临沭县'],
    ['临沂市临沭县', ['山东省临沂市临沭县'], '山东省临沂市临沭县'],
    ['山东临沭县', ['山东省临沂市临沭县'], '山东省临沂市临沭县'],
    ['临沭县', ['临沭', '临沭县'], '临沭县'],
    ['福州市鼓楼区', ['福州市鼓楼区', '徐州市鼓楼区'], '福州市鼓楼区'],
    ['甲', ['甲县', '乙县'], '甲县'],
    // Decoys: two counties of one name and another suffix, or of one name under two prefectures, are two counties.
    ['和平区', ['和平县'], null],
    ['南京市鼓楼区', ['福州市鼓楼区'], null],
    ['山东临沭县', ['江苏省临沭县'], null],
    ['河东区', ['临沭县'], null],
  ])('%s against %j: %s', (rollCounty, keys, key) => {
    expect(keyOf(rollCounty, keys)).toEqual({ rollCounty, key, ambiguousKeys: [] });
  });

  it('takes no key where two fit equally well, and names both', () => {
    expect(keyOf('鼓楼区', ['福州市鼓楼区', '徐州市鼓楼区'])).toEqual({ rollCounty: '鼓楼区', key: null, ambiguousKeys: ['福州市鼓楼区', '徐州市鼓楼区'] });
    expect(keyOf('临沭', ['临沭县', '临沭区'])).toEqual({ rollCounty: '临沭', key: null, ambiguousKeys: ['临沭县', '临沭区'] });
  });

  it('compares the normalised forms: 臨沭縣 on the roll is 临沭县', () => {
    expect(matchStandardCounties([{ written: '臨沭縣', normalised: '临沭县' }], [written('临沭县')])[0]?.key).toBe('临沭县');
  });
});
