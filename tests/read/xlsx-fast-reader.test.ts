// The fast XLSX reader against the exceljs reader it replaced (kept here as xlsx-reader-exceljs.ts): the same sheets, in
// the same order, with the same rows, cell for cell (cells merged down filled in on both sides), on workbooks of every kind; where exceljs could not read a valid
// file the fast reader reads it as the format means; damaged files are refused with an InputError, never a hang.
import { existsSync, readdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../scanner/errors.ts';
import type { RawRow, RawSheet } from '../../scanner/read/raw-row.ts';
import ExcelJS from '../../scanner/read/exceljs.ts';
import { MergeFill } from '../../scanner/read/xlsx-merged-cells.ts';
import { openXlsx } from '../../scanner/read/xlsx-reader.ts';
import { openXlsxWithExceljs } from './xlsx-reader-exceljs.ts';
import { tempFolder } from '../support/temp-folder.ts';
import { everyKindOfCellWorkbook, STREAMED_RICH_TEXT, streamedWorkbook } from './every-kind-of-cell.ts';
import { EXCEL_LAYOUT, handMadeXlsx, prefixed, zipParts, type HandMadeWorkbook, type ZipParts } from './hand-made-xlsx.ts';

const folder = await tempFolder();
let fileNumber = 0;

interface ReadSheet {
  sheet: string | undefined;
  hidden: boolean;
  rows: RawRow[];
}

async function readAll(open: (path: string) => AsyncIterable<RawSheet>, path: string): Promise<ReadSheet[]> {
  const sheets: ReadSheet[] = [];
  for await (const sheet of open(path)) {
    const rows: RawRow[] = [];
    for await (const row of sheet.rows) rows.push(row);
    sheets.push({ sheet: sheet.sheet, hidden: sheet.hidden, rows });
  }
  return sheets;
}

async function saved(bytes: Buffer, name = `book-${++fileNumber}.xlsx`): Promise<string> {
  const path = join(folder, name);
  await writeFile(path, bytes);
  return path;
}

/**
 * The reference with its cells merged down filled in, as the fast reader reads them (xlsx-merged-cells.ts): the merge
 * list from exceljs' own full reader, so the fast reader's reading of the list is checked against it.
 */
async function fillMergedDown(path: string, sheets: ReadSheet[]): Promise<ReadSheet[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(path);
  } catch {
    return sheets; // hand-made fixtures of shared-string edge cases that only the streaming reader reads: no merges there
  }
  for (const sheet of sheets) {
    const ranges: string[] = workbook.worksheets.find((w) => w.name === sheet.sheet)?.model.merges ?? [];
    const merges = ranges.flatMap((range) => {
      const [, left, top, , bottom] = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(range) ?? [];
      const column = [...left!].reduce((n, letter) => n * 26 + letter.charCodeAt(0) - 64, 0) - 1;
      return Number(bottom) > Number(top) ? [{ column, firstLine: Number(top), lastLine: Number(bottom) }] : [];
    }).sort((a, b) => a.firstLine - b.firstLine || a.column - b.column);
    const fill = new MergeFill(merges);
    for (const row of sheet.rows) fill.apply(row);
  }
  return sheets;
}

/**
 * Both readers on one file: sheets in order with names and visibility, then rows, the first differing one shown.
 * Whether a row is hidden or struck through is left out: exceljs's streaming reader does not say. `departures` puts
 * into the reference what the fast reader reads otherwise on purpose (the ones 'what exceljs' streaming reader misread' lists).
 */
async function expectSameAsExceljs(path: string, departures: (reference: ReadSheet[]) => void = () => {}): Promise<ReadSheet[]> {
  const reference = await fillMergedDown(path, await readAll(openXlsxWithExceljs, path));
  departures(reference);
  const read = await readAll(openXlsx, path);
  const fast = read.map((sheet) => ({ ...sheet, rows: sheet.rows.map(({ line, cells }) => ({ line, cells })) }));
  const outline = (sheets: ReadSheet[]) => sheets.map((s) => ({ sheet: s.sheet, hidden: s.hidden, rows: s.rows.length }));
  expect(outline(fast), path).toEqual(outline(reference));
  reference.forEach((sheet, s) => {
    const rows = fast[s]!.rows;
    const first = sheet.rows.findIndex((row, r) => JSON.stringify(row) !== JSON.stringify(rows[r]) || !Object.is(row.line, rows[r]!.line));
    if (first >= 0) expect(rows[first], `${path} sheet ${sheet.sheet} row #${first + 1}`).toEqual(sheet.rows[first]);
  });
  return read;
}

const cells = (sheets: ReadSheet[], sheet: number) => sheets[sheet]!.rows.map((row) => row.cells);

