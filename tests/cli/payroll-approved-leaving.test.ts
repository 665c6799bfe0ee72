// over_asset.payroll end to end, on the demo township with leavers added to its payroll: an application to leave that
// says it was granted (申请离职（已批准）, 申请辞职(已同意), 减员申请已审批通过) is a leaving done, and one dated before
// P (or not dated) sets the row aside; an application alone, refused or still to be approved keeps it, and so does a
// 离职日期 on or after P's first day whatever the words. Until 2026-12-08 申请 alone read as pending: the member who had
// left was still found, a false high finding.
import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCsv, parseCsvRecords } from '../support/parse-csv.ts';
import { runCli } from '../support/run-cli.ts';
import { tempFolder } from '../support/temp-folder.ts';

const SAMPLE = fileURLToPath(new URL('../../sample-data/', import.meta.url));
const PAYROLL_FILE = '财政供养人员工资.csv';
const ROLL_FILE = '城市低保及特困人员花名册.csv';

/** [人员状态, 离职日期] of each added payroll row. */
const LEFT: [string, string][] = [
  ['申请离职（已批准）', '2026-08-31'],
  ['离职申请已批准', ''],
  ['申请辞职(已同意)', ''],
  ['减员申请已审批通过', '2026-09-30'],
  ['辞职申请已办结', ''],
  ['申請離職（已批准）', ''],
];
const STILL_PAID: [string, string][] = [
  ['申请离职（已批准）', '2026-11-15'],
  ['减员申请已审批通过', '2026-10-01'],
  ['申请离职', ''],
  ['离职审批中', ''],
  ['辞职未获批准', ''],
  ['申请离职（未批准）', ''],
  ['申请辞职（不同意）', ''],
  ['离职申请未通过', ''],
  ['申请离职，待批准', ''],
  ['离职申请批准中', ''],
  ['申請辭職（不批准）', ''],
];

/** Heads of households 在保 on the demo's city roll (GB18030), one per household: [姓名, 身份证号码]. */
async function rollHeads(input: string): Promise<[string, string][]> {
  const text = new TextDecoder('gb18030').decode(await readFile(join(input, ROLL_FILE)));
  return parseCsv(text)
    .filter((row) => row['关系'] === '户主' && row['保障状态'] === '在保' && /^\d{17}[\dX]$/.test(row['公民身份号码']!))
    .map((row) => [row['成员姓名']!, row['公民身份号码']!]);
}

let foundIds: Set<string>;
let reasons: Map<number, string>;
let added: { status: string; leftOn: string; name: string; id: string; line: number }[];

beforeAll(async () => {
  const root = await tempFolder();
  const input = join(root, 'demo-township');
  await cp(join(SAMPLE, 'demo-township'), input, { recursive: true });
  const heads = await rollHeads(input);
  // The demo's payroll with a 离职日期 column, and a row for each case: a head of a household of his own on the roll.
  const [header, ...rows] = parseCsvRecords(await readFile(join(input, PAYROLL_FILE), 'utf8'));
  added = [...LEFT, ...STILL_PAID].map(([status, leftOn], i) => ({ status, leftOn, name: heads[i]![0], id: heads[i]![1], line: rows.length + 2 + i }));
  const quoted = (cells: string[]) => cells.map((cell) => `"${cell.replaceAll('"', '""')}"`).join(',');
  const lines = [quoted([...header!, '离职日期']), ...rows.map((row) => quoted([...row, '']))];
  for (const person of added) lines.push(quoted(['临沭县第一中学', person.name, person.id, '事业编制', '5000', person.status, person.leftOn]));
  await writeFile(join(input, PAYROLL_FILE), lines.join('\n') + '\n');

  const out = join(root, 'out');
  const ledger = join(root, 'ledger.duckdb');
  const run = await runCli(['scan', '--input', input, '--period', '2026-10', '--as-of', '2026-11-05',
    '--config', join(SAMPLE, 'rollsweep.config.json'), '--ledger', ledger, '--out', out, '--quiet']);
  expect(run.code, run.stderr).toBe(0);
  const findings = parseCsv(await readFile(join(out, 'findings.csv'), 'utf8'));
  foundIds = new Set(findings.filter((f) => f['check_id'] === 'over_asset.payroll').map((f) => f['id_number']!));
  const instance = await DuckDBInstance.create(ledger, { access_mode: 'READ_ONLY' });
  const connection = await instance.connect();
  try {
    const rejects = (await connection.runAndReadAll("SELECT line, reason FROM rejects WHERE dataset = 'payroll'")).getRowObjectsJson();
    reasons = new Map(rejects.map((r): [number, string] => [Number(r['line']), String(r['reason'])]));
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}, 180_000);

const person = (status: string, leftOn: string) => added.find((p) => p.status === status && p.leftOn === leftOn)!;

describe('over_asset.payroll: an application to leave that was granted', () => {
  it.each(LEFT)('人员状态「%s」离职日期「%s」: off the payroll in P, no finding, set aside with the status as its reason', (status, leftOn) => {
    const { id, line } = person(status, leftOn);
    expect(foundIds.has(id), status).toBe(false);
    // The status as the reason shows it: full-width brackets read as plain ones.
    expect(reasons.get(line), status).toContain(`人员状态为「${status.replace('（', '(').replace('）', ')')}」`);
    expect(reasons.get(line), status).toContain('已不由财政供养');
    if (leftOn) expect(reasons.get(line), status).toContain(`离职日期 ${leftOn}`);
  });

  it.each(STILL_PAID)('人员状态「%s」离职日期「%s」: still paid in P, found', (status, leftOn) => {
    const { id, line } = person(status, leftOn);
    expect(foundIds.has(id), status).toBe(true);
    expect(reasons.has(line), status).toBe(false);
  });

  it('still finds the demo\'s own payroll members (no status, no date)', () => {
    // 刘秋 and 陈帆新: the demo's payroll findings, untouched by the added rows.
    expect(foundIds.has('371329199509294422')).toBe(true);
    expect(foundIds.has('371329195206257757')).toBe(true);
  });
});
