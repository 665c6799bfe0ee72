// An ID keyed in parts with other separators than one ASCII space, dash, dot or slash was printed whole without --unmask
// until 2026-12-07 (reviewer R40): two spaces between its parts, a no-break, thin or zero-width space, a full-width
// －．／, a dash with spaces around it, and an old 15-digit ID so keyed, in every workbook and its hidden snapshot,
// `ledger show`, the report, what `ledger import` and `ledger set` print and the spot-check sheets. So was most of an
// ID typed with a letter O or l for a digit (371329198507071O71 showed 13 of its 18 characters).
import { join } from 'node:path';
import type * as ExcelTypes from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { idsInText, maskIdNumber, maskIdsInText } from '../scanner/mask-id.ts';
import { cellInWorkbook, editWorkbook, queryLedger, readWorkbook, SAMPLE_CONFIG, SAMPLE_INPUT, SAMPLE_PERIOD } from './support/ledger-fixture.ts';
import { runCli } from './support/run-cli.ts';
import { validId } from './support/small-township.ts';
import { tempFolder } from './support/temp-folder.ts';
import { textOf, workbookText } from './support/workbook-text.ts';

const ID = validId('371329', '19850707', '107');
const MASKED = maskIdNumber(ID);
const OLD_ID = '371329850707107';
const OLD_MASKED = maskIdNumber(OLD_ID);
/** The ID's parts, region, birth date and the rest, joined by `separator`. */
const keyed = (separator: string) => [ID.slice(0, 6), ID.slice(6, 14), ID.slice(14)].join(separator);

describe('maskIdsInText, an ID whose parts are separated otherwise', () => {
  it.each([
    ['two spaces', keyed('  ')],
    ['three spaces', keyed('   ')],
    ['no-break spaces (U+00A0)', keyed('\u00a0')],
    ['thin spaces (U+2009)', keyed('\u2009')],
    ['zero-width spaces (U+200B)', keyed('\u200b')],
    ['a space and a no-break space', keyed(' \u00a0')],
    ['a tab and a space', keyed('\t ')],
    ['two full-width spaces', keyed('\u3000\u3000')],
    ['full-width hyphens (U+FF0D)', keyed('－')],
    ['full-width dots (U+FF0E)', keyed('．')],
    ['full-width slashes (U+FF0F)', keyed('／')],
    ['a dash with spaces around', keyed(' - ')],
    ['a full-width hyphen with spaces around', keyed(' － ')],
    ['a dot with spaces around', keyed(' . ')],
    ['a slash with spaces around', keyed(' / ')],
    ['en dashes', keyed('–')],
    ['separators not all alike', `${ID.slice(0, 6)}  ${ID.slice(6, 14)}\u00a0${ID.slice(14)}`],
    ['a zero-width space inside the birth date', `${ID.slice(0, 10)}\u200b${ID.slice(10)}`],
    ['two spaces in fours', ID.match(/.{1,4}/g)!.join('  ')],
  ])('masks one keyed with %s, in a sentence, as 6 characters, 8 stars and 4', (_how, typed) => {
    expect(maskIdsInText(`已核实 ${typed} 本人已死亡`)).toBe(`已核实 ${MASKED} 本人已死亡`);
  });

  it.each([
    ['two spaces', `${OLD_ID.slice(0, 6)}  ${OLD_ID.slice(6, 12)}  ${OLD_ID.slice(12)}`],
    ['no-break spaces', `${OLD_ID.slice(0, 6)}\u00a0${OLD_ID.slice(6, 12)}\u00a0${OLD_ID.slice(12)}`],
    ['a dash with spaces around', `${OLD_ID.slice(0, 6)} - ${OLD_ID.slice(6)}`],
  ])('masks an old 15-digit ID keyed with %s', (_how, typed) => {
    expect(maskIdsInText(`原始值「${typed}」`)).toBe(`原始值「${OLD_MASKED}」`);
  });

  it('lists the ID where it stands as written, one person however keyed, so an import can put it back', () => {
    const text = `死者 ${keyed('\u00a0\u00a0')}，代领人 ${keyed(' - ')}`;
    const ids = idsInText(text);
    expect(ids.map((id) => text.slice(id.start, id.end))).toEqual([keyed('\u00a0\u00a0'), keyed(' - ')]);
    expect(ids.map((id) => id.compact)).toEqual([ID, ID]);
  });

  it('masks the ID beside an amount keyed with two spaces, and leaves the amount readable', () => {
    expect(maskIdsInText(`退回  1400  ${keyed('  ')}  3 个月`)).toBe(`退回  1400  ${MASKED}  3 个月`);
  });

  it.each([
    ['amounts with two spaces', '700  1400  2100  700'],
    ['an amount with a no-break space', '1\u00a0400 元'],
    ['dates with dashes and spaces around', '2026 - 10 - 05 至 2026 － 10 － 31'],
    ['dates with full-width dots and slashes', '2026．10．05，2026／10／05'],
    ['phone numbers with two spaces or a full-width hyphen', '138  0013  8000，0539－1234 5678，0539 - 12345678'],
    ['a bank account in fours with two spaces or no-break spaces', '6228  4800  1234  5678  901，6228\u00a04800\u00a01234\u00a05678'],
    ['18 digits in groups that hold no birth date', '1234  5678  9012  3456  78，3713\u00a02900\u00a00000\u00a00000\u00a000'],
    ['家庭编号 of 16 digits and an amount beside', '3713291102040094  700'],
    ['a range of amounts', '1400 - 2000 元'],
  ])('leaves %s whole', (_what, text) => {
    expect(maskIdsInText(text)).toBe(text);
  });
});

