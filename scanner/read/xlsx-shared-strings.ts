// Reads sharedStrings.xml the way exceljs' streaming reader does, so shared-string cells read the same, except for
// phonetic readings and Excel's _xHHHH_ escapes, which it got wrong.
import { decodeExcelEscapes } from './xlsx-cell-text.ts';
import type { XmlHandler } from './xml-scanner.ts';

/**
 * One entry per <si>: its text; '' for rich text whose runs are all empty (a value, shown as nothing); null for an
 * <si> without text, which exceljs stores as no value at all (the cell then does not count towards the row's length).
 */
export type SharedStrings = (string | null)[];

/**
 * exceljs' rules (WorkbookReader._parseSharedStrings), including its oddities: every text event since the last <t>
 * opened counts, so white space after </t> is kept; rich text is the concatenation of its <r> runs and then ignores any
 * text outside them. Not its reading of a phonetic guide (<rPh><t>zhāng sān</t></rPh>, which Excel keeps beside a
 * name typed with an IME): that is no part of the cell's text, and until 2026-12-05 it replaced it, so 张三 read
 * "zhāng sān" and no longer matched the death list's 张三.
 */
export class SharedStringsReader implements XmlHandler {
  readonly wantsText = true;
  readonly strings: SharedStrings = [];
  private pending: string | null = null;
  private runs: (string | null)[] = [];
  private inPhonetic = false;

  openTag(name: string): void {
    if (name === 'si') {
      this.runs = [];
      this.pending = null;
      this.inPhonetic = false;
    } else if (name === 'rPh') {
      this.inPhonetic = true;
    } else if (name === 't' && !this.inPhonetic) {
      this.pending = null;
    }
  }

  text(text: string): void {
    if (this.inPhonetic) return;
    this.pending = this.pending === null ? text : this.pending + text;
  }

  closeTag(name: string): void {
    if (name === 'rPh') {
      this.inPhonetic = false;
    } else if (name === 'r') {
      this.runs.push(this.pending);
      this.pending = null;
    } else if (name === 'si') {
      const text = this.runs.length > 0 ? this.runs.join('') : this.pending;
      this.strings.push(text === null ? null : decodeExcelEscapes(text));
      this.runs = [];
      this.pending = null;
    }
  }
}
