// The worksheet parser fed in chunks of every size gives the rows it gives fed at once; its shortcuts for numbers
// and dates give what the rules they stand for give.
import { describe, expect, it } from 'vitest';
import type { RawRow } from '../../scanner/read/raw-row.ts';
import { XmlScanner } from '../../scanner/read/xml-scanner.ts';
import { dateText, numberText, serialDateText, serialToDate, storedNumberText } from '../../scanner/read/xlsx-cell-text.ts';
import { SheetRowsReader, type SheetContext } from '../../scanner/read/xlsx-sheet-rows.ts';

const context: SheetContext = {
  sharedStrings: ['共享', null, ''],
  styles: { exists: (index) => index >= 0 && index < 3, isDate: (index) => index === 1, fixedDecimals: () => 0, isStruck: () => false },
  date1904: false,
};

/** Every way a worksheet's markup comes: plain cells (the fast lane) and everything the general path reads. */
const SHEET = `\ufeff<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`
  + '<row r="1" spans="1:6" x14ac:dyDescent="0.25"><c r="A1" t="str"><v>张秀英</v></c><c r="B1" s="1"><v>46096</v></c><c r="C1"><v>600</v></c><c r="D1" t="s"><v>0</v></c><c r="E1" s="2"/><c r="F1" t="str"><v>王𠀋&amp;李</v></c></row>'
  + '<row r="2"><c r="A2" t="inlineStr"><is><t>阿依古丽·买买提</t></is></c><c r="B2"><f>A1</f><v>3.5</v></c><c r="C2" t="b"><v>1</v></c><c r="D2" t="e"><v>#N/A</v></c><c r="E2" t="str"><v>a\r\nb</v></c></row>'
  + '<row r="3" s="1" customFormat="1"><c r="A3"><v>45000.25</v></c><c r="B3" s="0"><v>1</v></c><c r="C3" t="s"><v>1</v></c><c r="D3" t="s"><v>2</v></c></row>'
  + '<row r="4"/><row r="5">\n  <c r="A5" t="str">\n    <v>缩进</v>\n  </c>\n</row><row><c><v>7</v></c><c t="str"><v>无地址</v></c></row>'
  + `${Array.from({ length: 200 }, (_v, i) => `<row r="${i + 10}"><c r="A${i + 10}" t="str"><v>第${i}行·農村低保</v></c><c r="C${i + 10}"><v>${i * 1.25}</v></c></row>`).join('')}`
  + '</sheetData><!-- 完 --></worksheet>';

function rowsOf(bytes: Buffer, chunkSize: number): RawRow[] {
  const reader = new SheetRowsReader(context);
  const scanner = new XmlScanner(reader);
  for (let at = 0; at < bytes.length; at += chunkSize) scanner.write(bytes.subarray(at, at + chunkSize));
  scanner.end();
  return reader.rows;
}

function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

describe('worksheet parser in chunks', () => {
  const bytes = Buffer.from(SHEET, 'utf8');
  const whole = rowsOf(bytes, bytes.length);

  it('reads the whole sheet as exceljs would', () => {
    expect(whole.slice(0, 7)).toEqual([
      { line: 1, cells: ['张秀英', '2026-03-15', '600', '共享', null, '王𠀋&李'] },
      { line: 2, cells: ['阿依古丽·买买提', '3.5', 'TRUE', '#N/A', 'a\nb'] },
      { line: 3, cells: ['2023-03-15 06:00:00', '1899-12-31', null, null] },
      { line: 4, cells: [] },
      { line: 5, cells: ['缩进\n  '] },
      { line: 6, cells: ['7', '无地址'] },
      { line: 10, cells: ['第0行·農村低保', null, '0'] },
    ]);
    expect(whole).toHaveLength(206);
  });

  it.each([1, 2, 3, 5, 7, 64, 1000])('gives the same rows fed %i bytes at a time (characters and tags cut anywhere)', (size) => {
    expect(rowsOf(bytes, size)).toEqual(whole);
  });
});

describe('the parser\'s shortcuts', () => {
  it('returns a plain decimal as it is only where numberText(parseFloat(text)) gives it back', () => {
    const random = seededRandom(3);
    const samples = ['0', '-0', '0.0', '00', '01', '1.0', '1.50', '0.000001', '0.00001', '123456789012345', '1234567890123456',
      '0.123456789012345', '0.1234567890123456', '1e5', '+1', ' 1', '1.', '.5', '-', '', 'NaN', '0x10', '45.3', '-12.5'];
    for (let i = 0; i < 50_000; i++) {
      const digits = Array.from({ length: 1 + Math.floor(random() * 18) }, () => Math.floor(random() * 10)).join('');
      const fraction = random() < 0.5 ? `.${Array.from({ length: Math.floor(random() * 8) }, () => Math.floor(random() * 10)).join('')}` : '';
      samples.push(`${random() < 0.2 ? '-' : ''}${digits}${fraction}`);
    }
    for (const text of samples) expect(storedNumberText(text), text).toBe(numberText(parseFloat(text)));
  });

  it('writes a serial date as dateText(serialToDate(serial)) does, in both date systems', () => {
    const random = seededRandom(4);
    const samples = [0, 1, 59, 60, 61, -1, -693_594, -693_595, 2_958_465, 2_958_465.999_999_99, 2_958_466, 1e12, NaN, 46_096.5, 46_096.999_999_999, 25_569];
    for (let i = 0; i < 50_000; i++) samples.push((random() * 3_200_000) - 700_000, Math.round(random() * 60_000), Math.round(random() * 60_000 * 24) / 24);
    for (const serial of samples) {
      for (const date1904 of [false, true]) {
        let expected: string;
        try {
          expected = dateText(serialToDate(serial, date1904));
        } catch {
          expect(() => serialDateText(serial, date1904), String(serial)).toThrow(RangeError);
          continue;
        }
        expect(serialDateText(serial, date1904), `${serial} ${date1904}`).toBe(expected);
      }
    }
  });
});
