// workbook.xml and its relationships: each worksheet part's name and visibility, the date system, and the order in
// which exceljs' streaming reader would hand the worksheets out.
import { posix } from 'node:path';
import type { XmlHandler, XmlScanner } from './xml-scanner.ts';
import { decodeEntitiesAgain, decodeExcelEscapes } from './xlsx-cell-text.ts';
import { isTrue } from './xlsx-simple-cell.ts';

export const WORKBOOK_PART = 'xl/workbook.xml';
export const WORKBOOK_RELATIONSHIPS_PART = 'xl/_rels/workbook.xml.rels';
export const STYLES_PART = 'xl/styles.xml';
export const SHARED_STRINGS_PART = 'xl/sharedStrings.xml';
/** exceljs takes every zip entry whose path contains this as a worksheet (unanchored, as it matches). */
const WORKSHEET_PART = /xl\/worksheets\/sheet(\d+)[.]xml/;

interface SheetEntry {
  name: string;
  state: string | undefined;
  relationshipId: string | undefined;
}

/** workbook.xml: the <sheet> list and <workbookPr date1904>. */
export class WorkbookReader implements XmlHandler {
  readonly wantsText = false;
  readonly sheets: SheetEntry[] = [];
  /**
   * date1904="1" or "true" (an xsd:boolean; exceljs read only "1", and until 2026-12-05 so did this reader: every
   * date of such a workbook read 4 years and a day early).
   */
  date1904 = false;
  private depth = 0;
  private inSheets = false;

  openTag(name: string, scanner: XmlScanner): void {
    this.depth++;
    if (this.depth === 2 && name === 'workbookPr') this.date1904 = isTrue(scanner.attribute('date1904'));
    if (this.depth === 2 && name === 'sheets') this.inSheets = true;
    if (this.depth === 3 && this.inSheets && name === 'sheet') {
      this.sheets.push({
        name: sheetName(scanner.attribute('name') ?? ''),
        state: scanner.attribute('state'),
        // r:id, or the same attribute under another prefix bound to the relationships namespace (xml-namespaces.ts).
        relationshipId: scanner.relationshipAttribute('id'),
      });
    }
  }

  closeTag(): void {
    if (this.depth === 2) this.inSheets = false;
    this.depth--;
  }

  text(): void {}
}

/**
 * The name Excel shows: entities decoded again as exceljs does, then Excel's _xHHHH_ escapes, which apply to it as to
 * cell text (an ST_Xstring: 死亡_x0031_名单 is written 死亡_x005F_x0031_名单). Until 2026-12-05 refusals and _sheet named
 * such a sheet as written.
 */
function sheetName(written: string): string {
  return decodeExcelEscapes(decodeEntitiesAgain(written));
}

/** workbook.xml.rels: relationship id → the part it points to, resolved to a zip path. */
export class RelationshipsReader implements XmlHandler {
  readonly wantsText = false;
  readonly targets = new Map<string, string>();

  openTag(name: string, scanner: XmlScanner): void {
    if (name !== 'Relationship') return;
    const id = scanner.attribute('Id');
    const target = scanner.attribute('Target');
    if (id !== undefined && target !== undefined && !this.targets.has(id)) this.targets.set(id, resolvePartPath(target));
  }

  closeTag(): void {}
  text(): void {}
}

/** A target is relative to xl/ (worksheets/sheet1.xml) or absolute within the package (/xl/worksheets/sheet1.xml). */
export function resolvePartPath(target: string): string {
  return target.startsWith('/') ? posix.normalize(target).slice(1) : posix.normalize(posix.join('xl', target));
}

export interface WorksheetPart<Entry extends { name: string }> {
  entry: Entry;
  name: string;
  hidden: boolean;
}

/**
 * The worksheets in exceljs' order. It reads the zip front to back and parses a worksheet on the spot only once the
 * shared strings and the workbook relationships are behind it; a worksheet met earlier is set aside and read after
 * the last entry. So: the worksheets after both parts in zip order, then the ones before, each group in zip order.
 * A worksheet's name and state come from workbook.xml through the relationship pointing at its part; a part no
 * sheet points to is named Sheet<n> after its file name, as exceljs names it.
 */
export function worksheetsInReadingOrder<Entry extends { name: string }>(
  entriesInZipOrder: Entry[],
  workbook: WorkbookReader | null,
  relationships: RelationshipsReader | null,
): WorksheetPart<Entry>[] {
  const sheetByPart = new Map<string, SheetEntry>();
  for (const sheet of workbook?.sheets ?? []) {
    const part = sheet.relationshipId === undefined ? undefined : relationships?.targets.get(sheet.relationshipId);
    if (part !== undefined && !sheetByPart.has(part)) sheetByPart.set(part, sheet);
  }
  const onTheSpot: WorksheetPart<Entry>[] = [];
  const setAside: WorksheetPart<Entry>[] = [];
  let sawSharedStrings = false;
  let sawRelationships = false;
  for (const entry of entriesInZipOrder) {
    if (entry.name === SHARED_STRINGS_PART) sawSharedStrings = true;
    if (entry.name === WORKBOOK_RELATIONSHIPS_PART) sawRelationships = true;
    const match = WORKSHEET_PART.exec(entry.name);
    if (!match) continue;
    const sheet = sheetByPart.get(entry.name);
    const part = {
      entry,
      name: sheet ? sheet.name : `Sheet${match[1]}`,
      hidden: sheet?.state === 'hidden' || sheet?.state === 'veryHidden',
    };
    (sawSharedStrings && sawRelationships ? onTheSpot : setAside).push(part);
  }
  return [...onTheSpot, ...setAside];
}
