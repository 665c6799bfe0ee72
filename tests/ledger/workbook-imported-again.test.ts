// A workbook imported once and imported again changes nothing and lists nothing: the same file run twice through the
// README's glob, a WeChat copy of it (店头镇(1).xlsx), or the month's workbook imported again after the next month's
// scan. Until 2026-12-07 the second import refused every 备注 quoting a masked ID (the first import's audit record
// counted as a later change) and, after a rescan, listed every edit as 已忽略 … 请在最新台账中填报, both exiting 2:
// staff were told their work was not taken and typed it in again.
import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import type * as ExcelTypes from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { cellInWorkbook, copyLedger, editWorkbook, queryLedger, SAMPLE_CONFIG, SAMPLE_INPUT, SAMPLE_PERIOD, staffFields } from '../support/ledger-fixture.ts';
import { runCli } from '../support/run-cli.ts';
import { tempFolder } from '../support/temp-folder.ts';
import { textOf } from '../support/workbook-text.ts';

const HEAD = '371329197806308158';
const HEAD_MASKED = '371329********8158';
const NOTE = `户主杨旭刚 ${HEAD} 称已迁回北店头`;
const TOWNSHIP = '店头镇';
const STALE = `工作簿为 ${SAMPLE_PERIOD} 的台账，台账最新月份为 2026-11，请在最新台账中填报`;

const root = await tempFolder();
let base: string;
/** Three findings of 店头镇: the first with a 备注 quoting an ID, set before the export. */
let ids: [string, string, string];
/** The township's workbook as staff send it back: the 备注 added to (its mask kept), a status and a remedy, a new 备注. */
let sentBack: string;

async function cli(args: string[]) {
  const run = await runCli(args);
  expect(run.code, run.stdout + run.stderr).toBe(0);
  return run;
}


let copies = 0;
function edited(source: string, edit: (book: ExcelTypes.Workbook) => void, name = `${++copies}-${TOWNSHIP}.xlsx`): Promise<string> {
  return editWorkbook(source, join(root, name), edit);
}

function importInto(ledger: string, file: string) {
  return runCli(['ledger', 'import', file, '--ledger', ledger, '--by', '王干事']);
}

async function workbookChanges(ledger: string) {
  return queryLedger(ledger, `SELECT change_id, finding_id, field, to_value FROM ledger.changes WHERE source_kind = 'workbook' ORDER BY change_id`);
}

/** What the ledger holds for staff, and every change recorded from workbooks: an import that changes nothing leaves both. */
async function ledgerState(ledger: string) {
  return { fields: await staffFields(ledger), changes: await workbookChanges(ledger) };
}

async function scanNextMonth(ledger: string) {
  await cli(['scan', '--input', SAMPLE_INPUT, '--config', SAMPLE_CONFIG, '--period', '2026-11', '--as-of', '2026-12-05',
    '--ledger', ledger, '--out', `${ledger}.out-2026-11`, '--quiet']);
}

beforeAll(async () => {
  base = join(root, 'ledger.duckdb');
  await cli(['scan', '--input', SAMPLE_INPUT, '--config', SAMPLE_CONFIG, '--period', SAMPLE_PERIOD, '--ledger', base, '--out', join(root, 'out'), '--quiet']);
  const rows = await queryLedger(base, `SELECT finding_id FROM ledger.findings WHERE township = '${TOWNSHIP}' AND severity <> 'info'
    ORDER BY finding_id LIMIT 3`);
  ids = rows.map((row) => String(row['finding_id'])) as typeof ids;
  await cli(['ledger', 'set', ids[0], '--ledger', base, '--note', NOTE, '--by', '测试员']);
  await cli(['ledger', 'export', '--ledger', base, '--period', SAMPLE_PERIOD, '--out', join(root, 'export')]);
  sentBack = await edited(join(root, 'export', `${TOWNSHIP}.xlsx`), (book) => {
    const note = cellInWorkbook(book, ids[0], '备注');
    note.value = `${textOf(note.value)}，已核实，村委会盖章`;
    cellInWorkbook(book, ids[1], '整改状态').value = '核实中';
    cellInWorkbook(book, ids[1], '整改措施').value = '入户核查';
    cellInWorkbook(book, ids[2], '备注').value = '已电话核实';
  }, 'sv-ret.xlsx');
});

