// Two rounds of 居民家庭经济状况核对 feedback in one folder (June's and September's) report the same accounts twice, at
// two dates: summed, a family's balances doubled, and a false 家庭金融资产超标 (high) could stop its benefit. A holding's
// latest round replaces its earlier ones (over_asset.deposits reads CURRENT_DEPOSITS): an account's, by its number, and
// where a row gives no number, the bank's (laterReportOf); two account numbers are two accounts whatever their dates.
// The summary says which balances were replaced, and where the list cannot tell (it names no bank and no account) that
// they were all added up.
// A round's date is its row's 截止日期, else the month its list states (deposit-list-month.ts); a row of a list that
// says neither is a round of unknown date, never replaced, doubted beside another list's balance of the same account.
import type { DuckDBConnection } from '@duckdb/node-api';
import { undatedListWarnings } from './deposit-list-warnings.ts';
import { laterReportOf, listName, listOf, mayBeOneAccountUndated, namesNeither, roundDate, rowFields, type RoundFields } from './deposit-round-keys.ts';
import type { SheetWarning } from './out-of-scope-rows.ts';

/**
 * Each holding's reports per list, of the persons reported at more than one round date (few: a person in one round is
 * not compared): the bank, the account, the list and its latest date there.
 */
const REPORTS = `(
    SELECT id_number, institution_key, account, ${listOf('e')} AS list, max(${roundDate('e')}) AS latest FROM deposits e
    WHERE ${roundDate('e')} IS NOT NULL AND NOT ${namesNeither('e')} AND id_number IN (
      SELECT id_number FROM deposits e GROUP BY id_number HAVING min(${roundDate('e')}) < max(${roundDate('e')}))
    GROUP BY ALL)`;
const LATER: Pick<RoundFields, 'institution' | 'account' | 'list'> = { institution: 'l.institution_key', account: 'l.account', list: 'l.list' };

/**
 * Every deposits row (d), with `replaced` where a later-dated report of its holding exists (laterReportOf): a join with
 * the few persons' holdings REPORTS finds (a window over every row took 250 ms against 145 ms at B1M). The account is
 * matched apart from the bank: a round that names the bank and one that gives only the account number report the same
 * account (until 2026-12-05 keyed one by the bank and the other by the account, both were added up: a false high
 * finding). Until 2026-12-07 a bank's later-dated row replaced its rows of other account numbers too: one list's 定期
 * and 活期 accounts of two 余额日期 became one (a missed finding).
 */
const WITH_LATEST_ROUND = `deposits d
  LEFT JOIN (
    SELECT DISTINCT r._file, r._sheet, r._line FROM deposits r JOIN ${REPORTS} l ON l.id_number = r.id_number AND l.latest > ${roundDate('r')}
    WHERE ${laterReportOf(rowFields('r', roundDate('r')), LATER)}
  ) later_report ON later_report._file = d._file AND later_report._sheet IS NOT DISTINCT FROM d._sheet AND later_report._line = d._line
  LEFT JOIN (
    SELECT id_number, account, ${roundDate('e')} AS round_date, balance_cents, min({'file': _file, 'sheet': _sheet, 'line': _line}) AS first_row
    FROM deposits e WHERE account IS NOT NULL GROUP BY ALL HAVING count(*) > 1
  ) twice ON twice.id_number = d.id_number AND twice.account = d.account AND twice.round_date IS NOT DISTINCT FROM ${roundDate('d')}
    AND twice.balance_cents IS NOT DISTINCT FROM d.balance_cents`;
/** A later report of the same holding replaced the row (a row of unknown date is never replaced). */
const REPLACED = `(later_report._line IS NOT NULL)`;
/**
 * The row repeats an earlier one (the same account, date and balance, in a supplement that repeats the main list's row,
 * or twice in one list): one holding, counted once (until 2026-12-05 twice, a false high finding). Rows without an
 * account are all counted: two equal balances there may be two accounts.
 */
const REPEATED = `coalesce({'file': d._file, 'sheet': d._sheet, 'line': d._line} IS DISTINCT FROM twice.first_row AND twice.first_row IS NOT NULL, false)`;

