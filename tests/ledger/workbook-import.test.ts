// `ledger import`: staff edits in an exported workbook land in the ledger with an audit record; importing twice
// changes nothing; tampered, foreign, outdated or conflicting cells are reported one by one and change nothing.
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { format } from 'date-fns';
import type * as ExcelTypes from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../scanner/errors.ts';
import { exportLedgerWorkbooks } from '../../scanner/export/ledger-workbook/export-ledger-workbooks.ts';
import { readSnapshotSheet } from '../../scanner/export/ledger-workbook/snapshot-sheet.ts';
import { editsNotApplied, formatImportReport, importLedgerWorkbooks, type ImportReport } from '../../scanner/ledger/import/import-ledger-workbooks.ts';
import { setFinding } from '../../scanner/ledger/set-finding.ts';
import { readStaffValues, writeStaffValues } from '../../scanner/ledger/staff-edits.ts';
import { withLedger } from '../../scanner/ledger/with-ledger.ts';
import ExcelJS from '../../scanner/read/exceljs.ts';
import {
  cellOf, columnOf, copyLedger, dataRows, editWorkbook, queryLedger, readWorkbook, SAMPLE_AS_OF, SAMPLE_PERIOD, scanInto, scanSampleLedger, staffFields,
} from '../support/ledger-fixture.ts';
import { tempFolder } from '../support/temp-folder.ts';

const root = await tempFolder();
const IMPORTED_AT = new Date('2026-11-20T08:00:00Z');
let base: string;
/** 店头镇.xlsx and 未关联乡镇.xlsx as exported from `base`. */
let township: string;
let orphans: string;
/** Finding ids of the first village sheet's rows, in order, and the sheet's name. */
let sheetName: string;
let ids: string[];
/** A row (anywhere in the workbook) with an overpayment. */
let paid: { sheet: string; id: string; row: number };

beforeAll(async () => {
  base = await scanSampleLedger(root);
  const result = await withLedger(base, (connection) =>
    exportLedgerWorkbooks(connection, { period: SAMPLE_PERIOD, outDir: join(root, 'export'), split: 'township', unmask: false, asOf: SAMPLE_AS_OF }));
  [township, orphans] = result.files as [string, string];
  const workbook = await readWorkbook(township);
  const sheets = workbook.worksheets.filter((sheet) => !['汇总', '_rollsweep'].includes(sheet.name));
  sheetName = sheets[0]!.name;
  ids = dataRows(sheets[0]!).map(({ values }) => String(values['问题编号']));
  // A finding with money that the cases do not also edit as one of the first sheet's first rows.
  const editedRows = new Set(ids.slice(0, 4));
  const withMoney = sheets.flatMap((sheet) => dataRows(sheet).map((row) => ({ sheet: sheet.name, ...row })))
    .find((row) => typeof row.values['多发金额(元)'] === 'number' && !editedRows.has(String(row.values['问题编号'])))!;
  paid = { sheet: withMoney.sheet, id: String(withMoney.values['问题编号']), row: withMoney.row };
});

let edits = 0;
/** Saves a copy of the exported township workbook with `edit` applied to it. */
function edited(edit: (workbook: ExcelTypes.Workbook) => void, source = township): Promise<string> {
  return editWorkbook(source, join(root, `${++edits}-店头镇.xlsx`), edit);
}

function sheetOf(workbook: ExcelTypes.Workbook, name = sheetName): ExcelTypes.Worksheet {
  return workbook.getWorksheet(name)!;
}

function rowOf(id: string): number {
  return 3 + ids.indexOf(id);
}

function importInto(ledger: string, files: string[]): Promise<ImportReport> {
  return withLedger(ledger, (connection) => importLedgerWorkbooks(connection, files, { by: '王干事', at: IMPORTED_AT }));
}

async function workbookChanges(ledger: string): Promise<Record<string, unknown>[]> {
  return queryLedger(ledger, `SELECT finding_id, field, from_value, to_value, source, changed_at::VARCHAR AS changed_at
    FROM ledger.changes WHERE source_kind = 'workbook' ORDER BY change_id`);
}

