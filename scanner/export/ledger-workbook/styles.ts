// Cell styles and page setup shared by the sheets of a ledger workbook.
import type * as ExcelTypes from 'exceljs';
import type { ColumnKind } from './columns.ts';

export const AMOUNT_FORMAT = '#,##0.00';
export const DATE_FORMAT = 'yyyy-mm-dd';
/** Text format keeps what staff type (a 责任人 of digits, a date typed as text) exactly as typed. */
const TEXT_FORMAT = '@';

const THIN: Partial<ExcelTypes.Border> = { style: 'thin', color: { argb: 'FFBFBFBF' } };
const BORDER: Partial<ExcelTypes.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const FONT: Partial<ExcelTypes.Font> = { name: '宋体', size: 10 };

function solid(argb: string): ExcelTypes.Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb } };
}

/** Pale yellow says "fill this in"; grey sets 误报 and 自动销号 rows apart from the open ones. */
const EDITABLE_FILL = solid('FFFFF8DC');
const SET_APART_FILL = solid('FFE7E6E6');
const HEADER_FILL = solid('FFDDEBF7');
const EDITABLE_HEADER_FILL = solid('FFFCE4D6');

export const TITLE_STYLE: Partial<ExcelTypes.Style> = {
  font: { ...FONT, size: 14, bold: true },
  alignment: { horizontal: 'center', vertical: 'middle' },
  protection: { locked: true },
};

/**
 * exceljs recognises a style object it has seen by identity; a new object costs it a full comparison (its font
 * rendered as XML) for every cell. So each style below is made once per combination and handed out again.
 */
function once<Key extends string, Value>(make: (key: Key) => Value): (key: Key) => Value {
  const made = new Map<Key, Value>();
  return (key) => {
    if (!made.has(key)) made.set(key, make(key));
    return made.get(key)!;
  };
}

const HEADER_STYLE = once((kind: 'editable' | 'fixed'): Partial<ExcelTypes.Style> => ({
  font: { ...FONT, bold: true },
  alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
  border: BORDER,
  fill: kind === 'editable' ? EDITABLE_HEADER_FILL : HEADER_FILL,
  protection: { locked: true },
}));

export function headerStyle(editable: boolean): Partial<ExcelTypes.Style> {
  return HEADER_STYLE(editable ? 'editable' : 'fixed');
}

/**
 * One style object per column and row kind, made once and shared by every cell that uses it:
 * exceljs copies nothing, so these objects must never be changed after they are handed out.
 */
export function dataCellStyle(kind: ColumnKind, options: { editable: boolean; setApart: boolean; wrap: boolean }): Partial<ExcelTypes.Style> {
  const numFmt = kind === 'amount' ? AMOUNT_FORMAT : kind === 'date' ? DATE_FORMAT : kind === 'integer' ? '0' : TEXT_FORMAT;
  const fill = options.setApart ? SET_APART_FILL : options.editable ? EDITABLE_FILL : undefined;
  return {
    numFmt,
    font: FONT,
    alignment: { vertical: 'top', wrapText: options.wrap, horizontal: kind === 'amount' ? 'right' : kind === 'integer' ? 'center' : 'left' },
    border: BORDER,
    protection: { locked: !options.editable },
    ...(fill ? { fill } : {}),
  };
}

const SUMMARY_STYLE = once((key: `${'text' | 'count' | 'amount'} ${'total' | 'village'}`): Partial<ExcelTypes.Style> => {
  const [kind, line] = key.split(' ');
  const total = line === 'total';
  return {
    numFmt: kind === 'amount' ? AMOUNT_FORMAT : kind === 'count' ? '0' : TEXT_FORMAT,
    font: { ...FONT, bold: total },
    alignment: { vertical: 'middle', horizontal: kind === 'text' ? 'left' : 'right' },
    border: BORDER,
    protection: { locked: true },
    ...(total ? { fill: HEADER_FILL } : {}),
  };
});

export function summaryCellStyle(kind: 'text' | 'count' | 'amount', total: boolean): Partial<ExcelTypes.Style> {
  return SUMMARY_STYLE(`${kind} ${total ? 'total' : 'village'}`);
}

/** A4 landscape, all columns on one page width, the title and header repeated on every page. */
export function printSetup(titleRows: string): Partial<ExcelTypes.PageSetup> {
  return {
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
    printTitlesRow: titleRows,
  };
}
