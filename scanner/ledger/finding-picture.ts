// A scan refreshes what it sees of a finding (evidence, amounts, place, household, source row, fact: record-run.ts's
// writeFindings); each month's sighting keeps its own (run_findings), so that replacing a month's run gives the finding
// back as the months that remain saw it. Until 2026-12-06 a rescan kept the replaced run's: a mistaken 70000 paid to a
// dead man, corrected by the rescan of the month, was carried into it (未复查) and asked back as 70700.
import type { DuckDBConnection } from '@duckdb/node-api';

/** The fields a scan refreshes, beside evidence and overpayment_cents (run_findings' own columns). */
const PICTURED = [
  'county', 'township', 'village', 'household_id', 'name', 'program', 'head_name',
  'source_dataset', 'source_file', 'source_line', 'compared_datasets', 'fact',
] as const;

/**
 * SQL of run_findings.picture for the sighting `s` (scan_sightings joined to finding_heads `h`): what writeFindings and
 * storeFoundFacts write. `fact` is NULL for a holdings check, whose finding keeps the fact staff judged
 * (continued-holdings.ts): no sighting changes it, nor does a rescan give it back.
 */
export function pictureSql(holdingsChecksParam: string): string {
  const valueOf = (name: (typeof PICTURED)[number]) =>
    name === 'name' ? 's.subject_name'
      : name === 'head_name' ? 'h.head_name'
        : name === 'fact' ? `CASE WHEN NOT list_contains(string_split(${holdingsChecksParam}, ','), s.check_id) THEN s.fact END`
          : `s.${name}`;
  return `json_object(${PICTURED.map((name) => `'${name}', ${valueOf(name)}`).join(', ')})::VARCHAR`;
}

/**
 * Call after the replaced run's rows are deleted, before first_seen/last_seen are recomputed. Each finding whose last
 * sighting was the replaced run takes evidence, overpayment_cents and its picture from its latest sighting left (a
 * month before, or a backfill's month); a row recorded before 2026-12-06 has no picture and gives back evidence and
 * amount alone. A finding no remaining month saw keeps what the replaced run wrote: nothing else ever saw it, and the
 * rescan raises it again with its own data or judges it (carry-over.ts).
 */
export async function restoreLatestPictures(connection: DuckDBConnection, replaced: string): Promise<void> {
  const field = (name: (typeof PICTURED)[number]) =>
    name === 'source_line'
      ? `source_line = CASE WHEN x.picture IS NULL THEN f.source_line ELSE (x.picture->>'source_line')::INTEGER END`
      : name === 'fact'
        ? `fact = coalesce(x.picture->>'fact', f.fact)`
        : `${name} = CASE WHEN x.picture IS NULL THEN f.${name} ELSE x.picture->>'${name}' END`;
  await connection.run(
    `UPDATE ledger.findings f
     SET evidence = x.evidence, overpayment_cents = x.overpayment_cents, ${PICTURED.map(field).join(', ')}
     FROM (SELECT s.finding_id, s.evidence, s.overpayment_cents, s.picture
           FROM ledger.run_findings s JOIN ledger.runs r USING (run_id)
           QUALIFY row_number() OVER (PARTITION BY s.finding_id ORDER BY r.period DESC) = 1) x
     WHERE f.finding_id = x.finding_id AND f.last_run_id = $replaced`,
    { replaced },
  );
}
