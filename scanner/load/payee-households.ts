// A bank's 代发 file names who was paid (收款人身份证号码), not the 家庭编号 the social-assistance system files a
// household under. Such a payment is the household's whose roll holds the payee: matched after the roll is typed, so a
// payee written with full-width digits, a lower-case x or as a 15-digit number still finds his household. A payee the
// roll does not hold, or holds in two households, names no household: the row is refused with that reason.
import type { DuckDBConnection } from '@duckdb/node-api';
import { quoteIdentifier as q } from '../sql-text.ts';
import { blank, rawRows, type StagedFile } from './raw-rows.ts';
import { rawTable } from './raw-tables.ts';

export const PAYEE_COLUMN = 'payee_id';

/** The payee's parsed ID, only for a row that needs it (no 家庭编号 of its own): every other payment is left alone. */
const PAYEE_PARSED = q(`${PAYEE_COLUMN}__parsed`);
const NEEDS_PAYEE = `${blank('household_id')} AND NOT ${blank(PAYEE_COLUMN)}`;

/** Whether some payment names its payee instead of its household (a cheap test first: whether any file has the column). */
export async function paymentsNamePayees(connection: DuckDBConnection, stages: readonly StagedFile[]): Promise<boolean> {
  const exists = async (where: string) => (await connection.runAndReadAll(`SELECT EXISTS (SELECT 1 FROM ${where})`)).getRows()[0]![0] === true;
  if (!stages.some((stage) => stage.columns.has(PAYEE_COLUMN)) && !(await exists(`${rawTable('payments')} WHERE ${PAYEE_COLUMN} IS NOT NULL`))) return false;
  return exists(`${rawRows('payments')} WHERE ${NEEDS_PAYEE}`);
}

/** Every ID of the typed roll with its household, and how many households hold it (a payee in two names neither). */
export async function createPayeeHouseholds(connection: DuckDBConnection): Promise<void> {
  await connection.run(`
    CREATE OR REPLACE TABLE payee_households AS
    SELECT id_number AS p_id, count(DISTINCT household_id) AS p_households, min(household_id) AS p_household
    FROM roll WHERE id_number IS NOT NULL AND household_id IS NOT NULL GROUP BY id_number`);
}

export async function dropPayeeHouseholds(connection: DuckDBConnection): Promise<void> {
  await connection.run('DROP TABLE IF EXISTS payee_households');
}

/** What the payments' source adds (mappedSource's `more`): each payee's parse, and his household beside the row. */
export const PAYEE_SOURCE = {
  columns: [`CASE WHEN ${NEEDS_PAYEE} THEN rs_id_parse(${PAYEE_COLUMN}) END AS ${PAYEE_PARSED}`],
  joins: [`LEFT JOIN payee_households AS payee ON payee.p_id = ${PAYEE_PARSED}.id`],
};

/** The household the payee names (joined by PAYEE_SOURCE); a payment's own 家庭编号 comes before it. */
export const PAYEE_HOUSEHOLD = 'payee.p_household';

/** Why a payment that names only its payee has no household: (when, kind, reason), as normalise-datasets lists refusals. */
export function payeeRefusals(label: string): { when: string; kind: 'id' | 'value'; why: string }[] {
  const usable = `${PAYEE_PARSED}.status IN ('valid', 'legacy')`;
  return [
    { when: `${NEEDS_PAYEE} AND NOT ${usable}`, kind: 'id', why: `${label} || '无法识别：' || ${PAYEE_PARSED}.problem || '，无法对应家庭'` },
    { when: `${NEEDS_PAYEE} AND ${usable} AND payee.p_households IS NULL`, kind: 'value', why: `${label} || '不在花名册中，无法对应家庭编号'` },
    {
      when: `${NEEDS_PAYEE} AND payee.p_households > 1`, kind: 'value',
      why: `'收款人在花名册的 ' || payee.p_households || ' 户中（含 ' || payee.p_household || '），无法确定家庭编号'`,
    },
  ];
}
