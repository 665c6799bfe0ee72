// A CSV row with one field more than the header's, its last one empty (月保障金 1,400 unquoted before an empty 备注):
// DuckDB reads it as the header's fields and a trailing delimiter, so the row would land a column off. countLineFeeds
// hands this finder the lines that may be one: those ending in the delimiter. Only their fields are counted.

/** Rows to hold to a field count: those after the header line, at most the header's fields, split by the delimiter. */
export interface FieldLimit {
  afterLine: number;
  most: number;
  /** A one-byte delimiter (the only kind the DuckDB path reads). */
  delimiter: string;
}

/** A line this long ending in the delimiter is not followed across chunks: it counts as too long (the careful reader reads it). */
const LONGEST_LINE_FOLLOWED = 1 << 16;
const LF = 0x0a;
const CR = 0x0d;

export class LongRowFinder {
  /** The first line after the header with more fields than `most`, its last one empty. */
  found: number | undefined;
  private readonly delimiter: number;
  /** The line the previous chunk began and did not end. */
  private openLine = Buffer.alloc(0);

  constructor(private readonly limit: FieldLimit) {
    this.delimiter = limit.delimiter.charCodeAt(0);
  }

  /**
   * One chunk, `lineFeeds` line feeds into the file: counts its line feeds as countLineFeeds does (returning the new
   * total), and looks at each line ending in the delimiter. The chunk's first line may have begun in the previous
   * chunk: lineEnds looks at the whole line. Lists whose last column is mostly empty end nearly every line so: counting
   * their fields costs B1M's CSVs (1.3 GB, most lines such) about 1.6 s on Node's thread, beside DuckDB's parse; a line
   * that does not end so costs one byte's test.
   */
  scan(chunk: Buffer, lineFeeds: number): number {
    const delimiter = this.delimiter;
    let line = lineFeeds;
    let start = 0;
    for (let at = chunk.indexOf(LF); at !== -1; start = at + 1, at = chunk.indexOf(LF, start)) {
      line++;
      const begunBefore = start === 0 && this.openLine.length > 0;
      if (begunBefore || chunk[at - 1] === delimiter || (chunk[at - 1] === CR && chunk[at - 2] === delimiter)) this.lineEnds(chunk, start, at, line, begunBefore);
    }
    this.chunkEnds(chunk, start);
    return line;
  }

  /** Line `line` runs from `start` to the line feed `at` of `chunk`, after the previous chunk's open line if it was begun there. */
  private lineEnds(chunk: Buffer, start: number, at: number, line: number, begunBefore: boolean): void {
    if (this.found !== undefined || line <= this.limit.afterLine) return;
    if (!begunBefore) {
      if (this.isLong(chunk, start, at)) this.found = line;
    } else {
      const whole = Buffer.concat([this.openLine, chunk.subarray(0, at)]);
      if (this.isLong(whole, 0, whole.length)) this.found = line;
    }
  }

  /** The chunk is read: keep the line it began at `start` (0: it ended no line) and did not end, for the next chunk to end. */
  private chunkEnds(chunk: Buffer, start: number): void {
    if (this.found !== undefined) return;
    if (start > 0) this.openLine = Buffer.from(chunk.subarray(start));
    else if (this.openLine.length <= LONGEST_LINE_FOLLOWED) this.openLine = Buffer.concat([this.openLine, chunk]);
  }

  /** The file ends; `line` is the number of a last line without a line feed after it. */
  fileEnds(line: number): number | undefined {
    if (this.found === undefined && line > this.limit.afterLine && this.isLong(this.openLine, 0, this.openLine.length)) this.found = line;
    return this.found;
  }

  /** bytes[start, end) ends in the delimiter (a CR before the line feed aside), and has too many fields or is too long to follow. */
  private isLong(bytes: Buffer, start: number, end: number): boolean {
    let last = end;
    if (last > start && bytes[last - 1] === CR) last--;
    if (last === start || bytes[last - 1] !== this.delimiter) return false;
    return end - start > LONGEST_LINE_FOLLOWED || fieldCount(bytes, start, last, this.delimiter) > this.limit.most;
  }
}

/** Fields of bytes[start, end): delimiters outside quotes, plus one. A doubled quote inside a quoted cell turns the state twice. */
function fieldCount(bytes: Buffer, start: number, end: number, delimiter: number): number {
  let fields = 1;
  let quoted = false;
  for (let i = start; i < end; i++) {
    const byte = bytes[i];
    if (byte === 0x22) quoted = !quoted;
    else if (byte === delimiter && !quoted) fields++;
  }
  return fields;
}
