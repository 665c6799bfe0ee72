// A worksheet's <row>s as text cells, read the way exceljs' streaming WorksheetReader and row.values read them: the XML
// events of rows and cells, and the rows they make. A cell's text is xlsx-cell-value.ts's, a row's marks xlsx-row-marks.ts's.
import type { Cell, RawRow } from './raw-row.ts';
import type { XmlHandler, XmlScanner } from './xml-scanner.ts';
import { cellValue, type CellContent, type CellValue, type SheetContext } from './xlsx-cell-value.ts';
import { MAX_COLUMN, RowMarks } from './xlsx-row-marks.ts';
import {
  cellTypeCode, columnOfReference, isTrue, NUMBER_CELL, readSimpleCell, readSimpleRowStart, type SimpleCell, type SimpleRowStart,
} from './xlsx-simple-cell.ts';

export type { SheetContext } from './xlsx-cell-value.ts';

/** The sheet's structure is broken in a way exceljs cannot read either (a bad cell address, a row closed twice). */
export class SheetStructureError extends Error {}

// Where the text of a cell goes: exceljs appends every text event to the last <f>, <v>, <is> or <t> opened in the
// cell, even after that element has closed (so white space before </c> is part of the value); rich-text runs apart (runsText).
const NOWHERE = 0;
const FORMULA = 1;
const VALUE = 2;

export class SheetRowsReader implements XmlHandler {
  wantsText = false;
  /** Rows completed since the last take. */
  rows: RawRow[] = [];
  private inSheetData = false;
  private inRow = false;
  private line = 0;
  private rowIsDate = false;
  private values: CellValue[] = [];
  private lastColumn = 0;
  private readonly marks = new RowMarks();
  private rowIsStruck = false;
  /** The row's own style, -1 without one: what its cells without a style of their own show. */
  private rowStyleIndex = -1;
  private inCell = false;
  /** -1 without an s attribute (or one parseInt cannot read). */
  private styleIndex = -1;
  /** The current cell as far as it has been read. */
  private readonly cell: CellContent = {
    column: 0, type: NUMBER_CELL, hasFormula: false, formulaText: '', hasValue: false, valueText: '', mayDecodeAgain: true, isDate: false, numberStyle: -1,
  };
  private target = NOWHERE;
  /** Inside an inline string's phonetic guide (<rPh>): its <t> is no part of the cell's text (see SharedStringsReader). */
  private inPhonetic = false;
  /**
   * An inline string in rich-text runs (<is><r><t>3713291985</t></r><r><rPr><b/></rPr><t>07071071</t></r></is>): the
   * text of the runs closed so far; null while the cell has none. Its text is all its runs, as a shared string's is;
   * exceljs kept the last run only, and until 2026-12-05 so did this reader (the ID read 07071071: a death missed).
   */
  private runsText: string | null = null;
  private inRun = false;
  private readonly simpleCell: SimpleCell = { column: 0, styleIndex: -1, type: NUMBER_CELL, valueStart: -1, valueEnd: -1, valueIsAscii: true };
  private readonly simpleRow: SimpleRowStart = { line: -1, styleIndex: -1, hidden: false, selfClosing: false };
  private rowHidden = false;

  constructor(private readonly context: SheetContext) {}

