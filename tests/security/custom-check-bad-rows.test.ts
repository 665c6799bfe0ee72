// A county's own check (--checks-dir) that returns a NULL fact (the README's example did, for a roll row whose ID is
// unreadable), an amount or line number that is no number, or whose SQL fails as it runs, must not cost the month's
// other findings: until 2026-12-06 each ended the scan in exit 3 with a raw DuckDB error, nothing recorded. Now the
// bad rows (or the check) are refused and named, everything else is recorded and written, and the scan exits 2.
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
const UNREADABLE = '37132919600404004'; // 17 digits: id_number is NULL
await writeFile(join(input, 'roll.csv'), [
  '县区,乡镇,村,家庭编号,姓名,身份证号码,与户主关系,救助类别,月保障金,开始享受时间,状态',
  `临沭县,店头镇,东村,H001,张三,${validId('371329', '19800101', '001')},户主,农村低保,1400,2024-01-01,在保`,
  `临沭县,店头镇,东村,H001,李四,${validId('371329', '19820202', '002')},配偶,农村低保,1400,2024-01-01,在保`,
  `临沭县,店头镇,西村,H002,王五,${DEAD},户主,农村低保,700,2024-01-01,在保`,
  `临沭县,店头镇,西村,H003,周一,${UNREADABLE},户主,农村低保,1200,2024-01-01,在保`,
].join('\n') + '\n');
await writeFile(join(input, 'deaths.csv'), `姓名,身份证号码,死亡日期\n王五,${DEAD},2026-05-10\n`);
await writeFile(join(input, 'payments.csv'), '家庭编号,发放月份,发放金额\nH002,2026-06,700\nH002,2026-07,700\nH001,2026-07,1400\n');

/** The README's example check, its fact as the README wrote it until 2026-12-06 or as it is now. */
function bigAmountCheck(fact: string, extra = ''): object {
  return {
    id: 'data_quality.county-big-amount', category: 'data_quality', severity: 'medium',
    title: '月保障金超过 1000 元', description: '县里自定的核查口径', basis: '县民政局 2026 年第 3 号通知',
    inputs: ['roll'], remedy: '入户核实', deadlineDays: 20,
    sql: [
      'SELECT id_number AS subject_id, name AS subject_name, household_id, county, township, village, program,',
      `       ${fact} AS fact, '月保障金 ' || monthly_amount_cents // 100 || ' 元' AS evidence${extra}`,
      'FROM roll WHERE monthly_amount_cents > 100000',
    ],
  };
}
const OLD_README_FACT = `'big|' || id_number`;
const README_FACT = `'big|' || coalesce(id_number, id_raw, '') || '|' || coalesce(name, '')`;

let runs = 0;
async function scan(check: object, options: { period?: string; ledger?: string; extraArgs?: string[] } = {}) {
  const folder = join(root, `checks-${++runs}`);
  await mkdir(folder);
  await writeFile(join(folder, 'county-big-amount.json'), JSON.stringify(check, null, 2));
  const out = join(root, `out-${runs}`);
  const run = await runCli(['scan', '--input', input, '--period', options.period ?? '2026-10', '--ledger', options.ledger ?? join(root, `ledger-${runs}.duckdb`),
    '--out', out, '--checks-dir', folder, '--quiet', ...(options.extraArgs ?? [])]);
  expect(looksLikeStackTrace(run.stderr), run.stderr).toBe(false);
  const findings = run.code === 3 ? [] : parseCsv(await readFile(join(out, 'findings.csv'), 'utf8'));
  return { ...run, findings, out, of: (check: string) => findings.filter((f) => f['check_id'] === check) };
}

