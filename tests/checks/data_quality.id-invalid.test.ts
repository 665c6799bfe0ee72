// data_quality.id-invalid: unrecoverable ID numbers are listed with raw value, file and line; recoverable forms are not.
import { describe, expect, it } from 'vitest';
import { findCheck } from '../../scanner/engine/registry.ts';
import { findingsFor, testCheck, type Rows } from '../support/check-tester.ts';
import { fullWidth, legacyId, validId, wrongCheckId } from './id-numbers.ts';
import { rollRow } from './roll-rows.ts';

const ZHANG = validId('110101', '19900307', '451');
const WITH_X = validId('110101', '19750101', '104'); // ends in X
const BAD_CHECK = wrongCheckId('110101', '19900307', '451');
const FEB_30 = validId('110101', '19900230', '451'); // check character right, date impossible
const EXCEL_LOST_DIGITS = `${ZHANG.slice(0, 15)}000`; // 18 digits stored as an Excel number

testCheck('data_quality.id-invalid', {
  valid: [
    { name: 'a valid 18-digit ID', rows: { roll: [rollRow({ id_number: ZHANG })] } },
    {
      name: 'recoverable forms: full-width, spaced, tab, apostrophe, lower-case x, 15-digit legacy',
      rows: {
        roll: [
          rollRow({ household_id: 'H001', id_number: fullWidth(ZHANG) }),
          rollRow({ household_id: 'H002', id_number: `${ZHANG.slice(0, 6)} ${ZHANG.slice(6, 14)} ${ZHANG.slice(14)}` }),
          rollRow({ household_id: 'H003', id_number: `\t${ZHANG} ` }),
          rollRow({ household_id: 'H004', id_number: `'${ZHANG}` }),
          rollRow({ household_id: 'H005', name: '李四', id_number: WITH_X.toLowerCase() }),
          rollRow({ household_id: 'H006', name: '王五', id_number: legacyId('110101', '650412', '123') }),
        ],
      },
    },
    { name: 'an empty ID is missing (data_quality.missing-field), not invalid', rows: { roll: [rollRow({ id_number: '' })] } },
    {
      // Until 2026-12-06 each was 含非法字符 here: data_quality.missing-field reports it as an ID not given.
      name: 'a roll ID written as none (无, /, —, 暂无, 不详) is missing, not invalid',
      rows: {
        roll: ['无', '/', '—', '暂无', '不详'].map((id_number, i) => rollRow({ household_id: `H${i}`, name: `人${i}`, id_number })),
      },
    },
    {
      name: 'a totals or signature row with its words in the ID column is not data',
      rows: {
        roll: [rollRow()],
        deaths: [{ id_number: ZHANG, name: '张三', death_date: '2026-03-15' }, { id_number: '合计：1人', name: '', death_date: '' }],
        payroll: [{ id_number: ZHANG, name: '张三', employer: '县一中' }, { id_number: '制表人：李会计', name: '', employer: '' }],
      },
    },
    {
      // Until 2026-12-06 each was 含非法字符 here: the row is now refused as without an ID (data_quality.bad-row).
      name: 'a reference list\'s ID written as none (无, 暂无, 不详, —, 空) is no unreadable ID',
      rows: {
        roll: [rollRow()],
        deaths: ['无', '暂无', '不详', '—', '空'].map((id_number, i) => ({ id_number, name: `死者${i}`, death_date: '2026-03-15' })),
        prisoners: [{ id_number: '无', name: '某甲', sentence_start: '2024-01-01', sentence_end: '2027-01-01' }],
      },
    },
    {
      name: 'reference lists with recoverable IDs',
      rows: {
        roll: [rollRow()],
        deaths: [
          { id_number: WITH_X.toLowerCase(), name: '李四', death_date: '2026-03-15' },
          { id_number: fullWidth(ZHANG), name: '张三', death_date: '2026-03-15' },
        ],
      },
    },
  ],
  invalid: [
    {
      name: 'check character wrong',
      rows: { roll: [rollRow({ household_id: 'H007', village: '西村', id_number: BAD_CHECK })] },
      expected: [{ subject_id: null, household_id: 'H007', village: '西村', evidence: [`原始值「${BAD_CHECK}」`, 'roll.csv 第2行', '不参与'] }],
    },
    {
      name: 'impossible birth date, wrong length, Excel scientific notation, Excel lost digits: one finding per row',
      rows: {
        roll: [
          rollRow({ household_id: 'H001', name: '张三', id_number: ZHANG }),
          rollRow({ household_id: 'H002', name: '李四', id_number: FEB_30 }),
          rollRow({ household_id: 'H003', name: '王五', id_number: ZHANG.slice(0, 17) }),
          rollRow({ household_id: 'H004', name: '赵六', id_number: '1.10101E+17' }),
          rollRow({ household_id: 'H005', name: '钱七', id_number: EXCEL_LOST_DIGITS }),
          rollRow({ household_id: 'H006', name: '孙八', id_number: legacyId('110101', '650230', '123') }),
        ],
      },
      expected: [
        { subject_id: null, household_id: 'H002', evidence: [`「${FEB_30}」`, 'roll.csv 第3行'] },
        { subject_id: null, household_id: 'H003', evidence: [`「${ZHANG.slice(0, 17)}」`, 'roll.csv 第4行'] },
        { subject_id: null, household_id: 'H004', evidence: ['「1.10101E+17」', 'roll.csv 第5行'] },
        { subject_id: null, household_id: 'H005', evidence: [`「${EXCEL_LOST_DIGITS}」`, 'roll.csv 第6行'] },
        { subject_id: null, household_id: 'H006', evidence: ['「110101650230123」', 'roll.csv 第7行'] },
      ],
    },
    {
      name: 'an unrecoverable ID on a reference list: the row is refused and named',
      rows: {
        roll: [rollRow()],
        deaths: [
          { id_number: ZHANG, name: '张三', death_date: '2026-03-15' },
          { id_number: BAD_CHECK, name: '李四', death_date: '2026-03-15' },
        ],
      },
      expected: [{ subject_id: null, household_id: null, village: null, evidence: [`原始值「${BAD_CHECK}」`, '死亡人员名单 deaths.csv 第3行', '已拒收'] }],
    },
    {
      // Until 2026-12-06 such rows went to 未关联乡镇, though a refused roster row (bad-row) went to the 村 it names.
      name: 'a refused roster row is placed in the village it names; a kinship row with the village of the recipient it names',
      rows: {
        roll: [rollRow(), rollRow({ village: '西村', household_id: 'H002', name: '李四', id_number: WITH_X })],
        cadres: [
          { id_number: BAD_CHECK, name: '刘书记', township: '城关镇', village: '西村', position: '村党支部书记' },
          // A village not on the roll names no place.
          { id_number: FEB_30, name: '陈主任', township: '城关镇', village: '北村', position: '村委会主任' },
        ],
        kinship: [{ id_number: WITH_X, relative_id_number: BAD_CHECK, relation: '子' }],
      },
      expected: [
        { subject_id: null, township: '城关镇', village: '西村', evidence: [`原始值「${BAD_CHECK}」`, '干部及经办人员名册 cadres.csv 第2行'] },
        { subject_id: null, township: null, village: null, evidence: [`原始值「${FEB_30}」`, '干部及经办人员名册 cadres.csv 第3行'] },
        { subject_id: null, township: '城关镇', village: '西村', household_id: null, evidence: [`原始值「${BAD_CHECK}」`, '亲属关系 kinship.csv 第2行'] },
      ],
    },
    {
      // Until 2026-12-02 rows refused for the same raw ID had one finding id, and the engine kept one finding for them all.
      name: 'one ID Excel mangled alike on several rows of a reference list: one finding per refused row',
      rows: {
        roll: [rollRow()],
        deaths: [
          { id_number: '3.70481E+17', name: '张甲', death_date: '2026-05-01', source: '殡葬火化' },
          { id_number: '3.70481E+17', name: '李乙', death_date: '2026-05-01', source: '殡葬火化' },
          { _file: '死亡人员名单（补报）.csv', id_number: '3.70481E+17', name: '王丙', death_date: '2026-05-01', source: '殡葬火化' },
        ],
      },
      expected: [
        { subject_id: null, evidence: ['「3.70481E+17」', '死亡人员名单 deaths.csv 第2行', '已拒收'] },
        { subject_id: null, evidence: ['「3.70481E+17」', '死亡人员名单 deaths.csv 第3行', '已拒收'] },
        { subject_id: null, evidence: ['「3.70481E+17」', '死亡人员名单 死亡人员名单（补报）.csv 第4行', '已拒收'] },
      ],
    },
  ],
});

describe('data_quality.id-invalid finding ids of refused rows', () => {
  const row = (name: string, id_number = '3.70481E+17') => ({ id_number, name, death_date: '2026-05-01', source: '殡葬火化' });
  const ids = async (deaths: NonNullable<Rows['deaths']>) =>
    (await findingsFor(findCheck('data_quality.id-invalid')!, { roll: [rollRow()], deaths })).map((f) => f.finding_id).sort();

  it('are one per row, the same when the list is re-exported re-sorted or renamed; a second alike row only adds an id', async () => {
    const asGiven = await ids([row('张甲'), row('李四', BAD_CHECK), row('李乙')]);
    expect(new Set(asGiven).size).toBe(3);
    expect(await ids([row('李乙'), row('张甲'), row('李四', BAD_CHECK)])).toEqual(asGiven);
    expect(await ids([row('张甲'), row('李四', BAD_CHECK), row('李乙')].map((r) => ({ ...r, _file: '2026年10月死亡名单.csv' })))).toEqual(asGiven);
    // The first of the alike rows keeps the id a row alone had before they were told apart.
    expect(asGiven).toEqual(expect.arrayContaining([...await ids([row('张甲')]), ...await ids([row('李四', BAD_CHECK)])]));
  });
});
