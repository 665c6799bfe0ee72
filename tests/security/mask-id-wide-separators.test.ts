// Two ways of keying an ID were still printed whole without --unmask until 2026-12-08: its parts joined by 4 spaces or
// more (371329    19850707    1071, a note lined up with the row above, or a mistyped roll ID quoted by
// data_quality.id-invalid), and its parts keyed apart with one letter typed for a digit (371329 19850707 1O71). Bank
// accounts, 16-digit 家庭编号, amounts, dates and phone numbers keyed with the same gaps stay readable.
import { join } from 'node:path';
import type * as ExcelTypes from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { idsInText, maskIdNumber, maskIdsInText } from '../../scanner/mask-id.ts';
import { cellInWorkbook, editWorkbook, queryLedger, readWorkbook, SAMPLE_CONFIG, SAMPLE_INPUT, SAMPLE_PERIOD } from '../support/ledger-fixture.ts';
import { runCli } from '../support/run-cli.ts';
import { validId } from '../support/small-township.ts';
import { tempFolder } from '../support/temp-folder.ts';
import { textOf, workbookText } from '../support/workbook-text.ts';

const ID = validId('371329', '19850707', '107');
const MASKED = maskIdNumber(ID);
const OLD_ID = '371329850707107';
/** The ID's parts, region, birth date and the rest, joined by `separator`. */
const keyed = (id: string, separator: string) => [id.slice(0, 6), id.slice(6, 14), id.slice(14)].join(separator);
/** The ID with the digit at `at` typed as `letter`. */
const withLetter = (at: number, letter: string) => `${ID.slice(0, at)}${letter}${ID.slice(at + 1)}`;
const O_FOR_ZERO = withLetter(ID.lastIndexOf('0'), 'O');
const L_FOR_ONE = withLetter(14, 'l');

describe('maskIdsInText, an ID keyed with 4 spaces or more between its parts', () => {
  it.each([
    ['4 spaces', keyed(ID, '    ')],
    ['8 spaces', keyed(ID, ' '.repeat(8))],
    ['4 no-break spaces', keyed(ID, '\u00a0'.repeat(4))],
    ['tabs', keyed(ID, '\t\t\t\t')],
    ['4 full-width spaces', keyed(ID, '\u3000'.repeat(4))],
    ['a dash with 4 spaces around', keyed(ID, '    -    ')],
    ['fours with 5 spaces', ID.match(/.{1,4}/g)!.join('     ')],
  ])('masks one keyed with %s, in a note, as 6 characters, 8 stars and 4', (_how, typed) => {
    expect(maskIdsInText(`已核实 ${typed} 本人已死亡`)).toBe(`已核实 ${MASKED} 本人已死亡`);
  });

  it('masks an old 15-digit ID so keyed, as data_quality.id-invalid quotes a raw value', () => {
    const typed = `${OLD_ID.slice(0, 6)}    ${OLD_ID.slice(6, 12)}    ${OLD_ID.slice(12)}`;
    expect(maskIdsInText(`原始值「${typed}」`)).toBe(`原始值「${maskIdNumber(OLD_ID)}」`);
  });

  it('masks the ID in a note beside a phone number, a date and an amount keyed with wide gaps, which stay readable', () => {
    const note = `电话 138 0000 0000    ${keyed(ID, '    ')}    2026 10 01 退回    1400 元`;
    expect(maskIdsInText(note)).toBe(`电话 138 0000 0000    ${MASKED}    2026 10 01 退回    1400 元`);
  });

  it('lists the ID where it stands as written, so an import can put it back', () => {
    const text = `死者 ${keyed(ID, '     ')}，代领人 ${keyed(ID, ' ')}`;
    const ids = idsInText(text);
    expect(ids.map((id) => text.slice(id.start, id.end))).toEqual([keyed(ID, '     '), keyed(ID, ' ')]);
    expect(ids.map((id) => id.compact)).toEqual([ID, ID]);
  });

  it.each([
    ['a bank account of 19 digits and an amount', '账号 6228480012345678901     1400'],
    ['a bank account in fours with 4 spaces', '6228    4800    1234    5678    901'],
    ['a bank account of 16 digits and a date', '6228480012345678    2026 10 01'],
    ['a 家庭编号 of 16 digits and an amount', '家庭编号 3713291102040094    700'],
    ['a 家庭编号 and a 2-digit 人口', '3713291102040094    12'],
    ['amounts', '700    1400    2100    700'],
    ['dates', '2026    10    01 至 2026    10    31'],
    ['a phone number and a date', '138    0000    0000    2026    10    01'],
    ['18 digits in groups that hold no birth date', '1234    5678    9012    3456    78'],
  ])('leaves %s whole', (_what, text) => {
    expect(maskIdsInText(text)).toBe(text);
  });
});

