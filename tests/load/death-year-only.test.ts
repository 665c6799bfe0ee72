// A 死亡日期 that gives only its year (2025, 2025年, 2025年度) is read as the year's last day where the year ended by
// P's end, and where the row gives no 火化日期 or 注销日期 (read as before). A year across P's end (2026 for 2026-10),
// a year after it (2027: no death of a recipient paid now, perhaps a typed 2017, R30), or any year in a load without a
// period, refuses the row as it did until 2026-12-07.
import { describe, expect, it } from 'vitest';
import { loadInputs } from '../../scanner/load/load-inputs.ts';
import { parsePeriod } from '../../scanner/period.ts';
import { loadDatabase } from '../support/load-database.ts';
import { rollCsv, validId } from '../support/small-township.ts';
import { tempFolderWith } from '../support/temp-folder.ts';

const { connection, rows } = loadDatabase();
const person = (n: number) => validId('371329', '19500101', String(100 + n).padStart(3, '0'));
const deathsCsv = (rowsOf: string[][]) => ['姓名,身份证号码,死亡日期,火化日期', ...rowsOf.map(([date, cremated], i) => `死${i},${person(i)},${date},${cremated ?? ''}`)].join('\n') + '\n';
const load = async (deaths: string, period?: string) => loadInputs(connection(), await tempFolderWith({ '低保花名册.csv': rollCsv(), '死亡人员名单.csv': deaths }),
  { period: period === undefined ? undefined : parsePeriod(period) });
const typed = () => rows(`SELECT _line, strftime(death_date, '%Y-%m-%d') AS death_date, death_date_from FROM deaths ORDER BY _line`);
const refusals = () => rows(`SELECT _line, reason FROM load_rejects WHERE dataset = 'deaths' ORDER BY _line`);

describe('a 死亡日期 of a year alone', () => {
  it('is read as its last day where the year ended by P\'s end; refused where it runs across or comes after', async () => {
    const result = await load(deathsCsv([['2025'], ['2025年'], ['2025年度'], ['2026'], ['2027年'], ['2026', '2026-08-10'], ['2026年9月']]), '2026-10');
    expect(result.datasets.deaths).toMatchObject({ rowsRead: 7, rowsUsed: 5, rowsRejected: 2 });
    expect(await typed()).toEqual([
      { _line: 2, death_date: '2025-12-31', death_date_from: '死亡年份' },
      { _line: 3, death_date: '2025-12-31', death_date_from: '死亡年份' },
      { _line: 4, death_date: '2025-12-31', death_date_from: '死亡年份' },
      // Its 火化日期 decides, as before: the year alone is no date beside it.
      { _line: 7, death_date: '2026-08-10', death_date_from: '火化日期' },
      { _line: 8, death_date: '2026-09-30', death_date_from: '死亡月份' },
    ]);
    // Whether he died by 2026-10-31 is unknown, and 2027 is no death of a recipient paid now: refused with the reason
    // each had, naming the cell.
    expect(await refusals()).toEqual([{ _line: 5, reason: '死亡日期无法识别：2026' }, { _line: 6, reason: '死亡日期无法识别：2027年' }]);
  });

  it('is read when P ends the year (2026 for 2026-12)', async () => {
    const result = await load(deathsCsv([['2026'], ['2027']]), '2026-12');
    expect(result.datasets.deaths).toMatchObject({ rowsRead: 2, rowsUsed: 1, rowsRejected: 1 });
    expect(await typed()).toEqual([{ _line: 2, death_date: '2026-12-31', death_date_from: '死亡年份' }]);
  });

  it('refuses its row in a load without a period, as before, even after a load with one on the connection', async () => {
    await load(deathsCsv([['2025']]), '2026-10');
    const result = await load(deathsCsv([['2025'], ['2025-03-01']]));
    expect(result.datasets.deaths).toMatchObject({ rowsRead: 2, rowsUsed: 1, rowsRejected: 1 });
    expect(await refusals()).toEqual([{ _line: 2, reason: '死亡日期无法识别：2025' }]);
  });
});
