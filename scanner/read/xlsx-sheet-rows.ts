// A worksheet's <row>s as text cells, read the way exceljs' streaming WorksheetReader and row.values read them.
import type { Cell, RawRow } from './raw-row.ts';
import type { XmlHandler, XmlScanner } from './xml-scanner.ts';
import type { CellStyles } from './xlsx-styles.ts';
import type { SharedStrings } from './xlsx-shared-strings.ts';
import {
  dateCellText, decodeEntitiesAgain, decodeExcelEscapes, isYearPointOne, numberText, serialDateText, storedNumberText, textOrNull,
} from './xlsx-cell-text.ts';
import {
  BOOLEAN_CELL, cellTypeCode, columnOfReference, DATE_CELL, ERROR_CELL, INLINE_STRING_CELL, isTrue, NUMBER_CELL, readSimpleCell, readSimpleRowStart,
  SHARED_STRING_CELL, STR_CELL, type SimpleCell, type SimpleRowStart,
} from './xlsx-simple-cell.ts';

/** The sheet's structure is broken in a way exceljs cannot read either (a bad cell address, a row closed twice). */
export class SheetStructureError extends Error {}

export interface SheetContext {
  /** Undefined when the workbook has no sharedStrings.xml. */
  sharedStrings: SharedStrings | undefined;
  styles: CellStyles;
  date1904: boolean;
}

const MAX_COLUMN = 16_384;
// Where the text of a cell goes: exceljs appends every text event to the last <f>, <v>, <is> or <t> opened in the
// cell, even after that element has closed (so white space before </c> is part of the value).
const NOWHERE = 0;
const FORMULA = 1;
const VALUE = 2;

/**
 * A cell's text, or undefined when exceljs holds no value for it (never given one, or a shared string that does not
 * exist): such cells do not count towards the row's length (row.values is as long as its last cell with a value).
 */
