// over_asset.property and the words 不动产 lists write: a house's use as lists name it (商铺, 门面房, 写字楼, 厂房; 住房,
// 别墅, 公寓), a use no list knows (warned of, not dropped silently), and a 权利状态 that ends a charge on the right, not
// the right (现势（抵押已注销）, 现势（注销查封）). Until 2026-12-07 each of those shops and second homes went unfound.
import { describe, expect, it } from 'vitest';
import { describeMacroTable, useNormalisationDatabase } from '../normalise/normalise-test-kit.ts';
import { testCheck } from '../support/check-tester.ts';
import { scanInput } from '../support/scan-input.ts';
import { PEOPLE, rollCsv } from '../support/small-township.ts';
import { validId } from './id-numbers.ts';
import { rollRow } from './roll-rows.ts';

const ZHANG = validId('110101', '19600307', '451');
const LI = validId('110101', '19580612', '232');
/** H001 in 东村: 张三 (head) and 李四 (spouse; the lower ID). */
const couple = [rollRow({ name: '张三', id_number: ZHANG }), rollRow({ name: '李四', id_number: LI, relation: '配偶' })];
let number = 0;
const home = (id: string, usage = '住宅', overrides: Record<string, string> = {}) =>
  ({ id_number: id, name: id === LI ? '李四' : '张三', address: `城关镇东村${++number}号`, usage, area_m2: '88.5', registered_on: '2015-06-01', ...overrides });

const connection = useNormalisationDatabase();

describeMacroTable('rs_right_ended: a charge ended is no right ended', connection, {
  expression: 'rs_right_ended(v)',
  accepted: [
    { input: '注销', expected: true },
    { input: '已注销', expected: true },
    { input: '历史', expected: true },
    { input: '灭失', expected: true },
    { input: '现势（已注销）', expected: true, note: 'the right itself cancelled' },
    { input: '注销（查封）', expected: true, note: 'a bracket between: the 注销 is the right\'s' },
    { input: '历史（查封已解除）', expected: true, note: 'a 历史 record whose seizure was lifted' },
  ],
  rejected: [
    { input: '现势（抵押已注销）', expected: false },
    { input: '现势（注销查封）', expected: false },
    { input: '現勢（抵押已註銷）', expected: false, note: 'traditional characters' },
    { input: '现状(查封已解除)', expected: false },
    { input: '有效，抵押注销', expected: false },
    { input: '抵押 已注销', expected: false, note: 'spaces within a remark' },
    { input: '抵押权已注销', expected: false },
    { input: '预告登记已注销', expected: false },
    { input: '异议登记注销', expected: false },
    { input: '解除限制', expected: false },
    { input: '轮候查封失效', expected: false },
    { input: '现势', expected: false },
    { input: '预告登记未注销', expected: false },
    { input: null, expected: false },
  ],
});

