// A real ledger scanned from sample-data/demo-township, and helpers to read, edit and query ledger workbooks in tests.
import { copyFile, mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import type * as ExcelTypes from 'exceljs';
import { withLedger } from '../../scanner/ledger/with-ledger.ts';
import ExcelJS from '../../scanner/read/exceljs.ts';
import { scan } from '../../scanner/scan.ts';
import { runCli } from './run-cli.ts';

export const SAMPLE_INPUT = 'sample-data/demo-township';
export const SAMPLE_CONFIG = 'sample-data/rollsweep.config.json';
export const SAMPLE_PERIOD = '2026-10';
export const SAMPLE_AS_OF = '2026-11-05';

/** Scans the demo township into `<folder>/<name>` (about 90 findings, most in 店头镇) and returns the ledger path. */
export async function scanSampleLedger(folder: string, name = 'ledger.duckdb'): Promise<string> {
  const ledger = join(folder, name);
  await scanInto(ledger, SAMPLE_PERIOD, SAMPLE_AS_OF);
  return ledger;
}

/**
 * Scans the demo township for 2026-10 through the real CLI into `<root>/ledger.duckdb` and exports its workbooks to
 * `<root>/export`: the ledger and 店头镇's workbook, as staff would receive it.
 */
export async function scanAndExportThroughCli(root: string): Promise<{ ledger: string; workbook: string }> {
  const ledger = join(root, 'ledger.duckdb');
  const scanned = await runCli(['scan', '--input', SAMPLE_INPUT, '--config', SAMPLE_CONFIG, '--period', SAMPLE_PERIOD, '--ledger', ledger, '--out', join(root, 'out'), '--quiet']);
  if (scanned.code !== 0) throw new Error(`scan exited ${scanned.code}: ${scanned.stderr}`);
  const exported = await runCli(['ledger', 'export', '--ledger', ledger, '--period', SAMPLE_PERIOD, '--out', join(root, 'export')]);
  if (exported.code !== 0) throw new Error(`ledger export exited ${exported.code}: ${exported.stderr}`);
  return { ledger, workbook: join(root, 'export', '店头镇.xlsx') };
}

/** Scans the same inputs as another month into an existing ledger (findings carry over). */
export async function scanInto(ledger: string, period: string, asOf: string): Promise<void> {
  await scan({ input: SAMPLE_INPUT, config: SAMPLE_CONFIG, period, asOf, ledger, out: `${ledger}.out-${period}` });
}

let copies = 0;
/** A private copy of a ledger for a test that changes it; call only while no connection holds `ledger`. */
export async function copyLedger(ledger: string): Promise<string> {
  const copy = `${ledger}.copy-${++copies}.duckdb`;
  await copyFile(ledger, copy);
  // A closed ledger is normally checkpointed into the one file; copy a leftover write-ahead log along with it.
  await copyFile(`${ledger}.wal`, `${copy}.wal`).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
  });
  return copy;
}

export async function queryLedger(ledger: string, sql: string): Promise<Record<string, unknown>[]> {
  return withLedger(ledger, async (connection: DuckDBConnection) => (await connection.runAndReadAll(sql)).getRowObjectsJson());
}

/** The staff-owned fields of every finding, to compare a ledger before and after an import. */
export async function staffFields(ledger: string): Promise<Record<string, Record<string, unknown>>> {
  const rows = await queryLedger(ledger, `SELECT finding_id, status, remedy, responsible, strftime(deadline, '%Y-%m-%d') AS deadline,
    recovered_cents::INTEGER AS recovered_cents, note, closed_run_id FROM ledger.findings ORDER BY finding_id`);
  return Object.fromEntries(rows.map((row) => [String(row['finding_id']), row]));
}

export async function readWorkbook(path: string): Promise<ExcelTypes.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook;
}

/** Opens `source`, lets the test change it as staff would, and saves it as `target`. */
export async function editWorkbook(source: string, target: string, edit: (workbook: ExcelTypes.Workbook) => void): Promise<string> {
  const workbook = await readWorkbook(source);
  edit(workbook);
  await workbook.xlsx.writeFile(target);
  return target;
}

/** The demo's rural roll, where its deceased recipients are. */
const DEMO_ROLL = '2026年10月农村低保花名册.xlsx';

/**
 * The demo township copied into `folder` with the persons of `idNumbers` taken off its rural roll (their rows deleted:
 * 停发并核减, the usual end of a death), for a next month's scan.
 */
export async function demoWithout(folder: string, idNumbers: readonly string[]): Promise<string> {
  await mkdir(folder);
  for (const file of await readdir(SAMPLE_INPUT)) await copyFile(join(SAMPLE_INPUT, file), join(folder, file));
  await editWorkbook(join(SAMPLE_INPUT, DEMO_ROLL), join(folder, DEMO_ROLL), (workbook) => {
    for (const sheet of workbook.worksheets) {
      const rows: number[] = [];
      // The roll writes some IDs in full-width digits.
      sheet.eachRow((row, n) => {
        const text = JSON.stringify(row.values).replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
        if (idNumbers.some((id) => text.includes(id))) rows.push(n);
      });
      for (const n of rows.reverse()) sheet.spliceRows(n, 1);
    }
  });
  return folder;
}

/** Column number of a header in row 2 of a ledger sheet. */
export function columnOf(sheet: ExcelTypes.Worksheet, header: string): number {
  let found = 0;
  sheet.getRow(2).eachCell((cell, column) => {
    if (cell.value === header) found = column;
  });
  if (!found) throw new Error(`no column ${header} in sheet ${sheet.name}`);
  return found;
}

/** Data rows (from row 3) as header → value. */
export function dataRows(sheet: ExcelTypes.Worksheet): { row: number; values: Record<string, ExcelTypes.CellValue> }[] {
  const headers: string[] = [];
  sheet.getRow(2).eachCell((cell, column) => {
    headers[column] = String(cell.value);
  });
  const rows: { row: number; values: Record<string, ExcelTypes.CellValue> }[] = [];
  sheet.eachRow((row, number) => {
    if (number < 3) return;
    const values: Record<string, ExcelTypes.CellValue> = {};
    headers.forEach((header, column) => {
      if (header) values[header] = row.getCell(column).value;
    });
    rows.push({ row: number, values });
  });
  return rows;
}

/** The cell under `header` in finding `findingId`'s row, on whichever village sheet of the workbook it is. */
export function cellInWorkbook(book: ExcelTypes.Workbook, findingId: string, header: string): ExcelTypes.Cell {
  for (const sheet of book.worksheets) {
    if (sheet.name === '汇总' || sheet.name === '_rollsweep') continue;
    try {
      return cellOf(sheet, findingId, header);
    } catch {
      // Not on this village's sheet.
    }
  }
  throw new Error(`no row ${findingId}`);
}

/** The cell of `header` in the row whose 问题编号 is `findingId`. */
export function cellOf(sheet: ExcelTypes.Worksheet, findingId: string, header: string): ExcelTypes.Cell {
  const idColumn = columnOf(sheet, '问题编号');
  let rowNumber = 0;
  sheet.eachRow((row, number) => {
    if (row.getCell(idColumn).value === findingId) rowNumber = number;
  });
  if (!rowNumber) throw new Error(`no row ${findingId} in sheet ${sheet.name}`);
  return sheet.getRow(rowNumber).getCell(columnOf(sheet, header));
}
