// Loads an input folder: discovers files, lands every row, normalises once, and reconciles read = used + rejected.
import type { DuckDBConnection } from '@duckdb/node-api';
import { DATASETS, datasetSpec, type DatasetName } from '../datasets/catalog.ts';
import { discoverInputFiles, type InputFile, type SkippedFile } from '../discover/input-files.ts';
import { InputError, UserFacingError } from '../errors.ts';
import { giveTheMacrosTheirLists, installNormalisationMacros } from '../normalise/index.ts';
import type { Period } from '../period.ts';
import type { UsageWords } from '../normalise/property-usage.ts';
import { refuseBlankHouseholdRolls } from './blank-households.ts';
import { setAsideDepartedPayees } from './departed-payees.ts';
import { depositRoundWarnings } from './deposit-rounds.ts';
import type { DittoCount } from './ditto-fill.ts';
import { loadTabularFile, type FileReport, type TabularOptions } from './load-file.ts';
import { linesNamed } from './sheet-report.ts';
import { loadParquetFile } from './load-parquet.ts';
import { maskedAccountWarnings } from './masked-accounts.ts';
import { normaliseDatasets } from './normalise-datasets.ts';
import { outOfScopeWarnings } from './out-of-scope-rows.ts';
import { programAreaWarnings } from './program-area-warnings.ts';
import { dropStages } from './raw-rows.ts';
import { createRawTables, rawTable } from './raw-tables.ts';
import { refuseRepeatedLists } from './repeated-lists.ts';
import { separatedNumberWarnings } from './reused-household-numbers.ts';
import { tellTypingThePeriod } from './special-columns.ts';
import { refuseUnplacedPayments } from './unplaced-payments.ts';
import { unmatchedPaymentWarnings } from './unmatched-payments.ts';
import { refuseUnusableIdFiles } from './unusable-ids.ts';
import { workThroughLanes } from '../settle-all.ts';

export interface DatasetCounts {
  files: string[];
  columns: string[];
  rowsRead: number;
  rowsUsed: number;
  rowsRejected: number;
}

export interface LoadWarning {
  file: string;
  message: string;
}

export interface LoadResult {
  files: FileReport[];
  skipped: SkippedFile[];
  warnings: LoadWarning[];
  datasets: Record<DatasetName, DatasetCounts>;
  /** Wall time of reading the files and of typing them in SQL. */
  timings: { readMs: number; normaliseMs: number };
}

export interface LoadOptions {
  /** Skip (and list) files that cannot be read instead of stopping with exit code 2. */
  skipBadFiles?: boolean;
  /** The input files found, before any is read. */
  onDiscovered?: (files: readonly InputFile[]) => void;
  onFile?: (file: string, index: number, total: number) => void;
  onNormalise?: () => void;
  /** Called once DuckDB is typing the datasets: Node's thread is free for other work until typing ends. */
  whileTyping?: () => void;
  csvReader?: TabularOptions['csvReader'];
  /**
   * A connection to the same in-memory database with nothing else to do: the macros are installed on it for every
   * connection while the files are read, instead of on each connection in turn (creating them compiles their regular
   * expressions: about half a second a connection, which the read waited for).
   */
  macroConnection?: DuckDBConnection;
  /**
   * More connections to the same database: the first reads CSV and Parquet files beside the workbooks (see readFiles),
   * and all type several datasets at once (see normaliseDatasets).
   */
  moreConnections?: readonly DuckDBConnection[];
  /**
   * The scan's period: a payment of a month before it to a payee no longer on the roll is history, set aside as out of
   * scope (departed-payees.ts). Without it (a load on its own) such a payment stays refused as not on the roll.
   */
  period?: Period;
  /**
   * The 房屋用途 words over_asset.property reads by, as the scan's config gives them: the warning of usages no list
   * knows reads the same (out-of-scope-rows.ts). Without them (a load on its own) the check's defaults.
   */
  usageWords?: UsageWords;
}

/** Which lane reads a file (readFiles): 0 the workbooks, whose XML JavaScript parses, 1 the files DuckDB's threads parse. */
const laneOf = (input: InputFile) => (input.format === 'xlsx' ? 0 : 1);

