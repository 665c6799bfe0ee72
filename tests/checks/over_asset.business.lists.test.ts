// over_asset.business over several 市场主体 lists that name one business differently (存续 in 2025年's, 注销 in 2026年9月's):
// read by the later list, as over_asset.vehicle reads a plate (list-dates.ts dates a list by its file and sheet name).
// One business is one 统一社会信用代码 (or 注册号) of one holder; where the lists give no code, one name. Until 2026-12-06
// each row was read alone: 2025年's 存续 counted, a false finding for a shop closed in March.
import { describe, expect, it } from 'vitest';
import { findCheck } from '../../scanner/engine/registry.ts';
import { findingsFor, testCheck } from '../support/check-tester.ts';
import { validId } from './id-numbers.ts';
import { rollRow } from './roll-rows.ts';

const ZHANG = validId('110101', '19600307', '451');
const LI = validId('110101', '19580612', '232');

/** H001 in 东村: 张三 (head) and 李四 (spouse). */
const couple = [rollRow({ name: '张三', id_number: ZHANG }), rollRow({ name: '李四', id_number: LI, relation: '配偶' })];
const CODE = '92110101MA01ABCD3X';
const OTHER_CODE = '92110101MA01WXYZ5K';
/** 张三's shop as a list names it (raw cells), in the list `file`. */
const shop = (file: string, overrides: Record<string, string> = {}) => ({
  _file: file, id_number: ZHANG, name: '张三', business_name: '城关镇张记超市', credit_code: CODE, kind: '个体工商户', status: '存续',
  registered_on: '2019-04-02', ...overrides,
});
const LIST_2025 = '2025年市场主体登记信息.csv';
const LIST_2026_09 = '2026年9月市场主体登记信息.csv';
const closedInMarch = { status: '注销', closed_on: '2026-03-15' };

