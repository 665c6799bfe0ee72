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
 * rendered as XML) for every cell. So every header and summary style is made once, here, and handed out again.
 */
function makeHeaderStyle(fill: ExcelTypes.Fill): Partial<ExcelTypes.Style> {
  return {
    font: { ...FONT, bold: true },
    alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
    border: BORDER,
    fill,
    protection: { locked: true },
  };
}

const EDITABLE_HEADER_STYLE = makeHeaderStyle(EDITABLE_HEADER_FILL);
const FIXED_HEADER_STYLE = makeHeaderStyle(HEADER_FILL);

export function headerStyle(editable: boolean): Partial<ExcelTypes.Style> {
  return editable ? EDITABLE_HEADER_STYLE : FIXED_HEADER_STYLE;
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

type SummaryKind = 'text' | 'count' | 'amount';

function makeSummaryStyle(kind: SummaryKind, total: boolean): Partial<ExcelTypes.Style> {
  return {
    numFmt: kind === 'amount' ? AMOUNT_FORMAT : kind === 'count' ? '0' : TEXT_FORMAT,
    font: { ...FONT, bold: total },
    alignment: { vertical: 'middle', horizontal: kind === 'text' ? 'left' : 'right' },
    border: BORDER,
    protection: { locked: true },
    ...(total ? { fill: HEADER_FILL } : {}),
  };
}

/** Per kind: the style of a village line, then of the total line. */
const SUMMARY_STYLES: Record<SummaryKind, readonly [Partial<ExcelTypes.Style>, Partial<ExcelTypes.Style>]> = {
  text: [makeSummaryStyle('text', false), makeSummaryStyle('text', true)],
  count: [makeSummaryStyle('count', false), makeSummaryStyle('count', true)],
  amount: [makeSummaryStyle('amount', false), makeSummaryStyle('amount', true)],
};

export function summaryCellStyle(kind: SummaryKind, total: boolean): Partial<ExcelTypes.Style> {
  return SUMMARY_STYLES[kind][total ? 1 : 0];
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
