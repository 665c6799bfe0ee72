// Vertically merged cells are read as Excel shows them: the block's value on every row, in the block's first column.
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { RawRow } from '../../scanner/read/raw-row.ts';
import { MergeFill, verticalMerges } from '../../scanner/read/xlsx-merged-cells.ts';
import { openXlsx } from '../../scanner/read/xlsx-reader.ts';
import { tempFolder } from '../support/temp-folder.ts';

async function* chunksOf(text: string, size: number): AsyncGenerator<Buffer> {
  const bytes = Buffer.from(text);
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

const SHEET_END = '</sheetData><mergeCells count="4"><mergeCell ref="A1:I1"/><mergeCell ref="C2:C4"/>'
  + '<mergeCell ref="$A$2:$B$9"/><mergeCell ref="AB10:AC11"/></mergeCells><pageMargins/></worksheet>';

describe('verticalMerges', () => {
  it('lists the merges spanning rows, whatever the chunk boundaries', async () => {
    const text = '<c r="A1" t="inlineStr"><is><t>&lt;mergeCells&gt; x:mergeCells</t></is></c><c r="B1" t="inlineStr"><is><t>a:mergeCells</t></is></c>';
    const xml = `<worksheet><sheetData><row r="1">${text}</row>${SHEET_END}`;
    const expected = [{ column: 0, firstLine: 2, lastLine: 9 }, { column: 2, firstLine: 2, lastLine: 4 }, { column: 27, firstLine: 10, lastLine: 11 }];
    for (const size of [1, 3, 7, 11, 64, 10_000]) expect(await verticalMerges(chunksOf(xml, size)), `chunks of ${size}`).toEqual(expected);
  });

  it('reads a prefixed list, and finds none in a sheet without one', async () => {
    const prefixed = '<x:worksheet><x:sheetData/><x:mergeCells count="1"><x:mergeCell ref="B3:B5"/></x:mergeCells></x:worksheet>';
    expect(await verticalMerges(chunksOf(prefixed, 5))).toEqual([{ column: 1, firstLine: 3, lastLine: 5 }]);
    expect(await verticalMerges(chunksOf('<worksheet><sheetData/></worksheet>', 4))).toEqual([]);
  });
});

describe('MergeFill', () => {
  const rows = (): RawRow[] => [
    { line: 2, cells: ['张庄镇', 'H001', '张大山'] },
    { line: 3, cells: [null, null, '李秀英'] },
    // line 4 is absent from the file; line 5 holds its own value, which stays
    { line: 5, cells: ['  ', '自有', '王小明'] },
    { line: 6, cells: [] },
    { line: 7, cells: [null, null, '赵四'] },
  ];

  it('gives every later row of a block the first row\'s value, in the first column only, and never overwrites a value', () => {
    const fill = new MergeFill([{ column: 0, firstLine: 2, lastLine: 6 }, { column: 1, firstLine: 2, lastLine: 5 }]);
    const read = rows();
    for (const row of read) fill.apply(row);
    expect(read.map((row) => row.cells)).toEqual([
      ['张庄镇', 'H001', '张大山'], ['张庄镇', 'H001', '李秀英'], ['张庄镇', '自有', '王小明'], ['张庄镇'], [null, null, '赵四'],
    ]);
  });

  it('fills nothing for a block whose first row is empty or absent', () => {
    const fill = new MergeFill([{ column: 2, firstLine: 1, lastLine: 7 }, { column: 0, firstLine: 3, lastLine: 7 }]);
    const read = rows();
    for (const row of read) fill.apply(row);
    expect(read.map((row) => row.cells)).toEqual(rows().map((row) => row.cells));
  });
});

describe('openXlsx', () => {
  it('reads a roll whose household and village cells are merged down, and leaves a merged title and 合计 one cell', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('花名册');
    sheet.addRows([
      ['2026年10月花名册'], ['乡镇', '家庭编号', '姓名', '救助类别'],
      ['张庄镇', 'H001', '张大山', '农村低保'], [null, null, '李秀英', null], [null, 'H002', '王小明', '农村特困'], ['合计', null, '3人'],
    ]);
    sheet.mergeCells('A1:D1');
    sheet.mergeCells('A3:A5');
    sheet.mergeCells('B3:B4');
    sheet.mergeCells('D3:D4');
    sheet.mergeCells('A6:B6');
    const path = join(await tempFolder(), 'roll.xlsx');
    await workbook.xlsx.writeFile(path);
    const read: RawRow[] = [];
    for await (const opened of openXlsx(path)) for await (const row of opened.rows) read.push(row);
    expect(read).toEqual([
      { line: 1, cells: ['2026年10月花名册'] }, { line: 2, cells: ['乡镇', '家庭编号', '姓名', '救助类别'] },
      { line: 3, cells: ['张庄镇', 'H001', '张大山', '农村低保'] }, { line: 4, cells: ['张庄镇', 'H001', '李秀英', '农村低保'] },
      { line: 5, cells: ['张庄镇', 'H002', '王小明', '农村特困'] }, { line: 6, cells: ['合计', null, '3人'] },
    ]);
  });
});
