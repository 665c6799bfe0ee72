// Runs the enabled checks over the normalised views; the engine, not the check, adds ids, severity and provenance.
import { LIST, VARCHAR, listValue, type DuckDBConnection, type DuckDBType, type DuckDBValue } from '@duckdb/node-api';
import type { Config } from '../config/schema.ts';
import { datasetSpec, type DatasetName } from '../datasets/catalog.ts';
import { CheckDefinitionError, ConfigError, isOutOfMemory } from '../errors.ts';
import type { DatasetCounts } from '../load/load-inputs.ts';
import type { Period } from '../period.ts';
import { workThrough } from '../settle-all.ts';
import { formatZodIssues } from '../zod-messages.ts';
import { describeCheckNotRun, describeRefusedRows, refusalSql, refusedRowsOf, shortReason, type RefusedRows } from './custom-check-rows.ts';
import { fileOfCustomCheck } from './custom-checks.ts';
import { OPTIONAL_FINDING_COLUMNS, REQUIRED_FINDING_COLUMNS, type CheckDefinition } from './define-check.ts';
import { FINDING_ID_SQL } from './fingerprint.ts';
import { matchRollCountiesWithStandards } from './standard-counties.ts';

export interface CheckOutcome {
  id: string;
  ran: boolean;
  reason?: string;
  findings?: number;
  durationMs: number;
  /**
   * A custom check's rows that could not be findings (custom-check-rows.ts): the check ran, its other rows are findings,
   * but it did not look at everything, so its open findings not found again are carried as 未复查, never closed.
   */
  refused?: RefusedRows[];
  /** A custom check's defect, in full (not run, or rows refused): the scan records and writes all else, then exits 2. */
  problem?: { file: string; message: string };
}

/** The checks that looked at the whole month: only their open findings not found again may be closed (自动销号). */
export function checksThatRan(outcomes: readonly CheckOutcome[]): string[] {
  return outcomes.filter((o) => o.ran && !o.refused).map((o) => o.id);
}

export interface CheckRunContext {
  period: Period;
  config: Config;
  datasets: Record<DatasetName, DatasetCounts>;
}

const FINDING_COLUMN_TYPES: Record<string, string> = { overpayment_cents: 'BIGINT', source_line: 'INTEGER' };

export const SCAN_FINDINGS_DDL = `
  CREATE OR REPLACE TABLE scan_findings (
    finding_id VARCHAR NOT NULL, check_id VARCHAR NOT NULL, category VARCHAR NOT NULL, severity VARCHAR NOT NULL,
    county VARCHAR, township VARCHAR, village VARCHAR, household_id VARCHAR,
    subject_id VARCHAR, subject_name VARCHAR, program VARCHAR, evidence VARCHAR, fact VARCHAR NOT NULL,
    overpayment_cents BIGINT, source_dataset VARCHAR, source_file VARCHAR, source_line INTEGER, deadline_days INTEGER NOT NULL,
    compared_datasets VARCHAR, remedy VARCHAR NOT NULL
  )`;

export interface SkipReason {
  text: string;
  /** The input lists not delivered, when that is why (not when the check is disabled in config). */
  absent: DatasetName[];
}

/** Why a check cannot run on these inputs, or null when it can. */
export function skipReason(check: CheckDefinition, context: CheckRunContext): SkipReason | null {
  const because = (text: string, absent: DatasetName[] = []) => ({ text, absent });
  const settings = context.config.checks[check.id];
  if (settings?.enabled === false) return because('配置中已停用 (disabled in config)');
  const absent = check.inputs.filter((dataset) => context.datasets[dataset].files.length === 0);
  if (absent.length > 0) return because(`缺少输入数据：${absent.map((d) => `${datasetSpec(d).label} (${d})`).join('、')}`, absent);
  for (const needed of check.requiresColumns) {
    const [dataset, column] = needed.split('.') as [DatasetName, string];
    if (!context.datasets[dataset].columns.includes(column)) {
      const spec = datasetSpec(dataset).columns.find((c) => c.name === column);
      return because(`${datasetSpec(dataset).label}没有「${spec?.label ?? column}」列 (${needed})`);
    }
  }
  if (check.requiresConfig.includes('standards')) {
    const { standards } = context.config;
    if (!standards.default && Object.keys(standards.byCounty).length === 0) return because('配置中未设定低保标准 (standards)');
  }
  return null;
}

/** The check's thresholds: its zod defaults overridden by config, each bound as $name. */
export function checkParams(check: CheckDefinition, config: Config): Record<string, unknown> {
  if (!check.params) return {};
  const parsed = check.params.safeParse(config.checks[check.id]?.params ?? {});
  if (!parsed.success) throw new ConfigError(`配置 checks.${check.id}.params 有误：${formatZodIssues(parsed.error)}`);
  return parsed.data as Record<string, unknown>;
}

