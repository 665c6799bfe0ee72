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
