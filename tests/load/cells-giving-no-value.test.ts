// What refuses a reference row for a date or amount cell: an optional column's cell written as none (—, /, 无, 不详 …)
// is empty, as a cell left empty is; a column no check decides on (a 工资表's 月工资) refuses nothing. A required
// column, and an unreadable value of a column that decides (#N/A in a 注销日期), refuse the row as before.
import { describe, expect, it } from 'vitest';
import { builtInChecks } from '../../scanner/engine/registry.ts';
import { SHOWN_ONLY } from '../../scanner/load/normalise-datasets.ts';
import { loadDatabase } from '../support/load-database.ts';
import { PEOPLE, rollCsv, validId } from '../support/small-township.ts';

const { rows, loadFolder } = loadDatabase();
const load = (files: Record<string, string>) => loadFolder({ '低保花名册.csv': rollCsv(), ...files });
const refusals = (dataset: string) => rows(`SELECT _line, reason FROM load_rejects WHERE dataset = '${dataset}' ORDER BY _line, reason`);
const person = (n: number) => validId('371329', '19500101', String(100 + n).padStart(3, '0'));

describe('a business\'s dates written as none (the reviewer\'s run7)', () => {
  it('are empty: every row is used, the business open and its registration undated; an Excel error still refuses', async () => {
    const written = [['2015-08-10', '—'], ['2015-08-10', '/'], ['2015-08-10', '无'], ['不详', ''], ['—', ''], ['2015-08-10', '-'], ['2015-08-10', ''],
      ['未知', '暂无'], ['2015-08-10', '－'], ['2015-08-10', '#N/A'], ['#VALUE!', '']];
    const result = await load({
      '市场主体登记信息.csv': ['主体名称,市场主体类型,经营者,经营者证件号码,登记状态,成立日期,注销日期',
        ...written.map(([registered, closed], i) => `店${i},个体工商户,人${i},${person(i)},存续,${registered},${closed}`)].join('\n') + '\n',
    });
    expect(result.datasets.businesses).toMatchObject({ rowsRead: 11, rowsUsed: 9, rowsRejected: 2 });
    expect(await refusals('businesses')).toEqual([{ _line: 11, reason: '注销日期无法识别：#N/A' }, { _line: 12, reason: '成立日期无法识别：#VALUE!' }]);
    expect(await rows(`SELECT _line, strftime(registered_on, '%Y-%m-%d') AS registered_on, closed_on, closed_on_raw FROM businesses WHERE _line IN (2, 5, 6, 9) ORDER BY _line`)).toEqual([
      { _line: 2, registered_on: '2015-08-10', closed_on: null, closed_on_raw: '—' },
      { _line: 5, registered_on: null, closed_on: null, closed_on_raw: null },
      { _line: 6, registered_on: null, closed_on: null, closed_on_raw: null },
      { _line: 9, registered_on: null, closed_on: null, closed_on_raw: '暂无' },
    ]);
  });
});

describe('a payroll row whose 月工资 cannot be read (the reviewer\'s run6 and run13)', () => {
  it('is used, its salary empty and kept as written; 4963元/月 reads as 4963', async () => {
    const salaries = ['-', '—', '/', '保密', '4963元/月', '4963.00 元', '待核定', '', '4963.5.0', '"4,963.00"', '#N/A', '#REF!'];
    const result = await load({
      '财政供养人员工资.csv': ['单位名称,姓名,身份证号码,人员类别,应发工资(元),人员状态',
        ...salaries.map((salary, i) => `城关镇人民政府,人${i},${person(i)},行政编制,${salary},在职`)].join('\n') + '\n',
    });
    expect(result.datasets.payroll).toMatchObject({ rowsRead: 12, rowsUsed: 12, rowsRejected: 0 });
    expect(await refusals('payroll')).toEqual([]);
    const read = await rows('SELECT monthly_salary_raw AS raw, monthly_salary_cents::INTEGER AS cents FROM payroll ORDER BY _line');
    expect(read).toEqual(salaries.map((salary, i) => ({
      raw: salary === '' ? null : salary.replaceAll('"', ''),
      cents: [4, 5, 9].includes(i) ? 496300 : null,
    })));
  });
});

it('a column that refuses nothing for being unreadable is read by no check but over_asset.payroll, for its evidence', () => {
  // A check that came to decide on such a column would decide on rows whose value was never read: it must leave the list.
  const columns = Object.values(SHOWN_ONLY).flat();
  expect(columns).toEqual(['monthly_salary']);
  const readers = builtInChecks().filter((check) => [check.sql, ...check.prepare.map((step) => step.sql)].some((sql) => sql.includes('monthly_salary')));
  expect(readers.map((check) => check.id)).toEqual(['over_asset.payroll']);
  const payroll = readers[0]!.sql;
  // Named only in the holding's text (the evidence), not in the join or the filters after it.
  expect(payroll.slice(0, payroll.indexOf('AS holding,'))).toContain('monthly_salary');
  expect(payroll.slice(payroll.indexOf('AS holding,'))).not.toContain('monthly_salary');
});