/** Fails instead of hanging: the reader must finish (with rows or an error) within the time. */
async function settled<T>(promise: Promise<T>, seconds = 20): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${seconds} s (hang)`)), seconds * 1000);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function expectRefused(bytes: Buffer, what: string, message = /corrupt XLSX/): Promise<void> {
  const path = await saved(bytes);
  const outcome = await settled(readAll(openXlsx, path).then(() => 'read', (error: unknown) => error));
  expect(outcome, what).toBeInstanceOf(InputError);
  expect((outcome as InputError).message, what).toMatch(message);
}

function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Worksheet XML big enough (over 1 MB deflated) to be streamed in many chunks, full of characters cut between them. */
function bigSheetXml(rows: number, seed: number): string {
  const random = seededRandom(seed);
  const characters = '张王李赵刘陈杨黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈𠀋𪚥';
  const pick = () => [...characters][Math.floor(random() * [...characters].length)];
  const parts: string[] = [];
  for (let r = 1; r <= rows; r++) {
    const name = `${pick()}${pick()}${pick()}${Math.floor(random() * 1e9).toString(36)}`;
    const id = `${Math.floor(random() * 1e9)}${Math.floor(random() * 1e9)}`.padEnd(18, '7');
    parts.push(`<row r="${r}"><c r="A${r}" t="str"><v>${name}</v></c><c r="B${r}" t="inlineStr"><is><t>${id}</t></is></c>`
      + `<c r="C${r}"><v>${(random() * 1e6).toFixed(2)}</v></c><c r="D${r}" s="1"><v>${40000 + Math.floor(random() * 9000)}</v></c>`
      + `<c r="E${r}" t="s"><v>${r % 3}</v></c><c r="F${r}" t="str"><v>${pick()}&amp;${pick()}</v></c></row>`);
  }
  return parts.join('');
}

const SPREADSHEETML = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const OFFICE_RELATIONSHIPS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const DATE_STYLES = { cellXfs: ['<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'] };

describe('fast XLSX reader: the same rows as the exceljs reader', () => {
  it('reads an exceljs workbook with every kind of cell the same way, in five sheets', async () => {
    const path = await saved(await everyKindOfCellWorkbook());
    const sheets = await expectSameAsExceljs(path);
    // Not equal by both reading nothing: the values are there, as a person sees them.
    expect(sheets.map((s) => [s.sheet, s.hidden])).toEqual([['花名册', false], ['字典', true], ['机密', true], ['空表', false], ['长表', false]]);
    const roll = cells(sheets, 0);
    expect(roll).toContainEqual(['张三', '张三', '第1种']);
    expect(roll).toContainEqual(['2026-03-15', '2026-03-15', '第17种']);
    expect(roll).toContainEqual(['2026-03-15 14:30:00', '2026-03-15 14:30:00', '第20种']);
    expect(roll).toContainEqual(['0.125', '0.125', '第27种']);
    expect(roll).toContainEqual([expect.stringMatching(/e\+17$/), expect.stringMatching(/e\+17$/), '第9种']);
    expect(sheets[4]!.rows).toHaveLength(3000);
  });

  it('reads the 1904 date system as exceljs does', async () => {
    const sheets = await expectSameAsExceljs(await saved(await everyKindOfCellWorkbook(true)));
    expect(cells(sheets, 0)).toContainEqual(['2026-03-15', '2026-03-15', '第17种']);
  });

  it.each([
    { useSharedStrings: false, useStyles: true },
    { useSharedStrings: true, useStyles: true },
    { useSharedStrings: false, useStyles: false },
  ])('reads workbooks of the streaming writer the same way (%o), rich text whole', async (options) => {
    // Without shared strings rich text is written as inline runs: exceljs read the last run, the fast reader all of them.
    const wholeRichText = (reference: ReadSheet[]) => {
      if (options.useSharedStrings) return;
      for (const { line, text } of STREAMED_RICH_TEXT) {
        const row = reference[0]!.rows.find((r) => r.line === line)!;
        row.cells[2] = text;
        row.cells[4] = text;
      }
    };
    const sheets = await expectSameAsExceljs(await saved(await streamedWorkbook(options)), wholeRichText);
    expect(sheets[0]!.rows.length).toBeGreaterThan(50);
    // (With shared strings, exceljs' writer gives every rich text the first one's entry: both readers read 富文本 thrice.)
    if (!options.useSharedStrings) expect(sheets[0]!.rows.map((row) => row.cells[2])).toEqual(expect.arrayContaining(['富文本', '  x<y']));
  });

  it('reads inline strings, t="str" cells, entities and numbers the same way', async () => {
    const sheets = await expectSameAsExceljs(await saved(handMadeXlsx({
      sheets: [{
        name: '手写',
        xml: '<row r="1"><c r="A1" t="inlineStr"><is><t>中&amp;文</t></is></c><c r="B1" t="inlineStr"><is><t xml:space="preserve"> 文本 </t></is></c>'
          + '<c r="C1" t="inlineStr"><is><t>漢字</t><phoneticPr fontId="1"/></is></c><c r="D1" t="inlineStr"><is><t/></is></c><c r="E1" t="inlineStr"><is/></c></row>'
          + '<row r="2"><c r="A2" t="str"><v>&amp;lt;双重&amp;amp;解码&amp;gt;</v></c><c r="B2" t="str"><v>&#20013;&#x6587;&#x1F600;</v></c><c r="C2" t="str"><v></v></c><c r="D2" t="str"/><c r="E2" t="str"><v>&quot;&apos;</v></c></row>'
          + '<row r="3"><c r="A3" t="str"><v>_x00D_</v></c><c r="B3" t="inlineStr"><is><t>x_x</t></is></c><c r="C3" t="n"><v>1.0E3</v></c><c r="D3" t="x"><v>7</v></c><c r="E3" t="n" s="1"><v>46096.25</v></c></row>'
          + '<row r="4"><c r="A4"><v>  12</v></c><c r="B4"><v>12abc</v></c><c r="C4"><v></v></c><c r="D4"><v>-0</v></c><c r="E4"><v>Infinity</v></c><c r="F4"><v>0x10</v></c><c r="G4"><v>123456789012345678</v></c></row>'
          + '<row r="5"><c r="A5" t="b"><v>0</v></c><c r="B5" t="b"><v>1</v></c><c r="C5" t="b"><v>2</v></c><c r="D5" t="b"><v></v></c><c r="E5" t="e"><v>#REF!</v></c><c r="F5" t="e"><v></v></c></row>',
      }],
      ...DATE_STYLES,
    })));
    // (Rich-text runs, phonetic readings, t="d" cells and _x escapes it misreads: see 'what exceljs' streaming reader
    // misread' and xlsx-rich-inline-strings.test.ts; _x00D_ with three digits is no escape.)
    expect(cells(sheets, 0)).toEqual([
      ['中&文', ' 文本 ', '漢字', null, null],
      ['<双重&解码>', '中文😀', null, null, '"\''],
      ['_x00D_', 'x_x', '1000', '7', '2026-03-15 06:00:00'],
      ['12', '12', 'NaN', '0', 'Infinity', '0', '1.2345678901234568e+17'],
      ['FALSE', 'TRUE', 'TRUE', 'TRUE', '#REF!', ''],
    ]);
  });

  it('reads rows hidden in Excel the same way and marks them (hidden="1" or "true", by hand or by a filter), in either path', async () => {
    const sheets = await expectSameAsExceljs(await saved(handMadeXlsx({
      sheets: [{
        name: '花名册',
        xml: '<row r="1"><c r="A1"><v>1</v></c></row><row r="2" spans="1:2" hidden="1" ht="0"><c r="A2"><v>2</v></c></row>'
          + '<row r="3" hidden="0"><c r="A3"><v>3</v></c></row><row r="4" hidden="true"><c r="A4"><v>4</v></c></row>'
          // Single quotes are for the general path.
          + "<row r='5' hidden='1'><c r='A5'><v>5</v></c></row><row r=\"6\" hidden=\"1\"/>",
      }],
    })));
    expect(sheets[0]!.rows.filter((row) => row.hidden).map((row) => row.line)).toEqual([2, 4, 5, 6]);
  });

  it('marks rows whose every filled cell is struck through (its own style, or the row\'s), and the struck cells of others, in either path', async () => {
    const sheets = await expectSameAsExceljs(await saved(handMadeXlsx({
      fonts: ['<font><strike/><sz val="11"/></font>', '<font><strike val="0"/></font>', '<font><strike val="true"/></font>'],
      cellXfs: ['<xf numFmtId="0" fontId="1"/>', '<xf numFmtId="0" fontId="2"/>', '<xf numFmtId="0" fontId="3"/>'],
      sheets: [{
        name: '花名册',
        xml: '<row r="1"><c r="A1" s="1"><v>1</v></c><c r="B1" s="3"><v>2</v></c><c r="C1"/></row>'
          + '<row r="2"><c r="A2" s="1"><v>1</v></c><c r="B2"><v>2</v></c></row>'
          + '<row r="3"><c r="A3" s="2"><v>3</v></c></row>'
          + '<row r="4" s="1" customFormat="1"><c r="A4"><v>4</v></c><c r="B4"><v>5</v></c></row>'
          + '<row r="5" s="1" customFormat="1"><c r="A5" s="2"><v>4</v></c></row>'
          // Single quotes are for the general path.
          + "<row r='6'><c r='A6' s='1' t='inlineStr'><is><t>张三</t></is></c><c r='B6' s='1' t='inlineStr'><is><t> </t></is></c></row>"
          + '<row r="7"><c r="A7" s="1"/></row>',
      }],
    })));
    expect(sheets[0]!.rows.filter((row) => row.struck).map((row) => row.line)).toEqual([1, 4, 6]);
    // Row 2 crosses out only A2: not a struck row, but its struck cell is named (a member crossed out by the name alone).
    expect(sheets[0]!.rows.filter((row) => row.struckCells).map((row) => [row.line, row.struckCells])).toEqual([[2, [0]]]);
  });

  it('reads shared strings the same way: rich runs, empty entries, phonetic settings, white space between tags', async () => {
    const sheets = await expectSameAsExceljs(await saved(handMadeXlsx({
      sharedStrings: [
        '<si><t>普通</t></si>', '<si><t/></si>', '<si/>', '<si><r><t>a</t></r><r><rPr><b/><sz val="11"/></rPr><t xml:space="preserve"> b</t></r></si>',
        '<si><r><t/></r></si>', '<si><t>漢字</t><phoneticPr fontId="1"/></si>',
        '<si><r><t>甲</t></r><rPh><t>こう</t></rPh></si>', '<si>\n  <t>缩进</t>\n</si>', '<si><t>&#20013;&amp;&lt;</t></si>', '<si><t>一</t><t>二</t></si>',
        '<si><t>回车\r\n换行\r结束</t></si>',
      ],
      sheets: [{ name: 'S', xml: `<row r="1">${Array.from({ length: 11 }, (_v, i) => `<c r="${String.fromCharCode(65 + i)}1" t="s"><v>${i}</v></c>`).join('')}</row><row r="2"><c r="A2" t="s"><v>99</v></c><c r="B2" t="s"><v>0</v></c><c r="C2" t="s"><v>x</v></c></row><row r="3"><c r="A3" t="s"><v>1</v></c><c r="B3" t="s"><v>2</v></c></row>` }],
    })));
    expect(cells(sheets, 0)).toEqual([
      ['普通', null, null, 'a b', null, '漢字', '甲', '缩进\n', '中&<', '二', '回车\n换行\n结束'],
      [null, '普通'],
      [],
    ]);
  });

  it('decides dates exactly as exceljs: built-in and custom formats, escapes, row styles, s="0", missing styles', async () => {
    const formats = ['<numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/>', '<numFmt numFmtId="165" formatCode="&quot;年&quot;0"/>', '<numFmt numFmtId="166" formatCode="[$-804]0.00"/>',
      '<numFmt numFmtId="167" formatCode="0\\d"/>', '<numFmt numFmtId="168" formatCode="[h]:mm"/>', '<numFmt numFmtId="169" formatCode=""/>', '<numFmt numFmtId="22" formatCode="0.0"/>',
      // Formats whose only date letter is one of h, s, M or b (no y, m or d), and one with none left outside brackets.
      '<numFmt numFmtId="170" formatCode="h&quot;时&quot;"/>', '<numFmt numFmtId="171" formatCode="ss"/>', '<numFmt numFmtId="172" formatCode="M&quot;月&quot;"/>',
      '<numFmt numFmtId="173" formatCode="bbbb"/>', '<numFmt numFmtId="174" formatCode="[h]"/>', '<numFmt numFmtId="175" formatCode="#,##0.00_);[Red](#,##0.00)"/>'];
    // (Not zh-CN Excel's built-ins 27–36 and 50–58, which exceljs does not know: see 'what exceljs' streaming reader misread'.)
    const ids = [14, 15, 22, 37, 45, 47, 49, 0, 9, 11, 164, 165, 166, 167, 168, 169, 48, 20, 21, 170, 171, 172, 173, 174, 175];
    const cellXfs = ids.map((id) => `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0"/>`);
    const row = (r: number, attributes = '') => `<row r="${r}"${attributes}>${ids.map((_id, i) => `<c r="${String.fromCharCode(65 + i)}${r}" s="${i + 1}"><v>46096.5</v></c>`).join('')}</row>`;
    const sheets = await expectSameAsExceljs(await saved(handMadeXlsx({
      numFmts: formats,
      cellXfs,
      sheets: [{
        name: '格式',
        xml: row(1) + '<row r="2" s="1" customFormat="1"><c r="A2"><v>46096</v></c><c r="B2" s="0"><v>46096</v></c><c r="C2" s="8"><v>46096</v></c><c r="D2" s="999"><v>46096</v></c><c r="E2" s="x"><v>46096</v></c></row>'
          + '<row r="3" s="0"><c r="A3"><v>46096</v></c><c r="B3" s="0"><v>0</v></c><c r="C3" s="1"><v>0</v></c><c r="D3" s="1"><v>60</v></c><c r="E3" s="1"><v>61</v></c><c r="F3" s="1"><v>-1</v></c><c r="G3" s="1"><v>2958465.9999999</v></c><c r="H3" s="1"><v>46096.99999999</v></c></row>',
      }],
    })));
    expect(cells(sheets, 0)[0]!.slice(0, 4)).toEqual(['2026-03-15 12:00:00', '2026-03-15 12:00:00', '46096.5', '46096.5']);
    expect(cells(sheets, 0)[1]!.slice(0, 3)).toEqual(['2026-03-15', '2026-03-15', '46096']);
  });

  it('reads a date cell in a workbook whose only style with a date is cellXfs[0] the way exceljs does', async () => {
    await expectSameAsExceljs(await saved(handMadeXlsx({
      cellXfs: [],
      sheets: [{ name: 'S', xml: '<row r="1"><c r="A1" s="0"><v>46096</v></c><c r="B1"><v>46096</v></c></row><row r="2" s="0"><c r="A2"><v>46096</v></c></row>' }],
      order: (parts) => parts.map(([name, content]): [string, string | Buffer] => [name, name === 'xl/styles.xml' ? String(content).replace('<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>', '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>') : content]),
    })));
  });

  it('reads formulas as exceljs does: cached results, 0 and errors as no value, shared copies, str results', async () => {
    const sheets = await expectSameAsExceljs(await saved(handMadeXlsx({
      ...DATE_STYLES,
      sheets: [{
        name: 'F',
        xml: '<row r="1"><c r="A1"><f>1-1</f><v>0</v></c><c r="B1" t="b"><f>TRUE()</f><v>1</v></c><c r="C1" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="D1" t="str"><f>"x"</f><v>x&amp;amp;y</v></c>'
          + '<c r="E1"><f>TODAY()</f><v>46096</v></c><c r="F1"><f t="shared" si="0"/><v>0</v></c><c r="G1"><f>A1</f></c><c r="H1" t="str"><f>""</f><v></v></c><c r="I1"><f t="shared" ref="I1:I2" si="1">ROW()</f><v>7.5</v></c><c r="J1" t="b"><f>FALSE()</f><v>0</v></c></row>'
          + '<row r="2"><c r="A2"><f t="shared" si="0"/></c><c r="B2" t="str"><f t="shared" si="2"/><v>共享</v></c><c r="C2"><f t="array" ref="C2">SUM(1)</f><v>-3</v></c></row>',
      }],
    })));
    expect(cells(sheets, 0)[0]).toEqual([null, '1', null, 'x&y', '46096', '0', null, null, '7.5', null]);
  });

  it('reads pretty-printed XML, line ends, CDATA, comments, a BOM and repeated or unordered cells the same way', async () => {
    const sheets = await expectSameAsExceljs(await saved(handMadeXlsx({
      sharedStrings: ['<si><t>共享</t></si>'],
      sheets: [{
        name: 'P',
        xml: `\ufeff<?xml version="1.0" encoding="UTF-8"?>\r\n<!-- 注释 -->\r\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\r\n <sheetData>\r\n  <row r="1" spans="1:3">\r\n   <c r="A1" t="str">\r\n    <v>x</v>\r\n   </c>\r\n   <c r="B1" t="inlineStr">\r\n    <is>\r\n     <t>y</t>\r\n    </is>\r\n   </c>\r\n   <c r="C1">\r\n    <v>3</v>\r\n   </c>\r\n   <c r="D1" t="s"> <v>0</v> </c>\r\n  </row>\r\n`
          + '<row r="2"><c r="A2" t="str"><v>a\r\nb\rc&#13;d</v></c><c r="B2" t="str"><v><![CDATA[cd]]></v></c><c r="C2" t="str"><v>a<!-- c -->b<?pi x?>c</v></c><c r="D2" t="str"><v>_x000Dx</v></c></row>'
          + '<row r="3"><c r="B3"><v>1</v></c><c r="A3"><v>2</v></c><c r="B3"/><c r="C3" t="str"><v>q</v></c><c r="C3"><v>5</v></c><c r="$E$3"><v>6</v></c></row>'
          + '<row r="5"/><row r="6"><c r="A6" s="0"/></row><row r="7" spans="1:2"><c r="B7" t="s"><v>0</v></c></row><row r="4"><c r="AB4" t="str"><v>后来的行</v></c></row><row r="0"><c r="A0"><v>0</v></c></row>'
          + '</sheetData>\r\n</worksheet>\r\n',
      }],
    })));
    expect(cells(sheets, 0)[0]).toEqual(['x\n   ', 'y\n    \n   ', '3', '共享']);
    expect(sheets[0]!.rows.map((r) => r.line)).toEqual([1, 2, 3, 5, 6, 7, 4, 0]);
  });

  it('reads a workbook the same whatever its zip layout: Excel\'s order, stored entries, a ZIP64 directory', async () => {
    const book: HandMadeWorkbook = {
      sharedStrings: ['<si><t>共享</t></si>'],
      ...DATE_STYLES,
      sheets: ['一', '二', '三'].map((name, i) => ({ name, xml: `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><v>${46096 + i}</v></c></row>` })),
    };
    const expected = await expectSameAsExceljs(await saved(handMadeXlsx(book)));
    expect(expected.map((s) => [s.sheet, ...s.rows[0]!.cells])).toEqual([['一', '共享', '2026-03-15'], ['二', '共享', '2026-03-16'], ['三', '共享', '2026-03-17']]);
    for (const layout of [{ order: EXCEL_LAYOUT }, { zip: { method: 'store' as const } }, { zip: { zip64: true } }, { order: EXCEL_LAYOUT, zip: { method: 'store' as const, zip64: true } }]) {
      const path = await saved(handMadeXlsx({ ...book, ...layout }));
      expect(await readAll(openXlsx, path), JSON.stringify(layout)).toEqual(expected);
      expect(await readAll(openXlsxWithExceljs, path), JSON.stringify(layout)).toEqual(expected);
    }
  });

  it('hands worksheets out in exceljs order: those after the shared strings and relationships first, then the rest', async () => {
    const book: HandMadeWorkbook = { sheets: ['一', '二', '三'].map((name, i) => ({ name, xml: `<row r="1"><c r="A1"><v>${i}</v></c></row>` })) };
    const sheetOrder = async (order: (parts: ZipParts) => ZipParts) => (await readAll(openXlsx, await saved(handMadeXlsx({ ...book, order })))).map((s) => s.sheet);
    expect(await sheetOrder((parts) => parts)).toEqual(['一', '二', '三']);
    expect(await sheetOrder(EXCEL_LAYOUT)).toEqual(['一', '二', '三']);
    const sharedStringsAfterTheFirstSheet = (parts: ZipParts) => {
      const laidOut = EXCEL_LAYOUT(parts);
      const sharedStrings = laidOut.find(([name]) => name === 'xl/sharedStrings.xml')!;
      const rest = laidOut.filter((part) => part !== sharedStrings);
      const first = rest.findIndex(([name]) => name.endsWith('sheet1.xml'));
      return [...rest.slice(0, first + 1), sharedStrings, ...rest.slice(first + 1)];
    };
    expect(await sheetOrder(sharedStringsAfterTheFirstSheet)).toEqual(['二', '三', '一']);
    expect(await sheetOrder((parts) => [...parts].reverse())).toEqual(['三', '二', '一']);
    // Only a worksheet part, no workbook: exceljs names the sheet after its part.
    const bare = zipParts([['xl/worksheets/sheet2.xml', '<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>']]);
    expect((await expectSameAsExceljs(await saved(bare))).map((s) => s.sheet)).toEqual(['Sheet2']);
  });

  it('reads a sheet streamed in many chunks, with characters cut between them, the same way', async () => {
    const xml = bigSheetXml(40_000, 7);
    // Over 1 MB deflated: inflated and parsed as a stream, not in one piece.
    expect(deflateRawSync(xml).length).toBeGreaterThan(1 << 20);
    const path = await saved(handMadeXlsx({
      sharedStrings: ['<si><t>农村低保</t></si>', '<si><t>城市低保</t></si>', '<si><r><t>特困</t></r><r><t>供养</t></r></si>'],
      ...DATE_STYLES,
      sheets: [{ name: '大表', xml }, { name: '小表', xml: '<row r="1"><c r="A1"><v>1</v></c></row>' }],
    }));
    const sheets = await expectSameAsExceljs(path);
    expect(sheets[0]!.rows).toHaveLength(40_000);
    expect(sheets[0]!.rows.filter((row) => row.cells.some((cell) => cell?.includes('\ufffd')))).toEqual([]);
  }, 60_000);

  it('reads every XLSX of the sample data and of the test fixtures the same way', async () => {
    const found: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (entry.isDirectory() && entry.name !== 'node_modules' && !entry.name.startsWith('.')) walk(join(dir, entry.name));
        else if (entry.name.endsWith('.xlsx')) found.push(join(dir, entry.name));
      }
    };
    walk(join(import.meta.dirname, '../../sample-data'));
    walk(join(import.meta.dirname, '..'));
    expect(found.length).toBeGreaterThanOrEqual(4);
    for (const path of found) await expectSameAsExceljs(path);
  }, 120_000);

  const county = join(import.meta.dirname, '../../bench/workloads/county/input');
  const countyWorkbooks = existsSync(county) ? readdirSync(county).filter((name) => name.endsWith('.xlsx')) : [];
  it.skipIf(countyWorkbooks.length === 0)('reads the county benchmark workbooks the same way (skipped where they are absent)', async () => {
    for (const name of countyWorkbooks) await expectSameAsExceljs(join(county, name));
    // exceljs takes minutes over the seven workbooks on a slow machine (272 s on 2026-12-01); CI has no workloads.
  }, 900_000);
});