testCheck('over_asset.business', {
  valid: [
    { name: '存续 in 2025年\'s list, 注销 2026-03-15 in 2026年9月\'s: the later list is read', rows: { roll: couple, businesses: [shop(LIST_2025), shop(LIST_2026_09, closedInMarch)] } },
    {
      name: 'the lists give no code: one name is one business',
      rows: { roll: couple, businesses: [shop(LIST_2025, { credit_code: '' }), shop(LIST_2026_09, { ...closedInMarch, credit_code: '' })] },
    },
    {
      // The code is the business: renamed, it is the one shop.
      name: 'one code, renamed between the lists (张记超市, then 张记便利店)',
      rows: { roll: couple, businesses: [shop(LIST_2025), shop(LIST_2026_09, { ...closedInMarch, business_name: '城关镇张记便利店', credit_code: ' 92110101ma01abcd3x ' })] },
    },
    {
      name: 'the earlier list without a code, the later one with it: one name, the code the later gives',
      rows: { roll: couple, businesses: [shop(LIST_2025, { credit_code: '/' }), shop(LIST_2026_09, closedInMarch)] },
    },
    {
      name: 'dated by the names\' days (20250630, 2026-09-15), the licence 吊销 by its 吊销日期',
      rows: { roll: couple, businesses: [shop('工商导出20250630.csv'), shop('工商导出2026-09-15.csv', { status: '吊销', revoked_on: '2026-03-15' })] },
    },
    {
      // A list reporting a 注销 of 2026-03-15 speaks of a time after all of 2025.
      name: '存续 in 2025年\'s list, 注销 2026-03-15 in a list whose name states no date',
      rows: { roll: couple, businesses: [shop(LIST_2025), shop('市场主体注销信息.csv', closedInMarch)] },
    },
    {
      name: 'dated by the sheets\' names (2025年, 2026年9月) of one workbook',
      rows: {
        roll: couple,
        businesses: [shop('市场主体登记信息.xlsx', { _sheet: '2025年' }), shop('市场主体登记信息.xlsx', { _sheet: '2026年9月', ...closedInMarch })],
      },
    },
  ],
  invalid: [
    {
      // A 注销 is final: a later list listing the shop 存续 contradicts it; the later is read, for staff to verify.
      name: '注销 2024-01-10 in 2025年\'s list, 存续 in 2026年9月\'s: counted, the earlier record shown, noted 需核实',
      rows: { roll: couple, businesses: [shop(LIST_2025, { status: '注销', closed_on: '2024-01-10' }), shop(LIST_2026_09)] },
      expected: [{
        subject_id: ZHANG,
        evidence: [
          '本期存续的市场主体 1 户：张三：城关镇张记超市（个体工商户），登记状态 注销，登记日期 2019-04-02，注销日期 2024-01-10（较早的名单所记；较新的名单中本期仍存续，以较新的为准，需核实），来源 市场主体登记信息（2025年市场主体登记信息.csv 第2行）；'
            + '张三：城关镇张记超市（个体工商户），登记状态 存续，登记日期 2019-04-02，来源 市场主体登记信息（2026年9月市场主体登记信息.csv 第3行）',
        ],
      }],
    },
    {
      name: 'two lists whose names state no date disagree: counted, both records shown, the 注销 one noted 需核实',
      rows: { roll: couple, businesses: [shop('市场主体登记信息.csv'), shop('市场主体登记信息（补充）.csv', closedInMarch)] },
      expected: [{
        subject_id: ZHANG,
        evidence: [
          '本期存续的市场主体 1 户：',
          '登记状态 存续，登记日期 2019-04-02，来源 市场主体登记信息（市场主体登记信息.csv 第2行）',
          '登记状态 注销，登记日期 2019-04-02，注销日期 2026-03-15（与本市场主体另一条记录不一，无法判断哪条在后，需核实是否已注销），来源',
        ],
      }],
    },
    {
      name: 'two lists whose dates overlap (2026年\'s, 2026年9月\'s) disagree: counted, noted 需核实',
      rows: { roll: couple, businesses: [shop('2026年市场主体登记信息.csv'), shop(LIST_2026_09, { status: '吊销', revoked_on: '2026-03-15' })] },
      expected: [{ subject_id: ZHANG, evidence: ['吊销日期 2026-03-15（与本市场主体另一条记录不一，无法判断哪条在后，需核实是否已吊销）'] }],
    },
    {
      name: 'the later list\'s 注销 is dated in P: still counted',
      rows: { roll: couple, businesses: [shop(LIST_2025), shop('2026年10月市场主体登记信息.csv', { status: '注销', closed_on: '2026-10-08' })] },
      expected: [{ subject_id: ZHANG, evidence: ['本期存续的市场主体 1 户：', '登记状态 注销，登记日期 2019-04-02，注销日期 2026-10-08，来源'] }],
    },
    {
      // Two codes are two businesses, whatever their names: the later list's 注销 closes only its own.
      name: 'one name, two codes: the later list\'s 注销 of the one leaves the other counted',
      rows: { roll: couple, businesses: [shop(LIST_2025), shop(LIST_2026_09, { ...closedInMarch, credit_code: OTHER_CODE })] },
      expected: [{ subject_id: ZHANG, evidence: ['本期存续的市场主体 1 户：张三：城关镇张记超市（个体工商户），登记状态 存续，登记日期 2019-04-02，来源 市场主体登记信息（2025年市场主体登记信息.csv 第2行）'] }],
    },
    {
      name: 'no code, two names: the later list\'s 注销 of another shop leaves this one counted',
      rows: { roll: couple, businesses: [shop(LIST_2025, { credit_code: '' }), shop(LIST_2026_09, { ...closedInMarch, credit_code: '', business_name: '城关镇张记五金店' })] },
      expected: [{ subject_id: ZHANG, evidence: ['本期存续的市场主体 1 户：张三：城关镇张记超市（个体工商户）'] }],
    },
    {
      // One business of one holder: another holder's 注销 of that code says nothing of 张三's.
      name: 'the same code closed by a later list under 李四\'s ID: 张三\'s shop still counts',
      rows: { roll: couple, businesses: [shop(LIST_2025), shop(LIST_2026_09, { ...closedInMarch, id_number: LI, name: '李四' })] },
      expected: [{ subject_id: ZHANG, evidence: ['本期存续的市场主体 1 户：张三：城关镇张记超市（个体工商户），登记状态 存续'] }],
    },
  ],
});

describe('over_asset.business over several lists: the finding\'s fact', () => {
  it('holds only the counted record\'s key, as a single list\'s would, so that an open finding continues', async () => {
    const check = findCheck('over_asset.business')!;
    const [alone] = await findingsFor(check, { roll: couple, businesses: [shop(LIST_2026_09)] });
    const [withOlder] = await findingsFor(check, { roll: couple, businesses: [shop(LIST_2025, { status: '注销', closed_on: '2024-01-10', registered_on: '2019-04-01' }), shop(LIST_2026_09)] });
    expect(alone!.fact).toBe(`business|${ZHANG}:城关镇张记超市:2019-04-02`);
    expect(withOlder!.fact).toBe(alone!.fact);
    expect(withOlder!.finding_id).toBe(alone!.finding_id);
  });
});
