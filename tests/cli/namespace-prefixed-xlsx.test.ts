// A department's list exported by a .NET OpenXML SDK based system writes SpreadsheetML with a namespace prefix
// (<x:worksheet xmlns:x="…/main"><x:sheetData><x:row>…, <x:sst>, <x:workbook>, <x:styleSheet>): valid, and Excel opens
// it, but until 2026-12-05 it read as an empty file (文件为空，没有表头) and its deaths were missed, end to end.
import { describe, expect, it } from 'vitest';
import { handMadeXlsx } from '../read/hand-made-xlsx.ts';
import { scanInput } from '../support/scan-input.ts';
import { PEOPLE, rollCsv } from '../support/small-township.ts';

/** The serial number of a date on the 1900 base (days since 1899-12-30). */
const serial = (date: string) => (Date.parse(`${date}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000;

/** A death list whose every part is written with the x: prefix: names as shared strings, IDs inline, dates in numFmt 31. */
function prefixedDeathsWorkbook(): Buffer {
  const names = ['姓名', '身份证号码', '死亡日期', '张大山'];
  return handMadeXlsx({
    prefix: 'x',
    // Stored, not deflated: the test can see the parts are prefixed.
    zip: { method: 'store' },
    sharedStrings: names.map((text) => `<si><t>${text}</t></si>`),
    cellXfs: ['<xf numFmtId="31" fontId="0" applyNumberFormat="1"/>'],
    sheets: [{
      name: '死亡人员',
      xml: '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>'
        + `<row r="2"><c r="A2" t="s"><v>3</v></c><c r="B2" t="inlineStr"><is><t>${PEOPLE.zhang}</t></is></c><c r="C2" s="1"><v>${serial('2026-08-15')}</v></c></row>`,
    }],
  });
}

describe('a department list written with a SpreadsheetML namespace prefix', () => {
  it('finds the dead recipient on an x:-prefixed death list, by its date in zh-CN Excel\'s built-in format', async () => {
    const workbook = prefixedDeathsWorkbook();
    // Written prefixed indeed, every part the reader parses.
    for (const tag of ['<x:workbook ', '<x:sheet ', '<x:sst ', '<x:styleSheet ', '<x:xf numFmtId="31"', '<x:sheetData>', '<x:row r="2">', '<x:c r="C2" s="1">']) {
      expect(workbook.includes(tag), tag).toBe(true);
    }
    expect(workbook.includes('<row')).toBe(false);
    const { findings } = await scanInput({ '低保花名册.csv': rollCsv(), '死亡人员.xlsx': workbook });

    const deaths = findings.filter((finding) => finding('check_id') === 'deceased.recipient');
    expect(deaths.map((finding) => finding('name'))).toEqual(['张大山']);
    expect(deaths[0]!('evidence')).toContain('死亡日期 2026-08-15');
    expect(findings.filter((finding) => finding('check_id').startsWith('data_quality.'))).toEqual([]);
  });
});
