// A 核对 round's feedback without a 截止日期 column still says its round, once, in its file name, sheet name or title
// (2026年9月金融资产核对反馈). Undated, its rows were no round: June's dated 20,000 at 中国农业银行 and September's
// undated 20,000 at 农行 were both counted, a false 家庭金融资产超标 (high). The month such a list states is kept on
// its rows (stated_month), read as that month's end where rounds are compared (deposit-rounds.ts), never as a
// 截止日期: the evidence shows it as the list's month. A list stating no month, or several, keeps none: its rows are
// rounds of unknown date, which deposit-rounds.ts doubts beside another list's balance of the same account.
import type { StatedMonth } from './stated-month.ts';
import { statedMonths } from './stated-month.ts';
import type { RawRow } from '../read/raw-row.ts';
import type { HeaderSearch, LocatedHeader } from './header-row.ts';

/** The deposits column every row of such a list is given (catalog.ts): the month its list states. */
export const LIST_MONTH_COLUMN = 'stated_month';

/**
 * A deposits header without 截止日期 (or 查询日期): the one month its title rows (`leadingRows` above the header),
 * sheet or file name states, as `listMonth`. Any other search is returned as it is.
 */
export function withDepositListMonth(
  search: HeaderSearch,
  leadingRows: readonly RawRow[],
  sheet: string | undefined,
  fileName: string,
): HeaderSearch {
  if (!search.found) return search;
  const { match, row } = search.header;
  if (match.dataset !== 'deposits' || match.columnIndex.has('as_of')) return search;
  const months = statedMonths(leadingRows.filter((leading) => leading.line < row.line), sheet, fileName);
  return months.length === 1 ? { found: true, header: { ...search.header, listMonth: months[0]! } } : search;
}

/** The constant column a located header gives its rows: the list's stated month, if it has one. */
export const listMonthConstants = ({ listMonth }: LocatedHeader): [string, string][] =>
  listMonth ? [[LIST_MONTH_COLUMN, listMonth.month]] : [];

/**
 * Where a list's stated month is written, for the summary: the sheet's or file's name when it says the month, else its
 * title (whose text the loaded rows do not keep, so the summary says only 标题).
 */
export function whereListMonth(month: string, file: string, sheet: string | null): StatedMonth {
  const fromNames = statedMonths([], sheet ?? undefined, file).find((stated) => stated.month === month);
  return fromNames ?? { month, where: '标题' };
}
