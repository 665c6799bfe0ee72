// The scan job: load the folder, run the checks for P, record the run in the ledger (with the monthly carry-over),
// write findings.csv, summary.json and the township workbooks of the remediation ledger.
import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { parseISO } from 'date-fns';
import { loadConfig } from './config/load-config.ts';
import { loadCustomChecks } from './engine/custom-checks.ts';
import { builtInChecks } from './engine/registry.ts';
import { checksThatRan, defineStandards, definePeriodMacros, runChecks } from './engine/run-checks.ts';
import { notRunReasons } from './engine/not-run-reasons.ts';
import { lockDownDatabase } from './engine/sandbox.ts';
import { missingKinshipWarnings } from './engine/kinship-coverage.ts';
import { uncoveredStandardsWarnings } from './engine/standards-coverage.ts';
import { writeFindingsCsv } from './export/findings-csv.ts';
import { ensureOutputFolder, writeOwnerOnlyFile } from './export/output-folder.ts';
import { describeChecks, describeLoad, findingTotals, type ScanSummary } from './export/summary.ts';
import { dropScanTables } from './drop-scan-tables.ts';
import { attachLedger } from './ledger/open-ledger.ts';
import { recordRun } from './ledger/record-run.ts';
import { inputChecksums } from './input-checksums.ts';
import { loadInputs } from './load/load-inputs.ts';
import type { UsageWords } from './normalise/property-usage.ts';
import type { CheckDefinition } from './engine/define-check.ts';
import type { Config } from './config/schema.ts';
import { parsePeriod, parseScanDate } from './period.ts';
import { MemoryLimitError, isOutOfMemory } from './errors.ts';
import { parseMemoryLimit } from './memory-limit.ts';
import { makeSpillFolder } from './spill-folder.ts';
import { ROLLSWEEP_VERSION } from './version.ts';

export interface ScanOptions {
  input: string;
  period: string;
  ledger: string;
  config?: string;
  out?: string;
  skipBadFiles?: boolean;
  /** A folder of custom checks (*.json), run after the built-in ones. */
  checksDir?: string;
  unmask?: boolean;
  /** DuckDB's memory limit, e.g. '2GB' (default DEFAULT_MEMORY_LIMIT); beyond it the scan spills to a temporary folder. */
  memoryLimit?: string;
  /** Scan date YYYY-MM-DD (default today): deadlines count from it, overdue is judged against it. */
  asOf?: string;
  log?: (line: string) => void;
  /** Where the scan is: `done` of `total` steps of a phase (files read, checks run …). */
  onStep?: (phase: ScanPhase, done: number, total: number, label: string) => void;
}

export type ScanPhase = 'read' | 'normalise' | 'checks' | 'ledger' | 'exports';

export interface ScanResult {
  summary: ScanSummary;
  outDir: string;
  findingsCsv: string;
  summaryJson: string;
  /** ledger/<乡镇>.xlsx under the output folder. */
  workbooks: string[];
  /** Custom checks that did not run or had rows refused (in summary.json's warnings too): the scan command exits 2. */
  checkProblems?: { file: string; message: string }[];
}

/** The largest roll whose checks run two at a time (see the call of runChecks). */
const SIDE_BY_SIDE_CHECKS_MAX_ROLL = 250_000;

/**
 * The 房屋用途 words over_asset.property reads by (its params: the county's config over the defaults), for the load's
 * warning of usages no list knows. Params the check refuses give the defaults here: the check reports the config error.
 */
function propertyUsageWords(checks: readonly CheckDefinition[], config: Config): UsageWords | undefined {
  const check = checks.find((candidate) => candidate.id === 'over_asset.property');
  const parsed = check?.params?.safeParse(config.checks[check.id]?.params ?? {});
  return parsed?.success ? parsed.data as unknown as UsageWords : undefined;
}

