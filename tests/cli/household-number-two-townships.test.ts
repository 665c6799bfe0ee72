// A roll of two counties numbering households per village: one man heads 001 in 临沭县店头镇东村 and 001 in 莒南县大店镇西村,
// each a household of one, each paying him 700. Read as one household (until 2026-12-07) he was a medium duplicate row to
// delete (evidence naming neither county) and a household-split, not the high duplicate.two-households; dead, he was one
// deceased finding in 临沭县 with both counties' 700 summed as one household's 1400, and 莒南县 never told to stop.
// Within one county a 户主 on both places' rows is still one family part of which moved, and so is one 退保 in one of two
// counties (he moved): R28 proved false amount-over-standard findings and refused payments when these were split
// (scanner/load/reused-household-numbers.ts).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsvRecords } from '../support/parse-csv.ts';
import { runScan } from '../support/scan-input.ts';
import { ROLL_HEADER, validId } from '../support/small-township.ts';

const SHUANG = validId('371329', '19700101', '711');
const WANG = validId('371329', '19720101', '722');
/** A family that moved: its head and his wife. */
const head = validId('371329', '19500302', '113');
const wife = validId('371329', '19520715', '224');

const COUNTY_ROLL_HEADER = '序号,区县,乡镇(街道),村(社区),区划代码,户编号,成员姓名,公民身份号码,关系,保障类别,保障金额,纳入时间,保障状态';
const roll = [
  COUNTY_ROLL_HEADER,
  `1,临沭县,店头镇,东村,,001,双甲,${SHUANG},户主,农村低保,700,2020-01-01,在保`,
  `2,莒南县,大店镇,西村,,001,双甲,${SHUANG},户主,农村低保,700,2020-01-01,在保`,
  `3,莒南县,大店镇,西村,,002,王乙,${WANG},户主,农村低保,700,2020-01-01,在保`,
].join('\n') + '\n';

/** Each village pays its own 001 (and 西村 its 002) 700 in September and October; the payments name the village only. */
const payments = '户编号,村(社区),所属期,发放金额（元）\n'
  + ['2026-09', '2026-10'].map((month) => `001,东村,${month},700\n001,西村,${month},700\n002,西村,${month},700\n`).join('');

const deaths = `姓名,公民身份号码,死亡日期,数据来源\n双甲,${SHUANG},2026-08-10,殡葬火化\n`;

const CONFIG = { standards: { default: { urban: 900, rural: 700 } }, checks: {} };

async function scan(files: Record<string, string>) {
  const { run, out } = await runScan(files, CONFIG, ['--as-of', '2026-12-07']);
  expect(run.code, run.stderr).toBe(0);
  const [header, ...rows] = parseCsvRecords(await readFile(join(out, 'findings.csv'), 'utf8'));
  const field = (row: string[], name: string) => row[header!.indexOf(name)]!;
  const summary = JSON.parse(await readFile(join(out, 'summary.json'), 'utf8'));
  return { rows, field, summary, byCheck: (id: string) => rows.filter((row) => field(row, 'check_id') === id) };
}

