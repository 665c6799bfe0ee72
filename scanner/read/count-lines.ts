// One pass over a file's bytes, without decoding it: how the DuckDB CSV path proves it kept every physical line
// and that no cell holds U+FFFD (which the careful reader refuses as a wrong encoding), whether a cell may say 同上,
// and that no row ends in one field more than the header's (which DuckDB takes as a trailing delimiter).
import { createReadStream } from 'node:fs';
import { DITTO_MARK_OVERLAP, bytesMayHoldDittoMark } from './ditto-marks.ts';

export interface LineCount {
  /** Number of '\n' bytes. */
  lineFeeds: number;
  /** The file's last byte is '\n' (or the file is empty). */
  endsWithLineFeed: boolean;
  /** The file holds U+FFFD (UTF-8 bytes EF BF BD): text that was already garbled before it reached us. */
  hasReplacementCharacter: boolean;
  /** The file may hold 同上, 〃 or ″ (ditto-marks.ts); false when no cell can be one, or when not asked. */
  mayHoldDittoMark: boolean;
  /** The first line after `fields.afterLine` with more fields than `fields.most`, its last one empty; undefined when none or not asked. */
  longRowLine?: number;
}

/** Rows to hold to a field count: those after the header line, at most the header's fields, split by the delimiter. */
export interface FieldLimit {
  afterLine: number;
  most: number;
  /** A one-byte delimiter (the only kind the DuckDB path reads). */
  delimiter: string;
}

/** A line this long ending in the delimiter is not followed across chunks: it counts as too long (the careful reader reads it). */
const LONGEST_LINE_FOLLOWED = 1 << 16;

const REPLACEMENT_CHARACTER = Buffer.from('\ufffd', 'utf8');
/** Bytes of a chunk's end looked at again with the next chunk's start: enough for U+FFFD and for a ditto mark. */
const OVERLAP = Math.max(REPLACEMENT_CHARACTER.length - 1, DITTO_MARK_OVERLAP);

/**
 * `dittoMarks`: also search for 同上, 〃 and ″ (only where they are read: a list kept by hand). `fields`: also find a row
 * with a field more than the header's, its last one empty (月保障金 1,400 unquoted before an empty 备注): DuckDB reads
 * it as the header's fields and a trailing delimiter, so the row would land a column off.
 */
export async function countLineFeeds(path: string, options: { dittoMarks?: boolean; fields?: FieldLimit } = {}): Promise<LineCount> {
  let lineFeeds = 0;
  let lastByte = 0x0a;
  let hasReplacementCharacter = false;
  let mayHoldDittoMark = false;
  let longRowLine: number | undefined;
  const limit = options.fields;
  const delimiter = limit?.delimiter.charCodeAt(0) ?? -1;
  // The line begun in the previous chunk, for the field count of a line that ends in the delimiter.
  let openLine = Buffer.alloc(0);
  // The end of the previous chunk, so that a character or a mark split across two chunks is still seen.
  let tail = Buffer.alloc(0);
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 22 }) as AsyncIterable<Buffer>) {
    // indexOf is a memchr over the buffer: a gigabyte counts in well under a second.
    let lineStart = 0;
    for (let at = chunk.indexOf(0x0a); at !== -1; at = chunk.indexOf(0x0a, at + 1)) {
      lineFeeds++;
      // Only a line ending in the delimiter can be one DuckDB read short; counting its fields costs a loop over its bytes.
      if (limit && longRowLine === undefined && lineFeeds > limit.afterLine) {
        const line = lineStart > 0 || openLine.length === 0 ? chunk.subarray(lineStart, at) : Buffer.concat([openLine, chunk.subarray(0, at)]);
        if (endsWithByte(line, delimiter) && (line.length > LONGEST_LINE_FOLLOWED || fieldCount(line, delimiter) > limit.most)) longRowLine = lineFeeds;
      }
      lineStart = at + 1;
    }
    if (limit) openLine = lineStart > 0 ? Buffer.from(chunk.subarray(lineStart)) : openLine.length > LONGEST_LINE_FOLLOWED ? openLine : Buffer.concat([openLine, chunk]);
    const seam = Buffer.concat([tail, chunk.subarray(0, OVERLAP)]);
    if (!hasReplacementCharacter) hasReplacementCharacter = seam.includes(REPLACEMENT_CHARACTER) || chunk.includes(REPLACEMENT_CHARACTER);
    if (options.dittoMarks && !mayHoldDittoMark) mayHoldDittoMark = bytesMayHoldDittoMark(seam) || bytesMayHoldDittoMark(chunk);
    if (chunk.length > 0) lastByte = chunk[chunk.length - 1]!;
    tail = Buffer.from(chunk.subarray(Math.max(0, chunk.length - OVERLAP)));
  }
  // The last line, without a line feed after it.
  if (limit && longRowLine === undefined && lineFeeds + 1 > limit.afterLine && endsWithByte(openLine, delimiter)
    && (openLine.length > LONGEST_LINE_FOLLOWED || fieldCount(openLine, delimiter) > limit.most)) longRowLine = lineFeeds + 1;
  return { lineFeeds, endsWithLineFeed: lastByte === 0x0a, hasReplacementCharacter, mayHoldDittoMark, ...(longRowLine !== undefined ? { longRowLine } : {}) };
}

/** Whether the line (a CR before its line feed aside) ends in the byte. */
function endsWithByte(line: Buffer, byte: number): boolean {
  const end = line.length > 0 && line[line.length - 1] === 0x0d ? line.length - 1 : line.length;
  return end > 0 && line[end - 1] === byte;
}

/** Fields of one line: delimiters outside quotes, plus one. A doubled quote inside a quoted cell turns the state twice. */
function fieldCount(line: Buffer, delimiter: number): number {
  let fields = 1;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const byte = line[i];
    if (byte === 0x22) quoted = !quoted;
    else if (byte === delimiter && !quoted) fields++;
  }
  return fields;
}
