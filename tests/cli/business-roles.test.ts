// A 市场主体 export naming a company's 法定代表人 and an 个体工商户's 经营者 each in columns of their own, side by side:
// until 2026-12-06 the scan stopped on it (exit 2, a duplicated header) and no business was checked. Now each row is
// read per role, and a row naming two persons finds both households; every row is used or refused with its reason; a mistyped ID beside a readable one is reported, its row kept.
import { describe, expect, it } from 'vitest';
import { scanInput, workbookOf } from '../support/scan-input.ts';
import { PEOPLE, rollCsv, validId } from '../support/small-township.ts';

const STRANGER = validId('370481', '19700101', '013');
/** A 法定代表人's ID with its check character mistyped. */
const MISTYPED = STRANGER.slice(0, 17) + (STRANGER.endsWith('1') ? '2' : '1');
const LIST = [
  ['主体名称', '市场主体类型', '法定代表人', '法定代表人证件号码', '经营者', '经营者证件号码', '登记状态', '成立日期'],
  // 张大山 (H001) is the company's 法定代表人, 王小明 (H002) its 经营者: both households hold it.
  ['大山商贸有限公司', '有限责任公司', '张大山', PEOPLE.zhang, '王小明', PEOPLE.wang, '存续', '2019-05-01'],
  ['秀英小吃店', '个体工商户', '', '', '李秀英', PEOPLE.li, '存续', '2020-01-01'],
  ['无名小店', '个体工商户', '钱六', '', '钱六', '', '存续', '2020-01-01'],
  ['庚商贸有限公司', '有限责任公司', '周八', MISTYPED, '吴九', STRANGER, '存续', '2019-01-01'],
];

describe.each([
  ['市场主体登记信息.csv', async () => LIST.map((row) => row.join(',')).join('\n') + '\n', ''],
  ['市场主体登记信息.xlsx', async () => workbookOf('市场主体', LIST.map((row) => row.map((cell) => cell || null))), ' 工作表「市场主体」'],
] as const)('%s with both a 法定代表人 and a 经营者 column', (file, content, sheet) => {
  it('is scanned: each person a row names holds the business, in his role; the row naming no one is refused, a mistyped ID reported', async () => {
    const { findings, summary } = await scanInput({ '低保花名册.csv': rollCsv(), [file]: await content() });
    const of = (check: string) => findings.filter((finding) => finding('check_id') === check).map((finding) => [finding('household_id'), finding('evidence')]);
    expect(of('over_asset.business')).toEqual([
      ['H001', `本期存续的市场主体 2 户：张大山：大山商贸有限公司（有限责任公司），本人为法定代表人，登记状态 存续，登记日期 2019-05-01，来源 市场主体登记信息（${file}${sheet} 第2行）；`
        + `李秀英：秀英小吃店（个体工商户），本人为经营者，登记状态 存续，登记日期 2020-01-01，来源 市场主体登记信息（${file}${sheet} 第3行）`],
      ['H002', `本期存续的市场主体 1 户：王小明：大山商贸有限公司（有限责任公司），本人为经营者，登记状态 存续，登记日期 2019-05-01，来源 市场主体登记信息（${file}${sheet} 第2行）`],
    ]);
    expect(summary.datasets.businesses).toMatchObject({ files: [file], rows_read: 4, rows_used: 3, rows_rejected: 1 });
    expect(of('data_quality.bad-row').map(([, evidence]) => evidence)).toEqual([expect.stringContaining(`${file}${sheet} 第4行 已拒收：身份证号码为空`)]);
    expect(of('data_quality.id-invalid').map(([, evidence]) => evidence)).toEqual([
      // Beside 吴九's readable number the row is kept for him (until 2026-12-06 refused), the mistyped one still reported.
      `法定代表人证件号码无法识别：校验码错误：原始值「${MISTYPED}」，见市场主体登记信息 ${file}${sheet} 第5行；此号码不参与比对，此行所写的其他人员照常比对`,
    ]);
  });
});
