// rs_id_canonical, the fast lane every ID cell of every list takes, reads its two lookup lists from connection
// variables (written out as list literals, they were bound again in every typing statement: a scan's fixed cost). A
// connection without them must still read every number right (the full parse), and every connection a scan types on
// must have them, or every ID would quietly take the slow lane.
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadInputs } from '../../scanner/load/load-inputs.ts';
import { installNormalisationMacros } from '../../scanner/normalise/index.ts';

const SAMPLE = new URL('../../sample-data/demo-township', import.meta.url).pathname;
/** A valid number (check character 6), one whose check character is wrong, and one with an X. */
const VALID = '110101195003074516';
const WRONG_CHECK = '110101195003074515';
const WITH_X = '11010119520612232X';

async function fastLane(connection: DuckDBConnection, id: string): Promise<unknown> {
  const rows = await connection.runAndReadAll(`SELECT rs_id_canonical(rs_id_fast_number('${id}'))::VARCHAR, (rs_id_parse('${id}')).status`);
  return rows.getRowsJson()[0];
}

describe('the fast lane of ID numbers and its lists', () => {
  let instance: DuckDBInstance;
  beforeAll(async () => { instance = await DuckDBInstance.create(':memory:'); });
  afterAll(() => instance.closeSync());

  it('reads a well-formed number on a connection the macros were installed on, and refuses a wrong check character', async () => {
    const connection = await instance.connect();
    await installNormalisationMacros(connection);
    const [valid, wrong] = [await fastLane(connection, VALID), await fastLane(connection, WRONG_CHECK)];
    expect(valid).toEqual([VALID.slice(0, 17), 'valid']);
    expect(wrong).toEqual([null, 'invalid']);
    connection.closeSync();
  });

  it('without the lists (a connection that only sees the database\'s macros), no number takes the fast lane and the full parse still reads each', async () => {
    const installer = await instance.connect();
    await installNormalisationMacros(installer, 'database');
    const other = await instance.connect();
    expect(await fastLane(other, VALID)).toEqual([null, 'valid']);
    expect(await fastLane(other, WITH_X)).toEqual([null, 'valid']);
    other.closeSync();
    installer.closeSync();
  });

  it('every connection a scan types on has them, the database\'s macros installed by another (as a scan does)', async () => {
    const scanInstance = await DuckDBInstance.create(':memory:');
    const [connection, second, macroConnection] = [await scanInstance.connect(), await scanInstance.connect(), await scanInstance.connect()];
    await loadInputs(connection, SAMPLE, { moreConnections: [second], macroConnection });
    for (const typing of [connection, second]) {
      expect(await fastLane(typing, VALID)).toEqual([VALID.slice(0, 17), 'valid']);
      expect(await fastLane(typing, WITH_X)).toEqual([WITH_X.slice(0, 17), 'valid']);
    }
    for (const open of [connection, second, macroConnection]) open.closeSync();
    scanInstance.closeSync();
  });
});