/**
 * The deposits that count, with their round_date: each bank's (or account's) latest round, each holding once; rows
 * naming neither, or of unknown date, all count.
 */
export const CURRENT_DEPOSITS = `SELECT d.*, ${roundDate('d')} AS round_date FROM ${WITH_LATEST_ROUND} WHERE NOT ${REPLACED} AND NOT ${REPEATED}`;

/**
 * A counted balance that may be another round's report of an account the person holds, which no rule can settle. It
 * is **doubtful** when it has a round date (its 截止日期, or its list's month) and either
 * - names neither bank nor account and the person has another counted, dated balance at a different date (named or
 *   not): June's unnamed 30,000 and September's 中国农业银行 20,000 may be one account reported twice, or two; or
 * - names a bank or account and the person has an unnamed dated balance at a different date (the other side of that pair).
 * Two rows at one date are one round's two accounts, and two named rows left after CURRENT_DEPOSITS are two accounts (a
 * later round of the same bank or account would have replaced the earlier).
 *
 * A balance of unknown date (its list says no date and no month) is **undated_doubt** beside the person's counted
 * balance in another list that may be the same account (mayBeOneAccountUndated: one bank, one account, or one of them
 * unnamed), and so is that balance: no round replaced either, as none can be told the later. Balances are still
 * summed, as the spec says; a doubtful one is pointed out for staff to check before a high finding stops a benefit.
 *
 * A doubtful balance is an **earlier round** when a later counted balance could be that account's newer report: an
 * unnamed one dated before any of the person's other dated balances, a named one dated before one of his unnamed
 * balances (two named ones are two accounts); of a pair of unknown order, the larger (on a tie, the later row).
 * Leaving out the earlier rounds gives the lowest plausible total: each ambiguous pair read as one account, one round
 * counted. (A later unnamed balance may so stand for two earlier accounts: the figure is a lower bound to check
 * against, not a judgment.)
 *
 * Over the counted balances `alias` (CURRENT_DEPOSITS) of the households judged, with a window `person` per household
 * member: round_date, round_dates (his dated balances' round dates), unnamed_dates (his unnamed ones'), unnamed,
 * undated, doubtful, undated_doubt, undated_lists (the other lists of its undated pairs) and earlier_round.
 */
export const roundDoubtColumns = (alias: string) => {
  const unnamed = namesNeither(alias);
  const round = `${alias}.round_date`;
  const pairs = undatedPairs(alias);
  const at = `{'list': ${rowFields(alias).list}, 'line': ${alias}._line}`;
  const absentFrom = laterListsOfItsBank(alias);
  return `${unnamed} AS unnamed, ${round} AS round_date, ${round} IS NULL AS undated,
    ${alias}.account IS NOT NULL AND len(${absentFrom}) > 0 AS absent_later,
    list_sort(list_distinct(list_transform(${absentFrom}, p -> p.name))) AS absent_lists,
    list(${round}) FILTER (WHERE ${round} IS NOT NULL) OVER person AS round_dates,
    list(${round}) FILTER (WHERE ${round} IS NOT NULL AND ${unnamed}) OVER person AS unnamed_dates,
    ${round} IS NOT NULL AND coalesce(CASE WHEN ${unnamed}
      THEN min(${round}) OVER person < max(${round}) OVER person
      ELSE ${round} <> min(${round}) FILTER (WHERE ${unnamed}) OVER person OR ${round} <> max(${round}) FILTER (WHERE ${unnamed}) OVER person
    END, false) AS doubtful,
    len(${pairs}) > 0 AS undated_doubt,
    list_sort(list_distinct(list_transform(${pairs}, p -> p.name))) AS undated_lists,
    coalesce(${round} < CASE WHEN ${unnamed}
      THEN max(${round}) OVER person ELSE max(${round}) FILTER (WHERE ${unnamed}) OVER person END, false)
    OR len(list_filter(${pairs}, p -> p.balance < ${alias}.balance_cents OR (p.balance = ${alias}.balance_cents AND p.at < ${at}))) > 0
    OR (${alias}.account IS NOT NULL AND len(${absentFrom}) > 0)
    AS earlier_round`;
};

