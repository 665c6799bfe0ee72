// Two kinds of full ID that c74fcd6's masking of 20+ digit runs still printed whole until 2026-12-07, in every workbook,
// `ledger show` and the spot-check sheets: an old 15-digit ID with a mobile number run on (26 digits), whose short
// birth date (yymmdd) was nowhere a run was looked at for one; and an ID run on into more digits and keyed in groups
// (3713 2919 6502 0220 0913 8123 4567 8), where no group ended where the ID did. Bank accounts (16 to 19 digits),
// amounts and finding ids stay whole.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { idsInText, maskIdNumber, maskIdsInText } from '../../scanner/mask-id.ts';
import { parseCsv } from '../support/parse-csv.ts';
import { runCli } from '../support/run-cli.ts';
import { rollCsv, validId } from '../support/small-township.ts';
import { tempFolder } from '../support/temp-folder.ts';
import { workbookText } from '../support/workbook-text.ts';

const OLD_ID = '371329650202200'; // 临沭县, born 1965-02-02
const ID = validId('371329', '19650202', '200');
const MOBILE = '13812345678';
const inFours = (digits: string, separator: string) => digits.match(/.{1,4}/g)!.join(separator);

describe('maskIdsInText, an old 15-digit ID with a mobile number', () => {
  it.each([
    ['run on after it', `${OLD_ID}${MOBILE}`],
    ['before it', `${MOBILE}${OLD_ID}`],
    ['run on, keyed in fours', inFours(`${OLD_ID}${MOBILE}`, ' ')],
  ])('masks the run whole, keeping its first 6 and last 4: %s', (_how, text) => {
    const masked = maskIdsInText(`联系 ${text} 已核实`);
    expect(masked).toBe(`联系 ${maskIdNumber(text.replace(/ /g, ''))} 已核实`);
    expect(masked).not.toContain('650202');
  });
});

describe('maskIdsInText, an ID run on into more digits and keyed in groups', () => {
  it.each([
    ['a mobile number, in fours with spaces', inFours(`${ID}${MOBILE}`, ' ')],
    ['a mobile number, in fours with tabs', inFours(`${ID}${MOBILE}`, '\t')],
    ['a mobile number, in fours with middle dots', inFours(`${ID}${MOBILE}`, '·')],
    ['a mobile number, in fours with full-width commas', inFours(`${ID}${MOBILE}`, '，')],
    ['two digits of a 序号, in fours', inFours(`${ID}12`, ' ')],
    ['a mobile number, in groups of 7', `${ID}${MOBILE}`.match(/.{1,7}/g)!.join(' ')],
  ])('masks the groups whole: %s', (_how, text) => {
    const separator = text.match(/[ \t·，]/)![0];
    const masked = maskIdsInText(`身份证 ${text} 已核实`);
    expect(masked).toBe(`身份证 ${maskIdNumber(text.split(separator).join(''))} 已核实`);
    expect(masked).not.toContain('19650202');
  });

  it('masks only the run of groups holding the ID, not an amount keyed before it in the same groups', () => {
    expect(maskIdsInText(`1400 ${inFours(`${ID}${MOBILE}`, ' ')}`)).toBe(`1400 ${maskIdNumber(`${ID}${MOBILE}`)}`);
  });

  it('lists such a run as one ID-like number, so an import can put its one mask back', () => {
    expect(idsInText(inFours(`${OLD_ID}${MOBILE}`, ' ')).map((id) => id.compact)).toEqual([`${OLD_ID}${MOBILE}`]);
  });
});

describe('maskIdsInText leaves alone', () => {
  it.each([
    ['a 19-digit bank account in fours', '账号 6228 4800 1122 3344 556'],
    ['a 19-digit bank account', '账号 6228480011223344556'],
    ['a 16-digit card in fours', '卡号 6217 0000 1234 5678'],
    ['a 23-digit account holding 15 digits shaped as an old ID, no mobile number', '账号 62284800112233445566778 余额'],
    ['a 22-digit account', '6228480011223344556677'],
    ['a list of amounts', '金额 1200，1300，1400，1500，1600，1700，1800，1900，2000，2100，2200，2300，2400，2500，2600，2700，2800，2900'],
    ['a list of amounts holding an old ID\'s shape across them', '金额 1100，1200，1012，1300，1381，2345，678'],
    // Their digits begin as an 18-digit ID's shape does (410011 2010 1215 00…), but no ID's check character is there.
    ['a list of amounts holding an 18-digit ID\'s shape across them (R14)', '存款 4100，1120，1012，1500，1300 元'],
    ['such a list keyed with spaces', '存款 4100 1120 1012 1500 1300 元'],
    ['such a list whose check character would be right, but born in 2099', `存款 ${inFours(validId('410011', '20991215', '001').slice(0, 18) + '12', '，')} 元`],
    ['a telephone number with extensions', '电话 0539-1234567-8901-2345'],
    ['a finding id', '问题编号 RS0123456789ABCDEF'],
    ['a mobile number after a 15-digit number that is no ID', `${'123456789012345'}${MOBILE}`],
  ])('%s', (_what, text) => {
    expect(maskIdsInText(text)).toBe(text);
  });
});

describe('an old ID with a mobile number in a roll\'s ID cell, through the CLI', () => {
  it('is masked in the ledger workbook and `ledger show`, and shown whole with --unmask', async () => {
    const root = await tempFolder();
    const input = join(root, 'input');
    await mkdir(input);
    const pasted = `${OLD_ID}${MOBILE}`;
    await writeFile(join(input, '低保花名册.csv'), rollCsv([`张庄镇,西村,H003,赵四,${pasted},户主,农村低保,700,在保`]));
    const ledger = join(root, 'l.duckdb');
    const out = join(root, 'out');
    const scan = await runCli(['scan', '--input', input, '--period', '2026-10', '--ledger', ledger, '--out', out, '--quiet']);
    expect(scan.code, scan.stderr).toBe(0);
    const quoting = parseCsv(await readFile(join(out, 'findings.csv'), 'utf8')).filter((finding) => finding['evidence']!.includes(pasted));
    expect(quoting.map((finding) => finding['check_id'])).toEqual(['data_quality.id-invalid']);

    const workbook = await workbookText(join(out, 'ledger', '张庄镇.xlsx'));
    expect(workbook).toContain(maskIdNumber(pasted));
    expect(workbook).not.toContain(OLD_ID);
    const shown = await runCli(['ledger', 'show', quoting[0]!['finding_id']!, '--ledger', ledger]);
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toContain(maskIdNumber(pasted));
    expect(shown.stdout).not.toContain(OLD_ID);
    expect((await runCli(['ledger', 'show', quoting[0]!['finding_id']!, '--ledger', ledger, '--unmask'])).stdout).toContain(pasted);
  });
});
