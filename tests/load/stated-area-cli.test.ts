// End to end through the real CLI: a 农村低保花名册 whose 救助类别 says only 低保 is checked against the 农村 standard
// (not a program-unknown finding per person), and month after month its findings close as on any other roll.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ledgerMonths } from '../support/ledger-months.ts';
import { readLedgerRows } from '../support/read-ledger.ts';
import { scanInput } from '../support/scan-input.ts';
import { PEOPLE, ROLL_HEADER } from '../support/small-township.ts';
import { tempFolder } from '../support/temp-folder.ts';

const STANDARDS = { standards: { default: { urban: 900, rural: 700 } } };
const rollOf = (rows: string[]) => [ROLL_HEADER, ...rows].join('\n') + '\n';
const ROWS = [
  `张庄镇,东村,H001,张大山,${PEOPLE.zhang},户主,低保,1400,在保`,
  `张庄镇,东村,H001,李秀英,${PEOPLE.li},配偶,低保,1400,在保`,
  // One person, 1000 元 against the 农村 standard of 700.
  `张庄镇,西村,H002,王小明,${PEOPLE.wang},户主,低保,1000,在保`,
];

describe('a roll named 农村低保花名册 whose 救助类别 says only 低保 (CLI)', () => {
  it('is read as 农村低保: the amount above the 农村 standard is found, no program-unknown, and a warning says why', async () => {
    const { findings, summary } = await scanInput({ '张庄镇农村低保花名册.csv': rollOf(ROWS) }, STANDARDS);
    expect(findings.filter((f) => f('check_id') === 'data_quality.program-unknown')).toEqual([]);
    const overStandard = findings.filter((f) => f('check_id') === 'data_quality.amount-over-standard');
    expect(overStandard.map((f) => [f('household_id'), f('evidence')])).toEqual([
      ['H002', expect.stringContaining('超过农村低保上限')],
    ]);
    expect(summary.warnings).toContainEqual({
      file: '张庄镇农村低保花名册.csv',
      message: '救助类别只写「低保」、未写城市或农村的 3 行按文件名「张庄镇农村低保花名册.csv」读作农村低保；如有不是的，请在救助类别中写明城市低保或农村低保',
    });
  });

  it('stays program-unknown where nothing states the area', async () => {
    const { findings } = await scanInput({ '张庄镇低保花名册.csv': rollOf(ROWS) }, STANDARDS);
    expect(findings.filter((f) => f('check_id') === 'data_quality.program-unknown')).toHaveLength(3);
    expect(findings.filter((f) => f('check_id') === 'data_quality.amount-over-standard')).toEqual([]);
  });

  it('closes next month a duplicate no longer on the roll (自动销号), the roll\'s parts compared with the area it states', async () => {
    const root = await tempFolder();
    const months = ledgerMonths(root, 'area');
    const monthFolder = async (name: string, rows: string[]) => {
      const folder = join(root, name);
      await mkdir(folder);
      await writeFile(join(folder, '张庄镇农村低保花名册.csv'), rollOf(rows));
      return folder;
    };
    // September: 王小明 in a second household of 东村 too.
    const september = await months.scan(await monthFolder('2026-09', [...ROWS, `张庄镇,东村,H003,王小明,${PEOPLE.wang},户主,低保,700,在保`]), '2026-09', '2026-10-05');
    const duplicate = september.find((f) => f['check_id'] === 'duplicate.two-households');
    expect(duplicate).toBeDefined();
    await months.scan(await monthFolder('2026-10', ROWS), '2026-10', '2026-11-05');
    const [finding] = await readLedgerRows(months.ledger, `SELECT status FROM findings WHERE finding_id = '${duplicate!['finding_id']}'`);
    expect(finding).toEqual({ status: '自动销号' });
  });
});
