// Merging many cell blocks that are known not to overlap, in linear time.
import type * as ExcelTypes from 'exceljs';

/** exceljs keeps a sheet's merges in this field, keyed by each merge's top-left address. */
interface SheetMerges {
  _merges?: Record<string, unknown>;
}

/**
 * mergeCellsWithoutStyle for a block that overlaps no earlier merge of the sheet. exceljs checks each new merge
 * against every earlier one, which is quadratic: a spot check of 1,500 households (13 merged columns each) took 15 s,
 * of 6,000 households over 4 minutes. The household blocks are disjoint by construction (each has its own rows), so
 * the merge is made against an empty list and then added to the sheet's. Should exceljs ever keep its merges
 * elsewhere, this falls back to its own (checked) merge.
 */
export function mergeDisjointWithoutStyle(sheet: ExcelTypes.Worksheet, top: number, left: number, bottom: number, right: number): void {
  const internal = sheet as unknown as SheetMerges;
  const earlier = internal._merges;
  if (typeof earlier !== 'object' || earlier === null) {
    sheet.mergeCellsWithoutStyle(top, left, bottom, right);
    return;
  }
  internal._merges = {};
  try {
    sheet.mergeCellsWithoutStyle(top, left, bottom, right);
  } finally {
    internal._merges = Object.assign(earlier, internal._merges);
  }
}
