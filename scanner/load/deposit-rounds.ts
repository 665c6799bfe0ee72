// Two rounds of 居民家庭经济状况核对 feedback in one folder (June's and September's) report the same accounts twice, at
// two dates: summed, a family's balances doubled, and a false 家庭金融资产超标 (high) could stop its benefit. A bank's
// latest round replaces its earlier ones (over_asset.deposits reads CURRENT_DEPOSITS); the summary says which balances
// were replaced, and where the list cannot tell (it names no bank and no account) that they were all added up.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { SheetWarning } from './out-of-scope-rows.ts';

/**
 * Whose balances a row reports: the bank (农行, 中國農業銀行 and 中国农业银行城关支行 are one: institution_key, from
 * rs_institution_key), else the account; NULL when it names neither (no round can replace it).
 */
const roundKey = (alias: string) => `coalesce(${alias}.institution_key, ${alias}.account)`;

/**
 * Every deposits row (d) with its bank's latest date (r.latest) where the bank (or account) was reported at more than
 * one: a grouping, then a join with the few holdings it finds (a window over every row took 250 ms against 145 ms at B1M).
 */
const WITH_LATEST_ROUND = `deposits d LEFT JOIN (
    SELECT id_number, ${roundKey('e')} AS round_key, max(as_of) AS latest FROM deposits e
    WHERE ${roundKey('e')} IS NOT NULL GROUP BY ALL HAVING min(as_of) < max(as_of)
  ) r ON r.id_number = d.id_number AND r.round_key = ${roundKey('d')}`;
/** A later round of the same bank replaced the row (an undated row is never replaced). */
const REPLACED = 'coalesce(d.as_of < r.latest, false)';

/** The deposits that count: each bank's (or account's) latest round; rows naming neither, or no date, all count. */
export const CURRENT_DEPOSITS = `SELECT d.* FROM ${WITH_LATEST_ROUND} WHERE NOT ${REPLACED}`;

const dates = (column: string) => `string_agg(DISTINCT strftime(${column}, '%Y-%m-%d'), '、' ORDER BY strftime(${column}, '%Y-%m-%d'))`;

/** Per file: the balances a later round replaced, and the persons whose dated balances no bank or account tells apart. */
export async function depositRoundWarnings(connection: DuckDBConnection): Promise<SheetWarning[]> {
  // One round (one date, or none) is the usual folder: nothing to replace, nothing to tell apart.
  const rounds = await connection.runAndReadAll('SELECT count(DISTINCT as_of)::INTEGER FROM deposits');
  if (Number(rounds.getRows()[0]![0]) < 2) return [];
  const reader = await connection.runAndReadAll(`
    WITH replaced AS (SELECT d._file, d._sheet, d.as_of FROM ${WITH_LATEST_ROUND} WHERE ${REPLACED}),
    unnamed AS (SELECT id_number, _file, _sheet, as_of FROM deposits d WHERE ${roundKey('d')} IS NULL AND as_of IS NOT NULL),
    undecided AS (SELECT * FROM unnamed WHERE id_number IN (SELECT id_number FROM unnamed GROUP BY ALL HAVING count(DISTINCT as_of) > 1))
    SELECT 'replaced' AS kind, _file, _sheet, count(*)::BIGINT AS n, ${dates('as_of')} AS dates FROM replaced GROUP BY ALL
    UNION ALL
    SELECT 'undecided', _file, _sheet, count(DISTINCT id_number)::BIGINT, ${dates('as_of')} FROM undecided GROUP BY ALL
    ORDER BY _file, _sheet, kind`);
  return reader.getRowObjectsJson().map((row) => ({
    file: String(row['_file']),
    sheet: row['_sheet'] === null ? null : String(row['_sheet']),
    message: row['kind'] === 'replaced'
      ? `有 ${row['n']} 条余额（截止 ${row['dates']}）已由同一金融机构（同一银行的简称、全称和各支行算同一机构；未写机构的，同一账号）截止日期更近的核对结果取代，未计入家庭金融资产`
      : `有 ${row['n']} 人在不同截止日期（${row['dates']}）各有余额，名单没有「金融机构」或「账号」列，无法判断是否同一账户的两轮核对反馈，` +
        '已全部相加；如是两轮反馈，请只保留最近一轮，或补上金融机构列',
  }));
}
