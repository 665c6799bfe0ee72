// A roll column of GB/T 4761 relation codes saved in number cells: 02 户主 and 01 本人 kept as 2 and 1 are its heads.
// Until 2026-12-06 every household of such a roll (张三 2, 李秀英 10, 张小明 20) was without a head
// (data_quality.household-no-head for each), and households numbered per village were never told apart.
import type { DuckDBConnection } from '@duckdb/node-api';
import { MEMBER_RELATION_CODE, RELATION_CODE, SHORTENED_HEAD_CODES } from '../normalise/category-words.ts';
import { sqlString } from '../sql-text.ts';

/**
 * Marks as heads the roll's rows whose relation is 1 or 2 where the standard's two-digit codes are written: in a
 * column (a file's, or a workbook sheet's) each value of which is a code, one of them a member's (10, 20 …), or in a
 * household each row of which is, in a column that also holds words (户主, 配偶, 子 typed by hand, and the households
 * pasted in from a system's export, 2, 10, 20: until 2026-12-06 each of those was without a head). A 1 or 2 among no
 * member's two-digit code (alone, with a word or a 3 beside it) says nothing of which code list it uses (2 may be the
 * class 子): it stays no head, and household-no-head shows it to the village. Runs once the roll is typed, before
 * households numbered per village are told apart by their heads (reused-household-numbers.ts).
 */
export async function readShortenedHeadCodes(connection: DuckDBConnection): Promise<void> {
  const shortened = SHORTENED_HEAD_CODES.map(sqlString).join(', ');
  const inTwoDigitCodes = `bool_and(r.relation IS NULL OR regexp_full_match(r.relation, ${sqlString(RELATION_CODE)}))
         AND bool_or(regexp_full_match(r.relation, ${sqlString(MEMBER_RELATION_CODE)}))`;
  // The rows' number as written, in its village: households numbered per village are not yet told apart here.
  const household = ['_file', '_sheet', 'township', 'village', 'household_id'];
  const sameHousehold = household.map((column) => `roll.${column} IS NOT DISTINCT FROM coded.${column}`).join(' AND ');
  await connection.run(`
    UPDATE roll SET is_head = true
    FROM (
      SELECT r._file, r._sheet FROM roll r
      JOIN (SELECT DISTINCT _file, _sheet FROM roll WHERE relation IN (${shortened})) candidate
        ON candidate._file = r._file AND candidate._sheet IS NOT DISTINCT FROM r._sheet
      GROUP BY r._file, r._sheet
      HAVING ${inTwoDigitCodes}
    ) coded
    WHERE roll._file = coded._file AND roll._sheet IS NOT DISTINCT FROM coded._sheet AND roll.relation IN (${shortened})`);
  await connection.run(`
    UPDATE roll SET is_head = true
    FROM (
      SELECT ${household.map((column) => `r.${column}`).join(', ')} FROM roll r
      SEMI JOIN (SELECT _file, _sheet, township, village, household_id FROM roll WHERE relation IN (${shortened}) AND household_id IS NOT NULL) candidate
        ON ${household.map((column) => `candidate.${column} IS NOT DISTINCT FROM r.${column}`).join(' AND ')}
      GROUP BY ALL
      HAVING ${inTwoDigitCodes}
    ) coded
    WHERE ${sameHousehold} AND roll.relation IN (${shortened})`);
}
