// A reference list's 证件类型 names the document a row's number is of: a company's house or car (统一社会信用代码,
// 组织机构代码), a foreigner's or an officer's (护照, 港澳居民来往内地通行证, 军官证) is no recipient's. Until 2026-12-06
// each such row was a data_quality.id-invalid finding; it is now refused as out of scope, with its reason. The resident's
// own documents, an empty cell, a bare code, and a number that is a readable 居民身份证 number stay in scope.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { loadDatabase } from '../support/load-database.ts';
import { workbookOf } from '../support/scan-input.ts';
import { rollCsv, validId } from '../support/small-township.ts';

const { rows, loadFolder } = loadDatabase();
const person = (n: number) => validId('371329', '19800101', String(100 + n).padStart(3, '0'));
const MISTYPED = person(9).slice(0, 17) + (person(9).endsWith('1') ? '2' : '1');

const HEADER = ['权利人', '权利人证件号码', '证件类型', '坐落', '规划用途'];
const LIST: string[][] = [
  ['临沭县某置业有限公司', '91371329MA3C5T8X2K', '统一社会信用代码', '东村1号', '商业'],
  ['某县国土资源局', '004157123', '组织机构代码', '东村2号', '办公'],
  ['JOHN SMITH', 'E12345678', '护照', '东村3号', '住宅'],
  ['陈大文', 'H1234567801', '港澳居民来往内地通行证', '东村4号', '住宅'],
  ['张一', person(1), '居民身份证', '东村5号', '住宅'],
  ['张二', person(2), '身份证', '东村6号', '住宅'],
  ['张三', person(3), '', '东村7号', '住宅'],
  ['张四', person(4), '中华人民共和国居民身份证', '东村8号', '住宅'],
  // A readable 居民身份证 number beside another document's name: the type is read as miswritten.
  ['张五', person(5), '护照', '东村9号', '住宅'],
  // A code says nothing: an unreadable number beside it is a bad ID, as before.
  ['张六', MISTYPED, '1', '东村10号', '住宅'],
  ['张七', person(7), '户口簿', '东村11号', '住宅'],
];
const csv = [HEADER, ...LIST].map((row) => row.join(',')).join('\n') + '\n';
const WHY = (type: string) => `证件类型为「${type}」，不是居民身份证（单位或持其他证件的人员），未参与比对`;

describe.each([
  ['GBK csv', '不动产登记信息.csv', () => iconv.encode(csv, 'gbk'), null],
  ['xlsx', '不动产登记信息.xlsx', () => workbookOf('登记信息', [HEADER, ...LIST.map((row) => row.map((cell) => cell || null))]), '登记信息'],
] as const)('a %s 不动产 list with a 证件类型 column', (_format, file, content, sheet) => {
  it('refuses the rows of other documents as out of scope, and reads the residents\'', async () => {
    const result = await loadFolder({ '低保花名册.csv': rollCsv(), [file]: await content() });
    expect(result.datasets.properties).toMatchObject({ rowsRead: 11, rowsUsed: 6, rowsRejected: 5 });
    expect(await rows(`SELECT _line, id_type FROM properties ORDER BY _line`)).toEqual([
      { _line: 6, id_type: '居民身份证' }, { _line: 7, id_type: '身份证' }, { _line: 8, id_type: null },
      { _line: 9, id_type: '中华人民共和国居民身份证' }, { _line: 10, id_type: '护照' }, { _line: 12, id_type: '户口簿' },
    ]);
    expect(await rows(`SELECT _file, _sheet, _line, kind, column_name, reason FROM load_rejects WHERE dataset = 'properties' ORDER BY _line`)).toEqual([
      { _file: file, _sheet: sheet, _line: 2, kind: 'out-of-scope', column_name: '证件类型', reason: WHY('统一社会信用代码') },
      { _file: file, _sheet: sheet, _line: 3, kind: 'out-of-scope', column_name: '证件类型', reason: WHY('组织机构代码') },
      { _file: file, _sheet: sheet, _line: 4, kind: 'out-of-scope', column_name: '证件类型', reason: WHY('护照') },
      { _file: file, _sheet: sheet, _line: 5, kind: 'out-of-scope', column_name: '证件类型', reason: WHY('港澳居民来往内地通行证') },
      { _file: file, _sheet: sheet, _line: 11, kind: 'id', column_name: '身份证号码', reason: '身份证号码无法识别：校验码错误' },
    ]);
  });
});