describe('other lists\' optional columns written as none', () => {
  it('are empty (a 建筑面积, a 登记日期, a car\'s 注销日期, a 截止日期); a required 余额 so written is refused as before', async () => {
    const result = await load({
      '不动产登记信息.csv': `权利人,权利人证件号码,坐落,房屋用途,建筑面积,登记日期\n张大山,${PEOPLE.zhang},东村1号,住宅,—,不详\n李秀英,${PEOPLE.li},东村2号,住宅,89.5,/\n`,
      '机动车登记信息.csv': `所有人,身份证号码,号牌号码,车辆类型,状态,注销日期\n张大山,${PEOPLE.zhang},鲁A12345,小型轿车,正常,—\n王小明,${PEOPLE.wang},鲁A54321,小型轿车,正常,无\n`,
      '金融资产核对结果.csv': `姓名,身份证号码,余额,截止日期\n张大山,${PEOPLE.zhang},120000,—\n李秀英,${PEOPLE.li},—,2026-09-30\n王小明,${PEOPLE.wang},/,2026-09-30\n`,
    });
    expect(result.datasets.properties).toMatchObject({ rowsRead: 2, rowsUsed: 2, rowsRejected: 0 });
    expect(result.datasets.vehicles).toMatchObject({ rowsRead: 2, rowsUsed: 2, rowsRejected: 0 });
    expect(result.datasets.deposits).toMatchObject({ rowsRead: 3, rowsUsed: 1, rowsRejected: 2 });
    expect(await refusals('deposits')).toEqual([{ _line: 3, reason: '余额无法识别：—' }, { _line: 4, reason: '余额无法识别：/' }]);
    expect(await rows('SELECT area_m2::VARCHAR AS area, registered_on FROM properties ORDER BY _line')).toEqual([
      { area: null, registered_on: null }, { area: '89.50', registered_on: null },
    ]);
    expect(await rows('SELECT deregistered_on FROM vehicles')).toEqual([{ deregistered_on: null }, { deregistered_on: null }]);
    expect(await rows('SELECT balance_cents::INTEGER AS cents, as_of FROM deposits')).toEqual([{ cents: 12000000, as_of: null }]);
  });
});

describe('where an empty cell reads another, one written as none is refused as before', () => {
  it('a 注销日期 written as none beside a 吊销日期 or 报废日期 (an empty one reads it); the stand-in written as none is empty', async () => {
    const result = await load({
      '市场主体登记信息.csv': `经营者,经营者证件号码,登记状态,成立日期,注销日期,吊销日期\n张大山,${PEOPLE.zhang},吊销,2015-08-10,—,2026-10-12\n李秀英,${PEOPLE.li},存续,2015-08-10,,—\n`,
      '机动车登记信息.csv': `所有人,身份证号码,车辆类型,注销日期,报废日期\n张大山,${PEOPLE.zhang},小型轿车,/,2020-05-01\n王小明,${PEOPLE.wang},小型轿车,,无\n`,
    });
    expect(result.datasets.businesses).toMatchObject({ rowsRead: 2, rowsUsed: 1, rowsRejected: 1 });
    expect(result.datasets.vehicles).toMatchObject({ rowsRead: 2, rowsUsed: 1, rowsRejected: 1 });
    expect([...await refusals('businesses'), ...await refusals('vehicles')]).toEqual([
      { _line: 2, reason: '注销日期无法识别：—' }, { _line: 2, reason: '注销日期无法识别：/' },
    ]);
    expect(await rows('SELECT closed_on FROM businesses')).toEqual([{ closed_on: null }]);
    expect(await rows('SELECT deregistered_on FROM vehicles')).toEqual([{ deregistered_on: null }]);
  });

  it('a death\'s row whose only date is written as none is refused, not used undated', async () => {
    const result = await load({
      '殡葬火化人员.csv': `姓名,身份证号码,死亡日期,火化日期\n张大山,${PEOPLE.zhang},,—\n李秀英,${PEOPLE.li},—,\n王小明,${PEOPLE.wang},2026-09-01,—\n`,
    });
    expect(result.datasets.deaths).toMatchObject({ rowsRead: 3, rowsUsed: 1, rowsRejected: 2 });
    expect(await rows(`SELECT _line, column_name FROM load_rejects WHERE dataset = 'deaths' ORDER BY _line`)).toEqual([
      { _line: 2, column_name: '火化日期' }, { _line: 3, column_name: '死亡日期' },
    ]);
  });
});

