// Cell styles of the printed spot-check sheet: dark borders to write between, a heavier line between households.
import type * as ExcelTypes from 'exceljs';

export type CellKind = 'text' | 'integer' | 'amount';

const FONT: Partial<ExcelTypes.Font> = { name: '宋体', size: 10 };
const THIN: Partial<ExcelTypes.Border> = { style: 'thin', color: { argb: 'FF000000' } };
const MEDIUM: Partial<ExcelTypes.Border> = { style: 'medium', color: { argb: 'FF000000' } };

function solid(argb: string): ExcelTypes.Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb } };
}

const HEADER_FILL = solid('FFD9D9D9');
/** The columns the checker fills in by hand, set apart the way the ledger workbooks mark what staff fill in. */
const HANDWRITTEN_HEADER_FILL = solid('FFFCE4D6');

export const TITLE_STYLE: Partial<ExcelTypes.Style> = {
  font: { ...FONT, size: 16, bold: true },
  alignment: { horizontal: 'center', vertical: 'middle' },
};

export const INFO_STYLE: Partial<ExcelTypes.Style> = {
  font: FONT,
  alignment: { horizontal: 'left', vertical: 'middle', wrapText: true },
};

export function headerStyle(handwritten: boolean): Partial<ExcelTypes.Style> {
  return {
    font: { ...FONT, bold: true },
    alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
    border: { top: MEDIUM, left: THIN, bottom: MEDIUM, right: THIN },
    fill: handwritten ? HANDWRITTEN_HEADER_FILL : HEADER_FILL,
  };
}

const cache = new Map<string, Partial<ExcelTypes.Style>>();

/**
 * One shared style per kind, wrap, emphasis and "last row of a household" (which carries the heavier bottom line).
 * exceljs keeps a reference rather than a copy, so a handed-out style is never changed.
 */
export function blockCellStyle(kind: CellKind, options: { wrap: boolean; lastRowOfHousehold: boolean; bold?: boolean }): Partial<ExcelTypes.Style> {
  const key = JSON.stringify([kind, options.wrap, options.lastRowOfHousehold, options.bold ?? false]);
  let style = cache.get(key);
  if (!style) {
    style = {
      numFmt: kind === 'amount' ? '#,##0.00' : kind === 'integer' ? '0' : '@',
      font: { ...FONT, bold: options.bold ?? false },
      alignment: { vertical: 'top', wrapText: options.wrap, horizontal: kind === 'text' ? 'left' : kind === 'amount' ? 'right' : 'center' },
      border: { top: THIN, left: THIN, right: THIN, bottom: options.lastRowOfHousehold ? MEDIUM : THIN },
    };
    cache.set(key, style);
  }
  return style;
}

export const LABEL_STYLE: Partial<ExcelTypes.Style> = {
  font: { ...FONT, bold: true },
  alignment: { vertical: 'top', horizontal: 'left', wrapText: true },
  border: { top: THIN, left: THIN, bottom: THIN, right: THIN },
  fill: HEADER_FILL,
};

export const VALUE_STYLE: Partial<ExcelTypes.Style> = {
  font: FONT,
  numFmt: '@',
  alignment: { vertical: 'top', horizontal: 'left', wrapText: true },
  border: { top: THIN, left: THIN, bottom: THIN, right: THIN },
};

export const NUMBER_STYLE: Partial<ExcelTypes.Style> = {
  ...VALUE_STYLE,
  numFmt: '0',
  alignment: { vertical: 'top', horizontal: 'center' },
};

export const SECTION_STYLE: Partial<ExcelTypes.Style> = {
  font: { ...FONT, size: 12, bold: true },
  alignment: { vertical: 'middle', horizontal: 'left' },
};

export const PARAGRAPH_STYLE: Partial<ExcelTypes.Style> = {
  font: FONT,
  alignment: { vertical: 'top', horizontal: 'left', wrapText: true },
};