/** Which staff fields changed between two `staffFields` pictures, as "id.field". */
function differences(before: Record<string, Record<string, unknown>>, after: Record<string, Record<string, unknown>>): string[] {
  return Object.keys(after).flatMap((id) => Object.keys(after[id]!).filter((field) => after[id]![field] !== before[id]?.[field]).map((field) => `${id}.${field}`)).sort();
}

describe('applying staff edits', () => {
  let ledger: string;
  let workbook: string;
  let first: ImportReport;
  /** The 整改措施 the scan gave the first row's finding: its check's remedy. */
  let defaultRemedy: unknown;

  beforeAll(async () => {
    ledger = await copyLedger(base);
    [{ remedy: defaultRemedy }] = await queryLedger(base, `SELECT remedy FROM ledger.findings WHERE finding_id = '${ids[0]}'`) as [{ remedy: unknown }];
    workbook = await edited((book) => {
      const sheet = sheetOf(book);
      cellOf(sheet, ids[0]!, '整改状态').value = '已整改';
      cellOf(sheet, ids[0]!, '整改措施').value = '已停发并收回多发资金';
      cellOf(sheet, ids[1]!, '整改时限').value = new Date(Date.UTC(2027, 0, 15));
      cellOf(sheet, ids[1]!, '责任人').value = '李四';
      cellOf(sheet, ids[2]!, '整改状态').value = '误报';
      cellOf(sheet, ids[2]!, '备注').value = '经入户核实为同名不同人';
      const paidSheet = sheetOf(book, paid.sheet);
      cellOf(paidSheet, paid.id, '整改状态').value = '已追回';
      cellOf(paidSheet, paid.id, '已追回金额(元)').value = 120.5;
    });
    first = await importInto(ledger, [workbook]);
  });

  it('applies every edited staff cell and reports where each came from', () => {
    const file = first.files[0]!;
    expect([file.file, file.period, file.rejected, file.ignored]).toEqual([workbook.split('/').pop(), SAMPLE_PERIOD, [], []]);
    expect(file.applied.map((change) => [change.findingId, change.field, change.from, change.to, change.sheet, change.row]).sort()).toEqual([
      [ids[0], 'remedy', defaultRemedy, '已停发并收回多发资金', sheetName, rowOf(ids[0]!)],
      [ids[0], 'status', '待核实', '已整改', sheetName, rowOf(ids[0]!)],
      [ids[1], 'deadline', expect.stringMatching(/^2026-1\d-\d\d$/), '2027-01-15', sheetName, rowOf(ids[1]!)],
      [ids[1], 'responsible', null, '李四', sheetName, rowOf(ids[1]!)],
      [ids[2], 'note', null, '经入户核实为同名不同人', sheetName, rowOf(ids[2]!)],
      [ids[2], 'status', '待核实', '误报', sheetName, rowOf(ids[2]!)],
      [paid.id, 'recovered', null, '120.50', paid.sheet, paid.row],
      [paid.id, 'status', '待核实', '已追回', paid.sheet, paid.row],
    ].sort());
    expect(defaultRemedy).toEqual(expect.stringMatching(/.{4}/));
    expect(first.totals).toEqual({ applied: 8, findingsChanged: 4, rejected: 0, ignored: 0 });
    const text = formatImportReport(first);
    expect(text).toContain(`工作表「${sheetName}」 第 ${rowOf(ids[0]!)} 行 列「整改状态」：待核实 → 已整改（${ids[0]}）`);
    expect(text).toContain('导入 8 处修改（4 条问题），拒绝 0 格，忽略 0 处');
  });

  it('stores the values in ledger.findings', async () => {
    const fields = await staffFields(ledger);
    expect(fields[ids[0]!]).toMatchObject({ status: '已整改', remedy: '已停发并收回多发资金' });
    expect(fields[ids[1]!]).toMatchObject({ status: '待核实', deadline: '2027-01-15', responsible: '李四' });
    expect(fields[ids[2]!]).toMatchObject({ status: '误报', note: '经入户核实为同名不同人' });
    expect(fields[paid.id]).toMatchObject({ status: '已追回', recovered_cents: 12050 });
    expect(differences(await staffFields(base), fields)).toHaveLength(8);
  });

  it('writes one audit row per change, naming the workbook, sheet and row', async () => {
    const changes = await workbookChanges(ledger);
    expect(changes).toHaveLength(8);
    const status = changes.find((change) => change['finding_id'] === ids[0] && change['field'] === 'status')!;
    expect(status).toMatchObject({
      from_value: '待核实', to_value: '已整改', changed_at: '2026-11-20 08:00:00',
      source: `${workbook.split('/').pop()} 工作表「${sheetName}」第 ${rowOf(ids[0]!)} 行（王干事）`,
    });
    expect(changes.find((change) => change['finding_id'] === paid.id && change['field'] === 'recovered')).toMatchObject({ from_value: null, to_value: '120.50' });
  });

  it('changes nothing when the same file is imported again', async () => {
    const before = { fields: await staffFields(ledger), changes: await workbookChanges(ledger) };
    const again = await importInto(ledger, [workbook]);
    expect(again.totals).toEqual({ applied: 0, findingsChanged: 0, rejected: 0, ignored: 0 });
    expect(formatImportReport(again)).toContain('没有需要导入的修改');
    expect(await staffFields(ledger)).toEqual(before.fields);
    expect(await workbookChanges(ledger)).toEqual(before.changes);
  });
});

