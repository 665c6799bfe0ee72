// A county's own check (--checks-dir) whose SQL never ends (a recursive WITH with no stop) must not hang the monthly
// scan: until 2026-12-06 it ran at 100% CPU forever with the ledger locked, and report, ledger import and next month's
// scan were all told to wait for it. Now it is stopped after customCheckTimeLimitMinutes (config), recorded as not run,
// its open findings carried as 未复查, everything else recorded and written, and the scan exits 2 naming the file.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../support/parse-csv.ts';
import { looksLikeStackTrace, runCli } from '../support/run-cli.ts';
import { validId } from '../support/small-township.ts';
import { tempFolder } from '../support/temp-folder.ts';

const root = await tempFolder();
const input = join(root, 'input');
await mkdir(input);
const DEAD = validId('371329', '19500303', '003');
await writeFile(join(input, 'roll.csv'), [
  '县区,乡镇,村,家庭编号,姓名,身份证号码,与户主关系,救助类别,月保障金,开始享受时间,状态',
  `临沭县,店头镇,东村,H001,张三,${validId('371329', '19800101', '001')},户主,农村低保,1400,2024-01-01,在保`,
  `临沭县,店头镇,西村,H002,王五,${DEAD},户主,农村低保,700,2024-01-01,在保`,
].join('\n') + '\n');
await writeFile(join(input, 'deaths.csv'), `姓名,身份证号码,死亡日期\n王五,${DEAD},2026-05-10\n`);
// 0.05 minutes = 3 seconds: the default (5 minutes) is too long to wait for in a test.
const config = join(root, 'rollsweep.config.json');
await writeFile(config, JSON.stringify({ customCheckTimeLimitMinutes: 0.05 }));

function check(id: string, sqlAfterSelect: string): object {
  return {
    id, category: 'data_quality', severity: 'medium', title: '月保障金超过 1000 元', description: '县里自定的核查口径',
    basis: '县民政局 2026 年第 3 号通知', inputs: ['roll'], remedy: '入户核实', deadlineDays: 20,
    sql: `SELECT id_number AS subject_id, name AS subject_name, household_id, county, township, village, program,
                 'big|' || coalesce(id_number, id_raw, '') AS fact, '月保障金 ' || monthly_amount_cents // 100 || ' 元' AS evidence ${sqlAfterSelect}`,
  };
}
const BIG_AMOUNT = check('data_quality.county-big-amount', 'FROM roll WHERE monthly_amount_cents > 100000');
/** The reviewer's check: counts up forever, keeps nothing (n < 0), so it never ends and never runs out of memory. */
const NEVER_ENDS = check('data_quality.county-big-amount',
  'FROM roll, (WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t) SELECT n FROM t) AS t WHERE n < 0');
/** Sorted after the one that never ends, so on two connections it may well run on the interrupted one. */
const ANOTHER = check('data_quality.county-any-amount', 'FROM roll WHERE monthly_amount_cents > 0');

let runs = 0;
async function scan(checks: Record<string, object>, period: string, ledger: string) {
  const folder = join(root, `checks-${++runs}`);
  await mkdir(folder);
  for (const [name, body] of Object.entries(checks)) await writeFile(join(folder, name), JSON.stringify(body, null, 2));
  const out = join(root, `out-${runs}`);
  // Killed after 150 s (code -1) rather than hanging the test run, as the scan did until 2026-12-06.
  const run = await runCli(['scan', '--input', input, '--period', period, '--ledger', ledger, '--config', config,
    '--out', out, '--checks-dir', folder, '--quiet'], { timeoutMs: 150_000 });
  expect(looksLikeStackTrace(run.stderr), run.stderr).toBe(false);
  const findings = run.code === 0 || run.code === 2 ? parseCsv(await readFile(join(out, 'findings.csv'), 'utf8')) : [];
  return { ...run, of: (id: string) => findings.filter((f) => f['check_id'] === id) };
}

describe('a custom check that never ends', () => {
  it('is stopped after the time limit: not run, its findings 未复查, the rest recorded, exit 2, the ledger free', { timeout: 600_000 }, async () => {
    const ledger = join(root, 'months.duckdb');
    const october = await scan({ 'county-big-amount.json': BIG_AMOUNT }, '2026-10', ledger);
    expect(october.code, october.stderr).toBe(0);
    expect(october.of('data_quality.county-big-amount').map((f) => f['name'])).toEqual(['张三']);

    const november = await scan({ 'a-never-ends.json': NEVER_ENDS, 'b-any-amount.json': ANOTHER }, '2026-11', ledger);
    expect(november.code, november.stderr).toBe(2);
    expect(november.stderr).toMatch(/a-never-ends\.json（data_quality\.county-big-amount）未运行.*SQL 超过 3 秒未完成，已中止/);
    expect(november.stderr).toMatch(/customCheckTimeLimitMinutes/);
    expect(november.stderr).toMatch(/已记入台账，输出已写出/);
    // October's finding carried unjudged, not closed; the built-in checks and the other custom check ran as usual,
    // the latter on whichever connection was free (the interrupted one is usable again).
    const carried = november.of('data_quality.county-big-amount');
    expect(carried.map((f) => f['name'])).toEqual(['张三']);
    expect(carried[0]!['tracking']).toMatch(/^未复查：/);
    expect(november.of('deceased.recipient').map((f) => f['name'])).toEqual(['王五']);
    expect(november.of('data_quality.county-any-amount').map((f) => f['name']).sort()).toEqual(['张三', '王五']);

    // The scan ended, so the ledger is free: the month is rescanned at once with the check corrected.
    const again = await scan({ 'county-big-amount.json': BIG_AMOUNT }, '2026-11', ledger);
    expect(again.code, again.stderr).toBe(0);
    expect(again.of('data_quality.county-big-amount').map((f) => f['tracking'])).not.toContainEqual(expect.stringMatching(/^未复查/));
  });

  it('refuses a time limit that is no positive number of minutes, naming the key', async () => {
    const bad = join(root, 'bad.config.json');
    await writeFile(bad, JSON.stringify({ customCheckTimeLimitMinutes: 0 }));
    const run = await runCli(['scan', '--input', input, '--period', '2026-10', '--ledger', join(root, 'bad.duckdb'), '--config', bad, '--quiet']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/配置文件 .*bad\.config\.json 有误：数值过小：期望 number >0（位置：customCheckTimeLimitMinutes）/);
    expect(looksLikeStackTrace(run.stderr), run.stderr).toBe(false);
  });
});
