// What Excel writes that the XLSX reader once misread, end to end. A cell ending in CR LF (text pasted from another
// system) is stored with Excel's escape, 370481…_x000D_: the ID was no ID and a dead man was missed. A date in
// zh-CN Excel's built-in yyyy"年"m"月"d"日" (numFmt 31) went on as its serial number, read on the 1900 base even in a
// 1904 workbook: a death in August 2026 read as in 2022.
import { describe, expect, it } from 'vitest';
import { handMadeXlsx } from '../read/hand-made-xlsx.ts';
import { scanInput } from '../support/scan-input.ts';
import { PEOPLE, ROLL_HEADER } from '../support/small-township.ts';

/** The serial number of a date in a 1904 workbook (days since 1904-01-01). */
const serial1904 = (date: string) => (Date.parse(`${date}T00:00:00Z`) - Date.UTC(1904, 0, 1)) / 86_400_000;

/** A roll whose every cell is a shared string; the header's 身份证号码 and 王小明's ID end in CR LF, as Excel stores them. */
function rollWorkbook(): Buffer {
  const header = ROLL_HEADER.split(',').map((name) => (name === '身份证号码' ? '身份证号码_x000D_' : name));
  const rows = [
    header,
    ['张庄镇', '东村', 'H001', '张大山', PEOPLE.zhang, '户主', '农村低保', '1400', '在保'],
    ['张庄镇', '西村', 'H002', '王小明', `${PEOPLE.wang}_x000D_\n`, '户主', '农村低保', '700', '在保'],
  ];
  const strings = rows.flat();
  const column = (i: number) => String.fromCharCode(65 + i);
  const xml = rows.map((row, r) => `<row r="${r + 1}">${row.map((_cell, c) => `<c r="${column(c)}${r + 1}" t="s"><v>${r * row.length + c}</v></c>`).join('')}</row>`).join('');
  return handMadeXlsx({ sharedStrings: strings.map((text) => `<si><t xml:space="preserve">${text}</t></si>`), sheets: [{ name: '花名册', xml }] });
}

/** A death list from a 1904 workbook: 张大山's date in numFmt 31 (yyyy"年"m"月"d"日"), 王小明's in 57 (yyyy"年"m"月", shown as a month). */
function deathsWorkbook(): Buffer {
  return handMadeXlsx({
    date1904: '1',
    cellXfs: ['<xf numFmtId="31" fontId="0" applyNumberFormat="1"/>', '<xf numFmtId="57" fontId="0" applyNumberFormat="1"/>'],
    sheets: [{
      name: '死亡人员',
      xml: '<row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c><c r="B1" t="inlineStr"><is><t>身份证号码</t></is></c><c r="C1" t="inlineStr"><is><t>死亡日期</t></is></c></row>'
        + `<row r="2"><c r="A2" t="inlineStr"><is><t>张大山</t></is></c><c r="B2" t="inlineStr"><is><t>${PEOPLE.zhang}</t></is></c><c r="C2" s="1"><v>${serial1904('2026-08-15')}</v></c></row>`
        + `<row r="3"><c r="A3" t="inlineStr"><is><t>王小明</t></is></c><c r="B3" t="inlineStr"><is><t>${PEOPLE.wang}</t></is></c><c r="C3" s="2"><v>${serial1904('2026-09-12')}</v></c></row>`,
    }],
  });
}

describe('what Excel writes, read as Excel shows it', () => {
  it('finds a dead man whose ID ends in an escaped CR LF, by a 1904 workbook\'s dates in zh-CN Excel\'s built-in formats', async () => {
    const { findings } = await scanInput({ '低保花名册.xlsx': rollWorkbook(), '死亡人员.xlsx': deathsWorkbook() });

    const deaths = findings.filter((finding) => finding('check_id') === 'deceased.recipient');
    const evidenceOf = (name: string) => deaths.find((finding) => finding('name') === name)?.('evidence');
    expect(deaths.map((finding) => finding('name')).sort()).toEqual(['张大山', '王小明'].sort());
    expect(evidenceOf('张大山')).toContain('死亡日期 2026-08-15');
    // Shown as 2026年9月: the day the cell holds all the same (read as a month, a column that takes none refused it).
    expect(evidenceOf('王小明')).toContain('死亡日期 2026-09-12');
    expect(findings.filter((finding) => finding('check_id').startsWith('data_quality.'))).toEqual([]);
  });
});
