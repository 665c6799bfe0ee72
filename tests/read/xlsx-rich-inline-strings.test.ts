// An inline string written as rich text (<is><r>…</r><r>…</r></is>: part of an ID or a name bold, as tools and hand
// edits leave it) is read whole, the runs one after the other. exceljs' streaming reader kept only the last run, and
// until 2026-12-05 so did this one: 371329198507071071 split 3713291985|07071071 read "07071071", no ID, a death missed.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Cell, RawSheet } from '../../scanner/read/raw-row.ts';
import { openXlsx } from '../../scanner/read/xlsx-reader.ts';
import { tempFolder } from '../support/temp-folder.ts';
import { handMadeXlsx, prefixed } from './hand-made-xlsx.ts';
import { openXlsxWithExceljs } from './xlsx-reader-exceljs.ts';

const folder = await tempFolder();
let fileNumber = 0;

async function saved(bytes: Buffer): Promise<string> {
  const path = join(folder, `rich-${++fileNumber}.xlsx`);
  await writeFile(path, bytes);
  return path;
}

/** Every row's cells, sheet after sheet. */
async function cellsOf(open: (path: string) => AsyncIterable<RawSheet>, path: string): Promise<Cell[][][]> {
  const sheets: Cell[][][] = [];
  for await (const sheet of open(path)) {
    const rows: Cell[][] = [];
    for await (const row of sheet.rows) rows.push(row.cells);
    sheets.push(rows);
  }
  return sheets;
}

const SPREADSHEETML = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const inline = (reference: string, content: string) => `<c r="${reference}" t="inlineStr"><is>${content}</is></c>`;
const bold = (text: string) => `<r><rPr><b/><sz val="11"/></rPr><t>${text}</t></r>`;
const plain = (text: string) => `<r><t>${text}</t></r>`;

/** Rich inline strings of every shape, each row between cells the fast lane reads (str cells), so both paths take turns. */
const RICH_ROWS = [
  // An ID split in two runs, the second bold; then an ID whose last run ends in Excel's escaped CR.
  `<row r="1"><c r="A1" t="str"><v>前</v></c>${inline('B1', plain('3713291985') + bold('07071071'))}${inline('C1', plain('37048119500110') + bold('1011_x000D_'))}<c r="D1" t="str"><v>后</v></c></row>`,
  // A name with its phonetic guide after the runs; entities, decoded as for any inline string (twice, as exceljs does).
  `<row r="2">${inline('A2', `${plain('张')}${bold('三')}<rPh sb="0" eb="2"><t>zhāng sān</t></rPh><phoneticPr fontId="1"/>`)}${inline('B2', plain('李&amp;') + bold('&amp;lt;四&gt;'))}</row>`,
  // Runs that are all empty: no value. Then a plain inline string: what a rich one before it left must not leak in.
  `<row r="3">${inline('A3', '<r><t/></r><r><rPr><b/></rPr></r>')}${inline('B3', '<t>单</t>')}<c r="C3" t="str"><v>尾</v></c></row>`,
  // Pretty-printed: white space between the tags is no part of the text; one run alone is its text.
  `<row r="4">${inline('A4', '\n  <r>\n    <rPr><b/></rPr>\n    <t xml:space="preserve">甲 </t>\n  </r>\n  <r><t>乙</t></r>\n')}${inline('B4', bold('独'))}</row>`,
].join('');

const EXPECTED: Cell[][] = [
  ['前', '371329198507071071', '370481195001101011\r', '后'],
  ['张三', '李&<四>'],
  [null, '单', '尾'],
  ['甲 乙', '独'],
];

describe('XLSX reader: rich-text inline strings', () => {
  it('reads an inline string in runs as all its runs, in the general path and between cells the fast lane reads (exceljs: the last run)', async () => {
    const path = await saved(handMadeXlsx({ sheets: [{ name: '死亡人员', xml: RICH_ROWS }] }));
    expect((await cellsOf(openXlsxWithExceljs, path))[0]![0]).toEqual(['前', '07071071', '1011_x000D_', '后']);
    expect((await cellsOf(openXlsx, path))[0]).toEqual(EXPECTED);
  });

  it('reads them the same in a part that binds SpreadsheetML to a prefix (<x:is><x:r><x:t>)', async () => {
    const document = `<worksheet xmlns="${SPREADSHEETML}"><sheetData>${RICH_ROWS}</sheetData></worksheet>`;
    const path = await saved(handMadeXlsx({ sheets: [{ name: '死亡人员', xml: prefixed(document, 'x') }] }));
    expect((await cellsOf(openXlsx, path))[0]).toEqual(EXPECTED);
  });
});
