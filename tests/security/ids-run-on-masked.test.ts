// IDs run together with other numbers that were still printed whole until 2026-12-07 in every workbook, `ledger show`
// and the spot-check sheets (reviewer R14): an ID with one digit run on, keyed in groups (19 digits); a 序号 or a mobile
// number before an ID, keyed in fours; an old 15-digit ID with a second one, a landline or an 86-prefixed mobile number;
// an ID ending in X with more digits after the X. And amounts of mixed lengths that were masked, an old ID's loose
// shape (no check character) found across them: 51739，1160，40324，317，15296，2074 read as 517391 160403 243 and a
// mobile number 17152962074, about 156 lists in 100,000. Bank accounts stay whole.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { idsInText, maskIdNumber, maskIdsInText } from '../../scanner/mask-id.ts';
import { parseCsv } from '../support/parse-csv.ts';
import { runCli } from '../support/run-cli.ts';
import { rollCsv, validId } from '../support/small-township.ts';
import { tempFolder } from '../support/temp-folder.ts';
import { workbookText } from '../support/workbook-text.ts';

const ID = validId('371321', '19850315', '123'); // 371321198503151230
const ID_ENDING_IN_X = validId('371329', '19650202', '205'); // 37132919650202205X
const OLD_ID = '371321850315123'; // 临沭县, born 1985-03-15
const SECOND_OLD_ID = '371329680303300';
const MOBILE = '13812345678';
const inFours = (digits: string, separator = ' ') => digits.match(/.{1,4}/g)!.join(separator);
const sixEightRest = (digits: string) => `${digits.slice(0, 6)} ${digits.slice(6, 14)} ${digits.slice(14)}`;
const sixFourFourRest = (digits: string) => `${digits.slice(0, 6)} ${digits.slice(6, 10)} ${digits.slice(10, 14)} ${digits.slice(14)}`;

describe('maskIdsInText, an ID run together with more digits', () => {
  it.each([
    ['an ID and one digit, in fours', inFours(`${ID}5`)],
    ['an ID and one digit, keyed 6-8-5', sixEightRest(`${ID}5`)],
    ['an ID and one digit, keyed 6-4-4-5', sixFourFourRest(`${ID}5`)],
    ['a 序号 and an ID, in fours', inFours(`12${ID}`)],
    ['a one-digit 序号 and an ID, in fours', inFours(`7${ID}`)],
    ['a mobile number and an ID, in fours', inFours(`${MOBILE}${ID}`)],
    ['an ID and a mobile number in its last group, keyed 6-8', sixEightRest(`${ID}${MOBILE}`)],
    ['two old IDs', `${OLD_ID}${SECOND_OLD_ID}`],
    ['two old IDs, in fours', inFours(`${OLD_ID}${SECOND_OLD_ID}`)],
    ['an old ID and a landline number', `${OLD_ID}05391234567`],
    ['a landline number and an old ID, in fours', inFours(`05397654321${OLD_ID}`)],
    ['an old ID and a mobile number with 86', `${OLD_ID}86${MOBILE}`],
    ['an old ID and a mobile number with 86, in fours', inFours(`${OLD_ID}86${MOBILE}`)],
    ['a mobile number with 86 and an old ID', `86${MOBILE}${OLD_ID}`],
    ['an ID ending in X and a mobile number', `${ID_ENDING_IN_X}${MOBILE}`],
    ['an ID ending in X and a mobile number, in fours', inFours(`${ID_ENDING_IN_X}${MOBILE}`)],
    ['an ID ending in X and another ID, in fours', inFours(`${ID_ENDING_IN_X}${ID}`)],
    ['a 3-digit 序号 and an ID ending in X, in fours: the X alone in the last group', inFours(`123${ID_ENDING_IN_X}`)],
  ])('masks it whole, keeping its first 6 and last 4: %s', (_how, text) => {
    const masked = maskIdsInText(`身份证 ${text} 已核实`);
    expect(masked).toBe(`身份证 ${maskIdNumber(text.replace(/ /g, ''))} 已核实`);
    for (const birthDate of ['19850315', '850315', '19650202']) expect(masked).not.toContain(birthDate);
  });

  it('masks from where the ID starts, leaving an amount keyed before it in the same groups', () => {
    expect(maskIdsInText(`1400 ${inFours(`${MOBILE}${ID}`)}`)).toBe(`1400 ${maskIdNumber(`${MOBILE}${ID}`)}`);
    expect(maskIdsInText(`1400 ${inFours(`${ID}5`)}`)).toBe(`1400 ${maskIdNumber(`${ID}5`)}`);
  });

  it('lists such a run as one ID-like number, so an import can put its one mask back', () => {
    expect(idsInText(inFours(`${OLD_ID}${SECOND_OLD_ID}`)).map((id) => id.compact)).toEqual([`${OLD_ID}${SECOND_OLD_ID}`]);
    expect(idsInText(sixEightRest(`${ID}${MOBILE}`)).map((id) => id.compact)).toEqual([`${ID}${MOBILE}`]);
  });
});

