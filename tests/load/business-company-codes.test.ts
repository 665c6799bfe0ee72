// A 市场主体 export that writes the business's own 统一社会信用代码 (or old 注册号) in its 证件号码 column and the person
// who runs it in a column of his role (法定代表人证件号码, 经营者身份证号). Until 2026-12-06 each such row was refused as an
// unreadable ID (one data_quality.id-invalid finding per row) and the person beside the code was never looked for. Now
// the code is the business's (credit_code), the role's number its holder's; a row whose only number is the code names
// no one and is refused as out of scope, warned once. Real XLSX (the workbook reader) and GBK CSV files.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { BUSINESS_HOLDERS } from '../../scanner/load/business-holders.ts';
import { creditCode, creditCodeCheck } from '../support/credit-codes.ts';
import { loadDatabase } from '../support/load-database.ts';
import { workbookOf } from '../support/scan-input.ts';
import { rollCsv, validId } from '../support/small-township.ts';

const { rows, loadFolder } = loadDatabase();
const person = (n: number) => validId('371329', '19650101', String(100 + n).padStart(3, '0'));

/** A company's code with letters (most new ones), an older all-digit one, and a 15-digit 注册号. */
const COMPANY = creditCode('91371329MA3C1AB12');
const DIGITS_ONLY = creditCode('91371329163044841');
const REGISTRATION = '371329600012345';
/** person(5) with a wrong check character that is no 统一社会信用代码's either: a person's number, mistyped. */
const MISTYPED = [...'0123456789'].map((last) => person(5).slice(0, 17) + last)
  .find((id) => id !== person(5) && creditCodeCheck(id.slice(0, 17)) !== id[17])!;
const ONLY_CODE = creditCode('92371329MA3C2CD34');
const CODE_BESIDE_NONE = creditCode('92371329MA3C3EF56');

/** Headers as two exports write them: the XLSX the long ones, the GBK CSV the shortened (身份证号). */
const header = (idHeader: string) => ['企业名称', '证件号码', '市场主体类型', '法定代表人', `法定代表人${idHeader}`, '经营者', `经营者${idHeader}`, '登记状态', '成立日期'];
const LIST: string[][] = [
  ['甲商贸有限公司', COMPANY, '有限责任公司', '张一', person(1), '', '', '存续', '2019-01-01'],
  ['乙农资有限公司', DIGITS_ONLY, '有限责任公司', '', '', '王二', person(2), '存续', '2019-01-01'],
  ['丙五金店', REGISTRATION, '个体工商户', '', '', '李三', person(3), '存续', '2009-01-01'],
  // The 证件号码 is a person's number, mistyped: beside the 经营者's readable one the row is his (until 2026-12-06 refused),
  // the mistyped one reported by data_quality.id-invalid.
  ['丁小吃店', MISTYPED, '个体工商户', '', '', '赵五', person(6), '存续', '2019-01-01'],
  // No person's number: the list does not say who runs it.
  ['戊商贸有限公司', ONLY_CODE, '有限责任公司', '钱七', '', '', '', '存续', '2019-01-01'],
  ['己商店', CODE_BESIDE_NONE, '个体工商户', '', '', '孙八', '无', '存续', '2019-01-01'],
];

describe.each([
  ['xlsx', '市场主体登记信息.xlsx', async () => workbookOf('市场主体', [header('证件号码'), ...LIST.map((row) => row.map((cell) => cell || null))]), '市场主体'],
  ['GBK csv', '市场主体登记信息.csv', async () => iconv.encode([header('身份证号'), ...LIST].map((row) => row.join(',')).join('\r\n') + '\r\n', 'gbk'), null],
] as const)('a %s 市场主体 list with the business\'s own code in its 证件号码', (_format, file, content, sheet) => {
  it('reads the code as the business\'s and the role\'s number as its holder; a row naming no one is out of scope, warned once', async () => {
    const result = await loadFolder({ '低保花名册.csv': rollCsv(), [file]: await content() });
    expect(result.datasets.businesses).toMatchObject({ rowsRead: 6, rowsUsed: 4, rowsRejected: 2 });
    expect(await rows(`SELECT _line, id_number, name, holder_role, credit_code FROM ${BUSINESS_HOLDERS} ORDER BY _line`)).toEqual([
      { _line: 2, id_number: person(1), name: '张一', holder_role: '法定代表人', credit_code: COMPANY },
      { _line: 3, id_number: person(2), name: '王二', holder_role: '经营者', credit_code: DIGITS_ONLY },
      { _line: 4, id_number: person(3), name: '李三', holder_role: '经营者', credit_code: REGISTRATION },
      { _line: 5, id_number: person(6), name: '赵五', holder_role: '经营者', credit_code: null },
    ]);
    // The code is no person's: no ID is seen for it (no id-name or id-invalid comparison).
    expect(await rows(`SELECT _line, id_number FROM id_occurrences WHERE dataset = 'businesses' ORDER BY _line`)).toEqual([
      { _line: 2, id_number: person(1) }, { _line: 3, id_number: person(2) }, { _line: 4, id_number: person(3) }, { _line: 5, id_number: person(6) },
    ]);
    const why = (code: string) => `「${code}」是市场主体自身的统一社会信用代码（注册号），不是个人身份证号码；本行没有法定代表人或经营者的身份证号码，未参与比对`;
    expect(await rows(`SELECT _sheet, _line, kind, column_name, raw_value, reason FROM load_rejects WHERE dataset = 'businesses' ORDER BY _line`)).toEqual([
      { _sheet: sheet, _line: 6, kind: 'out-of-scope', column_name: '身份证号码', raw_value: ONLY_CODE, reason: why(ONLY_CODE) },
      { _sheet: sheet, _line: 7, kind: 'out-of-scope', column_name: '身份证号码', raw_value: CODE_BESIDE_NONE, reason: why(CODE_BESIDE_NONE) },
    ]);
    // Once for the list, not once a row.
    expect(result.warnings.filter((warning) => warning.message.includes('统一社会信用代码'))).toEqual([{
      file,
      message: expect.stringContaining('证件号码（身份证号码）列写的是市场主体自身的统一社会信用代码（注册号）、又没有法定代表人或经营者身份证号码的 2 行未参与比对，已列入拒收记录'),
    }]);
  });
});

describe('a 证件号码 that is a person\'s number', () => {
  it('stays his, beside a role\'s number too (two holders), and a list\'s own 统一社会信用代码 column is read before it', async () => {
    await loadFolder({
      '低保花名册.csv': rollCsv(),
      '市场主体.csv': `企业名称,统一社会信用代码,证件号码,法定代表人,法定代表人证件号码,登记状态\n`
        + `甲公司,${COMPANY},${person(1)},张二,${person(2)},存续\n乙公司,${DIGITS_ONLY},${ONLY_CODE},张三,${person(3)},存续\n`,
    });
    expect(await rows(`SELECT _line, id_number, holder_role, credit_code FROM ${BUSINESS_HOLDERS} ORDER BY _line, id_number`)).toEqual([
      { _line: 2, id_number: person(1), holder_role: null, credit_code: COMPANY },
      { _line: 2, id_number: person(2), holder_role: '法定代表人', credit_code: COMPANY },
      { _line: 3, id_number: person(3), holder_role: '法定代表人', credit_code: DIGITS_ONLY },
    ]);
  });
});
