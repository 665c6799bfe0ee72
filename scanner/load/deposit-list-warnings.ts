// What the summary says of deposits lists without 截止日期 beside another list of the same persons: the round each was
// read as (the month its name or title states, deposit-list-month.ts), since a wrong month would let the wrong round
// replace the other; and, for a list that states no month either, that its balances and another list's that may be
// one account's two rounds were all added up (roundDoubtColumns' undated_doubt, in every household, not only those
// over the limit). Until 2026-12-06 neither was said: the second round was summed with the first, silently.
import { describeStatedMonth } from './stated-month.ts';
import { whereListMonth } from './deposit-list-month.ts';
import { listName, mayBeOneAccountUndated, roundDate, rowFields } from './deposit-round-keys.ts';

/** A row of the warnings' query (depositRoundWarnings): kind, _file, _sheet, n, dates, other_dates. */
type WarningRow = Record<string, unknown>;

/** Counted: no later round replaced the row and it repeats no other (depositRoundWarnings' `judged` holds those). */
const counted = (alias: string) => `NOT EXISTS (SELECT 1 FROM judged j WHERE j._file = ${alias}._file
  AND j._sheet IS NOT DISTINCT FROM ${alias}._sheet AND j._line = ${alias}._line)`;

/**
 * CTEs and rows for depositRoundWarnings' query (which defines `judged`), and their messages: 'stated' per list read
 * with its stated month whose persons have balances in other lists (n: such rows), 'unknown' per list of unknown date
 * (n: persons with a counted balance in another list that may be the same account; other_dates: those lists).
 */
export function undatedListWarnings(): { ctes: string; rows: string; message: (row: WarningRow) => string | null } {
  const ctes = `
    stated_lists AS (
      SELECT d._file, d._sheet, d.stated_month, count(*)::BIGINT AS n FROM deposits d
      WHERE d.as_of IS NULL AND d.stated_month IS NOT NULL AND EXISTS (
        SELECT 1 FROM deposits o WHERE o.id_number = d.id_number AND (o._file <> d._file OR o._sheet IS DISTINCT FROM d._sheet))
      GROUP BY ALL),
    unknown_pairs AS (
      SELECT u.id_number, u._file, u._sheet, ${listName('o')} AS other
      FROM (SELECT * FROM deposits d WHERE ${roundDate('d')} IS NULL) u JOIN deposits o ON o.id_number = u.id_number
      WHERE ${mayBeOneAccountUndated(rowFields('u', roundDate('u')), rowFields('o', roundDate('o')))} AND ${counted('u')} AND ${counted('o')})`;
  const rows = `
    SELECT 'stated', _file, _sheet, n, strftime(last_day(stated_month), '%Y-%m-%d'), strftime(stated_month, '%Y-%m') FROM stated_lists
    UNION ALL
    SELECT 'unknown', _file, _sheet, count(DISTINCT id_number)::BIGINT, NULL, string_agg(DISTINCT other, '、' ORDER BY other) FROM unknown_pairs GROUP BY ALL`;
  const message = (row: WarningRow): string | null => {
    if (row['kind'] === 'stated') {
      const stated = whereListMonth(String(row['other_dates']), String(row['_file']), row['_sheet'] === null ? null : String(row['_sheet']));
      return `没有「截止日期」列：${row['n']} 条余额按名单写明的 ${describeStatedMonth(stated)}算作截至 ${row['dates']} 的核对结果，` +
        '与同一人其他名单中的余额比先后（同一金融机构或同一账号只计截止日期最近的一轮）；如该月份不是核对截止的月份，请补上截止日期列';
    }
    if (row['kind'] === 'unknown') {
      return `有 ${row['n']} 人的余额没有截止日期，名单的文件名、工作表名和标题也未写明核对月份；同一人在 ${row['other_dates']} 另有余额，` +
        '可能是同一账户（同一金融机构、同一账号，或未写金融机构和账号）的两轮核对反馈，也无法判断先后，已全部相加' +
        '（家庭金融资产超标的，证据注明两笔只计较小一笔的合计）；如是两轮反馈，请补上截止日期列或在文件名中写明核对月份，或只保留最近一轮';
    }
    return null;
  };
  return { ctes, rows, message };
}
