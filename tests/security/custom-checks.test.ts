// Custom checks (--checks-dir) are one SELECT over rollsweep's tables, run with DuckDB's file access off and its
// configuration locked: a check that tries to read a file, copy out, attach or install is refused (exit 2), and a
// read that slips past validation is stopped by the sandbox. Each case would pass without the protection it tests.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsvRecords } from '../support/parse-csv.ts';
import { looksLikeStackTrace, runCli } from '../support/run-cli.ts';
import { writeSmallTownship } from '../support/small-township.ts';
import { tempFolder } from '../support/temp-folder.ts';

const root = await tempFolder();
const input = join(root, 'input');
await mkdir(input);
await writeSmallTownship(input);

/** A custom check whose SELECT returns every standard column; `from` and `evidence` vary per case. */
function customCheck(id: string, evidence: string, from: string): object {
  return {
    id, category: 'data_quality', severity: 'medium', title: '自定义：月保障金超过 1000 元',
    description: '县里自定的核查口径', basis: '县民政局 2026 年第 3 号通知', inputs: ['roll'], remedy: '入户核实', deadlineDays: 20,
    sql: [
      'SELECT id_number AS subject_id, name AS subject_name, household_id, county, township, village, program,',
      `       'big|' || id_number AS fact, ${evidence} AS evidence`,
      `FROM ${from}`,
    ],
  };
}

let cases = 0;
async function scanWith(checks: Record<string, object | string>): Promise<{ code: number; stderr: string; out: string }> {
  const folder = join(root, `checks-${++cases}`);
  await mkdir(folder);
  for (const [name, check] of Object.entries(checks)) {
    await writeFile(join(folder, name), typeof check === 'string' ? check : JSON.stringify(check, null, 2));
  }
  const out = join(root, `out-${cases}`);
  const run = await runCli(['scan', '--input', input, '--period', '2026-10', '--ledger', join(root, `ledger-${cases}.duckdb`),
    '--out', out, '--checks-dir', folder, '--quiet']);
  expect(looksLikeStackTrace(run.stderr), run.stderr).toBe(false);
  return { code: run.code, stderr: run.stderr, out };
}

