// What tells a deposits row's 核对 round and holding (deposit-rounds.ts): whose balance it reports (the bank or the
// account), when (the 截止日期, else the month its list states), and which list it came from. A row of a list that
// says neither when nor which month is a round of unknown date: it can neither replace another list's balance of the
// same account nor be replaced by it, and the two are summed as before, but pointed out (until 2026-12-06 silently:
// a second round without 截止日期 doubled a family's balances, a false 家庭金融资产超标).

/**
 * Whose balances a row reports: the bank (农行, 中國農業銀行 and 中国农业银行城关支行 are one: institution_key, from
 * rs_institution_key), else the account; NULL when it names neither (no round can replace it). Of one bank, a round
 * replaces only the rows that may be its own account's (mayBeOneAccountOfBank).
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
  account: string;
  unnamed: string;
  undated: string;
  list: string;
}

/** `alias`'s RoundFields; `round` is its round date (a column CURRENT_DEPOSITS gives, or roundDate over a raw row). */
export const rowFields = (alias: string, round = `${alias}.round_date`): RoundFields => ({
  key: roundKey(alias), account: `${alias}.account`, unnamed: namesNeither(alias), undated: `${round} IS NULL`, list: listOf(alias),
});

/** The digits an account shows before its mask (6228 of 6228********1111), or all of an unmasked one's. */
const shownBefore = (account: string) => `CASE WHEN rs_account_masked(${account}) THEN regexp_extract(${account}, '^[0-9]*') ELSE rs_account_key(${account}) END`;
/** The digits an account shows after its mask (1111 of 6228********1111), or all of an unmasked one's. */
const shownAfter = (account: string) => `CASE WHEN rs_account_masked(${account}) THEN regexp_extract(${account}, '[0-9]*$') ELSE rs_account_key(${account}) END`;

/**
 * Two account numbers, neither NULL, that may be one account: the same letters and digits (6228 4800 1122 is
 * 622848001122), or, where one or both are masked (6228********1111, masked-accounts.ts), the digits shown before and
 * after the mask agree (6228********1111 may be 6228480000000011111; it is not 6228480000000022222).
 */
export const mayBeOneAccount = (a: string, b: string) => `CASE WHEN rs_account_masked(${a}) OR rs_account_masked(${b})
  THEN (starts_with(${shownBefore(a)}, ${shownBefore(b)}) OR starts_with(${shownBefore(b)}, ${shownBefore(a)}))
    AND (ends_with(${shownAfter(a)}, ${shownAfter(b)}) OR ends_with(${shownAfter(b)}, ${shownAfter(a)}))
  ELSE rs_account_key(${a}) = rs_account_key(${b}) END`;

/**
 * Two rows naming one bank that may report one account: either gives no account number, or the numbers may be one
 * (mayBeOneAccount). Two account numbers at one bank are two accounts (活期 and 理财 at 中国农业银行, or two branches'
 * cards), whatever their dates: until 2026-12-06 the earlier was taken for the later's previous round and left out, and
 * a family over the limit was not found.
 */
export const mayBeOneAccountOfBank = (a: string, b: string) => `(${a} IS NULL OR ${b} IS NULL OR ${mayBeOneAccount(a, b)})`;

/**
 * Two rows of one person from two lists, one or both of unknown date, that may report one account at two rounds: they
 * name one bank (and no two account numbers that differ), or one account, or one of them names neither. Two banks are
 * two accounts whatever the dates, as between dated rounds; two rows of one list are one round's two holdings.
 */
export const mayBeOneAccountUndated = (a: RoundFields, b: RoundFields) => `(${a.list} <> ${b.list} AND (${a.undated} OR ${b.undated})
  AND (${a.unnamed} OR ${b.unnamed} OR coalesce(${a.key} = ${b.key} AND ${mayBeOneAccountOfBank(a.account, b.account)}, false)
    OR coalesce(${a.account} = ${b.account}, false)))`;
