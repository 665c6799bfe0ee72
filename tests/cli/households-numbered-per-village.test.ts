// A township roll that numbers its households per village (南村 001, 北村 001). Read as one household, the two families'
// homes were summed (a false 住宅 2 套), their amounts compared (a false amount-inconsistent), a person on both rolls was
// one household's duplicate row (medium, not the high two-households), and a death's overpayment took the other
// family's payments. Each village's 001 with its own 户主 is now a household of its own, 001（南村）.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsvRecords } from '../support/parse-csv.ts';
import { readLedgerRows } from '../support/read-ledger.ts';
import { looksLikeStackTrace } from '../support/run-cli.ts';
import { runScan, workbookOf } from '../support/scan-input.ts';
import { ROLL_HEADER, validId } from '../support/small-township.ts';

const SOUTH_HEAD = validId('370481', '19500302', '113');
const SOUTH_WIFE = validId('370481', '19520715', '224');
const NORTH_HEAD = validId('370481', '19600101', '335');
const NORTH_WIFE = validId('370481', '19620202', '446');
/** On both villages' rolls, as a son of each household. */
const TWICE = validId('370481', '19900505', '557');

const roll = [
  ROLL_HEADER,
  `张庄镇,南村,001,孙大山,${SOUTH_HEAD},户主,农村低保,1400,在保`,
  `张庄镇,南村,001,周秀英,${SOUTH_WIFE},配偶,农村低保,1400,在保`,
  `张庄镇,南村,001,孙小虎,${TWICE},子,农村低保,1400,在保`,
  `张庄镇,北村,001,钱二牛,${NORTH_HEAD},户主,农村低保,900,在保`,
  `张庄镇,北村,001,吴桂兰,${NORTH_WIFE},配偶,农村低保,900,在保`,
  `张庄镇,北村,001,孙小虎,${TWICE},子,农村低保,900,在保`,
].join('\n') + '\n';

/** Each family owns one home: within the limit of one. */
const homes = [
  '权利人,权利人证件号码,坐落,规划用途,建筑面积(㎡),登记日期',
  `孙大山,${SOUTH_HEAD},张庄镇南村12号,住宅,96,2015-03-01`,
  `钱二牛,${NORTH_HEAD},张庄镇北村8号,住宅,88,2016-05-01`,
].join('\n') + '\n';

/** 孙大山 (南村 001) died in July. */
const deaths = `身份证号码,姓名,死亡日期\n${SOUTH_HEAD},孙大山,2026-07-15\n`;

/** Each month pays 南村 001 1400 and 北村 001 900; one row names no village, one a village with no 001 (a workbook: the CSV below is read otherwise). */
const payments = () => workbookOf('发放明细', [
  ['户编号', '村(社区)', '发放月份', '发放金额'],
  ['001', '南村', '2026-08', 1400],
  ['001', '北村', '2026-08', 900],
  ['001', '南村', '2026-09', 1400],
  ['001', '北村', '2026-09', 900],
  ['001', null, '2026-10', 1400],
  ['001', '东村', '2026-10', 900],
]);

/** The payments the scan refused, from its ledger (runScan writes it beside the outputs). */
const rejects = (out: string) =>
  readLedgerRows(join(out, '..', 'l.duckdb'), "SELECT line, column_name, reason FROM rejects WHERE dataset = 'payments' ORDER BY line");

