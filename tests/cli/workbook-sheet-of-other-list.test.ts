// A roll workbook's own sheets are not other lists because a header fits one: a 家庭收入核算 sheet (姓名, 身份证号码,
// 工资) beside the 花名册 was read as a 财政供养人员名单 for a while on 2026-12-06, and each family member with a wage was
// a high over_asset.payroll finding; later that day a 家庭成员 or 收入核算 sheet's 工作单位 still was one, and a
// 银行核对结果 sheet's plain 金额 left its 开户银行 and 截止日期 unseen (a member's 52,000 元 not found). A sheet is read
// as another list only where its name or its own columns say so, and the summary then says what it was read as.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { scanInput, type SheetRow } from '../support/scan-input.ts';
import { PEOPLE, rollCsv, validId } from '../support/small-township.ts';

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

  it('reads a sheet with a 编制性质 column as the payroll, and says so', async () => {
    const payroll: SheetRow[] = [['姓名', '身份证号码', '工作单位', '编制性质', '月工资'], ['王小明', PEOPLE.wang, '县水利局', '事业编制', 4200]];
    const { findings, summary } = await scanInput({ [ROLL_FILE]: await workbook({ 花名册: ROLL_ROWS, 核查1: payroll }) });
    expect(payrollFindings(findings)).toEqual(['王小明']);
    expect(summary.warnings).toContainEqual({ file: ROLL_FILE, message: expect.stringMatching(/^工作表「核查1」按财政供养人员名单读取.*「编制性质」列/) });
  }, TIMEOUT);

  // Where a son works and where a daughter is at school are a family's 工作单位 too; its 人员类别 (残疾人, 在校生) is no
  // 编制: the 家庭编号 and 与户主关系 say the sheet is the family's.
  it("leaves a family's 家庭成员 and 收入核算 sheets unread for their 工作单位: no 财政供养 finding", async () => {
    const son = validId('370481', '19850505', '117');
    const daughter = validId('370481', '20010101', '228');
    const members: SheetRow[] = [
      ['家庭编号', '姓名', '身份证号码', '与户主关系', '人员类别', '就业状况', '工作单位'],
      ['H001', '张大山', PEOPLE.zhang, '户主', '残疾人', '无业', ''],
      ['H001', '张小军', son, '子', '劳动力', '务工', '临沭县鑫源建材有限公司'],
      ['H002', '王小红', daughter, '女', '在校生', '在校', '临沭县第一中学'],
    ];
    const income: SheetRow[] = [['姓名', '身份证号码', '工作单位', '工资性收入'], ['张小军', son, '临沭县鑫源建材有限公司', 1800]];
    const roll = [...ROLL_ROWS, ['张庄镇', '东村', 'H001', '张小军', son, '子', '农村低保', 1400, '在保'], ['张庄镇', '西村', 'H002', '王小红', daughter, '女', '农村低保', 700, '在保']];
    const { findings, summary } = await scanInput({ [ROLL_FILE]: await workbook({ 花名册: roll, 家庭成员: members, 收入核算: income }) });
    expect(payrollFindings(findings)).toEqual([]);
    expect(summary.datasets.payroll?.rows_read ?? 0).toBe(0);
    expect(summary.warnings).toContainEqual({
      file: ROLL_FILE, message: expect.stringMatching(/^工作表「家庭成员」未读取：.*有「家庭编号」「与户主关系」列，是家庭自己的表，不按财政供养人员名单读取/),
    });
    expect(summary.warnings).toContainEqual({ file: ROLL_FILE, message: expect.stringMatching(/^工作表「收入核算」未读取：表头的列也见于财政供养人员名单/) });
  }, TIMEOUT);

  // 金额 is any sheet's sum of money, 账号 a roll's too; a bank's 开户银行 and 截止日期 are a deposits list's alone.
  it('reads a 银行核对结果 sheet with 开户银行 and 截止日期 beside a plain 金额 as the deposits list: its 52,000 元 found', async () => {
    const bank: SheetRow[] = [
      ['序号', '姓名', '身份证号码', '开户银行', '账号', '金额', '截止日期'],
      [1, '王小明', PEOPLE.wang, '中国农业银行临沭支行', '6228480012345678', 52000, '2026-09-30'],
    ];
    const config = { standards: { default: { urban: 900, rural: 700 } } };
    const { findings, summary } = await scanInput({ [ROLL_FILE]: await workbook({ 花名册: ROLL_ROWS, 银行核对结果: bank }) }, config);
    const deposits = findings.filter((finding) => finding('check_id') === 'over_asset.deposits');
    expect(deposits.map((finding) => [finding('name'), finding('severity')])).toEqual([['王小明', 'high']]);
    expect(summary.datasets.deposits).toMatchObject({ rows_read: 1 });
    expect(summary.warnings).toContainEqual({
      file: ROLL_FILE, message: expect.stringMatching(/^工作表「银行核对结果」按金融资产核对结果读取：.*「截止日期」「开户银行」列/),
    });
  }, TIMEOUT);

  // What a family sheet's header may share with a list it is not: 工作单位 and a wage alone make no payroll.
  it('leaves a sheet headed 工作单位 and 月工资 beside the ID and name unread', async () => {
    const sheet: SheetRow[] = [['姓名', '身份证号码', '工作单位', '月工资'], ['王小明', PEOPLE.wang, '临沭县鑫源建材有限公司', 2600]];
    const { findings, summary } = await scanInput({ [ROLL_FILE]: await workbook({ 花名册: ROLL_ROWS, 核查1: sheet }) });
    expect(payrollFindings(findings)).toEqual([]);
    expect(summary.warnings).toContainEqual({ file: ROLL_FILE, message: expect.stringMatching(/^工作表「核查1」未读取/) });
  }, TIMEOUT);

  it('says a 死亡人员 sheet was read as the deaths list', async () => {
    const deaths: SheetRow[] = [['姓名', '身份证号码', '死亡日期'], ['张大山', PEOPLE.zhang, '2026-08-15']];
    const { summary } = await scanInput({ [ROLL_FILE]: await workbook({ 花名册: ROLL_ROWS, 死亡人员: deaths }) });
    expect(summary.datasets.deaths).toMatchObject({ rows_read: 1 });
    expect(summary.warnings).toContainEqual({ file: ROLL_FILE, message: expect.stringMatching(/^工作表「死亡人员」按死亡人员名单读取/) });
  }, TIMEOUT);
});
