// A bank's 代发 file names who was paid (收款人身份证号码), or only the account paid (户名, 账号, 金额), not the 家庭编号
// the social-assistance system files a household under. Such a payment is the household's whose roll holds the payee,
// or whose roll rows give the account as their 发放账号: matched after the roll is typed, so a payee written with
// full-width digits, a lower-case x or as a 15-digit number, or an account written in groups of four, still finds its
// household. A payee or account the roll does not hold, or holds in two households, names no household: the row is
// refused with that reason.
import type { DuckDBConnection } from '@duckdb/node-api';
import { quoteIdentifier as q, sqlString } from '../sql-text.ts';
import { blank, rawRows, type StagedFile } from './raw-rows.ts';
import { rawTable } from './raw-tables.ts';
import { fullIdParse, idStep, type SourceAdditions } from './value-maps.ts';

export const PAYEE_COLUMN = 'payee_id';
export const ACCOUNT_COLUMN = 'payee_account';
/** The refusals of a payee or account the roll does not hold at all (unplaced-payments.ts counts them per file). */
export const NOT_ON_ROLL = ['不在花名册中，无法对应家庭编号', '不是花名册中任何家庭的发放账号，无法对应家庭编号'] as const;

/** 3704**********123X: a payee's ID masked before the list was sent (an account's mask is rs_account_masked). */
const masked = (value: string) => `regexp_matches(${value}, ${sqlString('[*＊]')})`;
/**
 * The account is read for a row with neither 家庭编号 nor payee (the payee's ID says more), and for one whose payee's ID
 * the bank masked: its account is then all that names the household. A CASE, not an AND, so that the rows with a
 * 家庭编号 (nearly all) go no further: DuckDB evaluates both sides of an AND for every row.
 */
const NEEDS_ACCOUNT = `CASE WHEN ${blank('household_id')}
  THEN NOT ${blank(ACCOUNT_COLUMN)} AND (${blank(PAYEE_COLUMN)} OR ${masked(PAYEE_COLUMN)}) ELSE false END`;
/** The payee's parsed ID, only for a row that needs it (no 家庭编号 of its own): every other payment is left alone. */
const PAYEE_PARSED = idStep(PAYEE_COLUMN, 'parsed');
const NEEDS_PAYEE = `CASE WHEN ${blank('household_id')} THEN NOT ${blank(PAYEE_COLUMN)} AND NOT (${NEEDS_ACCOUNT}) ELSE false END`;
const ACCOUNT_KEY = q(`${ACCOUNT_COLUMN}__key`);

/** Excel's 6.22848E+18 and a masked 6228****1234 are no account (the others compare by rs_account_key). */
const unusableAccount = (value: string) => `(rs_account_masked(${value}) OR rs_code_lost_digits(${value}))`;

/** Whether some payment names its payee or account instead of its household (a cheap test first: whether any file has the column). */
export async function paymentsNamePayees(connection: DuckDBConnection, stages: readonly StagedFile[]): Promise<boolean> {
  const exists = async (where: string) => (await connection.runAndReadAll(`SELECT EXISTS (SELECT 1 FROM ${where})`)).getRows()[0]![0] === true;
  const hasColumn = async (column: string) =>
    stages.some((stage) => stage.columns.has(column)) || exists(`${rawTable('payments')} WHERE ${column} IS NOT NULL`);
  if (!(await hasColumn(PAYEE_COLUMN)) && !(await hasColumn(ACCOUNT_COLUMN))) return false;
  return exists(`${rawRows('payments')} WHERE ${blank('household_id')} AND NOT (${blank(PAYEE_COLUMN)} AND ${blank(ACCOUNT_COLUMN)})`);
}

/**
 * Every ID of the typed roll with its household, and how many households hold it (a payee in two names neither);
 * every 发放账号 likewise (a 敬老院's account, paid for all its residents, names none of them). Where only one of those
 * households is 在保, that one is named: a person who moved keeps a 停保 row in his old household, and is paid in his new.
 */
export async function createPayeeHouseholds(connection: DuckDBConnection): Promise<void> {
  await connection.run(`
    CREATE OR REPLACE TABLE payee_households AS
    ${householdsNamed('id_number', 'p_id', 'p_households', 'p_household', 'id_number IS NOT NULL')}`);
  await connection.run(`
    CREATE OR REPLACE TABLE account_households AS
    ${householdsNamed('rs_account_key(bank_account)', 'a_key', 'a_households', 'a_household',
      `bank_account IS NOT NULL AND NOT ${unusableAccount('bank_account')}`)}
    HAVING a_key <> ''`);
}