export async function scan(options: ScanOptions): Promise<ScanResult> {
  const started = new Date();
  // The workbook writer (exceljs) takes half a second of JavaScript to load: it loads while DuckDB types the inputs
  // and Node's thread has nothing else to do (reading the inputs needs that thread for workbooks and GBK files).
  let workbookWriter: Promise<typeof import('./export/ledger-workbook/export-ledger-workbooks.ts')> | undefined;
  const loadWorkbookWriter = () => {
    if (!workbookWriter) {
      workbookWriter = import('./export/ledger-workbook/export-ledger-workbooks.ts');
      workbookWriter.catch(() => {}); // awaited (and any failure reported) when the workbooks are written
    }
    return workbookWriter;
  };
  const log = options.log ?? (() => {});
  const step = options.onStep ?? (() => {});
  const asOf = parseScanDate(options.asOf, started);
  // last-month counts back from the scan date, so a late catch-up run with --as-of names the right month.
  const period = parsePeriod(options.period, parseISO(asOf));
  const builtIn = builtInChecks();
  const checks = options.checksDir
    ? [...builtIn, ...await loadCustomChecks(options.checksDir, new Set(builtIn.map((c) => c.id)))]
    : builtIn;
  const { config, source: configSource } = await loadConfig(options.config, checks.map((c) => c.id), options.input);
  log(configSource ? `配置 ${resolve(configSource)}` : '未找到配置文件：按各检查项默认值运行（未设定低保标准的检查项将跳过）');
  const outDir = resolve(options.out ?? join('out', period.label));

  const memoryLimit = parseMemoryLimit(options.memoryLimit);
  // Before any work: an --out that cannot be a folder must not fail the scan after its run is in the ledger.
  await ensureOutputFolder(outDir);
  // Past the limit DuckDB spills to disk: a private folder (0700), removed when the scan ends; those killed scans left
  // go first (spill-folder.ts).
  const { folder: spillFolder, removed, notRemoved } = await makeSpillFolder();
  if (removed > 0) log(`已删除此前的扫描留下的 ${removed} 个临时文件夹`);
  // Named, so that staff can remove them by hand: they may hold a whole roll's ID numbers.
  for (const { folder, code } of notRemoved) log(`注意：此前的扫描留下的临时文件夹 ${folder} 无法删除（${code}），请手动删除`);
  const instance = await DuckDBInstance.create(':memory:', {
    memory_limit: memoryLimit,
    temp_directory: spillFolder,
    // DuckDB checkpoints a database in the commit that takes its changes past checkpoint_threshold (16 MB). The scan
    // database lives in memory and is thrown away, yet at a million persons such a checkpoint fell on one check's
    // commit and compressed the typed tables there: 2.8 s of a 17 s checks phase (duplicate.shared-account 3.8 →
    // 1.0 s with the threshold out of reach, same findings). The one file, the ledger, is checkpointed explicitly
    // once the run is recorded.
    checkpoint_threshold: '1TB',
  });
  const connection = await instance.connect();
  // A second connection reads CSV and Parquet files while the first reads workbooks, types datasets, and for small
  // rolls runs checks, beside the first.
  const second = await instance.connect();
  // And a third installs the normalisation macros for both while they read.
  const macroConnection = await instance.connect();
  let ledgerCheckpoint: Promise<unknown> = Promise.resolve();
  let scanTablesDropped: Promise<unknown> = Promise.resolve();
  let recorded: { runId: string; period: string } | undefined;
  try {
    // Attach first: a second process on the same ledger fails before doing any work.
    await attachLedger(connection, options.ledger);
    const checksums = inputChecksums();
    const load = await loadInputs(connection, options.input, {
      skipBadFiles: options.skipBadFiles,
      onDiscovered: (files) => checksums.start(files.map((f) => f.path)),
      onFile: (file, index, total) => step('read', index, total, file),
      onNormalise: () => step('normalise', 0, 1, ''),
      whileTyping: () => void loadWorkbookWriter(),
      moreConnections: [second],
      macroConnection,
      period,
      usageWords: propertyUsageWords(checks, config),
    });
    // From here on no SQL may touch the file system: checks (built-in and custom) run sandboxed.
    await lockDownDatabase(connection);
    await definePeriodMacros(connection, period);
    await defineStandards(connection, config);
    const checksStarted = performance.now();
    // Two checks at a time only while the roll fits in about two of DuckDB's row groups (122,880 rows), the unit it
    // splits a query across cores by: beyond that each check already uses every core, and two at once only compete
    // for memory (measured: 30% faster checks for a county and B100k, none for B1M).
    const sideBySide = load.datasets.roll.rowsUsed <= SIDE_BY_SIDE_CHECKS_MAX_ROLL ? [second] : [];
    const checkContext = { period, config, datasets: load.datasets };
    const outcomes = await runChecks(connection, checks, checkContext, (id, index, total) => step('checks', index, total, id), sideBySide);
    const phases = { read: load.timings.readMs, normalise: load.timings.normaliseMs, checks: Math.round(performance.now() - checksStarted), ledger: 0, exports: 0 };

    const runId = `${period.label}-${started.toISOString().replace(/[-:.TZ]/g, '').slice(0, 14)}`;
    const summary: ScanSummary = {
      rollsweep_version: ROLLSWEEP_VERSION, run_id: runId, period: period.label, input: resolve(options.input),
      ledger: resolve(options.ledger), config: configSource && resolve(configSource), started_at: started.toISOString(), duration_ms: 0, phases_ms: phases,
      export_parts_ms: { findings_csv: 0, workbooks: 0, ledger_checkpoint: 0 },
      as_of: asOf, ...describeLoad(load), ...describeChecks(outcomes),
      // Counted once the run is recorded: the month's findings are findings.csv's rows, those it carries among them.
      findings: { total: 0, listings: 0, by_category: {}, by_severity: {}, by_village: {}, overpayment_yuan: '0.00' },
    };
    summary.warnings.push(...await uncoveredStandardsWarnings(connection, config, configSource), ...missingKinshipWarnings(outcomes, load.datasets));
    const checkProblems = outcomes.flatMap((o) => (o.problem ? [o.problem] : []));
    summary.warnings.push(...checkProblems);
    const inputs = await Promise.all(load.files.map(async (f) => ({ file: f.file, sha256: await checksums.of(join(options.input, f.file)) })));
    summary.duration_ms = Date.now() - started.getTime();
    step('ledger', 0, 1, summary.ledger);
    const ledgerStarted = performance.now();
    // Delivered, for the carry-over, is a list whose files hold a data row: one with only its header shows no one gone,
    // and its open findings are carried as 未复查, not 自动销号 (until 2026-12-06 a header-only 服刑在押人员名单 closed
    // every imprisoned finding). A row refused is a row read: it is reported (data_quality.bad-row), and was looked at.
    const datasets = Object.entries(load.datasets).filter(([, d]) => d.files.length > 0);
    await recordRun(connection, {
      runId, period: period.label, asOf, startedAt: started, finishedAt: new Date(), inputDir: summary.input, version: ROLLSWEEP_VERSION,
      unmasked: options.unmask ?? false, config, inputs: { files: inputs, datasets: summary.datasets }, checks: outcomes,
      checksRan: checksThatRan(outcomes),
      checksNotRun: notRunReasons(checks, outcomes, checkContext),
      delivered: datasets.filter(([, d]) => d.rowsRead > 0).map(([name]) => name),
      headerOnly: datasets.filter(([, d]) => d.rowsRead === 0).map(([name]) => name),
      holdingsChecks: checks.filter((c) => c.factListsHoldings).map((c) => c.id),
    }, async (carry) => {
      summary.findings = { ...await findingTotals(connection, runId), ...carry };
      return summary;
    });
    phases.ledger = Math.round(performance.now() - ledgerStarted);
    recorded = { runId, period: period.label };
    // The run is committed (in the ledger's write-ahead log); it is written into the ledger file itself while Node's
    // thread makes the workbooks, instead of when the ledger is closed at the end.
    let checkpointEnded = 0;
    ledgerCheckpoint = second.run('CHECKPOINT ledger').then(() => {
      checkpointEnded = performance.now();
    });
    // Awaited (and a failure reported) when the exports end; a failure before then must not end the process as an
    // unhandled rejection while the workbooks are still being written.
    ledgerCheckpoint.catch(() => {});
    // Then the scan's own tables, no longer read (see dropScanTables). A table left by a failed drop is freed at the
    // close, as it always was: the failure costs only the time the drop would have saved.
    scanTablesDropped = ledgerCheckpoint.then(() => dropScanTables(second));
    scanTablesDropped.catch(() => {});
    log(`已记入台账 ${summary.ledger}（运行 ${runId}）`);
    step('exports', 0, 1, outDir);
    const exportsStarted = performance.now();

    const findingsCsv = join(outDir, 'findings.csv');
    const summaryJson = join(outDir, 'summary.json');
    await writeFindingsCsv(connection, runId, findingsCsv);
    const workbooksStarted = performance.now();
    summary.export_parts_ms.findings_csv = Math.round(workbooksStarted - exportsStarted);
    const { exportLedgerWorkbooks } = await loadWorkbookWriter();
    const { files: workbooks } = await exportLedgerWorkbooks(connection, {
      period: period.label, outDir: join(outDir, 'ledger'), split: 'township', unmask: options.unmask ?? false, exportedBy: `scan ${runId}`, asOf,
    });
    summary.export_parts_ms.workbooks = Math.round(performance.now() - workbooksStarted);
    await ledgerCheckpoint;
    summary.export_parts_ms.ledger_checkpoint = Math.round(Math.max(0, checkpointEnded - exportsStarted));
    phases.exports = Math.round(performance.now() - exportsStarted);
    summary.duration_ms = Date.now() - started.getTime();
    await writeOwnerOnlyFile(summaryJson, `${JSON.stringify(summary, null, 2)}\n`, '运行摘要');
    return { summary, outDir, findingsCsv, summaryJson, workbooks, checkProblems };
  } catch (error) {
    if (isOutOfMemory(error)) throw new MemoryLimitError(memoryLimit, recorded);
    throw error;
  } finally {
    await ledgerCheckpoint.catch(() => {}); // a failed export is the error to report; the close checkpoints again
    await scanTablesDropped.catch(() => {});
    macroConnection.closeSync();
    second.closeSync();
    connection.closeSync();
    instance.closeSync();
    await rm(spillFolder, { recursive: true, force: true });
  }
}
