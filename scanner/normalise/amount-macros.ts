// rs_cents (money as exact integer cents) and rs_number (areas), parsed through DECIMAL, never through floats.
import { WHITESPACE_CLASS, bindOnce, defineMacro, type MacroDefinition } from './macro-definition.ts';
import { sqlString } from '../sql-text.ts';

/** Currency marks around an amount: ¥ (U+00A5), ￥ (U+FFE5, outside the full-width block), 元, RMB. */
const CURRENCY_MARKS = '[\\x{00A5}\\x{FFE5}]|人民币|RMB|CNY|元';
/**
 * A monthly amount's unit after the number (4963元/月, 700元每月, 700/月): 元 is a currency mark, the rest is removed
 * only at the end. Until 2026-12-06 a 月工资 written 4963元/月 could not be read.
 */
const PER_MONTH = `[/每]${WHITESPACE_CLASS}*月${WHITESPACE_CLASS}*$`;
/** Area units: ㎡ (U+33A1), m², m2, 平方米, 平米. */
const AREA_UNITS = '\\x{33A1}|[mM](?:\\x{00B2}|2)|平方米|平米';

/**
 * A plain decimal: optional sign, digits with optional thousands groups, optional fraction, and
 * an optional exponent (a float residue from an XLSX numeric cell, like '5.6843418860808E-14').
 */
const DECIMAL_TEXT = '[+-]?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d*)?(?:[eE][+-]?\\d+)?|[+-]?\\.\\d+(?:[eE][+-]?\\d+)?';

/** The cell as half-width text without whitespace and without the given unit marks. */
function withoutUnits(operand: string, units: string): string {
  return `regexp_replace(rs_halfwidth(CAST(${operand} AS VARCHAR)), ${sqlString(`${WHITESPACE_CLASS}|${units}`)}, '', 'g')`;
}

export const AMOUNT_MACROS: readonly MacroDefinition[] = [
  // Internal. DECIMAL(18,6), not wider: above 18 digits DuckDB parses into 128-bit decimals, ~50×
  // slower. 12 integer digits cover any amount here; the cast rounds half-up at the 6th decimal,
  // which also absorbs float residue (1234.5649999999999 reads as 1234.565, as Excel shows it).
  defineMacro('rs_decimal_from_text', ['t'], bindOnce('t', 'rs_decimal_text', `CASE
    WHEN regexp_full_match(rs_decimal_text, ${sqlString(DECIMAL_TEXT)})
      THEN TRY_CAST(replace(rs_decimal_text, ',', '') AS DECIMAL(18, 6))
  END`)),

  // round() on a DECIMAL rounds half away from zero (四舍五入): 0.005 → 1 cent, -0.005 → -1 cent.
  defineMacro('rs_cents', ['s'],
    `TRY_CAST(round(rs_decimal_from_text(${withoutUnits('s', `${CURRENCY_MARKS}|${PER_MONTH}`)}), 2) * 100 AS BIGINT)`),

  defineMacro('rs_number', ['s'],
    `TRY_CAST(round(rs_decimal_from_text(${withoutUnits('s', AREA_UNITS)}), 2) AS DECIMAL(18, 2))`),
];