describe('reading cells as Excel and WPS leave them', () => {
  it('takes rich text, formula results, dates typed as text and amounts with separators', async () => {
    const ledger = await copyLedger(base);
    const workbook = await edited((book) => {
      const sheet = sheetOf(book);
      cellOf(sheet, ids[0]!, '整改状态').value = { richText: [{ text: '已' }, { font: { bold: true }, text: '整改' }] };
      cellOf(sheet, ids[0]!, '整改措施').value = { formula: '"停发"&"低保"', result: '停发低保' } as ExcelTypes.CellFormulaValue;
      cellOf(sheet, ids[1]!, '整改时限').value = '2027/3/1';
      cellOf(sheet, ids[1]!, '责任人').value = { formula: 'B3' } as ExcelTypes.CellFormulaValue;
      const paidSheet = sheetOf(book, paid.sheet);
      cellOf(paidSheet, paid.id, '整改状态').value = '已追回';
      cellOf(paidSheet, paid.id, '已追回金额(元)').value = '1,234.50元';
      // Re-typed but unchanged: the same deadline as text is no edit.
      const deadline = cellOf(sheet, ids[2]!, '整改时限');
      deadline.value = (deadline.value as Date).toISOString().slice(0, 10).replace(/-/g, '/');
    });
    const report = await importInto(ledger, [workbook]);
    expect(report.files[0]!.rejected).toEqual([]);
    const fields = await staffFields(ledger);
    expect(fields[ids[0]!]).toMatchObject({ status: '已整改', remedy: '停发低保' });
    expect(fields[ids[1]!]).toMatchObject({ deadline: '2027-03-01', responsible: '=B3' });
    expect(fields[paid.id]).toMatchObject({ status: '已追回', recovered_cents: 123450 });
    expect(report.totals.applied).toBe(6);
  });
});

