// Which date system a workbook staff sent back counts its dates in: Mac Excel can save one on the 1904 base.
import { entryChunks, locatedEntries } from '../../read/zip-entry.ts';
import { XmlScanner } from '../../read/xml-scanner.ts';
import { WORKBOOK_PART, WorkbookReader } from '../../read/xlsx-workbook-parts.ts';

export interface WorkbookDates {
  /** Serial numbers count days from 1904-01-01 (<workbookPr date1904="1"/> or "true"), not from 1899-12-30. */
  date1904: boolean;
  /**
   * exceljs read the date cells on the 1900 base although the workbook is on the 1904 one: it takes only "1" for
   * true, and read date1904="true" (an xsd:boolean as valid) as false, every date 4 years and a day early.
   */
  exceljsReadOn1900: boolean;
}

/**
 * workbook.xml as the roll reader reads it (the same WorkbookReader), against what exceljs made of it
 * (`workbook.properties.date1904`). A workbook without the part is on the 1900 base, as Excel takes it.
 */
export async function workbookDates(path: string, exceljsDate1904: boolean): Promise<WorkbookDates> {
  const entries = await locatedEntries(path);
  const part = typeof entries === 'string' ? undefined : entries.find((entry) => entry.name === WORKBOOK_PART);
  if (!part) return { date1904: exceljsDate1904, exceljsReadOn1900: false };
  const workbook = new WorkbookReader();
  const scanner = new XmlScanner(workbook);
  for await (const chunk of entryChunks(path, part)) scanner.write(chunk);
  scanner.end();
  return { date1904: workbook.date1904, exceljsReadOn1900: workbook.date1904 && !exceljsDate1904 };
}
