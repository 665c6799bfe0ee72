// Lists pasted one block after another, each under its own header: a block under a header whose columns stand
// elsewhere is read by that header's columns (header-blocks.ts), by the careful reader and for a CSV DuckDB staged
// alike; a block header that cannot be read refuses the file; a header repeated in the same layout reads as before.
import { DuckDBInstance } from '@duckdb/node-api';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../scanner/errors.ts';
import { BLOCK_HEADER_REASON, mayBeHeaderCell, mayBeHeaderCellSql } from '../../scanner/load/header-blocks.ts';
import { loadDatabase } from '../support/load-database.ts';
import { workbookOf, type SheetRow } from '../support/scan-input.ts';
import { PEOPLE, validId } from '../support/small-township.ts';

const ZHAO = validId('370481', '19450505', '441');
const FIRST_ROLL_HEADER = ['序号', '乡镇', '村(社区)', '户主姓名', '家庭编号', '姓名', '身份证号码', '与户主关系', '救助类别', '月保障金', '保障状态'];
/** The next village's block, its header in another order (序号,姓名,身份证号码,家庭编号 …), as another export writes it. */
const OTHER_ROLL_HEADER = ['序号', '姓名', '身份证号码', '家庭编号', '乡镇', '村(社区)', '户主姓名', '与户主关系', '救助类别', '月保障金', '保障状态'];
const ROLL_BLOCKS: SheetRow[] = [
  FIRST_ROLL_HEADER,
  ['1', '张庄镇', '东村', '张大山', 'H001', '张大山', PEOPLE.zhang, '户主', '农村低保', '1400', '在保'],
  ['2', '张庄镇', '东村', '张大山', 'H001', '李秀英', PEOPLE.li, '配偶', '农村低保', '1400', '在保'],
  OTHER_ROLL_HEADER,
  ['1', '王小明', PEOPLE.wang, 'H002', '张庄镇', '西村', '王小明', '户主', '农村低保', '700', '在保'],
  // 同上 under the block's own 家庭编号 column: the value above in this block.
  ['2', '赵老汉', ZHAO, '同上', '张庄镇', '西村', '王小明', '父亲', '农村低保', '700', '在保'],
];
const DEATH_BLOCKS: SheetRow[] = [
  ['序号', '身份证号码', '姓名', '死亡日期'],
  ['1', PEOPLE.zhang, '张大山', '2026-03-01'],
  ['序号', '姓名', '死亡日期', '身份证号码'],
  ['1', '王小明', '2026-03-01', PEOPLE.wang],
  ['2', '赵老汉', '2026-04-01', ZHAO],
];
const csvOf = (rows: SheetRow[]) => `${rows.map((row) => row.join(',')).join('\n')}\n`;

