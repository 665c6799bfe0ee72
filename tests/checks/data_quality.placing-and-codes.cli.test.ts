// End to end through the real CLI: a township's roll workbook saved by Excel (GB/T 4761 relation codes in number cells,
// households numbered per village, short 行政区划代码, an ID written 无), a death list naming recipients by IDs in the forms
// the loader accepts, and a cadre roster row with a bad ID. Until 2026-12-06: every household without a head, the
// villages' 001 read as one household, a finding per person for the code, the refused rows in 未关联乡镇.
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { scanInput } from '../support/scan-input.ts';
import { fullWidth, legacyId, upgradeLegacyId, validId, wrongCheckId } from './id-numbers.ts';

const HEADER = ['乡镇', '村', '行政区划代码', '家庭编号', '姓名', '身份证号码', '与户主关系', '救助类别', '月保障金', '保障状态'];
const ZHANG = validId('371329', '19700101', '011');
const LI = validId('371329', '19720202', '022');
const SON = validId('371329', '20050303', '031');
const OLD_WANG = legacyId('371329', '500707', '071');
const SUN = validId('371329', '19810505', '055');
const SUN_WIFE = validId('371329', '19820606', '066');
const CADRE_BAD = wrongCheckId('371329', '19650101', '011');

type Finding = (column: string) => string | undefined;
let findings: Finding[] = [];
const of = (check: string) => findings.filter((f) => f('check_id') === check);

beforeAll(async () => {
  const east = [
    HEADER,
    // Excel kept 02 户主 as 2 and 01 本人 as 1 in the number cells of a column of two-digit codes.
    ['店头镇', '东村', '371329', '001', '张三', ZHANG, 2, '农村低保', 2100, '在保'],
    ['店头镇', '东村', '371329', '001', '李秀英', LI, 10, '农村低保', null, '在保'],
    ['店头镇', '东村', '371329110', '001', '张小明', SON, 20, '农村低保', null, '在保'],
    ['店头镇', '东村', '371329110003', '002', '王老汉', upgradeLegacyId(OLD_WANG), 1, '农村低保', 700, '在保'],
    ['店头镇', '东村', '371329110003', '003', '周无证', '无', 1, '农村低保', 700, '在保'],
  ];
  // 西村 numbers its households from 001 too: another family.
  const west = [
    HEADER,
    ['店头镇', '西村', '371329110004', '001', '孙大', SUN, 2, '农村低保', 1400, '在保'],
    ['店头镇', '西村', '371329110004', '001', '孙二', SUN_WIFE, 10, '农村低保', null, '在保'],
  ];
  const book = new ExcelJS.Workbook();
  book.addWorksheet('东村').addRows(east);
  book.addWorksheet('西村').addRows(west);
  const workbook = Buffer.from(await book.xlsx.writeBuffer());
  const scan = await scanInput({
    '2026年10月农村低保花名册.xlsx': workbook,
    '死亡人员.csv': [
      '姓名,身份证号码,死亡日期,来源',
      `王老汉,${OLD_WANG},2026-09-31,公安`,
      `孙大,${fullWidth(SUN)},2026/09/,公安`,
      `张三,${ZHANG.slice(0, 6)} ${ZHANG.slice(6, 14)} ${ZHANG.slice(14)},不详,公安`,
    ].join('\n') + '\n',
    '村干部名册.csv': ['姓名,身份证号码,乡镇,村,职务,任职起,任职止', `刘书记,${CADRE_BAD},店头镇,西村,村党支部书记,2021-01-01,`].join('\n') + '\n',
  });
  findings = scan.findings;
}, 240_000);

describe('a township roll workbook, a death list and a cadre roster through the CLI', () => {
  it('reads 2 and 1 in a column of GB/T 4761 codes as heads, and tells the villages\' 001 apart by them', () => {
    expect(of('data_quality.household-no-head').map((f) => f('evidence'))).toEqual([]);
    expect(of('data_quality.household-split').map((f) => f('evidence'))).toEqual([]);
  });

  it('places refused death-list rows naming recipients by a 15-digit, full-width or spaced ID in their villages', () => {
    const placed = of('data_quality.bad-row').map((f) => [f('name'), f('village'), f('household_id')]).sort();
    expect(placed).toEqual([['孙大', '西村', '001（西村）'], ['张三', '东村', '001（东村）'], ['王老汉', '东村', '002']].sort());
  });

  it('reads a county\'s, a township\'s code as no bad value', () => {
    expect(of('data_quality.bad-value').map((f) => f('evidence'))).toEqual([]);
  });

  it('places a roster row with an invalid ID in the village it names', () => {
    expect(of('data_quality.id-invalid').map((f) => [f('township'), f('village'), f('source_file')])).toEqual([['店头镇', '西村', '村干部名册.csv']]);
  });

  it('reports an ID written 无 as missing', () => {
    expect(of('data_quality.missing-field').map((f) => [f('name'), f('evidence')])).toEqual([
      ['周无证', expect.stringContaining('必填项为空：身份证号码（身份证号码写作「无」）')],
    ]);
  });
});
