// The roll's own fields can hold an ID number: a 家庭编号 that is the head's ID (a common practice), an ID read into the
// 姓名 column (a file whose columns shifted). Every human-facing output masks it as it masks the 身份证号 beside it: the
// ledger workbooks (their hidden snapshot included), the spot-check sheets (XLSX and CSV), the HTML report, `ledger
// show` and the warnings a scan prints; each shows it whole with --unmask. findings.csv, the machine export, keeps it
// whole. A masked 家庭编号 sent back in a workbook is no edit of a locked column. Until 2026-12-06 all of them printed
// the 家庭编号 and names whole, next to the masked 身份证号.
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type * as ExcelTypes from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { printScanResult } from '../../scanner/cli/commands/print-scan-result.ts';
import type { ScanSummary } from '../../scanner/export/summary.ts';
import { maskIdNumber } from '../../scanner/mask-id.ts';
import { cellInWorkbook, copyLedger, editWorkbook, queryLedger, readWorkbook, staffFields } from '../support/ledger-fixture.ts';
import { textOf, workbookText } from '../support/workbook-text.ts';
import { parseCsv } from '../support/parse-csv.ts';
import { runCli } from '../support/run-cli.ts';
import { PEOPLE, ROLL_HEADER, validId } from '../support/small-township.ts';
import { tempFolder } from '../support/temp-folder.ts';

/** 张大山's ID, and his household's 家庭编号. */
const HEAD = PEOPLE.zhang;
/** The 姓名 cell of 王小明's row. */
const IN_NAME = validId('370481', '19800404', '042');
/** 家庭编号 of a payment list that are on no roll row: the scan warns, quoting one. */
const UNKNOWN_HOUSEHOLDS = [validId('370481', '19770707', '123'), validId('370481', '19780808', '123'), validId('370481', '19790909', '123')];
const FULL = [HEAD, IN_NAME, ...UNKNOWN_HOUSEHOLDS];
const HEAD_MASKED = maskIdNumber(HEAD);
const IN_NAME_MASKED = maskIdNumber(IN_NAME);
const TOWNSHIP = '张庄镇';

const root = await tempFolder();
const ledger = join(root, 'ledger.duckdb');
const out = join(root, 'out');
let scanOutput: string;
let findings: Record<string, string>[];
/** The finding on 张大山 (家庭编号 = his ID), and the one on 王小明 (姓名 = an ID). */
let headFinding: string;
let nameFinding: string;

async function cli(args: string[]) {
  const run = await runCli(args);
  expect(run.code, run.stdout + run.stderr).toBe(0);
  return run;
}

beforeAll(async () => {
  const input = join(root, 'input');
  await mkdir(input);
  await writeFile(join(input, '低保花名册.csv'), [
    ROLL_HEADER,
    `${TOWNSHIP},东村,${HEAD},张大山,${HEAD},户主,农村低保,1400,在保`,
    `${TOWNSHIP},东村,${HEAD},李秀英,${PEOPLE.li},配偶,农村低保,1400,在保`,
    `${TOWNSHIP},西村,H002,${IN_NAME},${PEOPLE.wang},户主,农村低保,700,在保`,
  ].join('\n') + '\n');
  await writeFile(join(input, '死亡人员.csv'), ['姓名,身份证号码,死亡日期', `张大山,${HEAD},2026-08-15`, `王小明,${PEOPLE.wang},2026-08-15`].join('\n') + '\n');
  await writeFile(join(input, '低保发放明细.csv'), [
    '家庭编号,发放月份,发放金额', `${HEAD},2026-09,1400`, ...UNKNOWN_HOUSEHOLDS.map((household) => `${household},2026-10,700`),
  ].join('\n') + '\n');
  scanOutput = (await cli(['scan', '--input', input, '--period', '2026-10', '--ledger', ledger, '--out', out, '--quiet'])).stdout;
  findings = parseCsv(await readFile(join(out, 'findings.csv'), 'utf8'));
  const deceased = (name: string) => findings.find((f) => f['check_id'] === 'deceased.recipient' && f['name'] === name)!['finding_id']!;
  headFinding = deceased('张大山');
  nameFinding = deceased(IN_NAME);
});


const ledgerRowText = (book: ExcelTypes.Workbook, id: string) =>
  ['家庭编号', '户主姓名', '姓名'].map((header) => textOf(cellInWorkbook(book, id, header).value));

