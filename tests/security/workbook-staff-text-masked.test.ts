// What staff type into a finding (整改措施, 责任人, 备注) can quote an ID number: 已核实 371329198507071071 本人已死亡.
// The ledger keeps it whole; every 整改台账 workbook, its hidden snapshot sheet included, shows it masked unless
// --unmask, as `ledger show` and the report do. `ledger import` reads such a workbook back without writing a mask over
// the ID: a cell left as shown is no edit, a mask staff kept is the exported ID again, and a cell changed in the
// ledger since the export is still refused. Until 2026-12-05 the staff columns were written as stored, in full.
import { join } from 'node:path';
import type * as ExcelTypes from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readSnapshotSheet } from '../../scanner/export/ledger-workbook/snapshot-sheet.ts';
import { restoreMaskedIds } from '../../scanner/ledger/import/staff-text-ids.ts';
import { copyLedger, editWorkbook, queryLedger, readWorkbook, SAMPLE_PERIOD, scanInto, scanSampleLedger, staffFields } from '../support/ledger-fixture.ts';
import { textOf, workbookText } from '../support/workbook-text.ts';
import { runCli } from '../support/run-cli.ts';
import { tempFolder } from '../support/temp-folder.ts';

const DEAD = '371329198507071071';
const DEAD_MASKED = '371329********1071';
/** Another person born elsewhere whose ID ends alike: masked, the two read the same. */
const TWIN = '371329199001011071';
const CADRE = '37132919791212002X';
const CADRE_MASKED = '371329********002X';
const NOTE = `已核实 ${DEAD} 本人已死亡`;
const REMEDY = `停发 ${DEAD}（与户主同户）的保障金`;
const RESPONSIBLE = `李四 ${CADRE}`;
const TWINS_NOTE = `${DEAD} 与 ${TWIN} 疑为同一人`;
const FULL_IDS = [DEAD, TWIN, CADRE];

const root = await tempFolder();
let base: string;
/** Findings of one township: the first three carry staff text quoting IDs, the fourth none. */
let ids: [string, string, string, string];
let township: string;
let maskedFile: string;
let unmaskedFile: string;

async function cli(args: string[]) {
  const run = await runCli(args);
  expect(run.code, run.stderr).toBe(0);
  return run;
}

beforeAll(async () => {
  base = await scanSampleLedger(root);
  const [first] = await queryLedger(base, `SELECT township FROM ledger.findings WHERE severity <> 'info' AND township IS NOT NULL
    GROUP BY township ORDER BY count(*) DESC LIMIT 1`);
  township = String(first!['township']);
  const rows = await queryLedger(base, `SELECT finding_id FROM ledger.findings WHERE township = '${township}' AND severity <> 'info'
    ORDER BY finding_id LIMIT 4`);
  ids = rows.map((row) => String(row['finding_id'])) as typeof ids;
  await cli(['ledger', 'set', ids[0], '--ledger', base, '--note', NOTE, '--remedy', REMEDY, '--by', '测试员']);
  await cli(['ledger', 'set', ids[1], '--ledger', base, '--responsible', RESPONSIBLE, '--by', '测试员']);
  await cli(['ledger', 'set', ids[2], '--ledger', base, '--note', TWINS_NOTE, '--by', '测试员']);
  await cli(['ledger', 'export', '--ledger', base, '--period', SAMPLE_PERIOD, '--out', join(root, 'masked')]);
  await cli(['ledger', 'export', '--ledger', base, '--period', SAMPLE_PERIOD, '--out', join(root, 'unmasked'), '--unmask']);
  maskedFile = join(root, 'masked', `${township}.xlsx`);
  unmaskedFile = join(root, 'unmasked', `${township}.xlsx`);
});

