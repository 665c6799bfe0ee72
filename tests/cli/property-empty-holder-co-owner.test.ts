// Through the real CLI: a 不动产 row whose 权利人 gives no ID number (the cell empty, or written as none: 无, —) but whose
// 共有人证件号码 names a readable person. Until 2026-12-08 the row was refused whole as 身份证号码为空, and a recipient
// co-owning a shop or a second home had no over_asset.property finding. Now the row is kept for its readable co-owners,
// the empty 权利人 is no person (no finding of him), and the evidence says why the 权利人 is not named. Also: an
// unreadable 共有人证件号码 cell of several numbers is quoted whole, and its finding lands in the village of a recipient
// named in it, however the cell separates the numbers.
import { describe, expect, it } from 'vitest';
import { scanInput } from '../support/scan-input.ts';
import { PEOPLE, rollCsv, validId } from '../support/small-township.ts';

const OUTSIDER = validId('371329', '19700101', '012');
/** The same number with its check digit mistyped. */
const mistyped = (id: string) => id.slice(0, 17) + (id.endsWith('1') ? '2' : '1');
const SHORT = OUTSIDER.slice(0, 17);
const HEADER = '权利人,证件号码,共有人,共有人证件号码,坐落,房屋用途,建筑面积';
const propertyFindings = (findings: ((name: string) => string | undefined)[]) =>
  findings.filter((finding) => finding('check_id') === 'over_asset.property');

describe('a 不动产 row whose 权利人 gives no number beside a readable 共有人证件号码', () => {
  it('is kept for the readable co-owner, says the 权利人 number is empty, and makes no finding of the empty 权利人', async () => {
    const properties = [
      HEADER,
      // 张大山 (H001) co-owns a shop whose 权利人 is not written at all.
      `,,张大山,${PEOPLE.zhang},东村商铺1号,商业,80`,
      // 王小明 (H002) holds his own home, and a second one whose 权利人's number is written 无.
      `王小明,${PEOPLE.wang},,,西村1号,住宅,90`,
      `外人乙,无,王小明,${PEOPLE.wang},西村2号,住宅,70`,
      // 李秀英 (H001) co-owns a home whose 权利人's number is a digit short: said so, as unreadable.
      `外人丙,${SHORT},李秀英,${PEOPLE.li},东村2号,住宅,75`,
      // No readable owner: refused as before (身份证号码为空), the co-owner's number unreadable.
      `外人丁,—,钱某,${mistyped(PEOPLE.li)},北村1号,商业,60`,
    ].join('\n') + '\n';
    const { findings, summary } = await scanInput({ '低保花名册.csv': rollCsv(), '不动产登记信息.csv': properties });

    const property = propertyFindings(findings);
    expect(property.map((finding) => [finding('household_id'), finding('name')])).toEqual([['H001', '张大山'], ['H002', '王小明']]);
    const [h001, h002] = property.map((finding) => finding('evidence')!);
    expect(h001).toContain('商业/办公等非住宅用房 1 处');
    expect(h001).toContain('商业 东村商铺1号 80.00㎡（权利人身份证号码为空');
    expect(h001).toContain('不动产登记信息.csv 第2行');
    expect(h001).toContain('住宅 东村2号 75.00㎡（权利人身份证号码无法识别');
    expect(h002).toContain('住宅 2 套（上限 1 套）');
    expect(h002).toContain('住宅 西村2号 70.00㎡（权利人身份证号码为空');
    expect(h002).toContain('不动产登记信息.csv 第4行');
    expect(h002).not.toMatch(/西村1号[^；]*权利人身份证号码/);

    // read = used + rejected: the three rows with a readable co-owner are used beside 王小明's own, one refused.
    expect(summary.datasets.properties).toMatchObject({ rows_read: 5, rows_used: 4, rows_rejected: 1 });
    // The empty 权利人 is no person: the only data_quality findings are the digit-short number and the refused row.
    expect(findings.filter((finding) => finding('category') === 'data_quality')
      .map((finding) => [finding('check_id'), finding('source_line')]).sort()).toEqual([
      ['data_quality.bad-row', '6'], ['data_quality.id-invalid', '5'],
    ]);
    expect(findings.filter((finding) => finding('check_id') === 'data_quality.bad-row').map((finding) => finding('evidence')))
      .toEqual([expect.stringContaining('第6行 已拒收：身份证号码为空')]);
    // The digit-short 权利人 is listed as unreadable; a 权利人 written 无 is not (it gives no number).
    const invalid = findings.filter((finding) => finding('check_id') === 'data_quality.id-invalid').map((finding) => finding('evidence')!);
    expect(invalid.filter((evidence) => evidence.includes('第4行'))).toEqual([]);
    expect(invalid.filter((evidence) => evidence.includes('第5行'))).toEqual([expect.stringContaining('身份证号码无法识别')]);
  });

  it('still refuses a row whose 权利人 gives no number and whose co-owners cannot be read', async () => {
    const properties = [HEADER, `,,钱某,${mistyped(PEOPLE.li)},北村1号,商业,60`, `外人,无,,,北村2号,商业,50`].join('\n') + '\n';
    const { findings, summary } = await scanInput({ '低保花名册.csv': rollCsv(), '不动产登记信息.csv': properties });
    expect(propertyFindings(findings)).toEqual([]);
    expect(summary.datasets.properties).toMatchObject({ rows_read: 2, rows_used: 0, rows_rejected: 2 });
  });
});

describe('an unreadable 共有人证件号码 cell beside a readable 权利人', () => {
  it('is quoted whole, and listed in the village of a recipient it names, whatever mark separates the numbers', async () => {
    const properties = [
      HEADER,
      `外人甲,${OUTSIDER},张大山、某某,${PEOPLE.zhang}、${mistyped(OUTSIDER)},东村商铺1号,商业,80`,
      `外人乙,${OUTSIDER},"张大山,某某","${PEOPLE.zhang},${mistyped(OUTSIDER)}",东村3号,商业,70`,
    ].join('\n') + '\n';
    const { findings, summary } = await scanInput({ '低保花名册.csv': rollCsv(), '不动产登记信息.csv': properties });
    expect(summary.datasets.properties).toMatchObject({ rows_read: 2, rows_used: 2, rows_rejected: 0 });
    const invalid = findings.filter((finding) => finding('check_id') === 'data_quality.id-invalid');
    expect(invalid.map((finding) => [finding('source_line'), finding('village')]).sort()).toEqual([['2', '东村'], ['3', '东村']]);
    const evidence = new Map(invalid.map((finding) => [finding('source_line'), finding('evidence')!]));
    expect(evidence.get('2')).toContain(`共有人证件号码无法识别：含非法字符：原始值「${PEOPLE.zhang}、${mistyped(OUTSIDER)}」`);
    expect(evidence.get('3')).toContain(`原始值「${PEOPLE.zhang},${mistyped(OUTSIDER)}」`);
  });
});
