// blank() settles most cells by their first character instead of trimming them (raw-rows.ts): it must still say exactly
// what `cell IS NULL OR trim(cell) = ''` says, for every character DuckDB's trim() might take or leave.
import { DuckDBInstance } from '@duckdb/node-api';
import { expect, it } from 'vitest';
import { allBlank, blank } from '../../scanner/load/raw-rows.ts';

const TRIMMED_BLANK = (cell: string) => `(${cell} IS NULL OR trim(${cell}) = '')`;

it('blank() agrees with trimming on every code point, alone, before a letter and after a space', async () => {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    // Every code point but the surrogates, in three places; chr(0) is no text DuckDB keeps, so it starts at 1.
    await connection.run(`CREATE TABLE cells AS
      SELECT cell FROM (SELECT chr(i::INTEGER) AS c FROM range(1, 1114112) r(i) WHERE i NOT BETWEEN 55296 AND 57343),
        LATERAL (SELECT unnest([c, c || 'a', ' ' || c, c || c]) AS cell)
      UNION ALL SELECT unnest([NULL, '', ' ', '   '])`);
    const reader = await connection.runAndReadAll(`SELECT count(*)::INTEGER AS cells,
        count(*) FILTER (WHERE ${blank('cell')} IS DISTINCT FROM ${TRIMMED_BLANK('cell')})::INTEGER AS disagree,
        count(*) FILTER (WHERE ${blank('cell')})::INTEGER AS blank
      FROM cells`);
    const [row] = reader.getRowObjectsJson();
    expect(row!['disagree']).toBe(0);
    // The trimmed ones are there to disagree about: the spaces trim() takes (U+0020, U+00A0, U+3000 …), alone and doubled.
    expect(row!['blank']).toBeGreaterThan(10);
    expect(row!['cells']).toBeGreaterThan(4_000_000);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
});

it('allBlank() is true only when every cell is blank, whichever is filled', async () => {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const cells = [null, '', ' ', '\u3000', 'x', '王'];
    const values = cells.map((cell) => (cell === null ? 'NULL' : `'${cell}'`)).join(', ');
    const reader = await connection.runAndReadAll(`SELECT count(*) FILTER (WHERE ${allBlank(['a', 'b', 'c'])} IS DISTINCT FROM
        (${TRIMMED_BLANK('a')} AND ${TRIMMED_BLANK('b')} AND ${TRIMMED_BLANK('c')}))::INTEGER AS disagree,
        count(*) FILTER (WHERE ${allBlank(['a', 'b', 'c'])})::INTEGER AS blank
      FROM unnest([${values}]) x(a), unnest([${values}]) y(b), unnest([${values}]) z(c)`);
    const [row] = reader.getRowObjectsJson();
    expect(row).toEqual({ disagree: 0, blank: 4 ** 3 });
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
});