export async function loadInputs(connection: DuckDBConnection, folder: string, options: LoadOptions = {}): Promise<LoadResult> {
  const started = performance.now();
  const macrosInstalled = options.macroConnection ? installNormalisationMacros(options.macroConnection, 'database') : undefined;
  // Handled from the start: an install that fails during the read (out of memory under a small --memory-limit) was an
  // unhandled rejection, and Node ended the scan with exit 1. Its failure is raised below, after the read.
  const installEnded = macrosInstalled?.catch(() => {});
  if (!macrosInstalled) await installNormalisationMacros(connection);
  // The install has ended, whatever the read did, before the scan goes on or closes the database under it.
  const { skipped, outcomes } = await readFolder(connection, folder, options).finally(() => installEnded);
  const readReports = outcomes.flatMap((outcome) => ('report' in outcome ? [outcome.report] : []));
  skipped.push(...outcomes.flatMap((outcome) => ('skipped' in outcome ? [outcome.skipped] : [])));
  const warnings: LoadWarning[] = [];

  const readEnded = performance.now();
  options.onNormalise?.();
  await macrosInstalled;
  const typing = [connection, ...(options.moreConnections ?? [])];
  await tellTypingThePeriod(typing, options.period);
  for (const worker of typing) await giveTheMacrosTheirLists(worker);
  await normaliseDatasets(connection, options.moreConnections, options.whileTyping, { macrosInstalled: options.macroConnection !== undefined });
  const normalised = performance.now();
  const usable = await refuseUnusableIdFiles(connection, readReports, options.skipBadFiles ?? false, skipped);
  const withHouseholds = await refuseBlankHouseholdRolls(connection, usable, options.skipBadFiles ?? false, skipped);
  const reports = await refuseUnplacedPayments(connection, withHouseholds, options.skipBadFiles ?? false, skipped);
  // Once each file was judged by all its unplaced payments: a county's list beside a township's roll is refused whole.
  const departedPayees = await setAsideDepartedPayees(connection, options.period);
  const datasets = await countRows(connection, reports);
  await refuseRepeatedLists(connection, (dataset) => reports.flatMap((report) => report.sheets.filter((sheet) => sheet.dataset === dataset)).length);
  for (const report of reports) {
    for (const sheet of report.sheets) {
      if (sheet.dataset && sheet.rowsRead === 0) {
        warnings.push({ file: report.file, message: `${inSheet(sheet.sheet)}只有表头，没有数据行` });
      } else if (sheet.skippedReason) {
        warnings.push({ file: report.file, message: `工作表「${sheet.sheet}」未读取：${sheet.skippedReason}` });
      }
      if (sheet.hidden && sheet.dataset && sheet.rowsRead > 0) {
        warnings.push({
          file: report.file,
          message: `隐藏的工作表「${sheet.sheet}」也已读取（${sheet.rowsRead} 行）；如它不是本期数据，请删除该工作表，或在 sweep.json 中用 "sheet" 指定要读的工作表`,
        });
      }
      const marked = [
        { rows: sheet.hiddenRows, how: '在 Excel 中被隐藏', why: '隐藏的行可能是已停保、已退出或筛选掉的' },
        { rows: sheet.struckRows, how: '整行带删除线', why: '划掉的行常是已停保、已退出的成员' },
        { rows: sheet.struckNameRows, how: '的姓名或身份证号带删除线', why: '划掉姓名或身份证号常表示该成员已退出' },
      ];
      for (const { rows, how, why } of marked) {
        if (!rows) continue;
        warnings.push({ file: report.file, message: `${inSheet(sheet.sheet)}有 ${rows.count} 行${how}（${linesNamed(rows)}），已照常读取；${why}，请核实，不应读取的请从表中删除后再扫描` });
      }
      if (sheet.statedMonth && sheet.rowsRead > 0) {
        const { month, where } = sheet.statedMonth;
        warnings.push({
          file: report.file,
          message: `${inSheet(sheet.sheet)}没有「发放月份」列：${sheet.rowsRead} 行都按${where}写明的 ${month.slice(0, 4)}年${Number(month.slice(5))}月 读取`,
        });
      }
      if (sheet.dataset && sheet.dittoMarks) warnings.push({ file: report.file, message: dittoWarning(sheet.dataset, sheet.sheet, sheet.dittoMarks) });
      if (sheet.blockHeaderLines) {
        const lines = sheet.blockHeaderLines.map((line) => `第 ${line} 行`).join('、');
        warnings.push({ file: report.file, message: `${inSheet(sheet.sheet)}${lines}起是另一段名单，表头各列的位置与上面的不同，每段按它自己的表头读取` });
      }
      if (sheet.rowsRead > 0) for (const caveat of sheet.caveats ?? []) warnings.push({ file: report.file, message: `${inSheet(sheet.sheet)}${caveat}` });
      for (const { column, header, chosen } of sheet.passedOver ?? []) {
        warnings.push({ file: report.file, message: `${inSheet(sheet.sheet)}列「${header}」未读取：本表另有「${chosen}」，${column.label}按「${chosen}」读取` });
      }
      for (const { column, header, note } of sheet.unreadNotes ?? []) {
        warnings.push({
          file: report.file,
          message: `${inSheet(sheet.sheet)}列「${header}」未读取：表头像是「${column.label}」，但无法判断括号中的「${note}」；如确是${column.label}，请把表头改为「${column.aliases[0] ?? column.label}」`,
        });
      }
    }
  }
  for (const { file, sheet, message } of [
    ...await outOfScopeWarnings(connection, options.usageWords), ...departedPayees, ...await depositRoundWarnings(connection), ...await maskedAccountWarnings(connection),
    ...await separatedNumberWarnings(connection), ...await unmatchedPaymentWarnings(connection), ...await programAreaWarnings(connection),
  ]) {
    warnings.push({ file, message: `${inSheet(sheet)}${message}` });
  }
  if (datasets.roll.files.length === 0) {
    throw new InputError({ file: folder }, '输入文件夹中没有找到救助对象花名册 (no roll file found)', '花名册文件名应含“花名册”“低保”“特困”或“roll”，或在 sweep.json 中指定。');
  }
  if (datasets.roll.rowsUsed === 0) {
    throw new InputError({ file: datasets.roll.files.join('、') }, '花名册没有任何可用的数据行 (roll has no rows)', '请确认导出是否完整。');
  }
  return { files: reports, skipped, warnings, datasets, timings: { readMs: Math.round(readEnded - started), normaliseMs: Math.round(normalised - readEnded) } };
}

