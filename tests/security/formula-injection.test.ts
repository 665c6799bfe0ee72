// Spreadsheet formula injection: a value starting with = + - @ tab or CR that came from an input file is
// prefixed with ' in findings.csv and written as a text cell (never a formula) in the ledger workbooks.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCsvRecords } from '../support/parse-csv.ts';
import { readWorkbook } from '../support/ledger-fixture.ts';
import { runCli } from '../support/run-cli.ts';
import { validId, writeSmallTownship } from '../support/small-township.ts';
import { tempFolder } from '../support/temp-folder.ts';

const root = await tempFolder();
const input = join(root, 'input');
const out = join(root, 'out');
const HOSTILE = ['=1+2村', '@SUM(A1)村', '+86村', '-5村'];

beforeAll(async () => {
  await mkdir(input);
  // Each hostile village holds a household without a head (data_quality.household-no-head names the village).
  await writeSmallTownship(input, HOSTILE.map((village, i) =>
    `张庄镇,${village},H10${i},村民${i},${validId('370481', '19800101', String(500 + i))},配偶,农村低保,700,在保`));
  const run = await runCli(['scan', '--input', input, '--period', '2026-10', '--ledger', join(root, 'ledger.duckdb'), '--out', out, '--quiet']);
  expect(run.code, run.stderr).toBe(0);
});

/** The uncompressed text of one part of an XLSX (a zip), found by its local header. */
async function zipPart(file: string, name: string): Promise<string> {
  const zip = await readFile(file);
  for (let at = zip.indexOf('PK\x03\x04'); at >= 0; at = zip.indexOf('PK\x03\x04', at + 4)) {
    const nameLength = zip.readUInt16LE(at + 26);
    if (zip.toString('utf8', at + 30, at + 30 + nameLength) !== name) continue;
    const start = at + 30 + nameLength + zip.readUInt16LE(at + 28);
    const size = zip.readUInt32LE(at + 18);
    const body = zip.subarray(start, size > 0 ? start + size : undefined);
    return zip.readUInt16LE(at + 8) === 8 ? inflateRawSync(body).toString('utf8') : body.toString('utf8');
  }
  throw new Error(`${name} not in ${file}`);
}

describe('formula injection', () => {
  it('findings.csv prefixes such values with an apostrophe', async () => {
    const [header, ...rows] = parseCsvRecords(await readFile(join(out, 'findings.csv'), 'utf8'));
    const villages = new Set(rows.map((row) => row[header!.indexOf('village')]));
    for (const village of HOSTILE) expect(villages).toContain(`'${village}`);
  });

  it('the ledger workbook holds them as text cells, never as formulas', async () => {
    const file = join(out, 'ledger', '张庄镇.xlsx');
    const workbook = await readWorkbook(file);
    for (const village of HOSTILE) {
      const sheet = workbook.getWorksheet(village);
      expect(sheet, village).toBeDefined();
      expect(sheet!.getRow(3).getCell(4).value).toBe(village);
      expect(sheet!.getRow(3).getCell(4).type).toBe(3); // ExcelJS.ValueType.String
    }
    const sheets = workbook.worksheets.filter((sheet) => HOSTILE.includes(sheet.name));
    for (const sheet of sheets) {
      const xml = await zipPart(file, `xl/worksheets/sheet${sheet.id}.xml`);
      expect(xml, sheet.name).not.toMatch(/<f[ >]/);
    }
  });

  // A custom check writes every column as it likes: until 2026-12-06 its id_number and source_dataset (and status,
  // first_seen, tracking: none of them wrapped) reached findings.csv as formulas.
  it('findings.csv prefixes them in every text column a custom check can fill', async () => {
    const checks = join(root, 'checks');
    await mkdir(checks);
    await writeFile(join(checks, 'hostile.json'), JSON.stringify({
      id: 'data_quality.hostile', category: 'data_quality', severity: 'medium', title: 't', description: 'd', basis: 'b',
      inputs: ['roll'], remedy: 'r', deadlineDays: 20,
      sql: `SELECT '=1+2' AS subject_id, '@名' AS subject_name, '-H9' AS household_id, '+县' AS county, '=镇' AS township, '@村' AS village,
                   '-低保' AS program, 'x|' || name AS fact, '=证据' AS evidence, '=src' AS source_dataset, '+f.csv' AS source_file FROM roll`,
    }));
    const hostileOut = join(root, 'out-hostile');
    const run = await runCli(['scan', '--input', input, '--period', '2026-10', '--ledger', join(root, 'hostile.duckdb'), '--out', hostileOut,
      '--checks-dir', checks, '--quiet']);
    expect(run.code, run.stderr).toBe(0);
    const [header, ...rows] = parseCsvRecords(await readFile(join(hostileOut, 'findings.csv'), 'utf8'));
    const hostile = rows.filter((row) => row[header!.indexOf('check_id')] === 'data_quality.hostile');
    expect(hostile.length).toBeGreaterThan(0);
    for (const row of hostile) {
      const value = (column: string) => row[header!.indexOf(column)];
      expect([value('id_number'), value('name'), value('household_id'), value('county'), value('township'), value('village'),
        value('program'), value('evidence'), value('source_dataset'), value('source_file')])
        .toEqual(["'=1+2", "'@名", "'-H9", "'+县", "'=镇", "'@村", "'-低保", "'=证据", "'=src", "'+f.csv"]);
    }
    // No field of any row starts as a formula would (an amount is rollsweep's own number).
    for (const row of rows) {
      header!.forEach((column, i) => { if (column !== 'overpayment_yuan') expect(row[i], column).not.toMatch(/^[=+\-@\t\r]/); });
    }
  });
});
