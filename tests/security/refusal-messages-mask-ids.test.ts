// A file refused whole is named with an example of what was wrong, on stderr, or with --skip-bad-files in
// summary.json's files_skipped and the printed 跳过文件 line: under the README's cron example all of it goes to a log
// file. An ID quoted as that example is masked like any ID in a human-facing output.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScan } from '../support/scan-input.ts';
import { PEOPLE, rollCsv, validId } from '../support/small-township.ts';

/** The console and summary.json of a scan refusing the file, and of one skipping it. */
async function refusedAndSkipped(files: Record<string, string>) {
  const refused = await runScan(files);
  const skipped = await runScan(files, undefined, ['--skip-bad-files']);
  expect(skipped.run.code, skipped.run.stderr).toBe(0);
  const summary = JSON.parse(await readFile(join(skipped.out, 'summary.json'), 'utf8'));
  return { refused: refused.run, skipped: skipped.run, filesSkipped: JSON.stringify(summary.files_skipped) };
}

describe('a refused file\'s example', () => {
  it('a bank list whose payees are not on the roll names one masked, not whole', async () => {
    const stranger = (n: number) => validId('371329', `1955071${n}`, '020');
    const bank = `收款人身份证号码,发放月份,发放金额\n${PEOPLE.zhang},2026-10,1400\n${[1, 2, 3].map((n) => `${stranger(n)},2026-10,900`).join('\n')}\n`;
    const { refused, skipped, filesSkipped } = await refusedAndSkipped({ '低保花名册.csv': rollCsv(), '全县低保金代发明细.csv': bank });
    const masked = `371329********${stranger(1).slice(14)}`;
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`的收款人身份证号码在花名册中找不到（如「${masked}」）`);
    expect(filesSkipped).toContain(`（如「${masked}」）`);
    expect(skipped.stdout).toContain(`跳过文件 全县低保金代发明细.csv`);
    for (const shown of [refused.stderr, refused.stdout, skipped.stdout, skipped.stderr, filesSkipped]) expect(shown).not.toContain(stranger(1));
  });

  it('a list that hides one digit of each ID is named with the rest masked', async () => {
    const hideLast = (id: string) => `${id.slice(0, 17)}*`;
    const deaths = `姓名,公民身份号码,死亡日期\n张大山,${hideLast(PEOPLE.zhang)},2026-07-15\n李秀英,${hideLast(PEOPLE.li)},2026-03-02\n`;
    const { refused, filesSkipped } = await refusedAndSkipped({ '低保花名册.csv': rollCsv(), '死亡人员名单.csv': deaths });
    const masked = `370481********${PEOPLE.zhang.slice(14, 17)}*`;
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`身份证号码已脱敏（2 行，如第 2 行「${masked}」）`);
    expect(filesSkipped).toContain(`如第 2 行「${masked}」`);
    for (const shown of [refused.stderr, filesSkipped]) expect(shown).not.toContain(hideLast(PEOPLE.zhang));
  });

  it('a list sent without its header names the cells it found, an ID among them masked', async () => {
    const deaths = `张大山,${PEOPLE.zhang},2026-07-15\n李秀英,${PEOPLE.li},2026-03-02\n`;
    const { refused, skipped, filesSkipped } = await refusedAndSkipped({ '低保花名册.csv': rollCsv(), '死亡人员名单.csv': deaths });
    const found = `找到的列：「张大山」、「370481********${PEOPLE.zhang.slice(14)}」、「2026-07-15」`;
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(found);
    expect(filesSkipped).toContain(found);
    expect(skipped.stdout).toContain(found);
    for (const shown of [refused.stderr, skipped.stdout, filesSkipped]) expect(shown).not.toContain(PEOPLE.zhang);
  });
});
