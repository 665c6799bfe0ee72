// Rescanning a month replaces its run (ledger.md): a finding the rescan cannot judge is carried into the month as the
// months that remain saw it, not as the replaced run did. Until 2026-12-06 a mistaken ¥70,000 payment to a dead man,
// corrected by the rescan, was still asked back (70700) — and a replaced deposits list's 余额 stayed the finding's.
// Each case: three scans into one ledger, against the same two good months scanned into a fresh one. Real CLI, real DuckDB.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { onlyFindingId } from '../support/finding-rows.ts';
import { parseCsv } from '../support/parse-csv.ts';
import { cellOf, readWorkbook } from '../support/ledger-fixture.ts';
import { ledgerMonths } from '../support/ledger-months.ts';
import { readLedgerRows } from '../support/read-ledger.ts';
import { PEOPLE, rollCsv } from '../support/small-township.ts';
import { tempFolder } from '../support/temp-folder.ts';

const root = await tempFolder();
// The deposits check needs the 低保标准 (700 a month in the countryside): 王小明's limit is 24 × 700 = 16800.
const CONFIG = join(root, 'rollsweep.config.json');
await writeFile(CONFIG, JSON.stringify({ standards: { default: { urban: 900, rural: 700 } } }));
const SLOW = 300_000;

/** A ledger scanned with CONFIG; `scan` returns findings.csv's rows. */
function ledgerKit(name: string) {
  const kit = ledgerMonths(root, name);
  let step = 0;
  const scan = async (folder: string, period: string, asOf: string) => {
    step += 1;
    const out = join(root, `${name}-${step}`);
    await kit.cli(['scan', '--input', folder, '--config', CONFIG, '--period', period, '--as-of', asOf, '--out', out, '--quiet']);
    return parseCsv(await readFile(join(out, 'findings.csv'), 'utf8'));
  };
  return { ...kit, scan, lastScanOut: () => join(root, `${name}-${step}`) };
}

/** A month's folder: the roll, and the lists given (file name → content). */
async function month(name: string, lists: Record<string, string>, roll = rollCsv()): Promise<string> {
  const folder = join(root, name);
  await mkdir(folder, { recursive: true });
  await writeFile(join(folder, '低保花名册.csv'), roll);
  for (const [file, content] of Object.entries(lists)) await writeFile(join(folder, file), content);
  return folder;
}

// 王小明 (H002, alone on the roll, 700 a month) died in August and was paid on.
const DEATHS = { '死亡人员名单.csv': `公民身份号码,姓名,死亡日期,来源\n${PEOPLE.wang},王小明,2026-08-10,殡葬火化\n` };
const payments = (october: string) => ({ '发放明细.csv': `家庭编号,发放月份,发放金额\nH002,2026-09,700\nH002,2026-10,${october}\n` });
const deposits = (balance: string, asOf: string) => ({ '金融资产.csv': `证件号码,姓名,余额,截止日期\n${PEOPLE.wang},王小明,${balance},${asOf}\n` });

/** The finding's fields a scan refreshes, as the ledger holds them. */
async function refreshed(ledger: string, id: string): Promise<Record<string, unknown>[]> {
  return readLedgerRows(ledger, `SELECT evidence, overpayment_cents, county, township, village, household_id, name, program,
                                        head_name, source_dataset, source_file, source_line, compared_datasets, fact, last_seen
                                 FROM findings WHERE finding_id = '${id}'`);
}

