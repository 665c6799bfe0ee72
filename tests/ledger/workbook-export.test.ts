// ledger/<乡镇>.xlsx as ledger.md describes it, read back with exceljs: sheets, header, masking, protection,
// validation, print setup, the 汇总 counts against the ledger, split by village, owner-only files, the hidden snapshot.
import { readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';
import type * as ExcelTypes from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { findCheck } from '../../scanner/engine/registry.ts';
import { UsageError } from '../../scanner/errors.ts';
import { exportLedgerWorkbooks, type LedgerExportResult } from '../../scanner/export/ledger-workbook/export-ledger-workbooks.ts';
import { fitSheetName, safeFileName, UniqueNames } from '../../scanner/export/ledger-workbook/names.ts';
import { readSnapshotSheet } from '../../scanner/export/ledger-workbook/snapshot-sheet.ts';
import { readStaffValues, writeStaffValues } from '../../scanner/ledger/staff-edits.ts';
import { inTransaction } from '../../scanner/ledger/transaction.ts';
import { withLedger } from '../../scanner/ledger/with-ledger.ts';
import { dataRows, queryLedger, readWorkbook, SAMPLE_AS_OF, SAMPLE_PERIOD, scanSampleLedger } from '../support/ledger-fixture.ts';
import { tempFolder } from '../support/temp-folder.ts';

const HEADER = [
  '序号', '问题编号', '乡镇', '村(社区)', '家庭编号', '户主姓名', '姓名', '身份证号', '救助类别', '问题类型', '检查项', '问题描述',
  '多发金额(元)', '应追回金额(元)', '已追回金额(元)', '文件依据', '整改措施', '责任人', '整改时限', '整改状态', '首次发现', '跟踪情况', '备注',
];
const EDITABLE = ['整改措施', '责任人', '整改时限', '整改状态', '已追回金额(元)', '备注'];
const TOWNSHIP = '店头镇';
const FORMULA_LIKE_NOTE = '=HYPERLINK("http://example.com","核实为同名不同人")';

// jszip is exceljs's own dependency: load it from there to read the raw XML of a workbook.
const requireFromExceljs = createRequire(createRequire(import.meta.url).resolve('exceljs'));
const JSZip = requireFromExceljs('jszip') as typeof import('jszip');

const root = await tempFolder();
let ledger: string;
let masked: LedgerExportResult;
let unmasked: LedgerExportResult;
let byVillage: LedgerExportResult;
let township: ExcelTypes.Workbook;

/** Ids of the findings given staff statuses before export, so every 汇总 column has something to count. */
const staffSet: Record<string, string> = {};

beforeAll(async () => {
  ledger = await scanSampleLedger(root);
  await withLedger(ledger, async (connection) => {
    const ids = (await connection.runAndReadAll(
      `SELECT finding_id FROM ledger.findings WHERE township = '${TOWNSHIP}' AND severity <> 'info'
       ORDER BY overpayment_cents DESC NULLS LAST, finding_id LIMIT 4`)).getRowsJson().map((row) => String(row[0]));
    const edits = [
      // The 误报 note looks like a formula: it must reach the workbook as text (quality-bars.md, formula injection).
      { status: '已追回', recovered: 30000 }, { status: '误报', note: FORMULA_LIKE_NOTE }, { status: '已整改' }, { deadline: '2026-11-01' },
    ];
    await inTransaction(connection, async () => {
      for (const [i, id] of ids.entries()) {
        const before = (await readStaffValues(connection, id))!;
        await writeStaffValues(connection, id, before, { ...before, ...edits[i] }, { kind: 'command', source: 'test', at: new Date() });
        staffSet[id] = edits[i]!.status ?? 'overdue';
      }
    });
    masked = await exportLedgerWorkbooks(connection, { period: SAMPLE_PERIOD, outDir: join(root, 'masked'), split: 'township', unmask: false, asOf: SAMPLE_AS_OF, exportedBy: '测试员' });
    unmasked = await exportLedgerWorkbooks(connection, { period: SAMPLE_PERIOD, outDir: join(root, 'unmasked'), split: 'township', unmask: true, asOf: SAMPLE_AS_OF });
    byVillage = await exportLedgerWorkbooks(connection, { period: SAMPLE_PERIOD, outDir: join(root, 'village'), split: 'village', unmask: false, asOf: SAMPLE_AS_OF });
  });
  township = await readWorkbook(join(root, 'masked', `${TOWNSHIP}.xlsx`));
});

function villageSheets(workbook: ExcelTypes.Workbook): ExcelTypes.Worksheet[] {
  return workbook.worksheets.filter((sheet) => sheet.name !== '汇总' && sheet.name !== '_rollsweep');
}

function everyCell(workbook: ExcelTypes.Workbook, visit: (cell: ExcelTypes.Cell, sheet: ExcelTypes.Worksheet) => void): void {
  for (const sheet of workbook.worksheets) sheet.eachRow((row) => row.eachCell((cell) => visit(cell, sheet)));
}

describe('township workbooks', () => {
  it('writes one owner-only workbook per township, and one for findings without a township', async () => {
    expect(masked.files.map((file) => basename(file))).toEqual([`${TOWNSHIP}.xlsx`, '未关联乡镇.xlsx']);
    const [{ total }] = await queryLedger(ledger, `SELECT count(*)::INT AS total FROM ledger.findings WHERE severity <> 'info'`) as [{ total: number }];
    expect(masked.rows).toBe(total);
    for (const file of masked.files) expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await stat(join(root, 'masked'))).mode & 0o777).toBe(0o700);
  });

  it('opens with 汇总, then one sheet per village in ledger order, then the very hidden _rollsweep', async () => {
    const villages = await queryLedger(ledger, `SELECT DISTINCT village FROM ledger.findings
      WHERE township = '${TOWNSHIP}' AND severity <> 'info' ORDER BY village NULLS LAST`);
    expect(township.worksheets.map((sheet) => sheet.name)).toEqual(['汇总', ...villages.map((row) => String(row['village'] ?? '未关联到村')), '_rollsweep']);
    expect(township.worksheets.map((sheet) => sheet.state)).toEqual([...township.worksheets.slice(0, -1).map(() => 'visible'), 'veryHidden']);
    const orphans = await readWorkbook(masked.files[1]!);
    expect(villageSheets(orphans).map((sheet) => sheet.name)).toContain('未关联到村');
  });

  it('has the title merged over row 1 and exactly the ledger.md header in row 2', () => {
    for (const sheet of villageSheets(township)) {
      expect(sheet.getCell('A1').value).toBe(`${TOWNSHIP}${sheet.name} 整改台账（${SAMPLE_PERIOD}）`);
      expect(sheet.getCell('W1').isMerged).toBe(true);
      expect(sheet.getCell('W1').master.address).toBe('A1');
      expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual(HEADER);
    }
  });

  it('lists every finding of the township once, on its village sheet, with cells typed as ledger.md says', async () => {
    const expected = await queryLedger(ledger, `SELECT finding_id, check_id, coalesce(village, '未关联到村') AS village, overpayment_cents, recovered_cents,
      strftime(deadline, '%Y-%m-%d') AS deadline FROM ledger.findings WHERE township = '${TOWNSHIP}' AND severity <> 'info'`);
    const seen = villageSheets(township).flatMap((sheet) => dataRows(sheet).map(({ values }, i) => {
      expect(values['序号']).toBe(i + 1);
      expect(values['村(社区)'] ?? '未关联到村').toBe(sheet.name);
      return values;
    }));
    expect(seen.map((values) => values['问题编号']).sort()).toEqual(expected.map((row) => row['finding_id']).sort());
    for (const row of expected) {
      const values = seen.find((candidate) => candidate['问题编号'] === row['finding_id'])!;
      const yuan = (cents: unknown) => (cents == null ? null : Number(cents) / 100);
      expect(values['多发金额(元)'] ?? null).toBe(yuan(row['overpayment_cents']));
      expect(values['应追回金额(元)'] ?? null).toBe(yuan(row['overpayment_cents']));
      expect(values['已追回金额(元)'] ?? null).toBe(yuan(row['recovered_cents']));
      expect(values['整改时限']).toEqual(new Date(`${String(row['deadline'])}T00:00:00Z`));
      // A new finding's 整改措施 is its check's remedy (checks.md: the default 整改措施 text).
      expect(values['整改措施']).toBe(findCheck(String(row['check_id']))!.remedy);
      // Text, never a number Excel would round; empty for a finding about a person without one.
      expect(typeof (values['家庭编号'] ?? '')).toBe('string');
    }
    expect(seen.filter((values) => typeof values['家庭编号'] === 'string').length).toBeGreaterThan(seen.length / 2);
    const sheet = villageSheets(township)[0]!;
    expect(sheet.getCell('S3').numFmt).toBe('yyyy-mm-dd');
    expect(sheet.getCell('M3').numFmt).toBe('#,##0.00');
    everyCell(township, (cell) => expect(typeof cell.value === 'object' && cell.value !== null && 'formula' in cell.value, cell.address).toBe(false));
  });

  it('masks ID numbers unless unmasked, in the visible sheets and the snapshot alike', async () => {
    const ids = (await queryLedger(ledger, `SELECT id_number FROM ledger.findings WHERE township = '${TOWNSHIP}' AND severity <> 'info' AND id_number IS NOT NULL`))
      .map((row) => String(row['id_number']));
    expect(ids.length).toBeGreaterThan(10);
    const known = new Set(ids);
    everyCell(township, (cell, sheet) => {
      const shown = String(cell.value ?? '').match(/\d{17}[\dX]/g) ?? [];
      expect(shown.filter((id) => known.has(id)), `${sheet.name}!${cell.address}`).toEqual([]);
    });
    const shownMasked = villageSheets(township).flatMap((sheet) => dataRows(sheet).map(({ values }) => values['身份证号'])).filter(Boolean);
    expect(shownMasked.length).toBeGreaterThan(10);
    for (const id of shownMasked) expect(id).toMatch(/^\d{6}\*{8}[\dX]{4}$/);

    const full = await readWorkbook(unmasked.files[0]!);
    const shownFull = villageSheets(full).flatMap((sheet) => dataRows(sheet).map(({ values }) => values['身份证号'])).filter(Boolean);
    expect(new Set(shownFull)).toEqual(new Set(ids));
    // The last three: the scan itself may also have exported its workbooks.
    const exports = (await queryLedger(ledger, 'SELECT out_dir, split, unmasked, files_json, exported_by FROM ledger.exports ORDER BY exported_at')).slice(-3);
    expect(exports.map((row) => [basename(String(row['out_dir'])), row['split'], row['unmasked']])).toEqual([
      ['masked', 'township', false], ['unmasked', 'township', true], ['village', 'village', false],
    ]);
    expect(JSON.parse(String(exports[0]!['files_json']))).toEqual([`${TOWNSHIP}.xlsx`, '未关联乡镇.xlsx']);
    expect(exports[0]!['exported_by']).toBe('测试员');
  });

  it('unlocks only the staff columns of data rows and protects every sheet without a password', () => {
    for (const sheet of villageSheets(township)) {
      sheet.eachRow((row, number) => row.eachCell({ includeEmpty: true }, (cell, column) => {
        const unlocked = cell.protection?.locked === false;
        expect(unlocked, `${sheet.name}!${cell.address}`).toBe(number >= 3 && EDITABLE.includes(HEADER[column - 1]!));
      }));
    }
    for (const sheet of township.worksheets) {
      const protection = (sheet as unknown as { sheetProtection: Record<string, unknown> | null }).sheetProtection;
      expect(protection?.['sheet'], sheet.name).toBe(true);
      expect(protection?.['hashValue'], sheet.name).toBeUndefined();
    }
    const protection = (villageSheets(township)[0] as unknown as { sheetProtection: Record<string, unknown> }).sheetProtection;
    expect([protection['autoFilter'], protection['formatColumns'], protection['selectLockedCells']]).toEqual([true, true, undefined]);
  });

  it('writes sheet XML in the order the OOXML schema requires, so Excel opens it without repairs', async () => {
    const zip = await JSZip.loadAsync(await readFile(masked.files[0]!));
    const sheets = Object.keys(zip.files).filter((name) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name));
    expect(sheets).toHaveLength(township.worksheets.length);
    // CT_Worksheet: sheetData, sheetProtection, autoFilter, mergeCells, dataValidations, pageMargins, pageSetup, headerFooter.
    const schemaOrder = ['sheetData', 'sheetProtection', 'autoFilter', 'mergeCells', 'dataValidations', 'pageMargins', 'pageSetup', 'headerFooter'];
    for (const name of sheets) {
      const xml = await zip.file(name)!.async('string');
      const present = schemaOrder.filter((element) => xml.includes(`<${element}`));
      expect(present, name).toContain('sheetProtection');
      const positions = present.map((element) => xml.indexOf(`<${element}`));
      expect(positions, `${name}: ${present.join(' ')}`).toEqual([...positions].sort((a, b) => a - b));
      expect(xml.match(/<sheetProtection/g), name).toHaveLength(1);
    }
  });

  it('offers the status list on every data row and checks deadlines are dates', () => {
    for (const sheet of villageSheets(township)) {
      for (const { row } of dataRows(sheet)) {
        expect(sheet.getCell(`T${row}`).dataValidation).toMatchObject({ type: 'list', formulae: ['"待核实,核实中,已整改,已清退,已追回,已备案,误报"'], showErrorMessage: true });
        expect(sheet.getCell(`S${row}`).dataValidation).toMatchObject({ type: 'date' });
      }
      expect(sheet.getCell(`T${sheet.rowCount + 1}`).dataValidation).toBeUndefined();
    }
  });

  it('freezes the header and prints on A4 landscape, one page wide, title and header on every page', () => {
    for (const sheet of villageSheets(township)) {
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
      expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:2' });
      expect(sheet.autoFilter).toBeTruthy();
    }
  });

  it('sizes columns for Chinese text and wraps the long ones', () => {
    const sheet = villageSheets(township)[0]!;
    const width = (header: string) => sheet.getColumn(HEADER.indexOf(header) + 1).width!;
    expect(width('问题编号')).toBeGreaterThanOrEqual(18);
    expect(width('身份证号')).toBeGreaterThanOrEqual(18);
    expect(width('问题描述')).toBe(50);
    expect(sheet.getCell('L3').alignment?.wrapText).toBe(true);
    expect(width('序号')).toBeLessThan(10);
  });

  it('leaves the staff columns wide enough to type into while still empty, and marks them with their own fill', () => {
    for (const sheet of villageSheets(township)) {
      const width = (header: string) => sheet.getColumn(HEADER.indexOf(header) + 1).width;
      // Nobody has named a 责任人 yet: sized to their header alone the staff columns were 6 wide (three characters).
      expect(dataRows(sheet).every((row) => row.values['责任人'] == null), sheet.name).toBe(true);
      const narrowest = { '已追回金额(元)': 12, 整改措施: 20, 责任人: 10, 整改时限: 12, 整改状态: 10, 备注: 16 };
      for (const [header, least] of Object.entries(narrowest)) expect(width(header), `${sheet.name} ${header}`).toBeGreaterThanOrEqual(least);
      const headerFill = (header: string) => (sheet.getRow(2).getCell(HEADER.indexOf(header) + 1).fill as ExcelTypes.FillPattern).fgColor?.argb;
      expect(new Set(EDITABLE.map(headerFill)).size, sheet.name).toBe(1);
      expect(HEADER.filter((header) => !EDITABLE.includes(header)).map(headerFill)).not.toContain(headerFill('整改措施'));
    }
  });

  it('sets 误报 rows apart with a grey fill, and writes a note that looks like a formula as text', () => {
    const falsePositive = Object.keys(staffSet).find((id) => staffSet[id] === '误报')!;
    const row = villageSheets(township).flatMap((sheet) => dataRows(sheet).map((r) => ({ sheet, ...r })))
      .find((r) => r.values['问题编号'] === falsePositive)!;
    expect(row.values['整改状态']).toBe('误报');
    expect(row.values['备注']).toBe(FORMULA_LIKE_NOTE);
    const fill = row.sheet.getCell(`B${row.row}`).fill as ExcelTypes.FillPattern;
    expect(fill.fgColor?.argb).toBe('FFE7E6E6');
    expect((row.sheet.getCell(`B${row.row + 1}`).fill as ExcelTypes.FillPattern | undefined)?.fgColor?.argb).not.toBe('FFE7E6E6');
  });
});