describe('households numbered per village', () => {
  it('checks each village\'s 001 as a household of its own and places each payment by its village', async () => {
    const { run, out } = await runScan({ '低保花名册.csv': roll, '不动产登记信息.csv': homes, '死亡人员.csv': deaths, '低保发放明细.xlsx': await payments() });
    expect(run.code, run.stderr).toBe(0);
    const [header, ...rows] = parseCsvRecords(await readFile(join(out, 'findings.csv'), 'utf8'));
    const field = (row: string[], name: string) => row[header!.indexOf(name)]!;
    const byCheck = (id: string) => rows.filter((row) => field(row, 'check_id') === id);

    // One home each: no 住宅 2 套; 1400 and 900 are two families' amounts, not one household's disagreement.
    expect(byCheck('over_asset.property')).toEqual([]);
    expect(byCheck('data_quality.amount-inconsistent')).toEqual([]);
    // 孙小虎 is on two households' rolls: the high finding, not one household's repeated row.
    expect(byCheck('duplicate.same-household')).toEqual([]);
    expect(byCheck('duplicate.two-households').map((row) => field(row, 'household_id')).sort()).toEqual(['001（北村）', '001（南村）']);
    // 南村 001's August and September (1400 ÷ 3 members, 466.67 each month), not 北村's 900.
    const deceased = byCheck('deceased.recipient');
    expect(deceased.map((row) => [field(row, 'household_id'), field(row, 'overpayment_yuan')])).toEqual([['001（南村）', '933.34']]);
    expect(field(deceased[0]!, 'evidence')).toContain('死亡次月起仍发放 2 个月（2026-08 至 2026-09）');
    // A roll numbered per village is named once, in the summary, not as an item in every village's ledger.
    expect(byCheck('data_quality.household-split')).toEqual([]);

    expect(await rejects(out)).toEqual([
      { line: 6, column_name: '家庭编号', reason: '家庭编号 001 在花名册中是不同村的 2 户（001（北村）、001（南村）），本行没有写村（社区），无法确定发给哪一户' },
      { line: 7, column_name: '家庭编号', reason: '家庭编号 001 在花名册中是不同村的 2 户（001（北村）、001（南村）），本行的村（社区）「东村」不是其中任何一户的，无法确定发给哪一户' },
    ]);
    const summary = JSON.parse(await readFile(join(out, 'summary.json'), 'utf8'));
    expect(summary.datasets.payments).toMatchObject({ rows_read: 6, rows_used: 4, rows_rejected: 2 });
    expect(summary.warnings).toContainEqual({
      file: '低保花名册.csv',
      message: '有 1 个家庭编号在不同村各有户主，按各村各自编号读取（如「001」记作「001（北村）」「001（南村）」），各村的这些行按不同家庭分别核查；'
        + '发放明细中这些编号的发放须写明村（社区），否则无法确定是哪一户的，不予使用',
    });
  });

  it('keeps a family one household when only one village has its 户主 (a member moved, his row alone updated)', async () => {
    const moved = [
      ROLL_HEADER,
      `张庄镇,南村,001,孙大山,${SOUTH_HEAD},户主,农村低保,1400,在保`,
      `张庄镇,南村,001,周秀英,${SOUTH_WIFE},配偶,农村低保,1400,在保`,
      `张庄镇,北村,001,孙小虎,${TWICE},子,农村低保,1400,在保`,
    ].join('\n') + '\n';
    const twoHomes = `${homes.split('\n')[0]}\n孙大山,${SOUTH_HEAD},张庄镇南村12号,住宅,96,2015-03-01\n孙小虎,${TWICE},张庄镇北村3号,住宅,70,2020-05-01\n`;
    const { run, out } = await runScan({ '低保花名册.csv': moved, '不动产登记信息.csv': twoHomes, '低保发放明细.csv': '户编号,发放月份,发放金额\n001,2026-10,1400\n' });
    expect(run.code, run.stderr).toBe(0);
    const [header, ...rows] = parseCsvRecords(await readFile(join(out, 'findings.csv'), 'utf8'));
    const field = (row: string[], name: string) => row[header!.indexOf(name)]!;
    // The family's two homes are still summed, and its payment (no village) is still its own.
    expect(rows.filter((row) => field(row, 'check_id') === 'over_asset.property').map((row) => field(row, 'household_id'))).toEqual(['001']);
    expect(await rejects(out)).toEqual([]);
    const split = rows.filter((row) => field(row, 'check_id') === 'data_quality.household-split');
    expect(split.map((row) => field(row, 'household_id'))).toEqual(['001', '001']);
    expect(field(split[0]!, 'evidence')).toContain('；按同一家庭核查');
  });
  it('places a bank\'s payment by its payee\'s roll row, and a payment by 乡镇 and 村 where two townships share the village name', async () => {
    const twoTownships = [
      ROLL_HEADER,
      `张庄镇,南村,001,孙大山,${SOUTH_HEAD},户主,农村低保,1400,在保`,
      `张庄镇,南村,001,周秀英,${SOUTH_WIFE},配偶,农村低保,1400,在保`,
      `李集乡,南村,001,钱二牛,${NORTH_HEAD},户主,农村低保,900,在保`,
    ].join('\n') + '\n';
    const bank = await workbookOf('代发明细', [
      ['收款人姓名', '收款人身份证号码', '发放月份', '发放金额'],
      ['孙大山', SOUTH_HEAD, '2026-08', '1400'],
      ['钱二牛', NORTH_HEAD, '2026-08', '900'],
    ]);
    const townshipPayments = '户编号,乡镇,村,发放月份,发放金额\n001,张庄镇,南村,2026-09,1400\n001,李集乡,南村,2026-09,900\n001,,南村,2026-10,1400\n';
    const { run, out } = await runScan({ '低保花名册.csv': twoTownships, '死亡人员.csv': deaths, '低保金代发明细.xlsx': bank, '低保发放明细.csv': townshipPayments });
    expect(run.code, run.stderr).toBe(0);
    const [header, ...rows] = parseCsvRecords(await readFile(join(out, 'findings.csv'), 'utf8'));
    const field = (row: string[], name: string) => row[header!.indexOf(name)]!;
    const deceased = rows.filter((row) => field(row, 'check_id') === 'deceased.recipient');
    // August from the bank (by payee), September by 乡镇 and 村: 1400 ÷ 2 members each month.
    expect(deceased.map((row) => [field(row, 'household_id'), field(row, 'overpayment_yuan')])).toEqual([['001（张庄镇南村）', '1400.00']]);
    expect(await rejects(out)).toEqual([{
      line: 4, column_name: '家庭编号',
      reason: '家庭编号 001 在花名册中是不同村的 2 户（001（张庄镇南村）、001（李集乡南村）），本行的村（社区）「南村」有其中 2 户，请写明乡镇，无法确定发给哪一户',
    }]);
  });
  // Each of its payments refused and reported would be a data-quality finding per row, for a column the list lacks.
  it('refuses whole (exit 2) a 发放明细 without a 村 column beside such a roll, or skips and lists it', async () => {
    const noVillage = '户编号,发放月份,发放金额\n001,2026-09,1400\n001,2026-09,900\n002,2026-09,500\n';
    const files = { '低保花名册.csv': roll, '低保发放明细.csv': noVillage };
    const { run } = await runScan(files);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('低保发放明细.csv 列「家庭编号」: 2 行（共 3 行）的家庭编号在花名册中是不同村的多户（花名册各村各自编号，如「001」），本表没有写村（社区），无法确定发给哪一户');
    expect(run.stderr).toContain('请在发放明细中加上「村(社区)」列');
    expect(looksLikeStackTrace(run.stderr)).toBe(false);

    const skipped = await runScan(files, undefined, ['--skip-bad-files']);
    expect(skipped.run.code, skipped.run.stderr).toBe(0);
    const summary = JSON.parse(await readFile(join(skipped.out, 'summary.json'), 'utf8'));
    expect(summary.files_skipped).toEqual([{ file: '低保发放明细.csv', reason: expect.stringContaining('2 行（共 3 行）') }]);
    expect(summary.datasets.payments).toMatchObject({ rows_read: 0, rows_rejected: 0 });
  });
});
