// Finding ids: a stable fingerprint of (check, subject, household, triggering fact), computed in SQL.

/**
 * The same fact found again next month yields the same id, so the ledger can carry it over.
 * 16 hex digits (64 bits) keep collisions negligible even at province scale.
 */
export const FINDING_ID_SQL = `'RS' || upper(substr(sha256(concat_ws(chr(31), check_id, coalesce(subject_key, subject_id, ''), coalesce(household_id, ''), fact)), 1, 16))`;

/** What FINDING_ID_SQL gives: RS and 16 hex digits (lower case too, as a hand may retype it). */
export const FINDING_ID_PATTERN = /^RS[0-9A-F]{16}$/i;
