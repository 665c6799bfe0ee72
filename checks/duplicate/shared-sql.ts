// SQL the duplicate checks share: which copy of a person's rows in one household a row is.

/**
 * The row's copy number within (person, household) as a SELECT-list expression over roll alias r:
 * ranked by the row's values, so re-sorting the export keeps each finding id on the same row
 * (file position only breaks exact ties).
 */
export const COPY_IN_HOUSEHOLD = `row_number() OVER (PARTITION BY r.id_number, r.household_id
               ORDER BY r.name, r.relation, r.program, r.status_raw, r.monthly_amount_raw, r.start_date_raw, r.bank_account,
                        r.township, r.village, r.id_raw, r.filed_raw, r._file, r._sheet, r._line)`;
