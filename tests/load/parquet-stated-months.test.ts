// A Parquet file has no title or sheet, but its name states what a CSV's does: an undated deposits list's round
// (2026年9月金融资产核对反馈.parquet) and a 发放表's month without 发放月份 (低保资金发放明细202609.parquet). Until
// 2026-12-06 only a roll's area was read from it: the round was of unknown date, the 发放表 refused. Real Parquet
// files, written by DuckDB, loaded into a real DuckDB.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../scanner/errors.ts';
import { errorOf } from '../support/error-of.ts';
import { loadDatabase } from '../support/load-database.ts';
import { PEOPLE, rollCsv } from '../support/small-township.ts';
import { tempFolder } from '../support/temp-folder.ts';

const { connection, rows, loadFolder } = loadDatabase();

/** The rows of a SELECT written as a Parquet file, its bytes. */
async function parquetOf(select: string): Promise<Buffer> {
  const path = join(await tempFolder(), 'list.parquet');
  await connection().run(`COPY (${select}) TO '${path}' (FORMAT parquet)`);
  return readFile(path);
}

const JUNE_DATED = `姓名,证件号码,金融机构名称,金融资产,截止日期\n张大山,${PEOPLE.zhang},中国农业银行,20000,2026-06-30\n`;

describe('what a Parquet file\'s name states', () => {
  it('gives a deposits list without 截止日期 its round\'s month, said as for a CSV', async () => {
    const september = await parquetOf(`SELECT * FROM (VALUES ('张大山', '${PEOPLE.zhang}', '农行城关支行', 20000), ('王小明', '${PEOPLE.wang}', '建行', 100))
      t("姓名", "证件号码", "金融机构名称", "金融资产")`);
    const result = await loadFolder({ '低保花名册.csv': rollCsv(), '金融资产核对反馈2026年6月.csv': JUNE_DATED, '2026年9月金融资产核对反馈.parquet': september });
    expect(await rows(`SELECT _file, strftime(stated_month, '%Y-%m') AS month, count(*)::INTEGER AS n FROM deposits GROUP BY ALL ORDER BY _file`)).toEqual([
      { _file: '2026年9月金融资产核对反馈.parquet', month: '2026-09', n: 2 },
      { _file: '金融资产核对反馈2026年6月.csv', month: null, n: 1 },
    ]);
    expect(result.warnings).toContainEqual({
      file: '2026年9月金融资产核对反馈.parquet',
      message: '没有「截止日期」列：1 条余额按名单写明的 2026年9月（文件名「2026年9月金融资产核对反馈.parquet」）算作截至 2026-09-30 的核对结果，' +
        '与同一人其他名单中的余额比先后（同一金融机构或同一账号只计截止日期最近的一轮）；如该月份不是核对截止的月份，请补上截止日期列',
    });
    // The round is dated: no warning that its balances were added to June's as of unknown date.
    expect(result.warnings.filter((w) => w.message.includes('没有截止日期'))).toEqual([]);
  });

  it('keeps a deposits list with 截止日期 by its dates, whatever its name states', async () => {
    const dated = await parquetOf(`SELECT '张大山' AS "姓名", '${PEOPLE.zhang}' AS "证件号码", '农行' AS "金融机构名称", 20000 AS "金融资产", DATE '2026-08-31' AS "截止日期"`);
    await loadFolder({ '低保花名册.csv': rollCsv(), '2026年9月金融资产核对反馈.parquet': dated });
    expect(await rows(`SELECT strftime(as_of, '%Y-%m-%d') AS as_of, stated_month FROM deposits`)).toEqual([{ as_of: '2026-08-31', stated_month: null }]);
  });

  it('gives a 发放表 without 发放月份 its month, said as for a CSV', async () => {
    const payments = await parquetOf(`SELECT * FROM (VALUES ('H001', '张大山', 1400), ('H002', '王小明', 700)) t("户编号", "户主姓名", "发放金额")`);
    const result = await loadFolder({ '低保花名册.csv': rollCsv(), '低保资金发放明细202609.parquet': payments });
    expect(await rows(`SELECT strftime(month, '%Y-%m') AS month, count(*)::INTEGER AS n FROM payments GROUP BY ALL`)).toEqual([{ month: '2026-09', n: 2 }]);
    expect(result.warnings).toContainEqual({
      file: '低保资金发放明细202609.parquet',
      message: '没有「发放月份」列：2 行都按文件名「低保资金发放明细202609.parquet」写明的 2026年9月 读取',
    });
  });

  it('refuses a 发放表 without 发放月份 whose name states two months, naming both', async () => {
    const payments = await parquetOf(`SELECT 'H001' AS "户编号", '张大山' AS "户主姓名", 1400 AS "发放金额"`);
    const refused = await errorOf(() => loadFolder({ '低保花名册.csv': rollCsv(), '2026年9月低保资金发放明细（2026年10月补发）.parquet': payments }));
    expect(refused).toBeInstanceOf(InputError);
    expect((refused as InputError).message).toContain('缺少必需的列 「发放月份」');
    expect((refused as InputError).message).toContain('2026年9月（文件名「2026年9月低保资金发放明细（2026年10月补发）.parquet」）、2026年10月（文件名');
    expect((refused as InputError).hint).toContain('请在文件名中写明是哪年哪月');
  });
});
