// A roll whose 救助类别 says only 低保: its area read from the row's 城乡类别 column, else from the area its title, sheet
// or file name states (stated-area.ts); none where nothing (or two disagreeing places) states one.
import { DuckDBInstance } from '@duckdb/node-api';
import iconv from 'iconv-lite';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { areaStatedIn, statedArea } from '../../scanner/load/stated-area.ts';
import ExcelJS from '../../scanner/read/exceljs.ts';
import { loadDatabase } from '../support/load-database.ts';
import { PEOPLE, ROLL_HEADER } from '../support/small-township.ts';
import { tempFolder } from '../support/temp-folder.ts';

const { rows, loadFolder } = loadDatabase();

const HEADER = ROLL_HEADER.split(',');
/** One household of two on 低保 as written, in 东村. */
const dibaoRows = (program = '低保') => [
  ['张庄镇', '东村', 'H001', '张大山', PEOPLE.zhang, '户主', program, '1400', '在保'],
  ['张庄镇', '东村', 'H001', '李秀英', PEOPLE.li, '配偶', program, '1400', '在保'],
];
const csvOf = (header: string[], body: string[][]) => [header, ...body].map((cells) => cells.join(',')).join('\n') + '\n';

async function workbook(sheets: Record<string, unknown[][]>, merges: Record<string, string> = {}): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  for (const [name, data] of Object.entries(sheets)) {
    const sheet = book.addWorksheet(name);
    sheet.addRows(data);
    if (merges[name]) sheet.mergeCells(merges[name]!);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

const areas = () => rows('SELECT _sheet, name, family, area, area_from FROM roll ORDER BY _file, _line');

describe('areaStatedIn and statedArea', () => {
  it.each([
    ['2026年10月农村低保花名册', '农村'],
    ['城关镇农村低保花名册2026年10月', '农村'],
    ['城市低保', '城市'],
    ['城镇低保对象名册', '城市'],
    ['城市低保及特困人员花名册', '城市'],
    ['城市居民最低生活保障花名册', '城市'],
    ['农村', '农村'],
    ['低保花名册（农村）', '农村'],
    ['农 村 低 保', '农村'],
    ['農村低保花名冊', '农村'],
    ['新城镇农村低保花名册', '农村'],
    ['临沭县2026-10农村低保', '农村'],
  ])('%s states %s', (text, area) => {
    expect(areaStatedIn(text)).toBe(area);
  });

  it.each([
    ['低保花名册', 'no area'],
    ['城乡低保花名册', '城乡: both'],
    ['城市、农村低保花名册', 'both named'],
    ['城市农村低保花名册', 'both named'],
    ['新城镇低保花名册', '城镇 in a town\'s name, not before 低保'],
    ['新农村低保花名册', 'the 新农村 village\'s roll'],
    ['东八里巷城市低保', '城市 inside a name'],
    ['农村饮水项目', 'an area word, not the program\'s'],
    ['城市社区', 'a village\'s name is no area'],
  ])('%s states none (%s)', (text) => {
    expect(areaStatedIn(text)).toBeNull();
  });

  it('takes the most particular place that states the area; places that disagree state none, each named', () => {
    const title = [{ line: 1, cells: ['店头镇2026年10月农村低保花名册', null] }];
    expect(statedArea(title, 'Sheet1', '低保花名册.xlsx')).toEqual({ area: '农村', where: '标题「店头镇2026年10月农村低保花名册」' });
    expect(statedArea([], '城市', '城乡低保花名册.xlsx')).toEqual({ area: '城市', where: '工作表名「城市」' });
    expect(statedArea([], undefined, '低保花名册.csv')).toBeUndefined();
    expect(statedArea([{ line: 1, cells: ['城市低保花名册'] }], undefined, '农村低保花名册.xlsx')).toEqual({
      area: null, where: '标题「城市低保花名册」写城市，文件名「农村低保花名册.xlsx」写农村',
    });
  });
});

describe('a roll whose 救助类别 says only 低保', () => {
  it('reads the area its workbook title states, and says so in a warning', async () => {
    const result = await loadFolder({
      '2026年10月低保花名册.xlsx': await workbook(
        { 花名册: [['城关镇2026年10月农村低保花名册'], HEADER, ...dibaoRows()] },
        { 花名册: 'A1:I1' },
      ),
    });
    expect(await areas()).toEqual([
      { _sheet: '花名册', name: '张大山', family: '低保', area: '农村', area_from: '标题「城关镇2026年10月农村低保花名册」' },
      { _sheet: '花名册', name: '李秀英', family: '低保', area: '农村', area_from: '标题「城关镇2026年10月农村低保花名册」' },
    ]);
    expect(result.warnings).toContainEqual({
      file: '2026年10月低保花名册.xlsx',
      message: '工作表「花名册」救助类别只写「低保」、未写城市或农村的 2 行按标题「城关镇2026年10月农村低保花名册」读作农村低保；如有不是的，请在救助类别中写明城市低保或农村低保',
    });
  });

  it('reads a GBK CSV\'s file name, and each sheet of a 城乡 workbook by its own name', async () => {
    await loadFolder({
      '城市低保.csv': iconv.encode(csvOf(HEADER, dibaoRows('最低生活保障')), 'gbk'),
      '城乡低保花名册.xlsx': await workbook({
        农村: [HEADER, ['张庄镇', '西村', 'H002', '王小明', PEOPLE.wang, '户主', '低保', '700', '在保']],
      }),
    });
    expect(await areas()).toEqual([
      { _sheet: '农村', name: '王小明', family: '低保', area: '农村', area_from: '工作表名「农村」' },
      { _sheet: null, name: '张大山', family: '低保', area: '城市', area_from: '文件名「城市低保.csv」' },
      { _sheet: null, name: '李秀英', family: '低保', area: '城市', area_from: '文件名「城市低保.csv」' },
    ]);
  });

  it('reads the row\'s own 户籍性质 before the file name; 居民户口 says none, and the file name is read', async () => {
    const header = [...HEADER, '户籍性质'];
    const body = dibaoRows().map((row, i) => [...row, ['非农业', '居民户口'][i]!]);
    const result = await loadFolder({ '农村低保花名册.csv': csvOf(header, body) });
    expect(await areas()).toEqual([
      { _sheet: null, name: '张大山', family: '低保', area: '城市', area_from: '城乡类别「非农业」' },
      { _sheet: null, name: '李秀英', family: '低保', area: '农村', area_from: '文件名「农村低保花名册.csv」' },
    ]);
    expect(result.warnings.map((w) => w.message)).toContain('救助类别只写「低保」、未写城市或农村的 1 行按本行「城乡类别」（户籍性质）读取：城市低保 1 行');
  });

  it('leaves the area written in the 救助类别, and 特困\'s, as they were: a file name never overrides a row', async () => {
    const body = [
      ['张庄镇', '东村', 'H001', '张大山', PEOPLE.zhang, '户主', '农村低保', '1400', '在保'],
      ['张庄镇', '东村', 'H003', '王小明', PEOPLE.wang, '户主', '特困供养', '900', '在保'],
    ];
    await loadFolder({ '城市低保及特困人员花名册.csv': csvOf(HEADER, body) });
    expect(await areas()).toEqual([
      { _sheet: null, name: '张大山', family: '低保', area: '农村', area_from: null },
      { _sheet: null, name: '王小明', family: '特困', area: '农村', area_from: null },
    ]);
  });

  it('states none where nothing says the area (nor a town\'s name), or where the title and the file name disagree', async () => {
    const result = await loadFolder({
      '新城镇低保花名册.csv': csvOf(HEADER, dibaoRows()),
      '农村低保花名册.xlsx': await workbook({ Sheet1: [['城市低保花名册'], HEADER, ['张庄镇', '西村', 'H002', '王小明', PEOPLE.wang, '户主', '低保', '700', '在保']] }),
    });
    expect(await rows('SELECT name, family, area FROM roll ORDER BY _file, _line')).toEqual([
      { name: '王小明', family: '低保', area: null },
      { name: '张大山', family: '低保', area: null },
      { name: '李秀英', family: '低保', area: null },
    ]);
    expect(result.warnings).toContainEqual({
      file: '农村低保花名册.xlsx',
      message: '工作表「Sheet1」救助类别只写「低保」、未写城市或农村的 1 行无法判断城乡：标题「城市低保花名册」写城市，文件名「农村低保花名册.xlsx」写农村，互相矛盾，未采用；'
        + '这些行按救助类别无法识别报告，请在救助类别中写明城市低保或农村低保',
    });
    expect(result.warnings.filter((w) => w.file === '新城镇低保花名册.csv')).toEqual([]);
  });

  it('reads a Parquet roll\'s file name', async () => {
    const folder = await tempFolder();
    const instance = await DuckDBInstance.create(':memory:');
    const writer = await instance.connect();
    try {
      const values = dibaoRows().map((row) => `(${row.map((cell) => `'${cell}'`).join(', ')})`).join(', ');
      await writer.run(`COPY (SELECT * FROM (VALUES ${values}) t(${HEADER.map((h) => `"${h}"`).join(', ')}))
        TO '${join(folder, '农村低保花名册.parquet')}' (FORMAT parquet)`);
    } finally {
      writer.closeSync();
      instance.closeSync();
    }
    const { readFile } = await import('node:fs/promises');
    await loadFolder({ '农村低保花名册.parquet': await readFile(join(folder, '农村低保花名册.parquet')) });
    expect(await rows('SELECT area, area_from FROM roll')).toEqual([
      { area: '农村', area_from: '文件名「农村低保花名册.parquet」' }, { area: '农村', area_from: '文件名「农村低保花名册.parquet」' },
    ]);
  });
});
