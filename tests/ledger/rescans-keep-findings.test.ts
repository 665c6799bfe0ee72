// Rescanning a month replaces its run (ledger.md) without losing what other months and staff did: a finding a rescan
// closed is reopened when a later month finds it again, a finding a later month carried survives a rescan of an older
// one, and a staff edit that is no status or deadline does not keep a reopening the corrected data undoes. Each case
// failed until 2026-12-05. Real CLI, real DuckDB.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { onlyFindingId } from '../support/finding-rows.ts';
import { cellOf, editWorkbook } from '../support/ledger-fixture.ts';
import { ledgerMonths } from '../support/ledger-months.ts';
import { readLedgerRows } from '../support/read-ledger.ts';
import { PEOPLE, rollCsv } from '../support/small-township.ts';
import { tempFolder } from '../support/temp-folder.ts';

const root = await tempFolder();
const VEHICLE_HEADER = '所有人,所有人身份证号码,号牌号码,车辆类型,状态';

/** A month's folder: the roll, and a vehicle list with 张大山's car (over_asset.vehicle), another's, or none at all. */
async function month(name: string, vehicles: 'his car' | 'sold' | 'no list'): Promise<string> {
  const folder = join(root, name);
  await mkdir(folder, { recursive: true });
  await writeFile(join(folder, '低保花名册.csv'), rollCsv());
  const owner = vehicles === 'his car' ? `张大山,${PEOPLE.zhang}` : '周某,110101198001010011';
  if (vehicles !== 'no list') await writeFile(join(folder, '机动车登记信息.csv'), `${VEHICLE_HEADER}\n${owner},鲁Q12345,小型普通客车,正常\n`);
  return folder;
}
const folders = { hisCar: await month('his-car', 'his car'), sold: await month('sold', 'sold'), noList: await month('no-list', 'no list') };

function ledgerKit(name: string) {
  const { ledger, cli, scan, lastScanOut } = ledgerMonths(root, name);
  const finding = async (id: string) =>
    (await readLedgerRows(ledger, `SELECT status, strftime(deadline, '%Y-%m-%d') AS deadline FROM findings WHERE finding_id = '${id}'`))[0];
  /** The township's workbook of the last scan. */
  const workbook = () => join(lastScanOut(), 'ledger', '张庄镇.xlsx');
  return { ledger, cli, scan, finding, workbook };
}

const carOf = (rows: Record<string, string>[]) => onlyFindingId(rows, { check_id: 'over_asset.vehicle', household_id: 'H001' });

describe('rescans keep what other months and staff did', () => {
  it('a finding a rescan of its month closed (自动销号) and a later month finds again is reopened, not 新发现 left closed', async () => {
    const { cli, scan, finding } = ledgerKit('reopen');
    const car = carOf(await scan(folders.hisCar, '2026-10', '2026-11-05'));
    await cli(['ledger', 'set', car, '--status', '核实中']);
    await scan(folders.sold, '2026-10', '2026-11-06'); // the same month again, the car gone
    expect(await finding(car)).toMatchObject({ status: '自动销号' });

    const november = await scan(folders.hisCar, '2026-11', '2026-12-05');
    const row = november.find((r) => r['finding_id'] === car)!;
    // Was: 新发现, its status still 自动销号 — a car found again shown as closed.
    expect(row).toMatchObject({ status: '待核实', tracking: '整改未到位' });
    expect(await finding(car)).toEqual({ status: '待核实', deadline: '2026-12-20' });
  });

  it('a rescan of an older month keeps a finding the later month carried unjudged (未复查)', async () => {
    const { ledger, scan } = ledgerKit('carried');
    const car = carOf(await scan(folders.hisCar, '2026-10', '2026-11-05'));
    const november = await scan(folders.noList, '2026-11', '2026-12-05');
    expect(november.find((r) => r['finding_id'] === car)).toMatchObject({ tracking: expect.stringContaining('未复查') });

    await scan(folders.noList, '2026-10', '2026-12-06'); // October again, now without the vehicle list
    // Was: deleted, and November's carried row pointed at nothing.
    expect(await readLedgerRows(ledger, `SELECT status FROM findings WHERE finding_id = '${car}'`)).toEqual([{ status: '待核实' }]);
    expect(await readLedgerRows(ledger, 'SELECT count(*)::INT AS lost FROM run_carried WHERE finding_id NOT IN (SELECT finding_id FROM findings)'))
      .toEqual([{ lost: 0 }]);
  });

  it('a rescan on corrected data undoes its run\'s reopening when staff only named a 责任人 since, restoring their status', async () => {
    const { cli, scan, finding } = ledgerKit('responsible');
    const car = carOf(await scan(folders.hisCar, '2026-10', '2026-11-05'));
    await cli(['ledger', 'set', car, '--status', '已整改', '--note', '车辆已过户']);
    await scan(folders.hisCar, '2026-11', '2026-12-05'); // a stale list: reopened
    expect(await finding(car)).toMatchObject({ status: '待核实' });
    await cli(['ledger', 'set', car, '--responsible', '张会计']);

    await scan(folders.sold, '2026-11', '2026-12-06'); // the corrected list
    // Was: 自动销号 with the reopening's deadline, staff's 已整改 overwritten by the scan.
    expect(await finding(car)).toEqual({ status: '已整改', deadline: '2026-11-20' });
  });

  it('a village\'s status edit in the month\'s workbook is taken after the month is rescanned on the same data', async () => {
    const { cli, scan, finding, workbook } = ledgerKit('same-data');
    const car = carOf(await scan(folders.hisCar, '2026-10', '2026-11-05'));
    await cli(['ledger', 'set', car, '--status', '已整改', '--note', '车辆已过户']);
    await scan(folders.hisCar, '2026-11', '2026-12-05'); // reopened: the workbook goes to the village
    const returned = await editWorkbook(workbook(), join(root, 'same-data-returned.xlsx'), (book) => {
      cellOf(book.getWorksheet('东村')!, car, '整改状态').value = '核实中';
    });
    await scan(folders.hisCar, '2026-11', '2026-12-06'); // the same month, the same data
    // Was: refused (exit 2), 「导出后台账中此项已改为「待核实」」 though it held 待核实 when exported too.
    const imported = await cli(['ledger', 'import', returned]);
    expect(imported.stdout).not.toContain('已拒绝');
    expect(await finding(car)).toMatchObject({ status: '核实中' });
  });
});