/** The $names a check's SQL binds, sorted. */
function parameterNames(sql: string): string[] {
  return [...new Set([...sql.matchAll(/\$([a-zA-Z_]\w*)/g)].map((m) => m[1]!))].sort();
}

function bindings(sql: string, params: Record<string, unknown>): { values: Record<string, DuckDBValue>; types: Record<string, DuckDBType> } {
  const values: Record<string, DuckDBValue> = {};
  const types: Record<string, DuckDBType> = {};
  for (const name of parameterNames(sql)) {
    const value = params[name];
    if (Array.isArray(value)) {
      values[name] = listValue(value.map(String));
      types[name] = LIST(VARCHAR);
    } else if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') {
      values[name] = value;
    }
  }
  return { values, types };
}

/**
 * Runs the checks, on several connections at once when given more (same database): over a county's small tables each
 * check's query runs on one core. Checks that share a prepared table form a chain run in order on one connection, as
 * temp tables belong to their connection. Outcomes come back in the checks' order whatever order they finished in.
 */
export async function runChecks(
  connection: DuckDBConnection,
  checks: readonly CheckDefinition[],
  context: CheckRunContext,
  onCheck?: (id: string, index: number, total: number) => void,
  moreConnections: readonly DuckDBConnection[] = [],
): Promise<CheckOutcome[]> {
  await connection.run(SCAN_FINDINGS_DDL);
  const outcomes: CheckOutcome[] = new Array(checks.length);
  const runnable: number[] = [];
  for (const [index, check] of checks.entries()) {
    const reason = skipReason(check, context);
    if (reason) outcomes[index] = { id: check.id, ran: false, reason: reason.text, durationMs: 0 };
    else runnable.push(index);
  }
  const connections = [connection, ...moreConnections];
  const prepared = new Map(connections.map((c) => [c, new PreparedTables(c)]));
  let started = 0;
  try {
    await workThrough(chainsSharingTables(runnable, checks), connections, async (chain, workerConnection) => {
      const tables = prepared.get(workerConnection)!;
      for (const [position, index] of chain.entries()) {
        const check = checks[index]!;
        const began = performance.now();
        onCheck?.(check.id, started++, checks.length);
        const outcome = await runOneCheck(workerConnection, check, context, tables).catch((error: unknown) => customCheckNotRun(check, error));
        // A shared table no later check of the chain reads gives its memory back now, not after the last check.
        await tables.keepOnly(chain.slice(position + 1).map((later) => checks[later]!));
        outcomes[index] = { id: check.id, ...outcome, durationMs: Math.round(performance.now() - began) };
      }
    });
  } catch (error) {
    // The check's own error (out of memory, a bad custom check) is what the user must see, not a failed clean-up.
    for (const tables of prepared.values()) await tables.dropAll().catch(() => undefined);
    throw error;
  }
  for (const tables of prepared.values()) await tables.dropAll();
  return outcomes;
}

/** The runnable checks (by index) grouped so that checks sharing a prepared table are in one chain, each in check order. */
export function chainsSharingTables(runnable: readonly number[], checks: readonly CheckDefinition[]): number[][] {
  const chains: number[][] = [];
  const chainOfTable = new Map<string, number[]>();
  for (const index of runnable) {
    const linked = [...new Set(checks[index]!.prepare.map((p) => chainOfTable.get(p.table)).filter((c) => c !== undefined))];
    const chain = linked[0] ?? [];
    if (linked.length === 0) chains.push(chain);
    // A check sharing tables with two chains joins them into one.
    for (const other of linked.slice(1)) {
      chain.push(...other.splice(0));
      chains.splice(chains.indexOf(other), 1);
    }
    chain.push(index);
    chain.sort((a, b) => a - b);
    for (const check of chain) for (const { table } of checks[check]!.prepare) chainOfTable.set(table, chain);
  }
  return chains;
}

/**
 * A check's SQL run for its findings, or one of its prepared tables: a failure either way is the check's. With a time
 * limit (custom checks only), SQL still running when it is up is interrupted (on this connection only: a check beside
 * it on another goes on) and fails as the check's, so the scan records the rest and ends; the connection stays usable,
 * as DuckDB rolls the interrupted statement back. Until 2026-12-06 a custom check that never ended (a recursive WITH
 * with no stop) hung the scan at 100% CPU with the ledger locked, every other command told to wait for it.
 */
