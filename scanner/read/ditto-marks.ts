// 同上, 〃 and ″: what a cell holds when it means "as the row above" (the fill itself is scanner/load/ditto-fill.ts).
// Recognised the same way in a cell the JavaScript readers yield and in a file's bytes before DuckDB's rows are tested.

/** What a cell holds, spaces aside, when it means "as above". */
export const DITTO_MARKS: readonly string[] = ['同上', '〃', '″'];
/** Longer than any mark with a few spaces around it: such a cell is text, and needs no closer look. */
export const LONGEST_MARKED_CELL = 16;
/** The characters of the scan's WHITESPACE_CLASS (RE2), in JavaScript's syntax, so every reader takes the same cells. */
const SPACES = String.raw`\s\x0B\x85\p{Z}\u200B-\u200D\u2060\uFEFF`;
const EVERY_SPACE = new RegExp(`[${SPACES}]`, 'gu');

/** The first character of each mark: a cell holding none of them is no mark, whatever its spaces. */
const MARK_STARTS: readonly string[] = [...new Set(DITTO_MARKS.map((mark) => mark[0]!))];

export function isDittoMark(cell: string | null | undefined): boolean {
  if (cell === null || cell === undefined || cell.length > LONGEST_MARKED_CELL) return false;
  // Asked of every short cell of a hand-kept list (names, amounts, codes): they skip the regexp's new string.
  if (!MARK_STARTS.some((start) => cell.includes(start))) return false;
  return DITTO_MARKS.includes(cell.replace(EVERY_SPACE, ''));
}

const SINGLE_MARKS = DITTO_MARKS.filter((mark) => mark.length === 1).map((mark) => Buffer.from(mark, 'utf8'));
const TONG = Buffer.from('同', 'utf8');
/**
 * After 同, spaces of any kind and 上, within a cell's length of three-byte characters. Not past a line break: a cell
 * holding one is quoted, and a file with such a cell goes to the careful reader anyway (csv-in-duckdb.ts).
 */
const SHANG_AFTER_SPACES = new RegExp(`^(?:(?![\\n\\r])[${SPACES}])*上`, 'u');
const SHANG_WINDOW = LONGEST_MARKED_CELL * 3;

/**
 * Whether a file's bytes may hold a mark: false means no cell can be one, so the rows DuckDB landed need no test (over
 * a million-person roll the test cost about a second; this search runs on Node's thread while DuckDB parses). 同 is
 * followed up to a cell's length for 上 past spaces, so a place such as 同心村 costs no closer look.
 */
export function bytesMayHoldDittoMark(bytes: Buffer): boolean {
  if (SINGLE_MARKS.some((mark) => bytes.includes(mark))) return true;
  for (let at = bytes.indexOf(TONG); at !== -1; at = bytes.indexOf(TONG, at + TONG.length)) {
    const start = at + TONG.length;
    if (SHANG_AFTER_SPACES.test(bytes.toString('utf8', start, Math.min(bytes.length, start + SHANG_WINDOW)))) return true;
  }
  return false;
}

/** Bytes kept from a chunk's end for the next: a mark split across chunks is still seen. */
export const DITTO_MARK_OVERLAP = SHANG_WINDOW + TONG.length;
