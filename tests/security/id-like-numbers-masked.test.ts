// An ID cell that failed validation is quoted in its finding's evidence: 17 or 19 digits (a digit lost or added), or a
// number Excel stored in scientific notation. Each still carries the person's region, birth date and sequence, and is
// masked in every human-facing output (ledger workbooks, `ledger show`, spot-check sheets, the report) unless --unmask;
// findings.csv, a machine output, keeps the raw value. 家庭编号, bank accounts, amounts and finding ids are left alone.
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CellValue } from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { maskIdsInText } from '../../scanner/mask-id.ts';
import { readWorkbook } from '../support/ledger-fixture.ts';
import { readLedgerRows } from '../support/read-ledger.ts';
import { parseCsv } from '../support/parse-csv.ts';
import { runCli } from '../support/run-cli.ts';
import { PEOPLE, writeSmallTownship } from '../support/small-township.ts';
import { tempFolder } from '../support/temp-folder.ts';

// Each case beside a decoy that must stay readable: 家庭编号 and bank accounts (staff need them whole to find the other
// household or the shared account), finding ids, amounts, dates, and a number with too few digits left to name anyone.
describe('maskIdsInText', () => {
  it.each([
    ['17 digits (a digit lost), beside a 16-digit 家庭编号',
      '原始值「37132919600709660」；其他：家庭编号 3713291102080016 朱芳', '原始值「371329*******9660」；其他：家庭编号 3713291102080016 朱芳'],
    ['19 digits (a digit added), beside a 19-digit bank account',
      '原始值「3713291942120578297」；银行账号 6228486147038097427', '原始值「371329*********8297」；银行账号 6228486147038097427'],
    ['16 characters ending in X, beside finding ids',
      '原始值「371329196007966X」（RS1234567890123456、RSDDC8D1F0AA227D16）', '原始值「371329******966X」（RS1234567890123456、RSDDC8D1F0AA227D16）'],
    ['a digit lost from the region code, beside amounts and dates',
      '原始值「37139196007096601」，2662.50元，2026-10-01，20261001120000', '原始值「371391*******6601」，2662.50元，2026-10-01，20261001120000'],
    ['an ID Excel stored as a number, beside numbers of 8 significant digits or fewer (region code and century at most)',
      '原始值「3.7132920240802554e+17」「3.7132919E+17」「3.71329E+17」', '原始值「3.7132************e+17」「3.7132919E+17」「3.71329E+17」'],
    ['the same in capitals, beside an amount in scientific notation',
      '原始值「3.713291983070649E+17」，发放金额「1.2345678901e+3」', '原始值「3.7132***********E+17」，发放金额「1.2345678901e+3」'],
    // Until 2026-12-05 each of these was quoted whole in every workbook, spot-check sheet and `ledger show`.
    ['an ID keyed in parts, with spaces or dashes, beside a date and an amount keyed with spaces',
      '原始值「371329 19850707 1071」「371329-19850707-1071」，2026 10 05，1 400 元', '原始值「371329********1071」「371329********1071」，2026 10 05，1 400 元'],
    ['an ID in full-width digits, beside a bank account in full-width digits',
      '原始值「３７１３２９１９７５１２１２１０８１」；账号６２２８４８６１４７０３８０９７４２７', '原始值「371329********1081」；账号６２２８４８６１４７０３８０９７４２７'],
    ['an ID run together with letters, beside a finding id of digits',
      '原始值「ID371329198507071071」「371329198507071071a」（RS1234567890123456）', '原始值「ID371329********1071」「371329********1071a」（RS1234567890123456）'],
    // A run id is left whole whatever the hour (2026-09-20261206203257 was 2026-09-202612****3257 until 2026-12-06).
    ['an ID beside a run id whose time of day reads as a birth month',
      '运行 2026-09-20261206203257：原始值「37132919600709660」', '运行 2026-09-20261206203257：原始值「371329*******9660」'],
  ])('masks %s', (_, text, masked) => expect(maskIdsInText(text)).toBe(masked));
});

const LOST_DIGIT = '37048119700101123';
const ADDED_DIGIT = '3704811970010212345';
const SCIENTIFIC = '3.7048119700103456e+17';
const RAW_VALUES = [LOST_DIGIT, ADDED_DIGIT, SCIENTIFIC];
const MASKED_VALUES = ['370481*******1123', '370481*********2345', '3.7048************e+17'];
const HOUSEHOLD_NUMBER = '3704811020400094';

const root = await tempFolder();
const ledger = join(root, 'ledger.duckdb');
const out = join(root, 'out');
let findings: Record<string, string>[];

beforeAll(async () => {
  const input = join(root, 'input');
  await mkdir(input);
  await writeSmallTownship(input, [
    ...RAW_VALUES.map((raw, i) => `张庄镇,南村,H00${5 + i},村民${i},${raw},户主,农村低保,700,在保`),
    // 王小明 on a second household (duplicate.two-households): its evidence names the other's 家庭编号.
    `张庄镇,北村,${HOUSEHOLD_NUMBER},王小明,${PEOPLE.wang},户主,农村低保,700,在保`,
  ]);
  const run = await runCli(['scan', '--input', input, '--period', '2026-10', '--ledger', ledger, '--out', out, '--quiet']);
  expect(run.code, run.stderr).toBe(0);
  findings = parseCsv(await readFile(join(out, 'findings.csv'), 'utf8'));
});

