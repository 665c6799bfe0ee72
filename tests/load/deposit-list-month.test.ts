// A 核对 round's feedback without 截止日期 states its month in its file name, sheet or title (2026年9月金融资产核对反馈):
// its rows are given that month (stated_month), which deposit-rounds.ts reads as the round's date. Undated, such a round
// was added to the dated one (a false 家庭金融资产超标). Real CSV files and workbooks, loaded into a real DuckDB.
import { describe, expect, it } from 'vitest';
import { workbookOf } from '../support/scan-input.ts';
import { loadDatabase } from '../support/load-database.ts';
import { PEOPLE, rollCsv } from '../support/small-township.ts';

const { rows, loadFolder } = loadDatabase();

const listMonths = () => rows(`SELECT _file, strftime(stated_month, '%Y-%m') AS month, count(*)::INTEGER AS n FROM deposits GROUP BY ALL ORDER BY _file`);

describe('the month a deposits list without 截止日期 states', () => {
  it('is read from the file name (CSV), the title (workbook), and only where the list has no 截止日期', async () => {
    const result = await loadFolder({
      '低保花名册.csv': rollCsv(),
      '金融资产核对反馈2026年6月.csv': `姓名,证件号码,金融机构名称,金融资产,截止日期\n张大山,${PEOPLE.zhang},中国农业银行,20000,2026-06-30\n`,
      '2026年9月金融资产核对反馈.csv': `姓名,证件号码,金融机构名称,金融资产\n张大山,${PEOPLE.zhang},农行城关支行,20000\n王小明,${PEOPLE.wang},建行,100\n`,
      '金融资产核对反馈（补充）.xlsx': await workbookOf('Sheet1', [
        ['2026年12月居民家庭金融资产核对反馈'],
        ['姓名', '证件号码', '金融机构名称', '金融资产'],
        ['李秀英', PEOPLE.li, '邮储银行', 300],
      ]),
    });
    expect(await listMonths()).toEqual([
      { _file: '2026年9月金融资产核对反馈.csv', month: '2026-09', n: 2 },
      { _file: '金融资产核对反馈2026年6月.csv', month: null, n: 1 },
      { _file: '金融资产核对反馈（补充）.xlsx', month: '2026-12', n: 1 },
    ]);
    // Said where it decides a round: 张大山 has a balance in June's list too (王小明 and 李秀英 none elsewhere).
    expect(result.warnings).toContainEqual({
      file: '2026年9月金融资产核对反馈.csv',
      message: '没有「截止日期」列：1 条余额按名单写明的 2026年9月（文件名「2026年9月金融资产核对反馈.csv」）算作截至 2026-09-30 的核对结果，' +
        '与同一人其他名单中的余额比先后（同一金融机构或同一账号只计截止日期最近的一轮）；如该月份不是核对截止的月份，请补上截止日期列',
    });
    expect(result.warnings).toContainEqual(expect.objectContaining({
      file: '金融资产核对反馈2026年6月.csv', message: expect.stringContaining('有 1 条余额（截止 2026-06-30）已由同一金融机构'),
    }));
    expect(result.warnings.filter((w) => w.file.includes('补充'))).toEqual([]);
  });

  it('is none where the list states two months or none, and such a list beside another is warned of', async () => {
    const result = await loadFolder({
      '低保花名册.csv': rollCsv(),
      '金融资产核对反馈2026年6月.csv': `姓名,证件号码,金融机构名称,金融资产,截止日期\n张大山,${PEOPLE.zhang},中国农业银行,20000,2026-06-30\n`,
      // A title of September in a file named October's: no month is taken (stated-month.ts would stop a 发放表 here).
      '2026年10月金融资产核对反馈.xlsx': await workbookOf('Sheet1', [
        ['2026年9月金融资产核对反馈'],
        ['姓名', '证件号码', '金融机构名称', '金融资产'],
        ['张大山', PEOPLE.zhang, '农行', 20000],
      ]),
    });
    expect(await listMonths()).toEqual([
      { _file: '2026年10月金融资产核对反馈.xlsx', month: null, n: 1 },
      { _file: '金融资产核对反馈2026年6月.csv', month: null, n: 1 },
    ]);
    expect(result.warnings).toContainEqual({
      file: '2026年10月金融资产核对反馈.xlsx',
      message: expect.stringContaining('工作表「Sheet1」有 1 人的余额没有截止日期，名单的文件名、工作表名和标题也未写明核对月份；同一人在 金融资产核对反馈2026年6月.csv 另有余额'),
    });
  });
});
