// A 市场主体 row naming its 法定代表人 by a masked (371329********0054) or mistyped number and its 经营者 by a readable
// one. Until 2026-12-06 the unreadable number refused the whole row: only a data_quality.id-invalid finding, and the
// 经营者 beside it, a recipient running the shop, went unfound. Now the row is kept for the readable number, the
// unreadable one still reported (not refusing); a row with no readable number is refused as before. A list masking
// every 法定代表人's number beside readable 经营者's was refused whole as masked (exit 2); it is now scanned. Real XLSX and
// GBK CSV files through the CLI.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { scanInput, workbookOf } from '../support/scan-input.ts';
import { PEOPLE, rollCsv, validId } from '../support/small-township.ts';

const STRANGER = validId('370481', '19700101', '013');
const masked = (id: string) => id.slice(0, 6) + '********' + id.slice(14);
const MISTYPED = STRANGER.slice(0, 17) + (STRANGER.endsWith('1') ? '2' : '1');
const LIST = [
  ['主体名称', '市场主体类型', '法定代表人', '法定代表人证件号码', '经营者', '经营者证件号码', '登记状态', '成立日期'],
  // 王小明 (H002, 西村) runs the shop: his number as 经营者 is readable, the one beside it masked.
  ['小明超市', '个体工商户', '王小明', masked(PEOPLE.wang), '王小明', PEOPLE.wang, '存续', '2015-08-10'],
  // No readable number at all: refused, each unreadable one named.
  ['庚商贸有限公司', '有限责任公司', '周八', MISTYPED, '吴九', masked(STRANGER), '存续', '2019-01-01'],
  // Rows read as before (and fewer than half the list's rows masked, which would refuse it whole).
  ['秀英小吃店', '个体工商户', '', '', '李秀英', PEOPLE.li, '注销', '2020-01-01'],
  ['辛商贸有限公司', '有限责任公司', '郑十', STRANGER, '', '', '存续', '2019-01-01'],
];

describe.each([
  ['市场主体登记信息.xlsx', async () => workbookOf('市场主体', LIST), ' 工作表「市场主体」'],
  ['市场主体登记信息.csv', async () => iconv.encode(LIST.map((row) => row.join(',')).join('\r\n') + '\r\n', 'gbk'), ''],
] as const)('%s: a readable 经营者证件号码 beside a masked 法定代表人证件号码', (file, content, sheet) => {
  it('keeps the row for the readable one (his household found) and still reports the unreadable one; no readable one refuses', async () => {
    const { findings, summary } = await scanInput({ '低保花名册.csv': rollCsv(), [file]: await content() });
    const of = (check: string) => findings.filter((finding) => finding('check_id') === check)
      .map((finding) => [finding('household_id'), finding('village'), finding('evidence')]);
    expect(of('over_asset.business')).toEqual([
      ['H002', '西村', `本期存续的市场主体 1 户：王小明：小明超市（个体工商户），本人为经营者，登记状态 存续，登记日期 2015-08-10，来源 市场主体登记信息（${file}${sheet} 第2行）`],
    ]);
    expect(summary.datasets.businesses).toMatchObject({ files: [file], rows_read: 4, rows_used: 3, rows_rejected: 1 });
    // The kept row's unreadable number in its readable holder's village; the refused row's as before.
    expect(of('data_quality.id-invalid').map(([, village, evidence]) => [village, evidence]).sort()).toEqual([
      ['', `法定代表人证件号码无法识别：校验码错误：原始值「${MISTYPED}」，见市场主体登记信息 ${file}${sheet} 第3行；此行已拒收，不参与比对`],
      ['', `经营者证件号码无法识别：已脱敏（含*号），无法比对：原始值「${masked(STRANGER)}」，见市场主体登记信息 ${file}${sheet} 第3行；此行已拒收，不参与比对`],
      ['西村', `法定代表人证件号码无法识别：已脱敏（含*号），无法比对：原始值「${masked(PEOPLE.wang)}」，见市场主体登记信息 ${file}${sheet} 第2行`
        + '；此号码不参与比对，此行所写的其他人员照常比对'],
    ].sort());
    expect(of('data_quality.id-name-conflict')).toEqual([]);
  });
});

describe('a 市场主体 list masking every 法定代表人证件号码 beside a readable 经营者证件号码', () => {
  it('is scanned, not refused whole as a masked list: every row can be compared by its 经营者\'s number', async () => {
    const list = [LIST[0]!, LIST[1]!, ['小明二店', '个体工商户', '王小明', masked(PEOPLE.wang), '王小明', PEOPLE.wang, '存续', '2016-08-10']];
    const { findings, summary } = await scanInput({ '低保花名册.csv': rollCsv(), '市场主体.csv': list.map((row) => row.join(',')).join('\n') + '\n' });
    expect(summary.datasets.businesses).toMatchObject({ rows_read: 2, rows_used: 2, rows_rejected: 0 });
    expect(findings.filter((finding) => finding('check_id') === 'over_asset.business').map((finding) => finding('household_id'))).toEqual(['H002']);
  });
});
