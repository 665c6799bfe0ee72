// Seeded corruptions of an XLSX file: damage to the zip container, or valid workbooks whose cells have the wrong type.
import { inflateRawSync } from 'node:zlib';
import type { CellValue } from 'exceljs';
import type { WorkbookSpec } from './base-inputs.ts';
import type { Random } from './fuzz-random.ts';

export type XlsxZipMutationKind = 'zip-flip' | 'zip-truncate' | 'entry-flip' | 'part-flip';

export interface ZipEntry {
  name: string;
  /** Where the entry's compressed data starts and how long it is. */
  dataStart: number;
  compressedSize: number;
}

/** The entries of a zip, read from its central directory. */
export function zipEntries(zip: Buffer): ZipEntry[] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error('not a zip: no end of central directory');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const compressedSize = zip.readUInt32LE(at + 20);
    const localHeader = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const localNameLength = zip.readUInt16LE(localHeader + 26);
    const localExtraLength = zip.readUInt16LE(localHeader + 28);
    entries.push({ name, dataStart: localHeader + 30 + localNameLength + localExtraLength, compressedSize });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

const DATA_ENTRY = /^xl\/(worksheets\/sheet\d+|sharedStrings)\.xml$/;

/** The cell texts and values (<t>, <v>) of an entry, or why it cannot be inflated. */
function entryValues(zip: Buffer, entry: ZipEntry): string[] | string {
  try {
    const xml = inflateRawSync(zip.subarray(entry.dataStart, entry.dataStart + entry.compressedSize)).toString('utf8');
    return [...xml.matchAll(/<(t|v)(?:\s[^>]*)?>([^<]*)<\/\1>/g)].map((m) => m[2]!);
  } catch (error) {
    return `cannot be inflated (${(error as Error).message})`;
  }
}

/**
 * The data entries (worksheets, shared strings) whose values a damaged zip no longer holds as written:
 * a reader that ignores CRC-32 would read changed IDs, names or dates as if they were sound.
 */
export function changedDataEntries(original: Buffer, damaged: Buffer): string[] {
  const changed: string[] = [];
  for (const entry of zipEntries(original).filter((e) => DATA_ENTRY.test(e.name))) {
    const before = entryValues(original, entry);
    const after = entryValues(damaged, entry);
    if (typeof after === 'string') changed.push(`${entry.name} ${after}`);
    else if (JSON.stringify(before) !== JSON.stringify(after)) {
      const at = after.findIndex((value, i) => value !== (before as string[])[i]);
      changed.push(`${entry.name} value #${at + 1} ${JSON.stringify((before as string[])[at])} became ${JSON.stringify(after[at])}${after.length !== before.length ? ` (${before.length} values became ${after.length})` : ''}`);
    }
  }
  return changed;
}

const hex = (value: number) => value.toString(16).padStart(2, '0');

export function mutateXlsxZip(kind: XlsxZipMutationKind, zip: Buffer, random: Random): { bytes: Buffer; description: string } {
  const bytes = Buffer.from(zip);
  const flip = (from: number, to: number, count: number): string[] => {
    const notes: string[] = [];
    for (let n = 0; n < count; n++) {
      const at = from + random.int(to - from);
      const before = bytes[at]!;
      bytes[at] = random.chance(0.5) ? before ^ (1 << random.int(8)) : random.int(256);
      notes.push(`byte ${at} ${hex(before)}→${hex(bytes[at]!)}`);
    }
    return notes;
  };
  switch (kind) {
    case 'zip-flip': {
      // Past the 4-byte signature: a wrong signature is the easy case, already covered by bad-input.test.ts.
      const notes = flip(4, bytes.length, random.between(1, 4));
      return { bytes, description: `zip bytes changed: ${notes.join('; ')} (of ${bytes.length})` };
    }
    case 'zip-truncate': {
      const at = random.between(4, bytes.length - 1);
      return { bytes: bytes.subarray(0, at), description: `zip truncated at byte ${at} of ${bytes.length}` };
    }
    case 'entry-flip': {
      // Inside the deflated data of the worksheet or the shared strings: what the reader meets row by row.
      const entries = zipEntries(zip).filter((e) => DATA_ENTRY.test(e.name) && e.compressedSize > 0);
      const entry = random.pick(entries);
      const notes = flip(entry.dataStart, entry.dataStart + entry.compressedSize, random.between(1, 3));
      return { bytes, description: `${entry.name} (deflated bytes ${entry.dataStart}..${entry.dataStart + entry.compressedSize - 1}) changed: ${notes.join('; ')}` };
    }
    case 'part-flip': {
      // Inside one of the other parts the reader parses or skips: styles, workbook, relationships, theme, properties.
      const entries = zipEntries(zip).filter((e) => !DATA_ENTRY.test(e.name) && e.compressedSize > 0);
      const entry = random.pick(entries);
      const notes = flip(entry.dataStart, entry.dataStart + entry.compressedSize, random.between(1, 3));
      return { bytes, description: `${entry.name} (deflated bytes ${entry.dataStart}..${entry.dataStart + entry.compressedSize - 1}) changed: ${notes.join('; ')}` };
    }
  }
}

