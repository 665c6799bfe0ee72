// A 不动产 list writes a home's co-owners in one ID cell (371329…、371329…, or split by , ， ; ； / a space or a new
// line), often their names so in the 权利人 cell. Until 2026-12-06 such a row was refused as one unreadable ID, and
// neither owner's home counted. Each owner now holds it: one typed row per row read, one PROPERTY_OWNERS row per owner,
// a name his only where the 权利人 cell names as many persons in the same order. Real CSV (UTF-8 and GBK) and XLSX.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { PROPERTY_OWNERS } from '../../scanner/load/property-co-owners.ts';
import { loadDatabase } from '../support/load-database.ts';
import { workbookOf } from '../support/scan-input.ts';
import { rollCsv, validId } from '../support/small-township.ts';

const { rows, loadFolder } = loadDatabase();
const person = (n: number) => validId('371329', '19700101', String(100 + n).padStart(3, '0'));
/** person(9) with its check character changed: not a number anyone holds. */
const MISTYPED = person(9).slice(0, 17) + (person(9).endsWith('1') ? '2' : '1');
/** A 15-digit number: read as its 18-digit form, as everywhere. */
const LEGACY = '371329700101123';
const LEGACY_AS_18 = validId('371329', '19700101', '123');

/** One person's ID keyed in parts, as many lists write it: one number, not three. */
const KEYED_IN_PARTS = validId('371329', '19700101', '206');
const IN_PARTS = `${KEYED_IN_PARTS.slice(0, 6)} ${KEYED_IN_PARTS.slice(6, 14)} ${KEYED_IN_PARTS.slice(14)}`;

const HEADER = ['权利人', '权利人证件号码', '坐落', '规划用途', '建筑面积'];
const LIST: string[][] = [
  ['张三、李四', `${person(1)}、${person(2)}`, '东村1号', '住宅', '90'],
  // One name beside two IDs: whose it is cannot be told.
  ['王五', `${person(3)},${person(4)}`, '东村2号', '住宅', '80'],
  // Names spaced, IDs by a full-width semicolon; a 15-digit co-owner.
  ['赵六 钱七', `${person(5)}；${LEGACY}`, '东村3号', '住宅', '70'],
  // A name spaced out (马　凯) is one person's; an ID keyed in parts is one number.
  ['马　凯', IN_PARTS, '东村4号', '住宅', '60'],
  // One part no ID: refused as one unreadable ID, as before.
  ['孙八、周九', `${person(8)}、${MISTYPED}`, '东村5号', '住宅', '50'],
  // Two names beside one ID: neither is surely his.
  ['吴十、郑十一', person(10), '东村6号', '住宅', '40'],
];
const csv = [HEADER, ...LIST].map((row) => row.map((cell) => (cell.includes(',') ? `"${cell}"` : cell)).join(',')).join('\n') + '\n';

const owners = () => rows(`SELECT _line, id_number, id_status, name, co_owners FROM ${PROPERTY_OWNERS} ORDER BY _line, id_number`);
const other = (id: string, name: string | null, raw = id, status = 'valid') => ({ id_number: id, id_raw: raw, id_status: status, name, name_key: name });

