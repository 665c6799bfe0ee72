// A 备注 quoting two people whose IDs share region and last four digits (371329198507071071 and 371329199001011071)
// shows the same mask twice in a masked workbook. `ledger import` puts the two IDs back by position where staff kept
// both masks and the text between them, and refuses the cell, naming file, sheet, row and column, where it cannot tell
// which is which: a mask never goes over the full IDs the ledger holds. Until 2026-12-07 neither mask was restored and
// the 备注 was overwritten with two masks, the record of who was meant lost.
//
// The cell is read as the workbook showed it: each place a mask stood there is an ID, or the mask itself where the
// ledger's text held one. Until 2026-12-07 a mask with a digit typed right after it (「…1071 12月」 written without
// the space) was taken for no one's mask and stored over the full ID; a mask copied in from the 整改措施 beside it
// became the one ID the 备注 showed; and a mask the ledger's text held as such was replaced by the ID beside it.
import { basename, join } from 'node:path';
import type * as ExcelTypes from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { cellInWorkbook, copyLedger, editWorkbook, queryLedger, SAMPLE_CONFIG, SAMPLE_INPUT, SAMPLE_PERIOD } from '../support/ledger-fixture.ts';
import { runCli } from '../support/run-cli.ts';
import { tempFolder } from '../support/temp-folder.ts';
import { textOf } from '../support/workbook-text.ts';

const DEAD = '371329198507071071';
/** Her son, born elsewhere in the county: his ID masks as hers does. */
const SON = '371329199001011071';
const MASK = '371329********1071';
const NOTE = `经核实 ${DEAD} 已死亡，其子 ${SON} 代领`;
const SHOWN = `经核实 ${MASK} 已死亡，其子 ${MASK} 代领`;
/** One ID only: the mask is hers. */
const ONE_ID_NOTE = `经核实 ${DEAD} 本人已死亡`;
/** The 备注 quotes her; the 整改措施 beside it quotes her and her son, one mask for both. */
const SEE_NOTE = `见 ${DEAD}`;
const SEE_REMEDY = `停发 ${DEAD}，追回 ${SON} 代领部分`;
/** Her ID, and his number not yet known: the ledger's text holds a mask itself. */
const MASK_KEPT_NOTE = `经核实 ${DEAD} 已死亡，其子 ${MASK} 代领（号码待补）`;

const root = await tempFolder();
let base: string;
let findingId: string;
let oneIdFinding: string;
let seeFinding: string;
let maskKeptFinding: string;
let exportedFile: string;

async function cli(args: string[]) {
  const run = await runCli(args);
  expect(run.code, run.stdout + run.stderr).toBe(0);
  return run;
}

beforeAll(async () => {
  base = join(root, 'ledger.duckdb');
  await cli(['scan', '--input', SAMPLE_INPUT, '--config', SAMPLE_CONFIG, '--period', SAMPLE_PERIOD, '--ledger', base, '--out', join(root, 'out'), '--quiet']);
  const rows = await queryLedger(base, `SELECT finding_id FROM ledger.findings WHERE township = '店头镇' AND severity <> 'info' ORDER BY finding_id LIMIT 4`);
  [findingId, oneIdFinding, seeFinding, maskKeptFinding] = rows.map((row) => String(row['finding_id']));
  await cli(['ledger', 'set', findingId, '--ledger', base, '--note', NOTE, '--by', '测试员']);
  await cli(['ledger', 'set', oneIdFinding, '--ledger', base, '--note', ONE_ID_NOTE, '--by', '测试员']);
  await cli(['ledger', 'set', seeFinding, '--ledger', base, '--note', SEE_NOTE, '--remedy', SEE_REMEDY, '--by', '测试员']);
  await cli(['ledger', 'set', maskKeptFinding, '--ledger', base, '--note', MASK_KEPT_NOTE, '--by', '测试员']);
  await cli(['ledger', 'export', '--ledger', base, '--period', SAMPLE_PERIOD, '--out', join(root, 'export')]);
  exportedFile = join(root, 'export', '店头镇.xlsx');
}, 300_000);

