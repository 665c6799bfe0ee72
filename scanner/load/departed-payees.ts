// A bank's 代发 list carries its history: a year of payments, each naming its payee (or only the account paid) instead of
// the 家庭编号. A payee who has since left the roll (died, moved, was 清退) names no household this month, and each of
// his payments was refused as 收款人身份证号码不在花名册中 and reported, one data_quality.bad-row finding a row, with no
// village (未关联乡镇, which no village works on): correctly removing a dead recipient from the roll made twelve new
// findings the next month. A payment for a month before P to a payee no longer on the roll is history, not a fault:
// refused as out of scope (listed in the ledger's rejects with its reason, counted in the warnings, no finding), as a
// failed payment or a 迁出 on a 注销户籍 list is (out-of-scope-rows.ts). A payment for P or a later month to a payee
// not on the roll is money paid to someone not on it: refused and reported as before, and where the death list has him
// dead before that month, its reason says so.
//
// Decided once P is known and after unplaced-payments.ts has judged each file by all its unplaced rows: a county's list
// beside one township's roll is still refused whole, not read as eleven months of history and a month of findings.
import type { DuckDBConnection } from '@duckdb/node-api';
import { datasetSpec } from '../datasets/catalog.ts';
import type { Period } from '../period.ts';
import { sqlString } from '../sql-text.ts';
import type { SheetWarning } from './out-of-scope-rows.ts';
import { ACCOUNT_COLUMN, NOT_ON_ROLL, PAYEE_COLUMN } from './payee-households.ts';

/** The month of each refused payment that found no household (kept while the payments are typed, before they are deleted). */
const UNPLACED_MONTHS = 'unplaced_payment_months';

/** Kept beside the typed payments, before its refused rows are deleted (normalise-datasets.ts): few rows, the refused ones. */
export async function keepUnplacedPaymentMonths(connection: DuckDBConnection): Promise<void> {
  await connection.run(`
    CREATE OR REPLACE TABLE ${UNPLACED_MONTHS} AS
    SELECT _file, _sheet, _line, month FROM payments WHERE len(_rejects) > 0 AND household_id IS NULL AND month IS NOT NULL`);
}

const label = (column: string) => datasetSpec('payments').columns.find((c) => c.name === column)!.label;
const PAYEE_NOT_ON_ROLL = `${label(PAYEE_COLUMN)}${NOT_ON_ROLL[0]}`;
const ACCOUNT_NOT_ON_ROLL = `${label(ACCOUNT_COLUMN)}${NOT_ON_ROLL[1]}`;