describe('maskIdsInText, an ID typed with one letter for a digit', () => {
  const withLetter = (at: number, letter: string) => `${ID.slice(0, at)}${letter}${ID.slice(at + 1)}`;
  const zeroAt = ID.lastIndexOf('0');
  const oneAt = ID.indexOf('1', 6);

  it.each([
    ['O for 0', withLetter(zeroAt, 'O')],
    ['o for 0', withLetter(zeroAt, 'o')],
    ['l for 1', withLetter(oneAt, 'l')],
    ['I for 1', withLetter(oneAt, 'I')],
    ['O for 0, the check character mistyped too', '371329198507071O71'],
  ])('masks it whole, 6 characters, 8 stars and 4 as typed: %s', (_how, typed) => {
    expect(maskIdsInText(`身份证${typed}号`)).toBe(`身份证${maskIdNumber(typed)}号`);
    expect(maskIdsInText(`身份证${typed}号`)).toMatch(/^身份证371329\*{8}.{4}号$/);
  });

  it('lists it as the person it names, where it stands', () => {
    const typed = withLetter(zeroAt, 'O');
    expect(idsInText(`见 ${typed}`)).toEqual([{ start: 2, end: 20, compact: ID, masked: maskIdNumber(typed) }]);
  });

  it.each([
    ['an 18-character code with a letter O and no birth date', '12345678901234567O'],
    ['a code with an I that starts with a region but holds no birth date', '批号 37132900000000I123'],
    ['a 统一社会信用代码', '91371329MA3C4XYZ1P'],
    ['a finding id', '问题编号 RS0123456789ABCDEF'],
  ])('leaves alone %s', (_what, text) => {
    expect(maskIdsInText(text)).toBe(text);
  });
});

describe('a 备注 typed with an ID keyed with no-break spaces, through the CLI', () => {
  let root = '';
  let ledger = '';
  const TYPED = `已核实 ${keyed('\u00a0\u00a0')} 本人已死亡`;
  const SHOWN = `已核实 ${MASKED} 本人已死亡`;
  let findingId = '';
  let imported = '';

  async function cli(args: string[]) {
    const run = await runCli(args);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    return run;
  }

  beforeAll(async () => {
    root = await tempFolder();
    ledger = join(root, 'ledger.duckdb');
    await cli(['scan', '--input', SAMPLE_INPUT, '--config', SAMPLE_CONFIG, '--period', SAMPLE_PERIOD, '--ledger', ledger, '--out', join(root, 'out'), '--quiet']);
    await cli(['ledger', 'export', '--ledger', ledger, '--period', SAMPLE_PERIOD, '--out', join(root, 'first')]);
    const [row] = await queryLedger(ledger, `SELECT finding_id FROM ledger.findings WHERE township = '店头镇' AND severity <> 'info' ORDER BY finding_id LIMIT 1`);
    findingId = String(row!['finding_id']);
    imported = await editWorkbook(join(root, 'first', '店头镇.xlsx'), join(root, 'typed-店头镇.xlsx'), (book: ExcelTypes.Workbook) => {
      cellInWorkbook(book, findingId, '备注').value = TYPED;
    });
  }, 300_000);

  it('is stored as typed, printed masked by the import, and shown masked in the next export, which imported changes nothing', async () => {
    const run = await cli(['ledger', 'import', imported, '--ledger', ledger, '--by', '王干事']);
    expect(run.stdout + run.stderr).not.toContain(keyed('\u00a0\u00a0'));
    const [row] = await queryLedger(ledger, `SELECT note FROM ledger.findings WHERE finding_id = '${findingId}'`);
    expect(row!['note']).toBe(TYPED);

    await cli(['ledger', 'export', '--ledger', ledger, '--period', SAMPLE_PERIOD, '--out', join(root, 'second')]);
    const second = join(root, 'second', '店头镇.xlsx');
    expect(textOf(cellInWorkbook(await readWorkbook(second), findingId, '备注').value)).toBe(SHOWN);
    // Nowhere in the workbook, its hidden snapshot included, is the ID whole, however keyed.
    const everything = (await workbookText(second)).replace(/[\s\u00a0]/g, '');
    expect(everything).not.toContain(ID);

    const shown = await cli(['ledger', 'show', findingId, '--ledger', ledger]);
    expect(shown.stdout).toContain(SHOWN);
    expect(shown.stdout.replace(/[\s\u00a0]/g, '')).not.toContain(ID);

    const again = await cli(['ledger', 'import', second, '--ledger', ledger, '--by', '王干事']);
    expect(again.stdout).toContain('导入 0 处修改，拒绝 0 格');
    const [after] = await queryLedger(ledger, `SELECT note FROM ledger.findings WHERE finding_id = '${findingId}'`);
    expect(after!['note']).toBe(TYPED);
  });
});