describe('fast XLSX reader: valid files exceljs could not read', () => {
  it('numbers rows and cells without r as the next row and the next column (exceljs refuses the file)', async () => {
    const path = await saved(handMadeXlsx({
      sheets: [{ name: 'S', xml: '<row><c><v>1</v></c><c t="str"><v>b</v></c><c r="E1"><v>5</v></c><c><v>6</v></c></row><row/><row r="7"><c><v>7</v></c></row><row><c r="C8"><v>8</v></c></row>' }],
    }));
    await expect(readAll(openXlsxWithExceljs, path)).rejects.toBeInstanceOf(InputError);
    const [sheet] = await readAll(openXlsx, path);
    expect(sheet!.rows).toEqual([
      { line: 1, cells: ['1', 'b', null, null, '5', '6'] },
      { line: 2, cells: [] },
      { line: 7, cells: ['7'] },
      { line: 8, cells: [null, null, '8'] },
    ]);
  });

  it('names sheets whose relationships use absolute targets and keeps them hidden (exceljs: Sheet1, visible)', async () => {
    const path = await saved(handMadeXlsx({
      targets: 'absolute',
      sheets: [{ name: '名单', xml: '<row r="1"><c r="A1"><v>1</v></c></row>' }, { name: '字典', state: 'veryHidden', xml: '<row r="1"><c r="A1"><v>2</v></c></row>' }],
    }));
    expect((await readAll(openXlsxWithExceljs, path)).map((s) => [s.sheet, s.hidden])).toEqual([['Sheet1', false], ['Sheet2', false]]);
    expect((await readAll(openXlsx, path)).map((s) => [s.sheet, s.hidden])).toEqual([['名单', false], ['字典', true]]);
  });

  it('applies styles.xml when it is the last part of the zip (exceljs at times skips it: dates read as numbers)', async () => {
    const path = await saved(handMadeXlsx({
      ...DATE_STYLES,
      sharedStrings: null,
      sheets: [{ name: 'S', xml: '<row r="1"><c r="A1" s="1"><v>46096</v></c></row>' }],
      order: (parts) => [...parts.filter(([name]) => name !== 'xl/styles.xml' && !name.startsWith('docProps/')), parts.find(([name]) => name === 'xl/styles.xml')!],
    }));
    for (let attempt = 0; attempt < 3; attempt++) expect(cells(await readAll(openXlsx, path), 0)).toEqual([['2026-03-15']]);
  });

  it('reads SpreadsheetML written with a namespace prefix (<x:row>, as .NET OpenXML SDK exports write it) as its unprefixed twin (exceljs refuses the file)', async () => {
    // Every part the reader parses, in both lanes' territory: shared strings with runs and a phonetic guide, styles
    // (a date format, a struck font, zh-CN Excel's 31), the 1904 base, a hidden sheet, hidden and struck rows,
    // formulas, inline strings, rows and cells without r, a merge filled down, a sheet streamed in many pieces.
    const sheet = (prefix?: string) => {
      const document = `<worksheet xmlns="${SPREADSHEETML}" xmlns:r="${OFFICE_RELATIONSHIPS}"><sheetData>`
        + '<row r="1" spans="1:5"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" s="1"><v>44000</v></c><c r="E1" s="3"><v>44000</v></c></row>'
        + '<row r="2" hidden="1"><c r="A2" t="inlineStr"><is><t>李四</t></is></c><c r="B2" t="str"><f>A2</f><v>x&amp;y</v></c><c r="C2" t="b"><v>1</v></c><c r="D2"><f>1+1</f><v>2</v></c></row>'
        + '<row r="3"><c r="A3" s="2" t="inlineStr"><is><t>王五</t><rPh sb="0" eb="2"><t>wáng wǔ</t></rPh></is></c><c r="B3" t="e"><v>#N/A</v></c></row>'
        + '<row><c><v>4</v></c><c t="d"><v>2026-07-10</v></c><c r="D4"/></row>'
        + '</sheetData><mergeCells count="1"><mergeCell ref="E1:E2"/></mergeCells></worksheet>';
      return prefix === undefined ? document : prefixed(document, prefix);
    };
    const book = (prefix?: string): HandMadeWorkbook => ({
      prefix,
      date1904: '1',
      sharedStrings: ['<si><t>张三</t><rPh sb="0" eb="2"><t>zhāng sān</t></rPh></si>', '<si><r><t>a</t></r><r><rPr><b/></rPr><t xml:space="preserve"> b</t></r></si>', '<si><t>370481195001101011_x000D_</t></si>'],
      numFmts: ['<numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/>'],
      fonts: ['<font><strike/></font>'],
      cellXfs: ['<xf numFmtId="164" fontId="0"/>', '<xf numFmtId="0" fontId="1"/>', '<xf numFmtId="31" fontId="0"/>'],
      sheets: [
        { name: '名单', xml: sheet(prefix) },
        { name: '字典', state: 'hidden', xml: '<row r="1"><c r="A1" t="str"><v>字</v></c></row>' },
        { name: '大表', xml: bigSheetXml(3_000, 5) },
      ],
    });
    const plain = await readAll(openXlsx, await saved(handMadeXlsx(book())));
    // Not equal by both reading nothing.
    expect(plain.map((s) => [s.sheet, s.hidden, s.rows.length])).toEqual([['名单', false, 4], ['字典', true, 1], ['大表', false, 3_000]]);
    expect(plain[0]!.rows).toEqual([
      { line: 1, cells: ['张三', 'a b', '370481195001101011\r', '2024-06-19', '2024-06-19'] },
      { line: 2, cells: ['李四', 'x&y', 'TRUE', '2', '2024-06-19'], hidden: true },
      { line: 3, cells: ['王五', '#N/A'], struckCells: [0] },
      { line: 4, cells: ['4', '2026-07-10'] },
    ]);
    // c and row: prefixes the fast lane, which looks for <c and <row, must not take for its elements.
    for (const prefix of ['x', 'ss', 'c', 'row']) {
      const path = await saved(handMadeXlsx(book(prefix)));
      expect(await readAll(openXlsx, path), `prefix ${prefix}:`).toEqual(plain);
      await expect(readAll(openXlsxWithExceljs, path), `prefix ${prefix}:`).rejects.toBeInstanceOf(InputError);
    }
  }, 60_000);

  it('resolves a prefix by its declaration: on the root, on a row, for relationships (rel:id), and not one bound to another namespace', async () => {
    const path = await saved(handMadeXlsx({
      sheets: [{
        name: '名单',
        xml: `<x:worksheet xmlns:x="${SPREADSHEETML}" xmlns:o="urn:other"><x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c>`
          // Another namespace's elements are no cells, though named c and v.
          + '<o:c r="B1"><o:v>9</o:v></o:c><x:c r="C1"><x:v>3</x:v></x:c></x:row>'
          // A prefix declared on the row itself (the fast lane leaves such a row to the general path).
          + `<row r="2" xmlns:y="${SPREADSHEETML}"><y:c r="A2" t="str"><y:v>二</y:v></y:c></row>`
          // The same prefix bound to another namespace inside: its elements are not SpreadsheetML there.
          + `<x:row r="3"><x:c r="A3"><x:v>3</x:v></x:c><x:c r="B3" xmlns:x="urn:other"><x:v>9</x:v></x:c><x:c r="C3"><x:v>5</x:v></x:c></x:row>`
          + '</x:sheetData></x:worksheet>',
      }],
      // The relationships under other prefixes than Excel's r: and none: rel:id, pr:Relationship.
      order: (parts) => parts.map(([name, content]): [string, string | Buffer] => [name,
        name === 'xl/workbook.xml' ? String(content).replace('xmlns:r=', 'xmlns:rel=').replace(' r:id=', ' rel:id=')
        : name === 'xl/_rels/workbook.xml.rels' ? String(content).replace(/<(\/?)Relationship/g, '<$1pr:Relationship').replace('xmlns=', 'xmlns:pr=')
        : content]),
    }));
    const [sheet] = await readAll(openXlsx, path);
    expect(sheet!.sheet).toBe('名单');
    expect(sheet!.rows).toEqual([
      { line: 1, cells: ['1', null, '3'] },
      { line: 2, cells: ['二'] },
      { line: 3, cells: ['3', null, '5'] },
    ]);
  });

  it('reads a shared-string cell as empty when the workbook has no shared strings (exceljs: "[object Object]")', async () => {
    const path = await saved(handMadeXlsx({ sharedStrings: null, sheets: [{ name: 'S', xml: '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>2</v></c></row>' }] }));
    expect(cells(await readAll(openXlsxWithExceljs, path), 0)).toEqual([['[object Object]', '2']]);
    expect(cells(await readAll(openXlsx, path), 0)).toEqual([[null, '2']]);
  });
});

