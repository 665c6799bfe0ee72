// End to end through the real CLI: lists pasted one block after another, the next block's header in another order.
// Read by the first header's columns, the second block's names were IDs: each of its persons a data_quality.id-invalid
// finding, and its deaths never found.
import { describe, expect, it } from 'vitest';
import { looksLikeStackTrace } from '../support/run-cli.ts';
import { runScan, scanInput, workbookOf } from '../support/scan-input.ts';
import { PEOPLE, validId } from '../support/small-township.ts';

const ZHAO = validId('370481', '19450505', '441');
const ROLL = [
  '序号,乡镇,村(社区),户主姓名,家庭编号,姓名,身份证号码,与户主关系,救助类别,月保障金,保障状态',
  `1,张庄镇,东村,张大山,H001,张大山,${PEOPLE.zhang},户主,农村低保,1400,在保`,
  `2,张庄镇,东村,张大山,H001,李秀英,${PEOPLE.li},配偶,农村低保,1400,在保`,
  '序号,姓名,身份证号码,家庭编号,乡镇,村(社区),户主姓名,与户主关系,救助类别,月保障金,保障状态',
  `1,王小明,${PEOPLE.wang},H002,张庄镇,西村,王小明,户主,农村低保,700,在保`,
  `2,赵老汉,${ZHAO},H003,张庄镇,西村,赵老汉,户主,农村低保,700,在保`,
].join('\n') + '\n';

