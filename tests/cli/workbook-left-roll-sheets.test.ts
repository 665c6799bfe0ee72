// A roll workbook's 停保名单 or 死亡减员 sheet (or such a file) has the roll's columns but no 保障状态: read by its header alone (until
// 2026-12-06) each person on it was an 在保 member, a family stopped for a death a high deceased.recipient finding and a
// dead member listed twice in her household while her death, paid through October, was missed. Such a sheet is read
// as stopped roll rows, or, named for deaths and with its own 死亡日期, as a deaths list; the warnings say which.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { scanInput, type SheetRow } from '../support/scan-input.ts';
import { PEOPLE, rollCsv, validId } from '../support/small-township.ts';

const ROLL_ROWS: SheetRow[] = rollCsv().trim().split('\n').map((line) => line.split(','));
const ROLL_FILE = '2026年10月低保花名册.xlsx';
const LEFT_HEADER = ['乡镇', '村(社区)', '家庭编号', '姓名', '身份证号码', '与户主关系', '救助类别'];
const STOPPED = validId('370481', '19400101', '115');
const MOVED = validId('370481', '19500101', '151');
const TIMEOUT = 300_000;

async function workbook(sheets: Record<string, SheetRow[]>): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) book.addWorksheet(name).addRows(rows);
  return Buffer.from(await book.xlsx.writeBuffer());
}

type Finding = (name: string) => string | undefined;
const checksOf = (findings: Finding[]) => findings.map((f) => `${f('check_id')} ${f('name')}`).sort();

/** A 停保名单 with the roll's columns and its own 停保日期, 停保原因: 赵老汉, stopped in September for his death. */
const STOP_LIST: SheetRow[] = [
  [...LEFT_HEADER, '停保日期', '停保原因'],
  ['张庄镇', '南村', 'H009', '赵老汉', STOPPED, '户主', '农村低保', '2026-09-30', '死亡'],
];
const DEATH_RECORD: SheetRow[] = [['姓名', '身份证号码', '注销日期', '注销原因'], ['赵老汉', STOPPED, '2026-08-01', '死亡']];

