// A 花名册 as townships keep it: a household's 家庭编号, 救助类别 and 月保障金 merged down across its members' rows, and the
// village's 乡镇 and 村 merged down across the village. Read as stored, the spouse had no household: a false missing-field
// finding, and a household of one, so the deceased head's share of the payments was the whole payment.
import { describe, expect, it } from 'vitest';
import { looksLikeStackTrace } from '../support/run-cli.ts';
import { runScan, scanInput, workbookOf, type SheetRow } from '../support/scan-input.ts';
import { PEOPLE, validId } from '../support/small-township.ts';

/** Scans a roll workbook of these rows and merged ranges, with the other files given; the findings and summary. */
async function scanRoll(rows: SheetRow[], merges: string[], files: Record<string, string>) {
  return scanInput({ '农村低保花名册.xlsx': await workbookOf('花名册', rows, merges), ...files });
}

describe('a roll with merged household and village cells', () => {
  it('reads every member into the household: the deceased head\'s overpayment is his share, and no field is missing', async () => {
    const months = ['2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10'];
    const { findings } = await scanRoll([
      ['2026年10月张庄镇农村低保花名册'],
      ['乡镇', '村(社区)', '家庭编号', '姓名', '身份证号码', '与户主关系', '救助类别', '月保障金', '保障状态'],
      ['张庄镇', '东村', 'H001', '张大山', PEOPLE.zhang, '户主', '农村低保', 1400, '在保'],
      [null, null, null, '李秀英', PEOPLE.li, '配偶', null, null, '在保'],
      [null, '西村', 'H002', '王小明', PEOPLE.wang, '户主', '农村低保', 700, '在保'],
    ], ['A1:I1', 'A3:A5', 'B3:B4', 'C3:C4', 'G3:G4', 'H3:H4'], {
      '死亡人员.csv': `身份证号码,姓名,死亡日期\n${PEOPLE.zhang},张大山,2026-03-15\n`,
      '低保发放明细.csv': ['家庭编号,发放月份,发放金额', ...months.map((month) => `H001,${month},1400`)].join('\n'),
    });
    expect(findings.map((f) => f('check_id'))).toEqual(['deceased.recipient']);
    const deceased = findings[0]!;
    // 1400 ÷ 2 members × 7 months (April to October); 9800.00 when the spouse was not seen as a member.
    expect(deceased('overpayment_yuan')).toBe('4900.00');
    expect(deceased('evidence')).toContain('在保 2 人');
    expect([deceased('township'), deceased('village'), deceased('household_id')]).toEqual(['张庄镇', '东村', 'H001']);
  });

  it('finds a two-row header whose single columns are merged down over both rows (乡镇, 村, 保障状态)', async () => {
    const { findings, summary } = await scanRoll([
      ['2026年10月农村低保花名册'],
      ['乡镇', '村(社区)', '家庭信息', null, null, '成员信息', null, null, '保障状态'],
      [null, null, '家庭编号', '救助类别', '月保障金', '姓名', '身份证号码', '与户主关系', null],
      ['张庄镇', '东村', 'H001', '农村低保', 1400, '张大山', PEOPLE.zhang, '户主', '停保'],
      ['张庄镇', '西村', 'H002', '农村低保', 700, '王小明', PEOPLE.wang, '户主', '在保'],
    ], ['A1:I1', 'A2:A3', 'B2:B3', 'C2:E2', 'F2:H2', 'I2:I3'], {
      '死亡人员.csv': `身份证号码,姓名,死亡日期\n${PEOPLE.zhang},张大山,2026-03-15\n${PEOPLE.wang},王小明,2026-03-15\n`,
    });
    expect(summary.files[0].sheets).toEqual([{ sheet: '花名册', dataset: 'roll', header_line: 3, rows_read: 2 }]);
    // 保障状态 read from the merged header: the 停保 head is not flagged, the 在保 one is, in his village.
    expect(findings.map((f) => [f('check_id'), f('name'), f('village')])).toEqual([['deceased.recipient', '王小明', '西村']]);
  });
});

// The same roll saved as CSV by Excel, WPS or LibreOffice: a merged cell's value stays on the family's first row, and the
// members' rows are empty. Read row by row (until 2026-12-05) every member was a person without a household: a
// missing-field finding each, a household of one whose amount was over the standard, and the deceased head's whole
// payment counted as overpaid. Such a roll cannot be read as households: it is refused, pointing at the workbook.
describe('a merged roll saved as CSV', () => {
  const SAVED = [
    '乡镇,村(社区),家庭编号,姓名,身份证号码,与户主关系,救助类别,月保障金,保障状态',
    `张庄镇,东村,H001,张大山,${PEOPLE.zhang},户主,农村低保,1400,在保`,
    `,,,李秀英,${PEOPLE.li},配偶,,,在保`,
    `,,,张小红,${validId('370481', '19900512', '226')},女,,,在保`,
    `,西村,H002,王小明,${PEOPLE.wang},户主,农村低保,1400,在保`,
    `,,,王芳,${validId('370481', '19700808', '228')},配偶,,,在保`,
  ].join('\n') + '\n';

  it('is refused (exit 2), naming the file, the column, the count, a row, and the workbook as the way out', async () => {
    const { run } = await runScan({ '农村低保花名册.csv': SAVED });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('农村低保花名册.csv 列「家庭编号」: 3 行（共 5 行）没有家庭编号（如第 3 行「李秀英」），其中 3 行是家庭成员：多半是花名册合并的单元格被拆开了（另存为 CSV，或取消合并）');
    expect(run.stderr).toContain('请直接使用原来的 XLSX 花名册');
    expect(looksLikeStackTrace(run.stderr)).toBe(false);
  });

  it('leaves alone a roll whose rows without a 家庭编号 are each a household\'s own (特困 residents 本人): one missing-field each', async () => {
    const residents = [
      '乡镇,村(社区),家庭编号,姓名,身份证号码,与户主关系,救助类别,月保障金,保障状态',
      `张庄镇,敬老院,,张大山,${PEOPLE.zhang},本人,集中供养特困,1100,在保`,
      `张庄镇,敬老院,,李秀英,${PEOPLE.li},本人,集中供养特困,1100,在保`,
      `张庄镇,西村,H002,王小明,${PEOPLE.wang},户主,农村低保,700,在保`,
    ].join('\n') + '\n';
    const { findings } = await scanInput({ '特困人员花名册.csv': residents });
    expect(findings.filter((f) => f('check_id') === 'data_quality.missing-field').map((f) => f('name')).sort()).toEqual(['张大山', '李秀英']);
  });
});
