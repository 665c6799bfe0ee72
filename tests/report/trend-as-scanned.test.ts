// The report's month-by-month trend and the checks a month's scan did not run, through the real CLI: the demo township
// scanned for October, staff editing findings after the scan, November scanned without 机动车登记信息.csv, and staff
// editing again. Each trend row must stay what its month's scan said (summary.json), whatever staff changed since, and
// the report of a month must say which checks its scan did not run, and why.
import { copyFile, mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_CONFIG, SAMPLE_INPUT } from '../support/ledger-fixture.ts';
import { ledgerMonths } from '../support/ledger-months.ts';
import { tempFolder } from '../support/temp-folder.ts';

const VEHICLES_FILE = '机动车登记信息.csv';

const root = await tempFolder('rollsweep-trend-as-scanned-');
const months = ledgerMonths(root, 'trend');
const summaries: Record<string, { findings: { overdue: number; open: number; total: number; overpayment_yuan: string }; checks_skipped: { id: string; reason: string }[] }> = {};
const reports: Record<string, string> = {};

async function summaryOfLastScan(): Promise<(typeof summaries)[string]> {
  return JSON.parse(await readFile(join(months.lastScanOut(), 'summary.json'), 'utf8')) as (typeof summaries)[string];
}

async function report(period: string, name: string): Promise<string> {
  const out = join(root, name);
  await months.cli(['report', '--period', period, '--out', out]);
  return readFile(join(out, `report-${period}.html`), 'utf8');
}

/** The trend table's row of `period`: its cells by data-field. */
function trendRow(page: string, period: string): Record<string, string> {
  const row = new RegExp(`<tr data-testid="trend-row" data-period="${period}">[\\s\\S]*?</tr>`).exec(page)?.[0] ?? '';
  return Object.fromEntries([...row.matchAll(/data-field="([^"]+)">([^<]*)</g)].map((m) => [m[1], m[2]]));
}

/** summary.json's figures as the trend table writes them. */
function asTrendCells(summary: (typeof summaries)[string]): Record<string, string> {
  const yuan = Number(summary.findings.overpayment_yuan).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return { findings: String(summary.findings.total), open: String(summary.findings.open), overdue: String(summary.findings.overdue), overpayment: yuan };
}

async function demoWithoutVehicles(folder: string): Promise<string> {
  await mkdir(folder);
  for (const file of await readdir(SAMPLE_INPUT)) if (file !== VEHICLES_FILE) await copyFile(join(SAMPLE_INPUT, file), join(folder, file));
  return folder;
}

beforeAll(async () => {
  await copyFile(SAMPLE_CONFIG, join(root, 'rollsweep.config.json'));
  const october = await months.scan(SAMPLE_INPUT, '2026-10', '2026-11-05');
  summaries['2026-10'] = await summaryOfLastScan();
  // After October's scan: a finding with money found 误报, and another's 整改时限 brought forward before the scan date.
  const [withMoney, other] = [october.find((r) => Number(r['overpayment_yuan']) > 0)!, october.find((r) => !r['overpayment_yuan'])!];
  await months.cli(['ledger', 'set', withMoney['finding_id']!, '--status', '误报', '--note', '核实为误报']);
  await months.cli(['ledger', 'set', other['finding_id']!, '--deadline', '2026-11-01']);
  const november = await months.scan(await demoWithoutVehicles(join(root, 'november')), '2026-11', '2026-12-05');
  summaries['2026-11'] = await summaryOfLastScan();
  // After November's scan: another finding with money found 误报.
  const another = november.find((r) => Number(r['overpayment_yuan']) > 0 && r['finding_id'] !== withMoney['finding_id'])!;
  await months.cli(['ledger', 'set', another['finding_id']!, '--status', '误报', '--note', '核实为误报']);
  reports['2026-10'] = await report('2026-10', 'october');
  reports['2026-11'] = await report('2026-11', 'november');
}, 600_000);

describe('the month-by-month trend', () => {
  it('keeps October as its scan said, after staff marked 误报 and brought a deadline forward', () => {
    expect(summaries['2026-10']!.findings).toMatchObject({ overdue: 0, overpayment_yuan: '39924.03' });
    // Until 2026-12-07 October's row read today's statuses and deadlines: 逾期 1 and less money.
    expect(trendRow(reports['2026-10']!, '2026-10')).toMatchObject(asTrendCells(summaries['2026-10']!));
    expect(trendRow(reports['2026-11']!, '2026-10')).toMatchObject({ overdue: '0', overpayment: '39,924.03' });
  });

  it('keeps November as its scan said, after staff marked a November finding 误报', () => {
    expect(trendRow(reports['2026-11']!, '2026-11')).toMatchObject(asTrendCells(summaries['2026-11']!));
  });
});

describe('checks the month\'s scan did not run', () => {
  it('are named with why in the month\'s report, above the figures', () => {
    expect(summaries['2026-11']!.checks_skipped.map((c) => c.id)).toContain('over_asset.vehicle');
    const page = reports['2026-11']!;
    const notice = /<div class="notice" data-testid="checks-not-run">[\s\S]*?<\/div>/.exec(page)?.[0] ?? '';
    expect(notice).toContain('未运行 over_asset.vehicle：缺少输入数据');
    for (const check of summaries['2026-11']!.checks_skipped) expect(notice).toContain(check.id);
    expect(page.indexOf('data-testid="checks-not-run"')).toBeLessThan(page.indexOf('data-testid="total-findings"'));
  });

  it('are not claimed for a month whose scan ran every check', () => {
    expect(summaries['2026-10']!.checks_skipped).toEqual([]);
    expect(reports['2026-10']).not.toContain('data-testid="checks-not-run"');
  });
});
