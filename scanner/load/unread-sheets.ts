// A workbook's sheet where no header was found in the rows searched, beside sheets that were read: what the rest of its
// rows show, and whether that stops the scan. A 说明 or an 汇总 of 户数 and 人数 is skipped with a warning, as before; a
// sheet that holds persons is refused. Until 2026-12-06 a village's sheet (西村) whose header stood on row 12 under a
// 填报说明, or was headed in a spelling not known, was skipped with exit 0 and the warning 前 10 行中找不到可识别的表头,
// and its recipients were never checked, while the same sheet as a one-sheet file stopped the scan (exit 2).
import { datasetSpec, identityColumns, type DatasetName } from '../datasets/catalog.ts';
import type { InputFile } from '../discover/input-files.ts';
import { InputError } from '../errors.ts';
import { maskIdsInText } from '../mask-id.ts';
import { computeIdCheckCharacter } from '../normalise/id-number-macros.ts';
import { isBlankRow, type Cell, type RawRow } from '../read/raw-row.ts';
import type { HeaderMiss } from './header-misses.ts';
import { missingColumns } from './header-refusals.ts';
import { HEADER_SEARCH_ROWS, locateHeader, type LocatedHeader } from './header-row.ts';
import { linesNamed, tally, type RowTally } from './sheet-report.ts';

/** What the rows of a sheet without a header show. */
export interface UnreadSheetRows {
  /** A row below the rows searched whose cells fit a list's header (under a long 填报说明). */
  headerBelow?: LocatedHeader;
  /** Rows with a cell that is an ID number (its check character right): persons, whatever the list. */
  idRows?: RowTally;
}

export type UnreadSheet = HeaderMiss & UnreadSheetRows;

/**
 * Rows below the rows searched that are looked at for a header, at most: a 填报说明 runs to a few dozen lines. The
 * look stops at the first row holding an ID, too: a header stands above its list.
 */
const HEADER_LOOKED_FOR_ROWS = 200;

/**
 * An 18-character ID number whose birth date can be one and whose check character is right: a bank account or a 16- to
 * 19-digit code has such a shape only by chance (the check character alone passes one in eleven).
 */
export function isIdNumber(cell: Cell): boolean {
  const text = cell?.trim() ?? '';
  if (!/^\d{17}[\dXx]$/.test(text)) return false;
  const [year, month, day] = [Number(text.slice(6, 10)), Number(text.slice(10, 12)), Number(text.slice(12, 14))];
  const born = new Date(Date.UTC(year, month - 1, day));
  const dateFits = year >= 1900 && born.getUTCFullYear() === year && born.getUTCMonth() === month - 1 && born.getUTCDate() === day;
  return dateFits && computeIdCheckCharacter(text.slice(0, 17)) === text[17]!.toUpperCase();
}

/**
 * Reads the rest of a sheet no header was found in (instead of passing over it), noting a header further down and the
 * rows holding ID numbers. `leading`: the rows the header was looked for in, looked at for IDs too.
 */
export async function lookOverUnreadSheet(
  leading: readonly RawRow[],
  rest: AsyncIterator<RawRow>,
  candidates: DatasetName[] | 'any',
  columnOverrides: Readonly<Record<string, string>> = {},
): Promise<UnreadSheetRows> {
  const seen: UnreadSheetRows = {};
  let lookedAt = 0;
  const see = (row: RawRow, mayBeHeader: boolean) => {
    if (row.cells.some(isIdNumber)) {
      seen.idRows = tally(seen.idRows, row.line);
      return;
    }
    if (!mayBeHeader || seen.headerBelow || seen.idRows || lookedAt++ >= HEADER_LOOKED_FOR_ROWS || isBlankRow(row.cells)) return;
    // Only whether the row is a header counts: no closest header is looked for among the rows looked over.
    const search = locateHeader([row], candidates, undefined, columnOverrides, { withClosest: false });
    if (search.found) seen.headerBelow = search.header;
  };
  for (const row of leading) see(row, false);
  for (let next = await rest.next(); !next.done; next = await rest.next()) see(next.value, true);
  return seen;
}

/**
 * The closest header nearly fits its list: at least two columns named, more than half of the required ones, and one
 * of the columns a row is known by (身份证号码 or 家庭编号): a 发放明细's 汇总 of 发放月份 and 发放金额 names none.
 */
