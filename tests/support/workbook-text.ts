// A workbook's cells as text, for tests that look for what must not be in it (a full ID number) anywhere.
import type * as ExcelTypes from 'exceljs';
import { readWorkbook } from './ledger-fixture.ts';

/** A cell's text: rich text's runs joined, a formula's result. */
export function textOf(value: ExcelTypes.CellValue): string {
  if (value === null || value === undefined || typeof value !== 'object' || value instanceof Date) return String(value ?? '');
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return String(value.result ?? '');
  return JSON.stringify(value);
}

/** Every cell of every sheet, the very hidden _rollsweep snapshot included, as one text. */
export async function workbookText(file: string): Promise<string> {
  const cells: string[] = [];
  for (const sheet of (await readWorkbook(file)).worksheets) sheet.eachRow((row) => row.eachCell((cell) => cells.push(textOf(cell.value))));
  return cells.join('\n');
}