describe('汇总', () => {
  it('counts per village what the ledger holds', async () => {
    const expected = await queryLedger(ledger, `
      SELECT coalesce(village, '未关联到村') AS village,
        count(*) FILTER (category = 'deceased') AS c1, count(*) FILTER (category = 'imprisoned') AS c2,
        count(*) FILTER (category = 'over_asset') AS c3, count(*) FILTER (category = 'duplicate') AS c4,
        count(*) FILTER (category = 'cadre_relative') AS c5, count(*) FILTER (category = 'data_quality') AS c6, count(*) AS total,
        count(*) FILTER (status IN ('待核实', '核实中')) AS open,
        count(*) FILTER (status IN ('已整改', '已清退', '已追回', '已备案')) AS closed,
        count(*) FILTER (status = '误报') AS false_positive, count(*) FILTER (status = '自动销号') AS auto_closed,
        count(*) FILTER (status IN ('待核实', '核实中') AND deadline < DATE '${SAMPLE_AS_OF}') AS overdue,
        coalesce(sum(overpayment_cents) FILTER (status <> '误报'), 0) / 100 AS overpaid, coalesce(sum(recovered_cents), 0) / 100 AS recovered
      FROM ledger.findings WHERE township = '${TOWNSHIP}' AND severity <> 'info' GROUP BY ALL`);
    const summary = township.getWorksheet('汇总')!;
    expect(summary.getCell('A1').value).toBe(`${TOWNSHIP} 整改台账汇总（${SAMPLE_PERIOD}）`);
    expect((summary.getRow(2).values as unknown[]).slice(1)).toEqual([
      '村(社区)', '死亡人员仍享受救助', '服刑人员仍享受救助', '财产状况超标', '重复享受', '干部近亲属', '数据质量',
      '合计', '未办结', '已办结', '误报', '自动销号', '逾期', '多发金额(元)', '已追回金额(元)',
    ]);
    const lines = new Map<string, unknown[]>();
    summary.eachRow((row, number) => {
      if (number >= 3 && typeof row.getCell(2).value === 'number') lines.set(String(row.getCell(1).value), (row.values as unknown[]).slice(2));
    });
    const asNumbers = (row: Record<string, unknown>) => Object.values(row).slice(1).map(Number);
    expect(lines.size).toBe(expected.length + 1);
    for (const row of expected) expect(lines.get(String(row['village'])), String(row['village'])).toEqual(asNumbers(row));
    const totals = expected.map(asNumbers).reduce((sum, row) => sum.map((value, i) => value + row[i]!));
    const cents = (values: number[]) => values.map((value, i) => (i >= 12 ? Math.round(value * 100) : value));
    expect(cents(lines.get('合计') as number[])).toEqual(cents(totals));
    // The statuses set before the export: 已追回 (300 元) and 已整改 closed, one 误报, one open past its deadline.
    expect({ closed: totals[8], falsePositive: totals[9], autoClosed: totals[10], overdue: totals[11], recovered: totals[13] })
      .toEqual({ closed: 2, falsePositive: 1, autoClosed: 0, overdue: 1, recovered: 300 });
  });
});

