// rs_text, rs_code, rs_name and rs_name_key, and the traditional → simplified table behind rs_name_key.
import { LIST, VARCHAR, listValue } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { buildTraditionalToSimplifiedTable } from '../../scanner/normalise/index.ts';
import { describeMacroTable, everyCodePoint, queryOneRow, useNormalisationDatabase } from './normalise-test-kit.ts';

const connection = useNormalisationDatabase();

describeMacroTable('rs_text', connection, {
  expression: 'rs_text(v)',
  accepted: [
    { input: ' 城关镇 ', expected: '城关镇' },
    { input: '城关镇\u3000东关村', expected: '城关镇东关村', note: 'U+3000 inside' },
    { input: '\t东关村\u00a0', expected: '东关村', note: 'tab, NBSP' },
    { input: '东关村\u200b', expected: '东关村', note: 'zero-width space' },
    { input: '１组（东）', expected: '1组(东)', note: 'full-width digits and brackets' },
    { input: 'ＡＢＣ　ａｂｃ', expected: 'ABCabc' },
    { input: '住宅', expected: '住宅' },
  ],
  rejected: [
    { input: '', expected: null },
    { input: ' \u3000\t', expected: null, note: 'whitespace only' },
    { input: null, expected: null },
  ],
});

describeMacroTable('rs_code', connection, {
  expression: 'rs_code(v)',
  accepted: [
    { input: 'HH-0001', expected: 'HH-0001' },
    { input: "'0012345", expected: '0012345', note: 'apostrophe keeps leading zeros in Excel' },
    { input: "''0012345", expected: '0012345' },
    { input: '12345.0', expected: '12345', note: 'Excel float' },
    { input: "'12345.0", expected: '12345' },
    { input: '"6228480012345678"', expected: '6228480012345678' },
    { input: '="6228480012345678"', expected: '6228480012345678', note: 'a CSV export\'s text formula' },
    { input: '="H001"', expected: 'H001' },
    { input: '\u20186228480012345678\u2019', expected: '6228480012345678' },
    { input: ' 3704 8100 1001 ', expected: '370481001001' },
    { input: '３７０４８１００１００１', expected: '370481001001', note: 'full-width' },
    { input: 'A1.0', expected: 'A1.0', note: 'not a number: the .0 stays' },
    { input: '12.5', expected: '12.5' },
    { input: 'h002', expected: 'H002', note: 'small letters: a roll\'s h002 is the payments\' H002' },
    { input: 'ｈ００２', expected: 'H002', note: 'full-width small letters' },
    { input: " 'hh-0001 ", expected: 'HH-0001' },
    { input: '东村h002', expected: '东村H002' },
    { input: '6.22848001234567e+15', expected: '6.22848001234567e+15', note: 'a number that lost its digits: quoted as written' },
  ],
  rejected: [
    { input: "'", expected: null },
    { input: '""', expected: null },
    { input: '   ', expected: null },
    { input: null, expected: null },
  ],
});

// rs_code returns a code of digits and capitals as it is and cleans the rest (rs_code_cleaned, upper-cased but for a
// number that lost its digits): it must say exactly what the cleaning says, whatever character a code holds and wherever
// (a quote at the end, a '.0', a space inside, a small letter).
it('rs_code agrees with the full cleaning for every code point, alone and within a code', async () => {
  const row = await queryOneRow(connection(), `
    WITH codes AS (
      ${everyCodePoint(['c', "'12' || c || '0'", "c || '12'", "'12' || c"], 'v')}
      UNION ALL SELECT unnest([NULL, '', 'HH0001', 'hh0001', '6228480012345678', '12345.0', '="12345"', '6.22848001234567e+15'])
    )
    SELECT count(*)::INTEGER AS codes, count(*) FILTER (WHERE rs_code(v) IS DISTINCT FROM
             CASE WHEN rs_code_lost_digits(v) THEN rs_code_cleaned(v) ELSE upper(rs_code_cleaned(v)) END)::INTEGER AS disagree,
           count(*) FILTER (WHERE rs_code(v) IS DISTINCT FROM v)::INTEGER AS cleaned
    FROM codes`);
  expect(row['disagree']).toBe(0);
  // There is cleaning to disagree about: quotes, spaces, full-width characters, '12.0'.
  expect(row['cleaned']).toBeGreaterThan(100);
  expect(row['codes']).toBeGreaterThan(4_000_000);
});

it('rs_code reads a typed cell (a Parquet number or date) as the full cleaning does', async () => {
  const typed = ['370481001001::BIGINT', '12345.0::DOUBLE', "DATE '2026-10-01'"];
  const reader = await connection().runAndReadAll(`SELECT ${typed.map((v, i) => `rs_code(${v}) AS code${i}, rs_code_cleaned(${v}) AS cleaned${i}`).join(', ')}`);
  expect(reader.getRowObjectsJson()).toEqual([{
    code0: '370481001001', cleaned0: '370481001001', code1: '12345', cleaned1: '12345', code2: '2026-10-01', cleaned2: '2026-10-01',
  }]);
});

