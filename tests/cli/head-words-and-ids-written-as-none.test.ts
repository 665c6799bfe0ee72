// End to end through the real CLI: a township's roll workbook whose 与户主关系 names the head as township exports write
// it (本户户主, 户长, 本身, 自己), with households pasted in from a system's export in GB/T 4761 codes Excel kept as
// numbers (2, 10, 20) among the words; a GBK death list and a prisoners' workbook whose ID cells are written as none
// (无, 暂无, 不详, —, 空). Until 2026-12-06 each of those households was a data_quality.household-no-head finding, and
// each such list row an unreadable ID (data_quality.id-invalid, 含非法字符) rather than a row without an ID.
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { scanInput, workbookOf } from '../support/scan-input.ts';
import { validId } from '../support/small-township.ts';
import { wrongCheckId } from '../checks/id-numbers.ts';

const head = (n: number) => validId('371329', '19500101', String(100 + n));
const member = (n: number) => validId('371329', '19780202', String(100 + n));
const ROLL_HEADER = ['乡镇', '村', '家庭编号', '姓名', '身份证号码', '与户主关系', '救助类别', '月保障金', '保障状态'];
const row = (household: string, name: string, id: string, relation: string | number, amount: number | null = null) =>
  ['城关镇', '东村', household, name, id, relation, '农村低保', amount, '在保'];

type Finding = (column: string) => string | undefined;
let findings: Finding[] = [];
let summary: { datasets: Record<string, { rows_read: number; rows_used: number; rows_rejected: number }> };
const of = (check: string) => findings.filter((f) => f('check_id') === check);

beforeAll(async () => {
  const roll = await workbookOf('东村', [
    ROLL_HEADER,
    row('H01', '张一', head(1), '本户户主', 1400), row('H01', '李一', member(1), '配偶'),
    row('H02', '张二', head(2), '户长', 700),
    row('H03', '张三', head(3), '本身', 1400), row('H03', '李三', member(3), '妻'),
    row('H04', '张四', head(4), '自己', 1400), row('H04', '李四', member(4), '子'),
    // Pasted from a system's export: 02 户主, 10 配偶, 20 子 and 01 本人 kept by Excel as the numbers 2, 10, 20, 1.
    row('H05', '张五', head(5), 2, 2100), row('H05', '李五', member(5), 10), row('H05', '张小五', validId('371329', '20100303', '105'), 20),
    row('H06', '张六', head(6), 1, 1400), row('H06', '李六', member(6), 20),
    // A household that has no head: still reported.
    row('H07', '李七', member(7), '配偶', 700),
  ]);
  const deaths = ['姓名,身份证号码,死亡日期,注销原因',
    ...['无', '暂无', '不详', '—', '空'].map((none, i) => `死者${i},${none},2026-08-01,死亡`),
    `错号,${wrongCheckId('371329', '19400101', '777')},2026-08-01,死亡`,
    `李一,${member(1)},2026-08-15,死亡`].join('\n') + '\n';
  const prisoners = await workbookOf('在押', [['姓名', '身份证号码', '羁押日期', '刑期止日'], ['某甲', '无', '2024-01-01', '2027-01-01'], ['李四', member(4), '2025-01-01', '2028-01-01']]);
  const scan = await scanInput({
    '2026年10月农村低保花名册.xlsx': roll,
    '公安户籍注销死亡人员.csv': iconv.encode(deaths, 'gbk'),
    '服刑在押人员名单.xlsx': prisoners,
  });
  findings = scan.findings;
  summary = scan.summary;
});

describe('a roll\'s head written 本户户主, 户长, 本身, 自己, or in codes kept as numbers among words', () => {
  it('reads each as the head: only the household that has none is without one', () => {
    expect(of('data_quality.household-no-head').map((f) => [f('household_id'), f('evidence')])).toEqual([
      ['H07', expect.stringContaining('无户主/本人行；关系为：李七(配偶)')],
    ]);
  });

  it('files a member\'s death and imprisonment under the household its head names', () => {
    expect(of('deceased.recipient').map((f) => [f('household_id'), f('name')])).toEqual([['H01', '李一']]);
    expect(of('imprisoned.recipient').map((f) => [f('household_id'), f('name')])).toEqual([['H04', '李四']]);
  });
});

describe('a reference list\'s ID written as none (无, 暂无, 不详, —, 空)', () => {
  it('refuses the row as without an ID, saying what was written, not as an unreadable ID', () => {
    expect(summary.datasets['deaths']).toMatchObject({ rows_read: 7, rows_used: 1, rows_rejected: 6 });
    expect(summary.datasets['prisoners']).toMatchObject({ rows_read: 2, rows_used: 1, rows_rejected: 1 });
    const byLine = (a: unknown[], b: unknown[]) => `${a[0]}${a[1]}`.localeCompare(`${b[0]}${b[1]}`);
    const refused = of('data_quality.bad-row').map((f) => [f('source_dataset'), f('source_line'), f('evidence')]);
    expect(refused.sort(byLine)).toEqual([
      ...['无', '暂无', '不详', '—', '空'].map((none, i) => ['deaths', String(i + 2), expect.stringContaining(`已拒收：身份证号码为空（写作「${none}」）`)]),
      ['prisoners', '2', expect.stringContaining('已拒收：身份证号码为空（写作「无」）')],
    ].sort(byLine));
  });

  it('still reports a mistyped number as an unreadable ID', () => {
    expect(of('data_quality.id-invalid').map((f) => [f('source_dataset'), f('source_line'), f('evidence')])).toEqual([
      ['deaths', '7', expect.stringContaining('身份证号码无法识别：校验码错误')],
    ]);
  });
});
