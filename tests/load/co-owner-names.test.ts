// A 权利人 cell is split into persons at its marks (张三、李四), or where it has none at its spaces (张三 李四). A name
// spaced after a two-character surname (欧阳 娜娜) is one person: until 2026-12-06 it was split into 欧阳 and 娜娜, given
// to two co-owners as their names (each an identity conflict with the roll), and beside one ID it named nobody.
import { describe, expect, it } from 'vitest';
import { loadDatabase } from '../support/load-database.ts';
import { workbookOf } from '../support/scan-input.ts';
import { rollCsv, validId } from '../support/small-township.ts';

const { rows, loadFolder } = loadDatabase();
const person = (n: number) => validId('371329', '19700101', String(100 + n).padStart(3, '0'));
const HEADER = ['权利人', '权利人证件号码', '坐落', '规划用途', '建筑面积'];
const LIST: string[][] = [
  ['欧阳 娜娜', `${person(1)}、${person(2)}`, '东村1号', '住宅', '90'],
  ['司马　光', person(3), '东村2号', '住宅', '80'],
  // Two persons spaced, neither a surname alone: still two.
  ['张三 李四', `${person(4)}、${person(5)}`, '东村3号', '住宅', '70'],
];

describe.each([
  ['csv', '不动产登记信息.csv', () => [HEADER, ...LIST].map((row) => row.join(',')).join('\n') + '\n'],
  ['xlsx', '不动产登记信息.xlsx', () => workbookOf('登记信息', [HEADER, ...LIST])],
] as const)('a %s 权利人 cell spaced after a two-character surname', (_format, file, content) => {
  it('is one person: beside two IDs it names neither, beside one it names him', async () => {
    await loadFolder({ '低保花名册.csv': rollCsv(), [file]: await content() });
    expect(await rows(`SELECT _line, id_number, name FROM id_occurrences WHERE dataset = 'properties' ORDER BY _line, id_number`)).toEqual([
      { _line: 2, id_number: person(1), name: null },
      { _line: 2, id_number: person(2), name: null },
      { _line: 3, id_number: person(3), name: '司马光' },
      { _line: 4, id_number: person(4), name: '张三' },
      { _line: 4, id_number: person(5), name: '李四' },
    ]);
  });
});