/**
 * The person's later-dated lists (window `person`) whose counted balances at the row's bank leave its account out: a
 * later round of the bank that did not report the account again (a report of it would have replaced the row). The
 * account may be closed, or the round left it out: it is counted, as no later balance of it says otherwise (dropped, a
 * finding could be missed), but pointed out as an earlier round, since counted when closed it could make a false one.
 */
function laterListsOfItsBank(alias: string): string {
  const fields = rowFields(alias);
  const lists = `list({'institution': ${fields.institution}, 'list': ${fields.list}, 'name': ${listName(alias)}, 'round': ${alias}.round_date}) OVER person`;
  return `list_filter(${lists}, p -> p.institution = ${fields.institution} AND p.list <> ${fields.list} AND p.round > ${alias}.round_date)`;
}

/** The person's other counted balances (window `person`) that may be one account with the row, one of unknown date. */
function undatedPairs(alias: string): string {
  const peer: RoundFields = { key: 'p.key', institution: 'p.institution', account: 'p.account', unnamed: 'p.unnamed', undated: 'p.undated', list: 'p.list' };
  const fields = rowFields(alias);
  const peers = `list({'key': ${fields.key}, 'institution': ${fields.institution}, 'account': ${alias}.account, 'unnamed': ${fields.unnamed}, 'undated': ${fields.undated},
    'list': ${fields.list}, 'name': ${listName(alias)}, 'balance': ${alias}.balance_cents, 'at': {'list': ${fields.list}, 'line': ${alias}._line}}) OVER person`;
  return `list_filter(${peers}, p -> ${mayBeOneAccountUndated(peer, fields)})`;
}

/** The evidence's note on a doubtful balance (over roundDoubtColumns): the person's dates or lists it may be one account with. */
export const DOUBT_MARK = `CASE WHEN NOT doubtful THEN ''
  WHEN unnamed THEN '（未写金融机构或账号，可能与同一人截至 ' || ${otherDates('round_dates')} || ' 的余额是同一账户）'
  ELSE '（可能与同一人截至 ' || ${otherDates('unnamed_dates')} || ' 未写金融机构或账号的余额是同一账户）' END ||
  CASE WHEN NOT undated_doubt THEN ''
  WHEN undated THEN '（名单未写截止日期或月份，可能与同一人在 ' || array_to_string(undated_lists, '、') || ' 中的余额是同一账户）'
  ELSE '（可能与同一人在 ' || array_to_string(undated_lists, '、') || ' 中未写截止日期或月份的余额是同一账户）' END ||
  CASE WHEN NOT absent_later THEN ''
  ELSE '（同一金融机构截止日期更近的 ' || array_to_string(absent_lists, '、') || ' 未再列出此账号，可能已销户）' END`;

function otherDates(list: string): string {
  return `array_to_string(list_transform(list_sort(list_distinct(list_filter(${list}, x -> x <> round_date))), x -> strftime(x, '%Y-%m-%d')), '、')`;
}

const dates = (column: string) => `string_agg(DISTINCT strftime(${column}, '%Y-%m-%d'), '、' ORDER BY strftime(${column}, '%Y-%m-%d'))`;

/**
 * Per file: the balances a later round replaced or a row repeated, and the persons with unnamed dated balances that may
 * be another round's (roundDoubtColumns' rule, per person): 'undecided' where his unnamed balances have several dates,
 * 'mixed' where they have one and a named balance that counts has another (June's unnamed 30,000 beside September's
 * 农行 20,000). Named balances a later round replaced, or that repeat a row, are no round of their own. Dates are
 * round dates (a list's stated month as its end, which undatedListWarnings says); lists of unknown date are theirs too.
 */