/** The cell under `header` in the row of finding `id`, on whichever village sheet it is. */
function staffCell(book: ExcelTypes.Workbook, id: string, header: string): ExcelTypes.Cell {
  for (const sheet of book.worksheets) {
    if (sheet.name === '汇总' || sheet.name === '_rollsweep') continue;
    const columns = new Map<string, number>();
    sheet.getRow(2).eachCell((cell, column) => columns.set(textOf(cell.value), column));
    let found: ExcelTypes.Cell | undefined;
    sheet.eachRow((row) => {
      if (!found && textOf(row.getCell(columns.get('问题编号')!).value) === id) found = row.getCell(columns.get(header)!);
    });
    if (found) return found;
  }
  throw new Error(`no row ${id}`);
}

let copies = 0;
/** A copy of the exported workbook as staff sent it back, and a private copy of the ledger to import it into. */
async function sentBack(source: string, edit: (book: ExcelTypes.Workbook) => void) {
  const file = await editWorkbook(source, join(root, `${++copies}-${township}.xlsx`), edit);
  return { file, ledger: await copyLedger(base) };
}

async function importInto(ledger: string, file: string) {
  return runCli(['ledger', 'import', file, '--ledger', ledger, '--by', '王干事']);
}

async function workbookChanges(ledger: string) {
  return queryLedger(ledger, `SELECT finding_id, field, to_value FROM ledger.changes WHERE source_kind = 'workbook' ORDER BY change_id`);
}

describe('the workbook a township receives', () => {
  it('shows the IDs staff typed masked, in the sheet and in its hidden snapshot', async () => {
    const book = await readWorkbook(maskedFile);
    expect(textOf(staffCell(book, ids[0], '备注').value)).toBe(`已核实 ${DEAD_MASKED} 本人已死亡`);
    expect(textOf(staffCell(book, ids[0], '整改措施').value)).toBe(`停发 ${DEAD_MASKED}（与户主同户）的保障金`);
    expect(textOf(staffCell(book, ids[1], '责任人').value)).toBe(`李四 ${CADRE_MASKED}`);
    const snapshot = readSnapshotSheet(book);
    if ('problem' in snapshot) throw new Error(snapshot.problem);
    expect(snapshot.rows.find((row) => row.findingId === ids[0])!.values['备注']).toBe(`已核实 ${DEAD_MASKED} 本人已死亡`);
    const text = await workbookText(maskedFile);
    for (const id of FULL_IDS) expect(text).not.toContain(id);
  });

  it('shows them whole with --unmask', async () => {
    const book = await readWorkbook(unmaskedFile);
    expect([staffCell(book, ids[0], '备注'), staffCell(book, ids[0], '整改措施'), staffCell(book, ids[1], '责任人')].map((cell) => textOf(cell.value)))
      .toEqual([NOTE, REMEDY, RESPONSIBLE]);
  });

  it('masks them in the workbooks a later month\'s scan writes', async () => {
    const ledger = await copyLedger(base);
    await scanInto(ledger, '2026-11', '2026-12-05');
    const text = await workbookText(join(`${ledger}.out-2026-11`, 'ledger', `${township}.xlsx`));
    expect(text).toContain(`已核实 ${DEAD_MASKED} 本人已死亡`);
    for (const id of FULL_IDS) expect(text).not.toContain(id);
  });
});

describe('ledger set', () => {
  // Until 2026-12-06 it echoed the old and the new text in full, to the console and to cron's log.
  it('prints what it changed with the IDs masked, the old text and the new', async () => {
    const ledger = await copyLedger(base);
    const run = await cli(['ledger', 'set', ids[0], '--ledger', ledger, '--note', `已补备案 ${CADRE}`, '--by', '测试员']);
    expect(run.stdout).toContain(`${NOTE.replace(DEAD, DEAD_MASKED)} → 已补备案 ${CADRE_MASKED}`);
    for (const id of FULL_IDS) expect(run.stdout).not.toContain(id);
  });
});