export interface CellTypeMutation {
  spec: WorkbookSpec;
  description: string;
  /** Sheet rows with a value that cannot be used: a reference list must refuse them, the roll must keep and report them. */
  unusable: { row: number; why: string }[];
  /** Sheet rows whose values are still right, only stored another way: they must be used. */
  stillGood: number[];
}

type CellCorruption = {
  name: string;
  /** Which column (by header) it applies to. */
  column: 'id' | 'date' | 'name' | 'amount';
  /** True when the value can no longer be used (the row is refused, or for the roll reported). */
  breaks: boolean | 'maybe';
  apply: (value: CellValue) => CellValue;
};

const CORRUPTIONS: CellCorruption[] = [
  // An 18-digit ID typed into a number cell has lost its last digits: never to be matched.
  { name: 'ID stored as a number', column: 'id', breaks: true, apply: (v) => Number(String(v)) },
  { name: 'ID as rich text in two runs', column: 'id', breaks: false, apply: (v) => ({ richText: [{ text: String(v).slice(0, 6), font: { bold: true } }, { text: String(v).slice(6) }] }) },
  { name: 'ID as a formula with its cached result', column: 'id', breaks: false, apply: (v) => ({ formula: `"${String(v)}"`, result: String(v) }) },
  { name: 'ID as an error cell', column: 'id', breaks: true, apply: () => ({ error: '#N/A' }) as CellValue },
  { name: 'ID as a formula without a cached result', column: 'id', breaks: true, apply: () => ({ formula: 'A1&B1' }) as CellValue },
  { name: 'name as a hyperlink', column: 'name', breaks: false, apply: (v) => ({ text: String(v), hyperlink: 'http://example.invalid/' }) },
  { name: 'name as a boolean', column: 'name', breaks: 'maybe', apply: () => true },
  { name: 'date as text 2026年3月15日', column: 'date', breaks: false, apply: () => '2026年3月15日' },
  { name: 'date as unreadable text', column: 'date', breaks: true, apply: () => '三月中旬' },
  { name: 'date as an Excel serial number', column: 'date', breaks: 'maybe', apply: () => 46096 },
  { name: 'date as a date-time with hours', column: 'date', breaks: false, apply: () => new Date(Date.UTC(2026, 2, 15, 14, 30)) },
  { name: 'amount as text with 元', column: 'amount', breaks: false, apply: (v) => `${String(v)}元` },
  { name: 'amount as a formula with its cached result', column: 'amount', breaks: false, apply: (v) => ({ formula: 'H3*1', result: Number(v) }) },
];

const COLUMN_HEADERS: Record<CellCorruption['column'], string[]> = {
  id: ['身份证号码'],
  name: ['姓名'],
  date: ['死亡日期', '火化日期'],
  amount: ['月保障金'],
};

/** Gives some person rows a cell of another type; which rows and which corruptions depend on the seed. */
export function mutateCellTypes(base: WorkbookSpec, random: Random): CellTypeMutation {
  const spec: WorkbookSpec = { ...base, rows: base.rows.map((row) => [...row]) };
  const personRows = spec.rows.map((_row, i) => i).filter((i) => typeof spec.rows[i]![0] === 'string' && !String(spec.rows[i]![0]).startsWith('合计'));
  const applicable = CORRUPTIONS.filter((c) => COLUMN_HEADERS[c.column].some((h) => spec.header.includes(h)));
  const notes: string[] = [];
  const broken = new Map<number, string>();
  const maybe = new Set<number>();
  const touched = new Set<number>();
  // One corruption per cell: a second one overwrote the first (or was applied to it), and the first's verdict then
  // said nothing about the cell (seed 880039: unreadable text, then a readable date, taken for an unusable row).
  const corruptedCells = new Set<string>();
  const chosen = random.shuffle(applicable).slice(0, Math.min(applicable.length, random.between(3, 5)));
  for (const corruption of chosen) {
    const column = spec.header.findIndex((h) => COLUMN_HEADERS[corruption.column].includes(h));
    const free = personRows.filter((i) => !corruptedCells.has(`${i}:${column}`));
    if (free.length === 0) continue;
    const index = random.pick(free);
    corruptedCells.add(`${index}:${column}`);
    const row = spec.rows[index]!;
    row[column] = corruption.apply(row[column] as CellValue);
    const sheetRow = spec.firstDataRow + index;
    touched.add(sheetRow);
    notes.push(`row ${sheetRow}: ${corruption.name}`);
    if (corruption.breaks === true) broken.set(sheetRow, corruption.name);
    if (corruption.breaks === 'maybe') maybe.add(sheetRow);
  }
  return {
    spec,
    description: `cell types: ${notes.join('; ')}`,
    unusable: [...broken].map(([row, why]) => ({ row, why })),
    stillGood: [...touched].filter((row) => !broken.has(row) && !maybe.has(row)),
  };
}
