// A file whose name is in GBK bytes (a Windows zip unpacked with `unzip` on Linux) cannot be opened by the name Node's
// readdir gives (U+FFFD for the bytes): the scan stopped with exit 3 and a stack trace, even with --skip-bad-files.
// data-contract.md: a file that cannot be read stops the scan with exit 2 naming it, or with --skip-bad-files is listed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { discoverInputFiles } from '../../scanner/discover/input-files.ts';
import { looksLikeStackTrace, runCli } from '../support/run-cli.ts';
import { writeSmallTownship } from '../support/small-township.ts';
import { tempFolder } from '../support/temp-folder.ts';

const root = await tempFolder();
let counter = 0;

/** A path of `folder` followed by names in GBK bytes (the last the file's). */
const gbkPath = (folder: string, ...names: string[]) => Buffer.concat([Buffer.from(folder), ...names.flatMap((name) => [Buffer.from('/'), iconv.encode(name, 'gbk')])]);

async function deathsWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Sheet1');
  sheet.addRow(['姓名', '身份证号码', '死亡日期']);
  sheet.addRow(['张三', '110105194912310021', '2026-01-01']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A small township folder, then `addFiles` writes files with GBK names into it; the CLI's scan of it. */
async function scanWith(addFiles: (input: string) => void | Promise<void>, extraArgs: string[] = []) {
  const folder = join(root, `case-${counter++}`);
  const input = join(folder, 'input');
  await mkdir(input, { recursive: true });
  await writeSmallTownship(input);
  await addFiles(input);
  const out = join(folder, 'out');
  const run = await runCli(['scan', '--input', input, '--period', '2026-10', '--ledger', join(folder, 'ledger.duckdb'), '--out', out, '--quiet', ...extraArgs]);
  expect(looksLikeStackTrace(run.stderr), run.stderr).toBe(false);
  return { ...run, out, input };
}

const summaryOf = async (out: string) => JSON.parse(await readFile(join(out, 'summary.json'), 'utf8'));
const deathsCsv = '姓名,身份证号码,死亡日期\n张三,110105194912310021,2026-01-01\n';

describe('file names in GBK bytes are refused by their GBK reading, never a crash', () => {
  it('a CSV so named stops the scan with exit 2, naming it and saying how to rename it', async () => {
    const run = await scanWith((input) => writeFileSync(gbkPath(input, '死亡人员名单.csv'), deathsCsv));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('死亡人员名单.csv');
    expect(run.stderr).toContain('不是 UTF-8');
    expect(run.stderr).toContain('unzip -O GBK');
  });

  it('a workbook so named stops the scan with exit 2 as well', async () => {
    const workbook = await deathsWorkbook();
    const run = await scanWith((input) => writeFileSync(gbkPath(input, '死亡人员名单.xlsx'), workbook));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('死亡人员名单.xlsx');
    expect(run.stderr).toContain('不是 UTF-8');
  });

  it('a file inside a folder so named is refused, named by its folder', async () => {
    const run = await scanWith((input) => {
      mkdirSync(gbkPath(input, '民政局'));
      writeFileSync(Buffer.concat([gbkPath(input, '民政局'), Buffer.from('/deaths.csv')]), deathsCsv);
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('民政局/deaths.csv');
    expect(run.stderr).toContain('所在文件夹的名字不是 UTF-8');
  });

  it('with --skip-bad-files the scan goes on and the summary lists the file', async () => {
    const run = await scanWith((input) => {
      writeFileSync(gbkPath(input, '死亡人员名单.csv'), deathsCsv);
      mkdirSync(gbkPath(input, '民政局'));
      writeFileSync(Buffer.concat([gbkPath(input, '民政局'), Buffer.from('/deaths.csv')]), deathsCsv);
    }, ['--skip-bad-files']);
    expect(run.code, run.stderr).toBe(0);
    const summary = await summaryOf(run.out);
    expect(summary.files_skipped).toEqual([
      { file: '死亡人员名单.csv', reason: expect.stringMatching(/无法读取.*不是 UTF-8/) },
      { file: '民政局/deaths.csv', reason: expect.stringMatching(/无法读取.*所在文件夹的名字不是 UTF-8/) },
    ]);
  });

  it('a non-data file so named is skipped as any other document; UTF-8 names are read as before', async () => {
    const folder = join(root, `discover-${counter++}`);
    await mkdir(join(folder, '子文件夹'), { recursive: true });
    writeFileSync(gbkPath(folder, '说明.docx'), 'x');
    writeFileSync(join(folder, '子文件夹', '死亡人员名单.csv'), deathsCsv);
    const { files, skipped } = await discoverInputFiles(folder);
    expect(files.map((f) => [f.name, f.path])).toEqual([['子文件夹/死亡人员名单.csv', join(folder, '子文件夹', '死亡人员名单.csv')]]);
    expect(skipped).toEqual([{ file: '说明.docx', reason: expect.stringContaining('不是可读取的数据文件格式') }]);
  });
});
