// over_asset.payroll and a roster's leavers: a 人员状态 of a leaving not done (拟减员, 离职审批中, 辞职未获批准,
// 解聘（已撤销）, 待离职) is no leaving, and the 离职日期 and 入职日期 a roster gives say whether he was paid in P (2026-10).
// Until 2026-12-07 the status word alone set a row aside, and no date was read: members paid in P went unfound, and
// findings hid the dates that spoke for or against them.
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { runScan } from '../support/scan-input.ts';
import { parseCsvRecords } from '../support/parse-csv.ts';
import { validId } from '../support/small-township.ts';
import { readFile } from 'node:fs/promises';

/** Each person: a household of his own on the roll, and one payroll row [人员状态, 入职日期, 离职日期]. */
const PAYROLL: Record<string, [string, string, string]> = {
  拟减员甲: ['拟减员', '', ''],
  审批中乙: ['离职审批中', '', ''],
  未获批丙: ['辞职未获批准', '', ''],
  已撤销丁: ['解聘（已撤销）', '', ''],
  待离职戊: ['待离职', '', ''],
  待审批己: ['减员待审批', '', ''],
  十一月走庚: ['离职', '2010-01-01', '2026-11-20'],
  十月走辛: ['离职', '', '2026.10'],
  首日走壬: ['离职', '', '2026-10-01'],
  日期错癸: ['', '', '2026-13-45'],
  在职早走子: ['在职', '', '2025-06-30'],
  入职不明丑: ['', '下个月', ''],
  月份存疑寅: ['离职', '', '2026.1'],
  无日期卯: ['', '', '—'],
  // Set aside:
  三月走辰: ['', '2010-01-01', '2026-03-15'],
  九月走巳: ['离职', '', '2026-09-30'],
  十一月来午: ['在职', '2026-11-01', ''],
  离职未: ['离职', '', ''],
  待遇停发申: ['减员（待遇停发）', '', ''],
};
const names = Object.keys(PAYROLL);
const idOf = (name: string) => validId('370481', '19900101', String(100 + names.indexOf(name)));
const SET_ASIDE = ['三月走辰', '九月走巳', '十一月来午', '离职未', '待遇停发申'];
const KEPT = names.filter((name) => !SET_ASIDE.includes(name));

const roll = ['乡镇,村(社区),家庭编号,姓名,身份证号码,与户主关系,救助类别,月保障金,保障状态',
  ...names.map((name, i) => `张庄镇,东村,H${100 + i},${name},${idOf(name)},户主,农村低保,700,在保`)].join('\n') + '\n';
const payroll = ['单位名称,姓名,身份证号码,月工资,人员状态,入职日期,离职日期',
  ...names.map((name) => `县教育局,${name},${idOf(name)},5000,${PAYROLL[name]!.join(',')}`)].join('\n') + '\n';

let evidenceOf: Map<string, string>;
let warnings: { file: string; message: string }[];
let rejects: Record<string, unknown>[];

beforeAll(async () => {
  const { run, out } = await runScan({ '低保花名册.csv': roll, '财政供养人员.csv': payroll });
  expect(run.code, run.stderr).toBe(0);
  const [header, ...rows] = parseCsvRecords(await readFile(join(out, 'findings.csv'), 'utf8'));
  const column = (name: string) => header!.indexOf(name);
  evidenceOf = new Map(rows.filter((row) => row[column('check_id')] === 'over_asset.payroll').map((row) => [row[column('name')]!, row[column('evidence')]!]));
  warnings = JSON.parse(await readFile(join(out, 'summary.json'), 'utf8')).warnings;
  const instance = await DuckDBInstance.create(join(out, '..', 'l.duckdb'), { access_mode: 'READ_ONLY' });
  const connection = await instance.connect();
  try {
    rejects = (await connection.runAndReadAll("SELECT line, column_name, reason FROM rejects WHERE dataset = 'payroll' ORDER BY line")).getRowObjectsJson();
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}, 120_000);

describe('over_asset.payroll: who the roster still paid in P', () => {
  it('finds a member whose leaving is proposed, pending, refused or revoked, dated on or after P.start, or dated in words that cannot be read', () => {
    expect([...evidenceOf.keys()].sort()).toEqual([...KEPT].sort());
  });

  it('names the dates in the evidence, and what they say of P', () => {
    expect(evidenceOf.get('十一月走庚')).toContain('人员状态 离职，入职日期 2010-01-01，离职日期 2026-11-20（不早于本期首日，本期仍由财政供养）');
    expect(evidenceOf.get('十月走辛')).toContain('离职日期 2026.10（不早于本期首日，本期仍由财政供养）');
    expect(evidenceOf.get('首日走壬')).toContain('离职日期 2026-10-01（不早于本期首日');
    expect(evidenceOf.get('日期错癸')).toContain('离职日期 2026-13-45（无法识别，请核实本期是否仍在职）');
    expect(evidenceOf.get('月份存疑寅')).toContain('离职日期 2026.1（无法识别，请核实本期是否仍在职）');
    expect(evidenceOf.get('在职早走子')).toContain('人员状态 在职，离职日期 2025-06-30（早于本期首日，与人员状态不符，请核实本期是否仍在职）');
    expect(evidenceOf.get('入职不明丑')).toContain('入职日期 下个月（无法识别，请核实本期是否已入职）');
    expect(evidenceOf.get('拟减员甲')).toContain('人员状态 拟减员，来源');
    expect(evidenceOf.get('无日期卯')).not.toContain('离职日期');
  });

  it('sets aside a leaving before P and a joining after it, each listed with its reason', () => {
    expect(rejects).toEqual([
      { line: 16, column_name: '离职日期', reason: '离职日期为「2026-03-15」，在本期之前，本期已不由财政供养，未作为财政供养人员' },
      { line: 17, column_name: '人员状态', reason: '人员状态为「离职」，离职日期 2026-09-30，已不由财政供养，未作为财政供养人员' },
      { line: 18, column_name: '入职日期', reason: '入职日期为「2026-11-01」，在本期之后，本期尚未由财政供养，未作为财政供养人员' },
      { line: 19, column_name: '人员状态', reason: '人员状态为「离职」，已不由财政供养，未作为财政供养人员' },
      { line: 20, column_name: '人员状态', reason: '人员状态为「减员(待遇停发)」，已不由财政供养，未作为财政供养人员' },
    ]);
  });

  it('counts each kind in the warnings', () => {
    expect(warnings).toEqual([
      { file: '财政供养人员.csv', message: '人员状态为离职、辞退、减员等（已不由财政供养）的 3 行未作为财政供养人员（离职 2 行、减员(待遇停发) 1 行），已列入拒收记录' },
      { file: '财政供养人员.csv', message: '入职日期在本期之后（本期尚未由财政供养）的 1 行未作为财政供养人员（2026-11-01 1 行），已列入拒收记录' },
      { file: '财政供养人员.csv', message: '离职日期在本期之前（本期已不由财政供养）的 1 行未作为财政供养人员（2026-03-15 1 行），已列入拒收记录' },
    ]);
  });
});
