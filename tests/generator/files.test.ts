// The messy sample's files: names that route to the right dataset, header aliases, encodings, workbook layout, Parquet.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type * as ExcelTypes from 'exceljs';
import ExcelJS from '../../scanner/read/exceljs.ts';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATASETS, standInsOf } from '../../scanner/datasets/catalog.ts';
import type { DatasetName } from '../../scanner/datasets/catalog.ts';
import { dispose, generate } from './support/workloads.ts';
import type { Generated } from './support/workloads.ts';

let sample: Generated;
beforeAll(async () => {
  sample = await generate('sample');
});
afterAll(() => dispose(sample));

/** data-contract.md step 2, read literally: keyword match, 低保/特困 only when no other dataset's keyword is present. */
function datasetByName(file: string): DatasetName[] {
  const matches = DATASETS.filter((dataset) => dataset.fileKeywords.some((word) => file.includes(word))).map((dataset) => dataset.name);
  const others = matches.filter((name) => name !== 'roll');
  if (others.length) return others;
  return matches;
}

function readCsvHeader(path: string, encoding: string): string[] {
  const text = iconv.decode(readFileSync(path), encoding);
  return text.replace(/^\uFEFF/, '').split('\r\n')[0]!.split(',');
}

const EXTRA_COLUMNS = new Set(['序号', '户主姓名', '性别', '收款人姓名']);
/** Unit notes after an alias that departments write and the README accepts (发放金额（元）, 建筑面积(㎡)). */
const UNIT_NOTE = /(?:\(元\)|（元）|\(㎡\))$/;

function expectHeadersAreAliases(dataset: DatasetName, noted: string[]) {
  const spec = DATASETS.find((candidate) => candidate.name === dataset)!;
  const header = noted.map((text) => text.replace(UNIT_NOTE, ''));
  const names = (column: { name: string; aliases: readonly string[] }) => header.some((text) => text === column.name || column.aliases.includes(text));
  for (const column of spec.columns.filter((c) => c.required)) {
    // A bank's 代发 file names the payee (or his account) instead of the 家庭编号.
    expect(names(column) || standInsOf(spec, column).some(names), `${dataset} needs ${column.name}`).toBe(true);
  }
  for (const text of header) {
    const known = EXTRA_COLUMNS.has(text) || spec.columns.some((column) => column.name === text || column.aliases.includes(text));
    expect(known, `${dataset}: header ${text}`).toBe(true);
  }
}

describe('file names and headers', () => {
  it('each file name routes to exactly its dataset, and the roll is split over two files', () => {
    const routed = sample.key.files.map((file) => [file.file, datasetByName(file.file), file.dataset] as const);
    for (const [file, datasets, dataset] of routed) expect(datasets, file).toEqual([dataset]);
    expect(sample.key.files.find((file) => file.file === '低保发放明细.csv')?.dataset).toBe('payments');
    expect(sample.key.files.filter((file) => file.dataset === 'roll').map((file) => file.format).sort()).toEqual(['csv', 'xlsx']);
    expect(new Set(sample.key.files.map((file) => file.dataset)).size).toBe(11);
  });

  it('CSV headers use catalog aliases, some with a unit note (or extra columns a scanner ignores)', () => {
    for (const file of sample.key.files.filter((f) => f.format === 'csv')) {
      expectHeadersAreAliases(file.dataset, readCsvHeader(join(sample.directory, file.file), file.encoding === 'gb18030' ? 'gb18030' : 'utf8'));
    }
  });
});

describe('encodings', () => {
  it('GB18030 files really are GBK-family: they decode with iconv-lite and are not valid UTF-8', () => {
    const gbk = sample.key.files.filter((file) => file.encoding === 'gb18030');
    expect(gbk.length).toBeGreaterThanOrEqual(2);
    for (const file of gbk) {
      const bytes = readFileSync(join(sample.directory, file.file));
      expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes), file.file).toThrow();
      const text = iconv.decode(bytes, 'gb18030');
      expect(text).not.toContain('\uFFFD');
      expect(/[\u4e00-\u9fff]/.test(text.split('\r\n')[0]!)).toBe(true);
    }
  });

  it('UTF-8 files are valid UTF-8, with a BOM exactly when declared', () => {
    for (const file of sample.key.files.filter((f) => f.encoding === 'utf8' || f.encoding === 'utf8-bom')) {
      const bytes = readFileSync(join(sample.directory, file.file));
      expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).not.toThrow();
      expect(bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])), file.file).toBe(file.encoding === 'utf8-bom');
    }
  });
});

