// Traditional → simplified character table (from opencc-js TSCharacters) and the SQL that applies it to names.
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
 * translate() builds its character map from the `from` string on every row, so one call with the
 * whole ~3,000-character table cost ~100 µs a row (100 s per million names, measured on DuckDB
 * 1.5.6). Instead the table is split into buckets: a name that has no traditional character at
 * all costs one regexp test; one that has some gets a single translate() over only the buckets
 * its characters fall into (~5 µs). 32 buckets balanced the regexp tests against the map size.
 */
const BUCKET_COUNT = 32;

/** The SQL expression giving the simplified form of `operand` (a column or macro parameter). */
export function simplifiedChineseExpression(operand: string, table: CharacterTable = buildTraditionalToSimplifiedTable()): string {
  const buckets = splitIntoBuckets(table, BUCKET_COUNT);
  const matches = (characters: string) => `regexp_matches(${operand}, ${sqlString(characterClass(characters))})`;
  const selected = (part: 'from' | 'to') => `concat(${buckets
    .map((bucket) => `CASE WHEN ${matches(bucket.from)} THEN ${sqlString(bucket[part])} END`)
    .join(', ')})`;
  return `CASE WHEN ${matches(table.from)} THEN translate(${operand}, ${selected('from')}, ${selected('to')}) ELSE ${operand} END`;
}

function splitIntoBuckets(table: CharacterTable, count: number): CharacterTable[] {
  const size = Math.ceil(table.from.length / count);
  const buckets: CharacterTable[] = [];
  for (let start = 0; start < table.from.length; start += size) {
    buckets.push({ from: table.from.slice(start, start + size), to: table.to.slice(start, start + size) });
  }
  return buckets;
}

/** An RE2 character class; the characters are CJK, but class metacharacters are escaped anyway. */
function characterClass(characters: string): string {
  return `[${characters.replace(/[\\\]\[^-]/g, (character) => `\\${character}`)}]`;
}