describe('a custom check with rows that cannot be findings', () => {
  it('the README example: the row with an unreadable ID is refused and named, the rest is recorded, exit 2', async () => {
    const run = await scan(bigAmountCheck(OLD_README_FACT));
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toMatch(/county-big-amount\.json（data_quality\.county-big-amount）有 1 行结果无效/);
    expect(run.stderr).toMatch(/fact 为空.*西村 H003 周一/);
    expect(run.stderr).toMatch(/已记入台账，输出已写出/);
    // The month's death (built-in) and the check's two good rows are findings; the unreadable ID is id-invalid's.
    expect(run.of('deceased.recipient').map((f) => f['name'])).toEqual(['王五']);
    expect(run.of('data_quality.county-big-amount').map((f) => f['name']).sort()).toEqual(['张三', '李四']);
    expect(run.of('data_quality.id-invalid').map((f) => f['name'])).toEqual(['周一']);
    const summary = JSON.parse(await readFile(join(run.out, 'summary.json'), 'utf8')) as { warnings: { file: string; message: string }[] };
    expect(summary.warnings.some((w) => w.file === 'county-big-amount.json' && /fact 为空/.test(w.message))).toBe(true);
  });

  it('the README example as corrected: every big amount is a finding, the unreadable ID too, exit 0', async () => {
    const run = await scan(bigAmountCheck(README_FACT));
    expect(run.code, run.stderr).toBe(0);
    expect(run.of('data_quality.county-big-amount').map((f) => f['name']).sort()).toEqual(['周一', '张三', '李四']);
  });

  it.each([
    ['an amount that is no number', `, 'abc' AS overpayment_cents`, /overpayment_cents 不是整数金额（分）：abc/],
    ['an amount beyond any number of cents', `, 1e30 AS overpayment_cents`, /overpayment_cents 不是整数金额（分）/],
    ['a line that is no number', `, 'line7' AS source_line`, /source_line 不是整数行号：line7/],
    ['a line that is a list', `, [1, 2] AS source_line`, /source_line 不是整数行号：\[1, 2\]/],
  ])('%s: its rows are refused naming the column, the death is still found, exit 2', async (_what, extra, reason) => {
    const run = await scan(bigAmountCheck(README_FACT, extra));
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toMatch(/county-big-amount\.json/);
    expect(run.stderr).toMatch(reason);
    expect(run.of('deceased.recipient').map((f) => f['name'])).toEqual(['王五']);
    expect(run.of('data_quality.county-big-amount')).toEqual([]);
  });

  it('whose SQL fails as it runs does not run: the rest is recorded, exit 2 naming the file and DuckDB\'s reason', async () => {
    const run = await scan(bigAmountCheck(`'big|' || no_such_column`));
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toMatch(/county-big-amount\.json（data_quality\.county-big-amount）未运行/);
    expect(run.stderr).toMatch(/no_such_column/);
    expect(run.of('deceased.recipient').map((f) => f['name'])).toEqual(['王五']);
  });

  it('leaves its earlier findings open as 未复查 in the next month, never 自动销号', async () => {
    for (const [name, broken] of [['rows refused', bigAmountCheck(OLD_README_FACT)], ['not run', bigAmountCheck(`'big|' || no_such_column`)]] as const) {
      const ledger = join(root, `months-${name}.duckdb`);
      expect((await scan(bigAmountCheck(`'big|' || coalesce(id_number, '')`), { ledger })).code).toBe(0);
      const november = await scan(broken, { ledger, period: '2026-11' });
      expect(november.code, name).toBe(2);
      const carried = november.of('data_quality.county-big-amount');
      // 张三 and 李四 found again (rows refused) or carried (not run); 周一's October finding carried, not closed.
      expect(carried.map((f) => f['name']).sort(), name).toEqual(['周一', '张三', '李四']);
      const zhou = carried.find((f) => f['name'] === '周一')!;
      expect(zhou['tracking'], name).toMatch(/^未复查：/);
      expect(zhou['status'], name).toBe('待核实');
    }
  });

  it('with --fail-on still prints the open findings\' alarm; exit 2 outranks 1', async () => {
    // Until 2026-12-06 the run exited 2 before --fail-on was looked at: its log said nothing of 王五's death finding.
    const run = await scan(bigAmountCheck(OLD_README_FACT), { extraArgs: ['--fail-on', 'high'] });
    expect(run.code, run.stderr).toBe(2);
    expect(run.of('deceased.recipient')).toHaveLength(1);
    expect(run.stderr).toMatch(/--fail-on high：本次扫描有 1 条 high 及以上级别的未办结问题\n/);
    expect(run.stderr).toMatch(/退出码 2/);
    expect(run.stderr).not.toMatch(/退出码 1/);
  });
});
