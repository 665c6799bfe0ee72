// Scans a folder of the given files with the real CLI (period 2026-10, no config): its findings and summary.json.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import { parseCsvRecords } from './parse-csv.ts';
import { runCli } from './run-cli.ts';
import { tempFolder } from './temp-folder.ts';

export type SheetRow = (string | number | Date | null)[];

/** A one-sheet workbook of these rows, with these ranges merged. */
export async function workbookOf(sheetName: string, rows: SheetRow[], merges: string[] = []): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRows(rows);
  for (const range of merges) sheet.mergeCells(range);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The CLI's run of a scan over a folder of these files (with this config, if given, and more options), and where its outputs went. */
export async function runScan(files: Record<string, string | Buffer>, config?: unknown, options: string[] = []) {
  const folder = await tempFolder();
  const input = join(folder, 'input');
  await mkdir(input);
  for (const [name, content] of Object.entries(files)) await writeFile(join(input, name), content);
  const configArgs = config === undefined ? [] : ['--config', join(folder, 'rollsweep.config.json')];
  if (config !== undefined) await writeFile(join(folder, 'rollsweep.config.json'), JSON.stringify(config));
  const out = join(folder, 'out');
  const run = await runCli(['scan', '--input', input, '--period', '2026-10', '--ledger', join(folder, 'l.duckdb'), '--out', out, '--quiet', ...configArgs, ...options]);
  return { run, out };
}

/** A scan that must succeed: each finding as a lookup by findings.csv column, and summary.json. */
export async function scanInput(files: Record<string, string | Buffer>, config?: unknown) {
  const { run, out } = await runScan(files, config);
  expect(run.code, run.stderr).toBe(0);
  const [header, ...findings] = parseCsvRecords(await readFile(join(out, 'findings.csv'), 'utf8'));
  const column = (name: string) => header!.indexOf(name);
  return {
    findings: findings.map((f) => (name: string) => f[column(name)]),
    summary: JSON.parse(await readFile(join(out, 'summary.json'), 'utf8')),
  };
}