// An ID whose check character is mistyped (371321198503151231: 0 is right), keyed in uneven groups: the raw value
// data_quality.id-invalid quotes. Masked before 2026-12-07; printed whole in every workbook and `ledger show` by that
// day's first drafts (never landed), which let uneven groups be an ID only with a right check character.
const MISTYPED = '371321198503151231';
const MISTYPED_BORN_1969 = '371321196910128251';
const MISTYPED_BORN_1960 = '371321196005055859';

describe('maskIdsInText, an ID with a wrong check character keyed in uneven groups', () => {
  it.each([
    ['3-3-4-4-4', '371 321 1985 0315 1231', MISTYPED],
    ['4-14', '3713 21196910128251', MISTYPED_BORN_1969],
    ['5-13', '37132 1196005055859', MISTYPED_BORN_1960],
    ['2-4-4-4-4', '37 1321 1985 0315 1231', MISTYPED],
    ['3-3-4-4-4 with dashes', '371-321-1985-0315-1231', MISTYPED],
    ['4-14 with dots', '3713.21196910128251', MISTYPED_BORN_1969],
    ['2-4-4-4-4 with ideographic spaces', '37\u30001321\u30001985\u30000315\u30001231', MISTYPED],
  ])('masks it whole as the raw value quoted: %s', (_how, text, digits) => {
    const masked = maskIdsInText(`原始值「${text}」，见花名册`);
    expect(masked).toBe(`原始值「${maskIdNumber(digits)}」，见花名册`);
    expect(masked).not.toContain(digits.slice(6, 14));
  });

  // Beside a 序号, a mobile number or an amount in the same groups (printed whole by that day's second draft too).
  it.each([
    ['a 序号 before it', '1 371 321 1985 0315 1231', `1 ${maskIdNumber(MISTYPED)}`],
    ['a mobile number after it', '37 1321 1985 0315 1231 13812345678', `${maskIdNumber(MISTYPED)} 13812345678`],
    ['an amount after it', '371 321 1985 0315 1231 700', `${maskIdNumber(MISTYPED)} 700`],
  ])('masks it beside other numbers: %s', (_how, text, expected) => {
    expect(maskIdsInText(`原始值「${text}」`)).toBe(`原始值「${expected}」`);
  });
});

// 12 + an ID whose fours read as amounts of 4 digits (1237 1321 1985 1215 1236): typed with ， it is such a list.
const ID_AFTER_TWELVE = validId('371321', '19851215', '123');
const FOURS_LIKE_AMOUNTS = inFours(`12${ID_AFTER_TWELVE}`, '，');

