// The same seed on the same month draws the same sample whatever staff change afterwards: the villages are weighed by
// the findings open when the month was scanned (statuses-at-scan.ts), through the real CLI on a real ledger. Until
// 2026-12-06 any status edit changed the draw, and a village could close its findings to lower its chance.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../scanner/cli/main.ts';
import { withLedger } from '../../scanner/ledger/with-ledger.ts';
import { TERMINAL_SQL } from '../../scanner/ledger/statuses.ts';
import { loadSamplePopulation } from '../../scanner/sample/population.ts';
import { queryLedger, SAMPLE_PERIOD, scanInto, scanSampleLedger } from '../support/ledger-fixture.ts';
import { runCli, type CliRun } from '../support/run-cli.ts';
import { tempFolder } from '../support/temp-folder.ts';

const SEED = '复核-7';
const root = await tempFolder();
let ledger: string;
let before: CliRun;
let after: CliRun;
/** The drawn villages' findings staff closed between the two draws. */
let closed: string[];

const sample = (out: string) => runCli(['sample', '--ledger', ledger, '--period', SAMPLE_PERIOD, '--villages', '3', '--households', '2',
  '--seed', SEED, '--out', join(root, out), '--by', '督查组']);
const sampleId = (run: CliRun) => /抽查样本 (SMP-\S+)（/.exec(run.stdout)?.[1];
/** The printed villages with their weights, in draw order. */
const villageLines = (run: CliRun) => run.stdout.split('\n').filter((line) => /^ {2}\d+\. /.test(line));
const villagesOf = (run: CliRun) => villageLines(run).map((line) => /^ {2}\d+\. \S+ (\S+)（/.exec(line)![1]!);

beforeAll(async () => {
  ledger = await scanSampleLedger(root);
  before = await sample('before');
  // The drawn villages close every open finding, as `ledger set` does it (audit trail and all).
  const villages = villagesOf(before);
  const open = await queryLedger(ledger, `SELECT finding_id FROM ledger.findings
    WHERE village IN (${villages.map((v) => `'${v}'`).join(', ')}) AND status NOT IN ${TERMINAL_SQL} AND severity <> 'info' ORDER BY finding_id`);
  closed = open.map((row) => String(row['finding_id']));
  for (const id of closed) {
    const code = await main(['ledger', 'set', id, '--status', '已整改', '--by', '村干部', '--ledger', ledger],
      { out: () => {}, err: () => {}, isTerminal: false });
    expect(code).toBe(0);
  }
  after = await sample('after');
}, 240_000);

describe('a sample drawn again after staff changed statuses', () => {
  it('is the same sample: same id, villages and weights, the first record kept', () => {
    expect(before.code).toBe(0);
    expect(after.code).toBe(0);
    expect(closed.length).toBeGreaterThanOrEqual(10);
    expect(sampleId(after)).toBe(sampleId(before));
    expect(villageLines(after)).toEqual(villageLines(before));
    expect(villageLines(before)).toHaveLength(3);
    expect(after.stdout).toContain('同一样本已于');
  });

  it('says in the 复现 line that later status changes do not alter the draw', () => {
    expect(before.stdout).toContain(`--period ${SAMPLE_PERIOD} --villages 3 --households 2 --seed ${SEED}`);
    expect(before.stdout).toContain('此后修改整改状态不改变样本');
  });

  it('weighs the statuses a rescan of the month saw: the closed findings no longer weigh', async () => {
    const weightsBefore = await openFindingsOfDrawn();
    expect(weightsBefore.every((open) => open > 0)).toBe(true);
    await scanInto(ledger, SAMPLE_PERIOD, '2026-11-20');
    expect(await openFindingsOfDrawn()).toEqual(weightsBefore.map(() => 0));
  }, 120_000);
});

/** Open findings at the month's scan of the villages the first draw took, in draw order. */
async function openFindingsOfDrawn(): Promise<number[]> {
  return withLedger(ledger, async (connection) => {
    const population = await loadSamplePopulation(connection, SAMPLE_PERIOD);
    return villagesOf(before).map((village) => population.villages.find((v) => v.village === village)!.openFindings);
  });
}