export async function depositRoundWarnings(connection: DuckDBConnection): Promise<SheetWarning[]> {
  const round = roundDate('d');
  const undated = undatedListWarnings();
  const reader = await connection.runAndReadAll(`
    WITH judged AS MATERIALIZED (
      SELECT d._file, d._sheet, d._line, ${round} AS round_date, ${REPLACED} AS replaced, ${REPEATED} AS repeated FROM ${WITH_LATEST_ROUND}
      WHERE ${REPLACED} OR ${REPEATED}),
    replaced AS (SELECT _file, _sheet, round_date FROM judged WHERE replaced),
    repeated AS (SELECT _file, _sheet, round_date FROM judged WHERE repeated AND NOT replaced),
    unnamed AS (SELECT id_number, _file, _sheet, ${round} AS round_date FROM deposits d WHERE ${namesNeither('d')} AND ${round} IS NOT NULL),
    -- The dates of the counted balances of the persons with an unnamed dated one (few: the rest of the list is not read).
    spans AS (
      SELECT d.id_number, count(DISTINCT ${round}) FILTER (WHERE ${namesNeither('d')}) AS unnamed_dates,
             list(DISTINCT ${round}) FILTER (WHERE NOT ${namesNeither('d')}) AS named_dates
      FROM deposits d LEFT JOIN judged j ON j._file = d._file AND j._sheet IS NOT DISTINCT FROM d._sheet AND j._line = d._line
      WHERE ${round} IS NOT NULL AND j._line IS NULL AND d.id_number IN (SELECT id_number FROM unnamed)
      GROUP BY d.id_number HAVING count(DISTINCT ${round}) > 1),
    undecided AS (SELECT u.* FROM unnamed u JOIN spans s USING (id_number) WHERE s.unnamed_dates > 1),
    mixed AS (SELECT u.*, list_filter(s.named_dates, x -> x <> u.round_date) AS other_dates FROM unnamed u JOIN spans s USING (id_number) WHERE s.unnamed_dates = 1),
    ${undated.ctes}
    SELECT 'replaced' AS kind, _file, _sheet, count(*)::BIGINT AS n, ${dates('round_date')} AS dates, NULL AS other_dates FROM replaced GROUP BY ALL
    UNION ALL
    SELECT 'repeated', _file, _sheet, count(*)::BIGINT, ${dates('round_date')}, NULL FROM repeated GROUP BY ALL
    UNION ALL
    SELECT 'undecided', _file, _sheet, count(DISTINCT id_number)::BIGINT, ${dates('round_date')}, NULL FROM undecided GROUP BY ALL
    UNION ALL
    SELECT 'mixed', _file, _sheet, count(DISTINCT id_number)::BIGINT, ${dates('round_date')},
           array_to_string(list_transform(list_sort(list_distinct(flatten(list(other_dates)))), x -> strftime(x, '%Y-%m-%d')), '、')
    FROM mixed GROUP BY ALL
    UNION ALL
    ${undated.rows}
    ORDER BY _file, _sheet, kind`);
  return reader.getRowObjectsJson().map((row) => ({
    file: String(row['_file']),
    sheet: row['_sheet'] === null ? null : String(row['_sheet']),
    message: undated.message(row) ?? (row['kind'] === 'replaced'
      ? `有 ${row['n']} 条余额（截止 ${row['dates']}）已由同一金融机构（同一银行的简称、全称和各支行算同一机构）或同一账号截止日期更近的核对结果取代，未计入家庭金融资产`
      : row['kind'] === 'repeated'
      ? `有 ${row['n']} 条余额与前面的行重复（同一人、同一账号、同一截止日期、同一余额），只计一次`
      : row['kind'] === 'mixed'
      ? `有 ${row['n']} 人的余额未写金融机构或账号（截止 ${row['dates']}），同一人另有截止日期不同（${row['other_dates']}）、写明金融机构或账号的余额，` +
        '无法判断是否同一账户的两轮核对反馈，已全部相加（家庭金融资产超标的，证据注明只计最近一轮的合计）；如是两轮反馈，请补上金融机构或账号，或只保留最近一轮'
      : `有 ${row['n']} 人在不同截止日期（${row['dates']}）各有余额，名单没有「金融机构」或「账号」列，无法判断是否同一账户的两轮核对反馈，` +
        '已全部相加；如是两轮反馈，请只保留最近一轮，或补上金融机构列'),
  }));
}
