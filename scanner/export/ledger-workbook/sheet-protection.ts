// Sheet protection for streamed sheets, written where Excel expects it.
import type * as ExcelTypes from 'exceljs';

/** The two private steps of exceljs 4.4's streaming WorksheetWriter.commit() that this module reorders. */
interface StreamedSheetInternals {
  _writeCloseSheetData(): void;
  _writeSheetProtection(): void;
}

/**
 * No password: protection is there so a locked cell cannot be changed by accident, not to stop anyone;
 * staff may still select, widen columns, resize rows and filter.
 *
 * exceljs 4.4's streaming writer puts <sheetProtection> after <dataValidations>, but the OOXML schema wants it
 * straight after </sheetData> (before autoFilter and mergeCells): Excel then reports the file as damaged and
 * "repairs" the protection away. So the element is written right after the sheet data instead, and nowhere else.
 */
export async function protectStreamedSheet(worksheet: ExcelTypes.Worksheet, options: Partial<ExcelTypes.WorksheetProtection> = {}): Promise<void> {
  const internals = worksheet as unknown as StreamedSheetInternals;
  if (typeof internals._writeCloseSheetData !== 'function' || typeof internals._writeSheetProtection !== 'function') {
    throw new Error('exceljs streaming WorksheetWriter has changed: check the sheetProtection order fix in sheet-protection.ts');
  }
  await worksheet.protect('', { selectLockedCells: true, selectUnlockedCells: true, ...options });
  const closeSheetData = internals._writeCloseSheetData.bind(internals);
  const writeProtection = internals._writeSheetProtection.bind(internals);
  internals._writeCloseSheetData = () => {
    closeSheetData();
    writeProtection();
  };
  internals._writeSheetProtection = () => {};
}

/** What staff may still do on the 汇总 and 整改台账 sheets. */
export const STAFF_SHEET_PERMISSIONS: Partial<ExcelTypes.WorksheetProtection> = { formatColumns: true, formatRows: true, autoFilter: true };
