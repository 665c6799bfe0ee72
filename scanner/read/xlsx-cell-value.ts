// One worksheet cell's text from what its XML held (type, formula, stored value) and how its style shows it: the rules
// of exceljs' WorksheetReader and row.values, but for the few things it misread (see the README's reader notes).
import type { Cell } from './raw-row.ts';
import type { CellStyles } from './xlsx-styles.ts';
import type { SharedStrings } from './xlsx-shared-strings.ts';
import type { RowMarks } from './xlsx-row-marks.ts';
import {
  dateCellText, decodeEntitiesAgain, decodeExcelEscapes, isYearPointOne, numberText, serialDateText, storedNumberText, textOrNull,
} from './xlsx-cell-text.ts';
import { BOOLEAN_CELL, DATE_CELL, ERROR_CELL, INLINE_STRING_CELL, SHARED_STRING_CELL, STR_CELL } from './xlsx-simple-cell.ts';

export interface SheetContext {
  /** Undefined when the workbook has no sharedStrings.xml. */
  sharedStrings: SharedStrings | undefined;
  styles: CellStyles;
  date1904: boolean;
}

/**
 * A cell's text, or undefined when exceljs holds no value for it (never given one, or a shared string that does not
 * exist): such cells do not count towards the row's length (row.values is as long as its last cell with a value).
 */
export type CellValue = Cell | undefined;

/** What the sheet reader gathered of one cell; one object, refilled cell after cell. */
export interface CellContent {
  column: number;
  /** The t attribute's code (NUMBER_CELL …). */
  type: number;
  hasFormula: boolean;
  formulaText: string;
  /** It had a <v>, <is> or <t>: valueText is its text (an inline string's runs already joined). */
  hasValue: boolean;
  valueText: string;
  /** exceljs decodes str and inline texts twice; false when the fast lane read the value: it had no entity, so that cannot change it. */
  mayDecodeAgain: boolean;
  /** Its style (its own, else its row's) shows a date. */
  isDate: boolean;
  /** The style it shows its number with (its own, else its row's), -1 for none. */
  numberStyle: number;
}

/** The value of a cell with a formula or a stored value (one with neither keeps what it had). A month in doubt is marked in `marks`. */
export function cellValue(cell: CellContent, context: SheetContext, marks: RowMarks): CellValue {
  return cell.hasFormula ? formulaValue(cell, context, marks) : storedValue(cell, context, marks);
}

/**
 * exceljs keeps a formula's cached result as a string for t="str", a number for any other type (so a boolean one
 * shows 1), and its FormulaValue keeps only a truthy result: 0, NaN (an error's #N/A) and '' are no result. A formula
 * with empty text (a shared formula's copy) keeps it as is. A date-styled one shows its date, not (as in exceljs) its
 * serial number, which was read later on the 1900 base, 4 years and a day early in a 1904 workbook (until 2026-12-05).
 */
function formulaValue(cell: CellContent, context: SheetContext, marks: RowMarks): CellValue {
  const text = cell.valueText;
  const result = !cell.hasValue ? undefined
    : cell.type === STR_CELL ? stringText(cell)
    : cell.type === DATE_CELL ? dateCellText(text)
    : parseFloat(text);
  if (cell.formulaText !== '' && !result) return null;
  if (result === undefined) return null;
  if (typeof result === 'string') return textOrNull(result);
  return cell.isDate ? serialDateText(result, context.date1904) : shownNumber(numberText(result), cell, context, marks);
}

function storedValue(cell: CellContent, context: SheetContext, marks: RowMarks): CellValue {
  const text = cell.valueText;
  switch (cell.type) {
    case SHARED_STRING_CELL: {
      const shared = context.sharedStrings?.[parseInt(text, 10)];
      return shared === undefined || shared === null ? undefined : textOrNull(shared);
    }
    case INLINE_STRING_CELL:
    case STR_CELL:
      return textOrNull(stringText(cell));
    case DATE_CELL:
      return textOrNull(dateCellText(text));
    case ERROR_CELL:
      return text;
    case BOOLEAN_CELL:
      return parseInt(text, 10) !== 0 ? 'TRUE' : 'FALSE';
    default:
      return cell.isDate ? serialDateText(parseFloat(text), context.date1904) : shownNumber(storedNumberText(text), cell, context, marks);
  }
}

/** An inline string's or a str cell's text: entities decoded again as exceljs does, then Excel's _xHHHH_ escapes. */
function stringText(cell: CellContent): string {
  return decodeExcelEscapes(cell.mayDecodeAgain ? decodeEntitiesAgain(cell.valueText) : cell.valueText);
}

/**
 * A number's text; 2026.1 (isYearPointOne) as its format shows it: 2026.10 where that shows two decimals (0.00, what
 * the clerk saw: October), else as stored, and its cell marked a month in doubt (RawRow.doubtfulMonthCells). Only
 * this number is read as shown: 600 in a 0.00 cell stays 600, as exceljs reads it.
 */
function shownNumber(text: string, cell: CellContent, context: SheetContext, marks: RowMarks): string {
  if (!isYearPointOne(text)) return text;
  const decimals = context.styles.fixedDecimals(cell.numberStyle);
  if (decimals >= 2) return Number(text).toFixed(decimals);
  marks.markDoubtfulMonth(cell.column);
  return text;
}
