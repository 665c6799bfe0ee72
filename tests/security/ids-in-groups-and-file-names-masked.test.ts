// Two ways a full ID reached a person's screen without --unmask until 2026-12-06: an ID staff typed in groups other than
// 6-8-4 (371329 1950 0303 0034, 371329.19500303.0034 …), and an input file named with an ID (a scanned
// 371329198001010017张三身份证.jpg beside the lists, skipped and listed by name; a roll saved under the head's ID),
// printed whole in the scan's report and its log. summary.json, the machine output, keeps file names whole.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { maskIdsInText } from '../../scanner/mask-id.ts';
import { parseCsv } from '../support/parse-csv.ts';
import { runCli } from '../support/run-cli.ts';
import { PEOPLE, rollCsv, validId } from '../support/small-township.ts';
import { tempFolder } from '../support/temp-folder.ts';

const ID = validId('371329', '19500303', '003');
const MASKED = `371329********${ID.slice(-4)}`;

describe('maskIdsInText, an ID keyed in other groups', () => {
  it.each([
    ['6-4-4-4 with spaces', `${ID.slice(0, 6)} ${ID.slice(6, 10)} ${ID.slice(10, 14)} ${ID.slice(14)}`],
    ['4-4-4-4-2 with spaces', `${ID.slice(0, 4)} ${ID.slice(4, 8)} ${ID.slice(8, 12)} ${ID.slice(12, 16)} ${ID.slice(16)}`],
    ['6-8-4 with dots', `${ID.slice(0, 6)}.${ID.slice(6, 14)}.${ID.slice(14)}`],
    ['6-8-4 with slashes', `${ID.slice(0, 6)}/${ID.slice(6, 14)}/${ID.slice(14)}`],
    ['6-8-4 with underscores', `${ID.slice(0, 6)}_${ID.slice(6, 14)}_${ID.slice(14)}`],
    ['6-4-4-4 with full-width spaces', `${ID.slice(0, 6)}\u3000${ID.slice(6, 10)}\u3000${ID.slice(10, 14)}\u3000${ID.slice(14)}`],
  ])('masks one keyed %s, in a sentence', (_how, keyed) => {
    expect(maskIdsInText(`已核实 ${keyed} 本人已死亡`)).toBe(`已核实 ${MASKED} 本人已死亡`);
  });

  it('masks the ID among an amount and a count keyed with the same separator, and leaves them readable', () => {
    expect(maskIdsInText(`退回 1400 ${ID.slice(0, 6)} ${ID.slice(6, 10)} ${ID.slice(10, 14)} ${ID.slice(14)} 3 个月`)).toBe(`退回 1400 ${MASKED} 3 个月`);
    expect(maskIdsInText('371329 1950 0303 003X')).toBe('371329********003X');
  });

  it.each([
    ['dates', '2026-10-05，2026.10.05，2026/10/05，2026 10 05，2026-10-05 2026-10-31 14，1950.03.03 1950.03.03'],
    ['amounts', '1 400 元，1,400.00 元，700 700 700 700 700'],
    ['phone numbers', '138 0013 8000，138-0013-8000，0539-1234 5678'],
    ['家庭编号 of 13 and 16 digits, with an amount beside', '3713290010001 1400，3713290010101 12，3713291102040094 700'],
    ['a bank account in groups of four', '6228 4800 1234 5678 901，6228 4800 1234 5678'],
    ['18 digits in groups that hold no birth date', '1234 5678 9012 3456 78，3713 2900 0000 0000 00'],
  ])('leaves %s whole', (_what, text) => {
    expect(maskIdsInText(text)).toBe(text);
  });
});

