// quality-bars.md "Reliability / Bad input": randomly corrupted CSV and XLSX files, fed through the real CLI,
// end in exit 0 or 2 — never 3, a stack trace or a hang. Exit 2 names the file (and row, where there is one);
// exit 0 loses nothing: rows read = used + rejected per dataset, every read row is counted, every refused
// row is in the ledger's rejects (and reported), untouched files count exactly as when clean.
//
// Every case is fixed by (seed, kind, target file) and prints its mutation, so a failure reproduces. Other
// seeds can be explored with ROLLSWEEP_FUZZ_SEEDS=1,2,3,4; ROLLSWEEP_FUZZ_KEEP=/some/dir keeps the case folders.
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../support/parse-csv.ts';
import { readLedgerRows } from '../support/read-ledger.ts';
import { looksLikeStackTrace, runCli } from '../support/run-cli.ts';
import { tempFolder } from '../support/temp-folder.ts';
import {
  BASE_COUNTS, DEATHS_BYTES, DEATHS_CSV_NAME, DEATHS_TEXT, DEATHS_XLSX_NAME, ROLL_BYTES, ROLL_CSV_NAME, ROLL_TEXT, ROLL_XLSX_NAME,
  deathsSheet, rollSheet, workbookBytes, type DatasetCounts, type WorkbookSpec,
} from './base-inputs.ts';
import { busiestDelimiter, dataRecords, decodeAs, parseCsvWithLines, physicalLineCount } from './csv-oracle.ts';
import { mutateCsv, type CsvMutationKind, type CsvSource } from './csv-mutations.ts';
import { caseSeed, limiter, seededRandom } from './fuzz-random.ts';
import { changedDataEntries, mutateCellTypes, mutateXlsxZip, type XlsxZipMutationKind } from './xlsx-mutations.ts';

const SEEDS = process.env.ROLLSWEEP_FUZZ_SEEDS?.split(',').map(Number) ?? [0x5eed, 20261001, 7, 31337];
const KEEP = process.env.ROLLSWEEP_FUZZ_KEEP;
const root = KEEP ?? (await tempFolder('rollsweep-fuzz-'));
/** Two CLI runs at a time: each takes a core on the 2-core CI machine. */
const slot = limiter(2);
/** A clean run takes 2–3 s; far beyond that the scan hangs on the input. */
const CLI_TIMEOUT_MS = 60_000;

type Target = 'roll' | 'deaths';

interface CorruptedInput {
  /** Every file of the input folder, the corrupted one included. */
  files: Record<string, Buffer>;
  corrupted: { name: string; dataset: Target; format: 'csv' | 'xlsx'; bytes: Buffer };
  description: string;
  /** Lines (CSV) or sheet rows (XLSX) of the corrupted file that must be refused if the scan goes through. */
  mustReject?: number[];
  /** Roll rows whose value cannot be used: kept (used) and reported as data quality. */
  mustReport?: number[];
  /** Rows that must still be used. */
  mustUse?: number[];
  /** Data rows of an XLSX file (its cells, not its zip, are what changed or nothing changed). */
  xlsxRowsRead?: number;
  /** For a damaged zip: the data entries whose values changed (CRC-32 fails), so the file must not be read as sound. */
  changedData?: string[];
  /** When the outcome is not in doubt: the exit code, and whether every dataset counts as when clean. */
  expectExit?: 0 | 2;
  expectBaseCounts?: boolean;
}

interface FuzzCase {
  id: string;
  seed: number;
  build: () => Promise<CorruptedInput>;
}

const CSV_SOURCES: Record<Target, CsvSource & { name: string }> = {
  roll: { name: ROLL_CSV_NAME, bytes: ROLL_BYTES, text: ROLL_TEXT, bom: false, eol: '\n', referenceList: false },
  deaths: { name: DEATHS_CSV_NAME, bytes: DEATHS_BYTES, text: DEATHS_TEXT, bom: true, eol: '\r\n', referenceList: true },
};

function cleanFiles(): Record<string, Buffer> {
  return { [ROLL_CSV_NAME]: ROLL_BYTES, [DEATHS_CSV_NAME]: DEATHS_BYTES };
}

/**
 * Which kinds run, on which file, with which of the SEEDS (by index: editing the plan leaves the other
 * cases as they were). Every seed is used; about 30 CLI runs keep the file near a minute on 2 cores.
 */
