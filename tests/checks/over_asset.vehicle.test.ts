// over_asset.vehicle: counted vehicle types not deregistered before P.start, one finding per household.
import { describe, expect, it } from 'vitest';
import { findCheck } from '../../scanner/engine/registry.ts';
import { findingsFor, testCheck, type Rows } from '../support/check-tester.ts';
import { validId } from './id-numbers.ts';
import { rollRow } from './roll-rows.ts';

const ZHANG = validId('110101', '19600307', '451');
const LI = validId('110101', '19580612', '232');
const OTHER_ZHANG = validId('110101', '19451208', '519');
const ZHAO = validId('110101', '19700101', '015');

/** H001 in 东村: 张三 (head) and 李四 (spouse; the lower ID). */
const couple = [rollRow({ name: '张三', id_number: ZHANG }), rollRow({ name: '李四', id_number: LI, relation: '配偶' })];
const car = (id: string, overrides: Record<string, string> = {}) =>
  ({ id_number: id, name: id === LI ? '李四' : '张三', plate: '鲁A12345', vehicle_type: '小型轿车', status: '正常', ...overrides });

testCheck('over_asset.vehicle', {
  valid: [
    {
      name: 'exempt types (substrings): motorcycles, 三轮汽车, 低速货车, tractors, 残疾人专用, 残疾人机动轮椅车, 农用车, 农用运输车 (their name before 2004); 低速汽车, 低速载货汽车, 农用三轮车, 农用四轮车 (until 2026-12-06 counted)',
      rows: {
        roll: couple,
        vehicles: ['普通二轮摩托车', '轻便二轮摩托车', '三轮汽车', '低速货车', '变型拖拉机', '手扶拖拉机', '残疾人专用小型自动挡载客汽车', '残疾人机动轮椅车', '农用车', '四轮农用运输车', '三轮农用运输车',
          '低速汽车', '低速载货汽车', '农用三轮车', '农用四轮车']
          .map((type, i) => car(ZHANG, { vehicle_type: type, plate: `鲁A0000${i}` })),
      },
    },
    { name: '注销 on 2026-09-30, before P.start', rows: { roll: couple, vehicles: [car(ZHANG, { status: '注销', deregistered_on: '2026-09-30' })] } },
    { name: '报废 with no date given', rows: { roll: couple, vehicles: [car(LI, { status: '报废' })] } },
    { name: 'no status column value but a 注销日期 before P.start', rows: { roll: couple, vehicles: [car(ZHANG, { status: '', deregistered_on: '2025/3/1' })] } },
    { name: 'a namesake with another ID owns the car', rows: { roll: couple, vehicles: [car(OTHER_ZHANG)] } },
    {
      name: 'the owner\'s roll row is 停保 (not a member any more), the rest of the household 在保',
      rows: { roll: [couple[0]!, rollRow({ name: '李四', id_number: LI, relation: '配偶', status: '停保' })], vehicles: [car(LI)] },
    },
    {
      // Until 2026-12-02 each was a counted car: the words were compared in simplified characters only.
      name: 'exempt types and a deregistered state in traditional characters (拖拉機, 農用車, 三輪汽車, 註銷)',
      rows: {
        roll: couple,
        vehicles: [
          car(ZHANG, { vehicle_type: '手扶拖拉機', plate: '鲁A00001' }), car(LI, { vehicle_type: '農用車', plate: '鲁A00002' }),
          car(ZHANG, { vehicle_type: '三輪汽車', plate: '鲁A00003' }), car(LI, { status: '註銷', plate: '鲁A00004' }),
        ],
      },
    },
    { name: 'a household with no active row is not checked', rows: { roll: couple.map((row) => ({ ...row, status: '退保' })), vehicles: [car(ZHANG)] } },
    {
      // A 车管 export writes codes: 车辆类型 of GA 24.4 (M21 普通二轮摩托车, N11 三轮汽车, H51 普通低速货车, T23 a tractor)
      // and 号牌种类 (07 普通摩托车, 13 低速车, 14 拖拉机; 7 when a spreadsheet dropped the zero).
      name: 'exempt types written as codes',
      rows: {
        roll: couple,
        vehicles: ['M21', 'm22', 'N11', 'H51', 'T23', '07', '13', '14', '7'].map((type, i) => car(ZHANG, { vehicle_type: type, plate: `鲁A0000${i}` })),
      },
    },
    {
      name: 'deregistered as 机动车状态 codes: E, M (强制注销), 注销(E), E-注销, and 报废注销, 已报废注销, 报废注销登记, 灭失注销, undated',
      rows: { roll: couple, vehicles: ['E', 'M', '注销(E)', 'E-注销', '报废注销', '已报废注销', '报废注销登记', '灭失注销'].map((status, i) => car(ZHANG, { status, plate: `鲁A0000${i}` })) },
    },
    // Until 2026-12-03 the 报废日期 went unread: a car scrapped years ago on a list without 状态 was a counted car.
    { name: 'no status, the 注销日期 empty, a 报废日期 before P.start', rows: { roll: couple, vehicles: [car(ZHANG, { status: '', scrapped_on: '2020-05-01' })] } },
    { name: '报废 dated by its 报废日期 before P.start', rows: { roll: couple, vehicles: [car(LI, { status: '报废', deregistered_on: '', scrapped_on: '2025/3/1' })] } },
    { name: 'code E with a 注销日期 before P.start', rows: { roll: couple, vehicles: [car(LI, { vehicle_type: 'K33', status: 'E', deregistered_on: '2025-06-30' })] } },
    {
      name: 'exemptTypes from config: 货车 exempt',
      config: { checks: { 'over_asset.vehicle': { params: { exemptTypes: ['货车'] } } } },
      rows: { roll: couple, vehicles: [car(ZHANG, { vehicle_type: '轻型普通货车' })] },
    },
  ],
  invalid: [
    {
      name: 'the head owns a 小型轿车 正常',
      rows: { roll: couple, vehicles: [car(ZHANG)] },
      expected: [{ subject_id: ZHANG, household_id: 'H001', village: '东村', evidence: ['计入的机动车 1 辆：张三：小型轿车 鲁A12345，状态 正常，来源 机动车登记信息（vehicles.csv 第2行）'] }],
    },
    {
      // Until 2026-12-01 a person without a 家庭编号 was left out of every asset check.
      name: 'persons without a 家庭编号 (empty, or lost to scientific notation): each a finding of his own, without a household',
      rows: {
        roll: [rollRow({ household_id: '', name: '张三', id_number: ZHANG }), rollRow({ household_id: '3.71329E+15', name: '李四', id_number: LI })],
        vehicles: [car(ZHANG), car(LI, { plate: '鲁B67890' })],
      },
      expected: [
        { subject_id: LI, household_id: null, evidence: ['花名册中此人的家庭编号为空或无法识别，按本人核查；计入的机动车 1 辆：李四：小型轿车 鲁B67890'] },
        { subject_id: ZHANG, household_id: null, evidence: ['花名册中此人的家庭编号为空或无法识别，按本人核查；计入的机动车 1 辆：张三：小型轿车 鲁A12345'] },
      ],
    },
    {
      // Until 2026-12-05 his car was found twice: for H001 and for him alone.
      name: 'a person on a row of H001 and on a row without a 家庭编号 (a second roll file): one finding, for H001',
      rows: { roll: [...couple, rollRow({ household_id: '', name: '张三', id_number: ZHANG, _file: '特困花名册.csv' })], vehicles: [car(ZHANG)] },
      expected: [{ subject_id: ZHANG, household_id: 'H001', evidence: ['计入的机动车 1 辆：张三：小型轿车 鲁A12345'] }],
    },
    {
      name: '注销 on 2026-10-05: not before P.start, still counted',
      rows: { roll: couple, vehicles: [car(ZHANG, { status: '注销', deregistered_on: '2026-10-05' })] },
      expected: [{ subject_id: ZHANG, evidence: ['状态 注销，注销日期 2026-10-05（不早于本期首日，仍计入）'] }],
    },
    {
      name: '报废 on 2026-10-05, dated by its 报废日期 alone: not before P.start, still counted',
      rows: { roll: couple, vehicles: [car(ZHANG, { status: '报废', scrapped_on: '2026-10-05' })] },
      expected: [{ subject_id: ZHANG, evidence: ['状态 报废，报废日期 2026-10-05（不早于本期首日，仍计入）'] }],
    },
    {
      name: 'a 注销日期 in P beside an earlier 报废日期: the 注销日期 is read',
      rows: { roll: couple, vehicles: [car(ZHANG, { status: '', deregistered_on: '2026-10-10', scrapped_on: '2026-09-01' })] },
      expected: [{ subject_id: ZHANG, evidence: ['状态 未注明，注销日期 2026-10-10（不早于本期首日，仍计入）'] }],
    },
    {
      // The record contradicts itself: still counted, for staff to verify (until 2026-12-03 without a word of it).
      name: '正常 (A) with a 注销日期, or a 报废日期 alone, before P.start: still counted, the contradiction noted (需核实)',
      rows: { roll: couple, vehicles: [car(ZHANG, { deregistered_on: '2025-06-30' }), car(LI, { plate: '鲁B67890', status: 'A', scrapped_on: '2020-05-01' })] },
      expected: [{
        subject_id: LI,
        evidence: [
          '李四：小型轿车 鲁B67890，状态 正常（A），报废日期 2020-05-01（早于本期首日，与状态「正常」矛盾，需核实是否已报废），来源',
          '张三：小型轿车 鲁A12345，状态 正常，注销日期 2025-06-30（早于本期首日，与状态「正常」矛盾，需核实是否已注销），来源',
        ],
      }],
    },
    {
      name: 'both members own counted vehicles: one finding, subject the lower ID, both listed',
      rows: { roll: couple, vehicles: [car(ZHANG), car(LI, { plate: '鲁B67890', vehicle_type: '中型普通客车', status: '' })] },
      expected: [{ subject_id: LI, household_id: 'H001', evidence: ['计入的机动车 2 辆', '李四：中型普通客车 鲁B67890，状态 未注明', '张三：小型轿车 鲁A12345'] }],
    },
    {
      name: 'one vehicle named twice by the list (鲁A12345, 鲁a12345) counts once, both records in the evidence; two without a plate count twice',
      rows: {
        roll: [...couple, rollRow({ household_id: 'H002', village: '西村', name: '赵六', id_number: ZHAO })],
        vehicles: [car(ZHANG), car(ZHANG, { plate: '鲁a12345' }), car(ZHAO, { name: '赵六', plate: '' }), car(ZHAO, { name: '赵六', plate: '' })],
      },
      expected: [
        { subject_id: ZHANG, evidence: ['计入的机动车 1 辆：', 'vehicles.csv 第2行', 'vehicles.csv 第3行'] },
        { subject_id: ZHAO, household_id: 'H002', evidence: ['计入的机动车 2 辆：'] },
      ],
    },
    {
      name: 'a status like 达到报废标准 is not a deregistration; the list spells the owner differently',
      rows: { roll: couple, vehicles: [car(ZHANG, { status: '达到报废标准', name: '張叁' })] },
      expected: [{ subject_id: ZHANG, evidence: ['状态 达到报废标准', '名单姓名「張叁」，需核实身份'] }],
    },
    {
      // The words are matched as plain text: as a pattern, '.*' would exempt every vehicle.
      name: 'exemptTypes are plain words, not patterns: a configured \'.*\' exempts nothing here',
      config: { checks: { 'over_asset.vehicle': { params: { exemptTypes: ['.*'] } } } },
      rows: { roll: couple, vehicles: [car(ZHANG)] },
      expected: [{ subject_id: ZHANG, evidence: ['张三：小型轿车 鲁A12345'] }],
    },
    {
      name: 'codes of counted vehicles and of states that keep them registered: K33 with GQ (违法未处理, 逾期未检验), 号牌种类 02 with A',
      rows: { roll: couple, vehicles: [car(ZHANG, { vehicle_type: 'K33', status: 'GQ' }), car(LI, { plate: '鲁B67890', vehicle_type: '02', status: 'A' })] },
      expected: [{
        subject_id: LI,
        evidence: ['计入的机动车 2 辆', '李四：小型汽车（号牌种类 02） 鲁B67890，状态 正常（A）', '张三：小型轿车（K33） 鲁A12345，状态 违法未处理、逾期未检验（GQ）'],
      }],
    },
    {
      name: 'code E dated in P: still counted, the code beside its meaning; an unknown letter run stays as written',
      rows: { roll: couple, vehicles: [car(ZHANG, { vehicle_type: 'H17', status: 'E', deregistered_on: '2026-10-08' }), car(LI, { plate: '鲁B67890', status: 'EX' })] },
      expected: [{ subject_id: LI, evidence: ['重型货车（H17） 鲁A12345，状态 注销（E），注销日期 2026-10-08（不早于本期首日，仍计入）', '小型轿车 鲁B67890，状态 EX'] }],
    },
    {
      name: 'exemptTypes configured as an empty list: a motorcycle counts too',
      config: { checks: { 'over_asset.vehicle': { params: { exemptTypes: [] } } } },
      rows: { roll: couple, vehicles: [car(ZHANG, { vehicle_type: '普通二轮摩托车' })] },
      expected: [{ subject_id: ZHANG, evidence: ['张三：普通二轮摩托车'] }],
    },
    {
      name: 'one finding per household: H002 too',
      rows: {
        roll: [...couple, rollRow({ household_id: 'H002', village: '西村', name: '赵六', id_number: ZHAO })],
        vehicles: [car(ZHANG), car(ZHAO, { name: '赵六', plate: '鲁C11111', vehicle_type: '小型越野客车' })],
      },
      expected: [{ subject_id: ZHANG, household_id: 'H001' }, { subject_id: ZHAO, household_id: 'H002', village: '西村', evidence: ['赵六：小型越野客车 鲁C11111'] }],
    },
  ],
});

describe('over_asset.vehicle finding id', () => {
  const rows: Rows = { roll: couple, vehicles: [car(ZHANG), car(LI, { plate: '鲁B67890' }), car(OTHER_ZHANG, { plate: '鲁B00001' })] };
  const ids = async (given: Rows) => (await findingsFor(findCheck('over_asset.vehicle')!, given)).map((f) => f.finding_id);

  it('does not depend on the order of the roll or the vehicle list', async () => {
    const asGiven = await ids(rows);
    expect(asGiven).toHaveLength(1);
    expect(await ids({ roll: [...rows.roll!].reverse(), vehicles: [...rows.vehicles!].reverse() })).toEqual(asGiven);
  });
});
