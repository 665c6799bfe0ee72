// A 市场主体 export giving each business's own 统一社会信用代码 in its 证件号码 column and the person in the 法定代表人 /
// 经营者 columns, scanned with the real CLI. Until 2026-12-06 every such row was refused as an unreadable ID: one
// data_quality.id-invalid finding per business (a 整改 deadline each) and the recipient running it was not found
// (over_asset.business missed). Now the person beside the code holds the business; a row with only the code names no
// one and is listed as rejected with a warning, not a finding.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { creditCode } from '../support/credit-codes.ts';
import { scanInput, workbookOf } from '../support/scan-input.ts';
import { PEOPLE, rollCsv } from '../support/small-township.ts';

const LIST = [
  ['企业名称', '证件号码', '市场主体类型', '法定代表人', '法定代表人证件号码', '经营者', '经营者身份证号', '登记状态', '成立日期'],
  ['东村商贸有限公司', creditCode('91371329MA3C1AB12'), '有限责任公司', '张大山', PEOPLE.zhang, '', '', '存续', '2019-01-01'],
  ['西村农资有限公司', creditCode('91371329MA3C1CD34'), '有限责任公司', '外人甲', '', '', '', '存续', '2019-01-01'],
  ['小明便利店', creditCode('92371329MA3C1EF56'), '个体工商户', '', '', '王小明', PEOPLE.wang, '存续', '2020-01-01'],
];

describe.each([
  ['市场主体登记信息.xlsx', async () => workbookOf('市场主体', LIST.map((row) => row.map((cell) => cell || null))), ' 工作表「市场主体」'],
  ['市场主体登记信息.csv', async () => iconv.encode(LIST.map((row) => row.join(',')).join('\r\n') + '\r\n', 'gbk'), ''],
] as const)('%s with the businesses\' own codes in 证件号码', (file, content, sheet) => {
  it('finds the recipients running them; the row naming no one is warned of once, no data_quality finding', async () => {
    const { findings, summary } = await scanInput({ '低保花名册.csv': rollCsv(), [file]: await content() });
    expect(findings.map((finding) => [finding('check_id'), finding('household_id'), finding('evidence')])).toEqual([
      ['over_asset.business', 'H001', `本期存续的市场主体 1 户：张大山：东村商贸有限公司（有限责任公司），本人为法定代表人，登记状态 存续，登记日期 2019-01-01，来源 市场主体登记信息（${file}${sheet} 第2行）`],
      ['over_asset.business', 'H002', `本期存续的市场主体 1 户：王小明：小明便利店（个体工商户），本人为经营者，登记状态 存续，登记日期 2020-01-01，来源 市场主体登记信息（${file}${sheet} 第4行）`],
    ]);
    expect(summary.datasets.businesses).toMatchObject({ files: [file], rows_read: 3, rows_used: 2, rows_rejected: 1 });
    expect(summary.warnings).toEqual([{
      file,
      message: `${sheet.trim()}证件号码（身份证号码）列写的是市场主体自身的统一社会信用代码（注册号）、又没有法定代表人或经营者身份证号码的 1 行未参与比对，`
        + '已列入拒收记录；如需核查这些市场主体，请向市场监管部门索取带法定代表人（经营者）身份证号码的名单',
    }]);
  });
});