describe('fast XLSX reader: what exceljs\' streaming reader misread', () => {
  it('decodes Excel\'s _xHHHH_ escapes in shared strings, inline strings and str results (exceljs: kept as written)', async () => {
    const path = await saved(handMadeXlsx({
      sharedStrings: [
        // A header and an ID ending in CR LF, as Excel stores such a cell; an escaped underscore keeps _x000D_ literal.
        '<si><t>身份证号码_x000D_</t></si>', '<si><t xml:space="preserve">370481195001101011_x000D_\n</t></si>', '<si><t>_x005F_x000D_</t></si>',
        '<si><r><t>37048119540514109</t></r><r><rPr><b/></rPr><t>_x0058_</t></r></si>', '<si><t>_xD83D__xDE00__x000d_</t></si>', '<si><t>_x00G1_ _x12_ x000D_</t></si>',
      ],
      sheets: [{
        name: 'S',
        xml: `<row r="1">${Array.from({ length: 6 }, (_v, i) => `<c r="${String.fromCharCode(65 + i)}1" t="s"><v>${i}</v></c>`).join('')}</row>`
          + '<row r="2"><c r="A2" t="inlineStr"><is><t>张三_x0009_</t></is></c><c r="B2" t="str"><v>a_x000D_b</v></c><c r="C2" t="str"><f>A2</f><v>_x005F_x0041_</v></c>'
          // Single quotes are for the general path.
          + "<c r='D2' t='str'><v>c_x000A_</v></c></row>",
      }],
    }));
    expect(cells(await readAll(openXlsxWithExceljs, path), 0)[0]!.slice(0, 2)).toEqual(['身份证号码_x000D_', '370481195001101011_x000D_\n']);
    expect(cells(await readAll(openXlsx, path), 0)).toEqual([
      ['身份证号码\r', '370481195001101011\r\n', '_x000D_', '37048119540514109X', '😀\r', '_x00G1_ _x12_ x000D_'],
      ['张三\t', 'a\rb', '_x0041_', 'c\n'],
    ]);
  });

  it('ignores a phonetic guide (<rPh>) in shared and inline strings (exceljs: the guide replaced the text)', async () => {
    const path = await saved(handMadeXlsx({
      sharedStrings: [
        '<si><t>张三</t><rPh sb="0" eb="2"><t>zhāng sān</t></rPh><phoneticPr fontId="1" type="noConversion"/></si>',
        '<si><r><t>漢</t></r><r><t>字</t></r><rPh sb="0" eb="2"><t>かんじ</t></rPh></si>', '<si><rPh sb="0" eb="1"><t>ㄓㄤ</t></rPh><t>张</t></si>',
      ],
      sheets: [{
        name: 'S',
        xml: '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>'
          + '<c r="D1" t="inlineStr"><is><t>李四</t><rPh sb="0" eb="2"><t>lǐ sì</t></rPh><phoneticPr fontId="1"/></is></c></row>',
      }],
    }));
    expect(cells(await readAll(openXlsxWithExceljs, path), 0)).toEqual([['zhāng sān', '漢字', '张', 'lǐ sì']]);
    expect(cells(await readAll(openXlsx, path), 0)).toEqual([['张三', '漢字', '张', '李四']]);
  });

  it('reads zh-CN Excel\'s built-in date formats (27–36, 50–58) as dates, a year-and-month one too (the day its serial holds), on the workbook\'s base', async () => {
    const ids = [27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58];
    const serial = 46096.5; // 2026-03-15 12:00 on the 1900 base, 2030-03-16 12:00 on the 1904 one
    const book = (date1904?: string): HandMadeWorkbook => ({
      date1904,
      numFmts: ['<numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;"/>', '<numFmt numFmtId="165" formatCode="yyyy.mm"/>', '<numFmt numFmtId="31" formatCode="0.00"/>'],
      cellXfs: [...ids.map((id) => `<xf numFmtId="${id}" fontId="0"/>`), '<xf numFmtId="164" fontId="0"/>', '<xf numFmtId="165" fontId="0"/>'],
      sheets: [{
        name: 'S',
        xml: `<row r="1">${ids.map((_id, i) => `<c r="${String.fromCharCode(65 + i)}1" s="${i + 1}"><v>${serial}</v></c>`).join('')}</row>`
          // Custom month formats; a row styled 57; a date-styled formula (exceljs: its serial number, read later on the 1900 base).
          + '<row r="2"><c r="A2" s="20"><v>46096</v></c><c r="B2" s="21"><v>46096</v></c><c r="C2" s="5"><f>DATE(2026,3,15)</f><v>46096</v></c></row>'
          + '<row r="3" s="18" customFormat="1"><c r="A3"><v>46096</v></c><c r="B3" s="0"><v>46096</v></c></row>',
      }],
    });
    const dated = (date: string, time: string) => ids.map(() => `${date} ${time}`);
    // styles.xml may define a built-in id itself: 31 is then that format (here a number).
    const expected1900 = dated('2026-03-15', '12:00:00').map((text, i) => (ids[i] === 31 ? '46096.5' : text));
    const read1900 = cells(await readAll(openXlsx, await saved(handMadeXlsx(book()))), 0);
    expect(read1900).toEqual([expected1900, ['2026-03-15', '2026-03-15', '46096'], ['2026-03-15', '2026-03-15']]);
    const without31 = (workbook: HandMadeWorkbook) => ({ ...workbook, numFmts: workbook.numFmts!.slice(0, 2) });
    const expected1904 = dated('2030-03-16', '12:00:00');
    for (const date1904 of ['1', 'true']) {
      const read1904 = cells(await readAll(openXlsx, await saved(handMadeXlsx(without31(book(date1904))))), 0);
      expect(read1904, `date1904="${date1904}"`).toEqual([expected1904, ['2030-03-16', '2030-03-16', '2030-03-16'], ['2030-03-16', '2030-03-16']]);
    }
    const exceljs = cells(await readAll(openXlsxWithExceljs, await saved(handMadeXlsx(without31(book('1'))))), 0);
    expect(exceljs[0]![4]).toBe('46096.5');
    expect(exceljs[1]).toEqual(['2030-03-16', '2030-03-16', '46096']);
  });

  it('reads t="d" cells (ISO 8601, as SheetJS writes them) as their date, with the time of day when not midnight (exceljs: the year)', async () => {
    const path = await saved(handMadeXlsx({
      ...DATE_STYLES,
      sheets: [{
        name: 'S',
        xml: '<row r="1"><c r="A1" t="d"><v>2026-07-10T00:00:00Z</v></c><c r="B1" t="d" s="1"><v>2026-07-10</v></c><c r="C1" t="d"><v>2026-03-15T14:30:00.000Z</v></c>'
          + '<c r="D1" t="d"><v>2026-03-15T14:30+08:00</v></c><c r="E1" t="d"><v>不详</v></c><c r="F1" t="d"><v></v></c><c r="G1" t="d"><f>TODAY()</f><v>2026-07-10T00:00:00</v></c></row>'
          // Single quotes are for the general path.
          + "<row r='2'><c r='A2' t='d'><v>2026-07-10T00:00:00Z</v></c></row>",
      }],
    }));
    expect(cells(await readAll(openXlsxWithExceljs, path), 0)[0]!.slice(0, 2)).toEqual(['2026', '1905-07-18']);
    expect(cells(await readAll(openXlsx, path), 0)).toEqual([
      ['2026-07-10', '2026-07-10', '2026-03-15 14:30:00', '2026-03-15 14:30:00', '不详', null, '2026-07-10'],
      ['2026-07-10'],
    ]);
  });
});