describe('digits typed with a Chinese input method, and dates pasted with a time', () => {
  it('reads full-width digits and punctuation in dates and amounts, and a date at midnight as the date', async () => {
    const ledger = await copyLedger(base);
    const workbook = await edited((book) => {
      const sheet = sheetOf(book);
      cellOf(sheet, ids[0]!, '整改时限').value = '２０２６年１２月３１日';
      cellOf(sheet, ids[1]!, '整改时限').value = '２０２７／１／１５';
      cellOf(sheet, ids[2]!, '整改时限').value = '2027-03-01 00:00:00';
      cellOf(sheet, ids[3]!, '整改时限').value = '2027/3/2 0:00';
      const paidSheet = sheetOf(book, paid.sheet);
      cellOf(paidSheet, paid.id, '整改状态').value = '已追回';
      cellOf(paidSheet, paid.id, '已追回金额(元)').value = '￥１，２００．５０';
    });
    const report = await importInto(ledger, [workbook]);
    expect(report.files[0]!.rejected).toEqual([]);
    const fields = await staffFields(ledger);
    expect([ids[0], ids[1], ids[2], ids[3]].map((id) => fields[id!]!['deadline'])).toEqual(['2026-12-31', '2027-01-15', '2027-03-01', '2027-03-02']);
    expect(fields[paid.id]).toMatchObject({ status: '已追回', recovered_cents: 120050 });
  });

  it('still refuses a deadline with a time of day, and a full-width negative amount', async () => {
    const ledger = await copyLedger(base);
    const workbook = await edited((book) => {
      cellOf(sheetOf(book), ids[0]!, '整改时限').value = '2027-03-01 14:30';
      cellOf(sheetOf(book, paid.sheet), paid.id, '已追回金额(元)').value = '－１２';
    });
    const before = await staffFields(ledger);
    const file = (await importInto(ledger, [workbook])).files[0]!;
    expect(file.rejected.map((cell) => [cell.column, cell.reason])).toEqual([
      ['整改时限', '「2027-03-01 14:30」带有时刻，整改时限只填日期（应如 2026-12-31）'],
      ['已追回金额(元)', expect.stringContaining('「－１２」不是金额')],
    ]);
    expect(differences(before, await staffFields(ledger))).toEqual([]);
  });
});