describe('custom checks', () => {
  it('run like built-in checks: findings with ids, in findings.csv and the ledger', async () => {
    const run = await scanWith({ 'big-amount.json': customCheck('data_quality.county-big-amount', `'月保障金 ' || monthly_amount_cents // 100 || ' 元'`, 'roll WHERE monthly_amount_cents > 100000') });
    expect(run.code, run.stderr).toBe(0);
    const [header, ...rows] = parseCsvRecords(await readFile(join(run.out, 'findings.csv'), 'utf8'));
    const custom = rows.filter((row) => row[header!.indexOf('check_id')] === 'data_quality.county-big-amount');
    expect(custom.map((row) => row[header!.indexOf('evidence')])).toEqual(['月保障金 1400 元', '月保障金 1400 元']);
  });

  it.each([
    ['reads a file with read_csv', customCheck('data_quality.steal-a', `'x'`, `read_csv('/etc/passwd')`), /不允许使用表函数（read_csv）/],
    ['is a COPY … TO', { ...customCheck('data_quality.steal-b', `'x'`, 'roll'), sql: `COPY roll TO '/tmp/rollsweep-stolen.csv'` }, /只允许一条 SELECT 语句/],
    ['is an ATTACH', { ...customCheck('data_quality.steal-c', `'x'`, 'roll'), sql: `ATTACH '/tmp/rollsweep-other.duckdb' AS other` }, /只允许一条 SELECT 语句/],
    ['is an INSTALL', { ...customCheck('data_quality.steal-d', `'x'`, 'roll'), sql: 'INSTALL httpfs' }, /只允许一条 SELECT 语句/],
    ['hides a second statement after a SELECT', { ...customCheck('data_quality.steal-e', `'x'`, 'roll'), sql: `SELECT 1; COPY roll TO '/tmp/rollsweep-stolen.csv'` }, /只允许一条 SELECT 语句/],
    ['turns file access back on', { ...customCheck('data_quality.unlock-a', `'x'`, 'roll'), sql: 'SET enable_external_access = true' }, /只允许一条 SELECT 语句/],
    ['unlocks the configuration', { ...customCheck('data_quality.unlock-b', `'x'`, 'roll'), sql: 'RESET lock_configuration' }, /只允许一条 SELECT 语句/],
    ['unlocks the configuration after a SELECT', { ...customCheck('data_quality.unlock-c', `'x'`, 'roll'), sql: 'SELECT 1; SET lock_configuration = false' }, /只允许一条 SELECT 语句/],
    // DuckDB's parser serialises these as a SELECT from a SHOW_REF; until 2026-12-06 they passed and failed only after
    // the whole load, with "Parser Error: syntax error at or near SHOW" from the scan's own wrapper.
    ['is a SHOW', { ...customCheck('data_quality.show-a', `'x'`, 'roll'), sql: 'SHOW TABLES' }, /只允许一条 SELECT 语句（SHOW、DESCRIBE、SUMMARIZE 不是 SELECT）/],
    ['is a DESCRIBE', { ...customCheck('data_quality.show-b', `'x'`, 'roll'), sql: 'DESCRIBE roll' }, /只允许一条 SELECT 语句（SHOW、DESCRIBE、SUMMARIZE 不是 SELECT）/],
    ['is a SUMMARIZE', { ...customCheck('data_quality.show-c', `'x'`, 'roll'), sql: 'SUMMARIZE roll' }, /只允许一条 SELECT 语句（SHOW、DESCRIBE、SUMMARIZE 不是 SELECT）/],
  ])('are refused when the SQL %s: exit 2 with the reason, before anything is read', async (_what, check, reason) => {
    const run = await scanWith({ 'bad.json': check });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(reason);
    expect(run.stderr).toMatch(/bad\.json/);
    expect(run.stderr).not.toMatch(/Parser Error/);
    await expect(readFile(join(root, `ledger-${cases}.duckdb`))).rejects.toThrow(/ENOENT/);
  });

  // DuckDB parses a path where a table name goes as a table (and would read the file were its file access on). Until
  // 2026-12-06 these passed validation and were stopped only by the sandbox, after the whole load, with DuckDB's
  // "Table with name /etc/passwd does not exist!" (exit 2 too late and misleading; exit 3 beside another error).
  it.each([
    ['a quoted path in FROM', customCheck('data_quality.sneaky-a', `'x'`, `'/etc/passwd'`), '/etc/passwd'],
    ['a quoted path in a subquery', customCheck('data_quality.sneaky-b', `(SELECT count(*) FROM '/etc/passwd')::VARCHAR`, 'roll'), '/etc/passwd'],
    ['a file in a LATERAL subquery', customCheck('data_quality.sneaky-c', `'x'`, `roll, LATERAL (SELECT * FROM 'kinship.parquet') k`), 'kinship.parquet'],
    ['a path as a quoted identifier', customCheck('data_quality.sneaky-d', `'x'`, `roll WHERE id_number IN (SELECT "id" FROM "/tmp/roll.csv")`), '/tmp/roll.csv'],
  ])('reading %s is refused before anything is read, with the reason', async (_what, check, path) => {
    const run = await scanWith({ 'sneaky.json': check });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/sneaky\.json（data_quality\.sneaky-.）被拒绝：不允许把文件路径或带引号的字符串当作表名读取/);
    expect(run.stderr).toContain(`「${path}」`);
    expect(run.stderr).not.toMatch(/Catalog Error/);
    // Refused before the ledger was opened or an input read.
    await expect(readFile(join(root, `ledger-${cases}.duckdb`))).rejects.toThrow(/ENOENT/);
  });

  it('may still read rollsweep\'s tables by name, with a schema, and its own WITH names', async () => {
    const run = await scanWith({ 'plain.json': customCheck('data_quality.plain', `'x'`, 'main.roll JOIN (WITH 大额 AS (SELECT 1 AS n) SELECT * FROM 大额) t ON true') });
    expect(run.code, run.stderr).toBe(0);
  });

  it('may be a WITH … UNION ALL at the top, and read a DESCRIBE in a subquery (which runs)', async () => {
    const top = { ...customCheck('data_quality.top-forms', `'x'`, 'roll') } as { sql: string[] };
    const select = top.sql.join('\n');
    const run = await scanWith({
      'union.json': { ...top, sql: `WITH r AS (SELECT * FROM roll WHERE (SELECT count(*) FROM (DESCRIBE roll)) > 0) ${select.replace('FROM roll', 'FROM r')} UNION ALL ${select.replace('FROM roll', 'FROM r WHERE false')}` },
    });
    expect(run.code, run.stderr).toBe(0);
  });

  // A check is one SELECT, so the SETs that would undo the sandbox are refused above; what is left to see is the sandbox
  // the check runs in. (No SELECT can set a setting: DuckDB has no set_config function.)
  it('runs with file access off: current_setting in the check reads false', async () => {
    const run = await scanWith({ 'unlock.json': customCheck('data_quality.unlock', `current_setting('enable_external_access')::VARCHAR`, 'roll') });
    expect(run.code, run.stderr).toBe(0);
    const [header, ...rows] = parseCsvRecords(await readFile(join(run.out, 'findings.csv'), 'utf8'));
    const seen = rows.filter((row) => row[header!.indexOf('check_id')] === 'data_quality.unlock').map((row) => row[header!.indexOf('evidence')]);
    // What the checks saw while they ran: file access off.
    expect(new Set(seen)).toEqual(new Set(['false']));
  });

  it('are refused when the file is not valid JSON, has unknown fields, or reuses a built-in id', async () => {
    expect((await scanWith({ 'broken.json': '{ "id": ' })).stderr).toMatch(/broken\.json 不是有效的 JSON/);
    expect((await scanWith({ 'extra.json': { ...customCheck('data_quality.extra', `'x'`, 'roll'), shell: 'rm -rf /' } })).stderr).toMatch(/extra\.json 定义有误/);
    const clash = await scanWith({ 'clash.json': customCheck('data_quality.id-invalid', `'x'`, 'roll') });
    expect(clash.code).toBe(2);
    expect(clash.stderr).toMatch(/编号 data_quality\.id-invalid 与已有检查项重复/);
  });
});