/** A cell's text: rich text's runs joined, a formula's result (exceljs's own cell.text fails on a formula without one). */
function cellText(value: CellValue): string {
  if (value === null || typeof value !== 'object' || value instanceof Date) return String(value ?? '');
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return String(value.result ?? '');
  return JSON.stringify(value);
}

/** Every cell of every sheet of a workbook, as one text. */
async function workbookText(file: string): Promise<string> {
  const cells: string[] = [];
  for (const sheet of (await readWorkbook(file)).worksheets) sheet.eachRow((row) => row.eachCell((cell) => cells.push(cellText(cell.value))));
  return cells.join('\n');
}

/** The raw values nowhere in the text, and each quoted masked (the evidence's 原始值「…」, a note's 「…」). */
function expectMaskedIn(text: string) {
  for (const raw of RAW_VALUES) expect(text).not.toContain(raw);
  for (const masked of MASKED_VALUES) expect(text).toContain(`「${masked}」`);
}

const idInvalid = () => findings.filter((f) => f['check_id'] === 'data_quality.id-invalid');

describe('a raw ID value that failed validation, in the outputs', () => {
  it('the ledger workbook masks it in 问题描述 and leaves the other household\'s 家庭编号 readable; findings.csv (a machine output) keeps it whole', async () => {
    expect(idInvalid().map((f) => f['evidence'])).toEqual(RAW_VALUES.map((raw) => expect.stringContaining(`原始值「${raw}」`)));
    const text = await workbookText(join(out, 'ledger', '张庄镇.xlsx'));
    expectMaskedIn(text);
    expect(text).toContain(`家庭编号 ${HOUSEHOLD_NUMBER} 王小明`);
  });

  it('ledger show masks it, and shows it whole with --unmask, which the ledger records (a masked show is not recorded)', async () => {
    const shows = () => readLedgerRows(ledger, `SELECT period, run_id, out_dir, files_json, exported_by FROM exports WHERE split = 'show' AND unmasked`);
    for (const [i, finding] of idInvalid().entries()) {
      const shown = await runCli(['ledger', 'show', finding['finding_id']!, '--ledger', ledger]);
      expect(shown.code, shown.stderr).toBe(0);
      expect(shown.stdout).not.toContain(RAW_VALUES[i]);
      expect(shown.stdout).toContain(`原始值「${MASKED_VALUES[i]}」`);
      expect(await shows()).toHaveLength(i);
      const unmasked = await runCli(['ledger', 'show', finding['finding_id']!, '--ledger', ledger, '--unmask']);
      expect(unmasked.stdout).toContain(`原始值「${RAW_VALUES[i]}」`);
      expect((await shows()).at(-1)).toEqual({
        period: '2026-10', run_id: expect.stringMatching(/\S/), out_dir: '', files_json: JSON.stringify([finding['finding_id']]), exported_by: expect.stringMatching(/\S/),
      });
    }
  });

  it('the spot-check sheets mask it', async () => {
    const sampleOut = join(root, 'sample');
    const run = await runCli(['sample', '--ledger', ledger, '--villages', '10', '--households', '10', '--seed', 'all', '--out', sampleOut, '--by', '测试员']);
    expect(run.code, run.stderr).toBe(0);
    const files = await readdir(sampleOut);
    const texts = await Promise.all(files.map((file) => (file.endsWith('.xlsx') ? workbookText(join(sampleOut, file)) : readFile(join(sampleOut, file), 'utf8'))));
    expect(files.some((file) => file.endsWith('.xlsx'))).toBe(true);
    expectMaskedIn(texts.join('\n'));
  });

  // The report lists open high findings only: a staff note on one quotes the values (masked there like evidence).
  it('the HTML report masks it in a note', async () => {
    const high = findings.find((f) => f['check_id'] === 'duplicate.two-households')!;
    const note = `户籍核对：${RAW_VALUES.map((raw) => `「${raw}」`).join('、')}`;
    const set = await runCli(['ledger', 'set', high['finding_id']!, '--ledger', ledger, '--note', note, '--by', '测试员']);
    expect(set.code, set.stderr).toBe(0);
    const reportOut = join(root, 'report');
    const run = await runCli(['report', '--ledger', ledger, '--out', reportOut]);
    expect(run.code, run.stderr).toBe(0);
    const [file] = (await readdir(reportOut)).filter((name) => name.endsWith('.html'));
    expectMaskedIn(await readFile(join(reportOut, file!), 'utf8'));
  });

  // Until 2026-12-05 `ledger show` printed what staff typed whole, though the report masked it.
  it('ledger show masks it in what staff typed (备注, 整改措施, the audit trail), and shows it whole with --unmask', async () => {
    const high = findings.find((f) => f['check_id'] === 'duplicate.two-households')!;
    const note = `户籍核对：${RAW_VALUES.map((raw) => `「${raw}」`).join('、')}`;
    const set = await runCli(['ledger', 'set', high['finding_id']!, '--ledger', ledger, '--note', note, '--remedy', note, '--by', '测试员']);
    expect(set.code, set.stderr).toBe(0);
    const shown = await runCli(['ledger', 'show', high['finding_id']!, '--ledger', ledger]);
    expect(shown.code, shown.stderr).toBe(0);
    expectMaskedIn(shown.stdout);
    expect((await runCli(['ledger', 'show', high['finding_id']!, '--ledger', ledger, '--unmask'])).stdout).toContain(note);
  });
});
