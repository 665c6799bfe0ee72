// Since 2026-12-06 a 家庭编号 is read with its letters upper-cased (rs_code: the roll's h002 is the payments' H002). A
// ledger recorded before holds h002, and its findings' ids were made of it: the first scan after reads H002, makes
// other ids, and must continue the findings staff worked on rather than close them (自动销号) beside new ones.
// A household's asset finding (continued-holdings.ts) once compared the household numbers as written. Real CLI.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { onlyFindingId } from '../support/finding-rows.ts';
import { ledgerMonths } from '../support/ledger-months.ts';
import { readLedgerRows } from '../support/read-ledger.ts';
import { PEOPLE, rollCsv } from '../support/small-township.ts';
import { tempFolder } from '../support/temp-folder.ts';

const root = await tempFolder();

/** The ledger as a version before 2026-12-06 left it: the finding `id` recorded as `oldId` under the household `written`. */
async function recordedBefore(ledger: string, id: string, oldId: string, written: string): Promise<void> {
  const instance = await DuckDBInstance.create(ledger);
  const connection = await instance.connect();
  try {
    await connection.run(`UPDATE findings SET finding_id = '${oldId}', household_id = '${written}' WHERE finding_id = '${id}'`);
    for (const table of ['run_findings', 'run_carried', 'changes']) await connection.run(`UPDATE ${table} SET finding_id = '${oldId}' WHERE finding_id = '${id}'`);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

describe('a ledger recorded with household numbers in small letters', () => {
  it('continues its asset and death findings when the scan reads the numbers upper-cased', async () => {
    const folder = join(root, 'input');
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, '低保花名册.csv'), rollCsv());
    await writeFile(join(folder, '机动车登记信息.csv'), `所有人,所有人身份证号码,号牌号码,车辆类型,状态\n张大山,${PEOPLE.zhang},鲁Q12345,小型普通客车,正常\n`);
    await writeFile(join(folder, '死亡人员名单.csv'), `姓名,身份证号码,死亡日期\n王小明,${PEOPLE.wang},2026-08-15\n`);
    const { ledger, cli, scan } = ledgerMonths(root, 'small-letters');

    const october = await scan(folder, '2026-10', '2026-11-05');
    const vehicle = onlyFindingId(october, { check_id: 'over_asset.vehicle', household_id: 'H001' });
    const death = onlyFindingId(october, { check_id: 'deceased.recipient', household_id: 'H002' });
    await cli(['ledger', 'set', vehicle, '--status', '误报', '--note', '农用车']);
    await cli(['ledger', 'set', death, '--status', '核实中', '--note', '已通知村委']);
    await recordedBefore(ledger, vehicle, 'RS00000000000000A1', 'h001');
    await recordedBefore(ledger, death, 'RS00000000000000A2', 'h002');

    const november = await scan(folder, '2026-11', '2026-12-05');
    expect(november.filter((row) => row['check_id'] === 'over_asset.vehicle'))
      .toEqual([expect.objectContaining({ finding_id: 'RS00000000000000A1', tracking: '误报' })]);
    const deceased = november.filter((row) => row['check_id'] === 'deceased.recipient');
    expect(deceased).toEqual([expect.objectContaining({ finding_id: 'RS00000000000000A2', status: '核实中' })]);
    expect(deceased[0]!['evidence']).toContain('家庭编号由 h002 改为 H002');
    expect(await readLedgerRows(ledger, "SELECT finding_id, status FROM findings ORDER BY finding_id")).toEqual([
      { finding_id: 'RS00000000000000A1', status: '误报' }, { finding_id: 'RS00000000000000A2', status: '核实中' },
    ]);
  });
});
