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
/** A row of a 不动产 list that has no 坐落 column at all. */
const unaddressed = (id: string, usage = '住宅', overrides: Record<string, string> = {}) => {
  const { address: _address, ...row } = home(id, usage, overrides);
  return row;
};

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
    {
      // The row alone cannot say whose home it is: two rows that agree on all they say may be one co-owned home.
      name: 'one home held jointly, the list without 坐落: both spouses with the same usage, area and registration date',
      rows: { roll: couple, properties: [unaddressed(ZHANG), unaddressed(LI)] },
    },
    {
      name: 'one home held jointly, the list without 坐落: one co-owner\'s row has no 建筑面积, the other no 登记日期',
      rows: { roll: couple, properties: [unaddressed(ZHANG, '住宅', { area_m2: '' }), unaddressed(LI), unaddressed(ZHANG, '成套住宅', { registered_on: '' })] },
    },
    {
      name: 'one home held jointly: one co-owner\'s row at the same 坐落 has no 建筑面积',
      rows: { roll: couple, properties: [home(ZHANG, '住宅', { address: '城关镇东村8号' }), home(LI, '住宅', { address: '城关镇东村8号', area_m2: '' })] },
    },
    {
      name: 'one home held jointly: 成套住宅 on one co-owner\'s row, 住宅 on the other\'s',
      rows: { roll: couple, properties: [home(ZHANG, '住宅', { address: '城关镇东村8号' }), home(LI, '成套住宅', { address: '城关镇东村8号' })] },
    },
    {
      // A spouse added to the title later is registered later: where both rows give the 坐落, the date tells nothing.
      name: 'one home held jointly: the same 坐落 and area registered on different dates',
      rows: { roll: couple, properties: [home(ZHANG, '住宅', { address: '城关镇东村8号' }), home(LI, '住宅', { address: '城关镇东村8号', registered_on: '2021-03-02' })] },
    },
    {
      // Until 2026-12-02 each was counted a second home: 非住宅 and 住宅附属用房 hold the word 住宅.
      name: 'one 住宅 beside a 非住宅 and a 住宅附属用房',
      rows: { roll: couple, properties: [home(ZHANG), home(ZHANG, '非住宅'), home(LI, '住宅附属用房')] },
    },
    {
      // Until 2026-12-02 住宅 2 套: with one 坐落 missing, the later date (the spouse added to the title) kept them apart.
      name: 'one home held jointly: the co-owner\'s row without 坐落, registered later, the same area',
      rows: { roll: couple, properties: [home(ZHANG, '住宅', { address: '城关镇东村8号', registered_on: '2010-01-01' }), home(LI, '住宅', { address: '', registered_on: '2015-06-01' })] },
    },
    {
      // Written against the usage, the word names what the property is: a garage of a residential building.
      name: 'one 住宅 beside a 住宅（车库） and a 车位及储藏室; the home held jointly, one co-owner\'s row naming its garage (住宅及车库)',
      rows: {
        roll: couple,
        properties: [home(ZHANG, '住宅', { address: '城关镇东村8号' }), home(LI, '住宅及车库', { address: '城关镇东村8号' }), home(LI, '住宅（车库）'), home(ZHANG, '车位及储藏室')],
      },
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
      // Until 2026-12-03 住宅 2 套: the 坐落 were compared as written.
      name: 'one home held jointly: the 坐落 in traditional characters on one co-owner\'s row (張莊鎮東村3號), simplified on the other\'s',
      rows: { roll: couple, properties: [home(ZHANG, '住宅', { address: '張莊鎮東村3號' }), home(LI, '住宅', { address: '张庄镇东村3号' })] },
    },
    {
      name: 'one home held jointly: full-width digits and spaces on one co-owner\'s row (张庄镇东村３号), half-width on the other\'s',
      rows: { roll: couple, properties: [home(ZHANG, '住宅', { address: '张庄镇东村　３号' }), home(LI, '住宅', { address: '张庄镇东村3号' })] },
    },
    {
      // A dwelling that may also be a shop is a home: the family's only one is within the limit.
      name: 'the family\'s only dwelling is 商住 (商住两用, 商住楼), held jointly',
      rows: { roll: couple, properties: [home(ZHANG, '商住两用', { address: '城关镇人民路8号' }), home(LI, '商住楼', { address: '城关镇人民路8号' }), home(LI, '商住车库')] },
    },
    {
      // Until 2026-12-03 its 商业 came first: the family's only dwelling was a high finding by itself.
      name: 'the family\'s only dwelling names 住宅 and 商业 together (商业住宅, 住宅（商业）), held jointly',
      rows: { roll: couple, properties: [home(ZHANG, '商业住宅', { address: '城关镇人民路8号' }), home(LI, '住宅（商业）', { address: '城关镇人民路8号' })] },
    },
    {
      // The land's use before the house's: 商服用地/住宅 is a home on commercial land, the family's only one.
      name: 'the family\'s only dwelling written 土地用途/房屋用途 (商服用地/住宅, 城镇住宅用地/成套住宅), held jointly',
      rows: { roll: couple, properties: [home(ZHANG, '商服用地/住宅', { address: '城关镇人民路8号' }), home(LI, '城镇住宅用地／成套住宅', { address: '城关镇人民路8号' })] },
    },
    {
      name: 'the family\'s only dwelling is a 商品住宅 (商品 is no 商业)',
      rows: { roll: couple, properties: [home(ZHANG, '商品住宅')] },
    },
    {
      name: 'maxResidential 2 from config: two homes allowed',
      config: { checks: { 'over_asset.property': { params: { maxResidential: 2 } } } },
      rows: { roll: couple, properties: [home(ZHANG), home(LI)] },
    },
  ],
  invalid: [
    {
      // Until 2026-12-02 商業 was no usage the check knew: the shop was not counted.
      name: 'a commercial property written in traditional characters (商業用房)',
      rows: { roll: couple, properties: [home(ZHANG), home(LI, '商業用房')] },
      expected: [{ subject_id: LI, evidence: ['商业/办公等非住宅用房 1 处', '李四：商業用房'] }],
    },
    {
      name: 'a 非住宅 that names a commercial usage (非住宅（商业）) is one, beside the family\'s home',
      rows: { roll: couple, properties: [home(ZHANG), home(LI, '非住宅（商业）')] },
      expected: [{ subject_id: LI, evidence: ['住宅 1 套（上限 1 套），商业/办公等非住宅用房 1 处', '李四：非住宅(商业)'] }],
    },
    {
      name: 'head and spouse hold one 住宅 each: 2 > 1, subject the lower ID, both listed',
      rows: { roll: couple, properties: [home(ZHANG, '住宅', { address: '城关镇东村1号' }), home(LI, '住宅', { address: '城关镇东村2号' })] },
      expected: [{
        subject_id: LI, household_id: 'H001', village: '东村',
        evidence: ['住宅 2 套（上限 1 套）：', '李四：住宅 城关镇东村2号 88.50㎡，来源 不动产登记信息（properties.csv 第3行）', '张三：住宅 城关镇东村1号'],
      }],
    },
    {
      // The co-owner's row may be either home, not both at once: it joins one of them, and they stay two.
      name: 'the list without 坐落: two homes of different areas, a co-owner\'s row with neither area nor date counted with one of them',
      rows: { roll: couple, properties: [unaddressed(ZHANG), unaddressed(ZHANG, '住宅', { area_m2: '120' }), unaddressed(LI, '住宅', { area_m2: '', registered_on: '' })] },
      expected: [{ subject_id: LI, evidence: ['住宅 2 套（上限 1 套）：', '住宅 88.50㎡ 登记日期 2015-06-01', '住宅 120.00㎡ 登记日期 2015-06-01'] }],
    },
    {
      name: 'the list without 坐落: the same area registered on different dates are two homes, the dates in the evidence',
      rows: { roll: couple, properties: [unaddressed(ZHANG), unaddressed(LI, '住宅', { registered_on: '2019-11-20' })] },
      expected: [{ subject_id: LI, evidence: ['住宅 2 套（上限 1 套）：', '李四：住宅 88.50㎡ 登记日期 2019-11-20', '张三：住宅 88.50㎡ 登记日期 2015-06-01'] }],
    },
    {
      name: 'two 坐落 that differ in more than their characters\' forms (張莊鎮東村3號, 张庄镇东村5号) are two homes',
      rows: { roll: couple, properties: [home(ZHANG, '住宅', { address: '張莊鎮東村3號' }), home(LI, '住宅', { address: '张庄镇东村5号' })] },
      expected: [{ subject_id: LI, evidence: ['住宅 2 套（上限 1 套）：', '李四：住宅 张庄镇东村5号', '张三：住宅 張莊鎮東村3號'] }],
    },
    {
      name: 'one 坐落 with two areas is two homes; a co-owner\'s row there without 建筑面积 adds none',
      rows: {
        roll: couple,
        properties: [home(ZHANG, '住宅', { address: '城关镇西村' }), home(ZHANG, '住宅', { address: '城关镇西村', area_m2: '120' }), home(LI, '住宅', { address: '城关镇西村', area_m2: '' })],
      },
      expected: [{ subject_id: LI, evidence: ['住宅 2 套（上限 1 套）：'] }],
    },
    {
      name: 'usages written with extra words: 住宅(成套) and 成套住宅 are two homes',
      rows: { roll: couple, properties: [home(ZHANG, '住宅(成套)'), home(ZHANG, '成套住宅')] },
      expected: [{ subject_id: ZHANG, evidence: ['住宅 2 套（上限 1 套）'] }],
    },
    {
      // Until 2026-12-07 read whole, as a dwelling and a commercial use together (商住): a home, and no finding.
      name: 'a shop on residential land written 土地用途/房屋用途 (城镇住宅用地/商业服务, 住宅用地 / 商业) is a shop',
      rows: { roll: couple, properties: [home(ZHANG, '城镇住宅用地/商业服务'), home(LI, '住宅用地 / 商业')] },
      expected: [{ subject_id: LI, evidence: ['住宅 0 套（上限 1 套），商业/办公等非住宅用房 2 处', '张三：城镇住宅用地/商业服务', '李四：住宅用地/商业'] }],
    },
    {
      // A house's use the check does not know (商铺, 厂房, 住房): the whole value is read, its land's use deciding.
      name: 'a house\'s use the check does not know after the slash (商服用地/商铺, 工业用地/厂房) is read whole: shops',
      rows: { roll: couple, properties: [home(ZHANG, '商服用地/商铺'), home(LI, '工业用地/厂房')] },
      expected: [{ subject_id: LI, evidence: ['住宅 0 套（上限 1 套），商业/办公等非住宅用房 2 处'] }],
    },
    {
      name: 'a 住宅 and a 住宅用地/住房 (a house\'s use the check does not know, read whole) are two homes',
      rows: { roll: couple, properties: [home(ZHANG), home(LI, '住宅用地/住房')] },
      expected: [{ subject_id: LI, evidence: ['住宅 2 套（上限 1 套）'] }],
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
    {
      // Until 2026-12-03 商住 was no usage the check knew: the second dwelling went uncounted.
      name: 'a 住宅 and a 商住两用 are two homes',
      rows: { roll: couple, properties: [home(ZHANG), home(LI, '商住两用')] },
      expected: [{ subject_id: LI, evidence: ['住宅 2 套（上限 1 套）：', '李四：商住两用 城关镇东村'] }],
    },
    {
      name: 'two 商住 units (商住楼, 商住用房) are two homes',
      rows: { roll: couple, properties: [home(ZHANG, '商住楼'), home(ZHANG, '商住用房')] },
      expected: [{ subject_id: ZHANG, evidence: ['住宅 2 套（上限 1 套）：', '张三：商住楼', '张三：商住用房'] }],
    },
    {
      name: 'a county that counts 商住 as commercial lists it among the non-residential usages',
      config: { checks: { 'over_asset.property': { params: { nonResidentialUsages: ['商业', '办公', '商服', '工业', '商住'] } } } },
      rows: { roll: couple, properties: [home(LI, '商住两用')] },
      expected: [{ subject_id: LI, evidence: ['住宅 0 套（上限 1 套），商业/办公等非住宅用房 1 处', '李四：商住两用'] }],
    },
    {
      // Until 2026-12-03 each was read as 商业: 住宅 1 套 and a shop, never the second home it is.
      name: 'a 住宅 and a dwelling that names 商业 too (商业住宅, 住宅/商业, 商业、住宅, 住宅（商业）) are homes, their usage in the evidence',
      rows: { roll: couple, properties: [home(ZHANG), home(LI, '商业住宅'), home(LI, '住宅/商业'), home(ZHANG, '商业、住宅'), home(ZHANG, '住宅（商业）')] },
      expected: [{ subject_id: LI, evidence: ['住宅 5 套（上限 1 套）：', '李四：商业住宅 城关镇东村', '李四：住宅/商业', '张三：商业、住宅', '张三：住宅(商业)'] }],
    },
    {
      name: 'a county that counts 商住 as commercial has 商业住宅 counted so too',
      config: { checks: { 'over_asset.property': { params: { nonResidentialUsages: ['商业', '办公', '商服', '工业', '商住'] } } } },
      rows: { roll: couple, properties: [home(ZHANG), home(LI, '商业住宅')] },
      expected: [{ subject_id: LI, evidence: ['住宅 1 套（上限 1 套），商业/办公等非住宅用房 1 处', '李四：商业住宅'] }],
    },
    {
      // Until 2026-12-03 商品房 was no usage the check knew: the second home went uncounted.
      name: 'a 住宅, a 商品住宅 and a 商品房 are three homes',
      rows: { roll: couple, properties: [home(ZHANG), home(LI, '商品住宅'), home(LI, '商品房')] },
      expected: [{ subject_id: LI, evidence: ['住宅 3 套（上限 1 套）：', '李四：商品住宅', '李四：商品房'] }],
    },
    {
      // 商品房 says how the title was sold: with 商业 it is a shop, not a 商住.
      name: 'a 商品房（商业） is a shop',
      rows: { roll: couple, properties: [home(ZHANG), home(LI, '商品房（商业）')] },
      expected: [{ subject_id: LI, evidence: ['住宅 1 套（上限 1 套），商业/办公等非住宅用房 1 处', '李四：商品房(商业)'] }],
    },
    {
      // Until 2026-12-05 any 车库, 车位 or 储藏室 in the usage ignored the property: the second home and the shop went uncounted.
      name: 'a garage, parking space or storeroom named beside the usage (住宅（含车库）, 住宅及车位, 住宅、車庫, 商业/储藏室) is the property\'s extra',
      rows: { roll: couple, properties: [home(ZHANG), home(LI, '住宅（含车库）'), home(LI, '住宅及车位'), home(ZHANG, '住宅、車庫'), home(ZHANG, '商业/储藏室')] },
      expected: [{ subject_id: LI, evidence: ['住宅 4 套（上限 1 套），商业/办公等非住宅用房 1 处：', '李四：住宅(含车库)', '李四：住宅及车位', '张三：住宅、車庫', '张三：商业/储藏室'] }],
    },
    { name: 'an 办公 property', rows: { roll: couple, properties: [home(LI, '办公')] }, expected: [{ subject_id: LI, evidence: ['李四：办公'] }] },
    { name: 'a 商服 property', rows: { roll: couple, properties: [home(ZHANG, '商服')] }, expected: [{ subject_id: ZHANG, evidence: ['张三：商服'] }] },
    { name: 'an 工业厂房', rows: { roll: couple, properties: [home(ZHANG, '工业厂房')] }, expected: [{ subject_id: ZHANG, evidence: ['张三：工业厂房'] }] },
    {
      // Until 2026-12-06 none of these held 商业, 办公, 商服 or 工业: the shop, the store or the 农家乐 went uncounted.
      name: '商服 written as its kinds (商务金融, 批发市场, 餐饮, 旅馆, 娱乐) and a 仓储 store, each one',
      rows: { roll: couple, properties: ['商务金融', '批发市场用房', '餐饮', '旅馆', '娱乐', '仓储'].map((usage, i) => home(i % 2 ? LI : ZHANG, usage)) },
      expected: [{ subject_id: LI, evidence: ['住宅 0 套（上限 1 套），商业/办公等非住宅用房 6 处', '张三：商务金融', '李四：批发市场用房', '张三：餐饮', '李四：旅馆', '张三：娱乐', '李四：仓储'] }],
    },
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
  const findings = (given: Rows) => findingsFor(findCheck('over_asset.property')!, given);
  const ids = async (given: Rows) => (await findings(given)).map((f) => f.finding_id);

  it('does not depend on the order of the roll or the property list', async () => {
    const asGiven = await ids(rows);
    expect(asGiven).toHaveLength(1);
    expect(await ids({ roll: [...rows.roll!].reverse(), properties: [...rows.properties!].reverse() })).toEqual(asGiven);
  });

  it('does not depend on the order of the rows that are one home', async () => {
    const merged: Rows = {
      roll: couple,
      properties: [unaddressed(ZHANG), unaddressed(LI, '住宅', { area_m2: '' }), unaddressed(ZHANG, '商业', { area_m2: '30' }), unaddressed(LI, '商业', { area_m2: '30' })],
    };
    const asGiven = await ids(merged);
    expect(asGiven).toHaveLength(1);
    expect(await ids({ roll: [...couple].reverse(), properties: [...merged.properties!].reverse() })).toEqual(asGiven);
  });

  // The ledger carries a finding over by its id: homes told apart before keep the fact they had.
  it('keeps the fact of homes told apart by their rows: 坐落, usage and area; without 坐落, holder, usage, area and date', async () => {
    const [addressed] = await findings({ roll: couple, properties: [home(ZHANG, '住宅', { address: '东村1号' }), home(LI, '住宅', { address: '东村2号' })] });
    expect(addressed!.fact).toBe('property|东村1号|住宅|88.50,东村2号|住宅|88.50');
    const [withoutAddress] = await findings({ roll: couple, properties: [unaddressed(ZHANG), unaddressed(LI, '住宅', { area_m2: '120' })] });
    expect(withoutAddress!.fact).toBe(`property|${LI}|住宅|120.00|2015-06-01,${ZHANG}|住宅|88.50|2015-06-01`);
  });
});