describe('a roll workbook sheet whose name says its persons left the roll', () => {
  it('reads a 停保名单 without 保障状态 as 停保 rows: a family already stopped is no deceased finding', async () => {
    const file = await workbook({ 花名册: ROLL_ROWS, 停保名单: STOP_LIST, 死亡人员比对: DEATH_RECORD });
    const { findings, summary } = await scanInput({ [ROLL_FILE]: file });
    expect(checksOf(findings)).toEqual([]);
    // Every row read is used: the roll's 3 and the stopped one.
    expect(summary.datasets.roll).toMatchObject({ rows_read: 4, rows_used: 4 });
    expect(summary.warnings).toContainEqual({
      file: ROLL_FILE, message: expect.stringMatching(/^工作表「停保名单」按救助对象花名册读取，每行的保障状态按「停保」计.*请加「保障状态」列$/),
    });
  }, TIMEOUT);

  it('reads it so in a workbook its file name does not name (classified by its headers)', async () => {
    const file = await workbook({ 花名册: ROLL_ROWS, 注销人员: STOP_LIST, 死亡人员: DEATH_RECORD });
    const { findings, summary } = await scanInput({ '张庄镇核查资料.xlsx': file });
    expect(checksOf(findings)).toEqual([]);
    expect(summary.warnings).toContainEqual({
      file: '张庄镇核查资料.xlsx', message: expect.stringMatching(/^工作表「注销人员」按救助对象花名册读取，每行的保障状态按「退保」计/),
    });
  }, TIMEOUT);

  it('reads a 死亡减员 sheet with its own 死亡日期 as deaths: a member still 在保 and paid is found, once', async () => {
    const deaths: SheetRow[] = [[...LEFT_HEADER, '死亡日期'], ['张庄镇', '东村', 'H001', '李秀英', PEOPLE.li, '配偶', '农村低保', '2026-07-15']];
    const payments = '家庭编号,发放月份,发放金额\nH001,2026-08,1400\nH001,2026-09,1400\nH001,2026-10,1400\nH002,2026-10,700\n';
    const { findings, summary } = await scanInput({ [ROLL_FILE]: await workbook({ 花名册: ROLL_ROWS, 死亡减员: deaths }), '低保发放明细.csv': payments });
    expect(checksOf(findings)).toEqual(['deceased.recipient 李秀英']);
    // 8, 9, 10 月 of H001's 1400 a month, shared by its 2 在保 members.
    expect(findings[0]!('overpayment_yuan')).toBe('2100.00');
    expect(summary.datasets.deaths).toMatchObject({ rows_read: 1, rows_used: 1 });
    expect(summary.datasets.roll).toMatchObject({ rows_read: 3 });
    expect(summary.warnings).toContainEqual({ file: ROLL_FILE, message: expect.stringMatching(/^工作表「死亡减员」按死亡人员名单读取/) });
  }, TIMEOUT);

  // Persons who left alive (迁出) have no 死亡日期: read as deaths, each was a refused row and a data_quality finding.
  it('reads a 减员名单 with a 死亡日期 column as 退保 rows, and says its deaths were not read', async () => {
    const leavers: SheetRow[] = [
      [...LEFT_HEADER, '死亡日期', '减员原因'],
      ['张庄镇', '南村', 'H009', '赵老汉', STOPPED, '户主', '农村低保', '2026-07-15', '死亡'],
      ['张庄镇', '南村', 'H007', '钱迁', MOVED, '户主', '农村低保', '', '迁出'],
    ];
    const { findings, summary } = await scanInput({ [ROLL_FILE]: await workbook({ 花名册: ROLL_ROWS, 减员名单: leavers }) });
    expect(checksOf(findings)).toEqual([]);
    expect(summary.datasets.roll).toMatchObject({ rows_read: 5, rows_used: 5 });
    expect(summary.datasets.deaths?.rows_read ?? 0).toBe(0);
    expect(summary.warnings).toContainEqual({
      file: ROLL_FILE, message: expect.stringMatching(/^工作表「减员名单」按救助对象花名册读取，每行的保障状态按「退保」计.*「死亡日期」列未按死亡人员名单读取/),
    });
  }, TIMEOUT);

  it('reads a roll sheet named 「…（含停保）」 by its own 保障状态, as before: its 在保 rows are checked', async () => {
    const rows: SheetRow[] = [
      [...LEFT_HEADER, '月保障金', '保障状态'],
      ['张庄镇', '南村', 'H009', '赵老汉', STOPPED, '户主', '农村低保', 700, '在保'],
      ['张庄镇', '南村', 'H007', '钱迁', MOVED, '户主', '农村低保', 700, '停保'],
    ];
    const deaths: SheetRow[] = [['姓名', '身份证号码', '死亡日期'], ['赵老汉', STOPPED, '2026-08-01'], ['钱迁', MOVED, '2026-08-01']];
    const file = await workbook({ '2026年10月花名册（含停保）': rows, 花名册: ROLL_ROWS, 死亡人员: deaths });
    const { findings, summary } = await scanInput({ [ROLL_FILE]: file });
    expect(checksOf(findings)).toEqual(['deceased.recipient 赵老汉']);
    expect(summary.warnings.map((w: { message: string }) => w.message)).not.toContainEqual(expect.stringMatching(/含停保）」按/));
  }, TIMEOUT);

  it('reads a 停保名单 file (a workbook of Sheet1, or a CSV) by its file name as 停保 rows', async () => {
    const stopped = await workbook({ Sheet1: STOP_LIST });
    const stopCsv = STOP_LIST.map((row) => row.join(',')).join('\n') + '\n';
    const deaths = `姓名,身份证号码,死亡日期\n赵老汉,${STOPPED},2026-08-01\n钱迁,${MOVED},2026-08-01\n`;
    const movedCsv = stopCsv.replace(STOPPED, MOVED).replace('H009', 'H007').replace('赵老汉', '钱迁');
    const { findings, summary } = await scanInput({
      [ROLL_FILE]: await workbook({ 花名册: ROLL_ROWS }), '2026年10月停保名单.xlsx': stopped, '退保人员.csv': movedCsv, '死亡人员.csv': deaths,
    });
    expect(checksOf(findings)).toEqual([]);
    expect(summary.datasets.roll).toMatchObject({ rows_read: 5, rows_used: 5 });
    expect(summary.warnings).toContainEqual({
      file: '2026年10月停保名单.xlsx', message: expect.stringMatching(/^工作表「Sheet1」按救助对象花名册读取，每行的保障状态按「停保」计.*文件名的「停保」/),
    });
    expect(summary.warnings).toContainEqual({ file: '退保人员.csv', message: expect.stringMatching(/^按救助对象花名册读取，每行的保障状态按「退保」计/) });
  }, TIMEOUT);

  // 花名册 names the roll itself: the file name's 停保减员 says what the roll was checked for, not that its persons left.
  it('reads a roll file named 「…花名册（停保减员核对）」 without 保障状态 as 在保, as before', async () => {
    const rows: SheetRow[] = [[...LEFT_HEADER, '月保障金'], ['张庄镇', '南村', 'H009', '赵老汉', STOPPED, '户主', '农村低保', 700]];
    const deaths: SheetRow[] = [['姓名', '身份证号码', '死亡日期'], ['赵老汉', STOPPED, '2026-08-01']];
    const { findings } = await scanInput({ '2026年10月低保花名册（停保减员核对）.xlsx': await workbook({ Sheet1: rows, 死亡人员: deaths }) });
    expect(checksOf(findings)).toEqual(['deceased.recipient 赵老汉']);
  }, TIMEOUT);

  // A roll whose name says it is the roll, names persons still paid, or only checks for a stop is read as 在保, its
  // dead member found (for an hour of 2026-12-06 each of these was read as stopped, and her death went unfound).
  const rollWithoutStatus: SheetRow[] = ROLL_ROWS.map((row) => row.slice(0, -1));
  const deathsCsv = `姓名,身份证号码,死亡日期\n李秀英,${PEOPLE.li},2026-07-15\n`;
  const paidCsv = '家庭编号,发放月份,发放金额\nH001,2026-08,1400\nH001,2026-09,1400\nH001,2026-10,1400\n';
  it.each([
    ['a sheet named 「10月花名册（已删除死亡人员）」', async () => ({ [ROLL_FILE]: await workbook({ '10月花名册（已删除死亡人员）': rollWithoutStatus }) })],
    ['a sheet named 在保人员 in a file named 低保对象停发核查', async () => ({ '低保对象停发核查.xlsx': await workbook({ 在保人员: rollWithoutStatus }) })],
    ['a file named 2026年10月低保名册（减员核对）.csv', async () => ({ '2026年10月低保名册（减员核对）.csv': rollWithoutStatus.map((row) => row.join(',')).join('\n') + '\n' })],
    ['a sheet named 疑似死亡人员核查', async () => ({ '张庄镇核查资料.xlsx': await workbook({ 疑似死亡人员核查: rollWithoutStatus }) })],
  ])('reads %s as 在保, as before: a dead member paid is found', async (_, files) => {
    const { findings, summary } = await scanInput({ ...await files(), '死亡人员.csv': deathsCsv, '低保发放明细.csv': paidCsv });
    expect(checksOf(findings)).toContain('deceased.recipient 李秀英');
    expect(summary.warnings.map((w: { message: string }) => w.message)).not.toContainEqual(expect.stringMatching(/保障状态按「/));
  }, TIMEOUT);

  // A 停保人员 sheet that gives each row's status says who came back: its 在保 row is checked.
  it('reads a 停保人员 sheet with a 保障状态 column by that column', async () => {
    const rows: SheetRow[] = [
      [...LEFT_HEADER, '月保障金', '保障状态'],
      ['张庄镇', '南村', 'H009', '赵老汉', STOPPED, '户主', '农村低保', 700, '在保'],
    ];
    const deaths: SheetRow[] = [['姓名', '身份证号码', '死亡日期'], ['赵老汉', STOPPED, '2026-08-01']];
    const { findings, summary } = await scanInput({ [ROLL_FILE]: await workbook({ 花名册: ROLL_ROWS, 停保人员: rows, 死亡人员: deaths }) });
    expect(checksOf(findings)).toEqual(['deceased.recipient 赵老汉']);
    expect(summary.warnings.map((w: { message: string }) => w.message)).not.toContainEqual(expect.stringMatching(/停保人员」按/));
  }, TIMEOUT);
});