describe('ledger import of a masked workbook', () => {
  it('takes a cell left as shown for no edit: nothing applied, nothing recorded', async () => {
    const { file, ledger } = await sentBack(maskedFile, () => {});
    const before = await staffFields(ledger);
    const run = await importInto(ledger, file);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain('没有需要导入的修改');
    expect(await staffFields(ledger)).toEqual(before);
    expect(await workbookChanges(ledger)).toEqual([]);
  });

  it('puts the full ID back where staff kept its mask, and prints it masked', async () => {
    const { file, ledger } = await sentBack(maskedFile, (book) => {
      const note = staffCell(book, ids[0], '备注');
      note.value = `${textOf(note.value)}，已上报`;
      staffCell(book, ids[0], '整改措施').value = `停发 ${DEAD_MASKED} 的保障金，追回多发资金`;
      const responsible = staffCell(book, ids[1], '责任人');
      responsible.value = `${textOf(responsible.value)}、王五`;
    });
    const run = await importInto(ledger, file);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const fields = await staffFields(ledger);
    expect(fields[ids[0]]).toMatchObject({ note: `${NOTE}，已上报`, remedy: `停发 ${DEAD} 的保障金，追回多发资金` });
    expect(fields[ids[1]]).toMatchObject({ responsible: `${RESPONSIBLE}、王五` });
    expect((await workbookChanges(ledger)).map((change) => change['to_value'])).toEqual(expect.arrayContaining([`${NOTE}，已上报`]));
    expect(run.stdout).toContain(`已核实 ${DEAD_MASKED} 本人已死亡，已上报`);
    for (const id of FULL_IDS) expect(run.stdout).not.toContain(id);
  });

  it('stores an ID typed in full as typed, a mask of no exported ID as typed, and two IDs of one mask in their places', async () => {
    const fresh = '370481197001011234';
    const { file, ledger } = await sentBack(maskedFile, (book) => {
      staffCell(book, ids[3], '备注').value = `户主 ${fresh} 已迁出`;
      // Both IDs of the exported note mask alike; kept in order with the words between them, each is put back in its place
      // (until 2026-12-07 both masks were stored over the two IDs).
      const twins = staffCell(book, ids[2], '备注');
      twins.value = `${textOf(twins.value)}，经核实为两人`;
      staffCell(book, ids[1], '整改措施').value = '另见 370481********123X 的档案';
    });
    const run = await importInto(ledger, file);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const fields = await staffFields(ledger);
    expect(fields[ids[3]]!['note']).toBe(`户主 ${fresh} 已迁出`);
    expect(fields[ids[2]]!['note']).toBe(`${TWINS_NOTE}，经核实为两人`);
    expect(fields[ids[1]]!['remedy']).toBe('另见 370481********123X 的档案');
    expect(run.stdout).toContain('户主 370481********1234 已迁出');
    expect(run.stdout).not.toContain(fresh);
  });

  it('masks an ID typed in a line under the table, which the import lists as ignored', async () => {
    const { file, ledger } = await sentBack(maskedFile, (book) => {
      // The 问题编号 column of a line under the findings: a contact written where the eye finds room.
      const sheet = staffCell(book, ids[0], '备注').worksheet;
      const idColumn = [...Array(sheet.columnCount).keys()].map((i) => i + 1).find((column) => textOf(sheet.getRow(2).getCell(column).value) === '问题编号')!;
      sheet.getRow(sheet.rowCount + 2).getCell(idColumn).value = `联系人 ${DEAD}`;
    });
    const run = await importInto(ledger, file);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain(`问题编号栏为「联系人 ${DEAD_MASKED}」`);
    for (const id of FULL_IDS) expect(run.stdout).not.toContain(id);
  });

  it('still refuses a cell changed in the ledger since the export, and takes one that was not', async () => {
    const { file, ledger } = await sentBack(maskedFile, (book) => {
      const note = staffCell(book, ids[0], '备注');
      note.value = `${textOf(note.value)}，已上报`;
      const remedy = staffCell(book, ids[0], '整改措施');
      remedy.value = `${textOf(remedy.value)}，已追回`;
    });
    const other = '371329196512120536';
    await cli(['ledger', 'set', ids[0], '--ledger', ledger, '--note', `改为核查 ${other}`, '--by', '张主任']);
    const run = await importInto(ledger, file);
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(new RegExp(`「已核实 ${DEAD_MASKED.replace(/\*/g, '\\*')} 本人已死亡，已上报」：导出后台账中此项已改为「改为核查 371329\\*{8}0536」（ledger set（张主任）`));
    for (const id of [...FULL_IDS, other]) expect(run.stdout).not.toContain(id);
    expect((await staffFields(ledger))[ids[0]]).toMatchObject({ note: `改为核查 ${other}`, remedy: `${REMEDY}，已追回` });
  });
});

