// data_quality.bad-row: a reference-list row refused at load for an unreadable or missing value, with file, line and reason.
import { describe, expect, it } from 'vitest';
import { findCheck } from '../../scanner/engine/registry.ts';
import { findingsFor, testCheck, type Rows } from '../support/check-tester.ts';
import { fullWidth, legacyId, upgradeLegacyId, validId, wrongCheckId } from './id-numbers.ts';
import { rollRow } from './roll-rows.ts';

const ZHANG = validId('110101', '19900307', '451');
const LI = validId('110101', '19850612', '232');
const WANG = validId('110101', '19800101', '011');
const ZHAO = validId('110101', '19750505', '026');
const OLD_WANG = legacyId('110101', '500113', '051');

testCheck('data_quality.bad-row', {
  valid: [
    {
      name: 'fine rows, dates and amounts in every accepted spelling; cadres\' terms as rosters write them (a month, 至今, the whole term in one cell)',
      rows: {
        roll: [rollRow()],
        deaths: [
          { id_number: ZHANG, name: '张三', death_date: '2026年3月15日', source: '殡葬火化' },
          { id_number: LI, name: '李四', death_date: '2026/3/5' },
        ],
        deposits: [{ id_number: ZHANG, name: '张三', balance: '¥12,000.50', as_of: '20260930' }],
        payments: [{ household_id: 'H001', month: '2026年9月', amount: '600元' }],
        cadres: [
          { id_number: ZHANG, name: '张三', term_start: '2021.03', term_end: '至今' },
          { id_number: LI, name: '李四', term_start: '2018年1月—2021年3月' },
          { id_number: LI, name: '李四', term_start: '2021.04-', term_end: '' },
        ],
        // 司法 lists' sentences: in one cell, with no end date because there is none.
        prisoners: [
          { id_number: ZHANG, name: '张三', sentence_start: '2021.03.05-2028.03.04' },
          { id_number: LI, name: '李四', sentence_start: '2019年5月10日', sentence_end: '无期徒刑' },
          { id_number: LI, name: '李四', sentence_start: '2026-09-20', sentence_end: '待定' },
        ],
      },
    },
    {
      // Only a start strictly after the end read is a contradiction; a month is read as its first day (a start) or its last (an end).
      name: 'a sentence starting on its end day, or in its end\'s month; a 刑期止日 before the start beside a later 释放日期 (not read); an end with no date',
      rows: {
        roll: [rollRow()],
        prisoners: [
          { id_number: ZHANG, name: '张三', sentence_start: '2026-10-05', sentence_end: '2026-10-05' },
          { id_number: ZHANG, name: '张三', sentence_start: '2026-10-05', sentence_end: '2026年10月' },
          { id_number: ZHANG, name: '张三', sentence_start: '2026.10', sentence_end: '2026-10-01' },
          { id_number: LI, name: '李四', sentence_start: '2026-10-05', sentence_end: '2026-09-01', released_on: '2026-10-20' },
          { id_number: LI, name: '李四', sentence_start: '2026-10-05', sentence_end: '2026-09-01', released_on: '未释放' },
          { id_number: LI, name: '李四', sentence_start: '2026-10-05', sentence_end: '无期徒刑' },
          { id_number: WANG, name: '王五', sentence_start: '2026.10.05-2026.10.05' },
          { id_number: WANG, name: '王五', sentence_start: '2026.10.05-待定' },
        ],
      },
    },
    {
      name: 'a totals row under a list is not data, not a bad row',
      rows: { roll: [rollRow()], deaths: [{ id_number: ZHANG, name: '张三', death_date: '2026-03-15' }, { id_number: '', name: '合计：1人', death_date: '' }] },
    },
    {
      name: 'a payments totals row with 合计 in the 家庭编号 column (no 序号 column) is not data',
      rows: { roll: [rollRow()], payments: [{ household_id: 'H001', month: '2026-09', amount: '600' }, { household_id: '合计', month: '', amount: '600.00' }] },
    },
    {
      name: 'an unrecoverable ID is data_quality.id-invalid, not a bad row',
      rows: { roll: [rollRow()], deaths: [{ id_number: wrongCheckId('110101', '19900307', '451'), name: '张三', death_date: '2026-03-15' }] },
    },
    {
      name: 'roll rows are never refused: an unreadable roll value is data_quality.bad-value',
      rows: { roll: [rollRow({ monthly_amount: 'abc', start_date: '2026-13-45' })] },
    },
  ],
  invalid: [
    {
      name: 'an impossible death date',
      rows: { roll: [rollRow()], deaths: [{ id_number: ZHANG, name: '张三', death_date: '2026-03-15' }, { id_number: LI, name: '李四', death_date: '2026-13-45' }] },
      expected: [{ subject_id: null, household_id: null, village: null, evidence: ['死亡人员名单 deaths.csv 第3行 已拒收', '死亡日期无法识别：2026-13-45', `原始内容「${LI},李四,2026-13-45`] }],
    },
    {
      name: 'a required value empty, an unreadable amount, a reference row without ID, a payment\'s 家庭编号 in scientific notation, a term end that is no date',
      rows: {
        roll: [rollRow()],
        deposits: [{ id_number: LI, name: '李四', balance: '十二万' }],
        vehicles: [{ id_number: '', name: '王五', plate: '京A12345', vehicle_type: '小型轿车' }],
        payments: [{ household_id: '3.71329E+15', month: '2026-10', amount: '700' }, { household_id: 'H001', month: '2026-10', amount: '700' }],
        cadres: [{ id_number: ZHANG, name: '张三', term_start: '2021.03', term_end: '待定' }],
        // A sentence's length is not its end; a range whose end is neither a date nor a word for none.
        prisoners: [
          { id_number: ZHANG, name: '张三', sentence_start: '' },
          { id_number: LI, name: '李四', sentence_start: '2025-01-01', sentence_end: '有期徒刑三年' },
          { id_number: LI, name: '李四', sentence_start: '2025.01.01-三年后' },
        ],
      },
      expected: [
        // 张三 is on the roll (城关镇 东村 H001): his rows go to his village's ledger.
        { subject_id: ZHANG, household_id: 'H001', village: '东村', program: '农村低保', evidence: ['服刑/羁押人员名单 prisoners.csv 第2行 已拒收', '羁押/入监日期为空'] },
        { subject_id: null, evidence: ['服刑/羁押人员名单 prisoners.csv 第3行 已拒收', '刑期止日无法识别：有期徒刑三年'] },
        { subject_id: null, evidence: ['服刑/羁押人员名单 prisoners.csv 第4行 已拒收', '羁押/入监日期无法识别：2025.01.01-三年后'] },
        { subject_id: null, evidence: ['金融资产核对结果 deposits.csv 第2行 已拒收', '余额无法识别：十二万'] },
        { subject_id: null, evidence: ['机动车登记信息 vehicles.csv 第2行 已拒收', '身份证号码为空'] },
        { subject_id: null, evidence: ['发放明细 payments.csv 第2行 已拒收', '家庭编号无法识别：3.71329E+15（被 Excel 改成科学计数法，末位已丢失）'] },
        { subject_id: ZHANG, village: '东村', evidence: ['干部及经办人员名册 cadres.csv 第2行 已拒收', '任职止无法识别：待定'] },
      ],
    },
    {
      // Until 2026-12-06 such a row was read as overlapping no period: a man held in P was neither found nor refused.
      name: 'a sentence whose start is after its end as read (the 释放日期 where given, else the 刑期止日 or the 刑期起止\'s end): both as written',
      rows: {
        roll: [rollRow()],
        prisoners: [
          { id_number: ZHANG, name: '张三', sentence_start: '2026-10-05', sentence_end: '2026-09-01' },
          { id_number: LI, name: '李四', sentence_start: '2026年11月', sentence_end: '2026.10' },
          { id_number: LI, name: '李四', sentence_start: '2026-10-05', sentence_end: '2028-10-04', released_on: '2026-10-04' },
          { id_number: WANG, name: '王五', sentence_start: '2026.10.05-2026.09.01' },
          { id_number: WANG, name: '王五', sentence_start: '2026.10.05-2028.10.04', sentence_end: '2026-09-01' },
        ],
      },
      expected: [
        { subject_id: ZHANG, household_id: 'H001', evidence: ['服刑/羁押人员名单 prisoners.csv 第2行 已拒收：羁押/入监日期 2026-10-05 晚于刑期止日 2026-09-01，无法判断服刑期间，请核实'] },
        { subject_id: null, evidence: ['prisoners.csv 第3行 已拒收：羁押/入监日期 2026年11月 晚于刑期止日 2026.10，无法判断服刑期间，请核实'] },
        { subject_id: null, evidence: ['prisoners.csv 第4行 已拒收：羁押/入监日期 2026-10-05 晚于释放日期 2026-10-04，无法判断服刑期间，请核实'] },
        { subject_id: null, evidence: ['prisoners.csv 第5行 已拒收：刑期起止 2026.10.05-2026.09.01 的起日晚于止日，无法判断服刑期间，请核实'] },
        { subject_id: null, evidence: ['prisoners.csv 第6行 已拒收：刑期起止 2026.10.05-2028.10.04 的起日晚于刑期止日 2026-09-01，无法判断服刑期间，请核实'] },
      ],
    },
    {
      // Until 2026-12-02 no refused row had a village: a recipient's went to 未关联乡镇, where no village's staff look.
      name: 'a refused row naming recipients is placed with them when they live in one village; across villages, or naming no one, it is not',
      rows: {
        roll: [
          rollRow(),
          rollRow({ village: '西村', household_id: 'H002', name: '李四', id_number: LI }),
          // 李四 also on the 特困 roll of his village, in another household: one place, no single household.
          rollRow({ village: '西村', household_id: 'T009', name: '李四', id_number: LI, program: '特困供养' }),
        ],
        deaths: [
          { id_number: LI.toLowerCase(), name: '李四', death_date: '2026-13-45' },
          { id_number: validId('110101', '19700101', '118'), name: '孙五', death_date: '2026-13-45' },
        ],
        kinship: [{ id_number: ZHANG, relative_id_number: LI, relation: '' }],
      },
      expected: [
        { subject_id: LI, village: '西村', household_id: null, program: null, evidence: ['deaths.csv 第2行 已拒收'] },
        { subject_id: null, village: null, evidence: ['deaths.csv 第3行 已拒收'] },
        { subject_id: null, village: null, household_id: null, evidence: ['亲属关系 kinship.csv 第2行 已拒收'] },
      ],
    },
    {
      // Until 2026-12-06 only eighteen plain characters were read as an ID here: such rows went to 未关联乡镇.
      name: 'a refused row naming a recipient by his 15-digit number, in full-width digits or spaced is placed with him',
      rows: {
        roll: [
          rollRow(),
          rollRow({ village: '西村', household_id: 'H002', name: '李四', id_number: LI }),
          rollRow({ village: '南村', household_id: 'H003', name: '王老汉', id_number: upgradeLegacyId(OLD_WANG) }),
        ],
        deaths: [
          { id_number: OLD_WANG, name: '王老汉', death_date: '2026-13-45' },
          { id_number: fullWidth(ZHANG), name: '张三', death_date: '2026-09-31' },
          { id_number: `${LI.slice(0, 6)} ${LI.slice(6, 14)} ${LI.slice(14)}`, name: '李四', death_date: '2026/09/' },
        ],
      },
      expected: [
        { subject_id: upgradeLegacyId(OLD_WANG), village: '南村', household_id: 'H003', evidence: ['deaths.csv 第2行 已拒收'] },
        { subject_id: ZHANG, village: '东村', household_id: 'H001', evidence: ['deaths.csv 第3行 已拒收'] },
        { subject_id: LI, village: '西村', household_id: 'H002', evidence: ['deaths.csv 第4行 已拒收'] },
      ],
    },
    {
      // Until 2026-12-05 a refused roster row went to 未关联乡镇: no village's staff saw that a cadre's relatives went unchecked.
      name: 'a refused cadre roster row is placed in the village it names, in the township it names where two have that village',
      rows: {
        roll: [
          rollRow(),
          rollRow({ village: '西村', household_id: 'H002', name: '李四', id_number: LI }),
          rollRow({ township: '河口镇', village: '东村', household_id: 'K001', name: '孙七', id_number: validId('110101', '19660606', '012') }),
        ],
        cadres: [
          { id_number: WANG, name: '王五', township: '城关镇', village: '西村', term_start: '2021.03', term_end: '待定' },
          { id_number: ZHAO, name: '赵六', township: '河口镇', village: '东村', term_start: '2020.01', term_end: '不详' },
          // An unreadable 任职起 (a 任职起 不详 is no longer refused: since 2026-12-06 it reads as an empty one).
          { id_number: validId('110101', '19700101', '118'), name: '孙五', township: '', village: '东村', term_start: '#N/A' },
          { id_number: validId('110101', '19710101', '010'), name: '周八', township: '城关镇', village: '北村', term_start: '#N/A' },
        ],
      },
      expected: [
        { subject_id: null, township: '城关镇', village: '西村', evidence: ['干部及经办人员名册 cadres.csv 第2行 已拒收', '任职止无法识别：待定'] },
        { subject_id: null, township: '河口镇', village: '东村', evidence: ['cadres.csv 第3行 已拒收', '任职止无法识别：不详'] },
        // 东村 of two townships, and a village not on the roll: no place.
        { subject_id: null, township: null, village: null, evidence: ['cadres.csv 第4行 已拒收'] },
        { subject_id: null, township: null, village: null, evidence: ['cadres.csv 第5行 已拒收'] },
      ],
    },
    {
      // Until 2026-12-03 a refused payment row naming no one by ID went to 未关联乡镇 though its 家庭编号 was a recipient's.
      name: 'a refused payment row is placed by its 家庭编号; a number every village uses (户号 001) only by the row\'s own 村',
      rows: {
        roll: [
          rollRow(),
          // 东村 and 西村 number their households each: 001 is two families, 001（东村） and 001（西村）.
          rollRow({ household_id: '001', name: '王五', id_number: WANG }),
          rollRow({ village: '西村', household_id: '001', name: '赵六', id_number: ZHAO, program: '城市低保' }),
        ],
        payments: [
          { household_id: 'H001', month: '2026-10', amount: '一千四' },
          { household_id: '001', village: '西村', month: '2026-10', amount: '一千四' },
          { household_id: '001', month: '2026-1O', amount: '700' },
          { household_id: '001', village: '南村', month: '2026-1O', amount: '700' },
        ],
      },
      expected: [
        { subject_id: ZHANG, household_id: 'H001', village: '东村', program: '农村低保', evidence: ['payments.csv 第2行 已拒收', '发放金额无法识别：一千四', '按家庭编号属城关镇东村 张三 户（H001）'] },
        { subject_id: ZHAO, household_id: '001（西村）', village: '西村', program: '城市低保', evidence: ['payments.csv 第3行 已拒收', '按家庭编号属城关镇西村 赵六 户（001（西村））'] },
        { subject_id: null, household_id: null, village: null, evidence: ['payments.csv 第4行 已拒收'] },
        { subject_id: null, household_id: null, village: null, evidence: ['payments.csv 第5行 已拒收'] },
      ],
    },
    {
      // Until 2026-12-02 identical refused rows had one finding id, and the engine kept one finding for them all.
      name: 'identical refused rows, in one list or in two: one finding each',
      rows: {
        roll: [rollRow()],
        deaths: [
          { id_number: ZHANG, name: '王大', death_date: '2026/13/10', source: '殡葬火化' },
          { id_number: ZHANG, name: '王大', death_date: '2026/13/10', source: '殡葬火化' },
          { _file: '死亡人员名单（补报）.csv', id_number: ZHANG, name: '王大', death_date: '2026/13/10', source: '殡葬火化' },
        ],
        payments: [
          { household_id: '3.70481E+17', month: '2026-10', amount: '700' },
          { household_id: '3.70481E+17', month: '2026-10', amount: '700' },
          { household_id: '3.70481E+17', month: '2026-10', amount: '700' },
        ],
      },
      expected: [
        { subject_id: ZHANG, evidence: ['死亡人员名单 deaths.csv 第2行 已拒收', '死亡日期无法识别：2026/13/10'] },
        { subject_id: ZHANG, evidence: ['死亡人员名单 deaths.csv 第3行 已拒收', '死亡日期无法识别：2026/13/10'] },
        { subject_id: ZHANG, evidence: ['死亡人员名单 死亡人员名单（补报）.csv 第4行 已拒收', '死亡日期无法识别：2026/13/10'] },
        { subject_id: null, evidence: ['发放明细 payments.csv 第2行 已拒收', '家庭编号无法识别：3.70481E+17'] },
        { subject_id: null, evidence: ['发放明细 payments.csv 第3行 已拒收', '家庭编号无法识别：3.70481E+17'] },
        { subject_id: null, evidence: ['发放明细 payments.csv 第4行 已拒收', '家庭编号无法识别：3.70481E+17'] },
      ],
    },
  ],
});

describe('data_quality.bad-row finding ids', () => {
  const same = { id_number: ZHANG, name: '王大', death_date: '2026/13/10', source: '殡葬火化' };
  const other = { id_number: LI, name: '李四', death_date: '2026-13-45', source: '殡葬火化' };
  const ids = async (deaths: NonNullable<Rows['deaths']>) =>
    (await findingsFor(findCheck('data_quality.bad-row')!, { roll: [rollRow()], deaths })).map((f) => f.finding_id).sort();

  it('are one per identical row, the same when the list is re-exported re-sorted or renamed; a twin only adds an id', async () => {
    const asGiven = await ids([same, other, same]);
    expect(new Set(asGiven).size).toBe(3);
    expect(await ids([other, same, same])).toEqual(asGiven);
    expect(await ids([same, other, same].map((row) => ({ ...row, _file: '2026年10月死亡名单.csv' })))).toEqual(asGiven);
    // The first of identical rows keeps the id a row with no twin had before they were told apart.
    expect(asGiven).toEqual(expect.arrayContaining([...await ids([same]), ...await ids([other])]));
  });
});
