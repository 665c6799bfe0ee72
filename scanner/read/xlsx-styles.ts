// Which cell styles (s="n") show a number as a date, decided as exceljs 4.4 decides it from styles.xml (and for the
// built-in formats of zh-CN Excel, which it does not know), how many decimals they always show (0.00: two, so 2026.1
// is seen as 2026.10), and which strike their text through (a row struck through is how many clerks mark a member who
// left).
import { XmlScanner, type XmlHandler } from './xml-scanner.ts';

const YEAR_MONTH = 'yyyy"年"m"月"';
const MONTH_DAY = 'm"月"d"日"';
const HOUR_MINUTE = 'h"时"mm"分"';
const HOUR_MINUTE_SECOND = 'h"时"mm"分"ss"秒"';

/**
 * The built-in formats only a CJK Excel has (ECMA-376 §18.8.30, zh-CN): dates and times written with 年月日/时分秒, which
 * styles.xml names by id alone. Each is a date or a time in every CJK locale. exceljs does not know them, and until
 * 2026-12-05 a date in one (31, yyyy"年"m"月"d"日", the commonest in Chinese lists) went on as its serial number, read
 * later on the 1900 base even in a 1904 workbook: a death in 2026 read as in 2022.
 */
const CHINESE_BUILT_IN_FORMATS: Record<number, string> = {
  27: YEAR_MONTH, 28: MONTH_DAY, 29: MONTH_DAY, 30: 'm-d-yy', 31: 'yyyy"年"m"月"d"日"', 32: HOUR_MINUTE, 33: HOUR_MINUTE_SECOND,
  34: `上午/下午${HOUR_MINUTE}`, 35: `上午/下午${HOUR_MINUTE_SECOND}`, 36: YEAR_MONTH, 50: YEAR_MONTH, 51: MONTH_DAY, 52: YEAR_MONTH,
  53: MONTH_DAY, 54: MONTH_DAY, 55: `上午/下午${HOUR_MINUTE}`, 56: `上午/下午${HOUR_MINUTE_SECOND}`, 57: YEAR_MONTH, 58: MONTH_DAY,
};

/** Built-in number formats: those exceljs knows (lib/xlsx/defaultnumformats.js, the entries with a format for every locale), and zh-CN Excel's. */
const BUILT_IN_FORMATS: Record<number, string> = {
  0: 'General', 1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%', 11: '0.00E+00', 12: '# ?/?',
  13: '# ??/??', 14: 'mm-dd-yy', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 18: 'h:mm AM/PM', 19: 'h:mm:ss AM/PM',
  20: 'h:mm', 21: 'h:mm:ss', 22: 'm/d/yy "h":mm', 37: '#,##0 ;(#,##0)', 38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)', 40: '#,##0.00 ;[Red](#,##0.00)', 45: 'mm:ss', 46: '[h]:mm:ss', 47: 'mmss.0',
  48: '##0.0E+0', 49: '@',
  ...CHINESE_BUILT_IN_FORMATS,
};

/**
 * exceljs' utils.isDateFmt: a date when, outside [brackets] and "quoted text", the format has any of y m d h M s b. A
 * format showing only a year and a month (yyyy"年"m"月", built-in 57) gives the date the serial holds, as exceljs does:
 * read as a month, it refused the row in a column that takes no month (a vehicle's 注销日期), though the day is there.
 */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  const bare = format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]+/.test(bare);
}

/**
 * How many decimals the format always shows, trailing zeros included: 2 for 0.00, #,##0.00 and 0.00_);(0.00), 1 for
 * 0.0 and 0.0#, 0 for General. Read from its first section (positive numbers), without quoted text, [brackets] and the
 * _x and *x spacers. A date, a percentage, a fraction, scientific or text format shows some other number: 0.
 */
export function fixedDecimals(format: string | undefined): number {
  if (!format || isDateFormat(format)) return 0;
  const bare = format.replace(/"[^"]*"/g, '').replace(/\[[^\]]*]/g, '').replace(/[_*]./g, '');
  const positive = bare.split(';')[0]!;
  if (/[%Ee@/]/.test(positive)) return 0;
  return /\.(0+)/.exec(positive)?.[1]!.length ?? 0;
}