async function runCheckSql(
  connection: DuckDBConnection, check: CheckDefinition, sql: string, params: Record<string, unknown>, timeLimitMinutes?: number,
): Promise<void> {
  const { values, types } = bindings(sql, params);
  let timedOut = false;
  const timer = timeLimitMinutes === undefined ? undefined : setTimeout(() => {
    timedOut = true;
    connection.interrupt();
  }, timeLimitMinutes * 60_000);
  try {
    await connection.run(sql, values, types);
  } catch (error) {
    if (timedOut) {
      throw new CheckDefinitionError(`检查项 ${check.id} 的 SQL 超过 ${describeMinutes(timeLimitMinutes!)}未完成，已中止（上限由配置 customCheckTimeLimitMinutes 设定）`);
    }
    // Out of memory is the machine's limit, not the check's fault: scan.ts reports it with the way out.
    if (isOutOfMemory(error)) throw error;
    throw new CheckDefinitionError(`检查项 ${check.id} 的 SQL 无法执行：${(error as Error).message}`);
  } finally {
    clearTimeout(timer);
  }
}

/** 5 分钟, 1.5 分钟; under a minute in seconds (a test's 0.05 is 3 秒). */
function describeMinutes(minutes: number): string {
  return minutes >= 1 ? `${Number(minutes.toFixed(2))} 分钟` : `${Number((minutes * 60).toFixed(1))} 秒`;
}

/**
 * The shared tables of this scan's checks (defineCheck's `prepare`), each built by the first check that needs it and
 * reused while later checks bind the same values to it: the cadre_relative checks trace the same kinship paths.
 */
class PreparedTables {
  private readonly built = new Map<string, string>();

  constructor(private readonly connection: DuckDBConnection) {}

  async ensure(check: CheckDefinition, params: Record<string, unknown>): Promise<void> {
    for (const { table, sql } of check.prepare) {
      const key = JSON.stringify([sql, parameterNames(sql).map((name) => params[name])]);
      if (this.built.get(table) === key) continue;
      await runCheckSql(this.connection, check, `CREATE OR REPLACE TEMP TABLE ${table} AS ${sql}`, params);
      this.built.set(table, key);
    }
  }

  /** Drops the built tables none of these checks declares. */
  async keepOnly(checks: readonly CheckDefinition[]): Promise<void> {
    const needed = new Set(checks.flatMap((check) => check.prepare.map((p) => p.table)));
    for (const table of [...this.built.keys()]) {
      if (needed.has(table)) continue;
      await this.connection.run(`DROP TABLE IF EXISTS ${table}`);
      this.built.delete(table);
    }
  }

  async dropAll(): Promise<void> {
    await this.keepOnly([]);
  }
}

/**
 * A custom check whose SQL fails as it runs (an unknown table or column, two columns of one name) or lacks a standard
 * column does not run, as a check whose list is missing does not: the month's other findings are recorded, its open
 * ones carried unjudged, and the scan exits 2 naming its file (until 2026-12-06 the scan stopped, nothing recorded).
 * A built-in check's failure is rollsweep's own and still stops the scan, as does running out of memory.
 */
function customCheckNotRun(check: CheckDefinition, error: unknown): Omit<CheckOutcome, 'id' | 'durationMs'> {
  const file = fileOfCustomCheck(check);
  // A built-in check's SQL that fails is an internal error (exit 3, the version and a stack trace to report), not the
  // user's: until 2026-12-08 it stayed a CheckDefinitionError and the scan exited 2, sending the scheduler's operator
  // to "fix the input".
  if (file === undefined && error instanceof CheckDefinitionError) throw new Error(error.message, { cause: error });
  if (file === undefined || !(error instanceof CheckDefinitionError)) throw error;
  return {
    ran: false, reason: shortReason(file, error.message),
    problem: { file, message: describeCheckNotRun(file, check.id, error.message) },
  };
}

type RunOutcome = Pick<CheckOutcome, 'ran' | 'findings' | 'refused' | 'problem'>;