function nearlyFits(miss: HeaderMiss): miss is HeaderMiss & { header: LocatedHeader } {
  const match = miss.header?.match;
  if (!match || miss.ambiguous || match.columnIndex.size < 2) return false;
  const dataset = datasetSpec(match.dataset);
  const required = dataset.columns.filter((c) => c.required).length;
  return (required - match.missingRequired.length) * 2 > required && identityColumns(dataset).some((c) => match.columnIndex.has(c.name));
}

/** What the warning says of a sheet skipped: the header that nearly fits and what it lacks, or that none was found. */
export function unreadSheetReason(miss: HeaderMiss): string {
  if (!nearlyFits(miss)) return `前 ${HEADER_SEARCH_ROWS} 行中找不到可识别的表头`;
  const { row, match } = miss.header;
  return `第 ${row.line} 行像是${datasetSpec(match.dataset).label}的表头，但缺少必需的列 ${match.missingRequired.map((c) => `「${c.label}」`).join('、')}`;
}

const cellsFound = (cells: readonly Cell[]) =>
  cells.filter((c): c is string => c !== null && c.trim() !== '').map((c) => `「${maskIdsInText(c)}」`).join('、') || '（无）';

/**
 * The error a sheet skipped beside sheets read stops the scan with, when it holds persons: a header below the rows
 * searched, or rows with ID numbers. Null for a sheet that holds neither (说明, 汇总, an empty template): skipped.
 */
export function unreadSheetError(input: InputFile, miss: UnreadSheet, datasetsRead: ReadonlySet<DatasetName>): InputError | null {
  const read = [...datasetsRead].map((d) => datasetSpec(d).label).join('、');
  const unchecked = `同一文件的其他工作表已按${read}读取，此表未读取，其中的人员将无法核查。`;
  const notAList = '如该工作表不是名单，请删除它后再扫描。';
  const where = { file: input.name, sheet: miss.sheet };
  if (miss.headerBelow) return headerBelowError(input, miss.sheet, miss.headerBelow, unchecked);
  if (!miss.idRows) return null;
  const persons = `此表${linesNamed(miss.idRows)}有身份证号码（共 ${miss.idRows.count} 行），是一份名单。${unchecked}`;
  if (nearlyFits(miss)) {
    const { row, match } = miss.header;
    const refusal = missingColumns(datasetSpec(match.dataset), match, cellsFound(row.cells), persons);
    return new InputError(
      { ...where, line: row.line, column: refusal.column },
      `第 ${row.line} 行的表头：${refusal.message}`,
      refusal.unitHint ?? `请把该工作表的表头改成可用名称之一（与其他工作表一致）后再扫描。${notAList}`,
    );
  }
  return new InputError(
    { ...where, line: miss.idRows.lines[0] },
    `前 ${HEADER_SEARCH_ROWS} 行（空行不计）中找不到可识别的表头，但${persons} (no header)`,
    `请给该工作表加上表头（在前 ${HEADER_SEARCH_ROWS} 行内，列名用可用名称），与其他工作表一致。${notAList}`,
  );
}

/**
 * The header found below the rows searched (under a long 填报说明): where it is, and how to have it read. `unchecked`:
 * what the other sheets read mean for this one; a file with no other sheet read is told to name the row in sweep.json.
 */
export function headerBelowError(input: InputFile, sheet: string | undefined, header: LocatedHeader, unchecked?: string): InputError {
  const { row, match } = header;
  const removeNotes = `请删去${sheet === undefined ? '' : '该工作表'}表头上方的说明行，使表头位于前 ${HEADER_SEARCH_ROWS} 行内`;
  return new InputError(
    { file: input.name, sheet, line: row.line },
    `${datasetSpec(match.dataset).label}的表头在第 ${row.line} 行（${cellsFound(row.cells)}），在查找表头的前 ${HEADER_SEARCH_ROWS} 行（空行不计）之外，未读取。`
      + `${unchecked ?? ''} (header below row ${HEADER_SEARCH_ROWS})`,
    // sweep.json's headerRow holds for every sheet of a file: beside sheets read, theirs would then not be found.
    unchecked === undefined
      ? `请在 sweep.json 中为该文件写 "headerRow": ${row.line}；或${removeNotes.slice(1)}。`
      : `${removeNotes}；或把该工作表移到单独的文件，在 sweep.json 中为那个文件写 "headerRow": ${row.line}。`,
  );
}
