// A finding the scan found 逾期 whose 整改时限 staff then extended past the day counted against is not overdue: not in
// its workbook row's 跟踪情况, the 汇总's 逾期, nor the report's (ledger.md: overdue once past its deadline). Until
// 2026-12-07 the scan's 逾期 held whatever the deadline said: 整改时限 2026-12-31 beside 跟踪情况 逾期, counted in both,
// while a rescan called it 持续. Real CLI, real DuckDB: the demo township scanned as September and as October.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type * as ExcelTypes from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { dataRows, readWorkbook, SAMPLE_INPUT } from '../support/ledger-fixture.ts';
import { ledgerMonths } from '../support/ledger-months.ts';
import { tempFolder } from '../support/temp-folder.ts';

const AS_OF = '2026-12-07';
const root = await tempFolder('rollsweep-extended-deadline-');
const months = ledgerMonths(root, 'extended');
/** Two open high-severity findings October's scan found 逾期: one whose deadline staff extend, one left as it was. */
let extended = '';
let kept = '';
/** How many findings October's scan found 逾期, and how many it left open. */
let scanOverdue = 0;
let scanOpen = 0;
/** The open findings' deadlines as October's scan wrote them (findings.csv), the extended one as staff set it. */
let openDeadlines: string[] = [];
const LATER = '2027-01-05';

interface ExportedRow { tracking: string; deadline: string; workbook: string }

/** Every finding row of every workbook `ledger export` wrote, by 问题编号, and the 合计 lines' 逾期 and 未办结 added up. */
async function exported(asOf: string): Promise<{ rows: Map<string, ExportedRow>; overdue: number; open: number; notes: string[] }> {
  const out = join(root, `export-${asOf}`);
  const run = await months.cli(['ledger', 'export', '--period', '2026-10', '--as-of', asOf, '--out', out]);
  expect(run.stdout).toContain(`逾期按 ${asOf} 计`);
  const rows = new Map<string, ExportedRow>();
  let overdue = 0;
  let open = 0;
  const notes: string[] = [];
  for (const file of (await readdir(out)).filter((name) => name.endsWith('.xlsx'))) {
    const book = await readWorkbook(join(out, file));
    const summary = dataRows(book.getWorksheet('汇总')!);
    const total = summary.find((row) => row.values['村(社区)'] === '合计')!;
    overdue += Number(total.values['逾期']);
    open += Number(total.values['未办结']);
    notes.push(String(summary.find((row) => String(row.values['村(社区)']).startsWith('注：'))!.values['村(社区)']));
    for (const sheet of book.worksheets.filter((one) => one.name !== '汇总' && one.state === 'visible')) {
      for (const { values } of dataRows(sheet)) {
        rows.set(String(values['问题编号']), { tracking: String(values['跟踪情况']), deadline: dateText(values['整改时限']), workbook: file });
      }
    }
  }
  return { rows, overdue, open, notes };
}

function dateText(value: ExcelTypes.CellValue): string {
  return value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
}

/** The report's headline cards and its open high-severity rows (class and 跟踪情况), for --as-of `asOf`. */
async function report(asOf: string): Promise<{ cards: Record<string, string>; highRows: Map<string, { overdue: boolean; tracking: string }> }> {
  const out = join(root, `report-${asOf}`);
  await months.cli(['report', '--period', '2026-10', '--as-of', asOf, '--out', out]);
  const page = await readFile(join(out, 'report-2026-10.html'), 'utf8');
  const cards = Object.fromEntries([...page.matchAll(/<div class="value" data-testid="([^"]+)">([^<]*)<\/div>/g)].map((m) => [m[1]!, m[2]!]));
  const highRows = new Map([...page.matchAll(/<tr data-testid="open-high-row" data-finding-id="([^"]+)"( class="overdue")?>([\s\S]*?)<\/tr>/g)]
    .map((m) => {
      const cells = [...m[3]!.matchAll(/<td class="nowrap">([^<]*)/g)].map((cell) => cell[1]!);
      return [m[1]!, { overdue: m[2] !== undefined, tracking: cells[1]! }];
    }));
  return { cards, highRows };
}

beforeAll(async () => {
  // September's deadlines (2026-10-05 + 15 or 30 days) have all gone by when October is scanned on 2026-12-07.
  await months.scan(SAMPLE_INPUT, '2026-09', '2026-10-05');
  const october = await months.scan(SAMPLE_INPUT, '2026-10', AS_OF);
  scanOverdue = october.filter((row) => row['tracking'] === '逾期').length;
  const open = october.filter((row) => ['持续', '逾期', '新发现', '整改未到位'].includes(row['tracking']!));
  scanOpen = open.length;
  const highOverdue = october.filter((row) => row['tracking'] === '逾期' && row['severity'] === 'high').map((row) => row['finding_id']!);
  expect(highOverdue.length).toBeGreaterThanOrEqual(2);
  [extended, kept] = highOverdue;
  await months.cli(['ledger', 'set', extended, '--deadline', '2026-12-31', '--note', '延期至年底']);
  openDeadlines = open.map((row) => (row['finding_id'] === extended ? '2026-12-31' : row['deadline']!));
  // October's own new findings (due 2026-12-22 or 2027-01-06) are not overdue on the scan date.
  expect(openDeadlines.filter((deadline) => deadline < AS_OF).length).toBe(scanOverdue - 1);
}, 240_000);

describe('an extended 整改时限 is not overdue (ledger.md: overdue once past its deadline)', () => {
  it('ledger export --as-of: the row reads 持续 beside its new deadline, the 汇总 counts one fewer 逾期, nothing else moves', async () => {
    const { rows, overdue, open, notes } = await exported(AS_OF);
    expect(rows.get(extended)).toMatchObject({ tracking: '持续', deadline: '2026-12-31' });
    // A deadline still gone by stays overdue.
    expect(rows.get(kept)!.tracking).toBe('逾期');
    expect(rows.get(kept)!.deadline < AS_OF).toBe(true);
    expect(overdue).toBe(scanOverdue - 1);
    expect(open).toBe(scanOpen);
    // Here (no 新发现 or 整改未到位 row past its deadline) the rows reading 逾期 are the ones the 汇总 counts.
    expect([...rows.values()].filter((row) => row.tracking === '逾期').length).toBe(overdue);
    for (const note of notes) expect(note).toContain(`逾期指未办结且整改时限早于 ${AS_OF}`);
  }, 120_000);

  it('report --as-of: the 逾期 card counts one fewer, and its open high-severity row is neither marked overdue nor reads 逾期', async () => {
    const { cards, highRows } = await report(AS_OF);
    expect(Number(cards['overdue'])).toBe(scanOverdue - 1);
    expect(highRows.get(extended)).toEqual({ overdue: false, tracking: '持续' });
    expect(highRows.get(kept)).toEqual({ overdue: true, tracking: '逾期' });
  }, 120_000);

  it('once the extended deadline has gone by too, it is 逾期 again, in the row, the 汇总 and the report', async () => {
    // On LATER every open finding whose deadline is before it, the extended one among them.
    const due = openDeadlines.filter((deadline) => deadline < LATER).length;
    expect(due).toBeGreaterThanOrEqual(scanOverdue);
    const { rows, overdue } = await exported(LATER);
    expect(rows.get(extended)!.tracking).toBe('逾期');
    expect(overdue).toBe(due);
    const { cards, highRows } = await report(LATER);
    expect(Number(cards['overdue'])).toBe(due);
    expect(highRows.get(extended)).toEqual({ overdue: true, tracking: '逾期' });
  }, 180_000);
});
