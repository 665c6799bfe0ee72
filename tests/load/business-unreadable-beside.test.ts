// A 市场主体 row with an unreadable number (masked 371329********0054, or mistyped) beside a readable one of another
// column. Until 2026-12-06 the row was refused: the holder whose number is readable was never looked for. Now it is kept
// for him, the unreadable number's slot empty (no holder, no ID seen) and the row not listed as refused; a row whose every
// number is unreadable is refused naming each, as before. The unreadable person's name is not given to the readable one.
// Real XLSX (the workbook reader) and GBK CSV files.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { BUSINESS_HOLDERS, UNREADABLE_IDS_OF_KEPT_ROWS } from '../../scanner/load/business-holders.ts';
import { loadDatabase } from '../support/load-database.ts';
import { workbookOf } from '../support/scan-input.ts';
import { rollCsv, validId } from '../support/small-township.ts';

const { rows, loadFolder } = loadDatabase();
const person = (n: number) => validId('371329', '19650101', String(100 + n).padStart(3, '0'));
const masked = (id: string) => id.slice(0, 6) + '********' + id.slice(14);
const MISTYPED = person(8).slice(0, 17) + (person(8).endsWith('1') ? '2' : '1');

const HEADER = ['主体名称', '姓名', '身份证号码', '法定代表人', '法定代表人证件号码', '经营者', '经营者证件号码', '登记状态', '成立日期'];
const LIST: string[][] = [
  // The same person masked as 法定代表人 and readable as 经营者: the row is his, as 经营者.
  ['王五超市', '', '', '王五', masked(person(5)), '王五', person(5), '存续', '2015-08-10'],
  // 周八's plain number masked beside an unnamed 经营者's readable one: 周八 is not the 经营者's name.
  ['庚商店', '周八', masked(person(8)), '', '', '', person(9), '存续', '2019-01-01'],
  // A mistyped 法定代表人 beside a readable plain 身份证号码: the row is the plain number's, his role unsaid.
  ['辛商贸有限公司', '孙七', person(7), '李四', MISTYPED, '', '', '存续', '2019-01-01'],
  // No readable number: refused, each named.
  ['壬商贸有限公司', '', '', '郑十', masked(person(10)), '吴九', MISTYPED, '存续', '2019-01-01'],
];

describe.each([
  ['xlsx', '市场主体登记信息.xlsx', async () => workbookOf('市场主体', [HEADER, ...LIST.map((row) => row.map((cell) => cell || null))]), '市场主体'],
  ['GBK csv', '市场主体登记信息.csv', async () => iconv.encode([HEADER, ...LIST].map((row) => row.join(',')).join('\r\n') + '\r\n', 'gbk'), null],
] as const)('a %s 市场主体 list with an unreadable number beside a readable one', (_format, file, content, sheet) => {
  it('keeps the row for the readable number, lists the unreadable one, and refuses only a row with no readable number', async () => {
    const result = await loadFolder({ '低保花名册.csv': rollCsv(), [file]: await content() });
    expect(result.datasets.businesses).toMatchObject({ rowsRead: 4, rowsUsed: 3, rowsRejected: 1 });
    expect(await rows(`SELECT _line, id_number, name, holder_role FROM ${BUSINESS_HOLDERS} ORDER BY _line, id_number`)).toEqual([
      { _line: 2, id_number: person(5), name: '王五', holder_role: '经营者' },
      { _line: 3, id_number: person(9), name: null, holder_role: '经营者' },
      { _line: 4, id_number: person(7), name: '孙七', holder_role: null },
    ]);
    expect(await rows(`SELECT _line, id_number, name FROM id_occurrences WHERE dataset = 'businesses' ORDER BY _line, id_number`)).toEqual([
      { _line: 2, id_number: person(5), name: '王五' },
      { _line: 3, id_number: person(9), name: null },
      { _line: 4, id_number: person(7), name: '孙七' },
    ]);
    // The kept rows' unreadable numbers, for data_quality.id-invalid, with the readable numbers beside them.
    expect(await rows(`SELECT _sheet, _line, column_name, raw_value, reason, raw_row FROM ${UNREADABLE_IDS_OF_KEPT_ROWS} ORDER BY _line`)).toEqual([
      { _sheet: sheet, _line: 2, column_name: '法定代表人证件号码', raw_value: masked(person(5)), reason: '法定代表人证件号码无法识别：已脱敏（含*号），无法比对', raw_row: person(5) },
      { _sheet: sheet, _line: 3, column_name: '身份证号码', raw_value: masked(person(8)), reason: '身份证号码无法识别：已脱敏（含*号），无法比对', raw_row: person(9) },
      { _sheet: sheet, _line: 4, column_name: '法定代表人证件号码', raw_value: MISTYPED, reason: '法定代表人证件号码无法识别：校验码错误', raw_row: person(7) },
    ]);
    expect(await rows(`SELECT _sheet, _line, kind, column_name, raw_value, reason FROM load_rejects WHERE dataset = 'businesses' ORDER BY _line, column_name`)).toEqual([
      { _sheet: sheet, _line: 5, kind: 'id', column_name: '法定代表人证件号码', raw_value: masked(person(10)), reason: '法定代表人证件号码无法识别：已脱敏（含*号），无法比对' },
      { _sheet: sheet, _line: 5, kind: 'id', column_name: '经营者证件号码', raw_value: MISTYPED, reason: '经营者证件号码无法识别：校验码错误' },
    ]);
  });
});
