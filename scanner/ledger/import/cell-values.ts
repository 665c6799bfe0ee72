// What a workbook cell holds once Excel, WPS or exceljs have had it: plain text, numbers and dates, compared
// with what the export wrote and turned into the input parseStaffValue expects.
import type * as ExcelTypes from 'exceljs';
import type { ColumnKind, WrittenValue } from '../../export/ledger-workbook/columns.ts';
import { parseYuanToCents, type EditableField } from '../staff-edits.ts';
import type { WorkbookDates } from './workbook-date-system.ts';

export type PlainCell = string | number | boolean | Date | null;

/** Rich text becomes its text, a formula its cached result (or its own text when never calculated). */
export function plainCell(value: ExcelTypes.CellValue | undefined): PlainCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  if (typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if ('richText' in value) return plainCell(value.richText.map((part) => part.text).join(''));
  if ('formula' in value || 'sharedFormula' in value) {
    const formula = value as ExcelTypes.CellFormulaValue & { sharedFormula?: string };
    const result = formula.result as ExcelTypes.CellValue | undefined;
    if (result !== undefined && result !== null && !(typeof result === 'object' && 'error' in result)) return plainCell(result);
    return `=${formula.formula ?? formula.sharedFormula ?? ''}`;
  }
  if ('hyperlink' in value) return plainCell((value as ExcelTypes.CellHyperlinkValue).text);
  if ('error' in value) return String((value as ExcelTypes.CellErrorValue).error);
  return null;
}

/** 1904-01-01 is day 1462 on the 1900 base. */
const DAYS_1900_TO_1904 = 1462;
const DAY_MS = 86_400_000;

/**
 * A cell of a column of `kind`, with its dates on the workbook's own base: a date cell exceljs read on the wrong one
 * is put right, and a deadline that lost its date format (Excel's day number) is read as the date it stands for.
 * Until 2026-12-05 both were read on the 1900 base: a workbook saved by Mac Excel on the 1904 one (date1904="true")
 * came back with every 整改时限 4 years and a day early, taken as staff edits.
 */
export function readCell(value: ExcelTypes.CellValue | undefined, kind: ColumnKind, dates: WorkbookDates): PlainCell {
  const cell = plainCell(value);
  if (cell instanceof Date) return dates.exceljsReadOn1900 ? new Date(cell.getTime() + DAYS_1900_TO_1904 * DAY_MS) : cell;
  if (kind === 'date' && typeof cell === 'number') return serialToDate(cell, dates.date1904) ?? cell;
  return cell;
}

/** The cell as a person reads it, for reports: a date with its time of day when it has one (2026-11-30 14:00). */
export function cellText(cell: PlainCell): string {
  if (cell === null) return '';
  if (cell instanceof Date) return isoDateTime(cell);
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return typeof cell === 'number' ? String(roundCents(cell)) : cell.trim();
}

/** Whether the cell still says what the export wrote, ignoring how Excel re-typed it (1200 vs "1200.00", a date vs its text). */
export function sameAsWritten(kind: ColumnKind, cell: PlainCell, written: WrittenValue): boolean {
  if (kind === 'amount') return amountCents(cell) === amountCents(written);
  if (kind === 'date') return cellText(cell) === (written === null ? '' : String(written));
  return cellText(cell) === (written === null ? '' : String(written).trim());
}

/** What parseStaffValue should see for `field`: dates stay dates only where a date belongs. */
export function staffInput(field: EditableField, cell: PlainCell): string | number | Date | null {
  if (cell === null) return null;
  // A day number is a Date by now (readCell); one outside 2000–2100 stays a number, and is refused as no date.
  // A date cell holding a time (a date-time pasted in, =NOW()+30) is handed over as its text, 2026-11-30 14:00, and
  // refused as 带有时刻 like the same typed as text. Until 2026-12-07 its time was dropped and the day taken silently,
  // while the text was refused: a deadline is the day staff choose, and a time beside it says the cell holds
  // something else (a visit's timestamp), which staff are asked about rather than have guessed at.
  if (field === 'deadline') return cell instanceof Date && !hasTimeOfDay(cell) ? toSecond(cell) : cellText(cell);
  if (field === 'recovered') return typeof cell === 'number' ? roundCents(cell) : cell instanceof Date ? cell : cellText(cell);
  return cellText(cell);
}

/** The stored form of what the export wrote for a staff column, to compare with what parseStaffValue gives. */
export function storedFromWritten(field: EditableField, written: WrittenValue): string | number | null {
  if (written === null) return null;
  return field === 'recovered' ? amountCents(written) : String(written);
}

function amountCents(value: PlainCell | WrittenValue): number | string | null {
  if (value === null) return null;
  if (typeof value === 'number') return Math.round(value * 100);
  const text = cellText(value);
  const parsed = parseYuanToCents(text);
  return parsed.ok ? parsed.value : text;
}

/** A sum or a formula can leave 1234.5000000001 where 1234.50 was meant. */
function roundCents(value: number): number {
  const cents = Math.round(value * 100);
  return Math.abs(value * 100 - cents) < 1e-6 ? cents / 100 : value;
}

/** A deadline cell that lost its date format shows Excel's day number (45000 ≈ 2023); years 2000–2100 only. */
function serialToDate(serial: number, date1904: boolean): Date | null {
  const day1900 = date1904 ? serial + DAYS_1900_TO_1904 : serial;
  if (!Number.isInteger(serial) || day1900 < 36526 || day1900 > 73415) return null;
  return new Date(Date.UTC(1899, 11, 30) + day1900 * DAY_MS);
}

/**
 * Excel dates carry no time zone; exceljs hands them over as UTC. To the second: a day number a formula left a hair
 * off (46356.99999999) is the midnight it stands for, not 23:59:59.999 of the day before.
 */
function isoDateTime(date: Date): string {
  const second = toSecond(date).toISOString();
  const time = second.slice(11, 19);
  if (time === '00:00:00') return second.slice(0, 10);
  return `${second.slice(0, 10)} ${time.endsWith(':00') ? time.slice(0, 5) : time}`;
}

function toSecond(date: Date): Date {
  return new Date(Math.round(date.getTime() / 1000) * 1000);
}

/** Whether a date cell holds a time of day besides its date (to the second). */
function hasTimeOfDay(date: Date): boolean {
  return isoDateTime(date).length > 10;
}
