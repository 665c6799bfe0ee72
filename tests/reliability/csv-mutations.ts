// Seeded corruptions of a CSV file. Each returns the new bytes and a description precise enough to redo it by hand.
import iconv from 'iconv-lite';
import type { Random } from './fuzz-random.ts';

export interface CsvMutation {
  bytes: Buffer;
  description: string;
  /** Lines (1-based, of the corrupted file) that cannot be used and must be refused, when the scan goes through. */
  mustReject?: number[];
}

export type CsvMutationKind =
  | 'truncate'
  | 'byte-noise'
  | 'quotes'
  | 'delimiters'
  | 'line-breaks'
  | 'nul'
  | 'bom-in-middle'
  | 'invalid-utf8'
  | 'long-field'
  | 'long-field-over-limit'
  | 'columns'
  | 'shuffle-header'
  | 'gbk'
  | 'gbk-truncate';

export interface CsvSource {
  /** The file as written (may start with a BOM). */
  bytes: Buffer;
  /** The text without BOM, and whether the bytes carry one. */
  text: string;
  bom: boolean;
  /** Line separator the file uses. */
  eol: string;
  /** A reference list refuses rows it cannot use; the roll keeps every person row. */
  referenceList: boolean;
}

const hex = (bytes: Buffer | number[]) => Buffer.from(bytes).toString('hex').replace(/(..)/g, '$1 ').trim();
const show = (text: string) => JSON.stringify(text);

function withBom(source: CsvSource, text: string): Buffer {
  const body = Buffer.from(text, 'utf8');
  return source.bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body;
}

/** Inserts strings at random character positions of the text (never inside a surrogate pair). */
function insertAtRandom(source: CsvSource, random: Random, count: number, choose: () => string): { text: string; notes: string[] } {
  const chars = [...source.text];
  const notes: string[] = [];
  for (let n = 0; n < count; n++) {
    const at = random.int(chars.length + 1);
    const insert = choose();
    chars.splice(at, 0, insert);
    notes.push(`${show(insert.length > 12 ? `${insert.slice(0, 12)}…(${insert.length} chars)` : insert)} at char ${at}`);
  }
  return { text: chars.join(''), notes };
}

/** Byte offsets of character starts in the UTF-8 bytes, so inserted bytes land between characters. */
function charBoundaries(bytes: Buffer, from: number): number[] {
  const boundaries: number[] = [];
  for (let i = from; i <= bytes.length; i++) if (i === bytes.length || (bytes[i]! & 0xc0) !== 0x80) boundaries.push(i);
  return boundaries;
}

function splitLines(source: CsvSource): string[] {
  return source.text.split(source.eol);
}

function lastFilled(cells: readonly string[]): number {
  for (let i = cells.length - 1; i >= 0; i--) if (cells[i]!.trim() !== '') return i;
  return -1;
}

/** Data lines that hold values (not the header, not blank, not an empty trailing piece). */
function valueLines(lines: string[]): number[] {
  return lines.map((_line, i) => i).filter((i) => i > 0 && lines[i]!.replace(/,/g, '').trim() !== '');
}