describe('ledger import of a workbook exported with --unmask', () => {
  it('takes what staff see and type as it is, a mask typed there included', async () => {
    const { file, ledger } = await sentBack(unmaskedFile, (book) => {
      const note = staffCell(book, ids[0], '备注');
      note.value = `${textOf(note.value)}，已上报`;
      staffCell(book, ids[0], '整改措施').value = `停发 ${DEAD_MASKED} 的保障金`;
    });
    const run = await importInto(ledger, file);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect((await staffFields(ledger))[ids[0]]).toMatchObject({ note: `${NOTE}，已上报`, remedy: `停发 ${DEAD_MASKED} 的保障金` });
  });

  it('takes a cell left as it was for no edit', async () => {
    const { file, ledger } = await sentBack(unmaskedFile, () => {});
    const run = await importInto(ledger, file);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(await workbookChanges(ledger)).toEqual([]);
  });
});

describe('a workbook exported before 2026-12-05, its staff text whole in the sheet and the snapshot', () => {
  /** The masked workbook with ids[0]'s 备注 put back whole, as rollsweep wrote it then. */
  const asWrittenThen = (book: ExcelTypes.Workbook) => {
    staffCell(book, ids[0], '备注').value = NOTE;
    book.getWorksheet('_rollsweep')!.eachRow((row) => {
      if (textOf(row.getCell(4).value) !== ids[0]) return;
      const values = JSON.parse(textOf(row.getCell(5).value)) as Record<string, unknown>;
      row.getCell(5).value = JSON.stringify({ ...values, 备注: NOTE });
    });
  };

  it('takes the whole note left as it was for no edit, and an edit of it as typed', async () => {
    const untouched = await sentBack(maskedFile, asWrittenThen);
    expect((await importInto(untouched.ledger, untouched.file)).code).toBe(0);
    expect(await workbookChanges(untouched.ledger)).toEqual([]);

    const edited = await sentBack(maskedFile, (book) => {
      asWrittenThen(book);
      staffCell(book, ids[0], '备注').value = `${NOTE}，已上报`;
    });
    const run = await importInto(edited.ledger, edited.file);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect((await staffFields(edited.ledger))[ids[0]]!['note']).toBe(`${NOTE}，已上报`);
  });
});

describe('restoreMaskedIds', () => {
  it.each([
    ['an ID keyed in parts, put back as it was keyed', `核实 371329 19850707 1071 死亡`, `核实 ${DEAD_MASKED} 死亡，已上报`, `核实 371329 19850707 1071 死亡，已上报`],
    ['one ID quoted twice, both masks', `${DEAD}（${DEAD}）`, `${DEAD_MASKED}、${DEAD_MASKED}`, `${DEAD}、${DEAD}`],
    ['an ID in full-width digits, put back in them', '３７１３２９１９８５０７０７１０７１', `${DEAD_MASKED}。`, '３７１３２９１９８５０７０７１０７１。'],
    ['not a mask inside a longer number', DEAD, `9${DEAD_MASKED}`, `9${DEAD_MASKED}`],
    ['not the mask of two IDs', `${DEAD} ${TWIN}`, DEAD_MASKED, DEAD_MASKED],
  ])('%s', (_, exported, typed, stored) => expect(restoreMaskedIds(typed, exported)).toBe(stored));
});