describe('a roll\'s 月保障金 written as none', () => {
  it('is empty, as a cell left empty is: no amount and no raw value for data_quality.bad-value; an unreadable one is kept', async () => {
    const amounts = ['—', '/', '无', '不详', '', '一千四', '700'];
    await loadFolder({
      '低保花名册.csv': ['乡镇,村(社区),家庭编号,姓名,身份证号码,与户主关系,救助类别,月保障金,保障状态',
        ...amounts.map((amount, i) => `张庄镇,东村,H00${i},人${i},${person(i)},户主,农村低保,${amount},在保`)].join('\n') + '\n',
    });
    expect(await rows('SELECT monthly_amount_raw AS raw, monthly_amount_cents::INTEGER AS cents FROM roll ORDER BY _line')).toEqual([
      ...amounts.slice(0, 5).map(() => ({ raw: null, cents: null })), { raw: '一千四', cents: null }, { raw: '700', cents: 70000 },
    ]);
  });
});

describe('a cadre\'s 任职起 written as none', () => {
  it('is a roster that does not say when the term began, as an empty one: the cadre is kept; 不详 in 任职止 and #N/A still refuse', async () => {
    const terms = [['—', ''], ['不详', ''], ['无', '2024.03'], ['/', '—'], ['', ''], ['#N/A', ''], ['2021.04', '不详']];
    const result = await load({
      '干部名册.csv': ['姓名,身份证号码,职务,任职起,任职止', ...terms.map(([start, end], i) => `干部${i},${person(i)},村主任,${start},${end}`)].join('\n') + '\n',
    });
    expect(result.datasets.cadres).toMatchObject({ rowsRead: 7, rowsUsed: 5, rowsRejected: 2 });
    expect(await refusals('cadres')).toEqual([{ _line: 7, reason: '任职起无法识别：#N/A' }, { _line: 8, reason: '任职止无法识别：不详' }]);
    expect(await rows(`SELECT _line, term_start, strftime(term_end, '%Y-%m-%d') AS term_end, term_start_raw FROM cadres ORDER BY _line`)).toEqual([
      { _line: 2, term_start: null, term_end: null, term_start_raw: '—' },
      { _line: 3, term_start: null, term_end: null, term_start_raw: '不详' },
      { _line: 4, term_start: null, term_end: '2024-03-31', term_start_raw: '无' },
      { _line: 5, term_start: null, term_end: null, term_start_raw: '/' },
      { _line: 6, term_start: null, term_end: null, term_start_raw: null },
    ]);
  });
});

describe('a prisoner\'s 释放日期 written as none', () => {
  it('is no release, read as an empty one: the 刑期止日 or a 刑期起止\'s end, else still held; 不详 is a day not known, refused', async () => {
    const result = await load({
      '服刑人员名单.csv': ['姓名,身份证号码,羁押日期,刑期止日,释放日期,执行方式',
        `人0,${person(0)},2024-01-01,2027-01-01,—,`,
        `人1,${person(1)},2024-01-01,,无,`,
        `人2,${person(2)},2024-01-01,2027-01-01,不详,`,
        // Released, says the 执行方式, with no date to say when: refused as with an empty 释放日期.
        `人3,${person(3)},2024-01-01,,—,刑满释放`,
        `人4,${person(4)},2024-01-01,2027-01-01,2026-09-15,`,
        `人5,${person(5)},2024-01-01,,,`,
      ].join('\n') + '\n',
      '在押人员名单.csv': ['姓名,身份证号码,刑期起止,释放日期', `人6,${person(6)},2021.03.05-2026.09.04,/`].join('\n') + '\n',
    });
    expect(result.datasets.prisoners).toMatchObject({ rowsRead: 7, rowsUsed: 5, rowsRejected: 2 });
    expect(await rows(`SELECT _line, column_name, reason FROM load_rejects WHERE dataset = 'prisoners' ORDER BY _line`)).toEqual([
      { _line: 4, column_name: '释放日期', reason: '释放日期无法识别：不详' },
      { _line: 5, column_name: '执行方式', reason: '执行方式为「刑满释放」，但没有释放日期或刑期止日，无法判断本期是否仍在监所服刑' },
    ]);
    expect(await rows(`SELECT _file, _line, strftime(sentence_end, '%Y-%m-%d') AS sentence_end, sentence_end_from, released_on_raw
      FROM prisoners ORDER BY _file DESC, _line`)).toEqual([
      { _file: '服刑人员名单.csv', _line: 2, sentence_end: '2027-01-01', sentence_end_from: '刑期止日', released_on_raw: '—' },
      { _file: '服刑人员名单.csv', _line: 3, sentence_end: null, sentence_end_from: '刑期止日', released_on_raw: '无' },
      { _file: '服刑人员名单.csv', _line: 6, sentence_end: '2026-09-15', sentence_end_from: '释放日期', released_on_raw: '2026-09-15' },
      { _file: '服刑人员名单.csv', _line: 7, sentence_end: null, sentence_end_from: '刑期止日', released_on_raw: null },
      { _file: '在押人员名单.csv', _line: 2, sentence_end: '2026-09-04', sentence_end_from: '刑期止日', released_on_raw: '/' },
    ]);
  });
});
