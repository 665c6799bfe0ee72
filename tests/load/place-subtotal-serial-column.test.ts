// A place's subtotal labelled in the 序号 column, the roll's first (店头小计,,,,2人,,,1200): a non-data row like the
// subtotals labelled in a place cell (place-subtotal-rows.test.ts), whatever name comes before the total word. Until
// 2026-12-07 the first cell had to end as a place's does (东村, 一组): 店头小计 was a person named 2人, a
// data_quality.missing-field finding each month and one person more on the roll. A person's row whose 序号 is a number
// stays data, and so do places and people holding such characters (合作村, 小计庄, 王小计), with or without an ID.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { loadInputs, type LoadOptions } from '../../scanner/load/load-inputs.ts';
import { NON_DATA_REASON } from '../../scanner/load/raw-rows.ts';
import { parseCsvRecords } from '../support/parse-csv.ts';
import { runScan, workbookOf } from '../support/scan-input.ts';
import { PEOPLE, validId } from '../support/small-township.ts';
import { tempFolder } from '../support/temp-folder.ts';

const LIU = validId('370481', '19450808', '445');
const HEADER = ['序号', '乡镇', '村(社区)', '家庭编号', '姓名', '身份证号码', '与户主关系', '月保障金', '救助类别', '保障状态'];

// Lines 2–9 are people (some without an ID, their place or name holding 合, 计 or 小计); lines 10–14 are subtotals.
const CSV_ROWS = [
  HEADER.join(','),
  `1,店头镇,东村,H001,张大山,${PEOPLE.zhang},户主,1200,农村低保,在保`, // line 2
  `2,店头镇,东村,H001,李秀英,${PEOPLE.li},配偶,,农村低保,在保`, // line 3
  `3,店头镇,合作村,,计小合,,户主,700,农村低保,在保`, // line 4: a village 合作村, a person 计小合, no ID yet
  `4,店头镇,小计庄,,赵六,,户主,700,农村低保,在保`, // line 5: a village opening with 小计
  `5,店头镇,西村,,王小计,,户主,700,农村低保,在保`, // line 6: a person 王小计 without an ID, 序号 a number
  `,,,,王小计,,,700,,`, // line 7: 王小计 as the row's first filled cell, but in 姓名: a person, not a total
  `6,店头镇,西村,H003,刘福,${LIU},户主,800,农村特困,在保`, // line 8
  `7,店头镇,东村小计,,钱七,,户主,700,农村低保,在保`, // line 9: a person's name beside a subtotal's label: looked at
  '店头小计,,,,2人,,,1200,,', // line 10: the 序号 cell, a place without a place's ending
  '东村小计,,,,,,,1200,2人,', // line 11: the rest blank but a head count (not in 姓名)
  '东头　合计：1户2人,,,,,,,700,,', // line 12: a full-width space, a count after the total word
  '店头小计,,,,两人,,,,,', // line 13: the head count in words
  ',店头小计,,,3人,,,2000,,', // line 14: the label in the 乡镇 cell (as before)
].join('\n') + '\n';

interface Landed {
  readers: (string | undefined)[];
  lines: unknown[];
  rejects: Record<string, unknown>[];
}

async function land(files: Record<string, string | Buffer>, options: LoadOptions = {}): Promise<Landed> {
  const folder = await tempFolder();
  for (const [name, content] of Object.entries(files)) await writeFile(join(folder, name), content);
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const result = await loadInputs(connection, folder, options);
    const rows = async (sql: string) => (await connection.runAndReadAll(sql)).getRowObjectsJson();
    return {
      readers: result.files.map((f) => f.reader),
      lines: (await rows('SELECT _line FROM roll ORDER BY _file, _line')).map((row) => row['_line']),
      rejects: await rows('SELECT _line, kind, reason FROM load_rejects ORDER BY ALL'),
    };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

const SUBTOTALS = [10, 11, 12, 13, 14].map((line) => ({ _line: line, kind: 'non-data', reason: NON_DATA_REASON }));
const PERSONS = [2, 3, 4, 5, 6, 7, 8, 9];

describe('a subtotal labelled in the 序号 column of a roll', () => {
  it('CSV, read by DuckDB and by the careful reader: the subtotals refused as non-data, every person kept', async () => {
    const automatic = await land({ '低保花名册.csv': CSV_ROWS });
    const careful = await land({ '低保花名册.csv': CSV_ROWS }, { csvReader: 'careful' });
    expect(automatic.readers).toEqual(['duckdb']);
    expect(careful.readers).toEqual(['careful']);
    for (const landed of [automatic, careful]) {
      expect(landed.lines).toEqual(PERSONS);
      expect(landed.rejects).toEqual(SUBTOTALS);
    }
  });

  it('XLSX: the same rows, the same persons and refusals', async () => {
    const rows = CSV_ROWS.trimEnd().split('\n').map((line) => line.split(',').map((cell) => (/^\d+$/.test(cell) ? Number(cell) : cell || null)));
    const landed = await land({ '低保花名册.xlsx': await workbookOf('花名册', rows) });
    expect(landed.lines).toEqual(PERSONS);
    expect(landed.rejects).toEqual(SUBTOTALS);
  });

  it('through the CLI: no person named 2人, no finding for the subtotals, the person 王小计 without an ID still reported', async () => {
    const roll = await workbookOf('花名册', [
      HEADER,
      [1, '店头镇', '东村', 'H001', '张大山', PEOPLE.zhang, '户主', 1200, '农村低保', '在保'],
      [2, '店头镇', '东村', 'H001', '李秀英', PEOPLE.li, '配偶', null, '农村低保', '在保'],
      ['店头小计', null, null, null, '2人', null, null, 1200, null, null],
      [3, '店头镇', '西村', null, '王小计', null, '户主', 700, '农村低保', '在保'],
      ['西村小计', null, null, null, '1人', null, null, 700, null, null],
    ]);
    const { run, out } = await runScan({ '低保花名册.xlsx': roll });
    expect(run.code, run.stderr).toBe(0);
    const summary = JSON.parse(await readFile(join(out, 'summary.json'), 'utf8'));
    expect(summary.datasets.roll).toMatchObject({ rows_read: 5, rows_used: 3, rows_rejected: 2 });
    const [header, ...findings] = parseCsvRecords(await readFile(join(out, 'findings.csv'), 'utf8'));
    const name = header!.indexOf('name');
    const check = header!.indexOf('check_id');
    expect(findings.map((f) => f[name])).not.toContain('2人');
    expect(findings.filter((f) => f[check] === 'data_quality.missing-field').map((f) => f[name])).toEqual(['王小计']);
  });
});