describe('a household number reused in two counties, one man 在保 as the head of both', () => {
  it('reads each township\'s 001 as a household of its own: he is on two households\' rolls (high, 15 days)', async () => {
    const { rows, field, byCheck } = await scan({ '花名册.csv': roll });
    expect(byCheck('data_quality.household-split')).toEqual([]);
    expect(byCheck('duplicate.same-household')).toEqual([]);
    const twice = byCheck('duplicate.two-households');
    expect(twice.map((row) => [field(row, 'county'), field(row, 'household_id'), field(row, 'severity'), field(row, 'deadline')]).sort()).toEqual([
      ['临沭县', '001（店头镇东村）', 'high', '2026-12-22'],
      ['莒南县', '001（大店镇西村）', 'high', '2026-12-22'],
    ]);
    // Each county's finding names the other's household, township and village.
    expect(field(twice.find((row) => field(row, 'county') === '临沭县')!, 'evidence')).toContain('大店镇西村 家庭编号 001（大店镇西村）');
    expect(rows.map((row) => field(row, 'check_id')).sort()).toEqual(['duplicate.two-households', 'duplicate.two-households']);
  });

  it('tells each county of his death, with its own 700 a month, and places each payment by its village', async () => {
    const { field, byCheck, summary } = await scan({ '花名册.csv': roll, '低保发放明细.csv': payments, '死亡人员.csv': deaths });
    expect(summary.datasets.payments).toMatchObject({ rows_read: 6, rows_used: 6, rows_rejected: 0 });
    const deceased = byCheck('deceased.recipient');
    expect(deceased.map((row) => [field(row, 'county'), field(row, 'household_id'), field(row, 'severity'), field(row, 'overpayment_yuan')]).sort()).toEqual([
      ['临沭县', '001（店头镇东村）', 'high', '1400.00'],
      ['莒南县', '001（大店镇西村）', 'high', '1400.00'],
    ]);
    for (const row of deceased) expect(field(row, 'evidence')).toContain('死亡次月起仍发放 2 个月（2026-09 至 2026-10），按每月实发金额 ÷ 在保 1 人估算多发 1400.00 元');
    expect(byCheck('data_quality.household-split')).toEqual([]);
  });

  it('tells two counties apart where their townships share a name (城关镇)', async () => {
    const sameTownship = roll.replace('临沭县,店头镇,东村', '临沭县,城关镇,东街').replace(/莒南县,大店镇,西村/g, '莒南县,城关镇,西街');
    const { field, byCheck } = await scan({ '花名册.csv': sameTownship });
    expect(byCheck('duplicate.two-households').map((row) => [field(row, 'county'), field(row, 'household_id')]).sort()).toEqual([
      ['临沭县', '001（东街）'], ['莒南县', '001（西街）'],
    ]);
  });

  // R28: a family that moved between townships of one county (a county-wide number), the wife's row not moved.
  it('keeps one household a family that moved between two townships of one county, his old row 退保', async () => {
    const moved = [
      COUNTY_ROLL_HEADER,
      `1,临沭县,店头镇,东村,,3713291100030077,张一,${head},户主,农村低保,1400,2020-01-01,退保`,
      `2,临沭县,店头镇,东村,,3713291100030077,张妻,${wife},配偶,农村低保,1400,2020-01-01,在保`,
      `3,临沭县,大店镇,西村,,3713291100030077,张一,${head},户主,农村低保,1400,2020-01-01,在保`,
    ].join('\n') + '\n';
    const { field, byCheck, rows } = await scan({ '花名册.csv': moved });
    expect(byCheck('duplicate.two-households')).toEqual([]);
    expect(byCheck('data_quality.amount-over-standard')).toEqual([]);
    expect(byCheck('data_quality.household-split').map((row) => field(row, 'household_id'))).toEqual(['3713291100030077', '3713291100030077']);
    expect(rows.every((row) => field(row, 'household_id') === '3713291100030077')).toBe(true);
  });

  it('keeps one household a county written two ways (临沭县, 临沭) on two townships\' lists (R30)', async () => {
    const oneCounty = roll.replace('莒南县,大店镇,西村,,001', '临沭,大店镇,西村,,001');
    const { byCheck } = await scan({ '花名册.csv': oneCounty });
    expect(byCheck('duplicate.two-households')).toEqual([]);
    expect(byCheck('data_quality.household-split').length).toBe(2);
  });

  it('keeps one household a number of two counties whose head is 退保 in one of them', async () => {
    const retired = roll.replace(`1,临沭县,店头镇,东村,,001,双甲,${SHUANG},户主,农村低保,700,2020-01-01,在保`, `1,临沭县,店头镇,东村,,001,双甲,${SHUANG},户主,农村低保,700,2020-01-01,退保`);
    const { byCheck } = await scan({ '花名册.csv': retired });
    expect(byCheck('duplicate.two-households')).toEqual([]);
  });

  // The rule within one county: one township's roll half updated after a family's move.
  it('keeps one household a family that moved inside one township, its 户主\'s row in both villages', async () => {
    const moved = [
      ROLL_HEADER,
      `张庄镇,南村,001,孙大山,${head},户主,农村低保,1400,在保`,
      `张庄镇,南村,001,周秀英,${wife},配偶,农村低保,1400,在保`,
      `张庄镇,北村,001,孙大山,${head},户主,农村低保,1400,在保`,
    ].join('\n') + '\n';
    const { field, byCheck } = await scan({ '低保花名册.csv': moved });
    expect(byCheck('duplicate.two-households')).toEqual([]);
    expect(byCheck('duplicate.same-household').map((row) => field(row, 'household_id'))).toEqual(['001', '001']);
    const split = byCheck('data_quality.household-split');
    expect(split.map((row) => [field(row, 'village'), field(row, 'household_id')]).sort()).toEqual([['北村', '001'], ['南村', '001']]);
    expect(field(split[0]!, 'evidence')).toContain('；按同一家庭核查');
  });
});