type CellValue = Cell | undefined;

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
  /** Per column of the current row: 0 no cell yet, 1 a cell shown as a number, 2 a cell shown as a date. */
  private readonly cellDates = new Uint8Array(MAX_COLUMN + 1);
  /** Per column of the current row: 1 when the cell's font strikes its text through. */
  private readonly cellStruck = new Uint8Array(MAX_COLUMN + 1);
  private rowIsStruck = false;
  /** The row's own style, -1 without one: what its cells without a style of their own show. */
  private rowStyleIndex = -1;
  /** The style the current cell shows its number with (its own, else its row's). */
  private numberStyle = -1;
  /** Per column of the current row: 1 when the cell holds a number that is a month in doubt (shownNumber). */
  private readonly cellDoubtfulMonth = new Uint8Array(MAX_COLUMN + 1);
  /** Cells of the current row marked so (none in nearly every row: markDoubtfulMonths then looks no further). */
  private doubtfulMonths = 0;
  private readonly touchedColumns = new Uint16Array(MAX_COLUMN + 1);
  private touchedCount = 0;
  private inCell = false;
  private column = 0;
  /** -1 without an s attribute (or one parseInt cannot read). */
  private styleIndex = -1;
  private type = NUMBER_CELL;
  private hasFormula = false;
  private formulaText = '';
  private hasValue = false;
  private valueText = '';
  /** exceljs decodes str and inline texts twice; false when the fast lane read the value: it had no entity, so that cannot change it. */
  private mayDecodeAgain = true;
  private target = NOWHERE;
  /** Inside an inline string's phonetic guide (<rPh>): its <t> is no part of the cell's text (see SharedStringsReader). */
  private inPhonetic = false;
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

  private endSimpleCell(xml: string, cell: SimpleCell, scanner: XmlScanner): void {
    this.setColumn(cell.column === 0 ? this.lastColumn + 1 : cell.column);
    this.styleIndex = cell.styleIndex;
    this.type = cell.type;
    this.inCell = true;
    this.hasFormula = false;
    this.hasValue = cell.valueStart >= 0;
    if (!this.hasValue) this.valueText = '';
    else this.valueText = cell.valueIsAscii ? xml.slice(cell.valueStart, cell.valueEnd) : scanner.utf8(cell.valueStart, cell.valueEnd);
    this.mayDecodeAgain = false;
    this.endCell();
    this.mayDecodeAgain = true;
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
        this.hasFormula = true;
        this.formulaText = '';
        this.aim(FORMULA);
        break;
      case 'v':
      case 'is':
      case 't':
        if (!this.inCell || this.inPhonetic) break;
        this.hasValue = true;
        this.valueText = '';
        this.aim(VALUE);
        break;
      case 'rPh':
        if (!this.inCell) break;
        this.inPhonetic = true;
        this.aim(NOWHERE);
        break;
    }
  }

  text(text: string): void {
    if (this.target === VALUE) this.valueText += text;
    else if (this.target === FORMULA) this.formulaText += text;
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
      case 'rPh':
        if (!this.inPhonetic) break;
        // The text after it goes where it went before it, as exceljs appends to the last element opened.
        this.inPhonetic = false;
        this.aim(this.hasValue ? VALUE : NOWHERE);
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
    this.forgetCellStyles();
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
    this.type = type === undefined ? NUMBER_CELL : cellTypeCode(type, 0, type.length);
    this.inCell = true;
    this.hasFormula = false;
    this.hasValue = false;
    this.inPhonetic = false;
    this.aim(NOWHERE);
  }

  private setColumn(column: number, reference?: string): void {
    if (column === 0) throw new SheetStructureError(`单元格地址无效 r="${(reference ?? '').slice(0, 20)}"`);
    if (column > MAX_COLUMN) throw new SheetStructureError(`单元格超出最后一列 XFD（第 ${column} 列）`);
    this.column = column;
    this.lastColumn = column;
  }

  private endCell(): void {
    const column = this.column;
    const before = this.cellDates[column]!;
    if (before === 0) this.touchedColumns[this.touchedCount++] = column;
    // A repeated cell keeps its earlier style unless it names one; `if (c.s)` in exceljs: s="0" names none.
    let isDate = before === 0 ? this.rowIsDate : before === 2;
    const { styles } = this.context;
    const ownStyle = this.styleIndex > 0 && styles.exists(this.styleIndex);
    if (ownStyle) isDate = styles.isDate(this.styleIndex);
    this.cellDates[column] = isDate ? 2 : 1;
    this.cellStruck[column] = (ownStyle ? styles.isStruck(this.styleIndex) : this.rowIsStruck) ? 1 : 0;
    this.numberStyle = ownStyle ? this.styleIndex : this.rowStyleIndex;
    this.cellDoubtfulMonth[column] = 0;
    if (this.hasFormula) this.values[column - 1] = this.formulaValue(isDate);
    else if (this.hasValue) this.values[column - 1] = this.storedValue(isDate);
    this.inCell = false;
    this.aim(NOWHERE);
  }

  /**
   * exceljs keeps a formula's cached result as a string for t="str", a number for any other type (so a boolean one
   * shows 1), and its FormulaValue keeps only a truthy result: 0, NaN (an error's #N/A) and '' are no result. A formula
   * with empty text (a shared formula's copy) keeps it as is. A date-styled one shows its date, not (as in exceljs) its
   * serial number, which was read later on the 1900 base, 4 years and a day early in a 1904 workbook (until 2026-12-05).
   */
  private formulaValue(isDate: boolean): CellValue {
    const text = this.valueText;
    const result = !this.hasValue ? undefined
      : this.type === STR_CELL ? this.stringText(text)
      : this.type === DATE_CELL ? dateCellText(text)
      : parseFloat(text);
    if (this.formulaText !== '' && !result) return null;
    if (result === undefined) return null;
    if (typeof result === 'string') return textOrNull(result);
    return isDate ? this.serialText(result) : this.shownNumber(numberText(result));
  }

  /** A serial number as its date format shows it, on the workbook's base (1900 or 1904). */
  private serialText(serial: number): string {
    return serialDateText(serial, this.context.date1904);
  }

  /** An inline string's or a str cell's text: entities decoded again as exceljs does, then Excel's _xHHHH_ escapes. */
  private stringText(text: string): string {
    return decodeExcelEscapes(this.mayDecodeAgain ? decodeEntitiesAgain(text) : text);
  }

  /**
   * A number's text; 2026.1 (isYearPointOne) as its format shows it: 2026.10 where that shows two decimals (0.00, what
   * the clerk saw: October), else as stored, and its cell marked a month in doubt (RawRow.doubtfulMonthCells). Only
   * this number is read as shown: 600 in a 0.00 cell stays 600, as exceljs reads it.
   */
  private shownNumber(text: string): string {
    if (!isYearPointOne(text)) return text;
    const decimals = this.context.styles.fixedDecimals(this.numberStyle);
    if (decimals >= 2) return Number(text).toFixed(decimals);
    this.cellDoubtfulMonth[this.column] = 1;
    this.doubtfulMonths++;
    return text;
  }

  private storedValue(isDate: boolean): CellValue {
    const text = this.valueText;
    switch (this.type) {
      case SHARED_STRING_CELL: {
        const shared = this.context.sharedStrings?.[parseInt(text, 10)];
        return shared === undefined || shared === null ? undefined : textOrNull(shared);
      }
      case INLINE_STRING_CELL:
      case STR_CELL:
        return textOrNull(this.stringText(text));
      case DATE_CELL:
        return textOrNull(dateCellText(text));
      case ERROR_CELL:
        return text;
      case BOOLEAN_CELL:
        return parseInt(text, 10) !== 0 ? 'TRUE' : 'FALSE';
      default:
        return isDate ? this.serialText(parseFloat(text)) : this.shownNumber(storedNumberText(text));
    }
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
    this.markStruck(row);
    this.markDoubtfulMonths(row);
    this.rows.push(row);
    this.forgetCellStyles();
    this.inRow = false;
    this.inCell = false;
  }

  /**
   * Every cell holding text struck through is how a clerk crosses out a whole row (row.struck); some of them, a name or
   * an ID crossed out (row.struckCells). Most rows have no struck cell at all, settled by the style flags alone.
   */
  private markStruck(row: RawRow): void {
    let anyStruck = false;
    for (let i = 0; i < this.touchedCount && !anyStruck; i++) anyStruck = this.cellStruck[this.touchedColumns[i]!] === 1;
    if (!anyStruck) return;
    const struck: number[] = [];
    let filled = 0;
    for (let i = 0; i < this.touchedCount; i++) {
      const column = this.touchedColumns[i]!;
      const cell = row.cells[column - 1];
      if (cell === null || cell === undefined || cell.trim() === '') continue;
      filled++;
      if (this.cellStruck[column] === 1) struck.push(column - 1);
    }
    if (struck.length === 0) return;
    if (struck.length === filled) row.struck = true;
    else row.struckCells = struck.sort((a, b) => a - b);
  }

  private markDoubtfulMonths(row: RawRow): void {
    if (this.doubtfulMonths === 0) return;
    const doubtful: number[] = [];
    for (let i = 0; i < this.touchedCount; i++) {
      const column = this.touchedColumns[i]!;
      if (this.cellDoubtfulMonth[column] === 1) doubtful.push(column - 1);
    }
    if (doubtful.length > 0) row.doubtfulMonthCells = doubtful.sort((a, b) => a - b);
  }

  private forgetCellStyles(): void {
    for (let i = 0; i < this.touchedCount; i++) {
      this.cellDates[this.touchedColumns[i]!] = 0;
      this.cellStruck[this.touchedColumns[i]!] = 0;
      this.cellDoubtfulMonth[this.touchedColumns[i]!] = 0;
    }
    this.touchedCount = 0;
    this.doubtfulMonths = 0;
  }
}
