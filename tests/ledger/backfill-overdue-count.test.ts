// A rescan of a month once a later one is scanned (a backfill: it changes no status) counts as overdue the month's
// findings that are open now and whose 整改时限, as the ledger holds it now, is before the scan date: the rule of the
// workbooks' 汇总 (overdue.ts). Until 2026-12-07 it counted the replaced run's 逾期 — a finding staff closed since, one
// whose deadline they extended — and not one whose deadline they brought forward past the scan date, so summary.json's
// overdue disagreed with the 汇总 written beside it and could exceed its open. A scan that carries counts the same way:
// its 逾期 are that already, and a rescan of the latest month now also counts the 新发现 it keeps past its deadline.
// Real CLI, real DuckDB: the demo township scanned as September, October and November, then October and November again.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type * as ExcelTypes from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { dataRows, readWorkbook, SAMPLE_INPUT } from '../support/ledger-fixture.ts';
import { ledgerMonths } from '../support/ledger-months.ts';
import { tempFolder } from '../support/temp-folder.ts';

const AS_OF = '2026-12-07';
const CLOSED = ['已整改', '已清退', '已追回', '已备案', '误报', '自动销号'];
const root = await tempFolder('rollsweep-backfill-overdue-');
const months = ledgerMonths(root, 'ledger');

interface Findings { open: number; overdue: number; backfill: boolean }

/** Three findings of October's first scan: two it found 逾期 (one staff close, one whose deadline they extend), one new. */
const picked = { closed: '', extended: '', broughtForward: '' };
let october: Record<string, string>[] = [];
let octoberSummary: Findings;
let octoberOut = '';
let rescan: Record<string, string>[] = [];
let rescanSummary: Findings;
let rescanOut = '';
/** November rescanned (the ledger's latest month: it carries) after staff brought a new finding's deadline forward. */
let keptNew = '';
let novemberRescan: Record<string, string>[] = [];
let novemberRescanSummary: Findings;
let novemberRescanOut = '';

async function findingsOf(out: string): Promise<Findings> {
  return (JSON.parse(await readFile(join(out, 'summary.json'), 'utf8')) as { findings: Findings }).findings;
}

/** Open (not closed, not a listing) and its deadline before AS_OF, by findings.csv's status and deadline. */
const openPastDeadline = (row: Record<string, string>) =>
  row['severity'] !== 'info' && !CLOSED.includes(row['status']!) && row['deadline'] !== '' && row['deadline']! < AS_OF;

/** The 汇总's 合计 逾期 and 未办结 of every workbook a scan wrote, added up. */
async function summarySheets(out: string): Promise<{ overdue: number; open: number }> {
  const folder = join(out, 'ledger');
  let overdue = 0;
  let open = 0;
  for (const file of (await readdir(folder)).filter((name) => name.endsWith('.xlsx'))) {
    const total = dataRows((await readWorkbook(join(folder, file))).getWorksheet('汇总')!)
      .find((row) => row.values['村(社区)'] === '合计')!.values as Record<string, ExcelTypes.CellValue>;
    overdue += Number(total['逾期']);
    open += Number(total['未办结']);
  }
  return { overdue, open };
}

