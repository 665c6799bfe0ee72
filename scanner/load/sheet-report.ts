// What reading one sheet (or CSV) found, for the summary: rows read, refused and blank, its columns, and what the
// warnings name (hidden and struck rows, 同上 marks, a stated month, a block under another header).
import type { DatasetName } from '../datasets/catalog.ts';
import type { HeaderMatch, NotedHeader } from '../datasets/headers.ts';
import type { DittoCount } from './ditto-fill.ts';
import type { StatedMonth } from './stated-month.ts';

/** What the header row says about how the sheet is read, for the summary's warnings: one place for every reader. */
export const headerRemarks = (match: HeaderMatch): Pick<SheetReport, 'unreadNotes' | 'passedOver' | 'caveats'> =>
  ({ unreadNotes: match.unreadNotes, passedOver: match.passedOver, caveats: match.caveats });

export interface SheetReport {
  sheet?: string;
  dataset?: DatasetName;
  headerLine?: number;
  rowsRead: number;
  shapeRejected: number;
  blankRows: number;
  columns: string[];
  /** Header cells that name a column with a note rollsweep cannot judge: not read (see header-notes.ts). */
  unreadNotes?: NotedHeader[];
  /** Header cells left unread because another names the same column by a preferred alias (发放月份 beside 所属期). */
  passedOver?: HeaderMatch['passedOver'];
  /** What reading a column from a stand-in header costs (a bank's 交易日期 read as the 发放月份), in the summary's words. */
  caveats?: string[];
  /** A hidden worksheet, read like any other: its rows are data nobody sees when opening the workbook. */
  hidden?: boolean;
  /** Rows hidden in the sheet (by hand, or filtered out), read like any other: how many, and the first few lines. */
  hiddenRows?: RowTally;
  /** Rows whose every filled cell is struck through, read like any other: how many, and the first few lines. */
  struckRows?: RowTally;
  /** Other rows whose name or ID cell is struck through (a member crossed out by the name alone), read like any other. */
  struckNameRows?: RowTally;
  /** Columns where the sheet wrote 同上 or 〃, read as the value above (ditto-fill.ts). */
  dittoMarks?: DittoCount[];
  /** A 发放表 without 发放月份: the month its title or file name states, read for every row (stated-month.ts). */
  statedMonth?: StatedMonth;
  /** Lines of the headers below the first whose columns stand elsewhere: each block read by its own (header-blocks.ts). */
  blockHeaderLines?: number[];
  skippedReason?: string;
}

/** Rows of one kind a sheet holds (hidden, struck through): how many, and the first few lines, which a warning names. */
export interface RowTally {
  count: number;
  lines: number[];
}

/** How many of the rows a warning names by their lines, before 等. */
export const LINES_NAMED = 5;

/** The lines a warning names: 第 4、5 行, or 第 2、3、4、5、6 行 等 when there are more. */
export function linesNamed(rows: RowTally): string {
  return `第 ${rows.lines.join('、')} 行${rows.count > rows.lines.length ? ' 等' : ''}`;
}

export function tally(sofar: RowTally | undefined, line: number): RowTally {
  const rows = sofar ?? { count: 0, lines: [] };
  if (rows.count++ < LINES_NAMED) rows.lines.push(line);
  return rows;
}