describe('the 证件类型 of other reference lists', () => {
  it('is read by 车管\'s 身份证明名称 and a payroll\'s 证件类型 too', async () => {
    await loadFolder({
      '低保花名册.csv': rollCsv(),
      '机动车登记信息.csv': `机动车所有人,身份证明名称,身份证明号码,车辆类型\n某物流有限公司,统一社会信用代码,91371329MA3C5T8X2K,重型半挂牵引车\n张一,居民身份证,${person(1)},小型轿车\n`,
      '财政供养人员工资.csv': `姓名,证件类型,身份证号码,单位\n李二,军官证,军字第2019123号,某部队\n李三,二代身份证,${person(3)},某中学\n`,
    });
    expect(await rows(`SELECT dataset, _line, kind, reason FROM load_rejects ORDER BY dataset, _line`)).toEqual([
      { dataset: 'payroll', _line: 2, kind: 'out-of-scope', reason: WHY('军官证') },
      { dataset: 'vehicles', _line: 2, kind: 'out-of-scope', reason: WHY('统一社会信用代码') },
    ]);
    expect(await rows(`SELECT 'vehicles' AS dataset, id_number FROM vehicles UNION ALL SELECT 'payroll', id_number FROM payroll ORDER BY 1`)).toEqual([
      { dataset: 'payroll', id_number: person(3) },
      { dataset: 'vehicles', id_number: person(1) },
    ]);
  });
});

// 证件类型 is written every way a system or a clerk spells it. Until 2026-12-06 only a few exact spellings were the
// resident's own document: A:居民身份证 or 身份证(18位) was "another document", and a row whose ID could not be read left
// scope unseen (no data_quality.id-invalid finding). Only a type that names another document refuses a row now.
describe('a 证件类型 written with a code, a bracket or other words', () => {
  const RESIDENT_SPELLINGS = [
    'A:居民身份证', 'A-居民身份证', '01-居民身份证', '居民身份证(A)', '身份证(18位)', '大陆居民身份证', '内地居民身份证',
    '公民身份证', '公民身份号码', '身份证件号码', '二代证', '居民身份證', '无', '其他',
  ];
  const OTHER_SPELLINGS = ['B:护照', '营业执照', '外国人永久居留身份证', '港澳台居民居住证', '台湾居民来往大陆通行证', '02-组织机构代码', '士兵证', '香港身份证'];
  const vehicles = [
    '机动车所有人,身份证明名称,身份证明号码,车辆类型',
    ...[...RESIDENT_SPELLINGS, ...OTHER_SPELLINGS].map((type, i) => `车主${i},${type},${MISTYPED},小型轿车`),
  ].join('\n') + '\n';

  it.each([
    ['GBK csv', '机动车登记信息.csv', () => iconv.encode(vehicles, 'gbk')],
    ['xlsx', '机动车登记信息.xlsx', () => workbookOf('机动车', vehicles.trim().split('\n').map((line) => line.split(',')))],
  ] as const)('keeps a resident\'s document however written in scope, its unreadable ID refused as such (%s)', async (_format, file, content) => {
    await loadFolder({ '低保花名册.csv': rollCsv(), [file]: await content() });
    const rejects = await rows(`SELECT _line, kind, reason FROM load_rejects WHERE dataset = 'vehicles' ORDER BY _line`);
    expect(rejects).toEqual([
      ...RESIDENT_SPELLINGS.map((_type, i) => ({ _line: i + 2, kind: 'id', reason: '身份证号码无法识别：校验码错误' })),
      ...OTHER_SPELLINGS.map((type, i) => ({ _line: RESIDENT_SPELLINGS.length + i + 2, kind: 'out-of-scope', reason: WHY(type) })),
    ]);
  });
});