describe('maskIdsInText, an ID keyed in parts with one letter for a digit', () => {
  it.each([
    ['O for 0, one space', keyed(O_FOR_ZERO, ' '), O_FOR_ZERO],
    ['O for 0, 4 spaces', keyed(O_FOR_ZERO, '    '), O_FOR_ZERO],
    ['O for 0, dashes', keyed(O_FOR_ZERO, '-'), O_FOR_ZERO],
    ['O for 0, full-width hyphens with spaces', keyed(O_FOR_ZERO, ' － '), O_FOR_ZERO],
    ['l for 1 where a part starts, 2 no-break spaces', keyed(L_FOR_ONE, '\u00a0\u00a0'), L_FOR_ONE],
    ['O for 0, in fours', O_FOR_ZERO.match(/.{1,4}/g)!.join(' '), O_FOR_ZERO],
  ])('masks it as typed, its letter kept where the mask shows it: %s', (_how, typed, asTyped) => {
    expect(maskIdsInText(`身份证 ${typed} 号`)).toBe(`身份证 ${maskIdNumber(asTyped)} 号`);
    expect(maskIdsInText(`身份证 ${typed} 号`)).toMatch(/^身份证 371329\*{8}.{4} 号$/);
  });

  it('lists it as the person it names, where it stands', () => {
    const typed = keyed(O_FOR_ZERO, '  ');
    const text = `见 ${typed}`;
    expect(idsInText(text)).toEqual([{ start: 2, end: text.length, compact: ID, masked: maskIdNumber(O_FOR_ZERO) }]);
  });

  it('masks it beside a phone number and a date, which stay readable', () => {
    const note = `电话 138 0000 0000 ${keyed(O_FOR_ZERO, ' ')} 2026 10 01`;
    expect(maskIdsInText(note)).toBe(`电话 138 0000 0000 ${maskIdNumber(O_FOR_ZERO)} 2026 10 01`);
  });

  it.each([
    ['a code in parts with a letter O and no birth date', '1234 5678 9012 3456 7O'],
    ['a code in parts with an I that starts with a region but holds no birth date', '批号 371329 0000 0000 I123'],
    ['words and a date', 'lol 2026 10 01 lO'],
    ['a bank account in fours with an O', '6228 4800 1234 5678 9O1'],
  ])('leaves alone %s', (_what, text) => {
    expect(maskIdsInText(text)).toBe(text);
  });
});