const CSV_PLAN: [CsvMutationKind, [Target, number][]][] = [
  ['truncate', [['roll', 0]]],
  ['byte-noise', [['roll', 2], ['deaths', 3]]],
  ['quotes', [['deaths', 0], ['roll', 1]]],
  ['delimiters', [['deaths', 2]]],
  ['line-breaks', [['roll', 3]]],
  ['nul', [['deaths', 1]]],
  ['bom-in-middle', [['roll', 2]]],
  ['invalid-utf8', [['deaths', 3]]],
  ['long-field', [['roll', 0]]],
  ['long-field-over-limit', [['deaths', 1]]],
  ['columns', [['deaths', 2], ['roll', 3]]],
  ['shuffle-header', [['roll', 0]]],
  ['gbk', [['deaths', 1], ['roll', 2]]],
  ['gbk-truncate', [['roll', 3]]],
];

const XLSX_PLAN: ['cell-types' | XlsxZipMutationKind, [Target, number][]][] = [
  ['zip-flip', [['roll', 0], ['deaths', 1]]],
  ['zip-truncate', [['deaths', 2]]],
  ['entry-flip', [['roll', 3], ['deaths', 0]]],
  ['part-flip', [['roll', 1]]],
  ['cell-types', [['deaths', 2], ['roll', 3]]],
];

function csvCase(kind: CsvMutationKind, target: Target, seed: number): FuzzCase {
  return {
    id: `csv ${kind} on ${target} (seed ${seed})`,
    seed,
    build: async () => {
      const source = CSV_SOURCES[target];
      const mutation = mutateCsv(kind, source, seededRandom(caseSeed(seed, `${kind}/${target}`)));
      return {
        files: { ...cleanFiles(), [source.name]: mutation.bytes },
        corrupted: { name: source.name, dataset: target, format: 'csv', bytes: mutation.bytes },
        description: mutation.description,
        mustReject: mutation.mustReject,
        ...(kind === 'gbk' ? { expectExit: 0 as const, expectBaseCounts: true } : {}),
        ...(kind === 'nul' || kind === 'long-field-over-limit' ? { expectExit: 2 as const } : {}),
      };
    },
  };
}

function dataRowCount(spec: WorkbookSpec): number {
  return spec.rows.filter((row) => row.some((cell) => cell !== null && cell !== '')).length;
}

function xlsxCase(kind: 'cell-types' | XlsxZipMutationKind, target: Target, seed: number): FuzzCase {
  return {
    id: `xlsx ${kind} on ${target} (seed ${seed})`,
    seed,
    build: async () => {
      const random = seededRandom(caseSeed(seed, `${kind}/${target}`));
      const base = target === 'roll' ? rollSheet() : deathsSheet();
      const name = target === 'roll' ? ROLL_XLSX_NAME : DEATHS_XLSX_NAME;
      // The XLSX replaces the CSV of its dataset; the other file stays the clean CSV.
      const files: Record<string, Buffer> = target === 'roll' ? { [DEATHS_CSV_NAME]: DEATHS_BYTES } : { [ROLL_CSV_NAME]: ROLL_BYTES };
      if (kind === 'cell-types') {
        const mutation = mutateCellTypes(base, random);
        const bytes = await workbookBytes(mutation.spec);
        const unusable = mutation.unusable.map((u) => u.row);
        return {
          files: { ...files, [name]: bytes },
          corrupted: { name, dataset: target, format: 'xlsx', bytes },
          description: mutation.description,
          ...(target === 'roll' ? { mustReport: unusable } : { mustReject: unusable }),
          mustUse: target === 'roll' ? [...mutation.stillGood, ...unusable] : mutation.stillGood,
          xlsxRowsRead: dataRowCount(mutation.spec),
          expectExit: 0,
        };
      }
      const original = await workbookBytes(base);
      const mutation = mutateXlsxZip(kind, original, random);
      return {
        files: { ...files, [name]: mutation.bytes },
        corrupted: { name, dataset: target, format: 'xlsx', bytes: mutation.bytes },
        description: mutation.description,
        changedData: changedDataEntries(original, mutation.bytes),
        // A damaged zip either fails (exit 2) or, where the damage missed what is read, reads every row.
        xlsxRowsRead: dataRowCount(base),
      };
    },
  };
}

function seedAt(index: number): number {
  return SEEDS[index % SEEDS.length]!;
}

/**
 * Cases that failed when found, kept with their own seed whatever ROLLSWEEP_FUZZ_SEEDS says (each prints
 * its mutation): one changed byte in the deflated worksheet of the deaths workbook (byte 1304 ed→e9) escapes
 * as an internal error, exit 3 with a stack trace; one changed byte in the deflated styles.xml of the roll
 * workbook (byte 4204 da→db) stops the scan without a word, exit 13. With the default seeds the first is
 * also a planned case.
 */
