// Quoting text into SQL (string literals, identifiers) and testing a text against a list of words.

export function sqlString(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** The words of a list (an SQL list expression) as one regular expression's alternatives, each escaped. */
export const alternatives = (words: string) => `array_to_string(list_transform(${words}, w -> regexp_escape(w)), '|')`;

/**
 * Whether the text contains any of the words of a list (an SQL list expression), as plain substrings: one regular
 * expression of the escaped words, built once per statement, instead of a lambda testing each word on each row (over a
 * province's three million vehicles that lambda alone took about a second). False for a NULL text or an empty list.
 */
export const containsAny = (text: string, words: string) =>
  `coalesce(len(${words}) > 0 AND regexp_matches(${text}, ${alternatives(words)}), false)`;