  /**
   * The fast lane (xlsx-simple-cell.ts): a plain <row ...> start tag and the plain cells after it, up to </row> or
   * to the first thing it leaves to the general path. It ends every cell and row exactly as the general path would.
   * A part written with a namespace prefix (<x:row>, xml-namespaces.ts) goes the general path whole: <x: is neither
   * <r nor <c, and <c:row or <row:c is no start tag the lane reads.
   */
  consumeMarkup(xml: string, less: number, scanner: XmlScanner): number {
    let at = less;
    const second = xml.charCodeAt(less + 1);
    if (second === 0x72 /* r */) {
      if (!this.inSheetData) return -1;
      const row = this.simpleRow;
      const end = readSimpleRowStart(xml, less, row);
      if (end < 0) return -1;
      this.beginRow(row.line < 0 ? this.line + 1 : row.line, row.styleIndex, row.hidden);
      if (row.selfClosing) {
        this.endRow();
        return end;
      }
      scanner.enterElement('row');
      at = end;
    } else if (second !== 0x63 /* c */ || !this.inRow || scanner.currentElement() !== 'row') {
      return -1;
    }
    const cell = this.simpleCell;
    for (;;) {
      if (xml.charCodeAt(at) !== 0x3c /* < */) break;
      const next = xml.charCodeAt(at + 1);
      if (next === 0x63) {
        const end = readSimpleCell(xml, at, cell);
        if (end < 0) break;
        this.endSimpleCell(xml, cell, scanner);
        at = end;
      } else if (next === 0x2f && xml.startsWith('</row>', at)) {
        scanner.leaveElement('row', at);
        this.endRow();
        return at + 6;
      } else {
        break;
      }
    }
    return at === less ? -1 : at;
  }

  private endSimpleCell(xml: string, simple: SimpleCell, scanner: XmlScanner): void {
    this.setColumn(simple.column === 0 ? this.lastColumn + 1 : simple.column);
    this.styleIndex = simple.styleIndex;
    const cell = this.cell;
    cell.type = simple.type;
    this.inCell = true;
    cell.hasFormula = false;
    cell.hasValue = simple.valueStart >= 0;
    if (!cell.hasValue) cell.valueText = '';
    else cell.valueText = simple.valueIsAscii ? xml.slice(simple.valueStart, simple.valueEnd) : scanner.utf8(simple.valueStart, simple.valueEnd);
    cell.mayDecodeAgain = false;
    this.endCell();
    cell.mayDecodeAgain = true;
  }

  openTag(name: string, scanner: XmlScanner): void {
    switch (name) {
      case 'sheetData':
        this.inSheetData = true;
        break;
      case 'row':
        if (this.inSheetData) this.startRow(scanner);
        break;
      case 'c':
        if (this.inRow) this.startCell(scanner);
        break;
      case 'f':
        if (!this.inCell) break;
        this.cell.hasFormula = true;
        this.cell.formulaText = '';
        this.aim(FORMULA);
        break;
      case 'v':
      case 'is':
      case 't':
        if (!this.inCell || this.inPhonetic) break;
        this.cell.hasValue = true;
        this.cell.valueText = '';
        this.aim(VALUE);
        break;
      case 'r':
        if (!this.inCell || this.inPhonetic) break;
        // Only its <t> is the run's text: not its <rPr> nor the white space around them.
        this.inRun = true;
        this.runsText ??= '';
        this.cell.valueText = '';
        this.aim(NOWHERE);
        break;
      case 'rPh':
        if (!this.inCell) break;
        this.inPhonetic = true;
        this.aim(NOWHERE);
        break;
    }
  }

  text(text: string): void {
    if (this.target === VALUE) this.cell.valueText += text;
    else if (this.target === FORMULA) this.cell.formulaText += text;
  }

  closeTag(name: string): void {
    switch (name) {
      case 'sheetData':
        this.inSheetData = false;
        break;
      case 'row':
        this.endRow();
        break;
      case 'c':
        if (this.inCell) this.endCell();
        break;
      case 't':
        if (this.inRun) this.aim(NOWHERE);
        break;
      case 'r':
        if (!this.inRun) break;
        this.inRun = false;
        this.runsText += this.cell.valueText;
        this.cell.valueText = '';
        break;
      case 'rPh':
        if (!this.inPhonetic) break;
        // The text after it goes where it went before it, as exceljs appends to the last element opened.
        this.inPhonetic = false;
        this.aim(this.cell.hasValue ? VALUE : NOWHERE);
        break;
    }
  }

  private aim(target: number): void {
    this.target = target;
    this.wantsText = target !== NOWHERE;
  }