const PINNED: FuzzCase[] = [
  xlsxCase('zip-flip', 'deaths', 20261001),
  xlsxCase('zip-flip', 'roll', 5),
];

const PLANNED: FuzzCase[] = [
  {
    id: 'control: clean township folder',
    seed: 0,
    build: async () => ({
      files: cleanFiles(),
      corrupted: { name: ROLL_CSV_NAME, dataset: 'roll', format: 'csv', bytes: ROLL_BYTES },
      description: 'none',
      expectExit: 0,
      expectBaseCounts: true,
    }),
  },
  ...CSV_PLAN.flatMap(([kind, targets]) => targets.map(([target, seed]) => csvCase(kind, target, seedAt(seed)))),
  ...XLSX_PLAN.flatMap(([kind, targets]) => targets.map(([target, seed]) => xlsxCase(kind, target, seedAt(seed)))),
];
const CASES: FuzzCase[] = [
  ...PLANNED,
  ...PINNED.filter((pinned) => !PLANNED.some((c) => c.id === pinned.id)).map((pinned) => ({ ...pinned, id: `${pinned.id}, pinned` })),
];

// ---------------------------------------------------------------------------------------------------------

interface Summary {
  run_id: string;
  datasets: Record<string, DatasetCounts & { files: string[] }>;
  files: { file: string; format: string; encoding?: string; sheets: { sheet?: string; dataset?: string; header_line?: number; rows_read: number }[] }[];
  files_skipped: { file: string; reason: string }[];
}

interface RejectRow {
  dataset: string;
  file: string;
  sheet: string | null;
  line: number;
  kind: string;
  column_name: string | null;
  reason: string;
  raw_row: string | null;
}

/** Messages about the whole file, where no row or column can be named. */
const WHOLE_FILE_PROBLEM = /二进制|binary|文件为空|没有表头|没有任何可用的数据行|XLSX|xls/;

async function runCase(fuzzCase: FuzzCase): Promise<{ context: string; problems: string[] }> {
  const input = await fuzzCase.build();
  const folder = join(root, fuzzCase.id.replace(/[^\w-]+/g, '_'));
  await rm(folder, { recursive: true, force: true });
  const inputFolder = join(folder, 'input');
  await mkdir(inputFolder, { recursive: true });
  for (const [name, bytes] of Object.entries(input.files)) await writeFile(join(inputFolder, name), bytes);
  const ledger = join(folder, 'ledger.duckdb');
  const out = join(folder, 'out');

  let elapsed = 0;
  const run = await slot(async () => {
    const started = Date.now();
    const result = await runCli(
      ['scan', '--input', inputFolder, '--period', '2026-10', '--as-of', '2026-11-05', '--ledger', ledger, '--out', out, '--quiet'],
      { timeoutMs: CLI_TIMEOUT_MS },
    );
    elapsed = Date.now() - started;
    return result;
  });
  outcomes.set(fuzzCase.id, `exit ${run.code} in ${elapsed} ms — ${run.code === 0 ? 'scan done' : run.stderr.split('\n')[0]!.slice(0, 160)}\n    mutation: ${input.description.slice(0, 300)}`);

  const context = [
    `case: ${fuzzCase.id}`,
    `seed: ${fuzzCase.seed} (case PRNG seeded from it and the kind)`,
    `corrupted file: ${input.corrupted.name} (${input.corrupted.bytes.length} bytes)`,
    `mutation: ${input.description}`,
    `exit code: ${run.code} after ${elapsed} ms`,
    // Quoted line by line, so that a stack trace in it is not taken for the assertion's own.
    `stderr:\n${run.stderr.slice(0, 3000).split('\n').map((line) => `  | ${line}`).join('\n')}`,
    ...(run.code !== 0 && run.stdout.trim() ? [`stdout:\n${run.stdout.slice(0, 1000).split('\n').map((line) => `  | ${line}`).join('\n')}`] : []),
  ].join('\n');
  const problems: string[] = [];
  const check = (ok: boolean, problem: string) => {
    if (!ok) problems.push(problem);
  };

  check(run.code !== -1, `the CLI did not finish within ${CLI_TIMEOUT_MS} ms (killed) — a hang`);
  check(run.code === 0 || run.code === 2, `exit code ${run.code}: only 0 (scan done) or 2 (bad input) are acceptable${
    run.code === 13 ? ' — 13 is Node giving up on a top-level await that never settled: the scan stopped without finishing or saying why' : ''}`);
  check(!looksLikeStackTrace(run.stderr), 'stderr looks like a stack trace');
  check(!looksLikeStackTrace(run.stdout), 'stdout looks like a stack trace');
  if (input.expectExit !== undefined) check(run.code === input.expectExit, `expected exit ${input.expectExit} for this corruption, got ${run.code}`);

  if (run.code === 2) await checkRefusal(input, run.stderr, ledger, check);
  if (run.code === 0) await checkNothingLost(input, out, ledger, check);
  return { context, problems };
}