let copies = 0;
/** The workbook with its 备注 changed by staff, imported into a private copy of the ledger. */
async function importEdited(edit: (shown: string) => string) {
  return importNoteEdited(findingId, SHOWN, edit);
}

/** As importEdited, for the 备注 of `id`, shown in the workbook as `shownNote`. */
async function importNoteEdited(id: string, shownNote: string, edit: (shown: string) => string) {
  let where = '';
  const file = await editWorkbook(exportedFile, join(root, `${++copies}-店头镇.xlsx`), (book: ExcelTypes.Workbook) => {
    const note = cellInWorkbook(book, id, '备注');
    expect(textOf(note.value)).toBe(shownNote);
    note.value = edit(textOf(note.value));
    where = `工作表「${note.worksheet.name}」 第 ${note.row} 行 列「备注」`;
  });
  const ledger = await copyLedger(base);
  const run = await runCli(['ledger', 'import', file, '--ledger', ledger, '--by', '王干事']);
  return { file, ledger, run, where };
}

async function noteIn(ledger: string, id = findingId): Promise<unknown> {
  const [row] = await queryLedger(ledger, `SELECT note FROM ledger.findings WHERE finding_id = '${id}'`);
  return row!['note'];
}

describe('a masked 备注 quoting two IDs that mask alike', () => {
  it.each([
    ['text added after them', (shown: string) => `${shown}，已停发`, `${NOTE}，已停发`],
    ['text added before them and changed after the last', (shown: string) => `村委会反映：${shown.replace('代领', '代领保障金')}`,
      `村委会反映：经核实 ${DEAD} 已死亡，其子 ${SON} 代领保障金`],
  ])('puts both IDs back in place, by position, with %s', async (_, edit, stored) => {
    const { ledger, run } = await importEdited(edit);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(await noteIn(ledger)).toBe(stored);
    const shown = await cli(['ledger', 'show', findingId, '--ledger', ledger, '--unmask']);
    expect(shown.stdout).toContain(stored);
    for (const id of [DEAD, SON]) expect(run.stdout).not.toContain(id);
  });

  it('changes nothing when the same workbook is imported again', async () => {
    const { file, ledger, run } = await importEdited((shown) => `${shown}，已停发`);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const again = await runCli(['ledger', 'import', file, '--ledger', ledger, '--by', '王干事']);
    expect(again.code, again.stdout + again.stderr).toBe(0);
    expect(again.stdout).toContain('导入 0 处修改，拒绝 0 格');
    expect(await noteIn(ledger)).toBe(`${NOTE}，已停发`);
  });

  it.each([
    ['one of them deleted', () => `经核实 ${MASK} 已死亡`],
    ['the two swapped round', () => `其子 ${MASK} 代领，经核实 ${MASK} 已死亡`],
    ['the words between them changed', (shown: string) => shown.replace('，其子', '，其父')],
    ['one copied', (shown: string) => `${shown}，${MASK} 已停发`],
    ['one typed in full beside the other\'s mask', () => `经核实 ${DEAD} 已死亡，其子 ${MASK} 代领`],
  ])('refuses the cell, naming where it is, and keeps the full IDs, with %s', async (_, edit) => {
    const { file, run, ledger, where } = await importEdited(edit);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain(`已拒绝 ${basename(file)} ${where}`);
    expect(run.stdout).toContain(`导出时「${MASK}」代表 2 个不同的身份证号，此格中的该掩码无法确定各指何人`);
    expect(await noteIn(ledger)).toBe(NOTE);
    for (const id of [DEAD, SON]) expect(run.stdout).not.toContain(id);
  });

  it('stores IDs staff typed in full as typed', async () => {
    const { run, ledger } = await importEdited(() => `经核实 ${SON} 已死亡，其母 ${DEAD} 代领`);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(await noteIn(ledger)).toBe(`经核实 ${SON} 已死亡，其母 ${DEAD} 代领`);
  });
});