describe('split by village', () => {
  it('writes <乡镇>-<村>.xlsx with that village alone', async () => {
    const villages = await queryLedger(ledger, `SELECT DISTINCT coalesce(township, '未关联乡镇') || '-' || coalesce(village, '未关联到村') AS name
      FROM ledger.findings WHERE severity <> 'info'`);
    expect(byVillage.files.map((file) => basename(file)).sort()).toEqual(villages.map((row) => `${String(row['name'])}.xlsx`).sort());
    expect(byVillage.files.map((file) => basename(file))).toContain(`${TOWNSHIP}-东八里巷村.xlsx`);
    for (const file of byVillage.files) expect((await stat(file)).mode & 0o777).toBe(0o600);
    const one = await readWorkbook(byVillage.files.find((file) => file.endsWith(`${TOWNSHIP}-东八里巷村.xlsx`))!);
    expect(one.worksheets.map((sheet) => sheet.name)).toEqual(['汇总', '东八里巷村', '_rollsweep']);
    expect(byVillage.rows).toBe(masked.rows);
  });
});

describe('_rollsweep snapshot', () => {
  it('names the period and run, and holds exactly what each row shows', async () => {
    const snapshot = readSnapshotSheet(township);
    if ('problem' in snapshot) throw new Error(snapshot.problem);
    const [run] = await queryLedger(ledger, `SELECT run_id FROM ledger.runs WHERE period = '${SAMPLE_PERIOD}'`);
    expect([snapshot.period, snapshot.runId, snapshot.exportedBy, snapshot.unmasked]).toEqual([SAMPLE_PERIOD, run!['run_id'], '测试员', false]);
    const shown = villageSheets(township).flatMap((sheet) => dataRows(sheet).map((row) => ({ sheet: sheet.name, ...row })));
    expect(snapshot.rows.map((row) => [row.sheet, row.row, row.findingId])).toEqual(shown.map((row) => [row.sheet, row.row, row.values['问题编号']]));
    for (const [i, row] of snapshot.rows.entries()) {
      const visible = Object.fromEntries(Object.entries(shown[i]!.values).map(([header, value]) =>
        [header, value instanceof Date ? value.toISOString().slice(0, 10) : value ?? null]));
      expect(row.values).toEqual(visible);
    }
  });
});

