// Reads sharedStrings.xml the way exceljs' streaming reader does, so shared-string cells read the same.
import type { XmlHandler } from './xml-scanner.ts';

/**
 * One entry per <si>: its text; '' for rich text whose runs are all empty (a value, shown as nothing); null for an
 * <si> without text, which exceljs stores as no value at all (the cell then does not count towards the row's length).
 */
export type SharedStrings = (string | null)[];

/**
 * exceljs' rules (WorkbookReader._parseSharedStrings), including its oddities: every text event since the last <t>
 * opened counts, so white space after </t> is kept and a phonetic reading (<rPh><t>…) replaces the plain text before
 * it; rich text is the concatenation of its <r> runs and then ignores any text outside them.
 */
export class SharedStringsReader implements XmlHandler {
  readonly wantsText = true;
  readonly strings: SharedStrings = [];
  private pending: string | null = null;
  private runs: (string | null)[] = [];

  openTag(name: string): void {
    if (name === 'si') {
      this.runs = [];
      this.pending = null;
    } else if (name === 't') {
      this.pending = null;
    }
  }

  text(text: string): void {
    this.pending = this.pending === null ? text : this.pending + text;
  }

  closeTag(name: string): void {
    if (name === 'r') {
      this.runs.push(this.pending);
      this.pending = null;
    } else if (name === 'si') {
      this.strings.push(this.runs.length > 0 ? this.runs.join('') : this.pending);
      this.runs = [];
      this.pending = null;
    }
  }
}
