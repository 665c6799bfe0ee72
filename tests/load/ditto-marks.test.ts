// 同上 / 〃 read as the value above: which cells are marks (the same in JavaScript and in DuckDB's SQL, as the two CSV
// readers must agree), and how a sheet's marks are resolved row by row.
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { datasetSpec } from '../../scanner/datasets/catalog.ts';
import { DittoFill, dittoMarkSql } from '../../scanner/load/ditto-fill.ts';
import { bytesMayHoldDittoMark, isDittoMark } from '../../scanner/read/ditto-marks.ts';
import { sqlString } from '../../scanner/sql-text.ts';

const CELLS: [string | null, boolean][] = [
  ['同上', true], [' 同上 ', true], ['同 上', true], ['\u3000同上\u3000', true], ['同上\u200b', true], ['\t〃', true],
  ['〃', true], ['″', true],
  ['同上户', false], ['不同上', false], ['〃〃', true], ['同', false], ['', false], [null, false], ['同心村', false],
  ['备注：同上，待核实后补录', false], [`${' '.repeat(20)}同上`, false], ['3713291100030002', false],
];

describe('which cells are ditto marks', () => {
  it('JavaScript and SQL take the same cells', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    try {
      const values = CELLS.map(([cell]) => `(${cell === null ? 'NULL' : sqlString(cell)})`).join(', ');
      const rows = (await connection.runAndReadAll(`SELECT ${dittoMarkSql('c')} FROM (VALUES ${values}) t(c)`)).getRows();
      expect(rows.map(([sql]) => sql)).toEqual(CELLS.map(([, mark]) => mark));
      expect(CELLS.map(([cell]) => isDittoMark(cell))).toEqual(CELLS.map(([, mark]) => mark));
      // The search over a file's bytes passes every file with a mark (and may pass others, which SQL then tests).
      for (const [cell, mark] of CELLS) if (mark) expect(bytesMayHoldDittoMark(Buffer.from(`张庄镇,${cell},700\n`)), cell!).toBe(true);
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });
});

describe('the search over a file\'s bytes', () => {
  it('passes no file without a mark: 同 in a place or a name, 上 elsewhere', () => {
    expect(bytesMayHoldDittoMark(Buffer.from('乡镇,村,姓名\n上庄镇,同心村,王同\n上庄镇,上村,同 学\n'))).toBe(false);
    expect(bytesMayHoldDittoMark(Buffer.from('上庄镇,同心村,王同,同　上\n'))).toBe(true);
  });
});

describe('DittoFill', () => {
  const roll = datasetSpec('roll');
  // The sheet's columns: 家庭编号, 姓名, 身份证号码, 救助类别, 月保障金 (cells 0–4); the roll's others absent.
  const layout = ['household_id', 'name', 'id_number', 'program', 'monthly_amount'];
  const fill = () => new DittoFill(roll, roll.columns.map((c) => layout.indexOf(c.name)));
  const read = (ditto: DittoFill, cells: (string | null)[], line: number) => {
    const values = ditto.resolve(cells, line);
    return layout.map((name) => values[roll.columns.findIndex((c) => c.name === name)]);
  };

  it('reads a mark as the value above, through a chain of marks; an ID or name that says 同上 stays as written', () => {
    const ditto = fill();
    expect(read(ditto, ['H001', '张大山', '370481195803021130', '农村低保', '1400'], 3)).toEqual(['H001', '张大山', '370481195803021130', '农村低保', '1400']);
    expect(read(ditto, ['同上', '李秀英', '370481196207152241', '〃', '同上'], 4)).toEqual(['H001', '李秀英', '370481196207152241', '农村低保', '1400']);
    expect(read(ditto, ['〃', '同上', '同上', ' 同上 ', '〃'], 5)).toEqual(['H001', '同上', '同上', '农村低保', '1400']);
    expect(ditto.report()).toEqual([
      { column: 'household_id', filled: 2, unresolved: 0 },
      { column: 'program', filled: 2, unresolved: 0 },
      { column: 'monthly_amount', filled: 2, unresolved: 0 },
    ]);
  });

  it('does not take a value from a row without an ID or 家庭编号 (a 合计 line): the mark below it takes the person row above', () => {
    const ditto = fill();
    read(ditto, ['H001', '张大山', '370481195803021130', '农村低保', '1400'], 3);
    expect(read(ditto, [null, '合计', null, null, '99999'], 4)).toEqual([null, '合计', null, null, '99999']);
    expect(read(ditto, ['同上', '李秀英', '370481196207152241', '同上', '同上'], 5)).toEqual(['H001', '李秀英', '370481196207152241', '农村低保', '1400']);
  });

  it('reads no mark in a department\'s list, which its system writes in full: there 同上 stays as written', () => {
    const deaths = datasetSpec('deaths');
    const ditto = new DittoFill(deaths, deaths.columns.map((_, i) => i));
    ditto.resolve(deaths.columns.map(() => '2026-01-01'), 2);
    expect(ditto.resolve(deaths.columns.map(() => '同上'), 3)).toEqual(deaths.columns.map(() => '同上'));
    expect(ditto.report()).toEqual([]);
  });

  it('reads a mark with nothing above it (the first row, or an empty cell above) as empty, and says where', () => {
    const ditto = fill();
    expect(read(ditto, ['同上', '张大山', '370481195803021130', '农村低保', null], 3)).toEqual([null, '张大山', '370481195803021130', '农村低保', null]);
    expect(read(ditto, ['H002', '王小明', '370481199001013356', '同上', '同上'], 4)).toEqual(['H002', '王小明', '370481199001013356', '农村低保', null]);
    expect(ditto.report()).toEqual([
      { column: 'household_id', filled: 0, unresolved: 1, firstUnresolvedLine: 3 },
      { column: 'program', filled: 1, unresolved: 0 },
      { column: 'monthly_amount', filled: 0, unresolved: 1, firstUnresolvedLine: 4 },
    ]);
  });
});