describe('a rescan gives the finding back as the months that remain saw it', () => {
  it('a corrected payment rescanned without the deaths list is carried with September\'s 700, not the replaced 70000', async () => {
    const september = await month('dead-09', { ...DEATHS, '发放明细.csv': '家庭编号,发放月份,发放金额\nH002,2026-09,700\n' });
    const mistaken = await month('dead-10-mistaken', { ...DEATHS, ...payments('70000') });
    const corrected = await month('dead-10-corrected', payments('700'));

    const rescanned = ledgerKit('dead-rescanned');
    await rescanned.scan(september, '2026-09', '2026-10-05');
    await rescanned.scan(mistaken, '2026-10', '2026-11-05');
    const rows = await rescanned.scan(corrected, '2026-10', '2026-11-06');
    const fresh = ledgerKit('dead-fresh');
    await fresh.scan(september, '2026-09', '2026-10-05');
    const freshRows = await fresh.scan(corrected, '2026-10', '2026-11-06');

    const id = onlyFindingId(rows, { check_id: 'deceased.recipient', household_id: 'H002' });
    const row = rows.find((r) => r['finding_id'] === id)!;
    // Was: 2 个月（2026-09 至 2026-10）… 70700.00 元, overpayment_yuan 70700.00.
    expect(row).toMatchObject({ overpayment_yuan: '700.00', tracking: '未复查：本月缺少死亡人员名单' });
    expect(row).toEqual(freshRows.find((r) => r['finding_id'] === id));
    expect(await refreshed(rescanned.ledger, id)).toEqual(await refreshed(fresh.ledger, id));

    const workbook = await readWorkbook(join(rescanned.lastScanOut(), 'ledger', '张庄镇.xlsx'));
    expect(cellOf(workbook.getWorksheet('西村')!, id, '多发金额(元)').value).toBe(700);
  }, SLOW);

  it('November, which carried the mistaken October unjudged, asks back September\'s 700 once October is rescanned corrected', async () => {
    const september = await month('later-09', { ...DEATHS, '发放明细.csv': '家庭编号,发放月份,发放金额\nH002,2026-09,700\n' });
    const mistaken = await month('later-10-mistaken', { ...DEATHS, ...payments('70000') });
    const corrected = await month('later-10-corrected', payments('700'));

    const ledger = ledgerKit('later');
    await ledger.scan(september, '2026-09', '2026-10-05');
    const id = onlyFindingId(await ledger.scan(mistaken, '2026-10', '2026-11-05'), { check_id: 'deceased.recipient', household_id: 'H002' });
    const november = await ledger.scan(corrected, '2026-11', '2026-12-05');
    expect(november.find((r) => r['finding_id'] === id)).toMatchObject({ overpayment_yuan: '70700.00', tracking: '未复查：本月缺少死亡人员名单' });
    await ledger.scan(corrected, '2026-10', '2026-12-06'); // October again, the payment corrected (a backfill: November is scanned)

    const out = join(root, 'later-november');
    await ledger.cli(['ledger', 'export', '--period', '2026-11', '--out', out]);
    const workbook = await readWorkbook(join(out, '张庄镇.xlsx'));
    // Was: 70700, from the October run the rescan replaced.
    expect(cellOf(workbook.getWorksheet('西村')!, id, '多发金额(元)').value).toBe(700);
  }, SLOW);

  it('a roll that put the dead man in the wrong village, rescanned corrected without the deaths list, leaves him in his own', async () => {
    const payments09 = { '发放明细.csv': '家庭编号,发放月份,发放金额\nH002,2026-09,700\n' };
    const september = await month('place-09', { ...DEATHS, ...payments09 });
    const mistaken = await month('place-10-mistaken', { ...DEATHS, ...payments('700') }, rollCsv().replace('张庄镇,西村,H002', '张庄镇,东村,H002'));
    const corrected = await month('place-10-corrected', payments('700'));

    const rescanned = ledgerKit('place-rescanned');
    await rescanned.scan(september, '2026-09', '2026-10-05');
    const wrong = await rescanned.scan(mistaken, '2026-10', '2026-11-05');
    const id = onlyFindingId(wrong, { check_id: 'deceased.recipient', household_id: 'H002' });
    expect(wrong.find((r) => r['finding_id'] === id)).toMatchObject({ village: '东村' });
    const rows = await rescanned.scan(corrected, '2026-10', '2026-11-06');

    // Was: 东村, and the row in 东村's sheet, for that village's cadres to remedy.
    expect(rows.find((r) => r['finding_id'] === id)).toMatchObject({ village: '西村', tracking: '未复查：本月缺少死亡人员名单' });
    const workbook = await readWorkbook(join(rescanned.lastScanOut(), 'ledger', '张庄镇.xlsx'));
    expect(cellOf(workbook.getWorksheet('西村')!, id, '村(社区)').value).toBe('西村');
  }, SLOW);

  it('a month rescanned without its deposits list shows the finding with September\'s 余额, not the replaced list\'s', async () => {
    const september = await month('money-09', deposits('30000', '2026-09-30'));
    const october = await month('money-10', deposits('31000', '2026-10-31'));
    const without = await month('money-10-without', {});

    const rescanned = ledgerKit('money-rescanned');
    const id = onlyFindingId(await rescanned.scan(september, '2026-09', '2026-10-05'), { check_id: 'over_asset.deposits', household_id: 'H002' });
    await rescanned.scan(october, '2026-10', '2026-11-05');
    const rows = await rescanned.scan(without, '2026-10', '2026-11-06');
    const fresh = ledgerKit('money-fresh');
    await fresh.scan(september, '2026-09', '2026-10-05');
    const freshRows = await fresh.scan(without, '2026-10', '2026-11-06');

    const row = rows.find((r) => r['finding_id'] === id)!;
    expect(row['tracking']).toContain('未复查');
    expect(row).toEqual(freshRows.find((r) => r['finding_id'] === id));
    expect(await refreshed(rescanned.ledger, id)).toEqual(await refreshed(fresh.ledger, id));
    // Was: 31000 截至 2026-10-31, from the list the rescan replaced.
    const shown = (await rescanned.cli(['ledger', 'show', id])).stdout;
    expect(shown).toContain('2026-09-30');
    expect(shown).not.toContain('31000');
  }, SLOW);
});
