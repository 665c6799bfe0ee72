// A 发放明细 most of whose 家庭编号 are on no roll row: Excel stored the roll's 0001 as the number 1, or the list is of
// another township or month's numbering. Its payments are read, but match no household, and a dead recipient's
// finding then says nothing was paid after his death (多发 0.00 元) without anyone being told why.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { SheetWarning } from './out-of-scope-rows.ts';

/**
 * The rows looked at per file: its first ones (by line, a title and a blank row or two above the header), enough to
 * tell a list that does not fit the roll from one with a few strays, without a pass over twelve million payments.
 */
const LINES_LOOKED_AT = 2000;

/** Per payment file (and sheet): a warning when more than half of its first rows' 家庭编号 are on no roll row. */
export async function unmatchedPaymentWarnings(connection: DuckDBConnection): Promise<SheetWarning[]> {
  const reader = await connection.runAndReadAll(`
    WITH households AS (SELECT DISTINCT household_id FROM roll WHERE household_id IS NOT NULL),
    looked_at AS (SELECT _file, _sheet, household_id FROM payments WHERE _line <= ${LINES_LOOKED_AT} AND household_id IS NOT NULL),
    -- A roll number that reads as the payment's once its leading zeros are gone: Excel stored it as a number.
    zeros_lost AS (
      SELECT ltrim(household_id, '0') AS stripped, min(household_id) AS household_id FROM households
      WHERE starts_with(household_id, '0') GROUP BY stripped
    )
    SELECT l._file, l._sheet, count(*)::BIGINT AS looked, count(*) FILTER (WHERE h.household_id IS NULL)::BIGINT AS unmatched,
           min(l.household_id) FILTER (WHERE h.household_id IS NULL) AS example, min(z.household_id) AS roll_example
    FROM looked_at l
    LEFT JOIN households h USING (household_id)
    LEFT JOIN zeros_lost z ON h.household_id IS NULL AND z.stripped = l.household_id
    GROUP BY l._file, l._sheet HAVING 2 * count(*) FILTER (WHERE h.household_id IS NULL) > count(*) ORDER BY l._file, l._sheet`);
  return reader.getRowObjectsJson().map((row) => {
    const rollExample = row['roll_example'] === null ? null : String(row['roll_example']);
    const why = rollExample
      ? `花名册中有去掉开头的 0 后相同的编号（如「${rollExample}」），多半是 Excel 把家庭编号存成了数字：请把该列设为文本后重新导出发放明细`
      : '请核对发放明细与花名册是否同一范围、家庭编号的写法是否一致';
    return {
      file: String(row['_file']),
      sheet: row['_sheet'] === null ? null : String(row['_sheet']),
      message: `查看的前 ${Number(row['looked'])} 行中，${Number(row['unmatched'])} 行的家庭编号不在花名册中（如「${String(row['example'])}」），`
        + `这些发放对应不到家庭，死亡、服刑人员的多发金额会少算；${why}`,
    };
  });
}
