// Matching a header row to a dataset's columns: alias lookup after normalising header text.
import type { ColumnSpec, DatasetName, DatasetSpec } from './catalog.ts';
import { DATASETS, missingRequired } from './catalog.ts';
import { judgeNote, splitTrailingNote } from './header-notes.ts';

/** Header text as compared: trimmed, full-width folded to half-width, spaces and required-markers removed. */
export function normaliseHeader(text: string): string {
  return foldFullWidth(text)
    .replace(/[\s\u3000\u00a0]+/g, '')
    .replace(/^[*※]+|[*※]+$/g, '')
    .toLowerCase();
}

export function foldFullWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

export interface HeaderMatch {
  dataset: DatasetName;
  /** Canonical column name → index of the cell in the row. */
  columnIndex: Map<string, number>;
  missingRequired: ColumnSpec[];
  /** Canonical columns claimed by more than one header cell, with the cells' places in the row (0 for the first). */
  duplicated: { column: ColumnSpec; headers: string[]; indexes: number[] }[];
  /** Header cells naming a column in a unit it is not read in (余额(万元)): not mapped, and the file is refused. */
  otherUnit: NotedHeader[];
  /** Header cells naming a column with a note that says nothing rollsweep can judge (月保障金(暂定)): not read, and staff are told. */
  unreadNotes: NotedHeader[];
  /** Header cells left unread because another names the same column by a preferred alias (发放月份 beside 所属期). */
  passedOver: { column: ColumnSpec; header: string; chosen: string }[];
  /**
   * Header cells of a column's next tier beside the chosen one (发放月份 beside 所属期), read row by row where the chosen
   * one's cell is empty or written as none (ColumnSpec.fallback): into columnIndex under the fallback's column.
   */
  readWhereEmpty: { column: ColumnSpec; header: string; chosen: string }[];
  /**
   * What reading a column from a stand-in header costs (a bank's 交易日期 read as the 发放月份), or what a file lacks that
   * only a look-alike header names (a 强制报废期止 and no 注销日期), in the summary's words.
   */
  caveats: string[];
}

/** A header cell whose name is a column's alias followed by a bracketed note. */
export interface NotedHeader {
  column: ColumnSpec;
  header: string;
  note: string;
}

const aliasIndexCache = new Map<DatasetName, Map<string, ColumnSpec>>();

function aliasIndex(dataset: DatasetSpec): Map<string, ColumnSpec> {
  let index = aliasIndexCache.get(dataset.name);
  if (!index) {
    index = new Map();
    for (const column of dataset.columns) {
      for (const alias of [column.name, ...column.aliases]) index.set(normaliseHeader(alias), column);
    }
    aliasIndexCache.set(dataset.name, index);
  }
  return index;
}

/**
 * Maps header cells to the dataset's columns. `overrides` (from sweep.json) names the header
 * text to use for a canonical column when the file's header is not one of the aliases.
 */
export function matchHeader(
  dataset: DatasetSpec,
  cells: readonly (string | null)[],
  overrides: Readonly<Record<string, string>> = {},
): HeaderMatch {
  const index = aliasIndex(dataset);
  const overrideByHeader = new Map(Object.entries(overrides).map(([column, header]) => [normaliseHeader(header), column]));
  const headersByColumn = new Map<string, { column: ColumnSpec; headers: string[]; indexes: number[] }>();
  const otherUnit: NotedHeader[] = [];
  const unreadNotes: NotedHeader[] = [];
  /** The column a header names with a bracketed note after an alias (发放金额(元)), when the note fits the column. */
  const notedColumn = (key: string, cell: string): ColumnSpec | undefined => {
    const noted = splitTrailingNote(key);
    const column = noted && index.get(noted.base);
    if (!noted || !column) return undefined;
    const verdict = judgeNote(column, noted.note);
    if (verdict === 'restates') return column;
    (verdict === 'other-unit' ? otherUnit : unreadNotes).push({ column, header: cell, note: noted.note });
    return undefined;
  };
  cells.forEach((cell, cellIndex) => {
    if (cell === null) return;
    const key = normaliseHeader(cell);
    if (key === '') return;
    const overridden = overrideByHeader.get(key);
    const column = overridden ? dataset.columns.find((c) => c.name === overridden) : index.get(key) ?? notedColumn(key, cell);
    if (!column) return;
    // sweep.json named this column's header: the file's other headers for it are not it.
    if (!overridden && column.name in overrides) return;
    const seen = headersByColumn.get(column.name);
    if (seen) {
      seen.headers.push(cell);
      seen.indexes.push(cellIndex);
    } else headersByColumn.set(column.name, { column, headers: [cell], indexes: [cellIndex] });
  });
  const passedOver: HeaderMatch['passedOver'] = [];
  const readWhereEmpty: HeaderMatch['readWhereEmpty'] = [];
  const fallbackIndex = new Map<string, number>();
  for (const seen of headersByColumn.values()) {
    const chosen = preferredHeader(seen.column, seen.headers);
    if (chosen === undefined) continue;
    const fallback = fallbackHeader(seen.column, seen.headers, chosen);
    seen.headers.forEach((header, i) => {
      if (i === chosen) return;
      if (i === fallback) {
        readWhereEmpty.push({ column: seen.column, header, chosen: seen.headers[chosen]! });
        fallbackIndex.set(seen.column.fallback!.column, seen.indexes[i]!);
      } else passedOver.push({ column: seen.column, header, chosen: seen.headers[chosen]! });
    });
    seen.headers = [seen.headers[chosen]!];
    seen.indexes = [seen.indexes[chosen]!];
  }
  const columnIndex = new Map<string, number>();
  for (const [name, seen] of headersByColumn) columnIndex.set(name, seen.indexes[0]!);
  for (const [name, index] of fallbackIndex) columnIndex.set(name, index);
  const caveats = [...headersByColumn.values()].flatMap(({ column, headers }) => {
    const caveat = column.caveat;
    if (!caveat || headers.length !== 1) return [];
    const byHeader = caveat.headers?.some((h) => normaliseHeader(h) === normaliseHeader(headers[0]!)) ?? true;
    const nothingBetter = !(caveat.unlessRead ?? []).some((name) => columnIndex.has(name));
    return byHeader && nothingBetter ? [caveat.says(headers[0]!)] : [];
  });
  caveats.push(...readWhereEmpty.map(readWhereEmptyCaveat));
  for (const lookalike of dataset.lookalikes ?? []) {
    const headers = cells.filter((cell): cell is string => cell !== null && lookalike.header.test(normaliseHeader(cell)));
    if (headers.length > 0 && !lookalike.unlessRead.some((name) => columnIndex.has(name))) caveats.push(lookalike.says(headers));
  }
  return {
    caveats,
    dataset: dataset.name,
    columnIndex,
    missingRequired: missingRequired(dataset, (name) => columnIndex.has(name)),
    duplicated: [...headersByColumn.values()].filter((s) => s.headers.length > 1),
    otherUnit,
    unreadNotes,
    passedOver,
    readWhereEmpty,
  };
}

