// The fast lane for a worksheet's commonest markup, <row r="2" spans="1:6"> and <c r="A1" s="1" t="str"><v>text</v></c>
// or <c r="A1" s="1"/>, read in one pass instead of five XML events. Anything else (entities, formulas, inline
// strings, other attributes, other spacing) is left to the general path, which reads it the same way only slower:
// this lane must never decide differently, only sooner. Character by character on purpose: it runs once per cell.
import { BYTE } from './xml-characters.ts';

/**
 * The t attribute as exceljs tells types apart (a small number, cheaper to compare than text): n, none and any unknown
 * type all read as a number. And d, an ISO 8601 date, which exceljs read as a number too (2026-07-10: 2026).
 */
export const NUMBER_CELL = 0;
export const SHARED_STRING_CELL = 1;
export const STR_CELL = 2;
export const INLINE_STRING_CELL = 3;
export const BOOLEAN_CELL = 4;
export const ERROR_CELL = 5;
export const DATE_CELL = 6;

/** What the lane read; reused from cell to cell. */
export interface SimpleCell {
  /** 0 when the cell has no r attribute. */
  column: number;
  /** -1 when the cell has no s attribute. */
  styleIndex: number;
  type: number;
  /** -1 for a cell without <v>. */
  valueStart: number;
  valueEnd: number;
  /** The value is ASCII: its Latin-1 view is its text; otherwise it must be decoded as UTF-8. */
  valueIsAscii: boolean;
}


export interface SimpleRowStart {
  /** -1 when the row has no r attribute. */
  line: number;
  /** -1 when the row has no s attribute. */
  styleIndex: number;
  /** hidden="1" (or "true"): a row hidden in Excel, by hand or by a filter. */
  hidden: boolean;
  selfClosing: boolean;
}

/**
 * Reads a <row ...> or <row .../> start tag at `less`: attributes with plain values (r and s in digits, any other
 * ignored); returns the position after it, or -1 for the general path.
 */
