// 同左 in a member's 家庭编号 is refused (ditto-marks.ts: which cell it means cannot be told) and read as empty. Until
// 2026-12-08 the member then joined no household, and the head's correct amount was judged against the standard of a
// household of one: demo-township's 魏文生, 1830.00 元 for three persons (city standard 900 × 3 = 2700), was reported
// 超过城市低保上限 900.00 元 × 1 人 once his wife's and daughter's 户编号 said 同左. The warning also gave the wrong
// reason (上面没有可沿用的值: there was a value above). Now the rows whose 家庭编号 could not be read, directly under a
// household, are counted for its amount check as members it may have: no finding unless it is over even so, and then
// the evidence names them. The demo's city roll so edited, its GBK bytes kept, through the CLI from source.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCsvRecords } from '../support/parse-csv.ts';
import { runCli } from '../support/run-cli.ts';
import { tempFolder } from '../support/temp-folder.ts';

const SAMPLE = fileURLToPath(new URL('../../sample-data/', import.meta.url));
const ROLL = '城市低保及特困人员花名册.csv';
/** The roll's bytes as latin1 text: its GBK cells, and a few bytes GBK cannot decode, are kept as they are. */
const SAME_LEFT = iconv.encode('同左', 'gbk').toString('latin1');

/**
 * 序号 25 and 26 (魏文生's wife and daughter, household 3713291100030016) write 同左 as their 户编号; 李春琴's household
 * (3713291100030010, three persons) is paid 3000 on every row, over 2700 even counting her son, whose 户编号 says 同左.
 */
function edited(roll: string): string {
  return roll.split('\n').map((line) => {
    if (/^(25|26),/.test(line)) return line.replace(',3713291100030016,', `,${SAME_LEFT},`);
    if (/^(15|16|17),/.test(line)) {
      const paidMore = line.replace(',"2,370.00",', ',3000,').replace(',2370,', ',3000,');
      return line.startsWith('17,') ? paidMore.replace(',3713291100030010,', `,${SAME_LEFT},`) : paidMore;
    }
    return line;
  }).join('\n');
}

async function scanEditedRoll() {
  const folder = await tempFolder('rollsweep-same-left-');
  const input = join(folder, 'in');
  await mkdir(input);
  const roll = (await readFile(join(SAMPLE, 'demo-township', ROLL))).toString('latin1');
  const changed = edited(roll);
  // The edits found their rows (the demo's roll as this test knows it).
  expect(changed.split(SAME_LEFT)).toHaveLength(4);
  expect(changed.split(',3000,')).toHaveLength(4);
  await writeFile(join(input, ROLL), Buffer.from(changed, 'latin1'));
  const out = join(folder, 'out');
  const run = await runCli([
    'scan', '--input', input, '--period', '2026-10', '--config', join(SAMPLE, 'rollsweep.config.json'),
    '--ledger', join(folder, 'ledger.duckdb'), '--out', out, '--as-of', '2026-11-05',
  ], { timeoutMs: 170_000 });
  expect(run.code, run.stdout + run.stderr).toBe(0);
  const [header, ...records] = parseCsvRecords(await readFile(join(out, 'findings.csv'), 'utf8'));
  const findings = records.map((record) => Object.fromEntries(header!.map((name, i) => [name, record[i] ?? ''])));
  return { stdout: run.stdout, findings };
}

describe('同左 in a member\'s 家庭编号 (demo-township\'s city roll, through the CLI)', () => {
  // One scan for the three tests (a scan of the roll takes tens of seconds on a loaded machine).
  let scanned: ReturnType<typeof scanEditedRoll>;
  beforeAll(() => {
    scanned = scanEditedRoll();
    scanned.catch(() => undefined);
  });

  it('does not report the head over the standard of one: the unreadable cells are the members\' own findings', async () => {
    const { findings } = await scanned;
    const overStandard = findings.filter((f) => f['check_id'] === 'data_quality.amount-over-standard');
    expect(overStandard.filter((f) => f['household_id'] === '3713291100030016' || f['name'] === '魏文生')).toEqual([]);
    // Each member's 家庭编号 is said to be missing, on her own row; no household is named 同左.
    for (const name of ['苏秀梅', '魏琴巧']) {
      const own = findings.filter((f) => f['name'] === name);
      expect(own.map((f) => f['check_id']), name).toEqual(['data_quality.missing-field']);
      expect(own[0]!['evidence']).toContain('家庭编号');
    }
    expect(findings.some((f) => f['household_id'].includes('同左'))).toBe(false);
  }, 180_000);

  it('still reports a household over the standard even counting such a row, and names the row', async () => {
    const { findings } = await scanned;
    const over = findings.filter((f) => f['check_id'] === 'data_quality.amount-over-standard' && f['household_id'] === '3713291100030010');
    expect(over).toHaveLength(1);
    expect(over[0]!['evidence']).toContain('月保障金 3000.00 元，超过城市低保上限 900.00 元 × 2 人 = 1800.00 元');
    expect(over[0]!['evidence']).toContain('何峰刚（第 18 行）；即使计入本户，按 3 人计上限 2700.00 元，仍超过');
  }, 180_000);

  it('says why 同左 was read as empty: which cell it means cannot be told, not that nothing was above', async () => {
    const { stdout } = await scanned;
    expect(stdout).toContain('有单元格写作「同左」，左边一格是另一列，无法判断指的是哪一格，已按空值读取（请填写实际的值）：家庭编号 3 格（第 18 行起）');
    expect(stdout).not.toContain('上面没有可沿用的值');
  }, 180_000);
});
