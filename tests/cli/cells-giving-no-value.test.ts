// A list's optional date written as none (注销日期 —, /, 无, -; 成立日期 不详), and a 工资表's 月工资 that cannot be read
// (保密, 待核定, #N/A, 4963.5.0) or is written with its unit (4963元/月): until 2026-12-06 each refused its row, and an
// active business, or a member on the public payroll, was missed (a medium bad-row instead). The reviewer's rows.
import { describe, expect, it } from 'vitest';
import { scanInput } from '../support/scan-input.ts';
import { validId } from '../support/small-township.ts';

const ROLL_HEADER = '乡镇,村,家庭编号,姓名,身份证号码,与户主关系,救助类别,月保障金,保障状态';
const person = (n: number) => validId('371329', '19500101', String(100 + n).padStart(3, '0'));
const roll = (count: number) => [ROLL_HEADER, ...Array.from({ length: count }, (_, i) =>
  `城关镇,东村,B${String(i).padStart(2, '0')},人${String(i).padStart(2, '0')},${person(i)},户主,农村低保,700,在保`)].join('\n') + '\n';

type Finding = (column: string) => string;
const byCheck = (findings: Finding[], checkId: string) => findings.filter((finding) => finding('check_id') === checkId);

describe('cells that give no value', () => {
  it('a business whose 注销日期 or 成立日期 is written as none is counted (run7)', async () => {
    const businesses = ['主体名称,市场主体类型,经营者,经营者证件号码,登记状态,成立日期,注销日期',
      ...[['2015-08-10', '—'], ['2015-08-10', '/'], ['2015-08-10', '无'], ['不详', ''], ['—', ''], ['2015-08-10', '-'], ['2015-08-10', '']]
        .map(([registered, closed], i) => `人0${i}的店,个体工商户,人0${i},${person(i)},${i === 4 ? '在业' : '存续'},${registered},${closed}`)].join('\n') + '\n';
    const { findings, summary } = await scanInput({ '低保花名册.csv': roll(8), '市场主体登记信息.csv': businesses });

    expect(summary.datasets.businesses).toMatchObject({ rows_read: 7, rows_used: 7, rows_rejected: 0 });
    expect(byCheck(findings, 'over_asset.business').map((finding) => finding('household_id')).sort()).toEqual(['B00', 'B01', 'B02', 'B03', 'B04', 'B05', 'B06']);
    expect(byCheck(findings, 'data_quality.bad-row')).toEqual([]);
  });

  it('a payroll row whose 月工资 cannot be read is used, the salary shown as written (run6, run13)', async () => {
    const salaries = ['-', '—', '/', '保密', '4963元/月', '4963.00 元', '待核定', '', '4963.5.0', '"4,963.00"', '#N/A'];
    const payroll = ['单位名称,姓名,身份证号码,人员类别,应发工资(元),人员状态',
      ...salaries.map((salary, i) => `城关镇人民政府,人${String(i).padStart(2, '0')},${person(i)},行政编制,${salary},在职`)].join('\n') + '\n';
    const { findings, summary } = await scanInput({ '低保花名册.csv': roll(11), '财政供养人员工资.csv': payroll });

    expect(summary.datasets.payroll).toMatchObject({ rows_read: 11, rows_used: 11, rows_rejected: 0 });
    const evidence = Object.fromEntries(byCheck(findings, 'over_asset.payroll').map((finding) => [finding('household_id'), finding('evidence')]));
    expect(Object.keys(evidence).sort()).toEqual(salaries.map((_, i) => `B${String(i).padStart(2, '0')}`));
    expect(evidence['B00']).toContain('供职单位 城关镇人民政府，人员类别 行政编制');
    expect(evidence['B03']).toContain('月工资「保密」未能识别');
    expect(evidence['B04']).toContain('月工资 4963.00 元');
    expect(evidence['B06']).toContain('月工资「待核定」未能识别');
    expect(evidence['B08']).toContain('月工资「4963.5.0」未能识别');
    expect(evidence['B09']).toContain('月工资 4963.00 元');
    expect(evidence['B10']).toContain('月工资「#N/A」未能识别');
    expect(byCheck(findings, 'data_quality.bad-row')).toEqual([]);
  });
});
