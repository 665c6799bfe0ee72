// A bank's 金融资产核对反馈 names 王小明 as 王*明: until 2026-12-06 every such row was a data_quality.id-name-conflict
// (medium) with the roll. A masked name that cannot be the roll's (李*山 for 张大山) still is one.
import { describe, expect, it } from 'vitest';
import { scanInput } from '../support/scan-input.ts';
import { PEOPLE, rollCsv } from '../support/small-township.ts';

describe('names masked by a bank', () => {
  it('agree with the roll name they could be, and conflict with one they cannot be', async () => {
    const deposits = [
      '姓名,证件号码,金融机构,余额,截止日期',
      `王*明,${PEOPLE.wang},农业银行,100,2026-09-30`,
      `李＊英,${PEOPLE.li},农业银行,100,2026-09-30`,
      `李*山,${PEOPLE.zhang},农业银行,100,2026-09-30`,
    ].join('\n') + '\n';
    const { findings } = await scanInput({ '低保花名册.csv': rollCsv(), '金融资产核对反馈.csv': deposits });
    const conflicts = findings.filter((finding) => finding('check_id') === 'data_quality.id-name-conflict');
    expect(conflicts.map((finding) => [finding('name'), finding('evidence')])).toEqual([
      ['张大山', '同一身份证号码出现不同姓名：救助对象花名册「张大山」(低保花名册.csv 第2行)；金融资产核对结果「李*山」(金融资产核对反馈.csv 第4行)'],
    ]);
  });
});
