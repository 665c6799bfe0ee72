// Staff's edits the ledger already holds are counted and named in the import's report (另有 N 处填报已在台账中), in the
// workbook's own month as in an older month's: the same filled-in workbook imported twice, a copy of it with one more
// edit, a value typed with `ledger set` too. Until 2026-12-07 only an older month's workbook counted them: the same
// month's workbook imported again said nothing of them, staff could not tell their edits were in.
import { join } from 'node:path';
import type * as ExcelTypes from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { cellInWorkbook, copyLedger, editWorkbook, queryLedger, SAMPLE_CONFIG, SAMPLE_INPUT, SAMPLE_PERIOD, staffFields } from '../support/ledger-fixture.ts';
import { runCli } from '../support/run-cli.ts';
import { tempFolder } from '../support/temp-folder.ts';
import { textOf } from '../support/workbook-text.ts';

const TOWNSHIP = '店头镇';
const HEAD = '371329197806308158';
const NOTE = `户主杨旭刚 ${HEAD} 称已迁回北店头`;
const held = (n: number) => `另有 ${n} 处填报已在台账中，无需重新填报`;

const root = await tempFolder();
let base: string;
let ids: [string, string, string, string];
/** 店头镇's workbook filled in: two statuses, two 备注, the first one's 备注 adding to one quoting a masked ID (5 cells). */
let filled: string;

async function cli(args: string[]) {
  const run = await runCli(args);
  expect(run.code, run.stdout + run.stderr).toBe(0);
  return run;
}

let copies = 0;
function edited(source: string, edit: (book: ExcelTypes.Workbook) => void): Promise<string> {
  return editWorkbook(source, join(root, `${++copies}-${TOWNSHIP}.xlsx`), edit);
}

function importInto(ledger: string, file: string) {
  return runCli(['ledger', 'import', file, '--ledger', ledger, '--by', '王干事']);
}

async function ledgerState(ledger: string) {
  const changes = await queryLedger(ledger, `SELECT change_id, finding_id, field, to_value FROM ledger.changes ORDER BY change_id`);
  return { fields: await staffFields(ledger), changes };
}

beforeAll(async () => {
  base = join(root, 'ledger.duckdb');
  await cli(['scan', '--input', SAMPLE_INPUT, '--config', SAMPLE_CONFIG, '--period', SAMPLE_PERIOD, '--ledger', base, '--out', join(root, 'out'), '--quiet']);
  const rows = await queryLedger(base, `SELECT finding_id FROM ledger.findings WHERE township = '${TOWNSHIP}' AND severity <> 'info'
    ORDER BY finding_id LIMIT 4`);
  ids = rows.map((row) => String(row['finding_id'])) as typeof ids;
  await cli(['ledger', 'set', ids[0], '--ledger', base, '--note', NOTE, '--by', '测试员']);
  await cli(['ledger', 'export', '--ledger', base, '--period', SAMPLE_PERIOD, '--out', join(root, 'export')]);
  filled = await edited(join(root, 'export', `${TOWNSHIP}.xlsx`), (book) => {
    const note = cellInWorkbook(book, ids[0], '备注');
    note.value = `${textOf(note.value)}，已入户核实`;
    cellInWorkbook(book, ids[0], '整改状态').value = '核实中';
    cellInWorkbook(book, ids[1], '整改状态').value = '核实中';
    cellInWorkbook(book, ids[1], '备注').value = '已电话核实';
    cellInWorkbook(book, ids[2], '整改措施').value = '入户核查';
  });
}, 180_000);

describe('the same filled-in workbook imported twice in its own month', () => {
  it('first takes the five edits and counts none as held; the second time counts all five, changes nothing and exits 0', async () => {
    const ledger = await copyLedger(base);
    const first = await importInto(ledger, filled);
    expect(first.code, first.stdout).toBe(0);
    expect(first.stdout).toContain('导入 5 处修改（3 条问题），拒绝 0 格，忽略 0 处');
    expect(first.stdout).not.toContain('已在台账中');
    const after = await ledgerState(ledger);

    const again = await importInto(ledger, filled);
    expect(again.code, again.stdout).toBe(0);
    expect(again.stdout).toContain(held(5));
    expect(again.stdout).toContain('共 1 个工作簿：没有需要导入的修改');
    expect(again.stdout).not.toMatch(/已拒绝|已忽略|已导入/);
    expect(again.stdout).not.toContain(HEAD);
    expect(await ledgerState(ledger)).toEqual(after);
  });

  it('a copy with one edit more takes that edit and counts the five held', async () => {
    const ledger = await copyLedger(base);
    expect((await importInto(ledger, filled)).code).toBe(0);
    const more = await edited(filled, (book) => {
      cellInWorkbook(book, ids[3], '备注').value = '村委会已上报';
    });
    const run = await importInto(ledger, more);
    expect(run.code, run.stdout).toBe(0);
    expect(run.stdout).toContain('导入 1 处修改（1 条问题），拒绝 0 格，忽略 0 处');
    expect(run.stdout).toContain(held(5));
    expect((await staffFields(ledger))[ids[3]]!['note']).toBe('村委会已上报');
  });

  it('a copy where one held cell\'s field has since been changed again refuses that cell and counts only the other four', async () => {
    const ledger = await copyLedger(base);
    expect((await importInto(ledger, filled)).code).toBe(0);
    await cli(['ledger', 'set', ids[1], '--ledger', ledger, '--note', '已电话核实，复核无误', '--by', '李站长']);
    const run = await importInto(ledger, filled);
    expect(run.code, run.stdout).toBe(2);
    expect(run.stdout).toContain('拒绝 1 格');
    expect(run.stdout).toContain(held(4));
  });
});

describe('a value already typed with ledger set', () => {
  it('is counted as held on the first import, the other edits taken', async () => {
    const ledger = await copyLedger(base);
    await cli(['ledger', 'set', ids[2], '--ledger', ledger, '--remedy', '入户核查', '--by', '测试员']);
    const run = await importInto(ledger, filled);
    expect(run.code, run.stdout).toBe(0);
    expect(run.stdout).toContain('导入 4 处修改（2 条问题），拒绝 0 格，忽略 0 处');
    expect(run.stdout).toContain(held(1));
  });
});
