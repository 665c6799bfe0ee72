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

describe('a roll\'s 月保障金, a cadre\'s 任职起 and a prisoner\'s 释放日期 written as none', () => {
  // Until 2026-12-06: B00's 月保障金 — was a data_quality.bad-value finding; the cadres' rows (任职起 —, 不详) and the
  // prisoners' (释放日期 —, 无) were refused, and B01, B02's relatives of serving cadres and B03, B04 held in P were not found.
  it('read as empty cells: no bad value, the cadres serving, the prisoners held by their 刑期止日 or with none', async () => {
    const cadre = (n: number) => validId('371329', '19700101', String(200 + n));
    const rollCsv = roll(6).replace(`B00,人00,${person(0)},户主,农村低保,700,`, `B00,人00,${person(0)},户主,农村低保,—,`);
    expect(rollCsv).toContain('农村低保,—,在保');
    const { findings, summary } = await scanInput({
      '低保花名册.csv': rollCsv,
      '干部名册.csv': ['姓名,身份证号码,职务,任职起,任职止', `干部1,${cadre(1)},村主任,—,`, `干部2,${cadre(2)},村会计,不详,`].join('\n') + '\n',
      '亲属关系.csv': ['本人身份证号,亲属身份证号,关系', `${cadre(1)},${person(1)},父子`, `${cadre(2)},${person(2)},父子`].join('\n') + '\n',
      '服刑人员名单.csv': ['姓名,身份证号码,羁押日期,刑期止日,释放日期', `人03,${person(3)},2024-01-01,2027-01-01,—`, `人04,${person(4)},2025-03-01,,无`,
        `人05,${person(5)},2024-01-01,2026-09-30,—`].join('\n') + '\n',
    });

    expect(summary.datasets.cadres).toMatchObject({ rows_read: 2, rows_used: 2, rows_rejected: 0 });
    expect(summary.datasets.prisoners).toMatchObject({ rows_read: 3, rows_used: 3, rows_rejected: 0 });
    expect(byCheck(findings, 'data_quality.bad-value')).toEqual([]);
    expect(byCheck(findings, 'data_quality.bad-row')).toEqual([]);
    expect(byCheck(findings, 'cadre_relative.unfiled').map((finding) => finding('household_id')).sort()).toEqual(['B01', 'B02']);
    const held = Object.fromEntries(byCheck(findings, 'imprisoned.recipient').map((finding) => [finding('household_id'), finding('evidence')]));
    expect(Object.keys(held).sort()).toEqual(['B03', 'B04']);
    expect(held['B03']).toContain('刑期止日 2027-01-01（释放日期写作「—」，未释放）');
    expect(held['B04']).toContain('刑期止日 未注明（服刑中）（释放日期写作「无」，未释放）');
  });
});