describe('names and refusals', () => {
  it('makes file and sheet names safe and unique', () => {
    expect(safeFileName('店头镇/东村:*?"<>|')).toBe('店头镇_东村_______');
    expect(safeFileName('..')).toBe('_');
    // Cut to 180 bytes of UTF-8 (a file name may have 255), whole characters only, and no space left at the cut.
    expect(safeFileName('张'.repeat(18_419))).toBe('张'.repeat(60));
    expect(safeFileName(`${'镇'.repeat(59)}𠀀𠀀`)).toBe('镇'.repeat(59));
    expect(safeFileName(`${'a'.repeat(179)} b`)).toBe('a'.repeat(179));
    const names = new UniqueNames(['汇总']);
    expect([names.claim('东村'), names.claim('东村'), names.claim('汇总')]).toEqual(['东村', '东村(2)', '汇总(2)']);
    const long = '很长的村名'.repeat(10);
    const sheets = new UniqueNames();
    const [first, second] = [sheets.claim(long, fitSheetName), sheets.claim(long, fitSheetName)];
    expect([first.length, second.length]).toEqual([31, 31]);
    expect(second.endsWith('(2)')).toBe(true);
    expect(fitSheetName('a[b]:c*?/\\', '')).toBe('a_b__c____');
  });

  it('refuses a period the ledger has not scanned, as a usage error', async () => {
    await expect(withLedger(ledger, (connection) =>
      exportLedgerWorkbooks(connection, { period: '2025-01', outDir: join(root, 'none'), split: 'township', unmask: false })))
      .rejects.toThrow(UsageError);
  });
});