describe('tampered workbooks', () => {
  it('reports each refused or ignored cell and applies only the valid edits', async () => {
    const ledger = await copyLedger(base);
    const other = await readWorkbook(orphans);
    const otherSheet = other.worksheets.find((sheet) => !['汇总', '_rollsweep'].includes(sheet.name))!;
    const foreignId = String(dataRows(otherSheet)[0]!.values['问题编号']);
    const appended = 3 + ids.length;
    const workbook = await edited((book) => {
      const sheet = sheetOf(book);
      cellOf(sheet, ids[0]!, '整改状态').value = '完成了';
      cellOf(sheet, ids[1]!, '整改状态').value = '误报';
      cellOf(sheet, ids[1]!, '整改措施').value = '入户核实';
      cellOf(sheet, ids[2]!, '姓名').value = '张三';
      cellOf(sheet, ids[2]!, '责任人').value = '赵五';
      cellOf(sheet, ids[3]!, '整改状态').value = '已整改';
      cellOf(sheet, ids[3]!, '问题编号').value = 'RS0000000000000000';
      cellOf(sheetOf(book, paid.sheet), paid.id, '多发金额(元)').value = 1;
      // A row copied in from the other township's workbook, and a note typed below the table.
      otherSheet.getRow(3).eachCell((cell, column) => {
        sheet.getRow(appended).getCell(column).value = cell.value;
      });
      sheet.getRow(appended).getCell(columnOf(sheet, '整改状态')).value = '已整改';
      sheet.getRow(appended + 1).getCell(columnOf(sheet, '备注')).value = '以上情况已上报';
    });
    const before = await staffFields(ledger);
    const report = await importInto(ledger, [workbook]);
    const file = report.files[0]!;
    const at = (cell: { sheet: string; row: number; column: string }) => `${cell.sheet}!${cell.row}:${cell.column}`;

    expect(file.rejected.map((cell) => [at(cell), cell.value, cell.reason])).toEqual([
      [`${sheetName}!${rowOf(ids[0]!)}:整改状态`, '完成了', expect.stringContaining('「完成了」不在可选列表中')],
      [`${sheetName}!${rowOf(ids[1]!)}:整改状态`, '误报', '标为「误报」须在备注中写明理由'],
    ]);
    expect(Object.fromEntries(file.ignored.map((cell) => [at(cell), cell.reason]))).toEqual({
      [`${sheetName}!${rowOf(ids[2]!)}:姓名`]: expect.stringContaining('此列不可修改'),
      [`${sheetName}!${rowOf(ids[3]!)}:问题编号`]: '台账中没有问题编号 RS0000000000000000，此行未读取',
      [`${paid.sheet}!${paid.row}:多发金额(元)`]: expect.stringContaining('此列不可修改'),
      [`${sheetName}!${appended}:问题编号`]: `问题编号 ${foreignId} 不属于本工作簿，可能从其他台账复制，此行未读取`,
      [`${sheetName}!${appended + 1}:问题编号`]: '此行不是台账中的问题（没有问题编号，如签字、盖章、说明），未读取',
    });
    expect(file.ignored).toHaveLength(5);
    // The note under the table is no finding's: the other nine cells are what makes `ledger import` exit 2.
    expect(file.ignored.filter((cell) => cell.outsideTable).map(at)).toEqual([`${sheetName}!${appended + 1}:问题编号`]);
    expect(editsNotApplied(report)).toBe(2 + 4);
    expect(file.applied.map((change) => [change.findingId, change.field, change.to])).toEqual([
      [ids[1], 'remedy', '入户核实'], [ids[2], 'responsible', '赵五'],
    ]);
    expect(differences(before, await staffFields(ledger))).toEqual([`${ids[1]}.remedy`, `${ids[2]}.responsible`].sort());

    const text = formatImportReport(report);
    expect(text).toContain(`已拒绝 ${file.file} 工作表「${sheetName}」 第 ${rowOf(ids[0]!)} 行 列「整改状态」「完成了」：「完成了」不在可选列表中`);
    expect(text).toContain(`已忽略 ${file.file} 工作表「${sheetName}」 第 ${rowOf(ids[2]!)} 行 列「姓名」：此列不可修改`);
  });

  it('refuses a cleared 整改时限 of an open finding: it would never be 逾期 again', async () => {
    const ledger = await copyLedger(base);
    const workbook = await edited((book) => {
      cellOf(sheetOf(book), ids[0]!, '整改时限').value = null;
    });
    const before = await staffFields(ledger);
    const file = (await importInto(ledger, [workbook])).files[0]!;
    expect(file.rejected.map((cell) => [cell.column, cell.reason])).toEqual([['整改时限', '未办结的问题须有整改时限，不能清空']]);
    expect(differences(before, await staffFields(ledger))).toEqual([]);
  });

  it('does not overwrite a value changed in the ledger after the export', async () => {
    const ledger = await copyLedger(base);
    await withLedger(ledger, async (connection) => {
      for (const [id, change] of [[ids[0]!, { status: '核实中' }], [ids[1]!, { note: '已电话核实' }]] as const) {
        const before = (await readStaffValues(connection, id))!;
        await writeStaffValues(connection, id, before, { ...before, ...change }, { kind: 'command', source: 'ledger set（测试）', at: new Date() });
      }
    });
    const workbook = await edited((book) => {
      const sheet = sheetOf(book);
      cellOf(sheet, ids[0]!, '整改状态').value = '已整改';
      cellOf(sheet, ids[1]!, '备注').value = '已电话核实';
      cellOf(sheet, ids[2]!, '整改措施').value = '重新核定保障金';
    });
    const before = await staffFields(ledger);
    const report = await importInto(ledger, [workbook]);
    const file = report.files[0]!;
    expect(file.rejected).toEqual([
      { sheet: sheetName, row: rowOf(ids[0]!), column: '整改状态', value: '已整改', reason: expect.stringMatching(/^导出后台账中此项已改为「核实中」（ledger set（测试），\d{4}-\d\d-\d\d \d\d:\d\d），未覆盖$/) },
    ]);
    expect(file.applied.map((change) => [change.findingId, change.field])).toEqual([[ids[2], 'remedy']]);
    expect(differences(before, await staffFields(ledger))).toEqual([`${ids[2]}.remedy`]);
  });

  it('ignores every edited cell of a workbook older than the ledger\'s latest month, a locked one as locked', async () => {
    const ledger = await copyLedger(base);
    await scanInto(ledger, '2026-11', '2026-12-05');
    const workbook = await edited((book) => {
      const sheet = sheetOf(book);
      cellOf(sheet, ids[0]!, '整改状态').value = '已整改';
      cellOf(sheet, ids[1]!, '姓名').value = '张三';
    });
    const before = { fields: await staffFields(ledger), changes: await workbookChanges(ledger) };
    const report = await importInto(ledger, [workbook]);
    const reason = '工作簿为 2026-10 的台账，台账最新月份为 2026-11，请在最新台账中填报';
    expect(report.files[0]!.ignored).toEqual([
      { sheet: sheetName, row: rowOf(ids[0]!), column: '整改状态', reason },
      // A locked column is said to be locked, whatever month its workbook is of.
      { sheet: sheetName, row: rowOf(ids[1]!), column: '姓名', reason: expect.stringMatching(/^此列不可修改，导出时为「.+」，改动未导入$/) },
    ]);
    expect(report.totals.applied).toBe(0);
    expect(await staffFields(ledger)).toEqual(before.fields);
    expect(await workbookChanges(ledger)).toEqual(before.changes);
  });
});

