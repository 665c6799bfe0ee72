// A month's 自动销号 that staff reopen by hand stays in that month's workbooks, 汇总 and report, as open work; and the
// 汇总 sheet's money agrees with the report's, money recovered on a finding closed before the month included. Real CLI,
// real DuckDB, the demo township scanned as October and as November (two deceased taken off the roll).
import { copyFile, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type * as ExcelTypes from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { cellOf, dataRows, demoWithout, editWorkbook, readWorkbook, SAMPLE_CONFIG, SAMPLE_INPUT } from '../support/ledger-fixture.ts';
import { ledgerMonths } from '../support/ledger-months.ts';
import { runCli } from '../support/run-cli.ts';
import { tempFolder } from '../support/temp-folder.ts';

/** Two deceased recipients of the demo (新圩子村): 孟莲菊's 3,120.00 recovered in October, 陈志福's 500.00 of 3,060.00. */
const RECOVERED = { id: 'RS9E9B053BDEB3784E', idNumber: '371329193809257124' };
const REOPENED = { id: 'RS68873936CA7E1E04', idNumber: '371329197310083573' };
const NOTE = '家属称仍在领取，需入户核实';

const root = await tempFolder('rollsweep-reopened-auto-close-');
const months = ledgerMonths(root, 'reopened');
const out: Record<string, string> = {};

/** Every workbook of a folder: its 汇总 sheet's lines (村(社区) → header → value) and its village sheets. */
async function workbooksIn(folder: string): Promise<{ township: string; summary: Record<string, Record<string, ExcelTypes.CellValue>>; note: string; book: ExcelTypes.Workbook }[]> {
  const files = (await readdir(folder)).filter((file) => file.endsWith('.xlsx')).sort();
  expect(files.length).toBeGreaterThan(0);
  return Promise.all(files.map(async (file) => {
    const book = await readWorkbook(join(folder, file));
    const sheet = book.getWorksheet('汇总')!;
    const headerCells = sheet.getRow(2).values as ExcelTypes.CellValue[];
    const headers = Array.from({ length: headerCells.length }, (_, i) => String(headerCells[i]));
    const summary: Record<string, Record<string, ExcelTypes.CellValue>> = {};
    let note = '';
    sheet.eachRow((row, n) => {
      const values = row.values as ExcelTypes.CellValue[];
      if (n > 2 && String(values[1]).startsWith('注：')) note = String(values[1]);
      else if (n > 2) summary[String(values[1])] = Object.fromEntries(headers.map((header, i) => [header, values[i]]));
    });
    return { township: file.replace(/\.xlsx$/, ''), summary, note, book };
  }));
}

/** The 合计 lines of all the month's workbooks added up, in cents for the money. */
function totalsOf(books: Awaited<ReturnType<typeof workbooksIn>>): { findings: number; open: number; autoClosed: number; overpaid: number; recovered: number } {
  const total = (header: string, cents = false) => books.reduce((sum, { summary }) =>
    sum + (cents ? Math.round(Number(summary['合计']![header]) * 100) : Number(summary['合计']![header])), 0);
  return { findings: total('合计'), open: total('未办结'), autoClosed: total('自动销号'), overpaid: total('多发金额(元)', true), recovered: total('已追回金额(元)', true) };
}

/** The headline cards, by data-testid. */
function cards(page: string): Record<string, string> {
  return Object.fromEntries([...page.matchAll(/<div class="value" data-testid="([^"]+)">([^<]*)<\/div>/g)].map((m) => [m[1], m[2]]));
}

const cents = (card: string | undefined) => Math.round(Number(String(card).replace(/,/g, '')) * 100);

beforeAll(async () => {
  // The demo's config, found beside the input folders as it is for sample-data/demo-township.
  await copyFile(SAMPLE_CONFIG, join(root, 'rollsweep.config.json'));
  await months.scan(SAMPLE_INPUT, '2026-10', '2026-11-05');
  out['october'] = join(months.lastScanOut(), 'ledger');
  await months.cli(['ledger', 'import', await editWorkbook(join(out['october'], '店头镇.xlsx'), join(root, '十月-已填.xlsx'), (workbook) => {
    const sheet = workbook.getWorksheet('新圩子村')!;
    cellOf(sheet, RECOVERED.id, '整改状态').value = '已追回';
    cellOf(sheet, RECOVERED.id, '已追回金额(元)').value = 3120;
    cellOf(sheet, REOPENED.id, '整改状态').value = '核实中';
    cellOf(sheet, REOPENED.id, '已追回金额(元)').value = 500;
  }), '--by', '张主任']);
  // November: both off the roll. 孟莲菊's finding (已追回) is no longer in the month; 陈志福's is 自动销号.
  await months.scan(await demoWithout(join(root, 'november'), [RECOVERED.idNumber, REOPENED.idNumber]), '2026-11', '2026-12-05');
  out['november-scan'] = join(months.lastScanOut(), 'ledger');
  // Staff find 陈志福's family still drawing his benefit: 自动销号 → 核实中, through the month's workbook.
  const returned = await editWorkbook(join(out['november-scan'], '店头镇.xlsx'), join(root, '十一月-已填.xlsx'), (workbook) => {
    const sheet = workbook.getWorksheet('新圩子村')!;
    expect(cellOf(sheet, REOPENED.id, '整改状态').value).toBe('自动销号');
    cellOf(sheet, REOPENED.id, '整改状态').value = '核实中';
    cellOf(sheet, REOPENED.id, '备注').value = NOTE;
  });
  const imported = await months.cli(['ledger', 'import', returned, '--by', '张主任']);
  expect(imported.stdout).toContain('自动销号');
  out['november-export'] = join(root, 'november-export');
  await months.cli(['ledger', 'export', '--period', '2026-11', '--out', out['november-export']]);
  await months.cli(['report', '--period', '2026-11', '--out', join(root, 'november-report')]);
  out['november-report'] = await readFile(join(root, 'november-report', 'report-2026-11.html'), 'utf8');
}, 600_000);

describe('a 自动销号 staff reopened by hand', () => {
  it('stays in the month\'s workbook, open, with staff\'s note', async () => {
    const [township] = (await workbooksIn(out['november-export']!)).filter(({ book }) => book.getWorksheet('新圩子村'));
    const row = dataRows(township!.book.getWorksheet('新圩子村')!).find((one) => one.values['问题编号'] === REOPENED.id);
    // Was: not in the workbook at all, once its closed_run_id was cleared by the reopening.
    expect(row?.values).toMatchObject({ 整改状态: '核实中', 备注: NOTE, 跟踪情况: '自动销号', '已追回金额(元)': 500 });
    expect(township!.summary['新圩子村']).toMatchObject({ 合计: 12, 未办结: 12, 自动销号: 0 });
  });

  it('is counted as open in the 汇总 and the report, which agree', async () => {
    const scanned = totalsOf(await workbooksIn(out['november-scan']!));
    const exported = totalsOf(await workbooksIn(out['november-export']!));
    // The same findings as the scan's own workbooks, one of them moved from 自动销号 to 未办结.
    expect(exported).toEqual({ ...scanned, open: scanned.open + 1, autoClosed: scanned.autoClosed - 1 });
    const page = cards(out['november-report']!);
    expect(page).toMatchObject({ 'total-findings': String(exported.findings), open: String(exported.open), 'auto-closed': String(exported.autoClosed) });
    // What the month's scan did stays what it did: it closed the finding.
    expect(page['auto-closed-this-period']).toBe(String(exported.autoClosed + 1));
    expect(out['november-report']).toContain(NOTE);
  });

  it('leaves an older month\'s workbook stale for it: staff fill in the latest', async () => {
    const late = await editWorkbook(join(out['october']!, '店头镇.xlsx'), join(root, '十月-迟交.xlsx'), (workbook) => {
      cellOf(workbook.getWorksheet('新圩子村')!, REOPENED.id, '责任人').value = '十月台账迟交的责任人';
    });
    // Exit 2: the edit is not imported, and the report says why.
    const imported = await runCli(['ledger', 'import', late, '--ledger', months.ledger]);
    expect(imported.stdout + imported.stderr).toContain('工作簿为 2026-10 的台账，台账最新月份为 2026-11，请在最新台账中填报');
    const show = await months.cli(['ledger', 'show', REOPENED.id]);
    expect(show.stdout).not.toContain('十月台账迟交的责任人');
  });
});

describe('the 汇总 sheet\'s money', () => {
  it('keeps what was recovered on a finding closed before the month, as the report does', async () => {
    const report = cards(out['november-report']!);
    expect(report).toMatchObject({ 'to-recover': '39,924.03', recovered: '3,620.00' });
    for (const folder of ['november-scan', 'november-export']) {
      const books = await workbooksIn(out[folder]!);
      // Was 500.00 and 36,804.03: October's 3,120.00 left with its finding, closed 已追回 before November.
      expect(totalsOf(books)).toMatchObject({ overpaid: cents(report['to-recover']), recovered: cents(report['recovered']) });
      const township = books.find(({ summary }) => summary['新圩子村'])!;
      expect(township.summary['新圩子村']).toMatchObject({ '已追回金额(元)': 3620 });
      expect(township.note).toContain('金额含此前各月已办结、误报或销号、不在本月台账中的 1 条问题（多发 3,120.00 元，已追回 3,120.00 元）');
    }
  });

  it('agrees with the report village by village: findings, open, overdue and both sums', async () => {
    const field = (row: string, name: string) => new RegExp(`data-field="${name}">([^<]*)<`).exec(row)![1]!;
    const report = [...out['november-report']!.matchAll(/<tr data-testid="village-row" data-township="([^"]*)" data-village="([^"]*)">([\s\S]*?)<\/tr>/g)]
      .map(([, township, village, row]) => [`${township} ${village}`, [field(row!, 'findings'), field(row!, 'open'), field(row!, 'overdue'), cents(field(row!, 'to-recover')), cents(field(row!, 'recovered'))]]);
    const workbooks = (await workbooksIn(out['november-export']!)).flatMap(({ township, summary }) => Object.entries(summary)
      .filter(([village]) => village !== '合计')
      .map(([village, line]) => [`${township} ${village}`, [String(line['合计']), String(line['未办结']), String(line['逾期']),
        Math.round(Number(line['多发金额(元)']) * 100), Math.round(Number(line['已追回金额(元)']) * 100)]]));
    expect(report.length).toBeGreaterThan(5);
    expect(Object.fromEntries(workbooks)).toEqual(Object.fromEntries(report));
  });
});