export function readSimpleRowStart(xml: string, less: number, row: SimpleRowStart): number {
  const length = xml.length;
  if (xml.charCodeAt(less + 2) !== 0x6f /* o */ || xml.charCodeAt(less + 3) !== 0x77 /* w */) return -1;
  let i = less + 4;
  row.line = -1;
  row.styleIndex = -1;
  row.hidden = false;
  for (;;) {
    if (i + 1 >= length) return -1;
    let code = xml.charCodeAt(i);
    if (code === BYTE.GREATER) {
      row.selfClosing = false;
      return i + 1;
    }
    if (code === BYTE.SLASH) {
      if (xml.charCodeAt(i + 1) !== BYTE.GREATER) return -1;
      row.selfClosing = true;
      return i + 2;
    }
    if (code !== BYTE.SPACE) return -1;
    const nameStart = ++i;
    code = xml.charCodeAt(i);
    if (!((code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 0x5f)) return -1;
    for (; i < length; i++) {
      code = xml.charCodeAt(i);
      if (!((code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 58) || code === 0x5f || code === 0x2d || code === 0x2e)) break;
    }
    if (i === nameStart || i + 1 >= length || code !== BYTE.EQUALS || xml.charCodeAt(i + 1) !== BYTE.DOUBLE_QUOTE) return -1;
    // A namespace declaration (xmlns:x="…") is for the general path: it records the prefixes in scope (xml-namespaces.ts).
    if (xml.charCodeAt(nameStart) === 0x78 /* x */ && xml.startsWith('xmlns', nameStart)) return -1;
    const isLine = i - nameStart === 1 && xml.charCodeAt(nameStart) === 0x72 /* r */;
    const isStyle = i - nameStart === 1 && xml.charCodeAt(nameStart) === 0x73 /* s */;
    const isHidden = i - nameStart === 6 && xml.startsWith('hidden', nameStart);
    const valueStart = i + 2;
    let value = 0;
    for (i = valueStart; i < length; i++) {
      code = xml.charCodeAt(i);
      if (code === BYTE.DOUBLE_QUOTE) break;
      if (code === BYTE.AMPERSAND || code === BYTE.LESS || code < BYTE.SPACE || code >= 0x80) return -1;
      if ((isLine || isStyle) && (code < 48 || code > 57)) return -1;
      value = value * 10 + code - 48;
    }
    if (i >= length) return -1;
    if (isLine || isStyle) {
      // A repeated attribute is for the general path too (it keeps the first).
      if (i === valueStart || i - valueStart > 9 || (isLine ? row.line : row.styleIndex) >= 0) return -1;
      if (isLine) row.line = value;
      else row.styleIndex = value;
    }
    if (isHidden) row.hidden = isTrue(xml.slice(valueStart, i));
    i++;
  }
}

/** An xsd:boolean attribute's true. */
export const isTrue = (value: string | undefined) => value === '1' || value === 'true';

/**
 * Reads the cell element starting at `less` (its '<') in the Latin-1 view of a worksheet; returns the position after
 * it, or -1 when it is not one of the simple forms, or not complete in the buffer: then nothing was read and the
 * general path takes over.
 */
export function readSimpleCell(xml: string, less: number, cell: SimpleCell): number {
  const length = xml.length;
  let i = less + 2;
  let column = 0;
  let styleIndex = -1;
  let type = -1;
  // Attributes: a space, a one-letter name (r, s or t), =", a plain value, ".
  for (;;) {
    if (i + 4 >= length) return -1;
    let code = xml.charCodeAt(i);
    if (code === BYTE.GREATER) {
      i++;
      break;
    }
    if (code === BYTE.SLASH) {
      if (xml.charCodeAt(i + 1) !== BYTE.GREATER) return -1;
      return emptyCell(cell, column, styleIndex, type, i + 2);
    }
    if (code !== BYTE.SPACE || xml.charCodeAt(i + 2) !== BYTE.EQUALS || xml.charCodeAt(i + 3) !== BYTE.DOUBLE_QUOTE) return -1;
    const name = xml.charCodeAt(i + 1);
    const valueStart = i + 4;
    i = valueStart;
    if (name === 0x72 /* r */) {
      if (column !== 0) return -1;
      // A1, AB12: capital letters, then digits (what exceljs' decodeAddress reads; anything rarer goes the long way).
      for (; i < length; i++) {
        code = xml.charCodeAt(i);
        if (code < 65 || code > 90) break;
        column = column * 26 + code - 64;
      }
      for (; i < length; i++) {
        code = xml.charCodeAt(i);
        if (code < 48 || code > 57) break;
      }
      if (code !== BYTE.DOUBLE_QUOTE || column === 0) return -1;
    } else if (name === 0x73 /* s */) {
      if (styleIndex >= 0) return -1;
      let value = 0;
      for (; i < length; i++) {
        code = xml.charCodeAt(i);
        if (code < 48 || code > 57) break;
        value = value * 10 + code - 48;
      }
      if (code !== BYTE.DOUBLE_QUOTE || i === valueStart || i - valueStart > 9) return -1;
      styleIndex = value;
    } else if (name === 0x74 /* t */) {
      if (type >= 0) return -1;
      for (; i < length; i++) {
        code = xml.charCodeAt(i);
        if (code < 97 || code > 122) break;
      }
      // Only the lower-case types; inlineStr and anything else go the long way.
      if (code !== BYTE.DOUBLE_QUOTE) return -1;
      type = cellTypeCode(xml, valueStart, i);
    } else {
      return -1;
    }
    i++;
  }
  // Then </c> for a cell holding nothing, or <v>text</v></c>.
  if (i + 4 > length || xml.charCodeAt(i) !== BYTE.LESS) return -1;
  if (xml.charCodeAt(i + 1) === BYTE.SLASH) {
    if (xml.charCodeAt(i + 2) !== BYTE.LETTER_C || xml.charCodeAt(i + 3) !== BYTE.GREATER) return -1;
    return emptyCell(cell, column, styleIndex, type, i + 4);
  }
  if (xml.charCodeAt(i + 1) !== BYTE.LETTER_V || xml.charCodeAt(i + 2) !== BYTE.GREATER) return -1;
  const valueStart = i + 3;
  let valueEnd = valueStart;
  let ascii = true;
  for (; valueEnd < length; valueEnd++) {
    const code = xml.charCodeAt(valueEnd);
    if (code === BYTE.LESS) break;
    // An entity or a carriage return needs decoding: the general path does that.
    if (code === BYTE.AMPERSAND || code === BYTE.CARRIAGE_RETURN) return -1;
    if (code >= 0x80) ascii = false;
  }
  if (valueEnd + 8 > length || xml.charCodeAt(valueEnd + 1) !== BYTE.SLASH || xml.charCodeAt(valueEnd + 2) !== BYTE.LETTER_V
    || xml.charCodeAt(valueEnd + 3) !== BYTE.GREATER || xml.charCodeAt(valueEnd + 4) !== BYTE.LESS || xml.charCodeAt(valueEnd + 5) !== BYTE.SLASH
    || xml.charCodeAt(valueEnd + 6) !== BYTE.LETTER_C || xml.charCodeAt(valueEnd + 7) !== BYTE.GREATER) return -1;
  cell.column = column;
  cell.styleIndex = styleIndex;
  cell.type = type < 0 ? NUMBER_CELL : type;
  cell.valueStart = valueStart;
  cell.valueEnd = valueEnd;
  cell.valueIsAscii = ascii;
  return valueEnd + 8;
}

function emptyCell(cell: SimpleCell, column: number, styleIndex: number, type: number, end: number): number {
  cell.column = column;
  cell.styleIndex = styleIndex;
  cell.type = type < 0 ? NUMBER_CELL : type;
  cell.valueStart = -1;
  cell.valueEnd = -1;
  return end;
}

/** The column of a cell reference such as AB12, as exceljs' colCache.decodeAddress reads it; 0 when it has no letters. */
export function columnOfReference(reference: string): number {
  let column = 0;
  let hasRow = false;
  for (let i = 0; i < reference.length; i++) {
    const code = reference.charCodeAt(i);
    if (!hasRow && code >= 65 && code <= 90) {
      column = column * 26 + code - 64;
    } else if (code >= 48 && code <= 57) {
      hasRow = true;
    } else if (hasRow && column > 0 && code !== 36 /* $ */) {
      break;
    }
  }
  return column;
}

/** The t attribute's code (see NUMBER_CELL). */
export function cellTypeCode(xml: string, start: number, end: number): number {
  switch (end - start) {
    case 1:
      switch (xml.charCodeAt(start)) {
        case 0x73: return SHARED_STRING_CELL;
        case 0x62: return BOOLEAN_CELL;
        case 0x65: return ERROR_CELL;
        case 0x64: return DATE_CELL;
      }
      break;
    case 3:
      if (xml.startsWith('str', start)) return STR_CELL;
      break;
    case 9:
      if (xml.startsWith('inlineStr', start)) return INLINE_STRING_CELL;
      break;
  }
  return NUMBER_CELL;
}