describe('cells changed in the ledger after the export', () => {
  /** 误报 with its reason and a 责任人 for ids[0]: what a village sends back. */
  const marksFalsePositive = (book: ExcelTypes.Workbook) => {
    const sheet = sheetOf(book);
    cellOf(sheet, ids[0]!, '整改状态').value = '误报';
    cellOf(sheet, ids[0]!, '备注').value = '车已卖';
    cellOf(sheet, ids[0]!, '责任人').value = '李四';
  };
  const reasonFor = (value: string, source: string, at: Date) => `导出后台账中此项已改为「${value}」（${source}，${format(at, 'yyyy-MM-dd HH:mm')}），未覆盖`;

  it('does not take the same file again over a decision put back with ledger set, and names who and when', async () => {
    const ledger = await copyLedger(base);
    const workbook = await edited(marksFalsePositive);
    expect((await importInto(ledger, [workbook])).totals).toEqual({ applied: 3, findingsChanged: 1, rejected: 0, ignored: 0 });
    // The supervisor rejects the 误报: the exported values are back, so comparing values cannot see the decision.
    // Its clock reads a day before the export: the audit record's order decides, not the time.
    const setAt = new Date(Date.now() - 86_400_000);
    await withLedger(ledger, (connection) => setFinding(connection, ids[0]!, { status: '待核实', note: '' }, '张主任', setAt));
    const before = { fields: await staffFields(ledger), changes: await workbookChanges(ledger) };

    const again = await importInto(ledger, [workbook]);
    expect(again.files[0]!.rejected).toEqual([
      { sheet: sheetName, row: rowOf(ids[0]!), column: '整改状态', value: '误报', reason: reasonFor('待核实', 'ledger set（张主任）', setAt) },
      { sheet: sheetName, row: rowOf(ids[0]!), column: '备注', value: '车已卖', reason: reasonFor('（空）', 'ledger set（张主任）', setAt) },
    ]);
    expect(again.totals).toMatchObject({ applied: 0, rejected: 2 });
    expect(await staffFields(ledger)).toEqual(before.fields);
    expect(await workbookChanges(ledger)).toEqual(before.changes);
  });

  it('does not take a second copy of the same export over the first one\'s edit, and names the first', async () => {
    const ledger = await copyLedger(base);
    const first = await edited((book) => {
      cellOf(sheetOf(book), ids[1]!, '整改状态').value = '核实中';
    });
    const second = await edited((book) => {
      cellOf(sheetOf(book), ids[1]!, '整改状态').value = '已整改';
      cellOf(sheetOf(book), ids[1]!, '整改措施').value = '重新核定保障金';
    });
    const report = await importInto(ledger, [first, second]);
    expect(report.files[0]!.applied.map((change) => [change.findingId, change.field, change.to])).toEqual([[ids[1], 'status', '核实中']]);
    expect(report.files[1]!.applied.map((change) => [change.findingId, change.field, change.to])).toEqual([[ids[1], 'remedy', '重新核定保障金']]);
    expect(report.files[1]!.rejected).toEqual([{
      sheet: sheetName, row: rowOf(ids[1]!), column: '整改状态', value: '已整改',
      reason: reasonFor('核实中', `${first.split('/').pop()} 工作表「${sheetName}」第 ${rowOf(ids[1]!)} 行（王干事）`, IMPORTED_AT),
    }]);
    expect((await staffFields(ledger))[ids[1]!]).toMatchObject({ status: '核实中', remedy: '重新核定保障金' });
  });

  it('goes by the export time in a workbook exported before the export noted its last audit record', async () => {
    const ledger = await copyLedger(base);
    const workbook = await edited((book) => {
      marksFalsePositive(book);
      // A workbook written by rollsweep before 2026-12-02: no changesThrough line in _rollsweep.
      const snapshot = book.getWorksheet('_rollsweep')!;
      snapshot.eachRow((row) => {
        if (row.getCell(1).value === 'changesThrough') row.values = [];
      });
    });
    const snapshot = readSnapshotSheet(await readWorkbook(workbook));
    expect('problem' in snapshot ? snapshot.problem : snapshot.changesThrough).toBeNull();
    expect((await importInto(ledger, [workbook])).totals.applied).toBe(3);
    await withLedger(ledger, (connection) => setFinding(connection, ids[0]!, { status: '待核实', note: '' }, '张主任'));
    const again = await importInto(ledger, [workbook]);
    expect(again.files[0]!.rejected.map((cell) => [cell.column, cell.reason])).toEqual([
      ['整改状态', expect.stringContaining('（ledger set（张主任），')], ['备注', expect.stringContaining('（ledger set（张主任），')],
    ]);
    expect((await staffFields(ledger))[ids[0]!]).toMatchObject({ status: '待核实', note: null });
  });

  it('still takes each village workbook of one export, once', async () => {
    const ledger = await copyLedger(base);
    const exported = await withLedger(ledger, (connection) =>
      exportLedgerWorkbooks(connection, { period: SAMPLE_PERIOD, outDir: join(root, 'by-village'), split: 'village', unmask: false, asOf: SAMPLE_AS_OF }));
    const [east, west] = exported.files as [string, string];
    const firstIdOf = async (file: string) => {
      const sheet = (await readWorkbook(file)).worksheets.find((one) => !['汇总', '_rollsweep'].includes(one.name))!;
      return { sheet: sheet.name, id: String(dataRows(sheet)[0]!.values['问题编号']) };
    };
    const villages = [await firstIdOf(east), await firstIdOf(west)];
    const files = await Promise.all([east, west].map((file, i) => editWorkbook(file, join(root, `village-${i}.xlsx`), (book) => {
      cellOf(book.getWorksheet(villages[i]!.sheet)!, villages[i]!.id, '整改状态').value = '核实中';
    })));
    // A change to another finding after the export blocks nothing in these rows.
    await withLedger(ledger, (connection) => setFinding(connection, ids[3]!, { status: '核实中' }, '张主任'));
    const report = await importInto(ledger, files);
    expect(report.totals).toEqual({ applied: 2, findingsChanged: 2, rejected: 0, ignored: 0 });
    const again = await importInto(ledger, files);
    expect(again.totals).toEqual({ applied: 0, findingsChanged: 0, rejected: 0, ignored: 0 });
    const fields = await staffFields(ledger);
    expect(villages.map((village) => fields[village.id]!['status'])).toEqual(['核实中', '核实中']);
  });
});

