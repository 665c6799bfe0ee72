// SQL the duplicate checks share: which copy of a person's rows in one household a row is, and where a row without a
// 家庭编号 stands.

/**
 * The row's copy number within `partition` (a PARTITION BY list over roll alias r) as a SELECT-list expression:
 * ranked by the row's values, so re-sorting the export keeps each finding id on the same row
 * (file position only breaks exact ties).
 */
export const copyWithin = (partition: string) => `row_number() OVER (PARTITION BY ${partition}
               ORDER BY r.name, r.relation, r.program, r.status_raw, r.monthly_amount_raw, r.start_date_raw, r.bank_account,
                        r.township, r.village, r.id_raw, r.filed_raw, r._file, r._sheet, r._line)`;

/** The row's copy number within (person, household): see copyWithin. */
export const COPY_IN_HOUSEHOLD = copyWithin('r.id_number, r.household_id');

/**
 * An active roll row (alias) paid in P by its start: one whose 开始享受时间 is after P.end (a move to 特困, or to another
 * household, from next month, both rows already written) is not paid yet, and makes no duplicate in P. An empty or
 * unreadable start counts as paid; the roll has no end date, so status decides the rest.
 */
export const startedBy = (row: string) => `(${row}.start_date IS NULL OR ${row}.start_date <= period_end())`;

/**
 * IDs on active rows paid in P of both a 低保 and a 特困 family: duplicate.dibao-and-tekun's subjects, which
 * duplicate.two-households leaves to it. 特困 rows are few: their IDs are looked up among the 低保 rows
 * rather than every ID of the roll grouped.
 */
export const DIBAO_AND_TEKUN_IDS = `SELECT DISTINCT id_number FROM roll r
      WHERE active AND family = '低保' AND ${startedBy('r')}
        AND id_number IN (SELECT id_number FROM roll t WHERE active AND family = '特困' AND ${startedBy('t')})`;

/**
 * The family a roll row (alias) stands for when households are told apart: its 家庭编号, or for a row without one
 * (empty, or lost to 3.71329E+15) a household of its village. The checks leave such a row out where a numbered household
 * of the same person or account is in that village (sameVillage): it may be that household. Until 2026-12-05 such rows
 * were never compared.
 */
export const householdPlace = (row: string) => `coalesce(${row}.household_id, '（无家庭编号）' || coalesce(${row}.township, '') || ${row}.village)`;

/** Two rows may be of one village: the same 村, in the same 乡镇 where both name one. */
export const sameVillage = (a: string, b: string) =>
  `${a}.village = ${b}.village AND (${a}.township IS NULL OR ${b}.township IS NULL OR ${a}.township = ${b}.township)`;