export function mutateCsv(kind: CsvMutationKind, source: CsvSource, random: Random): CsvMutation {
  switch (kind) {
    case 'truncate': {
      const at = random.int(source.bytes.length);
      return { bytes: source.bytes.subarray(0, at), description: `truncated at byte ${at} of ${source.bytes.length}` };
    }
    case 'byte-noise': {
      const bytes = [...source.bytes];
      const notes: string[] = [];
      const operations = random.between(1, 6);
      for (let n = 0; n < operations; n++) {
        const op = random.pick(['flip', 'insert', 'delete'] as const);
        const at = random.int(bytes.length);
        if (op === 'flip') {
          const before = bytes[at]!;
          bytes[at] = before ^ (1 << random.int(8));
          notes.push(`flip byte ${at} ${hex([before])}→${hex([bytes[at]!])}`);
        } else if (op === 'insert') {
          const value = random.int(256);
          bytes.splice(at, 0, value);
          notes.push(`insert ${hex([value])} at byte ${at}`);
        } else {
          notes.push(`delete byte ${at} (${hex([bytes[at]!])})`);
          bytes.splice(at, 1);
        }
      }
      return { bytes: Buffer.from(bytes), description: `byte noise: ${notes.join('; ')}` };
    }
    case 'quotes': {
      const { text, notes } = insertAtRandom(source, random, random.between(1, 3), () => random.pick(['"', '"', '""', '"x,y"']));
      return { bytes: withBom(source, text), description: `quotes inserted: ${notes.join('; ')}` };
    }
    case 'delimiters': {
      const { text, notes } = insertAtRandom(source, random, random.between(1, 4), () => random.pick([',', ',', ',,', ';', '\t', '|']));
      return { bytes: withBom(source, text), description: `delimiters inserted: ${notes.join('; ')}` };
    }
    case 'line-breaks': {
      const { text, notes } = insertAtRandom(source, random, random.between(1, 3), () => random.pick(['\n', '\r', '\r\n', '\n\n']));
      return { bytes: withBom(source, text), description: `line breaks inserted: ${notes.join('; ')}` };
    }
    case 'nul': {
      const { text, notes } = insertAtRandom(source, random, random.between(1, 2), () => '\0');
      return { bytes: withBom(source, text), description: `NUL inserted: ${notes.join('; ')}` };
    }
    case 'bom-in-middle': {
      const { text, notes } = insertAtRandom(source, random, random.between(1, 3), () => '\ufeff');
      return { bytes: withBom(source, text), description: `U+FEFF inserted: ${notes.join('; ')}` };
    }
    case 'invalid-utf8': {
      // Bytes no UTF-8 text can hold, placed between characters (past the BOM and, mostly, past the header).
      const bytes = Buffer.from(source.bytes);
      const boundaries = charBoundaries(bytes, source.bom ? 3 : 0);
      const at = boundaries[random.int(boundaries.length)]!;
      const junk = random.pick([[0xff], [0xc3, 0x28], [0xe4, 0xb8], [0x80], [0xfe, 0xfe, 0xfe], [0xed, 0xa0, 0x80]]);
      return {
        bytes: Buffer.concat([bytes.subarray(0, at), Buffer.from(junk), bytes.subarray(at)]),
        description: `invalid UTF-8 bytes ${hex(junk)} inserted at byte ${at}`,
      };
    }
    case 'long-field':
    case 'long-field-over-limit': {
      const lines = splitLines(source);
      const lineIndex = random.pick(valueLines(lines));
      const cells = lines[lineIndex]!.split(',');
      const cell = random.int(cells.length);
      const length = kind === 'long-field' ? random.between(2_000, 20_000) : (1 << 20) + random.between(1, 5_000);
      const filler = random.pick(['x', '8', '张']);
      cells[cell] = filler.repeat(length);
      lines[lineIndex] = cells.join(',');
      return {
        bytes: withBom(source, lines.join(source.eol)),
        description: `cell ${cell + 1} of line ${lineIndex + 1} replaced by ${show(filler)} × ${length}`,
        // A roll row with an absurd value is kept (reported), a reference row may be refused: no fixed outcome here.
      };
    }
    case 'columns': {
      const lines = splitLines(source);
      const headerWidth = lines[0]!.split(',').length;
      const notes: string[] = [];
      const mustReject: number[] = [];
      for (const lineIndex of random.shuffle(valueLines(lines)).slice(0, random.between(1, 3))) {
        const cells = lines[lineIndex]!.split(',');
        const complete = cells.length === headerWidth && cells.every((c) => c !== '');
        const cell = random.int(cells.length);
        if (random.chance(0.5)) {
          cells.splice(cell + 1, 0, cells[cell]!);
          notes.push(`line ${lineIndex + 1}: cell ${cell + 1} duplicated`);
          // A filled cell past the header's last column: the values no longer line up, the row must be refused.
          if (lastFilled(cells) >= headerWidth) mustReject.push(lineIndex + 1);
        } else {
          cells.splice(cell, 1);
          notes.push(`line ${lineIndex + 1}: cell ${cell + 1} dropped`);
          // In a reference list every column of a complete row matters: shifted, the ID or the date becomes unusable.
          if (complete && source.referenceList) mustReject.push(lineIndex + 1);
        }
        lines[lineIndex] = cells.join(',');
      }
      return { bytes: withBom(source, lines.join(source.eol)), description: `columns: ${notes.join('; ')}`, mustReject };
    }
    case 'shuffle-header': {
      const lines = splitLines(source);
      const header = lines[0]!.split(',');
      let shuffled = random.shuffle(header);
      while (shuffled.join(',') === header.join(',')) shuffled = random.shuffle(header);
      lines[0] = shuffled.join(',');
      return { bytes: withBom(source, lines.join(source.eol)), description: `header shuffled to ${show(lines[0]!)}` };
    }
    case 'gbk': {
      return { bytes: iconv.encode(source.text, 'gbk'), description: 'whole file re-encoded as GBK (no BOM)' };
    }
    case 'gbk-truncate': {
      const gbk = iconv.encode(source.text, 'gbk');
      const at = random.between(1, gbk.length - 1);
      return { bytes: gbk.subarray(0, at), description: `re-encoded as GBK, then truncated at byte ${at} of ${gbk.length}` };
    }
  }
}