beforeAll(async () => {
  // September's deadlines (2026-10-05 + 15 or 30 days) have all gone by when October is scanned on AS_OF.
  await months.scan(SAMPLE_INPUT, '2026-09', '2026-10-05');
  october = await months.scan(SAMPLE_INPUT, '2026-10', AS_OF);
  octoberOut = months.lastScanOut();
  octoberSummary = await findingsOf(octoberOut);
  const overdueHigh = october.filter((row) => row['tracking'] === '逾期' && row['severity'] === 'high').map((row) => row['finding_id']!);
  const newOpen = october.filter((row) => row['tracking'] === '新发现' && row['severity'] !== 'info').map((row) => row['finding_id']!);
  expect(overdueHigh.length).toBeGreaterThanOrEqual(2);
  expect(newOpen.length).toBeGreaterThanOrEqual(1);
  [picked.closed, picked.extended] = overdueHigh;
  picked.broughtForward = newOpen[0]!;

  const november = await months.scan(SAMPLE_INPUT, '2026-11', AS_OF);
  keptNew = november.find((row) => row['tracking'] === '新发现' && row['severity'] !== 'info')?.['finding_id'] ?? '';
  expect(keptNew).not.toBe('');
  await months.cli(['ledger', 'set', picked.closed, '--status', '已整改', '--note', '已停发并核减']);
  await months.cli(['ledger', 'set', picked.extended, '--deadline', '2027-03-01', '--note', '延期']);
  await months.cli(['ledger', 'set', picked.broughtForward, '--deadline', '2026-11-20', '--note', '限期提前']);

  rescan = await months.scan(SAMPLE_INPUT, '2026-10', AS_OF);
  rescanOut = months.lastScanOut();
  rescanSummary = await findingsOf(rescanOut);

  await months.cli(['ledger', 'set', keptNew, '--deadline', '2026-11-30', '--note', '限期提前']);
  novemberRescan = await months.scan(SAMPLE_INPUT, '2026-11', AS_OF);
  novemberRescanOut = months.lastScanOut();
  novemberRescanSummary = await findingsOf(novemberRescanOut);
}, 400_000);

describe('overdue of a backfill: open now and the ledger\'s deadline before the scan date', () => {
  it('the rescan of October is a backfill listing the three findings as the ledger holds them now', () => {
    expect(rescanSummary.backfill).toBe(true);
    const byId = new Map(rescan.map((row) => [row['finding_id']!, row]));
    expect(byId.get(picked.closed)).toMatchObject({ status: '已整改', tracking: '逾期' });
    expect(byId.get(picked.extended)).toMatchObject({ deadline: '2027-03-01', tracking: '逾期' });
    expect(byId.get(picked.broughtForward)).toMatchObject({ deadline: '2026-11-20', tracking: '新发现' });
  });

  it('summary.json counts as overdue exactly the open findings past their deadline, never more than open', async () => {
    const expected = rescan.filter(openPastDeadline);
    const ids = new Set(expected.map((row) => row['finding_id']));
    expect(ids.has(picked.closed)).toBe(false);
    expect(ids.has(picked.extended)).toBe(false);
    expect(ids.has(picked.broughtForward)).toBe(true);
    expect(rescanSummary.overdue).toBe(expected.length);
    expect(rescanSummary.overdue).toBeLessThanOrEqual(rescanSummary.open);
  });

  it('agrees with the 汇总 of the workbooks the rescan wrote beside it', async () => {
    const sheets = await summarySheets(rescanOut);
    expect(rescanSummary.overdue).toBe(sheets.overdue);
    expect(rescanSummary.open).toBe(sheets.open);
  }, 120_000);
});

describe('a scan that carries counts its overdue the same way', () => {
  it('its overdue is its 逾期 rows, here the open findings past their deadline, as its 汇总 counts them', async () => {
    expect(octoberSummary.backfill).toBe(false);
    const scanOverdue = october.filter((row) => row['tracking'] === '逾期').length;
    expect(scanOverdue).toBeGreaterThan(0);
    expect(octoberSummary.overdue).toBe(scanOverdue);
    expect(octoberSummary.overdue).toBe(october.filter(openPastDeadline).length);
    expect((await summarySheets(octoberOut)).overdue).toBe(octoberSummary.overdue);
  }, 120_000);

  it('a rescan of the latest month counts the new finding it keeps (staff acted on it) once past its deadline', async () => {
    // Until 2026-12-07 only the scan's 逾期 counted: the kept 新发现 due 2026-11-30 was open and past its deadline in the
    // 汇总 written beside summary.json, and not in summary.json's overdue (nor the CLI's 其中逾期).
    expect(novemberRescanSummary.backfill).toBe(false);
    expect(novemberRescan.find((row) => row['finding_id'] === keptNew)).toMatchObject({ tracking: '新发现', deadline: '2026-11-30' });
    expect(novemberRescanSummary.overdue).toBe(novemberRescan.filter(openPastDeadline).length);
    expect((await summarySheets(novemberRescanOut)).overdue).toBe(novemberRescanSummary.overdue);
  }, 120_000);
});
