// Identical refused rows (one ID Excel mangled alike on many rows, a row typed twice) are each a ledger item, and keep
// their ids next month when the lists come back re-sorted and renamed. Until 2026-12-02 they shared one finding id and
// the engine kept one finding for them all: 8 rows in the ledger's rejects, 3 findings.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { parseCsvRecords } from '../support/parse-csv.ts';
import { runCli } from '../support/run-cli.ts';
import { PEOPLE, rollCsv, validId } from '../support/small-township.ts';
import { tempFolder } from '../support/temp-folder.ts';

const DEATHS_HEADER = '身份证号码,姓名,死亡日期,数据来源';
const DEATHS = [
  '3.70481E+17,张甲,2026-05-01,殡葬火化',
  '3.70481E+17,李乙,2026-05-01,殡葬火化',
  '3.70481E+17,王丙,2026-05-01,殡葬火化',
  `${PEOPLE.wang},王小明,2026/13/10,殡葬火化`,
  `${PEOPLE.wang},王小明,2026/13/10,殡葬火化`,
  // Whole IDs of people on no roll: a list most of whose IDs Excel mangled is refused whole (unusable-ids.test.ts).
  `${validId('370481', '19400101', '011')},赵一,2026-05-01,殡葬火化`,
  `${validId('370481', '19400202', '021')},钱二,2026-05-01,殡葬火化`,
];
const PAYMENTS_HEADER = '家庭编号,发放月份,发放金额';
// Beside whole rows: a payment list most of whose 家庭编号 Excel mangled is refused whole (unusable-ids.test.ts).
const PAYMENTS = [
  'H001,2026-10,1400', '3.70481E+17,2026-10,700', '3.70481E+17,2026-10,700', '3.70481E+17,2026-10,700',
  'H001,2026-09,1400', 'H001,2026-08,1400', 'H002,2026-10,700',
];

const csv = (header: string, rows: string[]) => [header, ...rows].join('\n') + '\n';

async function scan(folder: string, period: string, files: Record<string, string>) {
  const input = join(folder, `input-${period}`);
  await mkdir(input);
  for (const [name, content] of Object.entries(files)) await writeFile(join(input, name), content);
  const out = join(folder, `out-${period}`);
  const run = await runCli(['scan', '--input', input, '--period', period, '--ledger', join(folder, 'l.duckdb'), '--out', out, '--quiet']);
  expect(run.code, run.stderr).toBe(0);
  const [header, ...rows] = parseCsvRecords(await readFile(join(out, 'findings.csv'), 'utf8'));
  const column = (name: string) => header!.indexOf(name);
  const refusedRows = rows.filter((row) => ['data_quality.bad-row', 'data_quality.id-invalid'].includes(row[column('check_id')]!));
  return {
    findings: refusedRows.map((row) => ({ id: row[column('finding_id')]!, where: `${row[column('source_file')]}:${row[column('source_line')]}` })),
    summary: JSON.parse(await readFile(join(out, 'summary.json'), 'utf8')),
  };
}

describe('identical refused rows', () => {
  it('are one finding each, and the same findings next month from lists re-sorted and renamed', async () => {
    const folder = await tempFolder();
    const october = await scan(folder, '2026-10', {
      '低保花名册.csv': rollCsv(),
      '死亡人员名单.csv': csv(DEATHS_HEADER, DEATHS),
      '低保发放明细.csv': csv(PAYMENTS_HEADER, PAYMENTS),
    });

    // Every refused row is shown: one finding per row of the ledger's rejects, at that row.
    const instance = await DuckDBInstance.create(join(folder, 'l.duckdb'), { access_mode: 'READ_ONLY' });
    const connection = await instance.connect();
    let refused: string[];
    try {
      const reader = await connection.runAndReadAll('SELECT DISTINCT file, line FROM rejects ORDER BY file, line');
      refused = reader.getRowObjectsJson().map((row) => `${row['file']}:${row['line']}`);
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
    expect(refused).toHaveLength(8);
    expect(october.findings.map((f) => f.where).sort()).toEqual([...refused].sort());
    expect(new Set(october.findings.map((f) => f.id)).size).toBe(8);

    const november = await scan(folder, '2026-11', {
      '低保花名册.csv': rollCsv(),
      '2026年11月死亡人员名单.csv': csv(DEATHS_HEADER, [...DEATHS].reverse()),
      '低保发放明细（11月）.csv': csv(PAYMENTS_HEADER, [...PAYMENTS].reverse()),
    });
    expect(november.findings.map((f) => f.id).sort()).toEqual(october.findings.map((f) => f.id).sort());
    expect(november.summary.findings).toMatchObject({ new: 0, auto_closed: 0 });
  });
});