describe('staff notes with such IDs, through the CLI', () => {
  let root = '';
  let ledger = '';
  const WIDE = keyed(ID, '    ');
  const LETTERED = keyed(O_FOR_ZERO, ' ');
  const TYPED = `已核实 ${WIDE} 本人已死亡，电话 138 0000 0000，2026 10 01 停发`;
  const SHOWN = `已核实 ${MASKED} 本人已死亡，电话 138 0000 0000，2026 10 01 停发`;
  const SET_NOTE = `代领人 ${LETTERED} 已退回 1400 元`;
  const SET_SHOWN = `代领人 ${maskIdNumber(O_FOR_ZERO)} 已退回 1400 元`;
  let findingIds: string[] = [];
  let imported = '';

  async function cli(args: string[]) {
    const run = await runCli(args);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    return run;
  }

  /** Whether the output shows the ID whole, however its parts are spaced or a letter typed for a digit. */
  const showsWhole = (text: string) => {
    const squeezed = text.replace(/[\s\u00a0\u3000\-－]/g, '');
    return squeezed.includes(ID) || squeezed.includes(O_FOR_ZERO);
  };

  beforeAll(async () => {
    root = await tempFolder();
    ledger = join(root, 'ledger.duckdb');
    await cli(['scan', '--input', SAMPLE_INPUT, '--config', SAMPLE_CONFIG, '--period', SAMPLE_PERIOD, '--ledger', ledger, '--out', join(root, 'out'), '--quiet']);
    await cli(['ledger', 'export', '--ledger', ledger, '--period', SAMPLE_PERIOD, '--out', join(root, 'first')]);
    const rows = await queryLedger(ledger, `SELECT finding_id FROM ledger.findings WHERE township = '店头镇' AND severity <> 'info' ORDER BY finding_id LIMIT 2`);
    findingIds = rows.map((row) => String(row['finding_id']));
    imported = await editWorkbook(join(root, 'first', '店头镇.xlsx'), join(root, 'typed-店头镇.xlsx'), (book: ExcelTypes.Workbook) => {
      cellInWorkbook(book, findingIds[0]!, '备注').value = TYPED;
    });
  }, 300_000);

  it('a 备注 imported from a returned workbook is stored as typed and shown masked by the import, the export and `ledger show`', async () => {
    const run = await cli(['ledger', 'import', imported, '--ledger', ledger, '--by', '王干事']);
    expect(showsWhole(run.stdout + run.stderr)).toBe(false);
    const [row] = await queryLedger(ledger, `SELECT note FROM ledger.findings WHERE finding_id = '${findingIds[0]}'`);
    expect(row!['note']).toBe(TYPED);

    await cli(['ledger', 'export', '--ledger', ledger, '--period', SAMPLE_PERIOD, '--out', join(root, 'second')]);
    const second = join(root, 'second', '店头镇.xlsx');
    expect(textOf(cellInWorkbook(await readWorkbook(second), findingIds[0]!, '备注').value)).toBe(SHOWN);
    // Nowhere in the workbook, its hidden snapshot included, is the ID whole.
    expect(showsWhole(await workbookText(second))).toBe(false);

    const shown = await cli(['ledger', 'show', findingIds[0]!, '--ledger', ledger]);
    expect(shown.stdout).toContain(SHOWN);
    expect(showsWhole(shown.stdout)).toBe(false);

    // The export read back changes nothing: each mask is put back as the ID it stands for.
    const again = await cli(['ledger', 'import', second, '--ledger', ledger, '--by', '王干事']);
    expect(again.stdout).toContain('导入 0 处修改，拒绝 0 格');
    const [after] = await queryLedger(ledger, `SELECT note FROM ledger.findings WHERE finding_id = '${findingIds[0]}'`);
    expect(after!['note']).toBe(TYPED);
  });

  it('a note set with `ledger set --note`, an ID in parts with a letter for a digit, is echoed and shown masked', async () => {
    const set = await cli(['ledger', 'set', findingIds[1]!, '--note', SET_NOTE, '--ledger', ledger, '--by', '王干事']);
    expect(set.stdout).toContain(SET_SHOWN);
    expect(showsWhole(set.stdout + set.stderr)).toBe(false);

    const shown = await cli(['ledger', 'show', findingIds[1]!, '--ledger', ledger]);
    expect(shown.stdout).toContain(SET_SHOWN);
    expect(showsWhole(shown.stdout)).toBe(false);

    await cli(['ledger', 'export', '--ledger', ledger, '--period', SAMPLE_PERIOD, '--out', join(root, 'third')]);
    const third = join(root, 'third', '店头镇.xlsx');
    expect(textOf(cellInWorkbook(await readWorkbook(third), findingIds[1]!, '备注').value)).toBe(SET_SHOWN);
    expect(showsWhole(await workbookText(third))).toBe(false);
  });
});
