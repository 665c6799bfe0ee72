// Spreadsheet formula injection: a value starting with = + - @ tab or CR that came from an input file is
// prefixed with ' in findings.csv and written as a text cell (never a formula) in the ledger workbooks.
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCsvRecords } from '../support/parse-csv.ts';
import { readWorkbook } from '../support/ledger-fixture.ts';
import { runCli } from '../support/run-cli.ts';
import { validId, writeSmallTownship } from '../support/small-township.ts';
import { tempFolder } from '../support/temp-folder.ts';

const root = await tempFolder();
const out = join(root, 'out');
const HOSTILE = ['=1+2村', '@SUM(A1)村', '+86村', '-5村'];

beforeAll(async () => {
  const input = join(root, 'input');
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
});
