// A 市场主体 export with a 法定代表人 and a 经营者 column each (a company fills the first, an 个体工商户 the second, a
// row may fill both): until 2026-12-06 such a file stopped the scan as a duplicated header. Each row is read per role:
// every person it names by ID holds the business, with the name and role of his column; a row naming none is refused as
// before, and a row whose every ID is unreadable is refused naming each (one beside a readable ID is kept for that one). Real CSV (DuckDB's reader) and XLSX files.
import { describe, expect, it } from 'vitest';
import { BUSINESS_HOLDERS } from '../../scanner/load/business-holders.ts';
import { loadDatabase } from '../support/load-database.ts';
import { workbookOf } from '../support/scan-input.ts';
import { rollCsv, validId } from '../support/small-township.ts';

const { rows, loadFolder } = loadDatabase();
const person = (n: number) => validId('371329', '19650101', String(100 + n).padStart(3, '0'));
/** person(8) with its check character changed: not a number anyone holds. */
const MISTYPED = person(8).slice(0, 17) + (person(8).endsWith('1') ? '2' : '1');

const HEADER = ['主体名称', '市场主体类型', '法定代表人', '法定代表人证件号码', '经营者', '经营者证件号码', '登记状态', '成立日期'];
const LIST: string[][] = [
  ['甲商贸有限公司', '有限责任公司', '张一', person(1), '', '', '存续', '2019-01-01'],
  ['王二便利店', '个体工商户', '', '', '王二', person(2), '存续', '2019-01-01'],
  ['丙商贸有限公司', '有限责任公司', '张三', person(3), '李四', person(4), '存续', '2019-01-01'],
  ['赵五理发店', '个体工商户', '赵五', person(5), '赵五', person(5), '存续', '2019-01-01'],
  ['钱六小吃店', '个体工商户', '钱六', '', '钱六', '', '存续', '2019-01-01'],
  ['孙七五金店', '个体工商户', '', '/', '孙七', person(7), '存续', '2019-01-01'],
  ['庚商贸有限公司', '有限责任公司', '周八', MISTYPED, '吴九', person(9), '存续', '2019-01-01'],
  ['辛记饭店', '个体工商户', '', '无', '', '', '存续', '2019-01-01'],
];
const csv = [HEADER, ...LIST].map((row) => row.join(',')).join('\n') + '\n';

const holders = () => rows(`SELECT _line, id_number, name, holder_role FROM ${BUSINESS_HOLDERS} ORDER BY _line, id_number`);

