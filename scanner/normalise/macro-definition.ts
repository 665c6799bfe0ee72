// Shared building blocks for the normalisation macros: SQL literals, macro DDL and character tables.

/** One DuckDB scalar macro: installed as `CREATE OR REPLACE TEMP MACRO name(parameters) AS body`. */
export interface MacroDefinition {
  readonly name: string;
  readonly parameters: readonly string[];
  /** A SQL expression over the parameters; may call macros defined earlier in the install order. */
  readonly body: string;
}

export function defineMacro(name: string, parameters: readonly string[], body: string): MacroDefinition {
  return { name, parameters, body };
}

/** Where a macro lives: its connection's TEMP schema, or the default database, seen by every connection to it. */
export type MacroScope = 'connection' | 'database';

/**
 * TEMP by default, so that installing never writes into a persistent database file (the ledger), works on a
 * read-only attachment, and stays scoped to the connection that the loader and checks share. 'database' is for a scan's
 * own in-memory database only (the ledger is attached beside it, never the default): installed once, the macros serve
 * all its connections.
 */
export function createMacroStatement(macro: MacroDefinition, scope: MacroScope = 'connection'): string {
  return `CREATE OR REPLACE ${scope === 'connection' ? 'TEMP ' : ''}MACRO ${macro.name}(${macro.parameters.join(', ')}) AS (${macro.body})`;
}

/** Full-width forms U+FF01..U+FF5E, plus the ideographic space U+3000. */
export const FULL_WIDTH_CHARACTERS: string = buildRange(0xff01, 0xff5e, 0) + '\u3000';
/** Their ASCII counterparts, position for position (U+3000 becomes an ordinary space). */
export const HALF_WIDTH_CHARACTERS: string = buildRange(0xff01, 0xff5e, -0xfee0) + ' ';

function buildRange(first: number, last: number, shift: number): string {
  let text = '';
  for (let codePoint = first; codePoint <= last; codePoint += 1) text += String.fromCodePoint(codePoint + shift);
  return text;
}

/** RE2 class of the characters rs_halfwidth translates. */
export const FULL_WIDTH_CLASS = String.raw`[\x{3000}\x{FF01}-\x{FF5E}]`;

/**
 * RE2 class of everything that counts as whitespace in a cell: RE2's `\s` is ASCII only, so
 * Unicode separators (NBSP, U+3000, thin spaces), zero-width spaces and a stray BOM are added.
 */
export const WHITESPACE_CLASS = String.raw`[\s\x{000B}\x{0085}\p{Z}\x{200B}-\x{200D}\x{2060}\x{FEFF}]`;

/** Quote marks that Excel users and exporters put around codes and ID numbers to keep them text. */
export const QUOTE_CLASS = "['\"`\u2018\u2019\u201C\u201D]";

/**
 * `let name = value in body`, evaluated once per row. DuckDB pastes a macro argument wherever the
 * parameter appears and only removes the repeats inside a plain SELECT list: in a WHERE clause, a
 * join condition or a filter pushed into a view, rs_id_parse ran ~30× slower without this
 * binding (measured on DuckDB 1.5.6). A one-element list_transform is the vectorised way to name
 * a value. The body must refer to `name` only — never to the enclosing macro's parameters — so
 * that a caller's column can never be captured by the lambda; names start with `rs_` for the same
 * reason.
 */
export function bindOnce(value: string, name: string, body: string): string {
  return `list_transform([${value}], lambda ${name}: ${body})[1]`;
}
