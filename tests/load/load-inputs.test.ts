// Loading a folder: manifest options, multi-sheet workbooks, header sniffing, typed Parquet, union with provenance.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../scanner/errors.ts';
import { loadInputs } from '../../scanner/load/load-inputs.ts';
import ExcelJS from '../../scanner/read/exceljs.ts';
import { loadDatabase } from '../support/load-database.ts';
import { PEOPLE, ROLL_HEADER, rollCsv, validId } from '../support/small-township.ts';
import { tempFolder, tempFolderWith } from '../support/temp-folder.ts';

const database = loadDatabase();
const { rows, loadFolder } = database;

async function workbook(sheets: Record<string, unknown[][]>): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  for (const [name, data] of Object.entries(sheets)) book.addWorksheet(name).addRows(data);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('loadInputs', () => {
  it('unions a roll over a GBK CSV and two worksheets, keeping file, sheet and line; skips a notes sheet', async () => {
    const header = ROLL_HEADER.split(',');
    const result = await loadFolder({
      '东村低保花名册.csv': iconv.encode(rollCsv(), 'gbk'),
      '镇B/特困花名册.xlsx': await workbook({
        '说明': [['本表为某镇特困人员名单，请勿改动表头']],
        '南村': [['南村特困人员花名册'], header, ['张庄镇', '南村', 'H010', '赵大', PEOPLE.wang.replace('5', '５'), '户主', '特困供养', '910', '在保']],
        '北村': [header, ['张庄镇', '北村', 'H011', '钱二', ` '${PEOPLE.li.toLowerCase()}`, '本人', '集中供养特困', '910', '']],
      }),
    });
    expect(result.datasets.roll).toMatchObject({ files: ['东村低保花名册.csv', '镇B/特困花名册.xlsx'], rowsRead: 5, rowsUsed: 5, rowsRejected: 0 });
    expect(result.warnings).toContainEqual({ file: '镇B/特困花名册.xlsx', message: expect.stringContaining('工作表「说明」未读取') });
    expect(await rows(`SELECT _file, _sheet, _line, id_number, id_status, family, area FROM roll WHERE household_id IN ('H010', 'H011') ORDER BY _line`)).toEqual([
      { _file: '镇B/特困花名册.xlsx', _sheet: '北村', _line: 2, id_number: PEOPLE.li, id_status: 'valid', family: '特困', area: '农村' },
      { _file: '镇B/特困花名册.xlsx', _sheet: '南村', _line: 3, id_number: PEOPLE.wang, id_status: 'valid', family: '特困', area: '农村' },
    ]);
  });

  it('honours sweep.json: encoding, header row, sheet and a column mapping for an unknown header', async () => {
    const result = await loadFolder({
      '低保花名册.csv': rollCsv(),
      'list-7.xlsx': await workbook({
        Sheet1: [['ignored']],
        Sheet2: [['2026年死亡名单'], ['备注：公安提供'], ['证件号', '姓名', '销户时间'], [PEOPLE.zhang, '张大山', '2026/3/15']],
      }),
      'sweep.json': JSON.stringify({ datasets: { deaths: { file: 'list-7.xlsx', sheet: 'Sheet2', headerRow: 3, columns: { id_number: '证件号', death_date: '销户时间' } } } }),
    });
    expect(result.files.find((f) => f.file === 'list-7.xlsx')).toMatchObject({ classifiedBy: 'manifest', sheets: [{ sheet: 'Sheet2', dataset: 'deaths', headerLine: 3, rowsRead: 1 }] });
    expect(await rows(`SELECT id_number, strftime(death_date, '%Y-%m-%d') AS death_date, _line FROM deaths`)).toEqual([{ id_number: PEOPLE.zhang, death_date: '2026-03-15', _line: 4 }]);
  });

  it('recognises a file by its header alone, and skips one whose header fits two datasets equally', async () => {
    const result = await loadFolder({
      '低保花名册.csv': rollCsv(),
      'export-1.csv': `公民身份号码,姓名,死亡日期,来源\n${PEOPLE.li},李秀英,20260101,殡葬火化\n`,
      'export-2.csv': `身份证号码,姓名\n${PEOPLE.li},李秀英\n`,
      'notes.txt': '这是说明文字，不是表格。\n',
    });
    expect(result.files.find((f) => f.file === 'export-1.csv')).toMatchObject({ classifiedBy: 'header', sheets: [{ dataset: 'deaths' }] });
    expect(result.skipped).toEqual([
      { file: 'export-2.csv', reason: expect.stringMatching(/多个数据集（payroll、cadres）/) },
      { file: 'notes.txt', reason: expect.stringContaining('找不到可识别的表头') },
    ]);
  });

  it('reads typed Parquet columns: dates, integer IDs, double amounts, and an ID stored as a double', async () => {
    const folder = await tempFolder();
    await writeFile(join(folder, '低保花名册.csv'), rollCsv());
    const integerIds = `${PEOPLE.zhang}::BIGINT, 2500.5::DOUBLE, DATE '2026-09-30'), (${PEOPLE.zhang.slice(0, 16)}00::BIGINT, 3.0::DOUBLE, DATE '2026-09-30'`;
    await database.connection().run(`COPY (SELECT * FROM (VALUES (${integerIds})) t("身份证号码", "余额", "截止日期")) TO '${join(folder, 'deposits.parquet')}' (FORMAT parquet)`);
    const result = await loadInputs(database.connection(), folder);
    expect(result.datasets.deposits).toMatchObject({ rowsRead: 2, rowsUsed: 1, rowsRejected: 1 });
    expect(await rows(`SELECT id_number, balance_cents::INT AS cents, strftime(as_of, '%Y-%m-%d') AS as_of FROM deposits`)).toEqual([
      { id_number: PEOPLE.zhang, cents: 250050, as_of: '2026-09-30' },
    ]);
    expect(await rows(`SELECT _file, _line, kind, reason FROM load_rejects WHERE dataset = 'deposits' ORDER BY _file`)).toEqual([
      { _file: 'deposits.parquet', _line: 2, kind: 'id', reason: expect.stringContaining('校验码错误') },
    ]);

    // A DOUBLE column holds every ID with its last digits lost: the file is refused whole, naming it (unusable-ids.ts).
    await database.connection().run(`COPY (SELECT 370481199001011234::DOUBLE AS "身份证号码", 1.0::DOUBLE AS "余额") TO '${join(folder, '存款-2.parquet')}' (FORMAT parquet)`);
    const refused = await loadInputs(database.connection(), folder).then(() => null, (error: Error) => error);
    expect(refused).toBeInstanceOf(InputError);
    expect((refused as InputError).location).toMatchObject({ file: '存款-2.parquet', column: '身份证号码' });
    expect(refused!.message).toContain('身份证号码被存成了数字，末几位已丢失（1 行，如第 1 行「3.7048');
  });
});

