// Traditional → simplified character table (from opencc-js TSCharacters), the SQL that applies it to names, and word
// patterns widened to match either script.
import tsCharacters from 'opencc-js/dict/TSCharacters';
import { sqlString } from '../sql-text.ts';

/** Two equal-length strings for DuckDB translate(): `from[i]` becomes `to[i]`. */
export interface CharacterTable {
  readonly from: string;
  readonly to: string;
}

/**
 * Parses the dictionary format "trad simp [simp2]|trad simp|…": the first simplified form wins,
 * only one-BMP-code-point pairs are kept (translate() works per code point, and the few
 * supplementary-plane entries do not occur in ordinary names), identity pairs are dropped and a
 * traditional character seen twice keeps its first mapping, so `from` has no duplicates.
 */
export function buildTraditionalToSimplifiedTable(dictionary: string = tsCharacters): CharacterTable {
  const pairs = new Map<string, string>();
  for (const entry of dictionary.split('|')) {
    const [traditional, simplified] = entry.trim().split(/\s+/);
    if (traditional === undefined || simplified === undefined) continue;
    if (!isOneBmpCharacter(traditional) || !isOneBmpCharacter(simplified)) continue;
    if (traditional === simplified || pairs.has(traditional)) continue;
    pairs.set(traditional, simplified);
  }
  const sorted = [...pairs].sort(([a], [b]) => a.charCodeAt(0) - b.charCodeAt(0));
  return {
    from: sorted.map(([traditional]) => traditional).join(''),
    to: sorted.map(([, simplified]) => simplified).join(''),
  };
}

function isOneBmpCharacter(text: string): boolean {
  if (text.length !== 1) return false;
  const code = text.charCodeAt(0);
  return code < 0xd800 || code > 0xdfff;
}

/**
 * The SQL expression giving the simplified form of `operand` (a column or macro parameter).
 *
 * translate() builds its character map from the `from` string on every row, so one call with the
 * whole ~3,000-character table cost ~100 µs a row (100 s per million names, measured on DuckDB
 * 1.5.6). A name that has no traditional character at all costs one regexp test; one that has some
 * is translated with a map of only its own traditional characters, each looked up in the table by
 * position (instr and substr count characters, not bytes).
 *
 * The operand appears three times. Until 2026-12-04 the table was split into 32 buckets, each tested
 * with a regexp of its own: the operand appeared 34 times, and every appearance of a macro argument
 * is bound and its regexps compiled again, in every query that calls the macro. Planning a one-row
 * SELECT rs_name_key(column) took 80 ms (20 ms now), rs_category_text 94 ms (21), rs_program 108 ms
 * (24), and a scan plans them in dozens of queries. Per row: a million names, 2% traditional, 0.46 s
 * before and 0.40 s now; half of them traditional, 5.1 s before and 6.5 s now (a real roll has few).
 *
 * The guard is regexp_extract, not regexp_matches: binding regexp_matches also works out the range of strings its pattern
 * can match, 2.8 ms for this class against 0.45 ms, at every appearance (the demo township's typing 0.1 s less).
 * Per row it costs about 15 ns more (two million names: 109 against 78 ms).
 */
export function simplifiedChineseExpression(operand: string, table: CharacterTable = openccTable()): string {
  const traditionalClass = sqlString(characterClass(table.from));
  const traditionalFound = `regexp_extract_all(${operand}, ${traditionalClass})`;
  const simplifiedFound = `list_transform(${traditionalFound}, lambda rs_traditional:
    substr(${sqlString(table.to)}, instr(${sqlString(table.from)}, rs_traditional), 1))`;
  return `CASE WHEN regexp_extract(${operand}, ${traditionalClass}) <> ''
    THEN translate(${operand}, array_to_string(${traditionalFound}, ''), array_to_string(${simplifiedFound}, '')) ELSE ${operand} END`;
}

/** An RE2 character class; the characters are CJK, but class metacharacters are escaped anyway. */
function characterClass(characters: string): string {
  return `[${characters.replace(/[\\\]\[^-]/g, (character) => `\\${character}`)}]`;
}

let opencc: CharacterTable | undefined;
/** opencc's table, built once for the names' SQL and the word patterns alike (about 6 ms). */
function openccTable(): CharacterTable {
  return (opencc ??= buildTraditionalToSimplifiedTable());
}

let simplifiedWithTraditional: Map<string, string> | undefined;

/**
 * A regexp matching what `pattern` matches in simplified or traditional characters: each character that has traditional
 * forms becomes a class of it and them (败 → [败敗], inside a class its forms are added), so a word test reads 失敗 as
 * 失败 without translating the cell. The word tests run on cells row by row (every payment's 发放状态): translating
 * each cell first would cost the table's regexp test on every row, these classes cost next to nothing.
 */
export function eitherScriptPattern(pattern: string): string {
  simplifiedWithTraditional ??= traditionalFormsBySimplified(openccTable());
  const forms = simplifiedWithTraditional;
  let result = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const character = pattern[i]!;
    if (character === '\\') {
      // An escape is copied whole: \x{3010} and \d name no character to widen.
      const end = pattern[i + 1] === 'x' && pattern[i + 2] === '{' ? pattern.indexOf('}', i) : i + 1;
      result += pattern.slice(i, end + 1);
      i = end;
      continue;
    }
    if (character === '[' && !inClass) inClass = true;
    else if (character === ']' && inClass) inClass = false;
    const traditional = forms.get(character);
    result += traditional === undefined ? character : inClass ? character + traditional : `[${character}${traditional}]`;
  }
  return result;
}

function traditionalFormsBySimplified(table: CharacterTable): Map<string, string> {
  const forms = new Map<string, string>();
  for (let i = 0; i < table.from.length; i++) forms.set(table.to[i]!, (forms.get(table.to[i]!) ?? '') + table.from[i]!);
  return forms;
}
