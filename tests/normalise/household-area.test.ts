// rs_household_area: a roll's 城乡类别 / 城乡属性 / 户籍性质 cell as the area a 低保 row whose 救助类别 names none is read in.
import { describeMacroTable, useNormalisationDatabase } from './normalise-test-kit.ts';

const connection = useNormalisationDatabase();

describeMacroTable('rs_household_area', connection, {
  expression: 'rs_household_area(v)',
  accepted: [
    { input: '农村', expected: '农村' },
    { input: '农业', expected: '农村', note: '户籍性质 as the 户口 wrote it' },
    { input: '农业户口', expected: '农村' },
    { input: '农村户籍', expected: '农村' },
    { input: '农村低保', expected: '农村' },
    { input: '（农村）', expected: '农村', note: 'decorated' },
    { input: '農村', expected: '农村', note: 'traditional characters' },
    { input: '城市', expected: '城市' },
    { input: '城镇', expected: '城市', note: '城镇低保 is 城市低保' },
    { input: '城镇户口', expected: '城市' },
    { input: '非农业', expected: '城市' },
    { input: '非农业户口', expected: '城市' },
    { input: ' 非农 ', expected: '城市' },
  ],
  rejected: [
    { input: '居民户口', expected: null, note: 'the one 户口 since the reform: no area' },
    { input: '居民', expected: null },
    { input: '城乡', expected: null, note: 'both' },
    { input: '城乡居民', expected: null },
    { input: '农村/城市', expected: null, note: 'both, separated' },
    { input: '农转非', expected: null, note: 'a change of 户口, not an area' },
    { input: '新城镇', expected: null, note: 'a town, not an area' },
    { input: '不详', expected: null },
    { input: '', expected: null },
    { input: null, expected: null },
  ],
});
