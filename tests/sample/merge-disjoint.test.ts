// mergeDisjointWithoutStyle: the spot-check sheet's household blocks merged without exceljs's quadratic overlap check,
// yet every merge is in the sheet as exceljs's own mergeCellsWithoutStyle would leave it.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as ExcelTypes from 'exceljs';
import { describe, expect, it } from 'vitest';
import ExcelJS from '../../scanner/read/exceljs.ts';
import { mergeDisjointWithoutStyle } from '../../scanner/sample/merge-disjoint.ts';

/** Household-like blocks: 2 to 4 rows each, merged down columns 1–3, one below the other. */
function blocksOf(count: number): [number, number, number, number][] {
  const merges: [number, number, number, number][] = [];
  let row = 4;
  for (let block = 0; block < count; block++) {
    const rows = 2 + (block % 3);
    for (const column of [1, 2, 3]) merges.push([row, column, row + rows - 1, column]);
    row += rows;
  }
  return merges;
}

function sheetWith(merge: (sheet: ExcelTypes.Worksheet, top: number, left: number, bottom: number, right: number) => void) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('抽查表');
  sheet.mergeCells(1, 1, 1, 5); // the title, merged the checked way first, as the sheet does
  blocksOf(200).forEach(([top, left, bottom, right], i) => {
    sheet.getCell(top, left).value = `块${i}`;
    merge(sheet, top, left, bottom, right);
  });
  return { workbook, sheet };
}

describe('mergeDisjointWithoutStyle', () => {
  it('leaves the sheet with the same merges and merged cells as exceljs\'s own merge', () => {
    const ours = sheetWith(mergeDisjointWithoutStyle).sheet;
    const theirs = sheetWith((sheet, ...range) => sheet.mergeCellsWithoutStyle(...range)).sheet;
    expect(ours.model.merges).toHaveLength(1 + 600);
    expect([...ours.model.merges].sort()).toEqual([...theirs.model.merges].sort());
    const [top, left, bottom] = blocksOf(200)[150]!;
    expect(ours.getCell(bottom, left).isMerged).toBe(true);
    expect(ours.getCell(bottom, left).master.address).toBe(ours.getCell(top, left).address);
  });

  it('keeps every earlier merge known to the sheet, so exceljs still refuses a merge that overlaps one', () => {
    const { sheet } = sheetWith(mergeDisjointWithoutStyle);
    const [top, left] = blocksOf(200)[7]!;
    expect(() => sheet.mergeCells(top, left, top, left + 4)).toThrow(/already merged/);
    expect(() => sheet.mergeCells(1, 2, 2, 2)).toThrow(/already merged/);
  });

  it('writes every merge to the file', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'rollsweep-merge-')), 'merged.xlsx');
    await sheetWith(mergeDisjointWithoutStyle).workbook.xlsx.writeFile(path);
    const read = new ExcelJS.Workbook();
    await read.xlsx.readFile(path);
    const sheet = read.getWorksheet('抽查表')!;
    expect(sheet.model.merges).toHaveLength(601);
    const [top, left, bottom] = blocksOf(200)[597]!; // the last block's first column
    expect(sheet.getCell(bottom, left).value).toBe('块597');
    expect(sheet.getCell(top, left).value).toBe('块597');
  });
});