describe('a refused row with several problems', () => {
  it('lists each problem (both bad IDs of a kinship row) and counts the row once', async () => {
    const result = await loadFolder({
      '低保花名册.csv': rollCsv(),
      '亲属关系.csv': `本人身份证号,亲属身份证号,关系\n${PEOPLE.zhang.slice(0, 17)},3.70481E+17,配偶\n${PEOPLE.zhang},${PEOPLE.li},配偶\n`,
    });
    expect(result.datasets.kinship).toMatchObject({ rowsRead: 2, rowsUsed: 1, rowsRejected: 1 });
    expect(await rows(`SELECT _line, column_name, raw_value FROM load_rejects WHERE dataset = 'kinship' ORDER BY column_name`)).toEqual([
      { _line: 2, column_name: '亲属身份证号', raw_value: '3.70481E+17' },
      { _line: 2, column_name: '本人身份证号', raw_value: PEOPLE.zhang.slice(0, 17) },
    ]);
  });
});

// A masked 发放账号 is compared with no other account (duplicate.shared-account, payments placed by account): the
// summary says so, once per file, so that a shared account is not missed without anyone knowing.
describe('roll accounts masked before the roll was sent', () => {
  const withAccounts = (accounts: string[]) => [
    `${ROLL_HEADER},银行账号`,
    ...accounts.map((account, i) => `张庄镇,东村,H00${i + 1},户主${i + 1},${validId('370481', '19500101', `${100 + i}`)},户主,农村低保,700,在保,${account}`),
  ].join('\n') + '\n';

  it('are named in one warning per file: how many rows, the first account, the first five lines', async () => {
    const masked = ['6228480*********1111', '6228 48** **** 2222', '6228480012345678901', '622848××××××××3333', '622848xxxxxxxx4444', '622848＊＊＊＊＊＊＊＊5555', '6228****6666'];
    const result = await loadFolder({ '低保花名册.csv': withAccounts(masked) });
    expect(result.warnings.filter((warning) => warning.message.includes('已打码'))).toEqual([{
      file: '低保花名册.csv',
      message: '有 6 行的银行账号已打码（如「6228480*********1111」，第 2、3、5、6、7 行 等），看不出被遮住的数字，未参与多户共用发放账号的核对' +
        '（duplicate.shared-account），也不用于按账号对应代发明细的家庭；请导出完整账号后重新扫描',
    }]);
  });

  it('give no warning where every account is whole (digits in groups, a 社保卡号 opening with a letter)', async () => {
    const result = await loadFolder({ '低保花名册.csv': withAccounts(['6228 4800 1111 2222 333', '6228-4800-9999-8888-777', 'X12345678']) });
    expect(result.warnings.filter((warning) => warning.message.includes('已打码'))).toEqual([]);
  });
});