async function runOneCheck(connection: DuckDBConnection, check: CheckDefinition, context: CheckRunContext, prepared: PreparedTables): Promise<RunOutcome> {
  const params = checkParams(check, context.config);
  await prepared.ensure(check, params);
  // Only a county's own SQL is timed: a built-in check is bounded and tested on a county's data, and stopping one that is
  // merely slow (a big roll on a small machine) would lose the month, as its failure stops the scan.
  const timeLimit = fileOfCustomCheck(check) === undefined ? undefined : context.config.customCheckTimeLimitMinutes;
  await runCheckSql(connection, check, `CREATE OR REPLACE TEMP TABLE check_result AS ${check.sql}`, params, timeLimit);
  const described = await connection.runAndReadAll('DESCRIBE check_result');
  const returned = new Set(described.getRowObjectsJson().map((row) => String(row['column_name'])));
  const missing = REQUIRED_FINDING_COLUMNS.filter((column) => !returned.has(column));
  if (missing.length > 0) throw new CheckDefinitionError(`检查项 ${check.id} 的 SQL 缺少标准列：${missing.join(', ')}`);
  // Cast every standard column: a check may return bare NULLs, which DuckDB would type as INTEGER. A custom check's
  // rows that cannot be findings are refused one by one (custom-check-rows.ts), the rest inserted; a built-in check's
  // would be rollsweep's bug, which must stop the scan, not be passed over.
  const file = fileOfCustomCheck(check);
  const refused = file === undefined ? [] : await refusedRowsOf(connection, returned);
  const cast = file === undefined ? 'CAST' : 'TRY_CAST';
  const typed = (column: string) => `${cast}(${returned.has(column) ? column : 'NULL'} AS ${FINDING_COLUMN_TYPES[column] ?? 'VARCHAR'}) AS ${column}`;
  const keep = file === undefined ? '' : `WHERE (${refusalSql(returned)}) IS NULL`;
  const settings = context.config.checks[check.id];
  const deadlineDays = settings?.deadlineDays ?? check.deadlineDays;
  const inserted = await connection.run(
    `INSERT INTO scan_findings
     SELECT ${FINDING_ID_SQL} AS finding_id, check_id, $category, $severity, county, township, village, household_id,
            subject_id, subject_name, program, evidence, fact, overpayment_cents, source_dataset, source_file, source_line, $deadline_days,
            compared_datasets, $remedy
     FROM (SELECT $check_id AS check_id, ${[...REQUIRED_FINDING_COLUMNS, ...OPTIONAL_FINDING_COLUMNS].map(typed).join(', ')} FROM check_result ${keep})
     -- A fact reported twice (e.g. the same row in two files) is one finding.
     QUALIFY row_number() OVER (PARTITION BY finding_id ORDER BY source_file, source_line) = 1`,
    { check_id: check.id, category: check.category, severity: check.severity, deadline_days: deadlineDays, remedy: settings?.remedy ?? check.remedy },
  );
  const findings = Number(inserted.rowsChanged);
  if (file === undefined || refused.length === 0) return { ran: true, findings };
  return { ran: true, findings, refused, problem: { file, message: describeRefusedRows(file, check.id, refused, findings) } };
}

/** Makes P available to check SQL as period_start(), period_end() and period_label(). */
export async function definePeriodMacros(connection: DuckDBConnection, period: Period): Promise<void> {
  await connection.run(`CREATE OR REPLACE MACRO period_start() AS DATE '${period.start}'`);
  await connection.run(`CREATE OR REPLACE MACRO period_end() AS DATE '${period.end}'`);
  await connection.run(`CREATE OR REPLACE MACRO period_label() AS '${period.label}'`);
}

/**
 * Loads the config's 低保 standards as a table; standard_cents(county, area) picks the county's or the default. A byCounty
 * key is found under the roll's own spelling of its county too (临沭 or 山东省临沭县 for 临沭县: standard-counties.ts),
 * matched once per county on the roll; until 2026-12-06 only the exact text was, and 临沭 silently took the default.
 */
export async function defineStandards(connection: DuckDBConnection, config: Config): Promise<void> {
  await connection.run('CREATE OR REPLACE TABLE standards (county VARCHAR, area VARCHAR NOT NULL, monthly_cents BIGINT NOT NULL)');
  const rows: [string | null, string, number][] = [];
  const add = (county: string | null, s: { urban: number; rural: number }) => {
    rows.push([county, '城市', Math.round(s.urban * 100)], [county, '农村', Math.round(s.rural * 100)]);
  };
  if (config.standards.default) add(null, config.standards.default);
  for (const [county, s] of Object.entries(config.standards.byCounty)) add(county, s);
  for (const match of await matchRollCountiesWithStandards(connection, config)) {
    if (match.key !== null && match.key !== match.rollCounty) add(match.rollCounty, config.standards.byCounty[match.key]!);
  }
  for (const [county, area, cents] of rows) {
    await connection.run('INSERT INTO standards VALUES ($county, $area, $cents)', { county, area, cents });
  }
  await connection.run(`CREATE OR REPLACE MACRO standard_cents(for_county, for_area) AS
    coalesce((SELECT max(monthly_cents) FROM standards WHERE county = for_county AND area = for_area),
             (SELECT max(monthly_cents) FROM standards WHERE county IS NULL AND area = for_area))`);
}
