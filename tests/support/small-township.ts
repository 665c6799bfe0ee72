// A minimal valid township folder for end-to-end tests: a few roll rows with real check characters.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** An 18-digit ID number with a correct GB 11643 check character. */
export function validId(region: string, birth: string, sequence: string): string {
  const first17 = `${region}${birth}${sequence}`;
  const sum = [...first17].reduce((total, digit, i) => total + Number(digit) * WEIGHTS[i]!, 0);
  return first17 + '10X98765432'[sum % 11]!;
}

export const PEOPLE = {
  zhang: validId('370481', '19580302', '113'),
  li: validId('370481', '19620715', '224'),
  wang: validId('370481', '19900101', '335'),
};

export const ROLL_HEADER = '乡镇,村(社区),家庭编号,姓名,身份证号码,与户主关系,救助类别,月保障金,保障状态';

export function rollCsv(extraRows: string[] = []): string {
  return [
    ROLL_HEADER,
    `张庄镇,东村,H001,张大山,${PEOPLE.zhang},户主,农村低保,1400,在保`,
    `张庄镇,东村,H001,李秀英,${PEOPLE.li},配偶,农村低保,1400,在保`,
    `张庄镇,西村,H002,王小明,${PEOPLE.wang},户主,农村低保,700,在保`,
    ...extraRows,
  ].join('\n') + '\n';
}

export async function writeSmallTownship(folder: string, extraRows: string[] = []): Promise<void> {
  await writeFile(join(folder, '低保花名册.csv'), rollCsv(extraRows));
}