/** 工作表「…」 before a warning about one sheet of a workbook; nothing for a CSV. */
const inSheet = (sheet: string | null | undefined) => (sheet ? `工作表「${sheet}」` : '');

/**
 * Where a sheet wrote 同上 or 〃 and how rollsweep read it: the value above, or empty where there was none; and where it
 * wrote 同左, read as empty for its own reason (until 2026-12-08 it was said to have nothing above it, which was not why).
 */
function dittoWarning(dataset: DatasetName, sheet: string | undefined, marks: readonly DittoCount[]): string {
  const label = (column: string) => datasetSpec(dataset).columns.find((c) => c.name === column)?.label ?? column;
  // Columns with the same count together (a household's cells are marked on the same rows): 家庭编号、救助类别 各 32 格.
  const byCount = new Map<number, string[]>();
  for (const { column, filled } of marks) if (filled > 0) byCount.set(filled, [...(byCount.get(filled) ?? []), label(column)]);
  const filled = [...byCount].map(([count, labels]) => `${labels.join('、')} ${labels.length > 1 ? '各 ' : ''}${count} 格`);
  const unresolved = marks.filter((m) => m.unresolved > 0).map((m) => `${label(m.column)} ${m.unresolved} 格（第 ${m.firstUnresolvedLine} 行起）`);
  const refused = marks.filter((m) => (m.refused ?? 0) > 0).map((m) => `${label(m.column)} ${m.refused} 格（第 ${m.firstRefusedLine} 行起）`);
  const where = inSheet(sheet);
  const aboveMarks = filled.length > 0 ? `${where}有单元格写作「同上」或「〃」，已按上一行同列的值读取：${filled.join('；')}` : unresolved.length > 0 ? `${where}有单元格写作「同上」或「〃」` : '';
  // 同左's left neighbour is another column (村 beside 家庭编号): which cell the clerk meant cannot be told (ditto-marks.ts).
  const leftMarks = refused.length > 0
    ? `${aboveMarks ? '' : where}有单元格写作「同左」，左边一格是另一列，无法判断指的是哪一格，已按空值读取（请填写实际的值）：${refused.join('、')}`
    : '';
  return [
    aboveMarks,
    unresolved.length > 0 ? `上面没有可沿用的值、按空值读取的：${unresolved.join('、')}` : '',
    leftMarks,
  ].filter(Boolean).join('；');
}

type FileOutcome = { report: FileReport } | { skipped: SkippedFile };