describe('workbooks', () => {
  async function sheet(file: string): Promise<ExcelTypes.Worksheet> {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(sample.directory, file));
    return workbook.worksheets[0]!;
  }

  it('the rural roll has a merged title row, a blank row, then the header; dates are real date cells', async () => {
    const file = sample.key.files.find((f) => f.dataset === 'roll' && f.format === 'xlsx')!.file;
    const roll = await sheet(file);
    expect(String(roll.getCell('A1').value)).toMatch(/镇|乡/);
    expect(String(roll.getCell('A1').value)).toContain('农村低保花名册');
    expect(roll.getCell('B1').isMerged).toBe(true);
    expect(roll.getRow(2).cellCount).toBe(0);
    const header = (roll.getRow(3).values as unknown[]).slice(1).map(String);
    expectHeadersAreAliases('roll', header);
    const dateColumn = header.indexOf('开始享受时间') + 1;
    expect(roll.getRow(4).getCell(dateColumn).value).toBeInstanceOf(Date);
  });

  it('IDs stored as numbers are the rows the key lists as id-invalid; all other IDs are text', async () => {
    const file = sample.key.files.find((f) => f.dataset === 'roll' && f.format === 'xlsx')!.file;
    const roll = await sheet(file);
    const idColumn = (roll.getRow(3).values as unknown[]).indexOf('身份证号码');
    const numeric: number[] = [];
    roll.eachRow((row, number) => { if (typeof row.getCell(idColumn).value === 'number') numeric.push(number); });
    const listed = sample.key.expected.filter((e) => e.check_id === 'data_quality.id-invalid' && e.file === file).map((e) => e.line!);
    expect(numeric.length).toBeGreaterThanOrEqual(3);
    expect(numeric.sort((a, b) => a - b)).toEqual(listed.sort((a, b) => a - b));
  });

  it('IDs in the CSV roll that Excel stored as numbers read as Excel shows them (a township without a rural village too)', async () => {
    // Seed 36 draws a township of 社区 only: the workbook's number-cell household went to the CSV roll as
    // 653127197211026800 (the number as JavaScript prints it), which passed as a real ID, its check character holding by
    // chance; and its scientific-notation ID ended in X, written NAN.
    const urban = await generate('sample', { seed: 36 });
    try {
      // The premise: no rural roll rows at all.
      expect(urban.key.files.filter((f) => f.dataset === 'roll' && f.format === 'xlsx').map((f) => f.rows)).toEqual([0]);
      const excelNumbers = urban.key.expected.filter((e) => e.check_id === 'data_quality.id-invalid' && e.note.includes('Excel'));
      expect(excelNumbers.length).toBeGreaterThanOrEqual(2);
      for (const entry of excelNumbers) {
        if (entry.file!.endsWith('.csv')) expect(entry.raw, `${entry.file}:${entry.line}`).toMatch(/^\d\.\d+E\+17$/);
      }
      expect(excelNumbers.some((e) => e.file!.endsWith('.csv'))).toBe(true);
    } finally {
      dispose(urban);
    }
  });

  it('every XLSX header sits within the first 10 rows below its title rows', async () => {
    for (const file of sample.key.files.filter((f) => f.format === 'xlsx')) {
      const worksheet = await sheet(file.file);
      // The header is the first row naming an ID column (merged title cells repeat the title in every cell).
      let headerRow = 0;
      for (let row = 1; row <= 10 && !headerRow; row++) {
        const values = (worksheet.getRow(row).values as unknown[]).map(String);
        if (values.some((value) => /身份证|证件号码/.test(value) && value.length <= 12)) headerRow = row;
      }
      expect(headerRow, file.file).toBeGreaterThan(0);
      expectHeadersAreAliases(file.dataset, (worksheet.getRow(headerRow).values as unknown[]).slice(1).map(String));
    }
  });
});

describe('parquet', () => {
  it('kinship.parquet is readable and holds the rows the key reports', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    try {
      const path = join(sample.directory, 'kinship.parquet').replaceAll("'", "''");
      const reader = await connection.runAndReadAll(`SELECT count(*)::INTEGER AS n, count(DISTINCT 关系)::INTEGER AS relations FROM '${path}'`);
      const [rows, relations] = reader.getRows()[0] as [number, number];
      expect(rows).toBe(sample.key.files.find((f) => f.file === 'kinship.parquet')!.rows);
      expect(relations).toBeGreaterThan(10);
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });
});
