// The printed `--seed` command draws the same sample of a month after a later month's scan moved a finding to another
// township (the roll changed): findings stand where the month's scan placed them (places-at-scan.ts), through the real
// CLI on a real ledger. Until 2026-12-07 the draw read the place from the finding's current record, and re-running the
// printed command for 2026-10 after the 2026-11 scan drew other villages and households.
import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyLedger, queryLedger, readWorkbook, SAMPLE_CONFIG, SAMPLE_INPUT, SAMPLE_PERIOD } from '../support/ledger-fixture.ts';
import { runCli, type CliRun } from '../support/run-cli.ts';
import { tempFolder } from '../support/temp-folder.ts';

const SEED = '复核-7';
const NEXT_PERIOD = '2026-11';
const URBAN_ROLL = '城市低保及特困人员花名册.csv';
/** A two-member household of 小垛庄村 on the urban roll, one member with a finding (a 17-digit ID number). */
const MOVED_HOUSEHOLD = '3713291102140019';
const root = await tempFolder();
const ledger = join(root, 'ledger.duckdb');
let before: CliRun;
let after: CliRun;
let movedLines: number;

const scan = (input: string, period: string, asOf: string) => runCli(['scan', '--input', input, '--config', SAMPLE_CONFIG,
  '--period', period, '--as-of', asOf, '--ledger', ledger, '--out', join(root, `out-${period}`)]);
const sample = (out: string, ledgerPath = ledger, period = SAMPLE_PERIOD) => runCli(['sample', '--ledger', ledgerPath, '--period', period,
  '--villages', '8', '--households', '2', '--seed', SEED, '--out', join(root, out), '--by', '督查组']);
const sampleId = (run: CliRun) => /抽查样本 (SMP-\S+)（/.exec(run.stdout)?.[1];
/** The printed villages with their weights and flagged households, in draw order. */
const villageLines = (run: CliRun) => run.stdout.split('\n').filter((line) => /^ {2}\d+\. /.test(line));
const NOT_KEPT = /注意：有 (\d+) 条问题的所在村、户本月扫描时的记录台账未留存/;

/** The demo township with the household's members moved to another township on next month's urban roll (GBK). */
async function demoWithHouseholdMoved(folder: string): Promise<string> {
  await cp(SAMPLE_INPUT, folder, { recursive: true });
  const file = join(folder, URBAN_ROLL);
  movedLines = 0;
  const lines = iconv.decode(await readFile(file), 'gbk').split('\n').map((line) => {
    if (!line.includes(`,${MOVED_HOUSEHOLD},`)) return line;
    movedLines++;
    return line.replace(',店头镇,', ',玉山镇,');
  });
  await writeFile(file, iconv.encode(lines.join('\n'), 'gbk'));
  return folder;
}

const placeOfMovedFinding = async (ledgerPath: string) => queryLedger(ledgerPath,
  `SELECT township FROM ledger.findings WHERE household_id = '${MOVED_HOUSEHOLD}' AND severity <> 'info'`);

beforeAll(async () => {
  expect((await scan(SAMPLE_INPUT, SAMPLE_PERIOD, '2026-11-05')).code).toBe(0);
  before = await sample('before');
  expect((await scan(await demoWithHouseholdMoved(join(root, 'moved')), NEXT_PERIOD, '2026-12-05')).code).toBe(0);
  after = await sample('after');
}, 240_000);

describe('a month drawn again after a later month moved a finding', () => {
  it('has the finding moved in the ledger: the next month saw the household in another township', async () => {
    expect(movedLines).toBe(2);
    expect(await placeOfMovedFinding(ledger)).toEqual([{ township: '玉山镇' }]);
  });

  it('is the same sample: same id, villages, weights and flagged households, the first record kept', () => {
    expect(before.code).toBe(0);
    expect(after.code).toBe(0);
    expect(villageLines(before)).toHaveLength(8);
    expect(villageLines(after)).toEqual(villageLines(before));
    expect(sampleId(after)).toBe(sampleId(before));
    expect(after.stdout).toContain('同一样本已于');
    expect(after.stdout).not.toMatch(NOT_KEPT);
  });

  it('says on the console, the sheet and in --help that only a rescan of the month changes the sample', async () => {
    expect(before.stdout).toContain('扫描其他月份也不改变');
    expect((await runCli(['sample', '--help'])).stdout).toContain('同一月份、同一种子重抽得到同样的样本，除非重新扫描该月');
    const sheet = await readWorkbook(join(root, 'after', `抽查-${SAMPLE_PERIOD}-${SEED}-8村2户.xlsx`));
    const notes: string[] = [];
    sheet.getWorksheet('抽样说明')!.eachRow((row) => notes.push(String(row.getCell(1).value)));
    expect(notes.some((line) => line.includes('扫描其他月份也不影响'))).toBe(true);
    expect(notes.some((line) => NOT_KEPT.test(line))).toBe(false);
  });

  it('on a ledger that did not keep the month\'s places, says how many findings stand where their current record puts them', async () => {
    // A ledger scanned before 2026-12-06 kept no picture of a sighting.
    const old = await copyLedger(ledger);
    await queryLedger(old, `UPDATE ledger.run_findings SET picture = NULL`);
    const refreshed = await queryLedger(old, `SELECT count(*)::INTEGER AS n FROM ledger.findings
      WHERE last_seen = '${NEXT_PERIOD}' AND first_seen = '${SAMPLE_PERIOD}' AND severity <> 'info'`);
    const october = await sample('old-october', old);
    expect(october.code).toBe(0);
    expect(Number(NOT_KEPT.exec(october.stdout)?.[1])).toBe(Number(refreshed[0]!['n']));
    // Never told both that other months cannot change the draw and that they may have.
    expect(october.stdout).not.toContain('扫描其他月份也不改变');
    const sheet = await readWorkbook(join(root, 'old-october', `抽查-${SAMPLE_PERIOD}-${SEED}-8村2户.xlsx`));
    const notes: string[] = [];
    sheet.getWorksheet('抽样说明')!.eachRow((row) => notes.push(String(row.getCell(1).value)));
    expect(notes.some((line) => NOT_KEPT.test(line))).toBe(true);
    expect(notes.some((line) => line.includes('扫描其他月份也不影响'))).toBe(false);
    // The latest month's places are its findings' current record: nothing to say.
    const november = await sample('old-november', old, NEXT_PERIOD);
    expect(november.code).toBe(0);
    expect(november.stdout).not.toMatch(NOT_KEPT);
  }, 120_000);
});
