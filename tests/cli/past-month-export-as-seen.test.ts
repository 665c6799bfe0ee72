// A past month's workbooks exported again after a later month renamed its places and people, through the real CLI: the
// demo township scanned for October, then November's city roll renaming 北店头社区 to 新北店头社区, a head of household
// 林旭帆 to 林旭凡 and a recipient 杨旭刚 to 杨旭钢 (the same IDs, the same findings). Until 2026-12-08 October's workbook
// showed November's names and put October's rows in a 新北店头社区 sheet, where its report showed October's; and a
// workbook staff fill in must still import, its rows matched to their findings by 问题编号.
import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import type * as ExcelTypes from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { cellInWorkbook, dataRows, editWorkbook, queryLedger, readWorkbook, SAMPLE_CONFIG, SAMPLE_INPUT } from '../support/ledger-fixture.ts';
import { looksLikeStackTrace, runCli } from '../support/run-cli.ts';
import { tempFolder } from '../support/temp-folder.ts';

const root = await tempFolder('rollsweep-past-export-');
const ledger = join(root, 'ledger.duckdb');
const CITY_ROLL = '城市低保及特困人员花名册.csv';
const RENAMES: [string, string][] = [['北店头社区', '新北店头社区'], ['林旭帆', '林旭凡'], ['杨旭刚', '杨旭钢']];
/** The findings of the renamed people, by their November names. */
const ids = { linHead: '', yang: '' };

async function cli(args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  // A scan of the whole demo township takes long on a loaded machine: more than runCli's usual two minutes.
  const run = await runCli([...args, '--ledger', ledger], { timeoutMs: 400_000 });
  expect(looksLikeStackTrace(run.stderr), run.stderr).toBe(false);
  return run;
}

async function scan(input: string, period: string, asOf: string): Promise<void> {
  const run = await cli(['scan', '--input', input, '--config', SAMPLE_CONFIG, '--period', period, '--as-of', asOf, '--out', join(root, `out-${period}`), '--quiet']);
  expect(run.code, run.stderr).toBe(0);
}

/** The demo township with November's renames in its city roll (GB18030, as the demo writes it). */
async function novemberInputs(): Promise<string> {
  const folder = join(root, 'm11');
  await cp(SAMPLE_INPUT, folder, { recursive: true });
  let text = iconv.decode(await readFile(join(folder, CITY_ROLL)), 'gb18030');
  for (const [from, to] of RENAMES) text = text.replaceAll(from, to);
  await writeFile(join(folder, CITY_ROLL), iconv.encode(text, 'gb18030'));
  return folder;
}

async function exportMonth(period: string): Promise<ExcelTypes.Workbook> {
  const out = join(root, `export-${period}`);
  expect((await cli(['ledger', 'export', '--period', period, '--out', out])).code).toBe(0);
  return readWorkbook(join(out, '店头镇.xlsx'));
}

/** Every cell's text of the workbook, the snapshot sheet included. */
function allText(book: ExcelTypes.Workbook): string {
  const texts: string[] = [];
  book.eachSheet((sheet) => sheet.eachRow((row) => texts.push(JSON.stringify(row.values))));
  return texts.join('\n');
}

let october: ExcelTypes.Workbook;

beforeAll(async () => {
  await scan(SAMPLE_INPUT, '2026-10', '2026-11-05');
  await scan(await novemberInputs(), '2026-11', '2026-12-05');
  const byName = async (column: string, name: string) =>
    String((await queryLedger(ledger, `SELECT finding_id FROM ledger.findings WHERE ${column} = '${name}'`))[0]!['finding_id']);
  Object.assign(ids, { linHead: await byName('head_name', '林旭凡'), yang: await byName('name', '杨旭钢') });
  october = await exportMonth('2026-10');
}, 400_000);

describe('ledger export of a past month names its rows as the month\'s scan saw them', () => {
  it('the ledger now holds November\'s names', async () => {
    const now = await queryLedger(ledger, `SELECT DISTINCT village FROM ledger.findings WHERE finding_id IN ('${ids.linHead}', '${ids.yang}')`);
    expect(now).toEqual([{ village: '新北店头社区' }]);
  });

  it('puts October\'s rows in October\'s village sheet, in the sheet order, with October\'s names', () => {
    const sheets = october.worksheets.map((sheet) => sheet.name);
    expect(sheets).not.toContain('新北店头社区');
    // October's village sorts second, as its own scan's workbook had it (新北店头社区 would sort after 措庄村).
    expect(sheets.slice(0, 3)).toEqual(['汇总', '东八里巷村', '北店头社区']);
    const rows = dataRows(october.getWorksheet('北店头社区')!).filter((row) => String(row.values['问题编号'] ?? '').startsWith('RS'));
    expect(rows.length).toBeGreaterThan(10);
    expect(new Set(rows.map((row) => row.values['村(社区)']))).toEqual(new Set(['北店头社区']));
    const households = rows.map((row) => String(row.values['家庭编号']));
    expect(households).toEqual([...households].sort());
    const shown = (id: string, header: string) => cellInWorkbook(october, id, header).value;
    expect(shown(ids.linHead, '户主姓名')).toBe('林旭帆');
    expect([shown(ids.yang, '户主姓名'), shown(ids.yang, '姓名')]).toEqual(['杨旭刚', '杨旭刚']);
    // Nowhere, the 汇总 and the snapshot included, are November's names.
    const text = allText(october);
    for (const [, november] of RENAMES) expect(text).not.toContain(november);
  });

  it('the latest month\'s workbook keeps November\'s names', async () => {
    const november = await exportMonth('2026-11');
    expect(november.worksheets.map((sheet) => sheet.name)).toContain('新北店头社区');
    expect(cellInWorkbook(november, ids.linHead, '户主姓名').value).toBe('林旭凡');
  });

  it('imports back: the row October named is matched to its finding, and sent to the latest month\'s workbook', async () => {
    const returned = await editWorkbook(join(root, 'export-2026-10', '店头镇.xlsx'), join(root, 'returned-2026-10.xlsx'), (book) => {
      cellInWorkbook(book, ids.linHead, '备注').value = '十月入户核实';
    });
    const run = await cli(['ledger', 'import', returned]);
    const said = run.stdout + run.stderr;
    expect(said).toContain('拒绝 0 格，忽略 1 处');
    expect(said).toMatch(/工作表「北店头社区」 第 \d+ 行 列「备注」：工作簿为 2026-10 的台账，台账最新月份为 2026-11，请在最新台账中填报/);
    const note = await queryLedger(ledger, `SELECT note FROM ledger.findings WHERE finding_id = '${ids.linHead}'`);
    expect(note).toEqual([{ note: null }]);
  });
});
