// A household's asset finding lives on while the household still holds part of what it counted (continued-holdings.ts):
// sell one of two cars, or one of two members leaves the public payroll, and the finding staff work on stays theirs.
// Until 2026-12-05 it was closed as 自动销号 and a new 待核实 finding opened beside it. Real CLI, real DuckDB.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { onlyFindingId } from '../support/finding-rows.ts';
import { ledgerMonths } from '../support/ledger-months.ts';
import { readLedgerRows } from '../support/read-ledger.ts';
import { PEOPLE, rollCsv } from '../support/small-township.ts';
import { tempFolder } from '../support/temp-folder.ts';

const root = await tempFolder();

/** A month's folder: the roll and one list (file name and rows). */
async function month(name: string, file: string, header: string, rows: string[]): Promise<string> {
  const folder = join(root, name);
  await mkdir(folder, { recursive: true });
  await writeFile(join(folder, '低保花名册.csv'), rollCsv());
  await writeFile(join(folder, file), `${[header, ...rows].join('\n')}\n`);
  return folder;
}

const VEHICLES = ['机动车登记信息.csv', '所有人,所有人身份证号码,号牌号码,车辆类型,状态'] as const;
const car = (plate: string) => `张大山,${PEOPLE.zhang},${plate},小型普通客车,正常`;
const PAYROLL = ['财政供养人员工资.csv', '姓名,身份证号码,单位,月工资'] as const;

function ledgerKit(name: string) {
  const { ledger, cli, scan } = ledgerMonths(root, name);
  const findings = (check: string) => readLedgerRows(ledger,
    `SELECT finding_id, status, note, strftime(deadline, '%Y-%m-%d') AS deadline FROM findings WHERE check_id = '${check}' ORDER BY first_seen, finding_id`);
  return { ledger, cli, scan, findings };
}

describe('a household asset finding continues while part of what it counted is still held', () => {
  it('one of two cars sold: the same finding, status, note and deadline kept; a car bought since is a new finding', async () => {
    const { cli, scan, findings } = ledgerKit('cars');
    const october = await scan(await month('two-cars', ...VEHICLES, [car('鲁Q12345'), car('鲁Q54321')]), '2026-10', '2026-11-05');
    const id = onlyFindingId(october, { check_id: 'over_asset.vehicle', household_id: 'H001' });
    await cli(['ledger', 'set', id, '--status', '核实中', '--note', '已入户，两辆车均在']);

    const november = await scan(await month('one-car', ...VEHICLES, [car('鲁Q12345')]), '2026-11', '2026-12-05');
    // Was: this row a new id 新发现 待核实, and the ledger's finding 自动销号 though the family still owns 鲁Q12345.
    expect(onlyFindingId(november, { check_id: 'over_asset.vehicle', household_id: 'H001' })).toBe(id);
    expect(november.find((r) => r['finding_id'] === id)).toMatchObject({ status: '核实中', tracking: '逾期' });
    expect(november.find((r) => r['finding_id'] === id)!['evidence']).not.toContain('鲁Q54321');
    expect(await findings('over_asset.vehicle')).toEqual([{ finding_id: id, status: '核实中', note: '已入户，两辆车均在', deadline: '2026-11-20' }]);

    // The sold car back on the list is still among what staff judged; a new car is not.
    const december = await scan(await month('new-car', ...VEHICLES, [car('鲁Q12345'), car('鲁Q99999')]), '2026-12', '2027-01-05');
    const fresh = onlyFindingId(december, { check_id: 'over_asset.vehicle', household_id: 'H001' });
    expect(fresh).not.toBe(id);
    expect(december.find((r) => r['finding_id'] === fresh)).toMatchObject({ status: '待核实', tracking: '新发现' });
  });

  it('a finding staff judged 误报 stays 误报 when the household holds less of it', async () => {
    const { cli, scan, findings } = ledgerKit('false-positive');
    const october = await scan(await month('fp-two-cars', ...VEHICLES, [car('鲁Q12345'), car('鲁Q54321')]), '2026-10', '2026-11-05');
    const id = onlyFindingId(october, { check_id: 'over_asset.vehicle', household_id: 'H001' });
    await cli(['ledger', 'set', id, '--status', '误报', '--note', '两辆均为农用']);
    const november = await scan(await month('fp-one-car', ...VEHICLES, [car('鲁Q54321')]), '2026-11', '2026-12-05');
    expect(november.filter((r) => r['check_id'] === 'over_asset.vehicle')).toEqual([expect.objectContaining({ finding_id: id, tracking: '误报' })]);
    expect(await findings('over_asset.vehicle')).toEqual([expect.objectContaining({ finding_id: id, status: '误报' })]);
  });

  it('a car more: a new finding 待核实, and the earlier one closed saying which finding took it over', async () => {
    const { ledger, scan, findings } = ledgerKit('grown');
    const october = await scan(await month('one-car-first', ...VEHICLES, [car('鲁Q12345')]), '2026-10', '2026-11-05');
    const earlier = onlyFindingId(october, { check_id: 'over_asset.vehicle', household_id: 'H001' });
    const november = await scan(await month('car-bought', ...VEHICLES, [car('鲁Q12345'), car('鲁Q77777')]), '2026-11', '2026-12-05');
    const fresh = onlyFindingId(november, { check_id: 'over_asset.vehicle', household_id: 'H001' });
    expect(fresh).not.toBe(earlier);
    expect(await findings('over_asset.vehicle')).toEqual([
      expect.objectContaining({ finding_id: earlier, status: '自动销号' }), expect.objectContaining({ finding_id: fresh, status: '待核实' }),
    ]);
    // Was: 「自动销号：2026-11 未再发现」, though the family still owns 鲁Q12345.
    expect(await readLedgerRows(ledger, `SELECT note FROM changes WHERE finding_id = '${earlier}' AND field = 'status'`))
      .toEqual([{ note: `自动销号：2026-11 该户计入的持有多于此前，由新发现的问题 ${fresh} 一并核查` }]);
  });

  it('one of two members off the payroll: the household\'s payroll finding goes on', async () => {
    const { cli, scan, findings } = ledgerKit('payroll');
    const both = [`张大山,${PEOPLE.zhang},县水利局,4200`, `李秀英,${PEOPLE.li},镇卫生院,3900`];
    const october = await scan(await month('payroll-two', ...PAYROLL, both), '2026-10', '2026-11-05');
    const id = onlyFindingId(october, { check_id: 'over_asset.payroll', household_id: 'H001' });
    await cli(['ledger', 'set', id, '--responsible', '王会计']);
    const november = await scan(await month('payroll-one', ...PAYROLL, [both[1]!]), '2026-11', '2026-12-05');
    expect(onlyFindingId(november, { check_id: 'over_asset.payroll', household_id: 'H001' })).toBe(id);
    expect(await findings('over_asset.payroll')).toEqual([expect.objectContaining({ finding_id: id, status: '待核实' })]);
  });
});