/**
 * Per key (an ID, an account), how many households its roll rows name (the one 在保 household if there is exactly
 * one), and the first. Each (key, household) pair is found first and the pairs then counted: count(DISTINCT …) in a
 * grouped aggregate keeps a set per group (both tables from a million-person roll, 2 % of its persons also in a
 * second household: 1.5–1.9 s with it, 0.9–1.0 s so; the same rows).
 */
function householdsNamed(keyExpression: string, key: string, count: string, first: string, where: string): string {
  const soleActive = 'count(*) FILTER (WHERE active) = 1';
  return `WITH pairs AS (
      SELECT ${keyExpression} AS ${key}, household_id, bool_or(active) AS active
      FROM roll WHERE household_id IS NOT NULL AND ${where} GROUP BY ALL)
    SELECT ${key}, CASE WHEN ${soleActive} THEN 1 ELSE count(*) END AS ${count},
      CASE WHEN ${soleActive} THEN min(household_id) FILTER (WHERE active) ELSE min(household_id) END AS ${first}
    FROM pairs GROUP BY ${key}`;
}

export async function dropPayeeHouseholds(connection: DuckDBConnection): Promise<void> {
  await connection.run('DROP TABLE IF EXISTS payee_households');
  await connection.run('DROP TABLE IF EXISTS account_households');
}

/** What the payments' source adds (mappedSource's `more`): each payee's parse or account, and his household beside the row. */
export const PAYEE_SOURCE: SourceAdditions = {
  idParses: [fullIdParse(PAYEE_COLUMN, NEEDS_PAYEE, PAYEE_COLUMN)],
  columns: [
    `CASE WHEN ${NEEDS_ACCOUNT} THEN CASE WHEN NOT ${unusableAccount(ACCOUNT_COLUMN)} THEN rs_account_key(rs_code(${ACCOUNT_COLUMN})) END END AS ${ACCOUNT_KEY}`,
  ],
  joins: [
    `LEFT JOIN payee_households AS payee ON payee.p_id = ${PAYEE_PARSED}.id`,
    `LEFT JOIN account_households AS account ON account.a_key = ${ACCOUNT_KEY}`,
  ],
};

/** The household the payee or account names (joined by PAYEE_SOURCE); a payment's own 家庭编号 comes before it. */
export const PAYEE_HOUSEHOLD = 'coalesce(payee.p_household, account.a_household)';

interface PayeeRefusal { when: string; kind: 'id' | 'value'; why: string }

/** Why a payment that names only its payee has no household: (when, kind, reason), as normalise-datasets lists refusals. */
export function payeeRefusals(label: string): PayeeRefusal[] {
  const usable = `${PAYEE_PARSED}.status IN ('valid', 'legacy')`;
  return [
    { when: `${NEEDS_PAYEE} AND NOT ${usable}`, kind: 'id', why: `${label} || '无法识别：' || ${PAYEE_PARSED}.problem || '，无法对应家庭'` },
    { when: `${NEEDS_PAYEE} AND ${usable} AND payee.p_households IS NULL`, kind: 'value', why: `${label} || ${sqlString(NOT_ON_ROLL[0])}` },
    {
      when: `${NEEDS_PAYEE} AND payee.p_households > 1`, kind: 'value',
      why: `'收款人在花名册的 ' || payee.p_households || ' 户中（含 ' || payee.p_household || '），无法确定家庭编号'`,
    },
  ];
}

/** Why a payment that names only its account has no household, likewise (each test only for such a row: see NEEDS_ACCOUNT). */
export function accountRefusals(label: string): PayeeRefusal[] {
  const raw = ACCOUNT_COLUMN;
  const forAccount = (test: string) => `CASE WHEN ${NEEDS_ACCOUNT} THEN ${test} ELSE false END`;
  return [
    { when: forAccount(`rs_account_masked(${raw})`), kind: 'value', why: `${label} || '已打码，无法对应家庭'` },
    { when: forAccount(`rs_code_lost_digits(${raw})`), kind: 'value', why: `${label} || '被 Excel 改成科学计数法，末位已丢失，无法对应家庭'` },
    {
      when: `${ACCOUNT_KEY} IS NOT NULL AND account.a_households IS NULL`, kind: 'value',
      why: `${label} || ${sqlString(NOT_ON_ROLL[1])}`,
    },
    {
      when: `${ACCOUNT_KEY} IS NOT NULL AND account.a_households > 1`, kind: 'value',
      why: `'该账号是花名册 ' || account.a_households || ' 户的发放账号（含 ' || account.a_household || '，如敬老院集中供养），无法确定家庭编号'`,
    },
  ];
}
