// over_asset.business over 市场主体 lists giving the business's own 统一社会信用代码 in the 证件号码 column and the person
// in his role's (法定代表人证件号码, 经营者证件号码). Until 2026-12-06 such a row was refused as an unreadable ID and the
// person went unfound. Now he holds the business, and the code in the 证件号码 tells the business as a 统一社会信用代码
// column's does: a later list closing that code closes his.
import { describe, expect, it } from 'vitest';
import { findCheck } from '../../scanner/engine/registry.ts';
import { findingsFor, testCheck } from '../support/check-tester.ts';
import { creditCode } from '../support/credit-codes.ts';
import { validId } from './id-numbers.ts';
import { rollRow } from './roll-rows.ts';

const ZHANG = validId('110101', '19600307', '451');
const roll = [rollRow({ name: '张三', id_number: ZHANG })];
const CODE = creditCode('92110101MA01ABCD3');
/** 张三's shop as a list writes it: its code in 证件号码, he its 经营者 (raw cells), in the list `file`. */
const shop = (file: string, overrides: Record<string, string> = {}) => ({
  _file: file, id_number: CODE, operator_name: '张三', operator_id_number: ZHANG, business_name: '城关镇张记超市', kind: '个体工商户',
  status: '存续', registered_on: '2019-04-02', ...overrides,
});
const LIST_2025 = '2025年市场主体登记信息.csv';
const LIST_2026_09 = '2026年9月市场主体登记信息.csv';

testCheck('over_asset.business', {
  valid: [
    {
      // The later list gives the code in a 统一社会信用代码 column, the shop renamed: one business, closed.
      name: '存续 in 2025年\'s list (code in 证件号码), 注销 2026-03-15 under the same code, renamed, in 2026年9月\'s',
      rows: {
        roll,
        businesses: [shop(LIST_2025), shop(LIST_2026_09, { id_number: ZHANG, credit_code: CODE, business_name: '城关镇张记便利店', status: '注销', closed_on: '2026-03-15' })],
      },
    },
    { name: 'only the code, no person\'s number: the row names no one', rows: { roll, businesses: [shop(LIST_2025, { operator_id_number: '' })] } },
  ],
  invalid: [
    {
      name: 'the code in 证件号码 beside his 经营者证件号码: he runs the shop',
      rows: { roll, businesses: [shop(LIST_2025)] },
      expected: [{ subject_id: ZHANG, evidence: ['本期存续的市场主体 1 户：张三：城关镇张记超市（个体工商户），本人为经营者，登记状态 存续，登记日期 2019-04-02'] }],
    },
  ],
});

describe('over_asset.business: the code in 证件号码 is the business', () => {
  it('renamed between two lists under one code, the shop is one business, not two', async () => {
    const [finding, ...others] = await findingsFor(findCheck('over_asset.business')!, {
      roll, businesses: [shop(LIST_2025), shop(LIST_2026_09, { business_name: '城关镇张记便利店' })],
    });
    expect(others).toEqual([]);
    expect(finding!.evidence).toMatch(/^本期存续的市场主体 1 户：张三：城关镇张记超市.*张三：城关镇张记便利店/);
  });
});
