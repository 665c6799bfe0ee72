// Ledger schema (a DuckDB file attached as `ledger`): runs, findings with first/last seen, sightings, rejected rows.

export const LEDGER_SCHEMA_VERSION = 1;

export const LEDGER_DDL = [
  `CREATE TABLE IF NOT EXISTS ledger.meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS ledger.runs (
     run_id VARCHAR PRIMARY KEY, period VARCHAR NOT NULL, started_at TIMESTAMP NOT NULL, finished_at TIMESTAMP NOT NULL,
     input_dir VARCHAR NOT NULL, rollsweep_version VARCHAR NOT NULL, unmasked BOOLEAN NOT NULL DEFAULT false,
     config_json VARCHAR NOT NULL, inputs_json VARCHAR NOT NULL, checks_json VARCHAR NOT NULL, summary_json VARCHAR NOT NULL)`,
  // One row per finding ever raised; staff-owned fields (status …) are never overwritten by a scan.
  `CREATE TABLE IF NOT EXISTS ledger.findings (
     finding_id VARCHAR PRIMARY KEY, check_id VARCHAR NOT NULL, category VARCHAR NOT NULL, severity VARCHAR NOT NULL,
     county VARCHAR, township VARCHAR, village VARCHAR, household_id VARCHAR, id_number VARCHAR, name VARCHAR, program VARCHAR,
     evidence VARCHAR, fact VARCHAR NOT NULL, overpayment_cents BIGINT,
     source_dataset VARCHAR, source_file VARCHAR, source_line INTEGER,
     status VARCHAR NOT NULL DEFAULT '待核实', deadline DATE, first_seen VARCHAR NOT NULL, last_seen VARCHAR NOT NULL,
     first_run_id VARCHAR NOT NULL, last_run_id VARCHAR NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS ledger.run_findings (
     run_id VARCHAR NOT NULL, finding_id VARCHAR NOT NULL, evidence VARCHAR, overpayment_cents BIGINT, PRIMARY KEY (run_id, finding_id))`,
  `CREATE TABLE IF NOT EXISTS ledger.rejects (
     run_id VARCHAR NOT NULL, dataset VARCHAR NOT NULL, file VARCHAR NOT NULL, sheet VARCHAR, line INTEGER NOT NULL,
     kind VARCHAR NOT NULL, column_name VARCHAR, raw_value VARCHAR, reason VARCHAR NOT NULL, raw_row VARCHAR)`,
];