function expectNoFullId(text: string) {
  for (const id of FULL) expect(text).not.toContain(id);
}

describe('the scan', () => {
  it('keeps them whole in findings.csv, the machine export', () => {
    expect(findings.find((f) => f['finding_id'] === headFinding)).toMatchObject({ household_id: HEAD, name: '张大山' });
    expect(findings.find((f) => f['finding_id'] === nameFinding)).toMatchObject({ household_id: 'H002', name: IN_NAME });
  });

  it('prints the 家庭编号 a warning quotes masked', () => {
    expect(scanOutput).toContain(`（如「${maskIdNumber(UNKNOWN_HOUSEHOLDS[0]!)}」）`);
    expectNoFullId(scanOutput);
  });

  it('writes 家庭编号, 户主姓名 and 姓名 masked in the ledger workbook and its hidden snapshot', async () => {
    const file = join(out, 'ledger', `${TOWNSHIP}.xlsx`);
    const book = await readWorkbook(file);
    expect(ledgerRowText(book, headFinding)).toEqual([HEAD_MASKED, '张大山', '张大山']);
    expect(ledgerRowText(book, nameFinding)).toEqual(['H002', IN_NAME_MASKED, IN_NAME_MASKED]);
    expectNoFullId(await workbookText(file));
  });
});

describe('ledger export', () => {
  it('masks them too, and shows them whole with --unmask', async () => {
    await cli(['ledger', 'export', '--ledger', ledger, '--period', '2026-10', '--out', join(root, 'masked')]);
    const masked = join(root, 'masked', `${TOWNSHIP}.xlsx`);
    expect(ledgerRowText(await readWorkbook(masked), headFinding)).toEqual([HEAD_MASKED, '张大山', '张大山']);
    expectNoFullId(await workbookText(masked));

    await cli(['ledger', 'export', '--ledger', ledger, '--period', '2026-10', '--out', join(root, 'unmasked'), '--unmask']);
    const book = await readWorkbook(join(root, 'unmasked', `${TOWNSHIP}.xlsx`));
    expect(ledgerRowText(book, headFinding)).toEqual([HEAD, '张大山', '张大山']);
    expect(ledgerRowText(book, nameFinding)).toEqual(['H002', IN_NAME, IN_NAME]);
  });
});

describe('ledger import of the masked workbook', () => {
  let copies = 0;
  /** The scan's workbook as staff sent it back, imported into a copy of the ledger. */
  async function sendBack(edit: (book: ExcelTypes.Workbook) => void) {
    const file = await editWorkbook(join(out, 'ledger', `${TOWNSHIP}.xlsx`), join(root, `sent-${++copies}.xlsx`), edit);
    const copy = await copyLedger(ledger);
    return { run: await runCli(['ledger', 'import', file, '--ledger', copy, '--by', '王干事']), copy };
  }

  it('reads the masked 家庭编号 and names left as shown as no edit of a locked column', async () => {
    const { run, copy } = await sendBack(() => {});
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain('没有需要导入的修改');
    expect(await queryLedger(copy, `SELECT * FROM ledger.changes WHERE source_kind = 'workbook'`)).toEqual([]);
  });

  it('takes a staff edit in the row, and ignores a full ID typed over the masked 家庭编号, printing it masked', async () => {
    const { run, copy } = await sendBack((book) => {
      cellInWorkbook(book, headFinding, '备注').value = '已入户核实';
      cellInWorkbook(book, nameFinding, '家庭编号').value = HEAD;
    });
    expect(run.code).toBe(2);
    expect((await staffFields(copy))[headFinding]).toMatchObject({ note: '已入户核实' });
    expect(run.stdout).toMatch(/已忽略 .*列「家庭编号」.*此列不可修改/);
    expect(run.stdout).not.toMatch(/已忽略 .*第 \d+ 行 列「(户主姓名|姓名)」/);
    expectNoFullId(run.stdout);
  });
});

