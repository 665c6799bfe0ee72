// A payroll, vehicle or 不动产 list whose file or sheet name says its rows ended (2026年9月财政供养人员减员名单.csv, a
// 已注销机动车名单.csv, a workbook's 减员人员, 已注销车辆 or 历史注销记录 sheet): read by its header alone (until 2026-12-08)
// it was a live list, each recipient on it a high over_asset finding with no warning. Its rows are set aside as out of
// scope by the name, each listed in the rejects with the name as its reason, and warned of; a live list beside it (in
// the same workbook or folder) is read as before. A leaving the list dates on or after P's first day was paid in P.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCsvRecords } from '../support/parse-csv.ts';
import { runScan, type SheetRow } from '../support/scan-input.ts';
import { PEOPLE, rollCsv } from '../support/small-township.ts';

const TIMEOUT = 300_000;
const gbkCsv = (rows: string[][]) => iconv.encode(rows.map((row) => row.join(',')).join('\r\n') + '\r\n', 'gbk');

async function workbook(sheets: Record<string, SheetRow[]>): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) book.addWorksheet(name).addRows(rows);
  return Buffer.from(await book.xlsx.writeBuffer());
}

interface Scanned {
  /** `check_id name` of each over_asset finding, sorted. */
  overAsset: string[];
  summary: { datasets: Record<string, { rows_read: number; rows_used: number; rows_rejected: number }>; warnings: { file: string; message: string }[] };
  rejects: { dataset: string; file: string; sheet: string | null; reason: string; raw_row: string }[];
}

