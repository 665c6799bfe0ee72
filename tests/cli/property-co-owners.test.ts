// Through the real CLI: a 不动产 list naming a home's co-owners in one cell (GBK CSV and XLSX), and rows of a company's
// or a foreigner's number beside the residents'. Until 2026-12-06 each co-owned row and each company's row was a
// data_quality.id-invalid finding, and a recipient's second home held with another went unfound.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { scanInput, workbookOf } from '../support/scan-input.ts';
import { PEOPLE, rollCsv, validId } from '../support/small-township.ts';

const CHEN = validId('371329', '19750505', '441');
const masked = (id: string) => `${id.slice(0, 6)}********${id.slice(-4)}`;

describe('a 不动产 list of co-owned homes and companies\' properties', () => {
  it('finds the recipient whose second home is held with another, names the co-owner masked, and lists the company rows', async () => {
    const properties = [
      '权利人,权利人证件号码,证件类型,坐落,规划用途,建筑面积,登记日期',
      // 王小明 (H002) holds two homes, each with 陈某: written in one cell, in either order.
      `王小明、陈某,${PEOPLE.wang}、${CHEN},居民身份证,西村1号,住宅,90,2015-01-01`,
      // 张大山 and 李秀英 (H001) hold one home together: one home, no finding.
      `张大山，李秀英,"${PEOPLE.zhang},${PEOPLE.li}",身份证,东村1号,住宅,100,2010-01-01`,
      // A company's shop: not a recipient's.
      '某置业有限公司,91371329MA3C5T8X2K,统一社会信用代码,东村2号,商业,300,2018-01-01',
    ].join('\n') + '\n';
    const workbook = await workbookOf('登记信息', [
      ['权利人', '权利人证件号码', '证件类型', '坐落', '规划用途', '建筑面积', '登记日期'],
      [`陈某\n王小明`, `${CHEN}\n${PEOPLE.wang}`, null, '西村2号', '住宅', 80, '2016-01-01'],
      ['JOHN SMITH', 'E12345678', '护照', '西村3号', '住宅', 70, '2017-01-01'],
    ]);
    const { findings, summary } = await scanInput({
      '低保花名册.csv': rollCsv(),
      '不动产登记信息.csv': iconv.encode(properties, 'gbk'),
      '不动产登记信息2.xlsx': workbook,
    });
    expect(findings.map((finding) => [finding('check_id'), finding('name')])).toEqual([['over_asset.property', '王小明']]);
    const coOwned = `（与他人共有，共有人 陈某 ${masked(CHEN)}）`;
    expect(findings[0]!('evidence')).toBe(`住宅 2 套（上限 1 套）：王小明：住宅 西村1号 90.00㎡${coOwned}，来源 不动产登记信息（不动产登记信息.csv 第2行）；`
      + `王小明：住宅 西村2号 80.00㎡${coOwned}，来源 不动产登记信息（不动产登记信息2.xlsx 工作表「登记信息」 第2行）`);
    expect(findings[0]!('evidence')).not.toContain(CHEN);
    expect(summary.datasets.properties).toMatchObject({ rows_read: 5, rows_used: 3, rows_rejected: 2 });
    expect(summary.warnings).toEqual(expect.arrayContaining([
      { file: '不动产登记信息.csv', message: '证件类型不是居民身份证（统一社会信用代码、护照等）的 1 行未参与比对（统一社会信用代码 1 行），已列入拒收记录' },
      { file: '不动产登记信息2.xlsx', message: '工作表「登记信息」证件类型不是居民身份证（统一社会信用代码、护照等）的 1 行未参与比对（护照 1 行），已列入拒收记录' },
    ]));
  });
});
