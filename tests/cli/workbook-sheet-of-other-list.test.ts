// A roll workbook's own sheets are not other lists because a header fits one: a 家庭收入核算 sheet (姓名, 身份证号码,
// 工资) beside the 花名册 was read as a 财政供养人员名单 for a while on 2026-12-06, and each family member with a wage was
// a high over_asset.payroll finding. A sheet is read as another list only where its name or its own columns say so,
// and the summary then says what it was read as.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { scanInput, type SheetRow } from '../support/scan-input.ts';
import { PEOPLE, rollCsv } from '../support/small-township.ts';

const ROLL_ROWS: SheetRow[] = rollCsv().trim().split('\n').map((line) => line.split(','));
const ROLL_FILE = '2026年10月低保花名册.xlsx';
const TIMEOUT = 300_000;

async function workbook(sheets: Record<string, SheetRow[]>): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) book.addWorksheet(name).addRows(rows);
  return Buffer.from(await book.xlsx.writeBuffer());
}

const payrollFindings = (findings: ((name: string) => string | undefined)[]) =>
  findings.filter((finding) => finding('check_id') === 'over_asset.payroll').map((finding) => finding('name'));

describe('a sheet of a roll workbook whose header fits another list', () => {
  it('leaves a family income sheet with a 工资 column unread: no 财政供养 finding', async () => {
    const income: SheetRow[] = [
      ['家庭编号', '姓名', '身份证号码', '工资', '其他收入'],
      ['H001', '张大山', PEOPLE.zhang, 300, 0],
      ['H002', '王小明', PEOPLE.wang, 500, 0],
    ];
    const { findings, summary } = await scanInput({ [ROLL_FILE]: await workbook({ 花名册: ROLL_ROWS, 家庭收入核算: income }) });
    expect(payrollFindings(findings)).toEqual([]);
    expect(summary.datasets.payroll?.rows_read ?? 0).toBe(0);
    expect(summary.warnings).toContainEqual({
      file: ROLL_FILE, message: expect.stringMatching(/^工作表「家庭收入核算」未读取：表头的列也见于财政供养人员名单.*请把工作表名改为含「财政供养」/),
    });
  }, TIMEOUT);

  // 工资 names a payroll file (财政供养人员工资.csv), not a sheet: a family's 工资收入 sheet is no payroll.
  it('leaves a sheet named 工资收入 unread, its header no more than 姓名, 身份证号码, 工资', async () => {
    const income: SheetRow[] = [['姓名', '身份证号码', '工资'], ['王小明', PEOPLE.wang, 500]];
    const { findings, summary } = await scanInput({ [ROLL_FILE]: await workbook({ 花名册: ROLL_ROWS, 工资收入: income }) });
    expect(payrollFindings(findings)).toEqual([]);
    expect(summary.warnings).toContainEqual({ file: ROLL_FILE, message: expect.stringMatching(/^工作表「工资收入」未读取/) });
  }, TIMEOUT);

  it('reads a sheet named for the payroll as one, and says so', async () => {
    const payroll: SheetRow[] = [['姓名', '身份证号码', '工资'], ['王小明', PEOPLE.wang, 4200]];
    const { findings, summary } = await scanInput({ [ROLL_FILE]: await workbook({ 花名册: ROLL_ROWS, 财政供养人员: payroll }) });
    expect(payrollFindings(findings)).toEqual(['王小明']);
    expect(summary.warnings).toContainEqual({ file: ROLL_FILE, message: expect.stringMatching(/^工作表「财政供养人员」按财政供养人员名单读取/) });
  }, TIMEOUT);

  it('reads a sheet with a 工作单位 column as the payroll, and says so', async () => {
    const payroll: SheetRow[] = [['姓名', '身份证号码', '工作单位', '月工资'], ['王小明', PEOPLE.wang, '县水利局', 4200]];
    const { findings, summary } = await scanInput({ [ROLL_FILE]: await workbook({ 花名册: ROLL_ROWS, 核查1: payroll }) });
    expect(payrollFindings(findings)).toEqual(['王小明']);
    expect(summary.warnings).toContainEqual({ file: ROLL_FILE, message: expect.stringMatching(/^工作表「核查1」按财政供养人员名单读取.*「工作单位」/) });
  }, TIMEOUT);

  it('says a 死亡人员 sheet was read as the deaths list', async () => {
    const deaths: SheetRow[] = [['姓名', '身份证号码', '死亡日期'], ['张大山', PEOPLE.zhang, '2026-08-15']];
    const { summary } = await scanInput({ [ROLL_FILE]: await workbook({ 花名册: ROLL_ROWS, 死亡人员: deaths }) });
    expect(summary.datasets.deaths).toMatchObject({ rows_read: 1 });
    expect(summary.warnings).toContainEqual({ file: ROLL_FILE, message: expect.stringMatching(/^工作表「死亡人员」按死亡人员名单读取/) });
  }, TIMEOUT);
});
