// Output files appear whole or not at all: findings.csv, summary.json, the report, workbooks and spot-check files are
// written beside their target and renamed over it. A write that fails part-way (or a scan killed part-way) leaves the
// previous file as it was, and no half file under the target's name; a killed run's partial files go when the next
// command writes into the folder.
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../scanner/errors.ts';
import { writeCsvLines } from '../../scanner/export/csv-lines.ts';
import { ensureOutputFolder, writeOwnerOnlyFile } from '../../scanner/export/output-folder.ts';
import { errorOf } from '../support/error-of.ts';
import { tempFolder } from '../support/temp-folder.ts';

const root = await tempFolder();
const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
const connection = await instance.connect();
afterAll(() => {
  connection.closeSync();
  instance.closeSync();
});

const LAST_MONTH = 'finding_id,name\nF1,张三\nF2,李四\n';

async function folderWithLastMonth(name: string): Promise<{ folder: string; file: string }> {
  const folder = join(root, name);
  await mkdir(folder);
  const file = join(folder, 'findings.csv');
  await writeFile(file, LAST_MONTH, { mode: 0o644 });
  return { folder, file };
}

describe('output files are whole or absent', () => {
  it('a CSV whose query fails part-way leaves the previous file as it was, and no partial file', async () => {
    const { folder, file } = await folderWithLastMonth('failing-query');
    // The 2,000,001st line fails: a streamed result hands out megabytes of lines before it, then ends as if complete.
    const select = `SELECT CASE WHEN i < 2000000 THEN 'F' || i ELSE error('查询中途失败') END AS line FROM range(3000000) t(i)`;
    const failure = await errorOf(() => writeCsvLines(connection, file, ['finding_id'], select));
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).message).toContain('查询中途失败');
    // Not a file-system problem: passed on as DuckDB's error, not turned into a usage error.
    expect(failure).not.toBeInstanceOf(UsageError);
    expect(await readFile(file, 'utf8')).toBe(LAST_MONTH);
    expect(await readdir(folder)).toEqual(['findings.csv']);
  });

  it('a CSV written in full replaces the previous one, owner-only, with every line', async () => {
    const { folder, file } = await folderWithLastMonth('complete');
    const rows = await writeCsvLines(connection, file, ['finding_id'], `SELECT 'F' || i AS line FROM range(100000) t(i) ORDER BY i`);
    expect(rows).toBe(100_000);
    const lines = (await readFile(file, 'utf8')).split('\n');
    expect(lines.length).toBe(100_002); // header, rows, and the empty piece after the last line break
    expect([lines[0], lines[1], lines[100_000]]).toEqual(['finding_id', 'F0', 'F99999']);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await readdir(folder)).toEqual(['findings.csv']);
  });

  it('a file that cannot be written is a usage error naming it, and the previous file stays', async () => {
    const { folder, file } = await folderWithLastMonth('blocked');
    // A folder where the partial file would go: writing it fails the way a full disk or a read-only folder does.
    await mkdir(join(folder, `.summary.json.${process.pid}.partial`));
    const target = join(folder, 'summary.json');
    await writeFile(target, '{"run_id":"last month"}\n');
    const failure = await errorOf(() => writeOwnerOnlyFile(target, '{"run_id":"this month"}\n', '运行摘要'));
    expect(failure).toBeInstanceOf(UsageError);
    expect((failure as UsageError).message).toContain(`无法写入运行摘要 ${target}`);
    expect(await readFile(target, 'utf8')).toBe('{"run_id":"last month"}\n');
    expect(await readFile(file, 'utf8')).toBe(LAST_MONTH);
  });

  it('removes, before a command writes into the folder, the partial files killed runs left of any target, not one a running process is writing', async () => {
    const { folder, file } = await folderWithLastMonth('abandoned');
    // Above any pid_max: no process has this id. The test runner's parent is running.
    const abandoned = '.findings.csv.2147483646.partial';
    const stillWriting = `.findings.csv.${process.ppid}.partial`;
    // A workbook this run does not write (the killed run split by village), and files that only look alike.
    const otherTarget = '.梨树乡-新村.xlsx.2147483646.partial';
    // Look-alikes (another tool's partial file among them) stay.
    const notPartials = ['.findings.csv.partial', '.notes.2147483646.partial.bak', 'findings.csv.2147483646.partial', '.video.mp4.2147483646.partial'];
    for (const name of [abandoned, stillWriting, otherTarget, ...notPartials]) await writeFile(join(folder, name), 'F1,11010119900307451\n');
    await ensureOutputFolder(folder);
    await writeCsvLines(connection, file, ['finding_id'], `SELECT 'F1' AS line`);
    expect((await readdir(folder)).sort()).toEqual([stillWriting, ...notPartials, 'findings.csv'].sort());
  });

  it('no code of the tool reads a DuckDB result as a stream: one that fails part-way would end as if complete', async () => {
    const scanner = join(import.meta.dirname, '../../scanner');
    const sources = (await readdir(scanner, { recursive: true })).filter((name) => name.endsWith('.ts'));
    expect(sources.length).toBeGreaterThan(100);
    const streaming: string[] = [];
    for (const name of sources) {
      const text = await readFile(join(scanner, name), 'utf8');
      if (/\.(stream|startStream|streamAndRead\w*)\(/.test(text)) streaming.push(name);
    }
    expect(streaming).toEqual([]);
  });
});
