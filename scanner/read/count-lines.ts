// One pass over a file's bytes, without decoding it: how the DuckDB CSV path proves it kept every physical line
// and that no cell holds U+FFFD (which the careful reader refuses as a wrong encoding), whether a cell may say 同上,
// and that no row ends in one field more than the header's (which DuckDB takes as a trailing delimiter).
import { DITTO_MARK_OVERLAP, bytesMayHoldDittoMark } from './ditto-marks.ts';
import { fileChunks } from './file-chunks.ts';
import { LongRowFinder, type FieldLimit } from './long-rows.ts';

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
  const longRows = options.fields ? new LongRowFinder(options.fields) : null;
  // The end of the previous chunk (copied: fileChunks reuses its buffer), so that a character or a mark split across two chunks is still seen.
  let tail = Buffer.alloc(0);
  for await (const chunk of fileChunks(path)) {
    // indexOf is a memchr over the buffer: a gigabyte counts in well under a second.
    if (longRows) lineFeeds = longRows.scan(chunk, lineFeeds);
    else for (let at = chunk.indexOf(0x0a); at !== -1; at = chunk.indexOf(0x0a, at + 1)) lineFeeds++;
    const seam = Buffer.concat([tail, chunk.subarray(0, OVERLAP)]);
    if (!hasReplacementCharacter) hasReplacementCharacter = seam.includes(REPLACEMENT_CHARACTER) || chunk.includes(REPLACEMENT_CHARACTER);
    if (options.dittoMarks && !mayHoldDittoMark) mayHoldDittoMark = bytesMayHoldDittoMark(seam) || bytesMayHoldDittoMark(chunk);
    if (chunk.length > 0) lastByte = chunk[chunk.length - 1]!;
    tail = Buffer.from(chunk.subarray(Math.max(0, chunk.length - OVERLAP)));
  }
  const longRowLine = longRows?.fileEnds(lineFeeds + 1);
  return { lineFeeds, endsWithLineFeed: lastByte === 0x0a, hasReplacementCharacter, mayHoldDittoMark, ...(longRowLine !== undefined ? { longRowLine } : {}) };
}