describe.each([
  ['UTF-8 csv', '不动产登记信息.csv', () => csv, null],
  ['GBK csv', '不动产登记信息.csv', () => iconv.encode(csv, 'gbk'), null],
  ['xlsx', '不动产登记信息.xlsx', () => workbookOf('登记信息', [HEADER, ...LIST]), '登记信息'],
] as const)('a %s 不动产 list naming co-owners in one cell', (_format, file, content, sheet) => {
  it('gives each owner the home, with his name only where surely his; every row used or refused', async () => {
    const result = await loadFolder({ '低保花名册.csv': rollCsv(), [file]: await content() });
    expect(result.datasets.properties).toMatchObject({ rowsRead: 6, rowsUsed: 5, rowsRejected: 1 });
    // One typed row per row read: a co-owned row's own ID is none, its owners listed.
    expect(await rows(`SELECT _line, id_number, id_status, len(owners)::INTEGER AS owners FROM properties ORDER BY _line`)).toEqual([
      { _line: 2, id_number: null, id_status: 'co-owned', owners: 2 },
      { _line: 3, id_number: null, id_status: 'co-owned', owners: 2 },
      { _line: 4, id_number: null, id_status: 'co-owned', owners: 2 },
      { _line: 5, id_number: KEYED_IN_PARTS, id_status: 'valid', owners: null },
      { _line: 7, id_number: person(10), id_status: 'valid', owners: null },
    ]);
    expect(await owners()).toEqual([
      { _line: 2, id_number: person(1), id_status: 'valid', name: '张三', co_owners: [other(person(2), '李四')] },
      { _line: 2, id_number: person(2), id_status: 'valid', name: '李四', co_owners: [other(person(1), '张三')] },
      { _line: 3, id_number: person(3), id_status: 'valid', name: null, co_owners: [other(person(4), null)] },
      { _line: 3, id_number: person(4), id_status: 'valid', name: null, co_owners: [other(person(3), null)] },
      { _line: 4, id_number: person(5), id_status: 'valid', name: '赵六', co_owners: [other(LEGACY_AS_18, '钱七', LEGACY, 'legacy')] },
      { _line: 4, id_number: LEGACY_AS_18, id_status: 'legacy', name: '钱七', co_owners: [other(person(5), '赵六')] },
      { _line: 5, id_number: KEYED_IN_PARTS, id_status: 'valid', name: '马凯', co_owners: null },
      { _line: 7, id_number: person(10), id_status: 'valid', name: null, co_owners: null },
    ]);
    // Each owner seen with the name that is surely his, for the comparisons across lists (id-name-conflict, id-legacy).
    expect(await rows(`SELECT _line, id_number, id_raw, id_status, name FROM id_occurrences WHERE dataset = 'properties' ORDER BY _line, id_number`)).toEqual([
      { _line: 2, id_number: person(1), id_raw: person(1), id_status: 'valid', name: '张三' },
      { _line: 2, id_number: person(2), id_raw: person(2), id_status: 'valid', name: '李四' },
      { _line: 3, id_number: person(3), id_raw: person(3), id_status: 'valid', name: null },
      { _line: 3, id_number: person(4), id_raw: person(4), id_status: 'valid', name: null },
      { _line: 4, id_number: person(5), id_raw: person(5), id_status: 'valid', name: '赵六' },
      { _line: 4, id_number: LEGACY_AS_18, id_raw: LEGACY, id_status: 'legacy', name: '钱七' },
      { _line: 5, id_number: KEYED_IN_PARTS, id_raw: IN_PARTS, id_status: 'valid', name: '马凯' },
      { _line: 7, id_number: person(10), id_raw: person(10), id_status: 'valid', name: null },
    ]);
    expect(await rows(`SELECT _file, _sheet, _line, kind, column_name, raw_value FROM load_rejects WHERE dataset = 'properties'`)).toEqual([
      { _file: file, _sheet: sheet, _line: 6, kind: 'id', column_name: '身份证号码', raw_value: `${person(8)}、${MISTYPED}` },
    ]);
  });
});

describe('a workbook cell of co-owners on lines of their own', () => {
  it('is split at its new lines, names and IDs alike', async () => {
    const workbook = await workbookOf('登记信息', [HEADER, [`张三\n李四`, `${person(1)}\n${person(2)}`, '东村1号', '住宅', '90']]);
    await loadFolder({ '低保花名册.csv': rollCsv(), '不动产登记信息.xlsx': workbook });
    expect(await rows(`SELECT id_number, name FROM ${PROPERTY_OWNERS} ORDER BY id_number`)).toEqual([
      { id_number: person(1), name: '张三' },
      { id_number: person(2), name: '李四' },
    ]);
  });
});
