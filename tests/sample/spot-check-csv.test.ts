// The spot-check CSV on its own: formula-like values neutralised, RFC 4180 quoting, the BOM, masking.
import { describe, expect, it } from 'vitest';
import { csvField, spotCheckCsv, SPOT_CHECK_CSV_HEADER } from '../../scanner/sample/spot-check-csv.ts';
import type { SpotCheckContent } from '../../scanner/sample/spot-check-content.ts';
import { parseCsv, parseCsvRecords } from '../support/parse-csv.ts';

describe('csvField', () => {
  const cases: [string, string][] = [
    ['王阳', '王阳'],
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ['+86', "'+86"],
    ['-3', "'-3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['\rx', `"'\rx"`],
    ['a,b', '"a,b"'],
    ['说"是"', '"说""是"""'],
    ['第一行\n第二行', '"第一行\n第二行"'],
    ['a=b', 'a=b'],
    ['', ''],
  ];
  for (const [value, written] of cases) {
    it(`writes ${JSON.stringify(value)} as ${JSON.stringify(written)}`, () => expect(csvField(value)).toBe(written));
  }
});

describe('spotCheckCsv', () => {
  const content = (unmask: boolean): SpotCheckContent => ({
    sampleId: 'SMP-2026-10-0123456789', period: '2026-10', runId: 'run', seed: 's', villagesRequested: 1, householdsPerVillage: 2,
    drawnBy: '测试员', drawnAt: new Date(0), unmask, villages: [], openFindingsOutsideVillages: 0, placesNotKept: 0,
    households: [{
      drawOrder: 1, township: null, village: '一村', householdId: '3713291102040006', flagged: true,
      summary: { headName: '=cmd|calc', program: '农村低保', activeMembers: 2 },
      members: [
        { name: '=cmd|calc', idNumber: '371329195202145117', relation: '户主', isHead: true, program: '农村低保', monthlyAmountCents: 112000, status: '在保', active: true },
        { name: '王旭飞', idNumber: null, relation: '孙子', isHead: false, program: null, monthlyAmountCents: null, status: '在保', active: true },
      ],
      // About the head (by ID), about 王旭飞 (no ID on the roll: by name), and about a namesake of his with an ID no
      // member has: another person, a row of its own.
      findings: [
        { findingId: 'RS1', name: '=cmd|calc', idNumber: '371329195202145117' },
        { findingId: 'RS2', name: '王旭飞', idNumber: null },
        { findingId: 'RS3', name: '王旭飞', idNumber: '371329200101010018' },
      ] as SpotCheckContent['households'][number]['findings'],
    }],
  });

  it('starts with a BOM, has the header, a row per member with the findings about it, formula-like names neutralised, IDs masked', () => {
    const text = spotCheckCsv(content(false));
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(parseCsvRecords(text)[0]).toEqual([...SPOT_CHECK_CSV_HEADER]);
    const rows = parseCsv(text);
    const household = { 抽样编号: 'SMP-2026-10-0123456789', 抽取顺序: '1', 乡镇: '未关联乡镇', '村(社区)': '一村', 家庭编号: '3713291102040006', 标记: '有问题', 户主: "'=cmd|calc" };
    expect(rows).toEqual([
      { ...household, 姓名: "'=cmd|calc", 身份证号: '371329********5117', 与户主关系: '户主', 保障状态: '在保', 问题编号: 'RS1', 问题对象: "'=cmd|calc 371329********5117" },
      { ...household, 姓名: '王旭飞', 身份证号: '', 与户主关系: '孙子', 保障状态: '在保', 问题编号: 'RS2', 问题对象: '王旭飞' },
      { ...household, 姓名: '', 身份证号: '', 与户主关系: '', 保障状态: '', 问题编号: 'RS3', 问题对象: '王旭飞 371329********0018' },
    ]);
    expect(parseCsv(spotCheckCsv(content(true)))[0]!['身份证号']).toBe('371329195202145117');
  });
});
