// The other ways clerks type "as the row above" (ditto-marks.ts): 〃〃, 同上。, and the quote marks a Chinese keyboard
// gives for 〃 (” “), " itself and ''. Until 2026-12-07 each was read as a value: a member whose 家庭编号 said ” was a
// household of one, so the head's correct 1400 was reported over the standard of one person; a dead member's household
// 〃〃 had no payments (多发 0.00, a missed overpayment); a 发放明细's " in 家庭编号 paid a household named ". 同左 is
// refused (read as empty, said in the warning), never kept as a household named 同左. GBK CSV through the CLI.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { dittoMarkSql } from '../../scanner/load/ditto-fill.ts';
import { bytesMayHoldDittoMark, isDittoMark } from '../../scanner/read/ditto-marks.ts';
import { sqlString } from '../../scanner/sql-text.ts';
import { parseCsvRecords } from '../support/parse-csv.ts';
import { runCli } from '../support/run-cli.ts';
import { validId } from '../support/small-township.ts';
import { tempFolder } from '../support/temp-folder.ts';

const csv = (rows: readonly (readonly string[])[]) =>
  rows.map((row) => row.map((cell) => (/[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(',')).join('\r\n') + '\r\n';
const gbk = (rows: readonly (readonly string[])[]) => iconv.encode(csv(rows), 'gbk');

const ROLL_HEADER = ['乡镇', '村', '家庭编号', '姓名', '身份证号码', '与户主关系', '救助类别', '月保障金', '保障状态'];
const head = (n: number) => validId('371329', `195${n}0101`, '011');
const member = (n: number) => validId('371329', `196${n}0101`, '022');
const CONFIG = JSON.stringify({ standards: { default: { urban: 900, rural: 700 } }, checks: {} });

interface Household {
  village: string;
  mark: string;
  memberName: string;
}

/** Each household: its head writes 1400 (700 × 2 persons), its member the mark in 家庭编号, 救助类别 and 月保障金, and dies. */
async function scan(households: readonly Household[]) {
  const folder = await tempFolder('rollsweep-ditto-variants-');
  const input = join(folder, 'in');
  await mkdir(input);
  const roll = [ROLL_HEADER];
  const deaths = [['姓名', '公民身份号码', '死亡日期']];
  const payments = [['家庭编号', '发放月份', '发放金额']];
  households.forEach(({ village, mark, memberName }, n) => {
    const id = `H10${n}`;
    roll.push(['店头镇', village, id, `户主${n}`, head(n), '户主', '农村低保', '1400', '在保']);
    roll.push(['店头镇', village, mark, memberName, member(n), '配偶', mark, mark, '在保']);
    deaths.push([memberName, member(n), '2026-05-10']);
    // The 发放明细 written by hand too: the household's number on its first month, " below it.
    for (let month = 1; month <= 10; month++) payments.push([month === 1 ? id : '"', `2026-${String(month).padStart(2, '0')}`, '1400']);
  });
  await writeFile(join(input, '低保花名册.csv'), gbk(roll));
  await writeFile(join(input, '低保发放明细.csv'), gbk(payments));
  await writeFile(join(input, '死亡人员.csv'), gbk(deaths));
  await writeFile(join(folder, 'config.json'), CONFIG);
  const out = join(folder, 'out');
  const run = await runCli([
    'scan', '--input', input, '--period', '2026-10', '--config', join(folder, 'config.json'),
    '--ledger', join(folder, 'ledger.duckdb'), '--out', out, '--as-of', '2026-11-05',
  ], { timeoutMs: 170_000 });
  expect(run.stderr.includes('Error') ? run.stderr : '', run.stderr).toBe('');
  expect(run.code, run.stdout + run.stderr).toBe(0);
  const [header, ...records] = parseCsvRecords(await readFile(join(out, 'findings.csv'), 'utf8'));
  const findings = records.map((record) => Object.fromEntries(header!.map((name, i) => [name, record[i] ?? ''])));
  return { stdout: run.stdout, findings };
}

describe('ditto marks as clerks type them, in a GBK roll and 发放明细 through the CLI', () => {
  it('reads ” “ " \'\' 〃〃 ″″ and 同上。 as the value above: a household of two, no amount over the standard, every month paid after death', async () => {
    const marks = ['”', '“', '"', "''", '〃〃', '″″', '同上。', '同上．'];
    const households: Household[] = marks.map((mark, n) => ({ village: n === 0 ? '同上村' : '东村', mark, memberName: n === 1 ? '李"乙' : `成员${n}` }));
    const { stdout, findings } = await scan(households);
    expect(findings.filter((f) => f['check_id'] === 'data_quality.amount-over-standard')).toEqual([]);
    const deceased = findings.filter((f) => f['check_id'] === 'deceased.recipient');
    expect(deceased).toHaveLength(marks.length);
    for (const finding of deceased) {
      expect(finding['evidence'], finding['name']).toContain('死亡次月起仍发放 5 个月（2026-06 至 2026-10），按每月实发金额 ÷ 在保 2 人估算多发 3500.00 元');
      expect(finding['household_id']).toMatch(/^H10\d$/);
    }
    // A value that merely holds such a character is unchanged: the village 同上村, the name 李"乙.
    expect(deceased.map((f) => f['household_id']).sort()).toEqual(marks.map((_, n) => `H10${n}`));
    expect(deceased.find((f) => f['household_id'] === 'H100')?.['village']).toBe('同上村');
    expect(deceased.find((f) => f['household_id'] === 'H101')?.['name']).toContain('李');
    expect(findings.filter((f) => f['check_id'] !== 'deceased.recipient')).toEqual([]);
    // Said, as 同上 is: the roll's three columns on each member row, the 发放明细's 家庭编号 on nine months of each.
    expect(stdout).toContain(`低保花名册.csv：有单元格写作「同上」或「〃」，已按上一行同列的值读取：家庭编号、救助类别、月保障金 各 ${marks.length} 格`);
    expect(stdout).toContain(`低保发放明细.csv：有单元格写作「同上」或「〃」，已按上一行同列的值读取：家庭编号 ${marks.length * 9} 格`);
  }, 180_000);

  it('refuses 同左 (which cell it means is a guess): read as empty and said, never a household named 同左 with 多发 0.00', async () => {
    const { stdout, findings } = await scan([{ village: '东村', mark: '同左', memberName: '成员0' }, { village: '东村', mark: '同上', memberName: '成员1' }]);
    expect(findings.some((f) => f['household_id'].includes('同左') || f['program'].includes('同左'))).toBe(false);
    const dead = findings.find((f) => f['check_id'] === 'deceased.recipient' && f['name'] === '成员0');
    expect(dead?.['evidence']).not.toContain('多发 0.00');
    expect(stdout).toContain('有单元格写作「同左」，左边一格是另一列，无法判断指的是哪一格，已按空值读取（请填写实际的值）：家庭编号 1 格（第 3 行起）');
  }, 180_000);
});

describe('which cells are the new spellings', () => {
  const CELLS: [string, boolean][] = [
    ['〃〃', true], [' 〃 〃 ', true], ['″″', true], ['同上。', true], ['同上.', true], ['”', true], ['“', true], ['"', true],
    ["''", true], ['‘’', true], ['＂', true], ['同左', true], ['同左。', true],
    ['同上村', false], ['同左村', false], ['李"乙', false], ["'", false], ['同上。。', false], ['"H001"', false], ["'3713291100010001", false],
  ];

  it('JavaScript and SQL take the same cells, and the search over bytes passes each file with one', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    try {
      const values = CELLS.map(([cell]) => `(${sqlString(cell)})`).join(', ');
      const rows = (await connection.runAndReadAll(`SELECT ${dittoMarkSql('c')} FROM (VALUES ${values}) t(c)`)).getRows();
      expect(rows.map(([sql]) => sql)).toEqual(CELLS.map(([, mark]) => mark));
      expect(CELLS.map(([cell]) => isDittoMark(cell))).toEqual(CELLS.map(([, mark]) => mark));
      for (const [cell, mark] of CELLS) if (mark) expect(bytesMayHoldDittoMark(Buffer.from(`张庄镇,${csv([[cell]]).trim()},700\n`)), cell).toBe(true);
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });
});
