// Typed values come from per-distinct-value maps and, for well-formed ID numbers, a fast lane in the row itself.
// Both must give exactly what the rs_* macros give on each cell: every ID, date and amount spelling below is
// loaded through the real loader and compared with the macro applied directly.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { expect, it } from 'vitest';
import { loadInputs } from '../../scanner/load/load-inputs.ts';
import { ROLL_HEADER, validId } from '../support/small-township.ts';
import { tempFolder } from '../support/temp-folder.ts';

const good = validId('370481', '19580302', '113');
const x = validId('110101', '19900307', '002');
const ID_SPELLINGS = [
  good, x, x.toLowerCase(), ` ${good} `, `'${good}`, good.slice(0, 17) + (good.endsWith('1') ? '2' : '1'), // bad check character
  validId('370481', '19580230', '113'), // 30 February
  validId('370481', '20991231', '113'), // born in the future
  validId('370481', '18991231', '113'), // before 1900
  '370481580302113', '370481580302', '3.70481195803021E+17', `${good.slice(0, 15)}000`, '３７０４８１１９５８０３０２１１３' + good.slice(-1),
  'ABC', '', x.replace('X', 'x'),
];
const DATE_SPELLINGS = ['2014-01-17', '2014/1/17', '2014年1月17日', '20140117', '41656', '2014-02-30', '2014-03', '不详', ''];
const AMOUNT_SPELLINGS = ['700', '700.5', '1,400.00', '￥700元', '７００', '-5', 'abc', ''];

it('every ID, date and amount spelling reads as the macros read it, whichever lane or map it took', async () => {
  const rows = ID_SPELLINGS.map((id, i) =>
    ['张庄镇', '东村', `H${i}`, `人${i}`, `"${id}"`, '户主', '农村低保', `"${AMOUNT_SPELLINGS[i % AMOUNT_SPELLINGS.length]}"`, '在保', `"${DATE_SPELLINGS[i % DATE_SPELLINGS.length]}"`].join(','));
  const folder = await tempFolder();
  await writeFile(join(folder, '低保花名册.csv'), `${ROLL_HEADER},开始享受时间\n${rows.join('\n')}\n`);
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await loadInputs(connection, folder);
    const read = async (sql: string) => (await connection.runAndReadAll(sql)).getRowObjectsJson();
    const loaded = await read(`SELECT id_raw, id_number, id_status, id_problem, id_birth_date, monthly_amount_raw, monthly_amount_cents, start_date_raw, start_date
                               FROM roll ORDER BY _line`);
    const direct = await read(`SELECT id_raw, p.id AS id_number, p.status AS id_status, p.problem AS id_problem, p.birth_date AS id_birth_date,
                                      monthly_amount_raw, rs_cents(monthly_amount_raw) AS monthly_amount_cents,
                                      start_date_raw, coalesce(rs_date(start_date_raw), rs_month(start_date_raw)) AS start_date
                               FROM (SELECT *, rs_id_parse(id_raw) AS p FROM roll) ORDER BY _line`);
    expect(loaded).toHaveLength(ID_SPELLINGS.length);
    expect(loaded).toEqual(direct);
    // The spellings really cover both lanes and every status.
    expect(new Set(loaded.map((row) => row['id_status']))).toEqual(new Set(['valid', 'legacy', 'invalid', 'missing']));
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
});

const PROGRAM_SPELLINGS = ['农村低保', '城市低保', '低保', '特困供养(分散)', '农村特困', '城乡低保', '低保边缘户', '', '【五保】', '城市低保B类', '三无人员', '非低保'];
const STATUS_SPELLINGS = ['在保', '停保', '退保', '', '正常', '死亡', '暂停发放', ' 在保 '];
const RELATION_SPELLINGS = ['户主', '本人', '配偶', '', '长子', '户主本人', '（户主）'];
const FILED_SPELLINGS = ['是', '否', '', '√', '未备案', '不知道', 'YES'];

it('the roll\'s program, status, relation and 是否备案 read through their maps as the macros read them', async () => {
  const count = Math.max(PROGRAM_SPELLINGS.length, STATUS_SPELLINGS.length, RELATION_SPELLINGS.length, FILED_SPELLINGS.length) * 3;
  const at = (spellings: readonly string[], i: number) => spellings[i % spellings.length]!;
  const rows = Array.from({ length: count }, (_, i) => ['张庄镇', '东村', `H${i}`, `人${i}`, validId('370481', '19580302', String(100 + i)),
    at(RELATION_SPELLINGS, i), at(PROGRAM_SPELLINGS, i), '700', at(STATUS_SPELLINGS, i), at(FILED_SPELLINGS, i)].map((cell) => `"${cell}"`).join(','));
  const folder = await tempFolder();
  await writeFile(join(folder, '低保花名册.csv'), `${ROLL_HEADER},是否备案\n${rows.join('\n')}\n`);
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await loadInputs(connection, folder);
    const read = async (sql: string) => (await connection.runAndReadAll(sql)).getRowObjectsJson();
    const loaded = await read('SELECT family, area, status, active, is_head, filed FROM roll ORDER BY _line');
    const spelled = Array.from({ length: count }, (_, i) =>
      `(${i}, '${at(PROGRAM_SPELLINGS, i)}', '${at(STATUS_SPELLINGS, i)}', '${at(RELATION_SPELLINGS, i)}', '${at(FILED_SPELLINGS, i)}')`).join(', ');
    const direct = await read(`SELECT rs_program(p).family AS family, rs_program(p).area AS area, rs_roll_status(s) AS status,
                                      coalesce(rs_roll_status(s), '在保') = '在保' AS active, rs_is_head(r) AS is_head, rs_yes(f) AS filed
                               FROM (VALUES ${spelled}) v(i, p, s, r, f) ORDER BY i`);
    expect(loaded).toHaveLength(count);
    expect(loaded).toEqual(direct);
    // The spellings reach every answer: both families, both areas, every status, heads and not, filed, not and unknown.
    expect(new Set(loaded.map((row) => row['family']))).toEqual(new Set(['低保', '特困', null]));
    expect(new Set(loaded.map((row) => row['status']))).toEqual(new Set(['在保', '停保', '退保', null]));
    expect(new Set(loaded.map((row) => row['filed']))).toEqual(new Set([true, false, null]));
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
});