  private startRow(scanner: XmlScanner): void {
    const number = scanner.attribute('r');
    // exceljs gives a row without r the line NaN (and fails on its first cell); the format means "the next row".
    const line = number === undefined ? this.line + 1 : parseInt(number, 10);
    if (!(line >= 0)) throw new SheetStructureError(`行号无效 r="${number}"`);
    // A row's own style (s="n", any non-empty value) is what its cells without a style of their own show.
    const style = scanner.attribute('s');
    this.beginRow(line, style ? parseInt(style, 10) : -1, isTrue(scanner.attribute('hidden')));
  }

  private beginRow(line: number, styleIndex: number, hidden: boolean): void {
    this.line = line;
    this.rowHidden = hidden;
    this.inRow = true;
    this.lastColumn = 0;
    this.values = [];
    this.marks.forget();
    const { styles } = this.context;
    const styled = styles.exists(styleIndex);
    this.rowIsDate = styled && styles.isDate(styleIndex);
    this.rowIsStruck = styled && styles.isStruck(styleIndex);
    this.rowStyleIndex = styled ? styleIndex : -1;
  }

  private startCell(scanner: XmlScanner): void {
    const reference = scanner.attribute('r');
    // exceljs fails on a cell without r; the format means "the column after the previous cell".
    if (reference === undefined) this.setColumn(this.lastColumn + 1);
    else this.setColumn(columnOfReference(reference), reference);
    const style = scanner.attribute('s');
    const styleIndex = style === undefined ? NaN : parseInt(style, 10);
    this.styleIndex = Number.isNaN(styleIndex) ? -1 : styleIndex;
    const type = scanner.attribute('t');
    this.cell.type = type === undefined ? NUMBER_CELL : cellTypeCode(type, 0, type.length);
    this.inCell = true;
    this.cell.hasFormula = false;
    this.cell.hasValue = false;
    this.inPhonetic = false;
    this.aim(NOWHERE);
  }

  private setColumn(column: number, reference?: string): void {
    if (column === 0) throw new SheetStructureError(`单元格地址无效 r="${(reference ?? '').slice(0, 20)}"`);
    if (column > MAX_COLUMN) throw new SheetStructureError(`单元格超出最后一列 XFD（第 ${column} 列）`);
    this.cell.column = column;
    this.lastColumn = column;
  }

  private endCell(): void {
    const cell = this.cell;
    const column = cell.column;
    const { styles } = this.context;
    // A repeated cell keeps its earlier style unless it names one; `if (c.s)` in exceljs: s="0" names none.
    let isDate = this.marks.shownAsDateBefore(column) ?? this.rowIsDate;
    const ownStyle = this.styleIndex > 0 && styles.exists(this.styleIndex);
    if (ownStyle) isDate = styles.isDate(this.styleIndex);
    this.marks.record(column, isDate, ownStyle ? styles.isStruck(this.styleIndex) : this.rowIsStruck);
    cell.isDate = isDate;
    cell.numberStyle = ownStyle ? this.styleIndex : this.rowStyleIndex;
    // Rich text is its runs: text outside them (a <t> beside them, white space) is no part of it, as in shared strings.
    if (this.runsText !== null) cell.valueText = this.runsText;
    if (cell.hasFormula || cell.hasValue) this.values[column - 1] = cellValue(cell, this.context, this.marks);
    this.inCell = false;
    this.runsText = null;
    this.inRun = false;
    this.aim(NOWHERE);
  }

  private endRow(): void {
    // exceljs emits a null row for a </row> it did not open, and reading it fails.
    if (!this.inRow) throw new SheetStructureError('行结束标记多余');
    const cells = this.values;
    let length = cells.length;
    while (length > 0 && cells[length - 1] === undefined) length--;
    if (length !== cells.length) cells.length = length;
    for (let i = 0; i < length; i++) if (cells[i] === undefined) cells[i] = null;
    const row: RawRow = { line: this.line, cells: cells as Cell[] };
    if (this.rowHidden) row.hidden = true;
    this.marks.markRow(row);
    this.rows.push(row);
    this.marks.forget();
    this.inRow = false;
    this.inCell = false;
  }
}
