// A roll row whose ID cell names its column with a note (身份证（待办）, a child without an ID yet), or whose 家庭编号
// does (户号（待分配）) beside a valid ID, is a person: until 2026-12-06 either cell was enough to drop the row as a
// repeated header. A header repeated among the rows (written another way) is still a non-data row, by the careful
// reader (XLSX) and for a CSV DuckDB staged alike.
import { describe, expect, it } from 'vitest';
import { NON_DATA_REASON } from '../../scanner/load/raw-rows.ts';
import { loadDatabase } from '../support/load-database.ts';
import { workbookOf, type SheetRow } from '../support/scan-input.ts';
import { PEOPLE } from '../support/small-township.ts';

const HEADER = ['乡镇', '村', '家庭编号', '姓名', '身份证号码', '与户主关系', '救助类别', '月保障金', '保障状态'];
const ROWS: SheetRow[] = [
  HEADER,
  ['店头镇', '东村', 'H801', '张大', PEOPLE.zhang, '户主', '农村低保', '2100', '在保'],
  ['店头镇', '东村', 'H801', '张小宝', '身份证（待办）', '子', '农村低保', '', '在保'],
  ['店头镇', '东村', 'H801', '张小妹', '身份证号(未办理)', '女', '农村低保', '', '在保'],
  // Another village's block under its own header, written its own way: the header again, not a person.
  ['乡镇', '村', '户号', '姓 名', '*身份证号(必填)', '与户主关系', '救助类别', '月保障金', '保障状态'],
  ['店头镇', '西村', '户号（待分配）', '王新增', PEOPLE.wang, '户主', '农村低保', '700', '在保'],
  ['店头镇', '西村', '', '李无号', '身份证（待办）', '户主', '农村低保', '700', '在保'],
];
const csvOf = (rows: SheetRow[]) => `${rows.map((row) => row.join(',')).join('\n')}\n`;

describe('roll rows whose ID or 家庭编号 cell names its column with a note', () => {
  const db = loadDatabase();

  const expectPersonsRead = async (file: string) => {
    const result = await db.loadFolder({ [file]: file.endsWith('.csv') ? csvOf(ROWS) : await workbookOf('东村', ROWS) });
    expect(result.datasets.roll).toMatchObject({ rowsRead: 6, rowsUsed: 5, rowsRejected: 1 });
    expect(await db.rows('SELECT _line AS line, kind, reason FROM load_rejects')).toEqual([{ line: 5, kind: 'non-data', reason: NON_DATA_REASON }]);
    expect(await db.rows('SELECT name, household_id FROM roll ORDER BY _line')).toEqual([
      { name: '张大', household_id: 'H801' }, { name: '张小宝', household_id: 'H801' }, { name: '张小妹', household_id: 'H801' },
      { name: '王新增', household_id: '户号(待分配)' }, { name: '李无号', household_id: null },
    ]);
    return result;
  };

  it('are persons in a CSV DuckDB reads (the repeated header is listed by its rowid)', async () => {
    const result = await expectPersonsRead('低保花名册.csv');
    expect(result.files[0]!.reader).toBe('duckdb');
  });

  it('are persons in a workbook the careful reader reads', async () => {
    await expectPersonsRead('低保花名册.xlsx');
  });
});
