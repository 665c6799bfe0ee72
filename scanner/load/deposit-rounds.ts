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

/** The person's latest date per `key` as `alias`.latest, where the key was reported at more than one date. */
const latestBy = (key: (alias: string) => string, alias: string) => `LEFT JOIN (
    SELECT id_number, ${key('e')} AS round_key, max(as_of) AS latest FROM deposits e
    WHERE ${key('e')} IS NOT NULL GROUP BY ALL HAVING min(as_of) < max(as_of)
  ) ${alias} ON ${alias}.id_number = d.id_number AND ${alias}.round_key = ${key('d')}`;

/**
 * Every deposits row (d) with its bank's latest date (r.latest) where the bank (or account) was reported at more than
 * one, and its account's (a.latest) where the account was: a grouping, then a join with the few holdings it finds (a
 * window over every row took 250 ms against 145 ms at B1M). The account is matched apart from the bank: a round that
 * names the bank and one that gives only the account number report the same account (until 2026-12-05 keyed one by
 * the bank and the other by the account, both were added up: a false high finding).
 */
const WITH_LATEST_ROUND = `deposits d ${latestBy(roundKey, 'r')} ${latestBy((alias) => `${alias}.account`, 'a')}
  LEFT JOIN (
    SELECT id_number, account, as_of, balance_cents, min({'file': _file, 'sheet': _sheet, 'line': _line}) AS first_row FROM deposits
    WHERE account IS NOT NULL GROUP BY ALL HAVING count(*) > 1
  ) twice ON twice.id_number = d.id_number AND twice.account = d.account AND twice.as_of IS NOT DISTINCT FROM d.as_of
    AND twice.balance_cents IS NOT DISTINCT FROM d.balance_cents`;
/** A later round of the same bank, or of the same account, replaced the row (an undated row is never replaced). */
const REPLACED = 'coalesce(d.as_of < r.latest OR d.as_of < a.latest, false)';
/**
 * The row repeats an earlier one (the same account, date and balance, in a supplement that repeats the main list's row,
 * or twice in one list): one holding, counted once (until 2026-12-05 twice, a false high finding). Rows without an
 * account are all counted: two equal balances there may be two accounts.
 */
const REPEATED = `coalesce({'file': d._file, 'sheet': d._sheet, 'line': d._line} IS DISTINCT FROM twice.first_row AND twice.first_row IS NOT NULL, false)`;

/** The deposits that count: each bank's (or account's) latest round, each holding once; rows naming neither, or no date, all count. */
export const CURRENT_DEPOSITS = `SELECT d.* FROM ${WITH_LATEST_ROUND} WHERE NOT ${REPLACED} AND NOT ${REPEATED}`;

const dates = (column: string) => `string_agg(DISTINCT strftime(${column}, '%Y-%m-%d'), '、' ORDER BY strftime(${column}, '%Y-%m-%d'))`;

/** Per file: the balances a later round replaced, and the persons whose dated balances no bank or account tells apart. */
export async function depositRoundWarnings(connection: DuckDBConnection): Promise<SheetWarning[]> {
  const reader = await connection.runAndReadAll(`
    WITH judged AS MATERIALIZED (
      SELECT d._file, d._sheet, d.as_of, ${REPLACED} AS replaced, ${REPEATED} AS repeated FROM ${WITH_LATEST_ROUND}
      WHERE ${REPLACED} OR ${REPEATED}),
    replaced AS (SELECT _file, _sheet, as_of FROM judged WHERE replaced),
    repeated AS (SELECT _file, _sheet, as_of FROM judged WHERE repeated AND NOT replaced),
    unnamed AS (SELECT id_number, _file, _sheet, as_of FROM deposits d WHERE ${roundKey('d')} IS NULL AND as_of IS NOT NULL),
    undecided AS (SELECT * FROM unnamed WHERE id_number IN (SELECT id_number FROM unnamed GROUP BY ALL HAVING count(DISTINCT as_of) > 1))
    SELECT 'replaced' AS kind, _file, _sheet, count(*)::BIGINT AS n, ${dates('as_of')} AS dates FROM replaced GROUP BY ALL
    UNION ALL
    SELECT 'repeated', _file, _sheet, count(*)::BIGINT, ${dates('as_of')} FROM repeated GROUP BY ALL
    UNION ALL
    SELECT 'undecided', _file, _sheet, count(DISTINCT id_number)::BIGINT, ${dates('as_of')} FROM undecided GROUP BY ALL
    ORDER BY _file, _sheet, kind`);
  return reader.getRowObjectsJson().map((row) => ({
    file: String(row['_file']),
    sheet: row['_sheet'] === null ? null : String(row['_sheet']),
    message: row['kind'] === 'replaced'
      ? `有 ${row['n']} 条余额（截止 ${row['dates']}）已由同一金融机构（同一银行的简称、全称和各支行算同一机构）或同一账号截止日期更近的核对结果取代，未计入家庭金融资产`
      : row['kind'] === 'repeated'
      ? `有 ${row['n']} 条余额与前面的行重复（同一人、同一账号、同一截止日期、同一余额），只计一次`
      : `有 ${row['n']} 人在不同截止日期（${row['dates']}）各有余额，名单没有「金融机构」或「账号」列，无法判断是否同一账户的两轮核对反馈，` +
        '已全部相加；如是两轮反馈，请只保留最近一轮，或补上金融机构列',
  }));
}