describe('which cells may be a header\'s', () => {
  it('SQL passes every cell JavaScript does, so no staged header goes unlooked-at', async () => {
    const cells = [
      '身份证号码', ' 公民身份号码 ', 'ID', 'No.', 'id_number', '', '  ', null, '\u3000', '\t姓名', '东村001',
      PEOPLE.zhang, ` ${PEOPLE.zhang} `, '３７０４８１', '\u3000３７', '\t370481', 'H001', 'h001 ', '3号',
    ];
    const js = cells.map(mayBeHeaderCell);
    expect(js).toEqual([...Array(11).fill(true), ...Array(8).fill(false)]);
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    try {
      const values = cells.map((cell) => `(${cell === null ? 'NULL' : `'${cell}'`})`).join(', ');
      const sql = (await connection.runAndReadAll(`SELECT ${mayBeHeaderCellSql('c')} FROM (VALUES ${values}) t(c)`)).getRows().map(([v]) => v);
      js.forEach((may, i) => { if (may) expect(sql[i], String(cells[i])).toBe(true); });
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });
});

describe('blocks under headers in another layout', () => {
  const db = loadDatabase();

  async function expectBlocksRead(files: Record<string, string | Buffer>, rollFile: string, deathFile: string) {
    const result = await db.loadFolder(files);
    expect(result.datasets.roll).toMatchObject({ rowsRead: 5, rowsUsed: 4, rowsRejected: 1 });
    expect(result.datasets.deaths).toMatchObject({ rowsRead: 4, rowsUsed: 3, rowsRejected: 1 });
    expect(await db.rows('SELECT name, id_number, household_id, village FROM roll ORDER BY _line')).toEqual([
      { name: '张大山', id_number: PEOPLE.zhang, household_id: 'H001', village: '东村' },
      { name: '李秀英', id_number: PEOPLE.li, household_id: 'H001', village: '东村' },
      { name: '王小明', id_number: PEOPLE.wang, household_id: 'H002', village: '西村' },
      { name: '赵老汉', id_number: ZHAO, household_id: 'H002', village: '西村' },
    ]);
    expect(await db.rows('SELECT id_number, death_date::VARCHAR AS death_date FROM deaths ORDER BY _line')).toEqual([
      { id_number: PEOPLE.zhang, death_date: '2026-03-01' },
      { id_number: PEOPLE.wang, death_date: '2026-03-01' },
      { id_number: ZHAO, death_date: '2026-04-01' },
    ]);
    expect(await db.rows('SELECT dataset, _file AS file, _line AS line, kind, reason FROM load_rejects ORDER BY dataset DESC')).toEqual([
      { dataset: 'roll', file: rollFile, line: 4, kind: 'non-data', reason: BLOCK_HEADER_REASON },
      { dataset: 'deaths', file: deathFile, line: 3, kind: 'non-data', reason: BLOCK_HEADER_REASON },
    ]);
    expect(result.warnings).toContainEqual({ file: rollFile, message: expect.stringContaining('第 4 行起是另一段名单，表头各列的位置与上面的不同，每段按它自己的表头读取') });
    return result;
  }

  it('a UTF-8 roll and a GBK death list: DuckDB leaves them to the careful reader, which reads each block by its header', async () => {
    const result = await expectBlocksRead({
      '低保花名册.csv': csvOf(ROLL_BLOCKS.map((row) => row.map((cell) => (cell === '同上' ? 'H002' : cell)))),
      '死亡人员.csv': iconv.encode(csvOf(DEATH_BLOCKS), 'gbk'),
    }, '低保花名册.csv', '死亡人员.csv');
    expect(result.files.map((f) => f.reader)).toEqual(['careful', 'careful']);
  });

  it('an XLSX roll (同上 read as its block\'s value above) and an XLSX death list', async () => {
    const result = await expectBlocksRead({
      '低保花名册.xlsx': await workbookOf('花名册', ROLL_BLOCKS),
      '死亡人员.xlsx': await workbookOf('死亡', DEATH_BLOCKS),
    }, '低保花名册.xlsx', '死亡人员.xlsx');
    expect(result.files.find((f) => f.file === '低保花名册.xlsx')!.sheets[0]).toMatchObject({ blockHeaderLines: [4] });
  });

  it('a header repeated in the same layout (another spelling, or fewer columns) is read as before: by DuckDB, a non-data row', async () => {
    const deaths = csvOf([['身份证号码', '姓名', '死亡日期', '来源'], [PEOPLE.zhang, '张大山', '2026-03-01', '公安'],
      // Every line of a CSV has the header's fields: a short one is the careful reader's anyway.
      ['公民身份号码', '姓 名', '死亡日期', ''], [PEOPLE.wang, '王小明', '2026-03-01', '']]);
    const result = await db.loadFolder({ '低保花名册.csv': csvOf(ROLL_BLOCKS.slice(0, 3)), '死亡人员.csv': deaths });
    expect(result.files.map((f) => f.reader)).toEqual(['duckdb', 'duckdb']);
    expect(result.datasets.deaths).toMatchObject({ rowsRead: 3, rowsUsed: 2, rowsRejected: 1 });
    expect(await db.rows("SELECT _line AS line, kind, reason FROM load_rejects WHERE dataset = 'deaths'")).toEqual([
      { line: 3, kind: 'non-data', reason: '非数据行（合计、签字、说明、栏次或重复的表头行）' },
    ]);
    expect(result.warnings.filter((w) => w.message.includes('另一段名单'))).toEqual([]);
  });

  it('a block header without a required column refuses the file, naming file, line and the column', async () => {
    const deaths = csvOf([...DEATH_BLOCKS.slice(0, 2), ['序号', '姓名', '死亡日期'], ['1', '王小明', '2026-03-01']]);
    const error = await db.loadFolder({ '低保花名册.csv': csvOf(ROLL_BLOCKS.slice(0, 3)), '死亡人员.csv': deaths }).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).location).toEqual({ file: '死亡人员.csv', sheet: undefined, line: 3, column: '身份证号码' });
    expect((error as InputError).message).toMatch(/第 3 行起是另一段名单.*与第 1 行的表头不同.*缺少必需的列 「身份证号码」.*找到的列：「序号」、「姓名」、「死亡日期」/);
  });

  // The duplicated-header refusal is written once (header-refusals.ts) for a sheet's header and a block's: each keeps
  // its own words and hint, pinned here whole so moving it changed neither. Each header is named with its place (since
  // 2026-12-07: two alike, 姓名 under 户主信息 and under 成员信息, could not be told apart).
  it('a header naming one column twice refuses the file, a sheet\'s and a block\'s each in its own words', async () => {
    const refusal = (deaths: string) => db.loadFolder({ '低保花名册.csv': csvOf(ROLL_BLOCKS.slice(0, 3)), '死亡人员.csv': deaths })
      .then(() => null, (e: unknown) => e as InputError);
    const sheet = await refusal(csvOf([['身份证号码', '姓名', '证件号码', '死亡日期'], [PEOPLE.zhang, '张大山', PEOPLE.zhang, '2026-03-01']]));
    expect(sheet).toBeInstanceOf(InputError);
    expect(sheet!.location).toEqual({ file: '死亡人员.csv', sheet: undefined, line: 1, column: '身份证号码、证件号码' });
    expect(sheet!.message).toMatch(/: 表头重复：「身份证号码」（第 1 列）和「证件号码」（第 3 列）都对应 「身份证号码」.*，无法判断用哪一列 \(duplicated header\)$/);
    expect(sheet!.hint).toBe('请删除或改名其中一列后再扫描。');
    const block = await refusal(csvOf([...DEATH_BLOCKS.slice(0, 2), ['序号', '姓名', '证件号码', '死亡日期', '身份证号码'], ['1', '王小明', PEOPLE.wang, '2026-03-01', PEOPLE.wang]]));
    expect(block).toBeInstanceOf(InputError);
    expect(block!.location).toEqual({ file: '死亡人员.csv', sheet: undefined, line: 3, column: '证件号码、身份证号码' });
    expect(block!.message).toMatch(new RegExp('第 3 行起是另一段名单，有自己的表头（各列的位置与第 1 行的表头不同），这一段只能按这一行的表头读取，'
      + '但「证件号码」（第 3 列）和「身份证号码」（第 5 列）都对应 「身份证号码」.*，无法判断用哪一列 \\(duplicated header\\)$'));
    expect(block!.hint).toBe('请补全这一行表头，或把这一段移到单独的工作表或文件（带上自己的表头）后再扫描。');
  });
});
