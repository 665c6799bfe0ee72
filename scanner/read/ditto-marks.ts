// 同上, 〃 and their other spellings: what a cell holds when it means "as the row above" (the fill itself is
// scanner/load/ditto-fill.ts). Recognised the same way in a cell the JavaScript readers yield, in DuckDB's SQL, and in a
// file's bytes before DuckDB's rows are tested.
//
// Clerks type the mark as their keyboard gives it: 〃〃 (the mark repeated, as on paper), 同上。, and on a Chinese
// keyboard the quote marks ” “ (what the " key types there), " itself, or two apostrophes ''. Read as written each was
// a value: a member's 家庭编号 ” made a household of one under the head's standard (false amount-over-standard findings
// against the correct rows), a dead member's household 〃〃 had no payments (a missed overpayment).
//
// 同左 ("as the cell to the left") is not read as the value above: in a list of rows its left neighbour is another
// column (村 beside 家庭编号, 应发 beside 实发), and which one the clerk meant is a guess either way. Such a cell is
// refused: read as empty and said in the warning, never kept as a value (a household literally named 同左).

/** Marks that mean the value above, however many times repeated (〃〃): the ditto marks and the quote marks typed for them. */
const REPEATABLE_MARKS = '〃″”“"＂〝〞';
/** Apostrophes count only two together (''): one alone is Excel's text prefix or a stray key. */
const APOSTROPHES = "'‘’";
/** 同上 (or 同左) closed by a full stop, as a sentence is. */
const FULL_STOPS = '。.．';
/** What a cell holds, spaces removed, when it means "as above" (JavaScript and RE2 read this pattern alike). */
const ABOVE_PATTERN = `同上[${FULL_STOPS}]?|(?:[${REPEATABLE_MARKS}]|[${APOSTROPHES}]{2})+`;
/** 同左: a mark, but of no cell rollsweep can tell (above). */
const REFUSED_PATTERN = `同左[${FULL_STOPS}]?`;
/** Either kind, for the SQL test of whether the careful reader must resolve a file's marks. */
export const DITTO_MARK_PATTERN = `${ABOVE_PATTERN}|${REFUSED_PATTERN}`;
/** The characters a mark can start with: a cell holding none of them is no mark, whatever its spaces. */
export const MARK_STARTS: readonly string[] = ['同', ...REPEATABLE_MARKS, ...APOSTROPHES];
/** Longer than any mark with a few spaces around it: such a cell is text, and needs no closer look. */
export const LONGEST_MARKED_CELL = 16;
/** The characters of the scan's WHITESPACE_CLASS (RE2), in JavaScript's syntax, so every reader takes the same cells. */
const SPACES = String.raw`\s\x0B\x85\p{Z}\u200B-\u200D\u2060\uFEFF`;
const EVERY_SPACE = new RegExp(`[${SPACES}]`, 'gu');
const ANY_START = new RegExp(`[${MARK_STARTS.join('')}]`, 'u');
const ABOVE = new RegExp(`^(?:${ABOVE_PATTERN})$`, 'u');
const REFUSED = new RegExp(`^(?:${REFUSED_PATTERN})$`, 'u');

/** How a cell that is a mark is read: the value above, or refused (同左: read as empty, with a warning). */
export type DittoMark = 'above' | 'refused';

export function dittoMarkOf(cell: string | null | undefined): DittoMark | null {
  if (cell === null || cell === undefined || cell.length > LONGEST_MARKED_CELL) return null;
  // Asked of every short cell of a hand-kept list (names, amounts, codes): they skip the replace's new string.
  if (!ANY_START.test(cell)) return null;
  const bare = cell.replace(EVERY_SPACE, '');
  return ABOVE.test(bare) ? 'above' : REFUSED.test(bare) ? 'refused' : null;
}

/** Whether a cell is a mark of either kind. */
export function isDittoMark(cell: string | null | undefined): boolean {
  return dittoMarkOf(cell) !== null;
}

/** The marks' characters other than 同 and ASCII, as UTF-8 bytes: any of them in a file sends it to the SQL test. */
const SINGLE_MARKS = [...REPEATABLE_MARKS, ...APOSTROPHES].filter((c) => c.charCodeAt(0) > 0x7f).map((mark) => Buffer.from(mark, 'utf8'));
/**
 * ASCII " and ': a quoted CSV holds " everywhere, but a cell holding a " is quoted with it doubled (""""), and one
 * written bare is a stray quote DuckDB refuses, which sends the file to the careful reader anyway. An apostrophe is
 * rare in a roll: any sends the file to the SQL test.
 */
const DOUBLED_QUOTE = Buffer.from('""');
const APOSTROPHE = 0x27;
const TONG = Buffer.from('同', 'utf8');
/**
 * After 同, spaces of any kind and 上 or 左, within a cell's length of three-byte characters. Not past a line break: a
 * cell holding one is quoted, and a file with such a cell goes to the careful reader anyway (csv-in-duckdb.ts).
 */
const SHANG_AFTER_SPACES = new RegExp(`^(?:(?![\\n\\r])[${SPACES}])*[上左]`, 'u');
const SHANG_WINDOW = LONGEST_MARKED_CELL * 3;

/**
 * Whether a file's bytes may hold a mark: false means no cell can be one, so the rows DuckDB landed need no test (over
 * a million-person roll the test cost about a second; this search runs on Node's thread while DuckDB parses). 同 is
 * followed up to a cell's length for 上 past spaces, so a place such as 同心村 costs no closer look.
 */
export function bytesMayHoldDittoMark(bytes: Buffer): boolean {
  if (SINGLE_MARKS.some((mark) => bytes.includes(mark))) return true;
  if (bytes.includes(DOUBLED_QUOTE) || bytes.includes(APOSTROPHE)) return true;
  for (let at = bytes.indexOf(TONG); at !== -1; at = bytes.indexOf(TONG, at + TONG.length)) {
    const start = at + TONG.length;
    if (SHANG_AFTER_SPACES.test(bytes.toString('utf8', start, Math.min(bytes.length, start + SHANG_WINDOW)))) return true;
  }
  return false;
}

/** Bytes kept from a chunk's end for the next: a mark split across chunks is still seen. */
export const DITTO_MARK_OVERLAP = SHANG_WINDOW + TONG.length;