describe('files that are not ledger workbooks', () => {
  it('stops with a usage error naming the file, and applies nothing from the other files', async () => {
    const ledger = await copyLedger(base);
    const good = await edited((book) => {
      cellOf(sheetOf(book), ids[0]!, '整改状态').value = '已整改';
    });
    const plain = new ExcelJS.Workbook();
    plain.addWorksheet('花名册').addRow(['姓名', '身份证号']);
    const foreign = join(root, '其他表格.xlsx');
    await plain.xlsx.writeFile(foreign);
    const junk = join(root, '损坏.xlsx');
    await writeFile(junk, 'not a workbook');
    const before = await staffFields(ledger);

    for (const [bad, message] of [[foreign, /其他表格\.xlsx.*_rollsweep/], [junk, /损坏\.xlsx/], [join(root, '不存在.xlsx'), /不存在\.xlsx/]] as const) {
      const attempt = importInto(ledger, [good, bad]);
      await expect(attempt).rejects.toThrow(UsageError);
      await expect(attempt).rejects.toThrow(message);
    }
    expect(await staffFields(ledger)).toEqual(before);
  });
});

/** A workbook's zip with xl/workbook.xml's date1904 attribute set to `value`, as Mac Excel may write it. */
async function withDate1904Attribute(file: string, value: string): Promise<void> {
  // jszip is exceljs's own dependency (it zips and unzips workbooks with it): resolved from there.
  const JSZip = createRequire(createRequire(import.meta.url).resolve('exceljs'))('jszip') as typeof import('jszip');
  const zip = await JSZip.loadAsync(await readFile(file));
  const xml = await zip.file('xl/workbook.xml')!.async('string');
  const rewritten = xml.replace(/<workbookPr\b[^>]*?\bdate1904="[^"]*"/, (tag) => tag.replace(/date1904="[^"]*"/, `date1904="${value}"`));
  expect(rewritten).toContain(`date1904="${value}"`);
  zip.file('xl/workbook.xml', rewritten);
  await writeFile(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

/** Days since 1904-01-01: the serial number of a date in a workbook on the 1904 date system. */
const serial1904 = (date: string) => (Date.parse(`${date}T00:00:00Z`) - Date.UTC(1904, 0, 1)) / 86_400_000;

// Mac Excel can keep a workbook on the 1904 date system: every date cell is then a day number counted from 1904-01-01.
// exceljs reads date1904="1" but takes "true" (as valid) for false; a deadline that lost its date format is a bare day
// number, which the import read on the 1900 base either way. Until 2026-12-05 such a workbook sent back unchanged set
// every 整改时限 4 years and a day early ("true"), and a day number typed as a deadline landed 4 years early ("1").
describe('a workbook saved on the 1904 date system', () => {
  it.each(['1', 'true'])('reads 整改时限 on its own base (date1904="%s"): unchanged dates are no edits, typed ones land on their day', async (attribute) => {
    const ledger = await copyLedger(base);
    const workbook = await edited((book) => {
      // exceljs then writes every date cell as a day number from 1904-01-01, as a 1904 workbook holds them.
      book.properties.date1904 = true;
      const sheet = sheetOf(book);
      cellOf(sheet, ids[0]!, '整改时限').value = new Date(Date.UTC(2027, 0, 15));
      // A deadline cell whose date format was lost (pasted as a value): Excel's bare day number.
      const bare = cellOf(sheet, ids[1]!, '整改时限');
      bare.style = { ...bare.style, numFmt: 'General' };
      bare.value = serial1904('2027-02-01');
    });
    await withDate1904Attribute(workbook, attribute);
    expect((await readWorkbook(workbook)).properties.date1904).toBe(attribute === '1');
    const before = await staffFields(ledger);
    const report = await importInto(ledger, [workbook]);
    expect(report.files[0]!.rejected).toEqual([]);
    expect(report.files[0]!.applied.map((change) => [change.findingId, change.field, change.to])).toEqual([
      [ids[0], 'deadline', '2027-01-15'], [ids[1], 'deadline', '2027-02-01'],
    ]);
    expect(differences(before, await staffFields(ledger))).toEqual([`${ids[0]}.deadline`, `${ids[1]}.deadline`].sort());
  });

  it('still reads a bare day number on the 1900 base in an ordinary workbook', async () => {
    const ledger = await copyLedger(base);
    const workbook = await edited((book) => {
      const bare = cellOf(sheetOf(book), ids[1]!, '整改时限');
      bare.style = { ...bare.style, numFmt: 'General' };
      bare.value = serial1904('2027-02-01') + 1462;
    });
    const report = await importInto(ledger, [workbook]);
    expect(report.files[0]!.applied.map((change) => [change.findingId, change.field, change.to])).toEqual([[ids[1], 'deadline', '2027-02-01']]);
  });
});
