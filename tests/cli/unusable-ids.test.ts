// A list whose IDs were masked before it was sent (370481********123X), as 公示 copies and many departments' exports
// are, or saved as numbers by a spreadsheet, can be compared with nothing. Read row by row it was one data-quality
// finding per row with a 整改 deadline each, and not one death found: the file is refused (exit 2), or skipped and
// listed with --skip-bad-files.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { looksLikeStackTrace, runCli } from '../support/run-cli.ts';
import { runScan, scanInput, workbookOf } from '../support/scan-input.ts';
import { PEOPLE, rollCsv } from '../support/small-township.ts';
import { tempFolder } from '../support/temp-folder.ts';

const mask = (id: string) => `${id.slice(0, 6)}********${id.slice(14)}`;
const MASKED_DEATHS = [
  '姓名,公民身份号码,死亡日期',
  `张大山,${mask(PEOPLE.zhang)},2026-07-15`,
  `李秀英,${mask(PEOPLE.li)},2026-03-02`,
  `王小明,${PEOPLE.wang},2026-05-20`,
].join('\n') + '\n';

describe('ID numbers masked before the list was sent', () => {
  it('refuses a list most of whose IDs are masked, naming the file, the column and an example (exit 2)', async () => {
    const { run } = await runScan({ '低保花名册.csv': rollCsv(), '死亡人员名单.csv': MASKED_DEATHS });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`死亡人员名单.csv 列「身份证号码」: 身份证号码已脱敏（2 行，如第 2 行「${mask(PEOPLE.zhang)}」），无法与其他名单比对`);
    expect(run.stderr).toContain('请向提供部门索取未脱敏的名单');
    expect(looksLikeStackTrace(run.stderr)).toBe(false);
  });

  it('with --skip-bad-files, skips and lists it: none of its rows is used or reported', async () => {
    const folder = await tempFolder();
    const input = join(folder, 'input');
    await mkdir(input);
    await writeFile(join(input, '低保花名册.csv'), rollCsv());
    await writeFile(join(input, '死亡人员名单.csv'), MASKED_DEATHS);
    const out = join(folder, 'out');
    const run = await runCli(['scan', '--input', input, '--period', '2026-10', '--ledger', join(folder, 'l.duckdb'), '--out', out, '--quiet', '--skip-bad-files']);
    expect(run.code, run.stderr).toBe(0);
    const summary = JSON.parse(await readFile(join(out, 'summary.json'), 'utf8'));
    expect(summary.files_skipped).toEqual([
      { file: '死亡人员名单.csv', reason: expect.stringContaining('身份证号码已脱敏（2 行') },
    ]);
    expect(summary.datasets.deaths).toMatchObject({ files: [], rows_read: 0, rows_used: 0, rows_rejected: 0 });
    expect(await readFile(join(out, 'findings.csv'), 'utf8')).not.toContain('死亡人员名单.csv');
  });

  it('reports a few masked IDs in a list that is otherwise whole, each as masked (data_quality.id-invalid)', async () => {
    const { findings } = await scanInput({
      '低保花名册.csv': rollCsv(),
      '死亡人员名单.csv': `姓名,公民身份号码,死亡日期\n张大山,${PEOPLE.zhang},2026-07-15\n李秀英,${mask(PEOPLE.li)},2026-03-02\n王小明,${PEOPLE.wang},2026-11-20\n`,
    });
    expect(findings.map((f) => [f('check_id'), f('name')])).toEqual([['deceased.recipient', '张大山'], ['data_quality.id-invalid', '']]);
    expect(findings[1]!('evidence')).toContain('已脱敏（含*号），无法比对');
  });
});

// A 公安 list opened in Excel or WPS and saved again: every ID that does not end in X became a number and kept 15 digits.
// The scan went on (exit 0) with one id-invalid finding per row and not one death found in the list.
describe('ID numbers saved as numbers by a spreadsheet', () => {
  const asNumber = (id: string) => Number(id);
  it('refuses a workbook most of whose IDs are number cells, naming the file, sheet and column (exit 2)', async () => {
    const deaths = await workbookOf('死亡人员', [
      ['姓名', '公民身份号码', '死亡日期'],
      ['张大山', asNumber(PEOPLE.zhang), '2026-07-15'],
      ['李秀英', asNumber(PEOPLE.li), '2026-03-02'],
      ['王小明', PEOPLE.wang, '2026-05-20'],
    ]);
    const { run } = await runScan({ '低保花名册.csv': rollCsv(), '死亡人员名单.xlsx': deaths });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/死亡人员名单\.xlsx 工作表「死亡人员」 列「身份证号码」: 身份证号码被存成了数字，末几位已丢失（2 行，如第 2 行「3\.7048\*+e\+17」），无法与其他名单比对/);
    expect(run.stderr).toContain('先把身份证号码列设为「文本」');
    expect(looksLikeStackTrace(run.stderr)).toBe(false);
  });

  it('refuses a CSV saved with Excel\'s display of them (3.70481E+17) the same way', async () => {
    const { run } = await runScan({
      '低保花名册.csv': rollCsv(),
      '死亡人员名单.csv': `姓名,公民身份号码,死亡日期\n张大山,3.70481E+17,2026-07-15\n李秀英,3.70481E+17,2026-03-02\n王小明,${PEOPLE.wang},2026-05-20\n`,
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('死亡人员名单.csv 列「身份证号码」: 身份证号码被存成了数字，末几位已丢失（2 行，如第 2 行「3.70481E+17」）');
  });

  it('refuses a 发放明细 most of whose 家庭编号 were saved as numbers (3.71329E+15): its payments name no household', async () => {
    const { run } = await runScan({
      '低保花名册.csv': rollCsv(),
      '低保发放明细.csv': '家庭编号,发放月份,发放金额\n3.71329E+15,2026-10,1400\n3.71329E+15,2026-10,700\nH001,2026-09,1400\n',
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('低保发放明细.csv 列「家庭编号」: 家庭编号被存成了数字，末几位已丢失（2 行，如第 2 行「3.71329E+15」），无法对应家庭');
    expect(run.stderr).toContain('16 位以上的家庭编号被当成数字');
  });

  it('reports a few such IDs in a list that is otherwise whole, each as data_quality.id-invalid', async () => {
    const { findings } = await scanInput({
      '低保花名册.csv': rollCsv(),
      '死亡人员名单.csv': `姓名,公民身份号码,死亡日期\n张大山,${PEOPLE.zhang},2026-07-15\n李秀英,3.70481E+17,2026-03-02\n王小明,${PEOPLE.wang},2026-11-20\n`,
    });
    expect(findings.map((f) => [f('check_id'), f('name')])).toEqual([['deceased.recipient', '张大山'], ['data_quality.id-invalid', '']]);
    expect(findings[1]!('evidence')).toContain('Excel科学计数法，末位已丢失');
  });
});