describe('maskIdsInText leaves alone', () => {
  it.each([
    // Masked until 2026-12-07: an old ID's shape and a mobile number across amounts of mixed lengths.
    ['amounts of mixed lengths holding an old ID and a mobile number', '存款 51739，1160，40324，317，15296，2074 元'],
    ['such amounts keyed with spaces', '存款 37362 84012 27198 196 986 47500 元'],
    ['more such amounts', '24865，37715，17143，599，1791，345，409，306，21043'],
    // Masked until 2026-12-07: 18 digits across amounts of mixed lengths with an ID's shape, but no check character.
    ['18 digits across amounts of mixed lengths, the check character wrong', '金额 118，22220，131，2074，597，173'],
    ['such amounts alone in the text, 18 digits in all with an ID\'s shape', '118，22220，131，2074，597'],
    ['a list of amounts of mixed lengths with an ID\'s shape in the cell whole', '存款 3713，211969，1012，8251'],
    ['a list of 4-digit amounts with an ID\'s shape after its first 2 digits, keyed with ，', `存款 ${FOURS_LIKE_AMOUNTS} 元`],
    ['a 19-digit bank account in fours', '账号 6228 4800 1122 3344 567'],
    ['a 19-digit bank account in fours and an amount', '账号 6228 4800 1122 3344 567 1500'],
    ['a 16-digit card and an amount', '卡号 6217 0000 1234 5678 1500'],
    ['R14\'s list of amounts', '存款 4100，1120，1012，1500，1300 元'],
    ['a telephone number with extensions', '电话 0539-1234567-8901-2345'],
    ['dimensions', '型号 3X4 5X6 12X 17X1'],
  ])('%s', (_what, text) => {
    expect(maskIdsInText(text)).toBe(text);
  });

  it('but masks the same digits keyed with spaces, as an ID after a 序号 is typed', () => {
    expect(maskIdsInText(FOURS_LIKE_AMOUNTS.replaceAll('，', ' '))).toBe(maskIdNumber(`12${ID_AFTER_TWELVE}`));
  });
});

describe('IDs run together in a roll\'s ID cells, through the CLI', () => {
  it('are masked in the ledger workbook and `ledger show`, and shown whole with --unmask', async () => {
    const root = await tempFolder();
    const input = join(root, 'input');
    await mkdir(input);
    const twoOldIds = inFours(`${OLD_ID}${SECOND_OLD_ID}`);
    const numberedId = inFours(`12${ID}`);
    const mistyped = '371 321 1985 0315 1231';
    await writeFile(join(input, '低保花名册.csv'), rollCsv([
      `张庄镇,西村,H003,赵四,${twoOldIds},户主,农村低保,700,在保`,
      `张庄镇,西村,H004,钱五,${numberedId},户主,农村低保,700,在保`,
      `张庄镇,西村,H005,孙六,${mistyped},户主,农村低保,700,在保`,
    ]));
    const ledger = join(root, 'l.duckdb');
    const out = join(root, 'out');
    const scan = await runCli(['scan', '--input', input, '--period', '2026-10', '--ledger', ledger, '--out', out, '--quiet']);
    expect(scan.code, scan.stderr).toBe(0);
    // findings.csv keeps raw values: the findings that quote the cells.
    const findings = parseCsv(await readFile(join(out, 'findings.csv'), 'utf8'));
    const quoting = (cell: string) => findings.filter((finding) => finding['evidence']!.includes(cell));
    expect(quoting(twoOldIds).map((finding) => finding['check_id'])).toEqual(['data_quality.id-invalid']);
    expect(quoting(numberedId).map((finding) => finding['check_id'])).toEqual(['data_quality.id-invalid']);
    expect(quoting(mistyped).map((finding) => finding['check_id'])).toEqual(['data_quality.id-invalid']);

    const workbook = await workbookText(join(out, 'ledger', '张庄镇.xlsx'));
    for (const cell of [twoOldIds, numberedId, mistyped]) expect(workbook).toContain(maskIdNumber(cell.replace(/ /g, '')));
    for (const whole of [OLD_ID, SECOND_OLD_ID, ID, '3713 2185 0315', '1237 1321 1985', mistyped, '1985 0315']) expect(workbook).not.toContain(whole);

    const findingId = quoting(numberedId)[0]!['finding_id']!;
    const shown = await runCli(['ledger', 'show', findingId, '--ledger', ledger]);
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toContain(maskIdNumber(`12${ID}`));
    expect(shown.stdout).not.toContain(numberedId);
    expect((await runCli(['ledger', 'show', findingId, '--ledger', ledger, '--unmask'])).stdout).toContain(numberedId);

    const mistypedShown = await runCli(['ledger', 'show', quoting(mistyped)[0]!['finding_id']!, '--ledger', ledger]);
    expect(mistypedShown.stdout).toContain(`原始值「${maskIdNumber(mistyped.replace(/ /g, ''))}」`);
    expect(mistypedShown.stdout).not.toContain(mistyped);
  });
});
