// The unattended monthly run: plain log lines without a terminal, a progress bar with one, --json on stdout,
// --fail-on turning open findings into exit code 1, and --period last-month.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../scanner/cli/main.ts';
import { parseCsvRecords } from '../support/parse-csv.ts';
import { looksLikeStackTrace, runCli } from '../support/run-cli.ts';
import { PEOPLE, validId, writeSmallTownship } from '../support/small-township.ts';
import { tempFolder } from '../support/temp-folder.ts';

const root = await tempFolder();
// Only a low-severity finding: H009 has no head of household.
const lowOnly = join(root, 'low-only');
await mkdir(lowOnly);
await writeSmallTownship(lowOnly, [`张庄镇,西村,H009,孙七,${validId('370481', '19700505', '446')},配偶,农村低保,700,在保`]);
// A high-severity finding too: 张大山 owns a car.
const withCar = join(root, 'with-car');
await mkdir(withCar);
await writeSmallTownship(withCar);
await writeFile(join(withCar, '机动车登记信息.csv'), `所有人,所有人身份证号码,号牌号码,车辆类型,状态\n张大山,${PEOPLE.zhang},鲁Q12345,小型普通客车,正常\n`);

let runs = 0;
function scanArgs(input: string, extra: string[] = []): string[] {
  runs += 1;
  return ['scan', '--input', input, '--period', '2026-10', '--as-of', '2026-11-05',
    '--ledger', join(root, `ledger-${runs}.duckdb`), '--out', join(root, `out-${runs}`), ...extra];
}

describe('scan without a person at the terminal', () => {
  it('writes plain timestamped log lines, no bar, no escape codes', async () => {
    const run = await runCli(scanArgs(lowOnly));
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stderr.trim().split('\n');
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) expect(line).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z \S/);
    expect(run.stderr).toMatch(/读取 .*低保花名册\.csv/);
    expect(run.stderr).toMatch(/检查 \(\d+\/\d+\) data_quality\.household-no-head/);
    expect(run.stderr).not.toMatch(/[\r\x1b]/);
  });

  it('draws a progress bar on stderr when it is a terminal', async () => {
    let err = '';
    let out = '';
    const code = await main(scanArgs(lowOnly), { out: (t) => { out += t; }, err: (t) => { err += t; }, isTerminal: true });
    expect(code, err).toBe(0);
    expect(err).toMatch(/\r\x1b\[2K[█░]{24} 检查 \d+\/\d+ /);
    // The bar is cleared before the result is printed.
    expect(err.endsWith('\r\x1b[2K')).toBe(true);
    expect(out).toMatch(/扫描完成/);
  });

  it('--json prints summary.json to stdout and nothing else', async () => {
    const args = scanArgs(lowOnly, ['--json', '--quiet']);
    const run = await runCli(args);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
    const out = args[args.indexOf('--out') + 1]!;
    expect(JSON.parse(run.stdout)).toEqual(JSON.parse(await readFile(join(out, 'summary.json'), 'utf8')));
  });

  it('--period last-month names the month before the scan date', async () => {
    const args = scanArgs(lowOnly, ['--json', '--quiet']);
    args[args.indexOf('2026-10')] = 'last-month';
    args[args.indexOf('2026-11-05')] = '2027-01-10';
    const run = await runCli(args);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ period: '2026-12', as_of: '2027-01-10' });
  });
});

describe('--fail-on', () => {
  it('exits 1 when open findings at or above the level exist, and still writes every output', async () => {
    const args = scanArgs(withCar, ['--fail-on', 'high', '--quiet']);
    const run = await runCli(args);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toMatch(/--fail-on high：本次扫描有 1 条 high 及以上级别的未办结问题，退出码 1/);
    expect(looksLikeStackTrace(run.stderr)).toBe(false);
    const findings = parseCsvRecords(await readFile(join(args[args.indexOf('--out') + 1]!, 'findings.csv'), 'utf8'));
    expect(findings.some((row) => row.includes('over_asset.vehicle'))).toBe(true);
  });

  it('counts lower levels only when asked: low findings pass --fail-on high and medium, fail --fail-on low', async () => {
    expect((await runCli(scanArgs(lowOnly, ['--fail-on', 'high', '--quiet']))).code).toBe(0);
    expect((await runCli(scanArgs(lowOnly, ['--fail-on', 'medium', '--quiet']))).code).toBe(0);
    expect((await runCli(scanArgs(lowOnly, ['--fail-on', 'low', '--quiet']))).code).toBe(1);
  });

  it('a finding staff marked 误报 no longer fails the run', async () => {
    const args = scanArgs(withCar, ['--fail-on', 'high', '--quiet']);
    const ledger = args[args.indexOf('--ledger') + 1]!;
    const out = args[args.indexOf('--out') + 1]!;
    expect((await runCli(args)).code).toBe(1);
    const [header, ...rows] = parseCsvRecords(await readFile(join(out, 'findings.csv'), 'utf8'));
    const vehicle = rows.find((row) => row[header!.indexOf('check_id')] === 'over_asset.vehicle')!;
    const set = await runCli(['ledger', 'set', vehicle[0]!, '--status', '误报', '--note', '车辆已过户', '--ledger', ledger]);
    expect(set.code, set.stderr).toBe(0);
    expect((await runCli(args)).code).toBe(0);
  });

  it('fires on a backfill too: the older month\'s findings still open in the ledger count, not those closed since', async () => {
    const args = scanArgs(withCar, ['--fail-on', 'high', '--quiet', '--json']);
    const ledger = args[args.indexOf('--ledger') + 1]!;
    const out = args[args.indexOf('--out') + 1]!;
    const later = [...args];
    later[later.indexOf('2026-10')] = '2026-11';
    later[later.indexOf(out)] = `${out}-later`;
    expect((await runCli(later)).code).toBe(1);
    // October scanned after November: a backfill, every finding 补扫.
    const backfill = await runCli(args);
    expect(backfill.code, backfill.stderr).toBe(1);
    expect(backfill.stderr).toMatch(/--fail-on high：本次扫描有 1 条 high 及以上级别的未办结问题，退出码 1/);
    expect(JSON.parse(backfill.stdout).findings).toMatchObject({ backfill: true, open_by_severity: { high: 1 } });
    const [header, ...rows] = parseCsvRecords(await readFile(join(out, 'findings.csv'), 'utf8'));
    const vehicle = rows.find((row) => row[header!.indexOf('check_id')] === 'over_asset.vehicle')!;
    expect(vehicle[header!.indexOf('tracking')]).toBe('补扫');
    expect((await runCli(['ledger', 'set', vehicle[0]!, '--status', '已整改', '--ledger', ledger])).code).toBe(0);
    expect((await runCli(args)).code).toBe(0);
  });

  it('refuses an unknown level with exit 2', async () => {
    const run = await runCli(scanArgs(lowOnly, ['--fail-on', 'urgent']));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/fail-on/);
  });
});