type Check = (ok: boolean, problem: string) => void;

async function checkRefusal(input: CorruptedInput, stderr: string, ledger: string, check: Check): Promise<void> {
  const { name, format, bytes } = input.corrupted;
  check(/^错误：/m.test(stderr), 'exit 2 without an 错误： message');
  check(stderr.includes(name), `exit 2 message does not name the file ${name}`);
  const line = /第 (\d+) 行/.exec(stderr);
  if (!WHOLE_FILE_PROBLEM.test(stderr)) check(line !== null, 'exit 2 message about the content names no row (第 N 行)');
  if (line) {
    const limit = format === 'csv' ? physicalLineCount(bytes) : 2 + 20;
    check(Number(line[1]) >= 1 && Number(line[1]) <= limit, `exit 2 message names row ${line[1]}, outside the file (1..${limit})`);
  }
  // A refused scan records no run (the run is written in one transaction, at the end).
  if (existsSync(ledger)) {
    const runs = await readLedgerRows(ledger, 'SELECT count(*)::INTEGER AS n FROM runs').catch((e: Error) => [{ n: `unreadable: ${e.message}` }]);
    check(runs[0]?.['n'] === 0, `a refused scan left runs in the ledger: ${JSON.stringify(runs)}`);
  }
}

async function checkNothingLost(input: CorruptedInput, out: string, ledger: string, check: Check): Promise<void> {
  const summaryPath = join(out, 'summary.json');
  if (!existsSync(summaryPath)) return check(false, 'exit 0 without summary.json');
  const summary = JSON.parse(await readFile(summaryPath, 'utf8')) as Summary;
  const { name, dataset: target, format, bytes } = input.corrupted;

  // Conservation, per dataset, and per file sheet adding up to the dataset.
  for (const [dataset, counts] of Object.entries(summary.datasets)) {
    check(counts.rows_read === counts.rows_used + counts.rows_rejected,
      `${dataset}: rows_read ${counts.rows_read} ≠ rows_used ${counts.rows_used} + rows_rejected ${counts.rows_rejected}`);
    const fromFiles = summary.files.flatMap((f) => f.sheets).filter((s) => s.dataset === dataset).reduce((total, s) => total + s.rows_read, 0);
    check(fromFiles === counts.rows_read, `${dataset}: files' sheets read ${fromFiles} rows, the dataset says ${counts.rows_read}`);
  }
  const other: Target = target === 'roll' ? 'deaths' : 'roll';
  const untouched = input.expectBaseCounts ? (['roll', 'deaths'] as const) : [other];
  for (const dataset of untouched) {
    const { rows_read, rows_used, rows_rejected } = summary.datasets[dataset] ?? {};
    check(JSON.stringify({ rows_read, rows_used, rows_rejected }) === JSON.stringify(BASE_COUNTS[dataset]),
      `${dataset} (${dataset === target && input.expectBaseCounts ? 'only re-encoded' : 'untouched'}) counts ${JSON.stringify({ rows_read, rows_used, rows_rejected })}, clean counts ${JSON.stringify(BASE_COUNTS[dataset])}`);
  }

  // The corrupted file was read, not quietly dropped.
  const fileReport = summary.files.find((f) => f.file === name);
  check(fileReport !== undefined, `${name} is missing from summary.files although the scan succeeded`);
  check(!summary.files_skipped.some((f) => f.file === name), `${name} was skipped without --skip-bad-files`);
  const sheets = (fileReport?.sheets ?? []).filter((s) => s.dataset === target);
  const fileRowsRead = sheets.reduce((total, s) => total + s.rows_read, 0);

  // The ledger: one run, and every refused row of every dataset in rejects.
  const runs = await readLedgerRows(ledger, 'SELECT run_id FROM runs');
  check(runs.length === 1 && runs[0]!['run_id'] === summary.run_id, `ledger runs ${JSON.stringify(runs)} ≠ the summary's run ${summary.run_id}`);
  const rejects = (await readLedgerRows(ledger, `SELECT dataset, file, sheet, line::INTEGER AS line, kind, column_name, reason, raw_row FROM rejects WHERE run_id = '${summary.run_id}'`)) as unknown as RejectRow[];
  for (const [dataset, counts] of Object.entries(summary.datasets)) {
    const rows = new Set(rejects.filter((r) => r.dataset === dataset).map((r) => `${r.file}\u0000${r.sheet}\u0000${r.line}`));
    check(rows.size === counts.rows_rejected, `${dataset}: ${counts.rows_rejected} rows rejected but ${rows.size} distinct rows in the ledger's rejects`);
  }
  const findings = parseCsv(await readFile(join(out, 'findings.csv'), 'utf8'));
  for (const reject of rejects) {
    const where = `reject ${reject.file} line ${reject.line} (${reject.kind}: ${reject.reason})`;
    check(summary.datasets[reject.dataset]?.files.includes(reject.file) ?? false, `${where} names a file not in dataset ${reject.dataset}`);
    check(Number.isInteger(reject.line) && reject.line >= 1, `${where} has no usable line`);
    check(Boolean(reject.reason?.trim()), `${where} has no reason`);
    // The roll keeps every person row: only misaligned rows and totals/signature lines may be refused.
    if (reject.dataset === 'roll') check(reject.kind === 'shape' || reject.kind === 'non-data', `${where}: a roll row was refused for its value`);
    if (reject.kind !== 'non-data') {
      const reported = findings.some((f) => f['check_id']!.startsWith('data_quality.') && f['source_file'] === reject.file && f['source_line'] === String(reject.line));
      check(reported, `${where} is not reported as a data_quality finding in findings.csv`);
    }
  }
  const rejectedLines = new Set(rejects.filter((r) => r.file === name).map((r) => r.line));

  if (format === 'csv') {
    // Every non-blank record under the header was read: count them independently of the reader.
    const encoding = fileReport?.encoding;
    if (!encoding) return check(false, `summary.files has no encoding for ${name}`);
    const hasBom = encoding === 'UTF-8' && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    const text = decodeAs(hasBom ? bytes.subarray(3) : bytes, encoding);
    const parsed = parseCsvWithLines(text, busiestDelimiter(text));
    check(!parsed.unterminatedQuote, `${name} ends inside a quoted field, yet the scan succeeded (rows may have been swallowed)`);
    const headerLine = sheets[0]?.header_line;
    if (headerLine === undefined) return check(false, `summary.files gives no header line for ${name}`);
    const records = dataRecords(parsed, headerLine);
    check(fileRowsRead === records.length,
      `${name}: ${fileRowsRead} rows read, but the file has ${records.length} non-blank records below the header (line ${headerLine}) at lines ${records.map((r) => r.line).join(',')}`);
    const byLine = new Map(records.map((r) => [r.line, r]));
    for (const reject of rejects.filter((r) => r.file === name)) {
      const record = byLine.get(reject.line);
      check(record !== undefined, `reject of ${name} line ${reject.line} is not the start of any data record`);
      if (record && reject.raw_row !== null) {
        check(reject.raw_row === record.cells.join(','), `reject of ${name} line ${reject.line} keeps ${JSON.stringify(reject.raw_row)}, the file has ${JSON.stringify(record.cells.join(','))}`);
      }
    }
  } else if (input.xlsxRowsRead !== undefined) {
    check(fileRowsRead === input.xlsxRowsRead, `${name}: ${fileRowsRead} rows read, the workbook has ${input.xlsxRowsRead} data rows`);
    for (const change of input.changedData ?? []) check(false, `${name} was read as sound, but its data changed: ${change}`);
  }
  for (const line of input.mustReject ?? []) check(rejectedLines.has(line), `${name} row ${line} cannot be used but is not in rejects`);
  for (const line of input.mustUse ?? []) check(!rejectedLines.has(line), `${name} row ${line} is still valid but was refused`);
  for (const line of input.mustReport ?? []) {
    const reported = findings.some((f) => f['check_id']!.startsWith('data_quality.') && f['source_file'] === name && f['source_line'] === String(line));
    check(reported, `${name} row ${line} has an unusable value but no data_quality finding`);
  }
}

/** What each case came to, printed at the end: which corruptions the scan took and which it refused. */
const outcomes = new Map<string, string>();
afterAll(() => {
  console.log(CASES.map((c) => `${c.id}: ${outcomes.get(c.id) ?? 'not run'}`).join('\n'));
});

describe('randomly corrupted inputs: exit 0 or 2, a clear message, nothing lost', () => {
  it.concurrent.each(CASES.map((c) => [c.id, c] as const))('%s', async (_id, fuzzCase) => {
    const { context, problems } = await runCase(fuzzCase);
    expect(problems, context).toEqual([]);
  }, 240_000);
});