describe('reading workbooks and CSV files side by side (a second connection)', () => {
  async function loadWithTwoConnections(files: Record<string, string | Buffer>, options: { skipBadFiles?: boolean } = {}) {
    const folder = await tempFolderWith(files);
    const own = await DuckDBInstance.create(':memory:');
    const first = await own.connect();
    const second = await own.connect();
    try {
      return await loadInputs(first, folder, { moreConnections: [second], ...options });
    } finally {
      second.closeSync();
      first.closeSync();
      own.closeSync();
    }
  }
  const goodFiles = async () => ({
    '1-低保花名册.csv': rollCsv(),
    '4-服刑人员.xlsx': await workbook({ Sheet1: [['身份证号码', '姓名', '刑期起日'], [PEOPLE.li, '李秀英', '2026-01-01']] }),
  });

  it('stops at the first unreadable file in the folder, whichever lane reads it', async () => {
    // 0-不动产 (workbook lane) and 2-车辆 (CSV lane) are both unreadable: the first in the folder's order is reported;
    // with 0-不动产 mended, the CSV lane's failure is.
    const files = {
      ...await goodFiles(),
      '0-不动产登记.xlsx': Buffer.from('not a workbook'),
      '2-车辆登记.csv': '姓名,备注\n张三,无\n',
    };
    await expect(loadWithTwoConnections(files)).rejects.toThrow(expect.objectContaining({ location: expect.objectContaining({ file: '0-不动产登记.xlsx' }) }));
    const withoutIt = { ...files, '0-不动产登记.xlsx': await workbook({ Sheet1: [['身份证号码', '姓名', '坐落', '用途'], [PEOPLE.li, '李秀英', '东村1号', '住宅']] }) };
    await expect(loadWithTwoConnections(withoutIt)).rejects.toThrow(expect.objectContaining({ location: expect.objectContaining({ file: '2-车辆登记.csv' }) }));
  });

  it('with --skip-bad-files lists the skipped files in the folder order and reads the rest of both lanes', async () => {
    const result = await loadWithTwoConnections({
      ...await goodFiles(),
      '0-不动产登记.xlsx': Buffer.from('not a workbook'),
      '2-车辆登记.csv': '姓名,备注\n张三,无\n',
    }, { skipBadFiles: true });
    expect(result.skipped.map((s) => s.file)).toEqual(['0-不动产登记.xlsx', '2-车辆登记.csv']);
    expect(result.files.map((f) => f.file)).toEqual(['1-低保花名册.csv', '4-服刑人员.xlsx']);
    expect(result.datasets.prisoners).toMatchObject({ rowsRead: 1, rowsUsed: 1 });
    expect(result.datasets.roll.rowsUsed).toBeGreaterThan(0);
  });
});