export interface CellStyles {
  /** exceljs' getStyleModel(index) is not null: cellXfs has an entry there (otherwise the cell keeps its row's style). */
  exists(index: number): boolean;
  isDate(index: number): boolean;
  /** fixedDecimals of its number format. */
  fixedDecimals(index: number): number;
  /** Its font strikes the text through (<strike/>). */
  isStruck(index: number): boolean;
}

/** A workbook without styles.xml: exceljs' default style manager has one style (index 0), with no number format. */
export const NO_STYLES: CellStyles = { exists: (index) => index === 0, isDate: () => false, fixedDecimals: () => 0, isStruck: () => false };

/** Reads styles.xml: the custom number formats (numFmts) and the cell formats (cellXfs) that point at them. */
export class StylesReader implements XmlHandler {
  readonly wantsText = false;
  readonly scanner = new XmlScanner(this);
  private depth = 0;
  private list: 'numFmts' | 'cellXfs' | 'fonts' | null = null;
  private numFmts: { id: number; formatCode: string }[] = [];
  private cellXfs: { numFmtId: number; fontId: number }[] = [];
  /** Per font: strikes through. */
  private fonts: boolean[] = [];

  openTag(name: string, scanner: XmlScanner): void {
    this.depth++;
    if (this.depth === 2) {
      // A list seen twice replaces the first, as exceljs' ListXform starts a new model on each opening tag.
      if (name === 'numFmts') this.numFmts = [];
      if (name === 'cellXfs') this.cellXfs = [];
      if (name === 'fonts') this.fonts = [];
      this.list = name === 'numFmts' || name === 'cellXfs' || name === 'fonts' ? name : null;
    } else if (this.depth === 3 && this.list === 'numFmts' && name === 'numFmt') {
      // NumFmtXform drops the backslash of every escaped character: "yyyy\-mm" is stored as "yyyy-mm".
      const formatCode = (scanner.attribute('formatCode') ?? '').replace(/[\\](.)/g, '$1');
      this.numFmts.push({ id: parseInt(scanner.attribute('numFmtId') ?? '', 10), formatCode });
    } else if (this.depth === 3 && this.list === 'cellXfs' && name === 'xf') {
      this.cellXfs.push({ numFmtId: parseInt(scanner.attribute('numFmtId') ?? '', 10), fontId: parseInt(scanner.attribute('fontId') ?? '', 10) });
    } else if (this.depth === 3 && this.list === 'fonts' && name === 'font') {
      this.fonts.push(false);
    } else if (this.depth === 4 && this.list === 'fonts' && name === 'strike' && this.fonts.length > 0) {
      // <strike/> or val="1"/"true"; val="0"/"false" turns it off.
      const value = scanner.attribute('val');
      this.fonts[this.fonts.length - 1] = value === undefined || value === '1' || value === 'true';
    }
  }

  closeTag(): void {
    if (this.depth === 2) this.list = null;
    this.depth--;
  }

  text(): void {}

  styles(): CellStyles {
    const customFormats = new Map<number, string>();
    for (const { id, formatCode } of this.numFmts) customFormats.set(id, formatCode);
    // getStyleModel: a numFmtId of 0 (or none) gives no format at all; an empty custom code falls back to the built-in.
    const formats = this.cellXfs.map(({ numFmtId }) => (numFmtId ? customFormats.get(numFmtId) || BUILT_IN_FORMATS[numFmtId] : undefined));
    const dates = formats.map(isDateFormat);
    const decimals = formats.map(fixedDecimals);
    const struck = this.cellXfs.map(({ fontId }) => this.fonts[fontId] === true);
    return {
      exists: (index) => index >= 0 && index < dates.length,
      isDate: (index) => dates[index] === true,
      fixedDecimals: (index) => decimals[index] ?? 0,
      isStruck: (index) => struck[index] === true,
    };
  }
}
