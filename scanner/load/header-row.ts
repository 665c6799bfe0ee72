// Finding the header row under title rows (within the first 10 rows, or the row sweep.json names) and deciding the sheet's dataset.
import { DATASETS, datasetSpec, type DatasetName, type DatasetSpec } from '../datasets/catalog.ts';
import { datasetsFittingHeader, matchHeader, type HeaderMatch } from '../datasets/headers.ts';
import type { RawRow } from '../read/raw-row.ts';
import type { StatedArea } from './stated-area.ts';
import type { StatedMonth } from './stated-month.ts';

export const HEADER_SEARCH_ROWS = 10;

export interface LocatedHeader {
  row: RawRow;
  match: HeaderMatch;
  /** A 发放表 without 发放月份 whose title or file name states its month: every row's month (stated-month.ts). */
  statedMonth?: StatedMonth;
  /** A deposits list without 截止日期 whose title or file name states its round's month (deposit-list-month.ts). */
  listMonth?: StatedMonth;
  /** A roll whose title, sheet or file name states its area (农村低保花名册): read where a row's 救助类别 says none (stated-area.ts). */
  statedArea?: StatedArea;
}

export type HeaderSearch =
  | { found: true; header: LocatedHeader }
  /**
   * `statedMonths`: a 发放表 without 发放月份 naming several months (none of them taken), or naming one where the header
   * is refused for another reason (an amount in 万元: stated-month.ts).
   */
  | { found: false; closest: LocatedHeader | null; ambiguous: DatasetName[]; statedMonths?: StatedMonth[] };

function candidateSpecs(candidates: DatasetName[] | 'any'): DatasetSpec[] {
  return candidates === 'any' ? [...DATASETS] : candidates.map(datasetSpec);
}

/**
 * The first of the leading rows whose cells hold every required column of a candidate dataset.
 * When none does, `closest` is the row that came nearest, so the error can show what was found; `withClosest: false`
 * skips finding it, for a caller that asks only whether a header is there (a sheet looked over row by row).
 */
export function locateHeader(
  leadingRows: readonly RawRow[],
  candidates: DatasetName[] | 'any',
  headerRow?: number,
  columnOverrides: Readonly<Record<string, string>> = {},
  { withClosest = true }: { withClosest?: boolean } = {},
): HeaderSearch {
  const specs = candidateSpecs(candidates);
  const rows = headerRow === undefined ? leadingRows : leadingRows.filter((row) => row.line === headerRow);
  const overridden = Object.keys(columnOverrides).length > 0;
  let closest: LocatedHeader | null = null;
  for (const row of rows) {
    // Each candidate's match of the row, made once: the fits and the closest are read from the same matches. Only
    // sweep.json's columns over several candidates tell them apart (a fit is judged without them, closeness with them).
    const matches = specs.map((spec) => matchHeader(spec, row.cells, columnOverrides));
    const fits = overridden && specs.length > 1 ? datasetsFittingHeader(row.cells, specs) : fitting(matches);
    if (fits.length > 1 && fits[1]!.columnIndex.size === fits[0]!.columnIndex.size) {
      // Two datasets fit equally well (e.g. only 身份证号码 and 姓名): guessing could mislabel a list.
      return { found: false, closest: { row, match: fits[0]! }, ambiguous: fits.filter((f) => f.columnIndex.size === fits[0]!.columnIndex.size).map((f) => f.dataset) };
    }
    if (fits.length > 0) return { found: true, header: { row, match: fits[0]! } };
    if (!withClosest) continue;
    for (const match of matches) {
      if (!closest || match.columnIndex.size > closest.match.columnIndex.size) closest = { row, match };
    }
  }
  return { found: false, closest, ambiguous: [] };
}

/** The matches holding every required column, the most columns first (as datasetsFittingHeader orders them). */
const fitting = (matches: readonly HeaderMatch[]): HeaderMatch[] =>
  matches.filter((match) => match.missingRequired.length === 0).sort((a, b) => b.columnIndex.size - a.columnIndex.size);
