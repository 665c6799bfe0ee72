// End to end through the real CLI: reference lists of two dates in one folder, as a township keeps them. A 市场主体 list of
// 2025 (XLSX) lists a shop 存续 that September's list (CSV) reports 注销 in March; June's 核对 feedback names the county's
// 信用社 and September's its successor 农商银行 (GBK CSV). Until 2026-12-06 the shop counted (a false 经营市场主体) and the
// two rounds of one account were summed (a false 家庭金融资产超标, high).
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { scanInput, workbookOf } from '../support/scan-input.ts';
import { PEOPLE, rollCsv } from '../support/small-township.ts';

const CONFIG = { standards: { default: { urban: 900, rural: 700 } } };
const BUSINESS_HEADER = ['主体名称', '统一社会信用代码', '市场主体类型', '经营者', '经营者证件号码', '登记状态', '成立日期', '注销日期'];
const DEPOSIT_HEADER = '姓名,证件号码,金融机构名称,金融资产,截止日期';
const feedback = (rows: string[]) => iconv.encode([DEPOSIT_HEADER, ...rows].join('\r\n') + '\r\n', 'gbk');

describe('lists of two dates in one folder (XLSX and CSV 市场主体 lists, GBK 核对 feedback)', () => {
  it('reads a business by its later list and a renamed county bank as one institution; other businesses and counties apart', async () => {
    const { findings, summary } = await scanInput({
      '低保花名册.csv': rollCsv(),
      '2025年市场主体登记信息.xlsx': await workbookOf('登记信息', [
        BUSINESS_HEADER,
        ['张庄镇张记超市', '92370481MA3C1B2X4K', '个体工商户', '张大山', PEOPLE.zhang, '存续', '2019-04-02', null],
        // 王小明's shop: no later list mentions it, it counts (H002).
        ['张庄镇王记理发店', '92370481MA3D7E8F9L', '个体工商户', '王小明', PEOPLE.wang, '存续', '2020-06-01', null],
      ]),
      '2026年9月市场主体登记信息.csv': [
        BUSINESS_HEADER.join(','),
        `张庄镇张记超市,92370481MA3C1B2X4K,个体工商户,张大山,${PEOPLE.zhang},注销,2019-04-02,2026-03-15`,
      ].join('\n') + '\n',
      // H001 (limit 24 × 700 × 2 = 33,600): one account at 临沭's 信用社, then at the 农商银行 it became: 21,000 counts.
      // H002 (王小明 alone, limit 16,800): 莒南's 信用社 is another county's bank than 临沭's: 9,000 + 8,000 = 17,000.
      '2026年6月金融资产核对反馈.csv': feedback([
        `张大山,${PEOPLE.zhang},临沭县农村信用合作联社,20000,2026-06-30`,
        `王小明,${PEOPLE.wang},莒南县农村信用合作联社,9000,2026-06-30`,
      ]),
      '2026年9月金融资产核对反馈.csv': feedback([
        `张大山,${PEOPLE.zhang},临沭农商银行,21000,2026-09-30`,
        `王小明,${PEOPLE.wang},临沭农商银行,8000,2026-09-30`,
      ]),
    }, CONFIG);

    const of = (check: string) => findings.filter((f) => f('check_id') === check);
    expect(of('over_asset.business').map((f) => f('household_id'))).toEqual(['H002']);
    expect(of('over_asset.business')[0]!('evidence')).toContain('张庄镇王记理发店（个体工商户），本人为经营者，登记状态 存续');
    expect(of('over_asset.deposits').map((f) => f('household_id'))).toEqual(['H002']);
    expect(of('over_asset.deposits')[0]!('evidence')).toContain('家庭成员金融资产合计 17000.00 元');
    expect(summary.warnings).toContainEqual(expect.objectContaining({
      file: '2026年6月金融资产核对反馈.csv', message: expect.stringContaining('有 1 条余额（截止 2026-06-30）已由同一金融机构'),
    }));
  });
});
