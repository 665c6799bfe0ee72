// blank() settles most cells by their first character instead of trimming them (raw-rows.ts): it must still say exactly
// what `cell IS NULL OR trim(cell) = ''` says, for every character DuckDB's trim() might take or leave. jsBlank(), the
// staged CSV rows' test (csv-in-duckdb.ts), likewise must say what JavaScript's String.trim says (the careful reader's).
import { expect, it } from 'vitest';
import { jsBlank } from '../../scanner/load/csv-in-duckdb.ts';
import { allBlank, blank } from '../../scanner/load/raw-rows.ts';
import { CODE_POINTS, everyCodePoint, queryOneRow, useNormalisationDatabase } from '../normalise/normalise-test-kit.ts';

const connection = useNormalisationDatabase();

const TRIMMED_BLANK = (cell: string) => `(${cell} IS NULL OR trim(${cell}) = '')`;

it('blank() agrees with trimming on every code point, alone, before a letter, after a space and doubled', async () => {
  // Every code point: alone, before a letter, after a space, doubled.
  await connection().run(`CREATE TABLE cells AS ${everyCodePoint(['c', "c || 'a'", "' ' || c", 'c || c'], 'cell')}
      UNION ALL SELECT unnest([NULL, '', ' ', '   '])`);
  const row = await queryOneRow(connection(), `SELECT count(*)::INTEGER AS cells,
        count(*) FILTER (WHERE ${blank('cell')} IS DISTINCT FROM ${TRIMMED_BLANK('cell')})::INTEGER AS disagree,
        count(*) FILTER (WHERE ${blank('cell')})::INTEGER AS blank
      FROM cells`);
  expect(row['disagree']).toBe(0);
  // The trimmed ones are there to disagree about: the spaces trim() takes (U+0020, U+00A0, U+3000 …), alone and doubled.
  expect(row['blank']).toBeGreaterThan(10);
  expect(row['cells']).toBeGreaterThan(4_000_000);
});

it('allBlank() is true only when every cell is blank, whichever is filled', async () => {
  const cells = [null, '', ' ', '\u3000', 'x', '王'];
  const values = cells.map((cell) => (cell === null ? 'NULL' : `'${cell}'`)).join(', ');
  const row = await queryOneRow(connection(), `SELECT count(*) FILTER (WHERE ${allBlank(['a', 'b', 'c'])} IS DISTINCT FROM
        (${TRIMMED_BLANK('a')} AND ${TRIMMED_BLANK('b')} AND ${TRIMMED_BLANK('c')}))::INTEGER AS disagree,
        count(*) FILTER (WHERE ${allBlank(['a', 'b', 'c'])})::INTEGER AS blank
      FROM unnest([${values}]) x(a), unnest([${values}]) y(b), unnest([${values}]) z(c)`);
  expect(row).toEqual({ disagree: 0, blank: 4 ** 3 });
});

it('jsBlank() agrees with JavaScript\'s trim on every code point, alone, before a letter, after a space and doubled', async () => {
  const codePoints = Array.from({ length: 0x10ffff }, (_, i) => i + 1).filter((i) => i < 0xd800 || i > 0xdfff);
  const spaces = codePoints.filter((i) => String.fromCodePoint(i).trim() === '');
  const rows = (await connection().runAndReadAll(`
      SELECT form, list(i::INTEGER ORDER BY i) FILTER (WHERE ${jsBlank('cell')}) AS blank
      FROM (SELECT i, unnest(['alone', 'before a letter', 'after a space', 'doubled']) AS form, unnest([c, c || 'a', ' ' || c, c || c]) AS cell
            FROM ${CODE_POINTS})
      GROUP BY form ORDER BY form`)).getRowObjectsJson();
  // The spaces are there to disagree about: tab, line ends, U+00A0, U+2028, U+3000, U+FEFF …
  expect(spaces).toEqual(expect.arrayContaining([9, 10, 13, 32, 0xa0, 0x2028, 0x3000, 0xfeff]));
  expect(rows).toEqual([
    { form: 'after a space', blank: spaces },
    { form: 'alone', blank: spaces },
    { form: 'before a letter', blank: null },
    { form: 'doubled', blank: spaces },
  ]);
  const edges = await queryOneRow(connection(), `SELECT ${jsBlank('NULL::VARCHAR')} AS "null", ${jsBlank("''")} AS empty, ${jsBlank("' 王'")} AS filled`);
  expect(edges).toEqual({ null: true, empty: true, filled: false });
});