/** Creates the raw tables and reads into them every file the folder holds. */
async function readFolder(connection: DuckDBConnection, folder: string, options: LoadOptions) {
  await createRawTables(connection);
  const { files, skipped } = await discoverInputFiles(folder, { skipBadFiles: options.skipBadFiles });
  options.onDiscovered?.(files);
  const outcomes = await readFiles(files, [connection, ...(options.moreConnections ?? [])], options);
  return { skipped, outcomes };
}

/**
 * Reads every file into the raw tables; the outcomes in the files' order. Given a second connection, workbooks are read
 * on the first and CSV and Parquet files on the second at the same time: a county's roll arrives as township workbooks,
 * which JavaScript parses on Node's one thread, and the departments' lists as CSV files, which DuckDB's threads parse
 * while Node's thread would otherwise wait. Each lane reads its files in order; which rows land first in a raw table
 * may then differ from run to run, which nothing reads (typing's joins do not keep row order either). A file that
 * cannot be read stops the scan as reading one file after the other would: the earliest such file is reported.
 */
async function readFiles(files: readonly InputFile[], connections: readonly DuckDBConnection[], options: LoadOptions): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = [];
  let started = 0;
  const lanes = connections.slice(0, 2);
  await workThroughLanes(files, lanes, (input) => (lanes.length > 1 ? laneOf(input) : 0), async (input, laneConnection, index) => {
    options.onFile?.(input.name, started++, files.length);
    try {
      const report = input.format === 'parquet'
        ? await loadParquetFile(laneConnection, input)
        : await loadTabularFile(laneConnection, input, { csvReader: options.csvReader });
      outcomes[index] = report.skippedReason ? { skipped: { file: input.name, reason: report.skippedReason } } : { report };
    } catch (error) {
      if (!(error instanceof UserFacingError) || !options.skipBadFiles) throw error;
      await forgetFile(laneConnection, input.name);
      outcomes[index] = { skipped: { file: input.name, reason: `无法读取，已跳过：${error.message}` } };
    }
  });
  return outcomes;
}

/** With --skip-bad-files, a file that failed part-way leaves none of its rows behind. */
async function forgetFile(connection: DuckDBConnection, file: string): Promise<void> {
  for (const dataset of DATASETS) await connection.run(`DELETE FROM ${rawTable(dataset.name)} WHERE _file = $file`, { file });
  await dropStages(connection, { file });
  await connection.run('DELETE FROM load_rejects WHERE _file = $file', { file });
}

async function countRows(connection: DuckDBConnection, reports: FileReport[]): Promise<Record<DatasetName, DatasetCounts>> {
  const counts = {} as Record<DatasetName, DatasetCounts>;
  for (const dataset of DATASETS) counts[dataset.name] = { files: [], columns: [], rowsRead: 0, rowsUsed: 0, rowsRejected: 0 };
  for (const report of reports) {
    for (const sheet of report.sheets) {
      if (!sheet.dataset) continue;
      const entry = counts[sheet.dataset];
      if (!entry.files.includes(report.file)) entry.files.push(report.file);
      entry.columns = [...new Set([...entry.columns, ...sheet.columns])];
      entry.rowsRead += sheet.rowsRead;
    }
  }
  const used = await connection.runAndReadAll(
    DATASETS.map((d) => `SELECT '${d.name}' AS dataset, count(*)::BIGINT AS n FROM "${d.name}"`).join(' UNION ALL '),
  );
  for (const row of used.getRowObjectsJson()) counts[row['dataset'] as DatasetName].rowsUsed = Number(row['n']);
  // A refused row may be listed once per problem: count rows, not problems.
  const rejected = await connection.runAndReadAll('SELECT dataset, count(DISTINCT (_file, _sheet, _line))::BIGINT AS n FROM load_rejects GROUP BY dataset');
  for (const row of rejected.getRowObjectsJson()) counts[row['dataset'] as DatasetName].rowsRejected = Number(row['n']);
  for (const dataset of DATASETS) {
    const entry = counts[dataset.name];
    if (entry.rowsRead !== entry.rowsUsed + entry.rowsRejected) {
      // A bug, not bad input: a row went missing between reading and typing.
      throw new Error(`row conservation failed for ${dataset.name}: read ${entry.rowsRead} ≠ used ${entry.rowsUsed} + rejected ${entry.rowsRejected}`);
    }
  }
  return counts;
}
