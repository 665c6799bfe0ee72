// Until 2026-12-06 three kinds of full ID reached a person's screen or a cron log:
// - a run of more than 20 digits (two IDs pasted into one cell without a separator, an ID with a mobile number or a
//   序号 run on) was never masked: the ledger workbook (sheet and hidden snapshot), `ledger show` and the spot-check
//   sheets quoted it whole as a data_quality.id-invalid's 原始值;
// - an ID keyed in groups with ·, ， or a tab was not seen as one;
// - an exit-2 error printed what it quoted as it was: a roll saved under an ID, a sheet named after a person, a name
//   cell holding an ID, a workbook to import saved under an ID; so did the lines `ledger import` prints.
import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { idsInText, maskIdNumber, maskIdsInText } from '../../scanner/mask-id.ts';
import { workbookText } from '../support/workbook-text.ts';
import { parseCsv } from '../support/parse-csv.ts';
import { looksLikeStackTrace, runCli } from '../support/run-cli.ts';
import { runScan, workbookOf } from '../support/scan-input.ts';
import { PEOPLE, ROLL_HEADER, rollCsv, validId } from '../support/small-township.ts';
import { tempFolder } from '../support/temp-folder.ts';

const FIRST = validId('371329', '19511119', '337');
const SECOND = validId('371329', '19480501', '738');
const THIRD = validId('371329', '19820411', '583');
const MOBILE = '13912345678';

describe('maskIdsInText, a run of 20 digits or more', () => {
  it.each([
    ['an ID and a digit', `${THIRD}1`, `${THIRD}1`],
    ['an ID and three digits', `${THIRD}123`, `${THIRD}123`],
    ['an ID and a mobile number', `${THIRD}${MOBILE}`, `${THIRD}${MOBILE}`],
    ['two IDs', `${FIRST}${SECOND}`, `${FIRST}${SECOND}`],
    ['an 18-digit ID and a 15-digit one', `${THIRD}371329850707107`, `${THIRD}371329850707107`],
    // 20 digits: the birth date two places on, where a run of 14 to 20 was not looked for it.
    ['a two-digit 序号 and an ID', `12${THIRD}`, `12${THIRD}`],
    ['a 序号, an ID and a mobile number', `12${THIRD}${MOBILE}`, `12${THIRD}${MOBILE}`],
    ['an ID a digit short and a mobile number', `${THIRD.slice(0, 17)}${MOBILE}`, `${THIRD.slice(0, 17)}${MOBILE}`],
    ['an ID ending in X after another', `${FIRST}37132919480501738X`, `${FIRST}37132919480501738X`],
    ['in full-width digits', `${FIRST}${SECOND}`.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)), `${FIRST}${SECOND}`],
  ])('masks it whole, keeping the first 6 and last 4: %s', (_how, text, run) => {
    const masked = maskIdsInText(`身份证${text}，已核实`);
    expect(masked).toBe(`身份证${maskIdNumber(run)}，已核实`);
    for (const id of [FIRST, SECOND, THIRD]) expect(masked).not.toContain(id.slice(6, 14));
  });

  it('lists the run as one ID-like number, so an import can put its one mask back', () => {
    expect(idsInText(`${FIRST}${SECOND}`).map((id) => id.compact)).toEqual([`${FIRST}${SECOND}`]);
  });

  it.each([
    ['a 22-digit number holding no birth date where an ID has it', '6228480011112222333344'],
    ['a finding id whose 15 digits stand beside a letter', 'RS371329850707107A'],
    ['a run id', '2026-09-20261206203257'],
    ['a 20-digit invoice number', '26372000000012345678'],
  ])('leaves alone %s', (_what, text) => {
    expect(maskIdsInText(`见 ${text}。`)).toBe(`见 ${text}。`);
  });
});

describe('maskIdsInText, an ID keyed in groups with ·, ， or a tab', () => {
  it.each([
    ['middle dots', `${THIRD.slice(0, 6)}·${THIRD.slice(6, 14)}·${THIRD.slice(14)}`],
    ['full-width commas', `${THIRD.slice(0, 6)}，${THIRD.slice(6, 14)}，${THIRD.slice(14)}`],
    ['tabs', `${THIRD.slice(0, 6)}\t${THIRD.slice(6, 14)}\t${THIRD.slice(14)}`],
  ])('masks it: %s', (_how, text) => {
    expect(maskIdsInText(`身份证 ${text} 已核实`)).toBe(`身份证 ${maskIdNumber(THIRD)} 已核实`);
  });

  it.each([
    ['amounts after full-width commas', '发放 700，1400，2100 元'],
    ['counts after tabs', '户数\t37\t13\t29'],
    ['a date with middle dots', '2026·10·05'],
  ])('leaves alone %s', (_what, text) => {
    expect(maskIdsInText(text)).toBe(text);
  });
});

function expectNoFullId(text: string, ...ids: string[]) {
  for (const id of ids) expect(text).not.toContain(id);
}

const root = await tempFolder();