describe('the same workbook imported twice', () => {
  it('takes the edits once, the ID whole; the second time, and a WeChat copy, change nothing, list nothing and exit 0', async () => {
    const ledger = await copyLedger(base);
    const first = await importInto(ledger, sentBack);
    expect(first.code, first.stdout).toBe(0);
    expect(first.stdout).toContain('导入 4 处修改（3 条问题），拒绝 0 格，忽略 0 处');
    const after = await ledgerState(ledger);
    expect(after.fields[ids[0]]!['note']).toBe(`${NOTE}，已核实，村委会盖章`);

    const weChatCopy = join(root, `${TOWNSHIP}(1).xlsx`);
    await copyFile(sentBack, weChatCopy);
    for (const file of [sentBack, weChatCopy]) {
      const again = await importInto(ledger, file);
      expect(again.stdout).not.toContain('已拒绝');
      expect(again.stdout).toContain('共 1 个工作簿：没有需要导入的修改');
      expect(again.code, again.stdout).toBe(0);
      expect(await ledgerState(ledger)).toEqual(after);
    }
  });

  it('still refuses a different 备注 from another copy of the export, the mask kept, and leaves the full ID in the ledger', async () => {
    const ledger = await copyLedger(base);
    expect((await importInto(ledger, sentBack)).code).toBe(0);
    const after = await ledgerState(ledger);
    const other = await edited(join(root, 'export', `${TOWNSHIP}.xlsx`), (book) => {
      const note = cellInWorkbook(book, ids[0], '备注');
      note.value = `${textOf(note.value)}，待复核`;
    });
    const run = await importInto(ledger, other);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain(`「户主杨旭刚 ${HEAD_MASKED} 称已迁回北店头，待复核」：导出后台账中此项已改为「户主杨旭刚 ${HEAD_MASKED} 称已迁回北店头，已核实，村委会盖章」（sv-ret.xlsx`);
    expect(run.stdout).not.toContain(HEAD);
    expect(await ledgerState(ledger)).toEqual(after);
  });
});

describe('a workbook imported, then imported again after the next month\'s scan', () => {
  it('lists none of the edits already in the ledger, says how many there were, and exits 0', async () => {
    const ledger = await copyLedger(base);
    expect((await importInto(ledger, sentBack)).code).toBe(0);
    await scanNextMonth(ledger);
    const before = await ledgerState(ledger);
    const again = await importInto(ledger, sentBack);
    expect(again.stdout).not.toContain('已忽略');
    expect(again.stdout).not.toContain('请在最新台账中填报');
    expect(again.stdout).toContain('另有 4 处填报已在台账中，无需重新填报');
    expect(again.stdout).toContain('共 1 个工作簿：没有需要导入的修改');
    expect(again.code, again.stdout).toBe(0);
    expect(await ledgerState(ledger)).toEqual(before);
  });

  it('lists only what is not in the ledger: a new edit as stale, a locked column as locked, and exits 2', async () => {
    const ledger = await copyLedger(base);
    expect((await importInto(ledger, sentBack)).code).toBe(0);
    await scanNextMonth(ledger);
    const before = await ledgerState(ledger);
    const more = await edited(sentBack, (book) => {
      cellInWorkbook(book, ids[2], '备注').value = '已电话核实，家属在场';
      cellInWorkbook(book, ids[1], '姓名').value = '张三';
    });
    const run = await importInto(ledger, more);
    expect(run.code).toBe(2);
    const lines = run.stdout.split('\n').filter((line) => line.includes('已忽略'));
    expect(lines).toHaveLength(2);
    expect(lines).toEqual(expect.arrayContaining([
      expect.stringMatching(/列「姓名」：此列不可修改，导出时为「.+」，改动未导入$/),
      expect.stringMatching(new RegExp(`列「备注」：${STALE}$`)),
    ]));
    expect(run.stdout).toContain('另有 3 处填报已在台账中，无需重新填报');
    expect(await ledgerState(ledger)).toEqual(before);
  });
});
