// checks.md: a check's `remedy` is the default 整改措施 text, as `deadlineDays` is the default 整改时限. The workbooks
// left 整改措施 empty for every new finding (until 2026-12-05): staff had to type the measure the check already names.
// A new finding now starts with it, or with the county's own wording from config; staff replace it like any edit.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findCheck } from '../../scanner/engine/registry.ts';
import { dataRows, readWorkbook } from '../support/ledger-fixture.ts';
import { readLedgerRows } from '../support/read-ledger.ts';
import { runCli } from '../support/run-cli.ts';
import { runScan } from '../support/scan-input.ts';
import { PEOPLE, rollCsv } from '../support/small-township.ts';

const DEATHS = ['姓名,身份证号码,死亡日期', `张大山,${PEOPLE.zhang},2026-07-15`].join('\n') + '\n';
const PAYROLL = ['姓名,身份证号码,单位', `王小明,${PEOPLE.wang},张庄镇人民政府`].join('\n') + '\n';
const COUNTY_WORDING = '村委会入户核实，报镇民政办停发';

describe('整改措施 of a new finding', () => {
  it('starts as the check\'s remedy, or the county\'s wording set in config, in the ledger and the workbook', async () => {
    const config = { checks: { 'over_asset.payroll': { remedy: COUNTY_WORDING } } };
    const { run, out } = await runScan({ '低保花名册.csv': rollCsv(), '死亡人员.csv': DEATHS, '财政供养人员.csv': PAYROLL }, config);
    expect(run.code, run.stderr).toBe(0);

    const ledger = join(out, '..', 'l.duckdb');
    const rows = await readLedgerRows(ledger, `SELECT check_id, remedy FROM findings WHERE check_id IN ('deceased.recipient', 'over_asset.payroll') ORDER BY check_id`);
    expect(rows).toEqual([
      { check_id: 'deceased.recipient', remedy: findCheck('deceased.recipient')!.remedy },
      { check_id: 'over_asset.payroll', remedy: COUNTY_WORDING },
    ]);
    expect(findCheck('deceased.recipient')!.remedy).toBe('停发并核减保障人口，追回多发资金');

    const workbook = await readWorkbook(join(out, 'ledger', '张庄镇.xlsx'));
    const remedyByCheck = new Map(workbook.worksheets.filter((sheet) => ['东村', '西村'].includes(sheet.name))
      .flatMap((sheet) => dataRows(sheet).map(({ values }) => [String(values['检查项']), values['整改措施']] as const)));
    expect(remedyByCheck.get(findCheck('deceased.recipient')!.title)).toBe('停发并核减保障人口，追回多发资金');
    expect(remedyByCheck.get(findCheck('over_asset.payroll')!.title)).toBe(COUNTY_WORDING);
  });

  it('is named by checks show, with the config key that words it otherwise', async () => {
    const run = await runCli(['checks', 'show', 'deceased.recipient']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('整改措施（新发现问题的默认值，可在配置 checks.deceased.recipient.remedy 中修改）：停发并核减保障人口，追回多发资金');
  });

  it('refuses an empty wording in config, naming the key', async () => {
    const { run } = await runScan({ '低保花名册.csv': rollCsv() }, { checks: { 'over_asset.payroll': { remedy: '  ' } } });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('checks.over_asset.payroll.remedy');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