async function scan(files: Record<string, string | Buffer>): Promise<Scanned> {
  const { run, out } = await runScan({ '低保花名册.csv': rollCsv(), ...files });
  expect(run.code, run.stderr).toBe(0);
  const [header, ...findings] = parseCsvRecords(await readFile(join(out, 'findings.csv'), 'utf8'));
  const at = (name: string) => header!.indexOf(name);
  const overAsset = findings.filter((f) => f[at('category')] === 'over_asset').map((f) => `${f[at('check_id')]} ${f[at('name')]}`).sort();
  const summary = JSON.parse(await readFile(join(out, 'summary.json'), 'utf8'));
  const instance = await DuckDBInstance.create(join(out, '..', 'l.duckdb'), { access_mode: 'READ_ONLY' });
  const connection = await instance.connect();
  try {
    const reader = await connection.runAndReadAll("SELECT dataset, file, sheet, reason, raw_row FROM rejects WHERE dataset <> 'roll' ORDER BY dataset, file, line");
    return { overAsset, summary, rejects: reader.getRowObjectsJson() as unknown as Scanned['rejects'] };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

describe('lists named as ended, as files (GBK CSV)', () => {
  const LEAVERS = '2026年9月财政供养人员减员名单.csv';
  const CARS = '已注销机动车名单.csv';
  let scanned: Scanned;
  beforeAll(async () => {
    scanned = await scan({
      // 张大山 left in September (no date given); 李秀英, of his household, leaves on 10-15: paid in October.
      [LEAVERS]: gbkCsv([['单位', '姓名', '身份证号码', '减员原因', '减员日期'], ['县交通局', '张大山', PEOPLE.zhang, '调出', ''], ['县一中', '李秀英', PEOPLE.li, '辞职', '2026-10-15']]),
      [CARS]: gbkCsv([['所有人', '身份证明号码', '号牌号码', '车辆类型'], ['王小明', PEOPLE.wang, '鲁Q12345', '小型轿车']]),
      // The guard: a live roster read beside it, as before.
      '财政供养人员名单.csv': gbkCsv([['单位', '姓名', '身份证号码'], ['县交通局', '王小明', PEOPLE.wang]]),
    });
  }, TIMEOUT);

  it('finds no one on them, except a leaving dated in P; the live roster still gives its finding', () => {
    expect(scanned.overAsset).toEqual(['over_asset.payroll 李秀英', 'over_asset.payroll 王小明']);
  });

  it('sets their rows aside as out of scope, read = used + rejected, each with the name as its reason', () => {
    expect(scanned.summary.datasets['payroll']).toMatchObject({ rows_read: 3, rows_used: 2, rows_rejected: 1 });
    expect(scanned.summary.datasets['vehicles']).toMatchObject({ rows_read: 1, rows_used: 0, rows_rejected: 1 });
    expect(scanned.rejects).toEqual([
      expect.objectContaining({ dataset: 'payroll', file: LEAVERS, reason: expect.stringMatching(/^文件名「2026年9月财政供养人员减员名单」的「减员」说明表中人员已不由财政供养/) }),
      expect.objectContaining({ dataset: 'vehicles', file: CARS, reason: expect.stringMatching(/^文件名「已注销机动车名单」的「注销」说明表中车辆已注销/) }),
    ]);
    // The 减员原因 is kept with the row.
    expect(scanned.rejects[0]!.raw_row).toContain('调出');
  });

  it('warns of each, naming the file', () => {
    expect(scanned.summary.warnings).toContainEqual({ file: LEAVERS, message: expect.stringMatching(/^清单名称说明人员已不由财政供养.*的 1 行未作为财政供养人员/) });
    expect(scanned.summary.warnings).toContainEqual({ file: CARS, message: expect.stringMatching(/^清单名称说明车辆已注销、报废或转出的 1 行未计入车辆/) });
  });
});

describe('sheets named as ended, beside live ones (XLSX)', () => {
  const CAR_HEADER = ['所有人', '身份证明号码', '号牌号码', '车辆类型'];
  const HOME_HEADER = ['权利人', '权利人证件号码', '坐落', '房屋用途'];
  let scanned: Scanned;
  beforeAll(async () => {
    scanned = await scan({
      '财政供养人员名单.xlsx': await workbook({
        在职人员: [['单位', '姓名', '身份证号码'], ['县交通局', '张大山', PEOPLE.zhang]],
        减员人员: [['单位', '姓名', '身份证号码', '减员原因'], ['县一中', '王小明', PEOPLE.wang, '辞退']],
      }),
      // The guard: a 机动车登记信息.xlsx's first sheet is read as before.
      '机动车登记信息.xlsx': await workbook({
        Sheet1: [CAR_HEADER, ['王小明', PEOPLE.wang, '鲁Q12345', '小型轿车']],
        已注销车辆: [CAR_HEADER, ['张大山', PEOPLE.zhang, '鲁Q54321', '小型轿车']],
      }),
      '不动产登记信息.xlsx': await workbook({
        现势登记: [HOME_HEADER, ['张大山', PEOPLE.zhang, '商业街1号', '商业']],
        历史注销记录: [HOME_HEADER, ['王小明', PEOPLE.wang, '商业街2号', '商业']],
      }),
    });
  }, TIMEOUT);

  it('finds what the live sheets hold, nothing the ended ones do', () => {
    expect(scanned.overAsset).toEqual(['over_asset.payroll 张大山', 'over_asset.property 张大山', 'over_asset.vehicle 王小明']);
  });

  it('sets the ended sheets\' rows aside, each with the sheet name as its reason, and warns naming the sheet', () => {
    expect(scanned.rejects.map((r) => [r.dataset, r.sheet, r.reason.replace(/说明.*/, '')])).toEqual([
      ['payroll', '减员人员', '工作表名「减员人员」的「减员」'],
      ['properties', '历史注销记录', '工作表名「历史注销记录」的「历史」'],
      ['vehicles', '已注销车辆', '工作表名「已注销车辆」的「注销」'],
    ]);
    for (const dataset of ['payroll', 'vehicles', 'properties']) {
      expect(scanned.summary.datasets[dataset], dataset).toMatchObject({ rows_read: 2, rows_used: 1, rows_rejected: 1 });
    }
    expect(scanned.summary.warnings).toContainEqual({ file: '财政供养人员名单.xlsx', message: expect.stringMatching(/^工作表「减员人员」清单名称说明/) });
    expect(scanned.summary.warnings).toContainEqual({ file: '机动车登记信息.xlsx', message: expect.stringMatching(/^工作表「已注销车辆」清单名称说明/) });
    expect(scanned.summary.warnings).toContainEqual({ file: '不动产登记信息.xlsx', message: expect.stringMatching(/^工作表「历史注销记录」清单名称说明/) });
  });
});
