// A run of digit groups that holds more than one ID (two co-owners' IDs in one 权利人证件号码 cell, keyed in groups) had
// only its first ID masked until 2026-12-06: the second was printed whole in ledger show, the workbooks and the report.
// So were a 15-digit ID, or a run of digits that would be masked standing alone, after an amount in the same run.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { idsInText, maskIdNumber, maskIdsInText } from '../../scanner/mask-id.ts';
import { parseCsv } from '../support/parse-csv.ts';
import { runCli } from '../support/run-cli.ts';
import { rollCsv, validId } from '../support/small-township.ts';
import { tempFolder } from '../support/temp-folder.ts';

const FIRST = validId('371329', '19500303', '003');
const SECOND = validId('371329', '19600404', '004');
const SHORT = '371329500303003';
const [MASKED_FIRST, MASKED_SECOND, MASKED_SHORT] = [FIRST, SECOND, SHORT].map(maskIdNumber);
const sixFourFourFour = (id: string) => `${id.slice(0, 6)} ${id.slice(6, 10)} ${id.slice(10, 14)} ${id.slice(14)}`;
const fourFourFourFourTwo = (id: string) => `${id.slice(0, 4)} ${id.slice(4, 8)} ${id.slice(8, 12)} ${id.slice(12, 16)} ${id.slice(16)}`;
const sixEightFour = (id: string, separator: string) => [id.slice(0, 6), id.slice(6, 14), id.slice(14)].join(separator);
/** Two co-owners' IDs in one cell, as the reviewer found it. */
const CO_OWNERS_CELL = `${sixFourFourFour(FIRST)} ${fourFourFourFourTwo(SECOND)}`;

describe('maskIdsInText, a grouped run holding more than one ID', () => {
  it.each([
    ['6-4-4-4 then 4-4-4-4-2, with spaces', CO_OWNERS_CELL, `${MASKED_FIRST} ${MASKED_SECOND}`],
    ['6-8-4 twice, with dots', `${sixEightFour(FIRST, '.')}.${sixEightFour(SECOND, '.')}`, `${MASKED_FIRST}.${MASKED_SECOND}`],
    ['6-8-4 twice, with slashes', `${sixEightFour(FIRST, '/')}/${sixEightFour(SECOND, '/')}`, `${MASKED_FIRST}/${MASKED_SECOND}`],
    ['6-4-4-4 then 4-4-4-4-2, with full-width spaces', CO_OWNERS_CELL.replaceAll(' ', '\u3000'), `${MASKED_FIRST}\u3000${MASKED_SECOND}`],
    ['amounts and counts around and between', `1400 ${sixEightFour(FIRST, ' ')} 700 ${sixFourFourFour(SECOND)} 3`, `1400 ${MASKED_FIRST} 700 ${MASKED_SECOND} 3`],
    ['an ID ending in X after another', `${sixFourFourFour(FIRST)} 371329 1960 0404 004X`, `${MASKED_FIRST} 371329********004X`],
    ['a 15-digit ID keyed 6-6-3 after an amount', '1400 371329 500303 003', `1400 ${MASKED_SHORT}`],
    ['a 15-digit ID keyed 6-6-3 with dots', '371329.500303.003', MASKED_SHORT],
    ['an 18-digit ID and a 15-digit one', `${sixFourFourFour(FIRST)} 371329 500303 003`, `${MASKED_FIRST} ${MASKED_SHORT}`],
    ['a 15-digit ID unbroken after an amount', `1400 ${SHORT}`, `1400 ${MASKED_SHORT}`],
    ['an ID a digit short, unbroken after an amount', `700 ${FIRST.slice(0, 17)}`, `700 ${maskIdNumber(FIRST.slice(0, 17))}`],
  ])('masks every ID: %s', (_how, text, masked) => {
    expect(maskIdsInText(`共有人 ${text}，已核实`)).toBe(`共有人 ${masked}，已核实`);
  });

  it('lists each ID of the run on its own, so an import can put each back where staff kept its mask', () => {
    expect(idsInText(CO_OWNERS_CELL).map((id) => id.compact)).toEqual([FIRST, SECOND]);
  });

  it.each([
    ['dates in one run', '2026.10.05.2026.10.31，2026-10-05 2026-10-31 14 2026-11-05，1950.03.03 1950.03.03 1960.04.04'],
    ['phone numbers in one run', '138 0013 8000 139 0013 9000'],
    ['amounts in one run', '700 700 700 1400 1400'],
    // 3713290010101 and 12 make 15 digits that hold a date (001010): not keyed 6-6-3, no ID.
    ['家庭编号 of 13 and 16 digits, each with an amount', '3713290010101 12 3713290010102 1400，3713291102040094 700 3713291102040095 700'],
    ['bank accounts in groups of four', '6228 4800 1234 5678 901 6228 4800 1234 5678'],
    ['a finding id beside a number', 'RS12345678901234 5'],
  ])('leaves %s whole', (_what, text) => {
    expect(maskIdsInText(text)).toBe(text);
  });
});

describe('two co-owners\' IDs in one 不动产 cell, through the CLI', () => {
  it('ledger show masks both without --unmask, and shows the cell as keyed with it', async () => {
    const root = await tempFolder();
    const input = join(root, 'input');
    await mkdir(input);
    await writeFile(join(input, '低保花名册.csv'), rollCsv());
    await writeFile(join(input, '不动产登记信息.csv'), `权利人,权利人证件号码,坐落,房屋用途,建筑面积\n张三 李四,${CO_OWNERS_CELL},店头镇东村1号,住宅,120\n`);
    const ledger = join(root, 'l.duckdb');
    const scan = await runCli(['scan', '--input', input, '--period', '2026-10', '--ledger', ledger, '--out', join(root, 'out')]);
    expect(scan.code, scan.stderr).toBe(0);
    // findings.csv keeps raw values: the finding that quotes the cell.
    const quoting = parseCsv(await readFile(join(root, 'out', 'findings.csv'), 'utf8')).filter((f) => f['evidence']!.includes(CO_OWNERS_CELL));
    expect(quoting).toHaveLength(1);
    const findingId = quoting[0]!['finding_id']!;

    const shown = await runCli(['ledger', 'show', findingId, '--ledger', ledger]);
    expect(shown.code, shown.stderr).toBe(0);
    for (const whole of [FIRST, SECOND, fourFourFourFourTwo(SECOND), sixFourFourFour(FIRST)]) expect(shown.stdout).not.toContain(whole);
    expect(shown.stdout).toContain(`${MASKED_FIRST} ${MASKED_SECOND}`);
    for (const printed of [scan.stdout, scan.stderr]) expect(printed).not.toContain(fourFourFourFourTwo(SECOND));

    const unmasked = await runCli(['ledger', 'show', findingId, '--ledger', ledger, '--unmask']);
    expect(unmasked.stdout).toContain(CO_OWNERS_CELL);
  });
});
