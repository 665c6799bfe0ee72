// Through the real CLI: a 不动产 query result naming a home's co-owners in columns of their own (共有人, 共有人证件号码)
// beside the 权利人's. Until 2026-12-07 those columns went unread: a recipient holding a share of a shop whose 权利人 is
// another person had no finding, and nothing said the column was not read.
import { describe, expect, it } from 'vitest';
import { scanInput } from '../support/scan-input.ts';
import { PEOPLE, rollCsv, validId } from '../support/small-township.ts';

const CHEN = validId('371329', '19700101', '012');
const ZHAO = validId('371329', '19720303', '034');
const masked = (id: string) => `${id.slice(0, 6)}********${id.slice(-4)}`;

describe('a 不动产 list with 共有人 and 共有人证件号码 columns', () => {
  it('gives each co-owner the home, counts a home two members share once, and keeps a row whose co-owner ID is unreadable', async () => {
    const properties = [
      '权利人,权利人证件号码,共有情况,共有人,共有人证件号码,坐落,房屋用途,建筑面积,登记日期,权利状态',
      // 张大山 (H001) holds a share of 陈某's shop: named only as a co-owner.
      `陈某,${CHEN},共同共有,张大山,${PEOPLE.zhang},东村商铺1号,商业,80,2019-05-01,现势`,
      // 张大山 and 李秀英 (H001) hold their one home together, written on a row each (the 权利人 of one the 共有人 of
      // the other): one home, within the limit.
      `张大山,${PEOPLE.zhang},共同共有,李秀英,${PEOPLE.li},东村1号,住宅,100,2010-01-01,现势`,
      `李秀英,${PEOPLE.li},共同共有,张大山,${PEOPLE.zhang},东村1号,住宅,100,2010-01-01,现势`,
      // 王小明 (H002) holds his own home, and a second one with 赵某 and 陈某, both named in the one pair of cells.
      `王小明,${PEOPLE.wang},单独所有,,,西村1号,住宅,90,2015-01-01,现势`,
      `赵某,${ZHAO},共同共有,王小明、陈某,"${PEOPLE.wang}、${CHEN}",西村2号,住宅,70,2016-01-01,现势`,
      // A co-owner's number a digit short: the 权利人's row is kept all the same.
      `赵某,${ZHAO},共同共有,钱某,${CHEN.slice(0, 17)},北村1号,住宅,60,2017-01-01,现势`,
    ].join('\n') + '\n';
    const { findings, summary } = await scanInput({ '低保花名册.csv': rollCsv(), '不动产登记信息.csv': properties });

    const property = findings.filter((finding) => finding('check_id') === 'over_asset.property');
    expect(property.map((finding) => [finding('household_id'), finding('name')])).toEqual([['H001', '张大山'], ['H002', '王小明']]);
    // The home two members share: counted once, each source row cited once.
    expect(property[0]!('evidence')).toBe('住宅 1 套（上限 1 套），商业/办公等非住宅用房 1 处：'
      + '张大山：住宅 东村1号 100.00㎡（共有人 张大山、李秀英），来源 不动产登记信息（不动产登记信息.csv 第3行）、不动产登记信息（不动产登记信息.csv 第4行）；'
      + `张大山：商业 东村商铺1号 80.00㎡（与他人共有，共有人 陈某 ${masked(CHEN)}），来源 不动产登记信息（不动产登记信息.csv 第2行）`);
    expect(property[1]!('evidence')).toBe('住宅 2 套（上限 1 套）：'
      + '王小明：住宅 西村1号 90.00㎡，来源 不动产登记信息（不动产登记信息.csv 第5行）；'
      + `王小明：住宅 西村2号 70.00㎡（与他人共有，共有人 赵某 ${masked(ZHAO)}、陈某 ${masked(CHEN)}），来源 不动产登记信息（不动产登记信息.csv 第6行）`);
    for (const finding of property) for (const id of [CHEN, ZHAO]) expect(finding('evidence')).not.toContain(id);
    expect(summary.datasets.properties).toMatchObject({ rows_read: 6, rows_used: 6, rows_rejected: 0 });
    // The unreadable co-owner number is listed, as a 市场主体 row's kept beside a readable one is.
    const invalid = findings.filter((finding) => finding('check_id') === 'data_quality.id-invalid');
    expect(invalid).toHaveLength(1);
    expect(invalid[0]!('evidence')).toContain('共有人证件号码');
    expect(invalid[0]!('evidence')).toContain('第7行');
    expect(invalid[0]!('evidence')).toContain('此号码不参与比对，此行所写的其他人员照常比对');
  });
});