describe.each([
  ['csv', '市场主体登记信息.csv', async () => csv, null],
  ['xlsx', '市场主体登记信息.xlsx', async () => workbookOf('市场主体', [HEADER, ...LIST.map((row) => row.map((cell) => cell || null))]), '市场主体'],
] as const)('a %s 市场主体 list naming 法定代表人 and 经营者 in columns of their own', (format, file, content, sheet) => {
  it('is read per row: each person it names by ID holds the business, under his role\'s name; every row used or refused', async () => {
    const result = await loadFolder({ '低保花名册.csv': rollCsv(), [file]: await content() });
    expect(result.datasets.businesses).toMatchObject({ rowsRead: 8, rowsUsed: 6, rowsRejected: 2 });
    // Both readers: DuckDB's for the CSV (no duplicated header sends it to the careful one), the workbook's for the XLSX.
    expect(result.files.find((report) => report.file === file)?.reader).toBe(format === 'csv' ? 'duckdb' : undefined);
    expect(await holders()).toEqual([
      { _line: 2, id_number: person(1), name: '张一', holder_role: '法定代表人' },
      { _line: 3, id_number: person(2), name: '王二', holder_role: '经营者' },
      { _line: 4, id_number: person(3), name: '张三', holder_role: '法定代表人' },
      { _line: 4, id_number: person(4), name: '李四', holder_role: '经营者' },
      { _line: 5, id_number: person(5), name: '赵五', holder_role: '法定代表人、经营者' },
      // The 法定代表人's ID written / on an 个体工商户's row is none: the row is its 经营者's.
      { _line: 7, id_number: person(7), name: '孙七', holder_role: '经营者' },
      // The 法定代表人's number mistyped beside the 经营者's readable one: the row is the 经营者's (until 2026-12-06 refused).
      { _line: 8, id_number: person(9), name: '吴九', holder_role: '经营者' },
    ]);
    // Each ID with its own name, for the comparisons across lists (data_quality.id-name-conflict).
    expect(await rows(`SELECT _line, id_number, name FROM id_occurrences WHERE dataset = 'businesses' ORDER BY _line, id_number, name`)).toEqual([
      { _line: 2, id_number: person(1), name: '张一' },
      { _line: 3, id_number: person(2), name: '王二' },
      { _line: 4, id_number: person(3), name: '张三' },
      { _line: 4, id_number: person(4), name: '李四' },
      { _line: 5, id_number: person(5), name: '赵五' },
      { _line: 5, id_number: person(5), name: '赵五' },
      { _line: 7, id_number: person(7), name: '孙七' },
      { _line: 8, id_number: person(9), name: '吴九' },
    ]);
    expect(await rows(`SELECT _file, _sheet, _line, kind, column_name, raw_value, reason FROM load_rejects WHERE dataset = 'businesses' ORDER BY _line`)).toEqual([
      // Neither filled: as a list's row without its one ID.
      { _file: file, _sheet: sheet, _line: 6, kind: 'value', column_name: '身份证号码', raw_value: null, reason: '身份证号码为空' },
      // Written as none with nothing beside it: a row without an ID, saying what was written (until 2026-12-06 an
      // unreadable ID, 含非法字符).
      { _file: file, _sheet: sheet, _line: 9, kind: 'value', column_name: '身份证号码', raw_value: null, reason: '身份证号码为空（法定代表人证件号码写作「无」）' },
    ]);
  });
});

describe('a 市场主体 list\'s names beside its IDs', () => {
  it('gives an ID a name only where it is surely his: his role\'s, or the row\'s only one where the row names one person', async () => {
    await loadFolder({
      '低保花名册.csv': rollCsv(),
      // 法定代表人 beside a plain 身份证号码: his ID, and so his role.
      '市场主体1.csv': `主体名称,法定代表人,身份证号码,登记状态\n甲公司,张一,${person(1)},存续\n`,
      // A 姓名 beside the one 经营者证件号码.
      '市场主体2.csv': `主体名称,姓名,经营者证件号码,登记状态\n乙店,王二,${person(2)},存续\n`,
      // A 姓名 beside two persons' IDs is neither's; so are two roles' names beside one plain ID, whose role is unknown.
      '市场主体3.csv': `主体名称,姓名,法定代表人证件号码,经营者证件号码,登记状态\n丙公司,张三,${person(3)},${person(4)},存续\n`,
      '市场主体4.csv': `主体名称,法定代表人,经营者,身份证号码,登记状态\n丁公司,赵五,钱六,${person(5)},存续\n戊店,,孙七,${person(6)},存续\n`,
    });
    expect(await holders()).toEqual([
      { _line: 2, id_number: person(1), name: '张一', holder_role: '法定代表人' },
      { _line: 2, id_number: person(2), name: '王二', holder_role: '经营者' },
      { _line: 2, id_number: person(3), name: null, holder_role: '法定代表人' },
      { _line: 2, id_number: person(4), name: null, holder_role: '经营者' },
      { _line: 2, id_number: person(5), name: null, holder_role: null },
      { _line: 3, id_number: person(6), name: '孙七', holder_role: '经营者' },
    ]);
    expect(await rows(`SELECT id_number, name FROM id_occurrences WHERE dataset = 'businesses' ORDER BY id_number`)).toEqual(
      [['张一'], ['王二'], [null], [null], [null], ['孙七']].map(([name], i) => ({ id_number: person(i + 1), name })),
    );
  });
});
