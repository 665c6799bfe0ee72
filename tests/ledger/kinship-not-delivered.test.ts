// A cadre's relative found through the kinship list (亲属关系) in October, and November's exports without that list: the
// cadre_relative checks still run (by the same roll household alone), so the relative is not found again — which
// proves nothing. The finding stays open and is carried as 未复查：本月缺少亲属关系, not closed as 自动销号.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../support/parse-csv.ts';
import { readLedgerRows } from '../support/read-ledger.ts';
import { runCli } from '../support/run-cli.ts';
import { PEOPLE, rollCsv } from '../support/small-township.ts';
import { tempFolder } from '../support/temp-folder.ts';

const CADRES = `身份证号码,姓名,乡镇(街道),村(社区),职务,任职起\n${PEOPLE.zhang},张大山,张庄镇,东村,村委会主任,2021-03-01\n`;
/** 王小明 (西村 H002, another household) is the cadre's son: near, by the list alone. */
const KINSHIP = `本人身份证号,亲属身份证号,关系\n${PEOPLE.zhang},${PEOPLE.wang},儿子\n`;

describe('a relative proved by the kinship list, in a month without it', () => {
  it('is carried as 未复查：本月缺少亲属关系, not closed', async () => {
    const root = await tempFolder();
    const ledger = join(root, 'l.duckdb');
    const scan = async (period: string, files: Record<string, string>) => {
      const input = join(root, period);
      await mkdir(input);
      for (const [name, content] of Object.entries(files)) await writeFile(join(input, name), content);
      const run = await runCli(['scan', '--input', input, '--period', period, '--ledger', ledger, '--out', join(root, `out-${period}`), '--quiet']);
      expect(run.code, run.stderr).toBe(0);
      return parseCsv(await readFile(join(root, `out-${period}`, 'findings.csv'), 'utf8'));
    };
    const october = await scan('2026-10', { '低保花名册.csv': rollCsv(), '干部名册.csv': CADRES, '亲属关系.csv': KINSHIP });
    const son = october.find((f) => f['check_id'] === 'cadre_relative.unfiled' && f['name'] === '王小明')!;
    expect(son).toBeDefined();

    const november = await scan('2026-11', { '低保花名册.csv': rollCsv(), '干部名册.csv': CADRES });
    expect(november.find((f) => f['finding_id'] === son['finding_id'])).toMatchObject({ status: '待核实', tracking: '未复查：本月缺少亲属关系' });
    expect(await readLedgerRows(ledger, `SELECT status FROM findings WHERE finding_id = '${son['finding_id']}'`)).toEqual([{ status: '待核实' }]);
  });
});
