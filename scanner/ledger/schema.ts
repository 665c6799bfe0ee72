// Ledger schema (a DuckDB file attached as `ledger`): runs, findings with their remediation state, sightings per run,
// rejected rows, the audit trail of every change and a record of every workbook export.

export const LEDGER_SCHEMA_VERSION = 6;

export const LEDGER_DDL = [
  `CREATE TABLE IF NOT EXISTS ledger.meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS ledger.runs (
     run_id VARCHAR PRIMARY KEY, period VARCHAR NOT NULL, started_at TIMESTAMP NOT NULL, finished_at TIMESTAMP NOT NULL,
     input_dir VARCHAR NOT NULL, rollsweep_version VARCHAR NOT NULL, unmasked BOOLEAN NOT NULL DEFAULT false,
     config_json VARCHAR NOT NULL, inputs_json VARCHAR NOT NULL, checks_json VARCHAR NOT NULL, summary_json VARCHAR NOT NULL,
     as_of DATE)`,
  // One row per finding ever raised. A scan refreshes what it sees (evidence, amounts, place); the staff-owned
  // fields (status, remedy, responsible, deadline, recovered, note) change only through ledger set / import,
  // or by the carry-over rules of ledger.md, each change written to ledger.changes. source_dataset is the list the
  // finding's row is in, compared_datasets (comma-separated) the other lists it rests on: a month without one of
  // them cannot show the finding gone (carry-over.ts).
  `CREATE TABLE IF NOT EXISTS ledger.findings (
     finding_id VARCHAR PRIMARY KEY, check_id VARCHAR NOT NULL, category VARCHAR NOT NULL, severity VARCHAR NOT NULL,
     county VARCHAR, township VARCHAR, village VARCHAR, household_id VARCHAR, id_number VARCHAR, name VARCHAR, program VARCHAR,
     evidence VARCHAR, fact VARCHAR NOT NULL, overpayment_cents BIGINT,
     source_dataset VARCHAR, source_file VARCHAR, source_line INTEGER,
     status VARCHAR NOT NULL DEFAULT '待核实', deadline DATE, first_seen VARCHAR NOT NULL, last_seen VARCHAR NOT NULL,
     first_run_id VARCHAR NOT NULL, last_run_id VARCHAR NOT NULL,
     head_name VARCHAR, remedy VARCHAR, responsible VARCHAR, note VARCHAR, recovered_cents BIGINT, closed_run_id VARCHAR,
     compared_datasets VARCHAR)`,
  // picture: the rest of the finding as this run saw it (place, household, name, source row, fact; JSON), so that a rescan
  // replacing a later run gives the finding back as the months that remain saw it (finding-picture.ts); NULL in rows
  // recorded before 2026-12-06.
  `CREATE TABLE IF NOT EXISTS ledger.run_findings (
     run_id VARCHAR NOT NULL, finding_id VARCHAR NOT NULL, evidence VARCHAR, overpayment_cents BIGINT, tracking VARCHAR,
     picture VARCHAR, PRIMARY KEY (run_id, finding_id))`,
  // Open findings a run did not raise but carried into its month, because it could not judge them (carry-over.ts):
  // the month's workbook and findings.csv list them with the evidence as it stood and tracking `未复查：<why>`.
  `CREATE TABLE IF NOT EXISTS ledger.run_carried (
     run_id VARCHAR NOT NULL, finding_id VARCHAR NOT NULL, evidence VARCHAR, overpayment_cents BIGINT, tracking VARCHAR NOT NULL,
     PRIMARY KEY (run_id, finding_id))`,
  `CREATE TABLE IF NOT EXISTS ledger.rejects (
     run_id VARCHAR NOT NULL, dataset VARCHAR NOT NULL, file VARCHAR NOT NULL, sheet VARCHAR, line INTEGER NOT NULL,
     kind VARCHAR NOT NULL, column_name VARCHAR, raw_value VARCHAR, reason VARCHAR NOT NULL, raw_row VARCHAR)`,
  // The audit trail: append-only, one row per changed field. source_kind: scan | command | workbook.
  `CREATE TABLE IF NOT EXISTS ledger.changes (
     change_id BIGINT PRIMARY KEY, finding_id VARCHAR NOT NULL, changed_at TIMESTAMP NOT NULL,
     source_kind VARCHAR NOT NULL, source VARCHAR NOT NULL, run_id VARCHAR,
     field VARCHAR NOT NULL, from_value VARCHAR, to_value VARCHAR, note VARCHAR)`,
  // Who was on the roll in each run (households and members): spot-check samples draw unflagged households from it
  // and print each sampled household's members.
  `CREATE TABLE IF NOT EXISTS ledger.roll_members (
     run_id VARCHAR NOT NULL, county VARCHAR, township VARCHAR, village VARCHAR, household_id VARCHAR,
     name VARCHAR, id_number VARCHAR, relation VARCHAR, is_head BOOLEAN, program VARCHAR, monthly_amount_cents BIGINT,
     status VARCHAR, active BOOLEAN, source_file VARCHAR, source_line INTEGER)`,
  // Spot-check samples drawn by supervisors (sample command): what was drawn, with which seed, by whom.
  `CREATE TABLE IF NOT EXISTS ledger.samples (
     sample_id VARCHAR PRIMARY KEY, drawn_at TIMESTAMP NOT NULL, period VARCHAR NOT NULL, run_id VARCHAR NOT NULL,
     seed VARCHAR NOT NULL, villages_requested INTEGER NOT NULL, households_per_village INTEGER NOT NULL,
     drawn_by VARCHAR, files_json VARCHAR NOT NULL, unmasked BOOLEAN NOT NULL DEFAULT false)`,
  `CREATE TABLE IF NOT EXISTS ledger.sample_households (
     sample_id VARCHAR NOT NULL, draw_order INTEGER NOT NULL, township VARCHAR, village VARCHAR, household_id VARCHAR NOT NULL,
     flagged BOOLEAN NOT NULL, PRIMARY KEY (sample_id, draw_order))`,
  // Workbooks and reports written from the ledger, and findings shown with full IDs; split = township | village | report |
  // show (`ledger show --unmask`: out_dir empty, files_json names the finding).
  `CREATE TABLE IF NOT EXISTS ledger.exports (
     exported_at TIMESTAMP NOT NULL, period VARCHAR NOT NULL, run_id VARCHAR NOT NULL, out_dir VARCHAR NOT NULL,
     split VARCHAR NOT NULL, unmasked BOOLEAN NOT NULL, files_json VARCHAR NOT NULL, exported_by VARCHAR)`,
];

/** Brings an older ledger up to this version (tables are created by LEDGER_DDL); no-ops on a new ledger. */
export const LEDGER_MIGRATIONS = [
  `ALTER TABLE ledger.runs ADD COLUMN IF NOT EXISTS as_of DATE`,
  ...['head_name VARCHAR', 'remedy VARCHAR', 'responsible VARCHAR', 'note VARCHAR', 'recovered_cents BIGINT', 'closed_run_id VARCHAR']
    .map((column) => `ALTER TABLE ledger.findings ADD COLUMN IF NOT EXISTS ${column}`),
  `ALTER TABLE ledger.findings ADD COLUMN IF NOT EXISTS compared_datasets VARCHAR`,
  `ALTER TABLE ledger.run_findings ADD COLUMN IF NOT EXISTS tracking VARCHAR`,
  `ALTER TABLE ledger.run_findings ADD COLUMN IF NOT EXISTS picture VARCHAR`,
  `ALTER TABLE ledger.samples ADD COLUMN IF NOT EXISTS unmasked BOOLEAN DEFAULT false`,
];
