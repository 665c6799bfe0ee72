// A masked workbook's staff text read back by `ledger import` in two cases that were refused until 2026-12-07:
//  - staff kept the mask of one person and typed another's ID in full beside it (「死者 M，代领人 <his full ID> 已追回」).
//    The first import stores the full text; importing the same workbook again, or a WeChat copy of it, compared the
//    cell (one mask, one full ID) with the ledger's text (two full IDs) as if every ID were masked, found nothing the
//    same, and refused the 备注 as changed since the export (exit 2). It is the ledger's text, nothing to do.
//  - the ledger's own text held a * right against an ID (「*371329197001011071已核」): the workbook showed that * against
//    the mask, and any edit of the cell was refused as a mask whose end cannot be told, until a space was added. A *
//    the workbook showed there is the ledger's own, and the mask beside it that ID; a * staff typed against a mask, or
//    a digit, is still refused.
import { basename, join } from 'node:path';
import { copyFile } from 'node:fs/promises';
import type * as ExcelTypes from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { cellInWorkbook, copyLedger, editWorkbook, queryLedger, SAMPLE_CONFIG, SAMPLE_INPUT, SAMPLE_PERIOD } from '../support/ledger-fixture.ts';
import { runCli } from '../support/run-cli.ts';
import { tempFolder } from '../support/temp-folder.ts';
import { textOf } from '../support/workbook-text.ts';

const DEAD = '371329197001011071';
const MASK = '371329********1071';
/** Her son, who drew her money: his ID masks as hers does. */
const SON = '371329196501011071';
/** Someone whose ID masks otherwise. */
const OTHER = '371329196501011234';
const DEAD_NOTE = `死者${DEAD}`;
const STAR_BEFORE_NOTE = `*${DEAD}已核`;
const STAR_AFTER_NOTE = `${DEAD}*`;

const root = await tempFolder();
let base: string;
let deadFinding: string;
let starBeforeFinding: string;
let starAfterFinding: string;
let exportedFile: string;

async function cli(args: string[]) {
  const run = await runCli(args);
  expect(run.code, run.stdout + run.stderr).toBe(0);
  return run;
}

beforeAll(async () => {
  base = join(root, 'ledger.duckdb');
  await cli(['scan', '--input', SAMPLE_INPUT, '--config', SAMPLE_CONFIG, '--period', SAMPLE_PERIOD, '--ledger', base, '--out', join(root, 'out'), '--quiet']);
  const rows = await queryLedger(base, `SELECT finding_id FROM ledger.findings WHERE township = '店头镇' AND severity <> 'info' ORDER BY finding_id LIMIT 3`);
  [deadFinding, starBeforeFinding, starAfterFinding] = rows.map((row) => String(row['finding_id']));
  await cli(['ledger', 'set', deadFinding, '--ledger', base, '--note', DEAD_NOTE, '--by', '测试员']);
  await cli(['ledger', 'set', starBeforeFinding, '--ledger', base, '--note', STAR_BEFORE_NOTE, '--by', '测试员']);
  await cli(['ledger', 'set', starAfterFinding, '--ledger', base, '--note', STAR_AFTER_NOTE, '--by', '测试员']);
  await cli(['ledger', 'export', '--ledger', base, '--period', SAMPLE_PERIOD, '--out', join(root, 'export')]);
  exportedFile = join(root, 'export', '店头镇.xlsx');
}, 300_000);

let copies = 0;
/** The workbook with the 备注 of `id` (shown as `shownNote`) typed over as `typed`, imported into a private ledger copy. */
async function importNote(id: string, shownNote: string, typed: string) {
  let where = '';
  const file = await editWorkbook(exportedFile, join(root, `${++copies}-店头镇.xlsx`), (book: ExcelTypes.Workbook) => {
    const note = cellInWorkbook(book, id, '备注');
    expect(textOf(note.value)).toBe(shownNote);
    note.value = typed;
    where = `工作表「${note.worksheet.name}」 第 ${note.row} 行 列「备注」`;
  });
  const ledger = await copyLedger(base);
  const run = await runCli(['ledger', 'import', file, '--ledger', ledger, '--by', '王干事']);
  return { file, ledger, run, where };
}