describe('ledger show', () => {
  it('masks the 家庭编号 and the names, and shows them whole with --unmask', async () => {
    const head = (await cli(['ledger', 'show', headFinding, '--ledger', ledger])).stdout;
    expect(head).toContain(`家庭编号 ${HEAD_MASKED}  户主 张大山`);
    const named = (await cli(['ledger', 'show', nameFinding, '--ledger', ledger])).stdout;
    expect(named).toContain(`家庭编号 H002  户主 ${IN_NAME_MASKED}`);
    expect(named).toContain(`对象      ${IN_NAME_MASKED}  ${maskIdNumber(PEOPLE.wang)}`);
    expectNoFullId(head + named);

    expect((await cli(['ledger', 'show', headFinding, '--ledger', ledger, '--unmask'])).stdout).toContain(`家庭编号 ${HEAD}  户主 张大山`);
    expect((await cli(['ledger', 'show', nameFinding, '--ledger', ledger, '--unmask'])).stdout).toContain(`家庭编号 H002  户主 ${IN_NAME}`);
  });
});

describe('the spot-check sheets', () => {
  async function drawn(folder: string, extra: string[] = []) {
    await cli(['sample', '--ledger', ledger, '--villages', '10', '--households', '10', '--seed', 'all', '--out', folder, '--by', '测试员', ...extra]);
    const files = await readdir(folder);
    const csv = files.find((file) => file.endsWith('.csv'))!;
    const xlsx = files.find((file) => file.endsWith('.xlsx'))!;
    return { rows: parseCsv((await readFile(join(folder, csv), 'utf8')).replace(/^\uFEFF/, '')), sheet: await workbookText(join(folder, xlsx)) };
  }

  it('mask them in the CSV and the XLSX, and show them whole with --unmask', async () => {
    const masked = await drawn(join(root, 'sample'));
    expect(masked.rows.map((row) => [row['家庭编号'], row['户主'], row['姓名']])).toEqual(expect.arrayContaining([
      [HEAD_MASKED, '张大山', '张大山'], [HEAD_MASKED, '张大山', '李秀英'], ['H002', IN_NAME_MASKED, IN_NAME_MASKED],
    ]));
    expect(masked.sheet).toContain(HEAD_MASKED);
    expect(masked.sheet).toContain(IN_NAME_MASKED);
    expectNoFullId(JSON.stringify(masked.rows) + masked.sheet);

    const whole = await drawn(join(root, 'sample-unmasked'), ['--unmask']);
    expect(whole.rows.map((row) => [row['家庭编号'], row['户主'], row['姓名']])).toEqual(expect.arrayContaining([
      [HEAD, '张大山', '张大山'], ['H002', IN_NAME, IN_NAME],
    ]));
    expect(whole.sheet).toContain(HEAD);
    expect(whole.sheet).toContain(IN_NAME);
  });
});

describe('the HTML report', () => {
  async function report(folder: string, extra: string[] = []) {
    await cli(['report', '--ledger', ledger, '--out', folder, ...extra]);
    const [file] = (await readdir(folder)).filter((name) => name.endsWith('.html'));
    return readFile(join(folder, file!), 'utf8');
  }

  it('masks a name that is an ID, and shows it whole with --unmask', async () => {
    const masked = await report(join(root, 'report'));
    expect(masked).toMatch(new RegExp(`data-field="name">${IN_NAME_MASKED.replace(/\*/g, '\\*')}<`));
    expectNoFullId(masked);
    expect(await report(join(root, 'report-unmasked'), ['--unmask'])).toContain(`data-field="name">${IN_NAME}<`);
  });
});

describe('printScanResult', () => {
  const printed = (unmask?: boolean) => {
    const summary = {
      period: '2026-10', duration_ms: 1, ledger: '/l.duckdb', datasets: {}, files_skipped: [], checks_skipped: [],
      warnings: [{ file: '发放明细.csv', message: `3 行的家庭编号不在花名册中（如「${HEAD}」）` }],
      findings: { total: 0, listings: 0, overpayment_yuan: '0.00', by_category: {}, by_severity: {}, by_village: {} },
    } as unknown as ScanSummary;
    let text = '';
    printScanResult({ summary, findingsCsv: '/o/findings.csv', summaryJson: '/o/summary.json', workbooks: [], outDir: '/o' },
      { out: (t) => { text += t; }, err: () => {}, isTerminal: false }, unmask === undefined ? undefined : { unmask });
    return text;
  };

  it('masks an ID a warning quotes, unless scan --unmask', () => {
    expect(printed()).toContain(`（如「${HEAD_MASKED}」）`);
    expect(printed(false)).not.toContain(HEAD);
    expect(printed(true)).toContain(`（如「${HEAD}」）`);
  });
});
