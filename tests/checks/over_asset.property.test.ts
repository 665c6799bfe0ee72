// over_asset.property: more than maxResidential homes, or any commercial/office/industrial property, per household.
import { describe, expect, it } from 'vitest';
import { findCheck } from '../../scanner/engine/registry.ts';
import { findingsFor, testCheck, type Rows } from '../support/check-tester.ts';
import { validId } from './id-numbers.ts';
import { rollRow } from './roll-rows.ts';

const ZHANG = validId('110101', '19600307', '451');
const LI = validId('110101', '19580612', '232');
const OTHER_ZHANG = validId('110101', '19451208', '519');

/** H001 in 东村: 张三 (head) and 李四 (spouse; the lower ID). */
const couple = [rollRow({ name: '张三', id_number: ZHANG }), rollRow({ name: '李四', id_number: LI, relation: '配偶' })];
let number = 0;
const home = (id: string, usage = '住宅', overrides: Record<string, string> = {}) =>
  ({ id_number: id, name: id === LI ? '李四' : '张三', address: `城关镇东村${++number}号`, usage, area_m2: '88.5', registered_on: '2015-06-01', ...overrides });

testCheck('over_asset.property', {
  valid: [
    {
      name: 'one 住宅 plus 车库, 车位, 储藏室 and a 住宅车库 (ignored usages)',
      rows: { roll: couple, properties: [home(ZHANG), home(ZHANG, '车库'), home(LI, '车位'), home(LI, '储藏室'), home(ZHANG, '住宅车库')] },
    },
    {
      name: 'one home held jointly: both spouses listed for the same 坐落, usage and area',
      rows: { roll: couple, properties: [home(ZHANG, '住宅', { address: '城关镇东村8号' }), home(LI, '住宅', { address: '城关镇东村8号' })] },
    },
    { name: 'a namesake with another ID holds a 商业 property', rows: { roll: couple, properties: [home(ZHANG), home(OTHER_ZHANG, '商业')] } },
    {
      name: 'the 商业 holder\'s roll row is 停保',
      rows: { roll: [couple[0]!, rollRow({ name: '李四', id_number: LI, relation: '配偶', status: '停保' })], properties: [home(LI, '商业')] },
    },
    {
      name: 'a second home sold, or a shop whose right ended: the 不动产 list\'s 历史 and 注销 records are not held',
      rows: {
        roll: couple,
        properties: [home(ZHANG, '住宅', { status: '现势' }), home(LI, '住宅', { status: '历史' }), home(ZHANG, '商业', { status: '已注销' }), home(LI, '办公', { status: '灭失' })],
      },
    },
    {
      name: 'maxResidential 2 from config: two homes allowed',
      config: { checks: { 'over_asset.property': { params: { maxResidential: 2 } } } },
      rows: { roll: couple, properties: [home(ZHANG), home(LI)] },
    },
  ],
  invalid: [
    {
      name: 'head and spouse hold one 住宅 each: 2 > 1, subject the lower ID, both listed',
      rows: { roll: couple, properties: [home(ZHANG, '住宅', { address: '城关镇东村1号' }), home(LI, '住宅', { address: '城关镇东村2号' })] },
      expected: [{
        subject_id: LI, household_id: 'H001', village: '东村',
        evidence: ['住宅 2 套（上限 1 套）：', '李四：住宅 城关镇东村2号 88.50㎡，来源 不动产登记信息（properties.csv 第3行）', '张三：住宅 城关镇东村1号'],
      }],
    },
    {
      name: 'usages written with extra words: 住宅(成套) and 成套住宅 are two homes',
      rows: { roll: couple, properties: [home(ZHANG, '住宅(成套)'), home(ZHANG, '成套住宅')] },
      expected: [{ subject_id: ZHANG, evidence: ['住宅 2 套（上限 1 套）'] }],
    },
    {
      name: 'one home plus a 商业服务 shop: the shop\'s holder is the subject',
      rows: { roll: couple, properties: [home(LI), home(ZHANG, '商业服务')] },
      expected: [{ subject_id: ZHANG, evidence: ['住宅 1 套（上限 1 套），商业/办公等非住宅用房 1 处', '张三：商业服务', '李四：住宅'] }],
    },
    {
      name: 'a home seized or mortgaged (查封, 抵押) or one whose 注销 is pending (未注销) is still held',
      rows: { roll: couple, properties: [home(ZHANG, '住宅', { status: '查封' }), home(LI, '住宅', { status: '抵押' }), home(LI, '商业', { status: '预告登记未注销' })] },
      expected: [{ subject_id: LI, evidence: ['住宅 2 套（上限 1 套），商业/办公等非住宅用房 1 处'] }],
    },
    { name: 'an 办公 property', rows: { roll: couple, properties: [home(LI, '办公')] }, expected: [{ subject_id: LI, evidence: ['李四：办公'] }] },
    { name: 'a 商服 property', rows: { roll: couple, properties: [home(ZHANG, '商服')] }, expected: [{ subject_id: ZHANG, evidence: ['张三：商服'] }] },
    { name: 'an 工业厂房', rows: { roll: couple, properties: [home(ZHANG, '工业厂房')] }, expected: [{ subject_id: ZHANG, evidence: ['张三：工业厂房'] }] },
    {
      // Matched as plain text: as a pattern, 商业(临街) would only match 商业临街.
      name: 'a configured usage word with brackets matches literally',
      config: { checks: { 'over_asset.property': { params: { nonResidentialUsages: ['商业(临街)'] } } } },
      rows: { roll: couple, properties: [home(ZHANG, '商业(临街)用房'), home(LI, '商业临街')] },
      expected: [{ subject_id: ZHANG, evidence: ['非住宅用房 1 处', '张三：商业(临街)用房'] }],
    },
    {
      name: 'a jointly held shop is listed once with its co-owners',
      rows: { roll: couple, properties: [home(ZHANG, '商业', { address: '城关镇东村9号' }), home(LI, '商业', { address: '城关镇东村9号' })] },
      expected: [{ subject_id: LI, evidence: ['非住宅用房 1 处', '李四：商业 城关镇东村9号 88.50㎡（共有人 张三、李四）'] }],
    },
  ],
});

describe('over_asset.property finding id', () => {
  const rows: Rows = { roll: couple, properties: [home(ZHANG), home(LI), home(ZHANG, '车库')] };
  const ids = async (given: Rows) => (await findingsFor(findCheck('over_asset.property')!, given)).map((f) => f.finding_id);

  it('does not depend on the order of the roll or the property list', async () => {
    const asGiven = await ids(rows);
    expect(asGiven).toHaveLength(1);
    expect(await ids({ roll: [...rows.roll!].reverse(), properties: [...rows.properties!].reverse() })).toEqual(asGiven);
  });
});
