// Whose household a payment row refused at load (its month or amount unreadable, its columns shifted) is: only its text
// is kept (load_rejects.raw_row), so a cell equal to a roll household's 家庭编号 names the household. A roll numbered per
// village (户号 001 in every village, told apart as 001（东村）: scanner/load/reused-household-numbers.ts) makes one
// number several families': then the row's own 乡镇/村 cells choose among them, as they place a readable payment.
import { HOUSEHOLD_PLACES } from './reused-household-numbers.ts';

/**
 * A relation (_file, _sheet, _line, household_id, county, township, village, number): for each refused payment row and
 * each 家庭编号 it writes that names exactly one household, that household's places (two for one family on rows of two
 * villages, data_quality.household-split) among those the row's cells name. A number naming several households the row's
 * cells do not choose between names none: read as one of them it would be another village's family's row.
 */
export const refusedPaymentHouseholds = () => `(
    WITH refused AS (
      SELECT DISTINCT _file, _sheet, _line, unnest(string_split(raw_row, ',')) AS cell
      FROM load_rejects WHERE dataset = 'payments' AND kind IN ('value', 'shape')
    ),
    -- Each cell read as a 家庭编号 is when typed (rs_code), compared as the ID-less cells were before (case aside).
    numbers AS (SELECT DISTINCT _file, _sheet, _line, upper(rs_code(cell)) AS number FROM refused WHERE rs_code(cell) IS NOT NULL),
    written AS (SELECT DISTINCT _file, _sheet, _line, rs_text(cell) AS text FROM refused WHERE rs_text(cell) IS NOT NULL),
    -- The roll's households by the number a payment writes: 001（东村） is written 001. Only the numbers some row writes.
    households AS (
      SELECT DISTINCT upper(coalesce(p.household_no, r.household_id)) AS number, r.household_id, r.county, r.township, r.village
      FROM roll r LEFT JOIN ${HOUSEHOLD_PLACES} p ON p.separate AND p.household_id = r.household_id
      WHERE upper(r.household_id) IN (SELECT number FROM numbers)
         OR r.household_id IN (SELECT household_id FROM ${HOUSEHOLD_PLACES} WHERE separate AND upper(household_no) IN (SELECT number FROM numbers))
    ),
    -- How well the row's cells name each candidate's place: its village (2), its township (1), both (3), neither (0).
    ranked AS (
      SELECT n._file, n._sheet, n._line, h.*,
             2 * bool_or(coalesce(w.text = h.village, false))::INTEGER + bool_or(coalesce(w.text = h.township, false))::INTEGER AS named
      FROM numbers n JOIN households h USING (number)
      LEFT JOIN written w ON w._file = n._file AND w._sheet IS NOT DISTINCT FROM n._sheet AND w._line = n._line AND w.text IN (h.village, h.township)
      GROUP BY ALL
    ),
    chosen AS (SELECT * EXCLUDE (named) FROM ranked QUALIFY named = max(named) OVER (PARTITION BY _file, _sheet, _line, number))
    SELECT * FROM chosen
    QUALIFY min(household_id) OVER (PARTITION BY _file, _sheet, _line, number) = max(household_id) OVER (PARTITION BY _file, _sheet, _line, number))`;
