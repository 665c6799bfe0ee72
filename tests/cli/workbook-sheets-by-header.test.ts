// A township's 核查 workbook named for the roll (城关镇2026年10月低保核查数据.xlsx) often holds a 死亡人员 and a 发放明细
// sheet beside the roll: until 2026-12-06 its file name decided every sheet, the others were skipped as without a
// header (exit 0), and the dead man paid after his death was not found. Each sheet is now read as its header says,
// unless it is a part of the named list missing a column, which still stops the scan.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { runScan, scanInput, type SheetRow } from '../support/scan-input.ts';
import { PEOPLE, ROLL_HEADER, rollCsv } from '../support/small-township.ts';

const ROLL_ROWS: SheetRow[] = rollCsv().trim().split('\n').map((line) => line.split(','));
const DEATHS: SheetRow[] = [['姓名', '身份证号码', '死亡日期'], ['张大山', PEOPLE.zhang, '2026-08-15']];
const PAYMENTS: SheetRow[] = [['家庭编号', '发放月份', '发放金额'], ['H001', '2026-09', 1400], ['H001', '2026-10', 1400]];

async function workbook(sheets: Record<string, SheetRow[]>): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) book.addWorksheet(name).addRows(rows);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('a workbook named for one list holding sheets of others', () => {
  it('reads each sheet as its header says: the death on the 死亡人员 sheet and the payments after it are found', async () => {
    const file = '城关镇2026年10月低保核查数据.xlsx';
    const { findings, summary } = await scanInput({ [file]: await workbook({ 花名册: ROLL_ROWS, 死亡人员: DEATHS, 发放明细: PAYMENTS }) });
    // His share of the household's 1400 a month (two members), for September and October.
    const deceased = findings.filter((finding) => finding('check_id') === 'deceased.recipient');
    expect(deceased.map((finding) => [finding('name'), finding('overpayment_yuan')])).toEqual([['张大山', '1400.00']]);
    expect(summary.datasets.deaths).toMatchObject({ files: [file], rows_read: 1, rows_used: 1 });
    expect(summary.datasets.payments).toMatchObject({ files: [file], rows_read: 2, rows_used: 2 });
  });

  it('still stops on a sheet that is part of the named list with a column missing', async () => {
    const withoutProgram = ROLL_HEADER.split(',').filter((header) => header !== '救助类别');
    const part: SheetRow[] = [withoutProgram, ['张庄镇', '北村', 'H009', '赵四', PEOPLE.wang, '户主', '700', '在保']];
    const { run } = await runScan({ '低保核查数据.xlsx': await workbook({ 南村: ROLL_ROWS, 北村: part, 死亡人员: DEATHS }) });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('救助类别');
  });
});
