// The 抽查表 sheet: title, the sample's particulars, a header, then one block of rows per sampled household,
// printed A4 landscape with the first three rows on every page.
import type * as ExcelTypes from 'exceljs';
import { printSetup } from '../export/ledger-workbook/styles.ts';
import { displayWidth } from '../export/ledger-workbook/text-width.ts';
import { mergeDisjointWithoutStyle } from './merge-disjoint.ts';
import { blockCellStyle, headerStyle, INFO_STYLE, TITLE_STYLE } from './sheet-styles.ts';
import { householdLines, type HouseholdLine } from './household-lines.ts';
import { SPOT_CHECK_COLUMNS, type CellValue, type SpotCheckColumn } from './spot-check-columns.ts';
import { localDateTime, type SampledHousehold, type SpotCheckContent } from './spot-check-content.ts';

export const SPOT_CHECK_SHEET = '抽查表';
export const TITLE_ROW = 1;
export const INFO_ROW = 2;
export const HEADER_ROW = 3;
export const FIRST_HOUSEHOLD_ROW = 4;

/** Points per printed line of 10-point text, and the least a household block gets so there is room to write. */
const LINE_HEIGHT = 13.5;
const MIN_ROW_HEIGHT = 18;
const MIN_HOUSEHOLD_HEIGHT = 40;

export function writeSpotCheckSheet(workbook: ExcelTypes.Workbook, content: SpotCheckContent): void {
  const sheet = workbook.addWorksheet(SPOT_CHECK_SHEET, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: HEADER_ROW, topLeftCell: `A${FIRST_HOUSEHOLD_ROW}`, activeCell: `A${FIRST_HOUSEHOLD_ROW}` }],
    pageSetup: printSetup(`${TITLE_ROW}:${HEADER_ROW}`),
    headerFooter: { oddFooter: `&L抽样编号 ${content.sampleId}&C第 &P 页，共 &N 页&R核查组长签字：__________` },
  });
  SPOT_CHECK_COLUMNS.forEach((column, i) => {
    sheet.getColumn(i + 1).width = column.width;
  });
  writeHeading(sheet, content);
  let row = FIRST_HOUSEHOLD_ROW;
  for (const household of content.households) row += writeHousehold(sheet, row, household, content.unmask);
}

function writeHeading(sheet: ExcelTypes.Worksheet, content: SpotCheckContent): void {
  const last = SPOT_CHECK_COLUMNS.length;
  const title = sheet.getCell(TITLE_ROW, 1);
  title.value = `救助对象入户抽查核查表（${content.period}）`;
  title.style = TITLE_STYLE;
  sheet.mergeCells(TITLE_ROW, 1, TITLE_ROW, last);
  sheet.getRow(TITLE_ROW).height = 30;

  const villagesDrawn = content.villages.filter((village) => village.drawOrder !== null).length;
  const info = sheet.getCell(INFO_ROW, 1);
  info.value = [
    `抽样编号：${content.sampleId}`,
    `随机种子：${content.seed}`,
    `抽取 ${villagesDrawn} 个村${villagesDrawn < content.villagesRequested ? `（要求 ${content.villagesRequested} 个，已全部抽取）` : ''}，`
      + `每村 ${content.householdsPerVillage} 户（实抽 ${content.households.length} 户）`,
    `抽取人：${content.drawnBy ?? '未记录'}`,
    `抽取时间：${localDateTime(content.drawnAt)}`,
    content.unmask ? '身份证号未遮挡，注意保密' : '身份证号已遮挡',
  ].join('　　');
  info.style = INFO_STYLE;
  sheet.mergeCells(INFO_ROW, 1, INFO_ROW, last);
  sheet.getRow(INFO_ROW).height = 20;

  const header = sheet.getRow(HEADER_ROW);
  header.height = 30;
  SPOT_CHECK_COLUMNS.forEach((column, i) => {
    const cell = header.getCell(i + 1);
    cell.value = column.header;
    cell.style = headerStyle(column.part === 'handwritten');
  });
}

/** Writes one household's block from `firstRow` and returns how many rows it took. */
function writeHousehold(sheet: ExcelTypes.Worksheet, firstRow: number, household: SampledHousehold, unmask: boolean): number {
  const blockLines = householdLines(household);
  const rows = blockLines.length;
  const heights: number[] = [];
  for (let offset = 0; offset < rows; offset++) {
    const excelRow = sheet.getRow(firstRow + offset);
    let lines = 1;
    SPOT_CHECK_COLUMNS.forEach((column, i) => {
      const value = offset === 0 || column.part === 'member' || column.part === 'finding' ? cellValue(column, household, blockLines[offset]!, unmask) : null;
      const cell = excelRow.getCell(i + 1);
      cell.style = blockCellStyle(column.kind, {
        wrap: column.wrap, lastRowOfHousehold: offset === rows - 1, bold: column.header === '标记' && household.flagged,
      });
      if (value !== null) cell.value = value;
      if (value !== null && (column.part === 'member' || column.part === 'finding')) lines = Math.max(lines, linesNeeded(column, value));
    });
    heights.push(Math.max(MIN_ROW_HEIGHT, lines * LINE_HEIGHT + 4));
  }
  // The household's merged cells (a long village name, the handwriting) need the block as a whole to be tall enough.
  const mergedLines = Math.max(...SPOT_CHECK_COLUMNS.map((column) =>
    (column.part === 'household' ? linesNeeded(column, cellValue(column, household, blockLines[0]!, unmask)) : 0)));
  const shortBy = Math.max(MIN_HOUSEHOLD_HEIGHT, mergedLines * LINE_HEIGHT + 4) - heights.reduce((sum, height) => sum + height, 0);
  if (shortBy > 0) heights[rows - 1]! += shortBy;
  heights.forEach((height, offset) => {
    sheet.getRow(firstRow + offset).height = height;
  });

  if (rows > 1) {
    SPOT_CHECK_COLUMNS.forEach((column, i) => {
      // Without style: each cell keeps its own borders, so the heavier line under the household stays.
      if (column.part === 'household' || column.part === 'handwritten') mergeDisjointWithoutStyle(sheet, firstRow, i + 1, firstRow + rows - 1, i + 1);
    });
  }
  return rows;
}

function cellValue(column: SpotCheckColumn, household: SampledHousehold, line: HouseholdLine, unmask: boolean): CellValue {
  switch (column.part) {
    case 'household':
      return column.value(household, unmask);
    case 'member':
      return line.member ? column.value(line.member, unmask) : null;
    case 'finding':
      return line.finding ? column.value(line.finding, unmask) : null;
    case 'handwritten':
      return null;
  }
}

/** How many printed lines a value wraps to in its column (Chinese characters count double, as Excel draws them). */
function linesNeeded(column: SpotCheckColumn, value: CellValue): number {
  if (value === null || !column.wrap) return 1;
  return Math.max(1, Math.ceil(displayWidth(String(value)) / Math.max(1, column.width - 1)));
}
