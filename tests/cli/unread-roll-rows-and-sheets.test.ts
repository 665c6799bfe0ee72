// Through the real CLI, two ways a roll's persons went unchecked with exit 0 until 2026-12-06: rows whose ID cell says
// 身份证（待办） or whose 家庭编号 says 户号（待分配） were dropped as repeated header rows (a dead man on the roll not
// found), and a village's sheet whose header stood on row 12, or was headed in a spelling not known, was skipped beside
// the sheets read with only a warning.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { looksLikeStackTrace } from '../support/run-cli.ts';
import { runScan, scanInput, type SheetRow } from '../support/scan-input.ts';
import { PEOPLE, validId } from '../support/small-township.ts';

const HEADER = ['序号', '乡镇', '村', '家庭编号', '姓名', '身份证号码', '与户主关系', '救助类别', '月保障金', '保障状态'];
const WEST = validId('371329', '19700101', '014');
const EAST_ROWS: SheetRow[] = [HEADER, [1, '店头镇', '东村', 'H401', '张三', PEOPLE.zhang, '户主', '农村低保', 700, '在保']];
const westRows = (header: string[]): SheetRow[] => [header, [1, '店头镇', '西村', 'H402', '李四', WEST, '户主', '农村低保', 1400, '在保']];
const STANDARDS = { standards: { default: { urban: 900, rural: 700 } }, checks: {} };

async function workbook(sheets: Record<string, SheetRow[]>): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) book.addWorksheet(name).addRows(rows);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('roll rows whose ID or 家庭编号 cell names its column with a note', () => {
  it('are persons: the children are data-quality findings, the new household\'s dead man is found', async () => {
    const roll = [
      '乡镇,村,家庭编号,姓名,身份证号码,与户主关系,救助类别,月保障金,保障状态',
      `店头镇,东村,H801,张大,${PEOPLE.zhang},户主,农村低保,2100,在保`,
      '店头镇,东村,H801,张小宝,身份证（待办）,子,农村低保,,在保',
      '店头镇,东村,H801,张小妹,身份证号(未办理),女,农村低保,,在保',
      `店头镇,东村,户号（待分配）,王新增,${PEOPLE.wang},户主,农村低保,700,在保`,
      // The header again as another township wrote it: still no person.
      ' 乡镇 ,村,户号,姓 名,*身份证号(必填),与户主关系,救助类别,月保障金,保障状态',
    ].join('\n');
    const deaths = `姓名,身份证号码,死亡日期,来源\n王新增,${PEOPLE.wang},2026-08-15,殡葬火化\n`;
    const { findings, summary } = await scanInput({ '低保花名册.csv': `${roll}\n`, '死亡人员.csv': deaths }, STANDARDS);
    expect(summary.datasets.roll).toMatchObject({ rows_read: 5, rows_used: 4, rows_rejected: 1 });
    const of = (check: string) => findings.filter((f) => f('check_id') === check).map((f) => f('name')).sort();
    expect(of('data_quality.id-invalid')).toEqual(['张小宝', '张小妹'].sort());
    expect(of('deceased.recipient')).toEqual(['王新增']);
    // H801 is three persons: 2100 is within 3 × 700.
    expect(of('data_quality.amount-over-standard')).toEqual([]);
  });
});

describe('a roll workbook\'s village sheet that cannot be read beside one that is', () => {
  it('with its header on row 12 under a 填报说明: exit 2 naming the sheet, the row and how to fix it', async () => {
    const notes = Array.from({ length: 10 }, (_, i) => [`填报说明${i + 1}：身份证号码须为18位。`]);
    const { run } = await runScan({ '2026年10月农村低保花名册.xlsx': await workbook({ 东村: EAST_ROWS, 西村: [['西村花名册'], ...notes, ...westRows(HEADER)] }) });
    expect(run.code, run.stderr).toBe(2);
    expect(looksLikeStackTrace(run.stderr)).toBe(false);
    expect(run.stderr).toContain('2026年10月农村低保花名册.xlsx 工作表「西村」 第 12 行: 救助对象花名册的表头在第 12 行');
    expect(run.stderr).toContain('同一文件的其他工作表已按救助对象花名册读取，此表未读取，其中的人员将无法核查');
    expect(run.stderr).toMatch(/处理办法：.*"headerRow": 12/);
  });

  it('the same sheet alone in its file: exit 2 naming row 12 and sweep.json\'s headerRow', async () => {
    const notes = Array.from({ length: 10 }, (_, i) => [`填报说明${i + 1}`]);
    const { run } = await runScan({ '2026年10月农村低保花名册.xlsx': await workbook({ 西村: [['西村花名册'], ...notes, ...westRows(HEADER)] }) });
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toContain('工作表「西村」 第 12 行: 救助对象花名册的表头在第 12 行');
    expect(run.stderr).toContain('处理办法：请在 sweep.json 中为该文件写 "headerRow": 12');
  });

  it('headed in a spelling not known, over rows of IDs: exit 2 naming the header row, the column missing and what was found', async () => {
    const header = HEADER.map((h) => (h === '身份证号码' ? '证照号码' : h));
    const { run } = await runScan({ '低保花名册.xlsx': await workbook({ 东村: EAST_ROWS, 西村: [['西村花名册'], ...westRows(header)] }) });
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toContain('低保花名册.xlsx 工作表「西村」 第 2 行 列「身份证号码」: 第 2 行的表头：救助对象花名册缺少必需的列 「身份证号码」');
    expect(run.stderr).toMatch(/找到的列：「序号」.*「证照号码」.*此表第 3 行有身份证号码/);
  });

  it('headed 公民身份证号: read, and its 1400 元 recipient checked', async () => {
    const header = HEADER.map((h) => (h === '身份证号码' ? '公民身份证号' : h));
    const { findings, summary } = await scanInput({ '低保花名册.xlsx': await workbook({ 东村: EAST_ROWS, 西村: [['西村花名册'], ...westRows(header)] }) }, STANDARDS);
    expect(summary.datasets.roll).toMatchObject({ rows_read: 2, rows_used: 2 });
    expect(findings.filter((f) => f('check_id') === 'data_quality.amount-over-standard').map((f) => f('name'))).toEqual(['李四']);
  });
});