const shownMonth = (month: string) => `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;

/**
 * Sets aside the refused payments of months before P whose payee or account the roll does not hold (every problem of
 * such a row: it is history, as a non-data row is only that), and notes a death the death list dates before the month
 * paid on those and on P's. Returns the warnings, per file and sheet. Without a period (a load on its own) the refusals
 * stay as typed.
 */
export async function setAsideDepartedPayees(connection: DuckDBConnection, period: Period | undefined): Promise<SheetWarning[]> {
  const exists = (await connection.runAndReadAll(
    `SELECT count(*) FROM duckdb_tables() WHERE table_name = ${sqlString(UNPLACED_MONTHS)} AND NOT temporary`,
  )).getRows()[0]![0] !== 0n;
  if (!exists) return [];
  try {
    if (!period) return [];
    const start = `DATE ${sqlString(period.start)}`;
    // Each such row once, with its payee's death where the death list has one (the earliest date, as deceased.recipient reads it).
    await connection.run(`
      CREATE OR REPLACE TEMP TABLE departed_payees AS
      WITH unplaced AS (
        SELECT r._file, r._sheet, r._line, r.column_name, r.raw_value, r.raw_row, r.reason, m.month,
               CASE WHEN r.reason = ${sqlString(PAYEE_NOT_ON_ROLL)} THEN (rs_id_parse(r.raw_value)).id END AS payee
        FROM load_rejects r JOIN ${UNPLACED_MONTHS} m
          ON m._file = r._file AND m._sheet IS NOT DISTINCT FROM r._sheet AND m._line = r._line
        WHERE r.dataset = 'payments' AND r.kind = 'value' AND r.reason IN (${sqlString(PAYEE_NOT_ON_ROLL)}, ${sqlString(ACCOUNT_NOT_ON_ROLL)})
      ),
      died AS (SELECT id_number, min(death_date) AS died FROM deaths WHERE id_number IN (SELECT payee FROM unplaced) GROUP BY id_number)
      SELECT u.*, u.month < ${start} AS history, d.died, u.month > date_trunc('month', d.died) AS after_death
      FROM unplaced u LEFT JOIN died d ON d.id_number = u.payee`);
    const deathNote = (history: boolean) => `'；死亡人员名单记其 ' || strftime(died, '%Y-%m-%d') || ' 死亡，'
      || ${sqlString(history
        ? '这是死亡次月起的发放：他仍在保时，其多发金额由「已死亡人员仍在保」估算；如未曾列为该问题（如扫描前已移出花名册），请核实追回'
        : '死亡次月起仍向其发放，请核实追回')}`;
    const historyReason = `'发放月份 ' || strftime(month, '%Y-%m') || ' 在本期 ' || ${sqlString(period.label)} || ' 之前，'
      || CASE WHEN reason = ${sqlString(PAYEE_NOT_ON_ROLL)} THEN '收款人身份证号码不在本期花名册中'
              ELSE '收款账号不是本期花名册中任何家庭的发放账号' END
      || '：是已退出保障（死亡、迁出、清退）者此前的发放，不计入发放' || CASE WHEN after_death THEN ${deathNote(true)} ELSE '' END`;
    await connection.run('BEGIN TRANSACTION');
    try {
      // A row of P's (or later) to a dead payee stays refused and reported: its reason says he is dead.
      await connection.run(`
        UPDATE load_rejects r SET reason = r.reason || ${deathNote(false)}
        FROM departed_payees d
        WHERE NOT d.history AND d.after_death AND r.dataset = 'payments' AND r.kind = 'value' AND r.reason = d.reason
          AND r._file = d._file AND r._sheet IS NOT DISTINCT FROM d._sheet AND r._line = d._line`);
      await connection.run(`
        DELETE FROM load_rejects r WHERE r.dataset = 'payments' AND EXISTS (
          SELECT 1 FROM departed_payees d WHERE d.history AND d._file = r._file AND d._sheet IS NOT DISTINCT FROM r._sheet AND d._line = r._line)`);
      await connection.run(`
        INSERT INTO load_rejects
        SELECT 'payments', _file, _sheet, _line, 'out-of-scope', column_name, raw_value, ${historyReason}, raw_row
        FROM departed_payees WHERE history`);
      await connection.run('COMMIT');
    } catch (error) {
      await connection.run('ROLLBACK');
      throw error;
    }
    const reader = await connection.runAndReadAll(`
      SELECT _file, _sheet, count(*)::BIGINT AS rows,
             count(DISTINCT coalesce(payee, raw_value)) FILTER (WHERE reason = ${sqlString(PAYEE_NOT_ON_ROLL)})::BIGINT AS persons,
             count(DISTINCT raw_value) FILTER (WHERE reason = ${sqlString(ACCOUNT_NOT_ON_ROLL)})::BIGINT AS accounts,
             count(*) FILTER (WHERE after_death)::BIGINT AS dead_rows, count(DISTINCT payee) FILTER (WHERE after_death)::BIGINT AS dead_persons
      FROM departed_payees WHERE history GROUP BY _file, _sheet ORDER BY _file, _sheet`);
    return reader.getRowObjectsJson().map((row) => {
      const dead = Number(row['dead_rows']);
      const [persons, accounts] = [Number(row['persons']), Number(row['accounts'])];
      const whose = [persons > 0 ? `${persons} 人` : '', accounts > 0 ? `${accounts} 个账号` : ''].filter(Boolean).join('、');
      return {
        file: String(row['_file']),
        sheet: row['_sheet'] === null ? null : String(row['_sheet']),
        message: `发放月份在本期（${shownMonth(period.label)}）之前、收款人或收款账号已不在本期花名册中的 ${Number(row['rows'])} 行（${whose}）`
          + '是已退出保障（死亡、迁出、清退）者此前的发放，未计入发放，不作为数据问题，已列入拒收记录'
          + (dead === 0 ? '' : `；其中 ${dead} 行（${Number(row['dead_persons'])} 人）是死亡人员名单所记死亡次月起的发放：他们仍在保时，多发金额由「已死亡人员仍在保」估算，`
            + '如未曾列为该问题（如扫描前已移出花名册），请核实追回'),
      };
    });
  } finally {
    await connection.run('DROP TABLE IF EXISTS departed_payees');
    await connection.run(`DROP TABLE IF EXISTS ${UNPLACED_MONTHS}`);
  }
}