testCheck('over_asset.property', {
  valid: [
    {
      name: 'one 住房 and its 车库, 车位 and 储藏室; a 非住宅',
      rows: { roll: couple, properties: [home(ZHANG, '住房'), home(ZHANG, '车库'), home(LI, '车位'), home(LI, '储藏室'), home(LI, '非住宅')] },
    },
    {
      name: 'the family\'s only dwelling is a 门面 written with 住宅 (住宅（门面）: a 商住)',
      rows: { roll: couple, properties: [home(ZHANG, '住宅（门面）')] },
    },
  ],
  invalid: [
    {
      name: 'a 商铺, a 门面房, a 写字楼 and a 厂房 are each a commercial, office or industrial property',
      rows: { roll: couple, properties: [home(ZHANG, '商铺'), home(LI, '门面房'), home(ZHANG, '写字楼'), home(LI, '厂房')] },
      expected: [{ subject_id: LI, evidence: ['住宅 0 套（上限 1 套），商业/办公等非住宅用房 4 处', '张三：商铺', '李四：门面房', '张三：写字楼', '李四：厂房'] }],
    },
    {
      name: 'a 住宅 beside a 住房, a 别墅 and a 公寓 are four homes',
      rows: { roll: couple, properties: [home(ZHANG), home(LI, '住房'), home(LI, '别墅'), home(ZHANG, '公寓')] },
      expected: [{ subject_id: LI, evidence: ['住宅 4 套（上限 1 套）：', '李四：住房', '李四：别墅', '张三：公寓'] }],
    },
    {
      name: 'a 门面房 on residential land (住宅用地/门面房) is a shop, not a 商住',
      rows: { roll: couple, properties: [home(ZHANG), home(LI, '住宅用地/门面房')] },
      expected: [{ subject_id: LI, evidence: ['住宅 1 套（上限 1 套），商业/办公等非住宅用房 1 处', '李四：住宅用地/门面房'] }],
    },
    {
      name: 'a home mortgaged or seized once (现势（抵押已注销）, 现势（注销查封）) is still held',
      rows: { roll: couple, properties: [home(ZHANG, '住宅', { status: '现势' }), home(LI, '住宅', { status: '现势（注销查封）' }), home(LI, '商业', { status: '现势（抵押已注销）' })] },
      expected: [{ subject_id: LI, evidence: ['住宅 2 套（上限 1 套），商业/办公等非住宅用房 1 处'] }],
    },
    {
      name: 'a county\'s own word list still decides: 门面 listed as a dwelling',
      config: { checks: { 'over_asset.property': { params: { residentialUsages: ['住宅', '门面'] } } } },
      rows: { roll: couple, properties: [home(ZHANG), home(LI, '门面房')] },
      expected: [{ subject_id: LI, evidence: ['住宅 2 套（上限 1 套）：'] }],
    },
  ],
});

describe('a 不动产 list through the CLI: usages as lists write them, and a charge ended', () => {
  it('finds the shop and the second home, keeps the rights whose charge ended, and warns of the usages no list knows', async () => {
    const properties = [
      '权利人,权利人证件号码,坐落,房屋用途,建筑面积,登记日期,权利状态',
      `张大山,${PEOPLE.zhang},东村1号,住宅,90,2015-01-01,现势`,
      `李秀英,${PEOPLE.li},东村9号,别墅,200,2020-01-01,现势（抵押已注销）`,
      `王小明,${PEOPLE.wang},西村2号,门面房,60,2018-01-01,现势（注销查封）`,
      `王小明,${PEOPLE.wang},西村3号,其他,30,2018-01-01,现势`,
      `王小明,${PEOPLE.wang},西村4号,猪圈及车库,30,2018-01-01,现势`,
      `王小明,${PEOPLE.wang},西村5号,车库,20,2018-01-01,现势`,
      `王小明,${PEOPLE.wang},西村6号,住宅,80,2010-01-01,已注销`,
    ].join('\n') + '\n';
    const { findings, summary } = await scanInput({ '低保花名册.csv': rollCsv(), '不动产登记信息.csv': properties });
    expect(findings.map((finding) => [finding('check_id'), finding('name'), finding('evidence')!.split('：')[0]])).toEqual([
      ['over_asset.property', '张大山', '住宅 2 套（上限 1 套）'],
      ['over_asset.property', '王小明', '住宅 0 套（上限 1 套），商业/办公等非住宅用房 1 处'],
    ]);
    expect(summary.datasets.properties).toMatchObject({ rows_read: 7, rows_used: 6, rows_rejected: 1 });
    expect(summary.warnings).toEqual(expect.arrayContaining([
      { file: '不动产登记信息.csv', message: '权利状态为历史、注销等（已不再拥有）的 1 行未计入房产（已注销 1 行），已列入拒收记录' },
      {
        file: '不动产登记信息.csv',
        message: '房屋用途不是住宅、商业、办公、工业等可识别用途（也不是车库、车位等不计用途）的 2 行未计入房产核查（其他 1 行、猪圈及车库 1 行），'
          + '请核实实际用途；确属住宅或商业等用途的，请在配置中为 over_asset.property 的 residentialUsages 或 nonResidentialUsages 加上该用途后重新扫描',
      },
    ]));
  });
});