describe('blocks pasted under their own headers, through the CLI', () => {
  it('a roll CSV and an XLSX death list, each with a block in another column order: every death found, no false finding', async () => {
    const deaths = await workbookOf('死亡', [
      ['序号', '身份证号码', '姓名', '死亡日期'], ['1', PEOPLE.zhang, '张大山', '2026-03-01'],
      ['序号', '姓名', '死亡日期', '身份证号码'], ['1', '王小明', '2026-03-01', PEOPLE.wang], ['2', '赵老汉', '2026-04-01', ZHAO],
    ]);
    const { findings, summary } = await scanInput({ '低保花名册.csv': ROLL, '死亡人员.xlsx': deaths });
    expect(findings.map((f) => `${f('check_id')} ${f('household_id')}`).sort()).toEqual([
      'deceased.recipient H001', 'deceased.recipient H002', 'deceased.recipient H003',
    ]);
    expect(summary.datasets.roll).toMatchObject({ rows_read: 5, rows_used: 4, rows_rejected: 1 });
    expect(summary.datasets.deaths).toMatchObject({ rows_read: 4, rows_used: 3, rows_rejected: 1 });
    expect(summary.warnings).toEqual(expect.arrayContaining([
      { file: '低保花名册.csv', message: '第 4 行起是另一段名单，表头各列的位置与上面的不同，每段按它自己的表头读取' },
      { file: '死亡人员.xlsx', message: '工作表「死亡」第 3 行起是另一段名单，表头各列的位置与上面的不同，每段按它自己的表头读取' },
    ]));
  });

  it('a block whose header lacks the ID column stops the scan with exit 2, naming file, sheet, line and column', async () => {
    const deaths = await workbookOf('死亡', [
      ['序号', '身份证号码', '姓名', '死亡日期'], ['1', PEOPLE.zhang, '张大山', '2026-03-01'],
      ['序号', '姓名', '死亡日期'], ['1', '王小明', '2026-03-01'],
    ]);
    const { run } = await runScan({ '低保花名册.csv': ROLL, '死亡人员.xlsx': deaths });
    expect(run.code, run.stderr).toBe(2);
    expect(looksLikeStackTrace(run.stderr)).toBe(false);
    expect(run.stderr).toMatch(/死亡人员\.xlsx.*死亡.*第 3 行 列「身份证号码」.*另一段名单.*缺少必需的列 「身份证号码」/);
    expect(run.stderr).toContain('请补全这一行表头，或把这一段移到单独的工作表或文件');
  });

  // A 发放表 whose title states its month has no 发放月份 column, in any block: its second block, giving the amount in
  // 万元, was said to lack 发放月份 (until 2026-12-06), and staff went to add a column the title already gives.
  it('a 发放表 stating its month in its title, a block giving 发放金额(万元): exit 2 names the unit, not 发放月份', async () => {
    const payments = [
      '2026年10月张庄镇农村低保资金发放表',
      '户编号,户主姓名,发放金额',
      'H001,张大山,1400',
      '户主姓名,户编号,发放金额(万元)',
      '王小明,H002,0.07',
    ].join('\n') + '\n';
    const { run } = await runScan({ '低保花名册.csv': ROLL, '低保资金发放明细.csv': payments });
    expect(run.code, run.stderr).toBe(2);
    expect(looksLikeStackTrace(run.stderr)).toBe(false);
    expect(run.stderr).toMatch(/低保资金发放明细\.csv 第 4 行.*另一段名单.*列「发放金额\(万元\)」是.*注明的单位是「万元」/);
    expect(run.stderr).not.toContain('发放月份');
  });

  // The same for the sheet's first header (until 2026-12-06 it too asked for the 发放月份 the title gives); a title
  // stating no month still names both columns.
  it.each([
    ['低保资金发放明细.csv', async (rows: string[][]) => rows.map((row) => row.join(',')).join('\n') + '\n'],
    ['低保资金发放明细.xlsx', async (rows: string[][]) => workbookOf('发放', rows)],
  ] as const)('%s: a 发放表 whose header gives 发放金额(万元) under a title stating its month: exit 2 names only the unit', async (file, content) => {
    const header = ['户编号', '户主姓名', '发放金额(万元)'];
    const stated = await runScan({ '低保花名册.csv': ROLL, [file]: await content([['2026年10月张庄镇农村低保资金发放表'], header, ['H001', '张大山', '0.14']]) });
    expect(stated.run.code, stated.run.stderr).toBe(2);
    expect(looksLikeStackTrace(stated.run.stderr)).toBe(false);
    expect(stated.run.stderr).toMatch(/第 2 行 列「发放金额\(万元\)」.*注明的单位是「万元」/);
    expect(stated.run.stderr).not.toContain('发放月份');
    const unstated = await runScan({ '低保花名册.csv': ROLL, [file]: await content([['张庄镇农村低保资金发放表'], header, ['H001', '张大山', '0.14']]) });
    expect(unstated.run.code, unstated.run.stderr).toBe(2);
    expect(unstated.run.stderr).toMatch(/缺少必需的列 「发放月份」.*注明的单位是「万元」/);
  });

  // A header repeated in the first one's layout but giving 发放金额(万元): the 万元 column is in no columnIndex, so until
  // 2026-12-06 the row was taken for the header repeated (a non-data row) and 王小明's 0.07 万元 read as 0.07 元: had he
  // died, his overpayment was estimated 0.04 元, not 350 元, and the scan ended 0. It is refused as the first header
  // in 万元 is, word for word but its line, by DuckDB's staged CSV (stagedRepeatedHeaders) and the XLSX reader alike.
  it.each([
    ['低保资金发放明细.csv', async (rows: string[][]) => rows.map((row) => row.join(',')).join('\n') + '\n'],
    ['低保资金发放明细.xlsx', async (rows: string[][]) => workbookOf('发放', rows)],
  ] as const)('%s: a header repeated in the same layout but giving 发放金额(万元) refuses the file as the first header would', async (file, content) => {
    const title = ['2026年10月张庄镇农村低保资金发放表'];
    const inYuan = ['户编号', '户主姓名', '发放金额(元)'];
    const inWan = ['户编号', '户主姓名', '发放金额(万元)'];
    const repeated = await runScan({ '低保花名册.csv': ROLL, [file]: await content([title, inYuan, ['H001', '张大山', '1400'], ['东村小计', '', ''], inWan, ['H002', '王小明', '0.07']]) });
    expect(repeated.run.code, repeated.run.stderr).toBe(2);
    expect(looksLikeStackTrace(repeated.run.stderr)).toBe(false);
    const sheet = file.endsWith('.xlsx') ? '工作表「发放」 ' : '';
    expect(repeated.run.stderr).toContain(`错误：${file} ${sheet}第 5 行 列「发放金额(万元)」: 列「发放金额(万元)」是「发放金额」`);
    expect(repeated.run.stderr).toMatch(/注明的单位是「万元」；rollsweep 按元读取，照读会算错 \(unit\)/);
    const first = await runScan({ '低保花名册.csv': ROLL, [file]: await content([title, inWan, ['H002', '王小明', '0.07']]) });
    expect(first.run.code, first.run.stderr).toBe(2);
    expect(repeated.run.stderr).toBe(first.run.stderr.replace('第 2 行', '第 5 行'));
  });

  // The control: the same file with its header repeated in 元 (or without a unit) reads as before, the repeat a non-data row.
  it('a 发放表 CSV whose header is repeated with 发放金额 in 元 is read, the repeat a non-data row', async () => {
    const payments = ['2026年10月张庄镇农村低保资金发放表', '户编号,户主姓名,发放金额(元)', 'H001,张大山,1400', '户编号,户主姓名,发放金额', 'H002,王小明,700'];
    const { summary } = await scanInput({ '低保花名册.csv': ROLL, '低保资金发放明细.csv': payments.join('\n') + '\n' });
    expect(summary.datasets.payments).toMatchObject({ rows_read: 3, rows_used: 2, rows_rejected: 1 });
  });
});