describe('a mask typed against a digit, copied, or held by the ledger as a mask', () => {
  it.each([
    ['a digit right after it', `经核实 ${MASK}12月起停发`, `此格中掩码「${MASK}」后紧接「1」，无法确定掩码的范围`],
    ['a digit right before it', `序号3${MASK} 本人已死亡`, `此格中掩码「${MASK}」前紧接「3」，无法确定掩码的范围`],
  ])('refuses a mask of one ID with %s, and keeps her full ID', async (_, typed, reason) => {
    const { file, run, ledger, where } = await importNoteEdited(oneIdFinding, `经核实 ${MASK} 本人已死亡`, () => typed);
    expect(run.code, run.stdout + run.stderr).toBe(2);
    expect(run.stdout).toContain(`已拒绝 ${basename(file)} ${where}`);
    expect(run.stdout).toContain(reason);
    expect(await noteIn(ledger, oneIdFinding)).toBe(ONE_ID_NOTE);
  });

  it('refuses two masks of two IDs kept in place with a digit right after the last, saying so', async () => {
    const { run, ledger } = await importEdited(() => `经核实 ${MASK} 已死亡，其子 ${MASK}12月起代领`);
    expect(run.code, run.stdout + run.stderr).toBe(2);
    expect(run.stdout).toContain(`此格中掩码「${MASK}」后紧接「1」，无法确定掩码的范围`);
    expect(run.stdout).not.toContain('数量、顺序或其间文字已改动');
    expect(await noteIn(ledger)).toBe(NOTE);
  });

  it('refuses a mask copied into the 备注 from the 整改措施, where it was her son\'s', async () => {
    const { run, ledger } = await importNoteEdited(seeFinding, `见 ${MASK}`, (shown) => `${shown}，追回 ${MASK} 代领部分`);
    expect(run.code, run.stdout + run.stderr).toBe(2);
    expect(run.stdout).toContain(`导出时「${MASK}」在此格中代表 1 个身份证号，同一行其他栏中又代表另一个身份证号，此格中的该掩码无法确定指何人（导出时此格中出现 1 次，现在有 2 次`);
    expect(await noteIn(ledger, seeFinding)).toBe(SEE_NOTE);
  });

  it('refuses the 备注 rewritten in the 整改措施\'s words, where the mask was her son\'s (R35)', async () => {
    const { run, ledger } = await importNoteEdited(seeFinding, `见 ${MASK}`, () => `追回 ${MASK} 代领部分已完成`);
    expect(run.code, run.stdout + run.stderr).toBe(2);
    expect(run.stdout).toContain('此格原文已改写');
    expect(await noteIn(ledger, seeFinding)).toBe(SEE_NOTE);
  });

  it('takes her mask typed again where she is the only one of it in the row: each is her ID (R35)', async () => {
    const { run, ledger } = await importNoteEdited(oneIdFinding, `经核实 ${MASK} 本人已死亡`, (shown) => `${shown}，${MASK} 的补助自2026年12月起停发`);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(await noteIn(ledger, oneIdFinding)).toBe(`${ONE_ID_NOTE}，${DEAD} 的补助自2026年12月起停发`);
  });

  it('takes the 备注 kept whole with text added, beside a 整改措施 quoting her son by the same mask', async () => {
    const { run, ledger } = await importNoteEdited(seeFinding, `见 ${MASK}`, (shown) => `已核实，${shown}，已停发`);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(await noteIn(ledger, seeFinding)).toBe(`已核实，${SEE_NOTE}，已停发`);
  });

  it('puts back her ID and leaves the mask the ledger held as a mask, and changes nothing imported again', async () => {
    const shownNote = `经核实 ${MASK} 已死亡，其子 ${MASK} 代领（号码待补）`;
    const { file, run, ledger } = await importNoteEdited(maskKeptFinding, shownNote, (shown) => `${shown}，已停发`);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(await noteIn(ledger, maskKeptFinding)).toBe(`${MASK_KEPT_NOTE}，已停发`);
    const again = await runCli(['ledger', 'import', file, '--ledger', ledger, '--by', '王干事']);
    expect(again.code, again.stdout + again.stderr).toBe(0);
    expect(again.stdout).toContain('导入 0 处修改，拒绝 0 格');
  });
});
