// over_asset.property and a negated 房屋用途 (非营业用房, 非商业用房): no shop, and no home either, but a usage to verify;
// and the load's warning of unknown usages, which reads usages as the check does, by the county's word lists. Until
// 2026-12-07 a 非营业用房 held 营业 and was a false high finding, and a word a county added to its lists was counted by
// the check yet still warned of as unknown (the warning read the default lists).
import { describe, expect, it } from 'vitest';
import { NON_RESIDENTIAL_USAGES, RESIDENTIAL_USAGES } from '../../scanner/normalise/category-words.ts';
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
const home = (id: string, usage = '住宅') =>
  ({ id_number: id, name: id === LI ? '李四' : '张三', address: `城关镇东村${++number}号`, usage, area_m2: '88.5', registered_on: '2015-06-01' });

testCheck('over_asset.property', {
  valid: [
    {
      name: 'a 住宅 beside a 非营业用房, a 非商业用房, a 非经营性用房 and a 非营业性用房: one home, no shop',
      rows: { roll: couple, properties: [home(ZHANG), home(LI, '非营业用房'), home(LI, '非商业用房'), home(ZHANG, '非经营性用房'), home(ZHANG, '非营业性用房')] },
    },
    {
      name: 'a 非营业用房 on commercial land (商服用地/非营业用房): the house\'s use says no shop',
      rows: { roll: couple, properties: [home(ZHANG), home(LI, '商服用地/非营业用房')] },
    },
  ],
  invalid: [
    {
      name: 'a negated ignored word names no garage: 住宅（无车库） is a home, a second one beside the 住宅',
      rows: { roll: couple, properties: [home(ZHANG), home(LI, '住宅（无车库）')] },
      expected: [{ subject_id: LI, evidence: ['住宅 2 套（上限 1 套）：', '李四：住宅(无车库)'] }],
    },
    {
      name: 'a negation before another word keeps the usage the value names: 非住宅（商业） is a shop, 住宅（非营业） a home',
      rows: { roll: couple, properties: [home(ZHANG, '非住宅（商业）'), home(LI, '住宅'), home(LI, '住宅（非营业）')] },
      expected: [{ subject_id: LI, evidence: ['住宅 2 套（上限 1 套），商业/办公等非住宅用房 1 处', '张三：非住宅(商业)', '李四：住宅(非营业)'] }],
    },
    {
      name: 'a word a county lists that begins with a negation (非住宅 among its nonResidentialUsages) is still that word',
      config: { checks: { 'over_asset.property': { params: { nonResidentialUsages: ['商业', '非住宅'] } } } },
      rows: { roll: couple, properties: [home(ZHANG, '非住宅')] },
      expected: [{ subject_id: ZHANG, evidence: ['住宅 0 套（上限 1 套），商业/办公等非住宅用房 1 处', '张三：非住宅'] }],
    },
  ],
});

const UNKNOWN_USAGE_WARNING = (rows: number, values: string) => `房屋用途不是住宅、商业、办公、工业等可识别用途（也不是车库、车位等不计用途）的 ${rows} 行未计入房产核查（${values}），`
  + '请核实实际用途；确属住宅或商业等用途的，请在配置中为 over_asset.property 的 residentialUsages 或 nonResidentialUsages 加上该用途后重新扫描';
const HEADER = '权利人,权利人证件号码,坐落,房屋用途,建筑面积,登记日期,权利状态';
const usageWarnings = (summary: { warnings: { message: string }[] }) =>
  summary.warnings.filter((warning) => warning.message.startsWith('房屋用途不是')).map((warning) => warning.message);

describe('a 不动产 list through the CLI: negated usages and the county\'s word lists', () => {
  it('counts a 非营业用房 or 非商业用房 as no shop, and names it in the warning of usages to verify', async () => {
    const properties = [
      HEADER,
      `张大山,${PEOPLE.zhang},东村1号,住宅,90,2015-01-01,现势`,
      `王小明,${PEOPLE.wang},西村2号,非营业用房,60,2018-01-01,现势`,
      `王小明,${PEOPLE.wang},西村3号,非商业用房,40,2018-01-01,现势`,
      `王小明,${PEOPLE.wang},西村4号,住宅,80,2012-01-01,现势`,
    ].join('\n') + '\n';
    const { findings, summary } = await scanInput({ '低保花名册.csv': rollCsv(), '不动产登记信息.csv': properties });
    expect(findings.filter((finding) => finding('check_id') === 'over_asset.property').map((finding) => finding('evidence'))).toEqual([]);
    expect(usageWarnings(summary)).toEqual([UNKNOWN_USAGE_WARNING(2, '非商业用房 1 行、非营业用房 1 行')]);
  });

  it('warns of usages by the lists the county\'s config gives the check: a word it adds is counted, not warned of', async () => {
    const config = {
      standards: { default: { urban: 900, rural: 700 } },
      checks: {
        'over_asset.property': {
          params: {
            residentialUsages: [...RESIDENTIAL_USAGES, '平房'],
            // A county that takes 营业 off its list: its 营业用房 counts as nothing, and is warned of.
            nonResidentialUsages: NON_RESIDENTIAL_USAGES.filter((word) => word !== '营业'),
          },
        },
      },
    };
    const properties = [
      HEADER,
      `王小明,${PEOPLE.wang},西村2号,平房,60,2018-01-01,现势`,
      `王小明,${PEOPLE.wang},西村4号,住宅,80,2012-01-01,现势`,
      `张大山,${PEOPLE.zhang},东村1号,营业用房,90,2015-01-01,现势`,
    ].join('\n') + '\n';
    const { findings, summary } = await scanInput({ '低保花名册.csv': rollCsv(), '不动产登记信息.csv': properties }, config);
    expect(findings.filter((finding) => finding('check_id') === 'over_asset.property').map((finding) => [finding('name'), finding('evidence')!.split('：')[0]]))
      .toEqual([['王小明', '住宅 2 套（上限 1 套）']]);
    expect(usageWarnings(summary)).toEqual([UNKNOWN_USAGE_WARNING(1, '营业用房 1 行')]);
  });
});
