// The report of a month after later months were scanned, through the real CLI: three monthly scans of the demo township
// and a staff-edited workbook imported in October. Money recovered on a finding since closed stays in 已追回, and a past
// month's report shows the month as it stood at its close, whenever it is made.
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { withLedger } from '../../scanner/ledger/with-ledger.ts';
import { writeReport } from '../../scanner/report/write-report.ts';
import { scan } from '../../scanner/scan.ts';
import { cellOf, demoWithout, editWorkbook, SAMPLE_CONFIG, SAMPLE_INPUT } from '../support/ledger-fixture.ts';
import { ledgerMonths } from '../support/ledger-months.ts';
import { PEOPLE, writeSmallTownship } from '../support/small-township.ts';
import { tempFolder } from '../support/temp-folder.ts';

/** Two deceased recipients of the demo (新圩子村): 孟莲菊's 3,120.00 recovered in full, 陈志福's 3,060.00 in part. */
const RECOVERED = { id: 'RS9E9B053BDEB3784E', idNumber: '371329193809257124' };
const PARTLY = { id: 'RS68873936CA7E1E04', idNumber: '371329197310083573' };

const root = await tempFolder('rollsweep-report-months-');
const months = ledgerMonths(root, 'months');
const reports: Record<string, string> = {};

async function report(period: string, name: string): Promise<string> {
  const out = join(root, name);
  await months.cli(['report', '--period', period, '--out', out]);
  return readFile(join(out, `report-${period}.html`), 'utf8');
}

/** The headline cards, by data-testid. */
function cards(page: string): Record<string, string> {
  return Object.fromEntries([...page.matchAll(/<div class="value" data-testid="([^"]+)">([^<]*)<\/div>/g)].map((m) => [m[1], m[2]]));
}

function statusMoment(page: string): string {
  return /data-testid="status-moment">([^<]*)</.exec(page)?.[1] ?? '';
}

beforeAll(async () => {
  // The demo's config, found beside the input folders as it is for sample-data/demo-township.
  await copyFile(SAMPLE_CONFIG, join(root, 'rollsweep.config.json'));
  await months.scan(SAMPLE_INPUT, '2026-10', '2026-11-05');
  const exported = join(months.lastScanOut(), 'ledger', '店头镇.xlsx');
  const edited = await editWorkbook(exported, join(root, '店头镇-已填.xlsx'), (workbook) => {
    const sheet = workbook.getWorksheet('新圩子村')!;
    cellOf(sheet, RECOVERED.id, '整改状态').value = '已追回';
    cellOf(sheet, RECOVERED.id, '已追回金额(元)').value = 3120;
    cellOf(sheet, PARTLY.id, '整改状态').value = '核实中';
    cellOf(sheet, PARTLY.id, '已追回金额(元)').value = 500;
  });
  await months.cli(['ledger', 'import', edited, '--by', '张主任']);
  reports['oct-at-close'] = await report('2026-10', 'oct-at-close');
  // November: both taken off the roll. 孟莲菊's finding (已追回) is no longer in the month; 陈志福's is 自动销号.
  await months.scan(await demoWithout(join(root, 'november'), [RECOVERED.idNumber, PARTLY.idNumber]), '2026-11', '2026-12-05');
  reports['nov-at-close'] = await report('2026-11', 'nov-at-close');
  // December: the original roll again (both back on it): both reopened as 整改未到位, 陈志福's 自动销号 undone.
  await months.scan(SAMPLE_INPUT, '2026-12', '2027-01-05');
  reports['dec'] = await report('2026-12', 'dec');
  reports['oct-later'] = await report('2026-10', 'oct-later');
  reports['nov-later'] = await report('2026-11', 'nov-later');
}, 600_000);

describe('money recovered on a finding since closed', () => {
  it('stays in the month\'s 已追回, with the overpayment it was recovered on in 应追回', () => {
    expect(cards(reports['oct-at-close']!)).toMatchObject({ 'to-recover': '39,924.03', recovered: '3,620.00' });
    // Until 2026-12-06 November's 已追回 was 500.00: the 3,120.00 recovered in October had left with its finding.
    const november = reports['nov-at-close']!;
    expect(cards(november)).toMatchObject({ 'to-recover': '39,924.03', recovered: '3,620.00' });
    expect(november).toContain('含此前各月已办结、误报或销号、不在本月台账中的 1 条问题 3,120.00 元');
    const village = /<tr data-testid="village-row" data-township="店头镇" data-village="新圩子村">[\s\S]*?<\/tr>/.exec(november)![0];
    expect(village).toContain('data-field="recovered">3,620.00<');
  });

  it('is counted once when the finding comes back into a later month', () => {
    expect(cards(reports['dec']!)).toMatchObject({ recovered: '3,620.00' });
    expect(reports['dec']).not.toContain('不在本月台账中的 1 条问题');
  });
});

describe('a past month\'s report made after later months were scanned', () => {
  it('shows the month as it stood at its close: the same cards as when it was the latest month', () => {
    expect(cards(reports['oct-later']!)).toEqual(cards(reports['oct-at-close']!));
    // November closed 陈志福's finding as 自动销号 and December reopened it: November still shows its close.
    expect(cards(reports['nov-later']!)).toEqual(cards(reports['nov-at-close']!));
  });

  it('says which moment its statuses are from, and that the latest month\'s are from now', () => {
    expect(statusMoment(reports['oct-later']!)).toMatch(/^整改状态、整改时限、已追回金额和备注为本月月末，即 2026-11 扫描前（\d{4}-\d{2}-\d{2} \d{2}:\d{2}）台账中的情况/);
    expect(statusMoment(reports['nov-later']!)).toMatch(/即 2026-12 扫描前/);
    expect(statusMoment(reports['dec']!)).toMatch(/^整改状态为生成报告时（/);
    expect(statusMoment(reports['oct-at-close']!)).toMatch(/^整改状态为生成报告时（/);
  });
});

describe('a month recorded after a later one (a backfill)', () => {
  it('says its statuses are today\'s, as the month as it stood cannot be told apart', async () => {
    const input = join(root, 'small');
    await mkdir(input);
    await writeSmallTownship(input, [`张庄镇,东村,H004,王小明,${PEOPLE.wang},户主,农村低保,700,在保`]);
    const ledger = join(root, 'backfill.duckdb');
    await scan({ input, period: '2026-10', asOf: '2026-11-05', ledger, out: join(root, 'backfill-10') });
    await scan({ input, period: '2026-09', asOf: '2026-11-06', ledger, out: join(root, 'backfill-09') });
    const { file } = await withLedger(ledger, (connection) => writeReport(connection, { period: '2026-09', outDir: join(root, 'backfill-report') }));
    expect(statusMoment(await readFile(file, 'utf8'))).toMatch(/^本月的扫描记录晚于 2026-10 的扫描（补扫或重扫），台账无法还原本月月末的情况：整改状态为生成报告时/);
  });
});
