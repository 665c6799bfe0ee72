// A scan run inside its data folder (`rollsweep scan --input .`) writes out/<period>/ and the ledger there: the next
// month's scan must not read its own findings.csv, ledger workbooks or spot-check sheets as input.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.ts';
import { PEOPLE, writeSmallTownship } from '../support/small-township.ts';
import { tempFolder } from '../support/temp-folder.ts';

async function summaryOf(folder: string, period: string) {
  return JSON.parse(await readFile(join(folder, 'out', period, 'summary.json'), 'utf8'));
}

describe("rollsweep's own outputs in the input folder", () => {
  it('are skipped, each with why, and the next scan reads only the data', async () => {
    const folder = await tempFolder();
    await writeSmallTownship(folder);
    await writeFile(join(folder, '死亡人员.csv'), `身份证号码,姓名,死亡日期\n${PEOPLE.zhang},张大山,2026-03-01\n`);
    const inFolder = (args: string[]) => runCli(args, { cwd: folder });

    const october = await inFolder(['scan', '--input', '.', '--period', '2026-10', '--quiet']);
    expect(october.code, october.stderr).toBe(0);
    const sample = await inFolder(['sample', '--villages', '2', '--households', '2', '--seed', '1', '--out', 'out/抽查']);
    expect(sample.code, sample.stderr).toBe(0);

    const november = await inFolder(['scan', '--input', '.', '--period', '2026-11', '--quiet']);
    expect(november.code, november.stderr).toBe(0);
    const [before, after] = [await summaryOf(folder, '2026-10'), await summaryOf(folder, '2026-11')];
    // findings.csv and the workbooks' village sheets hold every roll column: read, they came back as a second roll.
    expect(after.datasets.roll).toEqual(before.datasets.roll);
    expect(after.findings.total).toBe(before.findings.total);
    const skipped = Object.fromEntries(after.files_skipped.map((s: { file: string; reason: string }) => [s.file, s.reason]));
    expect(skipped['out/2026-10/findings.csv']).toMatch(/rollsweep 导出的 findings\.csv.*不作为输入数据读取/);
    expect(skipped['out/2026-10/ledger/张庄镇.xlsx']).toMatch(/整改台账工作簿.*不作为输入数据读取/);
    expect(skipped['out/抽查/抽查-2026-10-1-2村2户.xlsx']).toMatch(/抽查表.*不作为输入数据读取/);
    expect(skipped['out/抽查/抽查-2026-10-1-2村2户.csv']).toMatch(/抽查表.*不作为输入数据读取/);
    expect(november.stdout).toMatch(/跳过文件 out\/2026-10\/findings\.csv：rollsweep 导出的/);
  });
});