async function noteIn(ledger: string, id: string): Promise<unknown> {
  const [row] = await queryLedger(ledger, `SELECT note FROM ledger.findings WHERE finding_id = '${id}'`);
  return row!['note'];
}

/** The same workbook imported again changes nothing and refuses nothing. */
async function expectNothingToDo(file: string, ledger: string) {
  const again = await runCli(['ledger', 'import', file, '--ledger', ledger, '--by', '王干事']);
  expect(again.code, again.stdout + again.stderr).toBe(0);
  expect(again.stdout).toContain('导入 0 处修改，拒绝 0 格');
  expect(again.stdout).toContain('没有需要导入的修改');
}

describe('a masked 备注 with another person\'s ID typed in full beside the kept mask, imported again', () => {
  it.each([
    ['whose ID masks otherwise', OTHER],
    ['whose ID masks alike', SON],
  ])('stores the full text once, and the same workbook and its WeChat copy change nothing after: a person %s', async (_, typedInFull) => {
    const { file, ledger, run } = await importNote(deadFinding, `死者${MASK}`, `死者${MASK}，代领人${typedInFull}已追回`);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const stored = `${DEAD_NOTE}，代领人${typedInFull}已追回`;
    expect(await noteIn(ledger, deadFinding)).toBe(stored);
    await expectNothingToDo(file, ledger);
    const wechatCopy = join(root, `${copies}-店头镇(1).xlsx`);
    await copyFile(file, wechatCopy);
    await expectNothingToDo(wechatCopy, ledger);
    expect(await noteIn(ledger, deadFinding)).toBe(stored);
  });
});

describe('a masked 备注 whose ledger text holds a * right against an ID', () => {
  it.each([
    ['before the ID', () => starBeforeFinding, `*${MASK}已核`, `*${MASK}已核，已停发`, `${STAR_BEFORE_NOTE}，已停发`],
    ['after the ID', () => starAfterFinding, `${MASK}*`, `${MASK}*，已停发`, `${STAR_AFTER_NOTE}，已停发`],
    ['after the ID, the text around it rewritten', () => starAfterFinding, `${MASK}*`, `核实 ${MASK}* 已停发`, `核实 ${DEAD}* 已停发`],
  ])('takes an edit keeping the ledger\'s * %s, puts the full ID back, and changes nothing imported again', async (_, find, shown, typed, stored) => {
    const id = find();
    const { file, ledger, run } = await importNote(id, shown, typed);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(await noteIn(ledger, id)).toBe(stored);
    expect(run.stdout).not.toContain(DEAD);
    await expectNothingToDo(file, ledger);
  });

  it.each([
    ['a * staff typed on the other side', () => starBeforeFinding, `*${MASK}已核`, `${MASK}*已核`, `此格中掩码「${MASK}」后紧接「*」，无法确定掩码的范围`, STAR_BEFORE_NOTE],
    ['a digit typed after it', () => starBeforeFinding, `*${MASK}已核`, `*${MASK}12月已核`, `此格中掩码「${MASK}」后紧接「1」，无法确定掩码的范围`, STAR_BEFORE_NOTE],
    ['a * staff typed against a mask shown without one', () => deadFinding, `死者${MASK}`, `死者*${MASK}`, `此格中掩码「${MASK}」前紧接「*」，无法确定掩码的范围`, DEAD_NOTE],
  ])('still refuses the cell, saying why, and keeps the full ID, with %s', async (_, find, shown, typed, reason, kept) => {
    const { file, ledger, run, where } = await importNote(find(), shown, typed);
    expect(run.code, run.stdout + run.stderr).toBe(2);
    expect(run.stdout).toContain(`已拒绝 ${basename(file)} ${where}`);
    expect(run.stdout).toContain(reason);
    expect(await noteIn(ledger, find())).toBe(kept);
  });
});