describeMacroTable('rs_name', connection, {
  expression: 'rs_name(v)',
  accepted: [
    { input: '张三', expected: '张三' },
    { input: ' 张 三 ', expected: '张三' },
    { input: '张\u3000三\t', expected: '张三' },
    { input: '阿依古丽·买买提', expected: '阿依古丽·买买提' },
    { input: '阿依古丽•买买提', expected: '阿依古丽·买买提', note: 'U+2022' },
    { input: '阿依古丽．买买提', expected: '阿依古丽·买买提', note: 'full-width full stop' },
    { input: '阿依古丽・买买提', expected: '阿依古丽·买买提', note: 'katakana middle dot' },
    { input: '阿依古丽‧买买提', expected: '阿依古丽·买买提', note: 'U+2027' },
    { input: '阿依古丽∙买买提', expected: '阿依古丽·买买提', note: 'U+2219' },
    { input: '阿依古丽⋅买买提', expected: '阿依古丽·买买提', note: 'U+22C5' },
    { input: '阿依古丽.买买提', expected: '阿依古丽·买买提', note: 'full stop between Han' },
    { input: '阿.卜.杜', expected: '阿·卜·杜', note: 'consecutive dots' },
    { input: '买买提-艾力', expected: '买买提·艾力', note: 'a hyphen between Han (another list\'s 买买提·艾力)' },
    { input: '买买提－艾力', expected: '买买提·艾力', note: 'a full-width hyphen between Han' },
    { input: 'Jean-Paul', expected: 'Jean-Paul', note: 'a Latin hyphen stays' },
    { input: '阿依古丽 · 买买提', expected: '阿依古丽·买买提' },
    { input: '阿依古丽··买买提', expected: '阿依古丽·买买提', note: 'doubled dot' },
    { input: 'ＺＨＡＮＧ　Ｓａｎ', expected: 'ZHANGSan' },
    { input: 'J.Smith', expected: 'J.Smith', note: 'a Latin full stop stays' },
    { input: '陳小明', expected: '陳小明', note: 'display form keeps the script' },
  ],
  rejected: [
    { input: '', expected: null },
    { input: '\u3000', expected: null },
    { input: null, expected: null },
  ],
});

describeMacroTable('rs_name_key', connection, {
  expression: 'rs_name_key(v)',
  accepted: [
    { input: '陳小明', expected: '陈小明' },
    { input: '劉德華', expected: '刘德华' },
    { input: '張 國 榮', expected: '张国荣' },
    { input: '陈小明', expected: '陈小明', note: 'already simplified' },
    { input: '鄭麗•買買提', expected: '郑丽买买提', note: 'traditional and a dot variant; the dot dropped' },
    { input: '阿依古丽·买买提', expected: '阿依古丽买买提', note: 'the same person as 阿依古丽买买提' },
    { input: '阿依古丽.买买提', expected: '阿依古丽买买提', note: 'a full stop between Han characters' },
    { input: '阿依古丽买买提', expected: '阿依古丽买买提' },
    { input: '龍馬', expected: '龙马', note: 'two traditional characters far apart in the table' },
    { input: '王芳', expected: '王芳' },
  ],
  rejected: [
    { input: '', expected: null },
    { input: null, expected: null },
  ],
});

describe('traditional → simplified table', () => {
  const table = buildTraditionalToSimplifiedTable();

  it('pairs one BMP character with one, with no duplicates and no identity pairs', () => {
    const from = [...table.from];
    const to = [...table.to];
    expect(from.length).toBeGreaterThan(2000);
    expect(to).toHaveLength(from.length);
    expect(table.from).toHaveLength(from.length);
    expect(new Set(from).size).toBe(from.length);
    expect(from.some((character, index) => character === to[index])).toBe(false);
  });

  it('takes the first simplified form and skips multi-character and supplementary-plane entries', () => {
    const parsed = buildTraditionalToSimplifiedTable('乾 干 乾|乾 X|陳 陈|𠁞 𠀾|著作 着作|丟 丢| |台 台');
    expect(parsed).toEqual({ from: '丟乾陳', to: '丢干陈' });
  });

  it('rs_name_key maps every traditional character of the table, one by one and all in one string', async () => {
    const reader = await connection().runAndReadAll(`
      SELECT count(*) FILTER (WHERE rs_name_key(traditional) IS DISTINCT FROM simplified) AS mismatches,
             count(*) AS characters,
             any_value(rs_name_key($from) = $to) AS whole_string_matches
        FROM (SELECT unnest($traditional) AS traditional, unnest($simplified) AS simplified)`,
    {
      from: table.from,
      to: table.to,
      traditional: listValue([...table.from]),
      simplified: listValue([...table.to]),
    },
    { from: VARCHAR, to: VARCHAR, traditional: LIST(VARCHAR), simplified: LIST(VARCHAR) });
    expect(reader.getRowObjectsJson()[0]).toEqual({
      mismatches: '0', characters: String([...table.from].length), whole_string_matches: true,
    });
  });
});