describe('a roll ID cell holding two IDs pasted together, through the CLI', () => {
  const PASTED = `${FIRST}${SECOND}`;
  const ledger = join(root, 'l.duckdb');
  const out = join(root, 'out');
  let findingId: string;

  beforeAll(async () => {
    const input = join(root, 'input');
    await mkdir(input);
    await writeFile(join(input, '低保花名册.csv'), rollCsv([`张庄镇,西村,H003,赵四,${PASTED},户主,农村低保,700,在保`]));
    const scan = await runCli(['scan', '--input', input, '--period', '2026-10', '--ledger', ledger, '--out', out, '--quiet']);
    expect(scan.code, scan.stderr).toBe(0);
    const quoting = parseCsv(await readFile(join(out, 'findings.csv'), 'utf8')).filter((f) => f['evidence']!.includes(PASTED));
    expect(quoting.map((f) => f['check_id'])).toEqual(['data_quality.id-invalid']);
    findingId = quoting[0]!['finding_id']!;
  });

  it('the ledger workbook (sheet and hidden snapshot) shows it masked', async () => {
    const text = await workbookText(join(out, 'ledger', '张庄镇.xlsx'));
    expect(text).toContain(`原始值「${maskIdNumber(PASTED)}」`);
    expectNoFullId(text, FIRST, SECOND);
  });

  it('ledger show masks it, and shows it whole with --unmask', async () => {
    const shown = await runCli(['ledger', 'show', findingId, '--ledger', ledger]);
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toContain(`原始值「${maskIdNumber(PASTED)}」`);
    expectNoFullId(shown.stdout, FIRST, SECOND);
    expect((await runCli(['ledger', 'show', findingId, '--ledger', ledger, '--unmask'])).stdout).toContain(`原始值「${PASTED}」`);
  });

  it('the spot-check sheets mask it', async () => {
    const sampleOut = join(root, 'sample');
    const run = await runCli(['sample', '--ledger', ledger, '--villages', '10', '--households', '10', '--seed', 'all', '--out', sampleOut, '--by', '测试员']);
    expect(run.code, run.stderr).toBe(0);
    const files = await readdir(sampleOut);
    expect(files.some((file) => file.endsWith('.xlsx'))).toBe(true);
    const texts = await Promise.all(files.map((file) => (file.endsWith('.xlsx') ? workbookText(join(sampleOut, file)) : readFile(join(sampleOut, file), 'utf8'))));
    expectNoFullId(texts.join('\n'), FIRST, SECOND);
  });

  it('ledger import names a workbook saved under an ID masked, and a missing one', async () => {
    const saved = join(root, `${THIRD}台账.xlsx`);
    await copyFile(join(out, 'ledger', '张庄镇.xlsx'), saved);
    const imported = await runCli(['ledger', 'import', saved, '--ledger', ledger]);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toContain(`${maskIdNumber(THIRD)}台账.xlsx（2026-10 台账）`);
    expectNoFullId(imported.stdout + imported.stderr, THIRD);

    const missing = await runCli(['ledger', 'import', join(root, `${THIRD}台账2.xlsx`), '--ledger', ledger]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(`找不到要导入的文件：${join(root, `${maskIdNumber(THIRD)}台账2.xlsx`)}`);
    expectNoFullId(missing.stderr, THIRD);
  });
});

describe('an exit-2 error quoting an ID', () => {
  const headerless = `张庄镇,东村,H001,张大山,${PEOPLE.zhang},户主,农村低保,1400,在保\n`;

  it('names a roll saved under an ID masked', async () => {
    const { run } = await runScan({ [`${THIRD}花名册.csv`]: headerless });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`错误：${maskIdNumber(THIRD)}花名册.csv 第 1 行`);
    expectNoFullId(run.stdout + run.stderr, THIRD, PEOPLE.zhang);
    expect(looksLikeStackTrace(run.stderr)).toBe(false);
  });

  it('names a sheet named after a person masked', async () => {
    const rows = headerless.trim().split(',').map((cell) => (/^\d+$/.test(cell) && cell.length < 10 ? Number(cell) : cell));
    const { run } = await runScan({ '低保花名册.xlsx': await workbookOf(`张三 ${THIRD}`, [rows]) });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`工作表「张三 ${maskIdNumber(THIRD)}」`);
    expectNoFullId(run.stdout + run.stderr, THIRD, PEOPLE.zhang);
  });

  it('quotes a name cell holding an ID masked (a merged roll saved as CSV)', async () => {
    const saved = [
      ROLL_HEADER,
      `张庄镇,东村,H001,张大山,${PEOPLE.zhang},户主,农村低保,1400,在保`,
      `,,,杨杰超 ${THIRD},${PEOPLE.li},配偶,,,在保`,
      `,,,张小红,${validId('370481', '19900512', '226')},女,,,在保`,
      `,西村,H002,王小明,${PEOPLE.wang},户主,农村低保,1400,在保`,
      `,,,王芳,${validId('370481', '19700808', '228')},配偶,,,在保`,
    ].join('\n') + '\n';
    const { run } = await runScan({ '农村低保花名册.csv': saved });
    expect(run.code).toBe(2);
    // The name is quoted as the scan read it, its space dropped.
    expect(run.stderr).toContain(`（如第 3 行「杨杰超${maskIdNumber(THIRD)}」）`);
    expectNoFullId(run.stdout + run.stderr, THIRD);
  });
});