describe('fast XLSX reader: a month typed as a number (2026.10, kept by Excel as 2026.1)', () => {
  it('reads 2026.1 as a 0.00 format shows it, its own or its row\'s (exceljs: 2026.1), and marks it in doubt elsewhere, in either path', async () => {
    const path = await saved(handMadeXlsx({
      numFmts: ['<numFmt numFmtId="164" formatCode="0.0#"/>'],
      cellXfs: ['<xf numFmtId="2" fontId="0"/>', '<xf numFmtId="164" fontId="0"/>'],
      sheets: [{
        name: '发放',
        xml: '<row r="1" s="1" customFormat="1"><c r="A1"><v>2026.1</v></c><c r="B1" s="2"><v>2026.1</v></c><c r="C1" s="0"><v>2026.1</v></c><c r="D1"><v>2026.11</v></c></row>'
          + '<row r="2"><c r="A2" s="1"><v>2026.1</v></c><c r="B2"><v>2026.1</v></c><c r="C2" t="str"><v>2026.1</v></c><c r="D2"><f>2026+0.1</f><v>2026.1</v></c></row>'
          // Single quotes are for the general path.
          + "<row r='3' s='1' customFormat='1'><c r='A3'><v>2026.1</v></c><c r='B3' s='2'><v>2026.1</v></c><c r='C3' s='1'><f>2026+0.1</f><v>2026.1</v></c></row>",
      }],
    }));
    expect(cells(await readAll(openXlsxWithExceljs, path), 0)).toEqual([['2026.1', '2026.1', '2026.1', '2026.11'], ['2026.1', '2026.1', '2026.1', '2026.1'], ['2026.1', '2026.1', '2026.1']]);
    const [sheet] = await readAll(openXlsx, path);
    expect(sheet!.rows.map((row) => [row.cells, row.doubtfulMonthCells])).toEqual([
      // s="0" names no style: the cell shows its row's.
      [['2026.10', '2026.1', '2026.10', '2026.11'], [1]],
      // Written as text (t="str"), 2026.1 is what the clerk wrote, no number in doubt.
      [['2026.10', '2026.1', '2026.1', '2026.1'], [1, 3]],
      [['2026.10', '2026.1', '2026.10'], [1]],
    ]);
  });
});

