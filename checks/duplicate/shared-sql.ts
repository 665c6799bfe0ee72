// SQL the duplicate checks share: which copy of a person's rows in one household a row is.

/**
 * The row's copy number within (person, household) as a SELECT-list expression over roll alias r:
 * ranked by the row's values, so re-sorting the export keeps each finding id on the same row
 * (file position only breaks exact ties).
 */
export const COPY_IN_HOUSEHOLD = `row_number() OVER (PARTITION BY r.id_number, r.household_id
               ORDER BY r.name, r.relation, r.program, r.status_raw, r.monthly_amount_raw, r.start_date_raw, r.bank_account,
                        r.township, r.village, r.id_raw, r.filed_raw, r._file, r._sheet, r._line)`;

/**
 * IDs on active rows of both a 低保 and a 特困 family: duplicate.dibao-and-tekun's subjects, which
 * duplicate.two-households leaves to it. 特困 rows are few: their IDs are looked up among the 低保 rows
 * rather than every ID of the roll grouped.
 */
export const DIBAO_AND_TEKUN_IDS = `SELECT DISTINCT id_number FROM roll
      WHERE active AND family = '低保' AND id_number IN (SELECT id_number FROM roll WHERE active AND family = '特困')`;