const root = await tempFolder();
const input = join(root, 'input');
await mkdir(input);
const ROLL_FILE = `${PEOPLE.zhang}低保花名册.csv`;
const OTHER_FILES = [`${PEOPLE.li}李秀英身份证.jpg`, `${PEOPLE.wang}.docx`, `低保申请_${ID}.pdf`];
// One row with an ID a digit short: a data_quality.id-invalid finding staff can write a 备注 on.
await writeFile(join(input, ROLL_FILE), rollCsv(['张庄镇,南村,H009,村民,37048119700101123,户主,农村低保,700,在保']));
for (const name of OTHER_FILES) await writeFile(join(input, name), 'x');
const FULL_IDS = [PEOPLE.zhang, PEOPLE.li, PEOPLE.wang, ID];

async function scan(name: string, options: string[] = []) {
  return runCli(['scan', '--input', input, '--period', '2026-10', '--ledger', join(root, `${name}.duckdb`), '--out', join(root, name), ...options]);
}

describe('input files named with an ID, in what a scan prints', () => {
  it('are masked in the report and the log; summary.json keeps their names whole', async () => {
    const run = await scan('masked');
    expect(run.code, run.stderr).toBe(0);
    for (const id of FULL_IDS) {
      expect(run.stdout).not.toContain(id);
      expect(run.stderr).not.toContain(id);
    }
    expect(run.stdout).toContain(`跳过文件 ${PEOPLE.li.slice(0, 6)}********${PEOPLE.li.slice(-4)}李秀英身份证.jpg：`);
    expect(run.stdout).toContain(`跳过文件 低保申请_${MASKED}.pdf：`);
    expect(run.stdout).toMatch(new RegExp(`roll .*${PEOPLE.zhang.slice(0, 6)}\\*{8}${PEOPLE.zhang.slice(-4)}低保花名册\\.csv`));
    // The log (not a terminal): 读取 (1/1) <file>.
    expect(run.stderr).toContain(`${PEOPLE.zhang.slice(0, 6)}********${PEOPLE.zhang.slice(-4)}低保花名册.csv`);
    const summary = JSON.parse(await readFile(join(root, 'masked', 'summary.json'), 'utf8')) as { files_skipped: { file: string }[]; datasets: { roll: { files: string[] } } };
    expect(summary.files_skipped.map((s) => s.file).sort()).toEqual([...OTHER_FILES].sort());
    expect(summary.datasets.roll.files).toEqual([ROLL_FILE]);
  });

  it('are shown whole with --unmask', async () => {
    const run = await scan('unmasked', ['--unmask']);
    expect(run.code, run.stderr).toBe(0);
    for (const name of [ROLL_FILE, ...OTHER_FILES]) expect(run.stdout).toContain(name);
    expect(run.stderr).toContain(ROLL_FILE);
  });
});

describe('an ID staff typed in groups, through the CLI', () => {
  it('ledger set echoes it masked and ledger show masks it; --unmask shows it as typed', async () => {
    const ledger = join(root, 'masked.duckdb');
    const [finding] = parseCsv(await readFile(join(root, 'masked', 'findings.csv'), 'utf8')).filter((f) => f['check_id'] === 'data_quality.id-invalid');
    const keyed = [`${ID.slice(0, 6)} ${ID.slice(6, 10)} ${ID.slice(10, 14)} ${ID.slice(14)}`, `${ID.slice(0, 6)}.${ID.slice(6, 14)}.${ID.slice(14)}`];
    const note = `户籍核对：${keyed.join('、')}，已上报`;
    const set = await runCli(['ledger', 'set', finding!['finding_id']!, '--ledger', ledger, '--note', note, '--by', '测试员']);
    expect(set.code, set.stderr).toBe(0);
    const shown = await runCli(['ledger', 'show', finding!['finding_id']!, '--ledger', ledger]);
    expect(shown.code, shown.stderr).toBe(0);
    for (const text of [set.stdout, shown.stdout]) {
      for (const k of keyed) expect(text).not.toContain(k);
      expect(text).toContain(`户籍核对：${MASKED}、${MASKED}，已上报`);
    }
    expect((await runCli(['ledger', 'show', finding!['finding_id']!, '--ledger', ledger, '--unmask'])).stdout).toContain(note);
  });
});
