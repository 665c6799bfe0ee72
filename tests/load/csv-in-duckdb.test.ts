// DuckDB's CSV reader is the fast way in, but only where it lands exactly what the careful JS reader lands:
// same rows, same line numbers, same refusals. Each file here is loaded both ways and the results compared;
// files DuckDB could read differently (blank lines, quoted line breaks, ragged rows) must fall back to the careful reader.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { loadInputs, type LoadOptions } from '../../scanner/load/load-inputs.ts';
import { PEOPLE, ROLL_HEADER, rollCsv } from '../support/small-township.ts';
import { tempFolder } from '../support/temp-folder.ts';

const ROW = (village: string, household: string, name: string, id: string, amount = '700') =>
  `张庄镇,${village},${household},${name},${id},户主,农村低保,${amount},在保`;
const DEATHS_HEADER = '身份证号码,姓名,死亡日期';

interface Landed {
  readers: (string | undefined)[];
  counts: unknown;
  roll: Record<string, unknown>[];
  deaths: Record<string, unknown>[];
  rejects: Record<string, unknown>[];
}

async function land(files: Record<string, string | Buffer>, options: LoadOptions): Promise<Landed> {
  const folder = await tempFolder();
  for (const [name, content] of Object.entries(files)) await writeFile(join(folder, name), content);
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const result = await loadInputs(connection, folder, options);
    const rows = async (sql: string) => (await connection.runAndReadAll(sql)).getRowObjectsJson();
    return {
      readers: result.files.map((f) => f.reader),
      counts: { datasets: result.datasets, sheets: result.files.map((f) => f.sheets) },
      roll: await rows('SELECT * FROM roll ORDER BY _file, _line'),
      deaths: await rows('SELECT * FROM deaths ORDER BY _file, _line'),
      rejects: await rows('SELECT * FROM load_rejects ORDER BY ALL'),
    };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** Loads the files with both readers; returns which reader the automatic choice used, after asserting equal results. */
async function expectSameAsCarefulReader(files: Record<string, string | Buffer>): Promise<(string | undefined)[]> {
  const automatic = await land(files, {});
  const careful = await land(files, { csvReader: 'careful' });
  expect(careful.readers.every((reader) => reader === 'careful')).toBe(true);
  const { readers, ...landed } = automatic;
  const { readers: _careful, ...reference } = careful;
  expect(landed).toEqual(reference);
  return readers;
}

const roll = (body: string | Buffer) => ({ '低保花名册.csv': body });

describe('CSV files DuckDB reads exactly as the careful reader: it lands them', () => {
  it('a plain UTF-8 roll with a death list', async () => {
    const readers = await expectSameAsCarefulReader({
      ...roll(rollCsv()),
      '死亡人员.csv': `${DEATHS_HEADER}\n${PEOPLE.li},李秀英,2026-08-03\n${PEOPLE.wang},王小明,不详\n`,
    });
    expect(readers).toEqual(['duckdb', 'duckdb']);
  });

  it('title rows above the header, a byte-order mark, CRLF line ends and no final line break', async () => {
    const body = `\ufeff2026年10月农村低保花名册,,,,,,,,\r\n填报单位：张庄镇,,,,,,,,\r\n${rollCsv().trimEnd().split('\n').join('\r\n')}`;
    expect(await expectSameAsCarefulReader(roll(body))).toEqual(['duckdb']);
  });

  it('GBK text with quoted commas and doubled quotes', async () => {
    const body = `${ROLL_HEADER}\n${ROW('"东村,北片"', 'H001', '"张""大""山"', PEOPLE.zhang)}\n${ROW('西村', 'H002', '王小明', PEOPLE.wang)}\n`;
    expect(await expectSameAsCarefulReader(roll(iconv.encode(body, 'gbk')))).toEqual(['duckdb']);
  });

  it('tab-separated', async () => {
    expect(await expectSameAsCarefulReader(roll(rollCsv().replaceAll(',', '\t')))).toEqual(['duckdb']);
  });

  it('同上 in a village\'s name or a remark, and 同上 as a name or ID (never read as the value above)', async () => {
    const body = rollCsv([ROW('同上村', 'H003', '同上', '同上'), ROW('南村', 'H004', '赵四', PEOPLE.li, '700（同上）')]);
    expect(await expectSameAsCarefulReader(roll(body))).toEqual(['duckdb']);
  });

  it('a system export\'s ="…" cells (so that Excel keeps the digits) land as the careful reader keeps them', async () => {
    const body = rollCsv([ROW('南村', '="H003"', '赵四', `="${PEOPLE.li}"`)]);
    expect(await expectSameAsCarefulReader(roll(body))).toEqual(['duckdb']);
  });

  it('rows of empty or whitespace-only cells (U+3000, U+FEFF) count as blank, not read', async () => {
    const landed = await land(roll(rollCsv([',,,,,,,,', ' ,\u3000,\ufeff,,,,,,'])), {});
    expect(landed.readers).toEqual(['duckdb']);
    expect((landed.counts as { sheets: { blankRows: number }[][] }).sheets[0]![0]!.blankRows).toBe(2);
    await expectSameAsCarefulReader(roll(rollCsv([',,,,,,,,', ' ,\u3000,\ufeff,,,,,,'])));
  });

  it('a filled cell past the header’s last column refuses the row as shifted; footer rows are refused as non-data', async () => {
    const body = `${ROLL_HEADER},\n${ROW('东村', 'H001', '张大山', PEOPLE.zhang)},\n${ROW('东村', 'H001', '李秀英', PEOPLE.li)},多出来的\n合计,,,,,,,,2100,\n`;
    expect(await expectSameAsCarefulReader(roll(body))).toEqual(['duckdb']);
    const landed = await land(roll(body), {});
    expect(landed.rejects).toEqual(expect.arrayContaining([
      expect.objectContaining({ _line: 3, kind: 'shape' }),
      expect.objectContaining({ _line: 4, kind: 'non-data' }),
    ]));
  });
});

describe('a row with one field more than the file’s others, its last one empty: shifted by an unquoted comma', () => {
  // 月保障金 1,400 unquoted: 1 lands in 月保障金, 400 in 保障状态, 在保 in the empty 备注, and the row's own empty 备注
  // one field further on. No cell past the header's is filled, yet every value after the comma is a column off.
  const shifted = `${ROW('东村', 'H003', '王五', PEOPLE.wang, '1,400')},`;

  it('is refused with its text, not read as 月保障金 1 and 保障状态 「400」', async () => {
    const body = [`${ROLL_HEADER},备注`, `${ROW('东村', 'H001', '张大山', PEOPLE.zhang)},`, shifted, `${ROW('东村', 'H002', '李秀英', PEOPLE.li)},`].join('\n');
    // DuckDB reads the extra empty field as a trailing delimiter: the careful reader must take the file.
    expect(await expectSameAsCarefulReader(roll(body))).toEqual(['careful']);
    const landed = await land(roll(body), {});
    expect(landed.roll.map((row) => row['_line'])).toEqual([2, 4]);
    expect(landed.rejects).toEqual([expect.objectContaining({
      _line: 3, kind: 'shape', raw_row: shifted, reason: '本行有 11 个字段，多于表头和本文件其他行的 10 个（可能有未加引号的逗号），各列无法对应',
    })]);
  });

  it('is kept where every row of the file has that field more (a trailing comma the header lacks)', async () => {
    const body = [`${ROLL_HEADER},备注`, `${ROW('东村', 'H001', '张大山', PEOPLE.zhang)},,`, `${ROW('东村', 'H002', '李秀英', PEOPLE.li)},,`].join('\n');
    expect(await expectSameAsCarefulReader(roll(body))).toEqual(['careful']);
    const landed = await land(roll(body), {});
    expect(landed.roll.map((row) => row['_line'])).toEqual([2, 3]);
    expect(landed.rejects).toEqual([]);
  });
});

it('a roll whose every row ends in an empty 备注, with title rows ending in commas above the header, is still DuckDB’s', async () => {
  const body = ['2026年10月农村低保花名册,,,,,,,,,', `${ROLL_HEADER},备注`, `${ROW('东村', 'H001', '张大山', PEOPLE.zhang)},`, `${ROW('东村', 'H002', '李秀英', PEOPLE.li)},`].join('\r\n');
  expect(await expectSameAsCarefulReader(roll(body))).toEqual(['duckdb']);
});

describe('footer rows: totals and signature lines under the table, not a person without an ID', () => {
  // The roll with an unmapped 备注 column: a footer word there does not make a row a footer.
  const body = [
    `${ROLL_HEADER},备注`,
    `${ROW('东村', 'H001', '张大山', PEOPLE.zhang)},`,
    `${ROW('东村', '', '赵六', '')},注：身份证待补办`, // line 3: a person whose ID and household are still missing
    `${ROW('东村', '', '钱七', '')},说明：户籍迁入中`, // line 4: another
    ',合计,,,,,,2100,,', // line 5: the first filled cell opens with 合计
    '张庄镇,,,合计,,,,2100,,', // line 6: 合计 in the name column, after the township
    ',,,,,,,,,制表人：李会计', // line 7: a signature line, alone in the last column
    '张庄镇,,,\u00a0合计,,,,2100,,', // line 8: 合计 in the name column after a no-break space
  ].join('\n');
  // A reference list, where a row without an ID is refused either way: as non-data, or for its missing ID.
  const deaths = [
    `${DEATHS_HEADER},备注`,
    `${PEOPLE.li},李秀英,2026-08-03,`,
    ',,,制表人：李会计', // line 3: a signature line in the last column
    '\u3000,\ufeff,,\u00a0审核：王会计', // line 4: the same after cells of other spaces
    ',合计：1人,,', // line 5: 合计 in the name column
    ',王小明,2026-09-01,注：身份证待补', // line 6: a death without an ID, not a footer
    '填报单位：城关镇派出所,,,负责人：赵所长', // line 7: who sent the list
    '以下空白,,,', // line 8: what closes a printed list (until 2026-12-06 a row without an ID, twice a bad row)
    '（公章）,,,', // line 9: the seal's place
    '村（居）委会（盖章）,,,', // line 10
    '联系电话：0539-1234567,,,', // line 11
  ].join('\n');
  const files = { ...roll(body), '死亡人员.csv': deaths };

  it('keeps a roll row with a name and a footer word further along as a person, and refuses the real footers', async () => {
    expect(await expectSameAsCarefulReader(files)).toEqual(['duckdb', 'duckdb']);
    const landed = await land(files, {});
    expect(landed.roll.map((row) => [row['_line'], row['name'], row['id_number']])).toEqual([[2, '张大山', PEOPLE.zhang], [3, '赵六', null], [4, '钱七', null]]);
    const refused = (file: string) => landed.rejects.filter((row) => row['_file'] === file).map((row) => [row['_line'], row['kind']]);
    expect(refused('低保花名册.csv')).toEqual([[5, 'non-data'], [6, 'non-data'], [7, 'non-data'], [8, 'non-data']]);
    expect(refused('死亡人员.csv')).toEqual([[3, 'non-data'], [4, 'non-data'], [5, 'non-data'], [6, 'value'], [7, 'non-data'],
      [8, 'non-data'], [9, 'non-data'], [10, 'non-data'], [11, 'non-data']]);
  });
});

describe('CSV files DuckDB could read differently: the careful reader takes them', () => {
  it.each([
    ['a blank line between rows (DuckDB skips it, shifting line numbers)', rollCsv().replace('\n张庄镇,西村', '\n\n张庄镇,西村')],
    ['a quoted line break inside a cell', rollCsv([ROW('"南\n村"', 'H009', '赵四', PEOPLE.wang)])],
    ['a short row (fewer cells than the header)', rollCsv(['张庄镇,南村,H010,钱五'])],
    ['a row with more cells than the header', rollCsv([`${ROW('南村', 'H011', '孙六', PEOPLE.wang)},多,余`])],
    ['old Mac line ends (CR only)', rollCsv().replaceAll('\n', '\r')],
    ['a member\'s 家庭编号 written 同上 (read as the value above, row by row)', rollCsv([ROW('西村', ' 同 上', '赵四', PEOPLE.li)])],
    ['an amount written 〃', rollCsv([ROW('西村', 'H002', '赵四', PEOPLE.li, '〃')])],
  ])('%s', async (_case, body) => {
    expect(await expectSameAsCarefulReader(roll(body))).toEqual(['careful']);
  });
});

it('a UTF-8 file holding U+FFFD (text garbled before it reached us) is refused exactly as the careful reader refuses it', async () => {
  // Below the first 10 rows, which the careful reader always reads itself while looking for the header.
  const filler = Array.from({ length: 12 }, (_, i) => ROW('南村', `H2${i}`, `村民${i}`, PEOPLE.wang));
  const files = roll(rollCsv([...filler, ROW('南村', 'H012', '王\ufffd', PEOPLE.wang)]));
  const automatic = await land(files, {}).then(() => 'loaded', (error: Error) => error.message);
  const careful = await land(files, { csvReader: 'careful' }).then(() => 'loaded', (error: Error) => error.message);
  expect(careful).toContain('第 17 行');
  expect(automatic).toBe(careful);
});
