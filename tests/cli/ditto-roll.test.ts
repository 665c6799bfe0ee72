// A 花名册 typed by hand: the household's 家庭编号, 救助类别 and 月保障金 on the head's row, 同上 or 〃 on each member's.
// Read as written, 同上 was one household gathering the members of every household so written: a deceased head's
// household had one member, so his share of the payments was the whole payment, and the spouse was counted in a
// household of strangers.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { scanInput, workbookOf } from '../support/scan-input.ts';
import { PEOPLE, ROLL_HEADER, validId } from '../support/small-township.ts';

const MONTHS = ['2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10'];
const ZHAO = validId('370481', '19650405', '446');
const REFERENCE_LISTS = {
  '死亡人员.csv': `身份证号码,姓名,死亡日期\n${PEOPLE.zhang},张大山,2026-03-15\n`,
  '低保发放明细.csv': ['家庭编号,发放月份,发放金额', ...MONTHS.map((month) => `H001,${month},1400`), ...MONTHS.map((month) => `H002,${month},1400`)].join('\n'),
};
/** Two households of two, the members' household cells written 同上 or 〃. */
const ROWS = [
  ['张庄镇', '东村', 'H001', '张大山', PEOPLE.zhang, '户主', '农村低保', '1400', '在保'],
  ['同上', '同上', '同上', '李秀英', PEOPLE.li, '配偶', '同上', '同上', '在保'],
  ['张庄镇', '东村', 'H002', '王小明', PEOPLE.wang, '户主', '农村低保', '1400', '在保'],
  ['〃', '〃', '〃', '赵小红', ZHAO, '配偶', '〃', ' 同 上 ', '在保'],
];

/** The deceased head is the only finding, with his share of the payments; the warning says what was read. */
function expectReadAsTheValueAbove({ findings, summary }: Awaited<ReturnType<typeof scanInput>>, sheet: string) {
  expect(findings.map((f) => f('check_id'))).toEqual(['deceased.recipient']);
  const deceased = findings[0]!;
  // 1400 ÷ 2 members × 7 months (April to October); 9800.00 when the spouse was not seen as his household's.
  expect(deceased('overpayment_yuan')).toBe('4900.00');
  expect(deceased('evidence')).toContain('在保 2 人');
  expect(summary.warnings).toEqual([{
    file: expect.stringContaining('花名册'),
    message: `${sheet}有单元格写作「同上」或「〃」，已按上一行同列的值读取：乡镇(街道)、村(社区)、家庭编号、救助类别、月保障金 各 2 格`,
  }]);
}

describe('a roll whose members\' household cells say 同上 or 〃', () => {
  it('reads them as the value above in a workbook', async () => {
    const workbook = await workbookOf('花名册', [['2026年10月张庄镇农村低保花名册'], ROLL_HEADER.split(','), ...ROWS]);
    expectReadAsTheValueAbove(await scanInput({ '农村低保花名册.xlsx': workbook, ...REFERENCE_LISTS }), '工作表「花名册」');
  });

  it('reads them as the value above in a GBK CSV', async () => {
    const body = iconv.encode([ROLL_HEADER, ...ROWS.map((row) => row.join(','))].join('\r\n'), 'gbk');
    expectReadAsTheValueAbove(await scanInput({ '农村低保花名册.csv': body, ...REFERENCE_LISTS }), '');
  });

  it('reads a mark with no value above as empty: the missing 家庭编号 is reported, and the warning names the line', async () => {
    const body = [ROLL_HEADER, `张庄镇,东村,同上,王小明,${PEOPLE.wang},户主,农村低保,700,在保`].join('\n');
    const { findings, summary } = await scanInput({ '农村低保花名册.csv': body });
    expect(findings.map((f) => [f('check_id'), f('name')])).toEqual([['data_quality.missing-field', '王小明']]);
    expect(summary.warnings.map((w: { message: string }) => w.message)).toEqual([
      '有单元格写作「同上」或「〃」；上面没有可沿用的值、按空值读取的：家庭编号 1 格（第 2 行起）',
    ]);
  });
});
