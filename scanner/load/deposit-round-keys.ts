// What tells a deposits row's 核对 round and holding (deposit-rounds.ts): whose balance it reports (the account, else
// the bank), when (the 截止日期, else the month its list states), and which list it came from. A row of a list that
// says neither when nor which month is a round of unknown date: it can neither replace another list's balance of the
// same account nor be replaced by it, and the two are summed as before, but pointed out (until 2026-12-06 silently:
// a second round without 截止日期 doubled a family's balances, a false 家庭金融资产超标).

/**
 * Whose balances a row reports: the bank (农行, 中國農業銀行 and 中国农业银行城关支行 are one: institution_key, from
 * rs_institution_key), else the account; NULL when it names neither (no round can replace it).
 */
export const roundKey = (alias: string) => `coalesce(${alias}.institution_key, ${alias}.account)`;
/** The row names neither bank nor account: no later round can replace it, and none can be told apart from it. */
export const namesNeither = (alias: string) => `${roundKey(alias)} IS NULL`;

/**
 * When the row's balance was taken: its 截止日期, else the end of the month its list states (a list without 截止日期
 * named 2026年9月金融资产核对反馈: stated_month, deposit-list-month.ts); NULL when neither says.
 */
export const roundDate = (alias: string) => `coalesce(${alias}.as_of, last_day(${alias}.stated_month))`;

/** The list (file, and sheet of a workbook) a row came from: two rows of one list are one round's two holdings. */
export const listOf = (alias: string) => `{'file': ${alias}._file, 'sheet': coalesce(${alias}._sheet, '')}`;
/** The list as staff find it: its file name, and the sheet of a workbook. */
export const listName = (alias: string) => `${alias}._file || coalesce('（工作表「' || ${alias}._sheet || '」）', '')`;

/** A row's round and holding as SQL, to compare two rows: a table alias's (rowFields), or a struct's inside a lambda. */
export interface RoundFields {
  key: string;
  institution: string;
  account: string;
  unnamed: string;
  undated: string;
  list: string;
}

/** `alias`'s RoundFields; `round` is its round date (a column CURRENT_DEPOSITS gives, or roundDate over a raw row). */
export const rowFields = (alias: string, round = `${alias}.round_date`): RoundFields => ({
  key: roundKey(alias), institution: `${alias}.institution_key`, account: `${alias}.account`, unnamed: namesNeither(alias), undated: `${round} IS NULL`, list: listOf(alias),
});

/**
 * Two rows of one person that may report one holding: the same account number; where one or both give none (the
 * account cannot tell them apart), the same bank. Two different account numbers are two accounts, whatever their bank
 * and dates: a 定期 and a 活期 account at one bank often carry different 余额日期 in one list, and until 2026-12-07 the
 * earlier was taken for the bank's earlier round and dropped (张一's 40,000 and 30,000 at 中国农业银行 became 30,000,
 * under his family's limit of 33,600: a missed finding).
 */
export const mayBeOneHolding = (a: Pick<RoundFields, 'institution' | 'account'>, b: Pick<RoundFields, 'institution' | 'account'>) =>
  `coalesce(CASE WHEN ${a.account} IS NOT NULL AND ${b.account} IS NOT NULL THEN ${a.account} = ${b.account}
    ELSE ${a.institution} = ${b.institution} END, false)`;

/**
 * A later-dated row `later` is a later report of `row`'s holding (deposit-rounds.ts replaces `row` by it): one holding
 * (mayBeOneHolding), and not one list's row with an account beside its row without: a list that gives account numbers
 * lists holdings, and its row without one is another holding of the bank, not another round. (Rows of one list that
 * give no account at all stay rounds of the bank, as before: they cannot be told from June's and September's rows
 * pasted into one list; and one account at two dates is one account's two reports, in one list or two.)
 */
export const laterReportOf = (row: Pick<RoundFields, 'institution' | 'account' | 'list'>, later: Pick<RoundFields, 'institution' | 'account' | 'list'>) =>
  `(${mayBeOneHolding(row, later)} AND (${row.list} <> ${later.list} OR (${row.account} IS NULL) = (${later.account} IS NULL)))`;

/**
 * Two rows of one person from two lists, one or both of unknown date, that may report one account at two rounds: one
 * holding (mayBeOneHolding), or one of them names neither. Two banks, or two account numbers, are two accounts
 * whatever the dates, as between dated rounds; two rows of one list are one round's two holdings.
 */
export const mayBeOneAccountUndated = (a: RoundFields, b: RoundFields) => `(${a.list} <> ${b.list} AND (${a.undated} OR ${b.undated})
  AND (${a.unnamed} OR ${b.unnamed} OR ${mayBeOneHolding(a, b)}))`;