/** Which of the headers of a column with a fallback is read where the chosen one's cell is empty: the one of the next tier present, when it holds one. */
function fallbackHeader(column: ColumnSpec, headers: readonly string[], chosen: number): number | undefined {
  if (!column.fallback || !column.preferred) return undefined;
  const tierOf = (header: string) => column.preferred!.findIndex((tier) => tier.some((alias) => normaliseHeader(alias) === normaliseHeader(header)));
  const chosenTier = tierOf(headers[chosen]!);
  const below = headers.map((header, i) => ({ i, tier: tierOf(header) })).filter(({ tier }) => tier > chosenTier);
  const nextTier = Math.min(...below.map(({ tier }) => tier));
  const next = below.filter(({ tier }) => tier === nextTier);
  // Two of that tier (月份 and 发放年月): which one is meant is unknown, and both are left unread as before.
  return next.length === 1 ? next[0]!.i : undefined;
}

/** The summary's words for a header read where the chosen one's cell is empty. */
const readWhereEmptyCaveat = ({ column, header, chosen }: HeaderMatch['readWhereEmpty'][number]): string =>
  `列「${header}」仅在「${chosen}」为空的行读取：本表另有「${chosen}」，${column.label}按「${chosen}」读取，「${chosen}」为空或写作「无」等的行按「${header}」读取`;

/**
 * The values every row of a sheet is given by its header: where a column's next tier is read too, the two headers so
 * read (所属期、发放月份), for the reason a row with both empty is refused with (special-columns.ts).
 */
export const headerConstants = (match: HeaderMatch): [string, string][] =>
  match.readWhereEmpty.map(({ column, header, chosen }) => [column.fallback!.headers, `${chosen.trim()}、${header.trim()}`]);

/** Which of several headers naming one column is read: the one of the best tier of its preferred aliases that holds any, when it holds one. */
function preferredHeader(column: ColumnSpec, headers: readonly string[]): number | undefined {
  if (headers.length < 2 || !column.preferred) return undefined;
  for (const tier of column.preferred) {
    const preferred = new Set(tier.map(normaliseHeader));
    const winners = headers.flatMap((header, i) => (preferred.has(normaliseHeader(header)) ? [i] : []));
    if (winners.length > 0) return winners.length === 1 ? winners[0] : undefined;
  }
  return undefined;
}

/** The datasets whose required columns all appear in the row, best fit (most matched columns) first. */
export function datasetsFittingHeader(cells: readonly (string | null)[], candidates: readonly DatasetSpec[] = DATASETS): HeaderMatch[] {
  return candidates
    .map((dataset) => matchHeader(dataset, cells))
    .filter((match) => match.missingRequired.length === 0)
    .sort((a, b) => b.columnIndex.size - a.columnIndex.size);
}

/** Chinese description of a column and its accepted header texts, for messages. */
export function describeColumn(column: ColumnSpec): string {
  return `「${column.label}」(${column.name}；可用表头：${column.aliases.join('、')})`;
}
