// Through the real CLI: a 不动产 row whose 权利人's number cannot be read (a digit short, a mistyped check digit) but whose
// 共有人证件号码 names a readable person. Until 2026-12-07 the row was refused whole as an unreadable ID, and a recipient
// co-owning a shop or a second home with such a 权利人 had no finding. Now the row is kept for its readable co-owners,
// and the 权利人's number is listed by data_quality.id-invalid; a row with no readable owner is refused as before.
import { describe, expect, it } from 'vitest';
import { runScan, scanInput } from '../support/scan-input.ts';
import { PEOPLE, rollCsv, validId } from '../support/small-township.ts';

const OUTSIDER = validId('371329', '19700101', '012');
/** The same number with its check digit mistyped. */
const mistyped = (id: string) => id.slice(0, 17) + (id.endsWith('1') ? '2' : '1');
const SHORT = OUTSIDER.slice(0, 17);

describe('a 不动产 row whose 权利人 number cannot be read beside a readable 共有人证件号码', () => {
  it('is kept for the readable co-owner, lists the unreadable number, and refuses a row with no readable owner', async () => {
    const properties = [
      '权利人,证件号码,共有人,共有人证件号码,坐落,房屋用途,建筑面积',
      // 张大山 (H001) co-owns a shop whose 权利人's number is a digit short.
      `外人甲,${SHORT},张大山,${PEOPLE.zhang},东村商铺1号,商业,80`,
      // 王小明 (H002) holds his own home, and a second one whose 权利人's check digit is mistyped.
      `王小明,${PEOPLE.wang},,,西村1号,住宅,90`,
      `外人乙,${mistyped(OUTSIDER)},王小明,${PEOPLE.wang},西村2号,住宅,70`,
      // No readable owner at all: refused as before, the 权利人's and the co-owner's numbers both unreadable, or no co-owner.
      `外人丙,${SHORT},钱某,${mistyped(PEOPLE.li)},北村1号,商业,60`,
      `外人丁,${mistyped(OUTSIDER)},,,北村2号,商业,50`,
    ].join('\n') + '\n';
    const { findings, summary } = await scanInput({ '低保花名册.csv': rollCsv(), '不动产登记信息.csv': properties });

    const property = findings.filter((finding) => finding('check_id') === 'over_asset.property');
    expect(property.map((finding) => [finding('household_id'), finding('name')])).toEqual([['H001', '张大山'], ['H002', '王小明']]);
    expect(property[0]!('evidence')).toContain('商业/办公等非住宅用房 1 处');
    expect(property[0]!('evidence')).toContain('张大山：商业 东村商铺1号 80.00㎡');
    expect(property[0]!('evidence')).toContain('不动产登记信息.csv 第2行');
    expect(property[1]!('evidence')).toContain('住宅 2 套（上限 1 套）');
    expect(property[1]!('evidence')).toContain('王小明：住宅 西村2号 70.00㎡');
    expect(property[1]!('evidence')).toContain('不动产登记信息.csv 第4行');
    // read = used + rejected: the two rows with a readable co-owner are used, the two without refused.
    expect(summary.datasets.properties).toMatchObject({ rows_read: 5, rows_used: 3, rows_rejected: 2 });

    // Each unreadable 权利人 number is listed: the kept rows' as beside readable persons, in the recipient's village.
    const invalid = findings.filter((finding) => finding('check_id') === 'data_quality.id-invalid');
    const byLine = new Map(invalid.map((finding) => [finding('evidence')!.match(/第(\d+)行/)![1], finding]));
    expect([...byLine.keys()].sort()).toEqual(['2', '4', '5', '6']);
    for (const line of ['2', '4']) {
      expect(byLine.get(line)!('evidence')).toContain('身份证号码无法识别');
      expect(byLine.get(line)!('evidence')).toContain('此号码不参与比对，此行所写的其他人员照常比对');
    }
    expect(byLine.get('2')!('village')).toBe('东村');
    expect(byLine.get('4')!('village')).toBe('西村');
    for (const line of ['5', '6']) expect(byLine.get(line)!('evidence')).toContain('此行已拒收，不参与比对');
  });

  it('keeps a company\'s row for a readable co-owner, without listing the company\'s code as an unreadable ID', async () => {
    const properties = [
      '权利人,证件类型,证件号码,共有人,共有人证件号码,坐落,房屋用途,建筑面积',
      `某公司,统一社会信用代码,91371329MA3C1XXX0X,张大山,${PEOPLE.zhang},东村商铺1号,商业,80`,
    ].join('\n') + '\n';
    const { findings, summary } = await scanInput({ '低保花名册.csv': rollCsv(), '不动产登记信息.csv': properties });
    const property = findings.filter((finding) => finding('check_id') === 'over_asset.property');
    expect(property.map((finding) => [finding('household_id'), finding('name')])).toEqual([['H001', '张大山']]);
    expect(summary.datasets.properties).toMatchObject({ rows_read: 1, rows_used: 1, rows_rejected: 0 });
    expect(findings.filter((finding) => finding('check_id') === 'data_quality.id-invalid')).toEqual([]);
  });

  it('still refuses a 不动产 list whose 权利人 numbers are masked, however many rows name a readable co-owner', async () => {
    const properties = [
      '权利人,证件号码,共有人,共有人证件号码,坐落,房屋用途,建筑面积',
      `外人甲,371329********0054,张大山,${PEOPLE.zhang},东村商铺1号,商业,80`,
      `外人乙,371329********0062,王小明,${PEOPLE.wang},西村2号,商业,70`,
      `外人丙,${OUTSIDER},,,南村1号,住宅,70`,
    ].join('\n') + '\n';
    const { run } = await runScan({ '低保花名册.csv': rollCsv(), '不动产登记信息.csv': properties });
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('身份证号码已脱敏（2 行');
  });
});
