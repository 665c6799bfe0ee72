// A village's or township's subtotal under its rows (东村小计, 店头镇合计, head count in the 姓名 column) is not a person.
// Until 2026-12-07 the roll read each as a person named 2人 (a data_quality.missing-field finding), took 店头镇合计 as a
// township with a ledger workbook of its own, and a 发放明细's 东村小计 was two data_quality.bad-row findings. Places and
// persons that merely hold such characters (合作村, 计家村, 小计庄, 计小合, 王小计) and any row with an ID stay data.
import { readdir, readFile, writeFile } from 'node:fs/promises';
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
const ROLL_HEADER = ['序号', '乡镇', '村', '家庭编号', '救助类别', '姓名', '身份证号码', '与户主关系', '月保障金', '状态'];

describe('place subtotals through the CLI', () => {
  it('a roll and a 发放明细 with a subtotal under each village: non-data rows, no finding, no workbook for 店头镇合计', async () => {
    const roll = await workbookOf('花名册', [
      ROLL_HEADER,
      [1, '店头镇', '东村', 'H001', '农村低保', '张大山', PEOPLE.zhang, '户主', 1200, '在保'],
      [2, '店头镇', '东村', 'H001', '农村低保', '李秀英', PEOPLE.li, '配偶', null, '在保'],
      ['', '', '东村小计', '', '', '2人', '', '', 1200, ''],
      [3, '店头镇', '西村', 'H003', '农村特困', '刘福', LIU, '户主', 800, '在保'],
      ['', '', '西村小计', '', '', '1人', '', '', 800, ''],
      ['', '店头镇合计', '', '', '', '3人', '', '', 2000, ''],
    ]);
    const payments = await workbookOf('发放表', [
      ['序号', '村(社区)', '家庭编号', '户主姓名', '发放月份', '发放金额'],
      [1, '东村', 'H001', '张大山', '2026年10月', 1200],
      [2, '西村', 'H003', '刘福', '2026年10月', 800],
      ['', '东村小计', '', '', '', 1200],
    ]);
    const { run, out } = await runScan({ '低保花名册.xlsx': roll, '低保发放明细.xlsx': payments });
    expect(run.code, run.stderr).toBe(0);
    const summary = JSON.parse(await readFile(join(out, 'summary.json'), 'utf8'));
    const [header, ...findings] = parseCsvRecords(await readFile(join(out, 'findings.csv'), 'utf8'));
    expect(summary.datasets.roll).toMatchObject({ rows_read: 6, rows_used: 3, rows_rejected: 3 });
    expect(summary.datasets.payments).toMatchObject({ rows_read: 3, rows_used: 2, rows_rejected: 1 });
    const checkId = header!.indexOf('check_id');
    expect(findings.map((f) => f[checkId]).filter((id) => id!.startsWith('data_quality'))).toEqual([]);
    expect(await readdir(join(out, 'ledger'))).not.toContain('店头镇合计.xlsx');
  });
});

interface Landed {
  readers: (string | undefined)[];
  roll: Record<string, unknown>[];
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
      roll: await rows('SELECT _line, village, name, id_number FROM roll ORDER BY _file, _line'),
      rejects: await rows('SELECT _file, _line, kind, reason FROM load_rejects ORDER BY ALL'),
    };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

// Lines 2–10 are people, some without an ID whose place or name holds 合, 计 or 小计; lines 11–15 are subtotals.
const CSV_ROWS = [
  ROLL_HEADER.join(','),
  `1,店头镇,东村,H001,农村低保,张大山,${PEOPLE.zhang},户主,1200,在保`, // line 2
  `2,店头镇,合作村,,农村低保,计小合,,户主,700,在保`, // line 3: a village 合作村, a person 计小合, no ID yet
  `3,店头镇,计家村,,农村低保,王小计,,户主,700,在保`, // line 4
  `4,店头镇,小计庄,,农村低保,赵六,,户主,700,在保`, // line 5: a village whose name opens with 小计
  `,,,,,王小计,,,,`, // line 6: a name opening the row, without a place's ending: a person without ID or household
  `5,店头镇,东村小计,,农村低保,钱七,,户主,700,在保`, // line 7: a person's name beside a subtotal's label: looked at, not dropped
  `6,店头镇,东村小计,H002,农村低保,孙八,${PEOPLE.wang},户主,700,在保`, // line 8: a real ID is never dropped
  `7,店头镇,东村,H003,农村低保,周九,${LIU},户主,700,在保`, // line 9
  `8,店头镇,东村,H003,农村低保,吴十,,配偶,,在保`, // line 10
  ',,东村小计,,,2人,,,1900,', // line 11
  '西山村委会小计：1户1人,,,,,,,,700,', // line 12: the first filled cell, a 序号 cell the label spans
  ',店头镇,一组小计,,,共3人,,,,', // line 13
  ',第三村民小组 合计,,,,,,,700,', // line 14: in the 乡镇 column, a space before the total word
  ',店头镇合计,,,,3人,,,2000,', // line 15
].join('\n') + '\n';

describe('place subtotals in a CSV roll: the same with DuckDB and the careful reader', () => {
  it('refuses the subtotals as non-data rows by line, and keeps every person', async () => {
    const automatic = await land({ '低保花名册.csv': CSV_ROWS });
    const careful = await land({ '低保花名册.csv': CSV_ROWS }, { csvReader: 'careful' });
    expect(automatic.readers).toEqual(['duckdb']);
    expect(careful.readers).toEqual(['careful']);
    for (const landed of [automatic, careful]) {
      expect(landed.roll.map((row) => row['_line'])).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10]);
      expect(landed.rejects).toEqual([11, 12, 13, 14, 15].map((line) => ({ _file: '低保花名册.csv', _line: line, kind: 'non-data', reason: NON_DATA_REASON })));
    }
  });
});