describe('fast XLSX reader: damaged files are refused with an InputError, never a hang or another error', () => {
  const sound = async () => handMadeXlsx({
    sharedStrings: ['<si><t>农村低保</t></si>', '<si><t>城市低保</t></si>', '<si><t>特困</t></si>'],
    ...DATE_STYLES,
    sheets: [{ name: '大表', xml: bigSheetXml(40_000, 11) }],
  });

  it('refuses a workbook cut short anywhere', async () => {
    const bytes = await sound();
    for (const at of [30, 200, Math.floor(bytes.length / 3), Math.floor(bytes.length / 2), bytes.length - 300, bytes.length - 10]) {
      await expectRefused(bytes.subarray(0, at), `cut at byte ${at} of ${bytes.length}`);
    }
  }, 60_000);

  it('refuses bytes changed inside the deflated worksheet, early, in the middle and near its end', async () => {
    const bytes = await sound();
    const random = seededRandom(5);
    // The worksheet is the last part: its data runs from after its local header to the central directory.
    const sheetStart = bytes.indexOf('xl/worksheets/sheet1.xml') + 'xl/worksheets/sheet1.xml'.length;
    const sheetLength = bytes.readUInt32LE(bytes.length - 22 + 16) - sheetStart;
    expect(sheetLength).toBeGreaterThan(1 << 20);
    for (const fraction of [0.01, 0.3, 0.5, 0.8, 0.99]) {
      const damaged = Buffer.from(bytes);
      const at = sheetStart + Math.floor(sheetLength * fraction);
      damaged[at] = damaged[at]! ^ (1 << Math.floor(random() * 8));
      await expectRefused(damaged, `byte ${at} flipped (${fraction} into the worksheet)`);
    }
  }, 60_000);

  const brokenSheets: [string, string][] = [
    ['an unclosed cell', '<row r="1"><c r="A1"><v>1</v></row>'],
    ['crossed tags', '<row r="1"><c r="A1"><v>1</c></v></row>'],
    ['an undefined entity', '<row r="1"><c r="A1" t="str"><v>&nbsp;</v></c></row>'],
    ['a bare ampersand', '<row r="1"><c r="A1" t="str"><v>A & B</v></c></row>'],
    ['a forbidden character reference', '<row r="1"><c r="A1" t="str"><v>&#1;</v></c></row>'],
    ['a raw control character', '<row r="1"><c r="A1" t="str"><v>a\u0001b</v></c></row>'],
    ['an unquoted attribute', '<row r=1><c r="A1"><v>1</v></c></row>'],
    ['a < in an attribute', '<row r="1"><c r="A<1"><v>1</v></c></row>'],
    ['a stray <', '<row r="1"><c r="A1"><v>1 < 2</v></c></row>'],
    ['a cell address without a column', '<row r="1"><c r="11"><v>1</v></c></row>'],
    ['a column after XFD', '<row r="1"><c r="XFE1"><v>1</v></c></row>'],
    ['a date too large for a date', '<row r="1"><c r="A1" s="1"><v>1e12</v></c></row>'],
    ['an end tag never opened', '<row r="1"><c r="A1"><v>1</v></c></row></row>'],
  ];
  it.each(brokenSheets)('refuses a worksheet with %s, its CRC right', async (what, xml) => {
    await expectRefused(handMadeXlsx({ ...DATE_STYLES, sheets: [{ name: 'S', xml }] }), what);
  });

  it.each([
    ['a document cut off, its CRC right', '<?xml version="1.0"?><worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v>'],
    ['text after the root element', '<worksheet><sheetData/></worksheet>garbage'],
    ['a second root element', '<worksheet><sheetData/></worksheet><worksheet/>'],
    ['no XML at all', 'PK\u0003\u0004 not xml'],
    ['nothing', ''],
  ])('refuses a worksheet part with %s', async (what, xml) => {
    await expectRefused(zipParts([['xl/worksheets/sheet1.xml', xml]]), what);
  });

  it.each([
    ['sharedStrings.xml', (book: HandMadeWorkbook) => ({ ...book, sharedStrings: ['<si><t>未闭合</si>'] })],
    ['styles.xml', (book: HandMadeWorkbook) => ({ ...book, numFmts: ['<numFmt numFmtId="164" formatCode="yyyy>'] })],
    ['workbook.xml', (book: HandMadeWorkbook) => ({ ...book, sheets: [{ ...book.sheets[0]!, name: '坏&名' }] })],
  ])('refuses broken XML in %s', async (part, breakIt) => {
    await expectRefused(handMadeXlsx(breakIt({ sharedStrings: ['<si><t>x</t></si>'], sheets: [{ name: 'S', xml: '<row r="1"><c r="A1" t="s"><v>0</v></c></row>' }] })), part);
  });

  it('refuses a damaged part the reader does not otherwise read (as before: every CRC is checked)', async () => {
    const bytes = handMadeXlsx({ sheets: [{ name: 'S', xml: '<row r="1"><c r="A1"><v>1</v></c></row>' }] });
    const name = Buffer.from('docProps/app.xml');
    const at = bytes.indexOf(name) + name.length + 3;
    const damaged = Buffer.from(bytes);
    damaged[at] = damaged[at]! ^ 0x10;
    await expectRefused(damaged, 'docProps/app.xml changed');
  });

  it('refuses an old .xls, a file that is not a zip, and a zip with a wrong CRC recorded', async () => {
    await expectRefused(Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0]), Buffer.alloc(100)]), '.xls', /97-2003/);
    await expectRefused(Buffer.from('姓名,身份证号码\n'), 'CSV named .xlsx', /不是有效的 XLSX/);
    const bytes = handMadeXlsx({ sheets: [{ name: 'S', xml: '<row r="1"><c r="A1"><v>1</v></c></row>' }] });
    const directory = bytes.lastIndexOf(Buffer.from('PK\u0001\u0002'));
    const wrong = Buffer.from(bytes);
    wrong.writeUInt32LE(crc32('x'), directory + 16);
    await expectRefused(wrong, 'last entry with a wrong CRC in the directory');
  });
});
