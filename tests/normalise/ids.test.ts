// rs_id_parse: GB 11643-1999 ID numbers as they arrive, with check characters worked out independently here.
import { describe, expect, it } from 'vitest';
import { computeIdCheckCharacter } from '../../scanner/normalise/index.ts';
import { describeMacroTable, queryOneRow, useNormalisationDatabase } from './normalise-test-kit.ts';

const connection = useNormalisationDatabase();

/** Written out again from the standard (not imported), so the tests do not trust the code under test. */
function checkCharacterByHand(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((total, weight, index) => total + weight * Number(first17.charAt(index)), 0);
  return '10X98765432'.charAt(sum % 11);
}
const withCheck = (first17: string) => first17 + checkCharacterByHand(first17);

// The standard's own example. By hand: digits 1 1 0 1 0 5 1 9 4 9 1 2 3 1 0 0 2 times the weights
// give 7+9+0+5+0+20+2+9+24+27+7+18+30+5+0+0+4 = 167; 167 mod 11 = 2, and remainder 2 → 'X'.
const STANDARD_EXAMPLE = '11010519491231002X';
const STANDARD_LEGACY = '110105491231002';
const BORN_1990 = withCheck('37048119900101123');
const LEAP_DAY_2000 = withCheck('37048120000229001');

const valid = (id: string, birthDate: string) => ({ id, status: 'valid', problem: null, birth_date: birthDate });
const legacy = (id: string, birthDate: string) => ({ id, status: 'legacy', problem: null, birth_date: birthDate });
const invalid = (problem: string) => ({ id: null, status: 'invalid', problem, birth_date: null });
const missing = { id: null, status: 'missing', problem: '身份证号码为空', birth_date: null };

describe('check character vectors', () => {
  it('the standard example checks out by hand and in TypeScript', () => {
    expect(checkCharacterByHand('11010519491231002')).toBe('X');
    expect(computeIdCheckCharacter('11010519491231002')).toBe('X');
  });

  it('computeIdCheckCharacter agrees with the hand computation on other vectors', () => {
    for (const first17 of ['37048119900101123', '44052419800101001', '00000000000000000', '99999999999999999']) {
      expect(computeIdCheckCharacter(first17)).toBe(checkCharacterByHand(first17));
    }
  });

  it('computeIdCheckCharacter refuses anything but 17 digits', () => {
    expect(() => computeIdCheckCharacter('1101051949123100')).toThrow(RangeError);
    expect(() => computeIdCheckCharacter('1101051949123100X')).toThrow(RangeError);
  });

  it('the Excel decoy below really fails its checksum', () => {
    expect(checkCharacterByHand('37048119900101100')).not.toBe('0');
  });
});

describeMacroTable('rs_id_parse', connection, {
  expression: 'rs_id_parse(v)',
  accepted: [
    { input: STANDARD_EXAMPLE, expected: valid(STANDARD_EXAMPLE, '1949-12-31') },
    { input: '11010519491231002x', expected: valid(STANDARD_EXAMPLE, '1949-12-31'), note: 'lower-case x' },
    { input: BORN_1990, expected: valid(BORN_1990, '1990-01-01') },
    { input: LEAP_DAY_2000, expected: valid(LEAP_DAY_2000, '2000-02-29'), note: '2000 is a leap year' },
    { input: '１１０１０５１９４９１２３１００２Ｘ', expected: valid(STANDARD_EXAMPLE, '1949-12-31'), note: 'full-width' },
    { input: '１１０１０５１９４９１２３１００２ｘ', expected: valid(STANDARD_EXAMPLE, '1949-12-31'), note: 'full-width x' },
    { input: '11010519491231002×', expected: valid(STANDARD_EXAMPLE, '1949-12-31'), note: 'the multiplication sign for X' },
    { input: '11010519491231002✕ ', expected: valid(STANDARD_EXAMPLE, '1949-12-31'), note: '✕ for X, a space after' },
    { input: ' 110105 19491231 002X ', expected: valid(STANDARD_EXAMPLE, '1949-12-31'), note: 'spaces' },
    { input: '\t11010519491231002X\t', expected: valid(STANDARD_EXAMPLE, '1949-12-31'), note: 'tabs' },
    { input: '110105\u00a019491231002X\u3000', expected: valid(STANDARD_EXAMPLE, '1949-12-31'), note: 'NBSP, U+3000' },
    { input: "'11010519491231002X", expected: valid(STANDARD_EXAMPLE, '1949-12-31'), note: 'apostrophe' },
    { input: '\u2019 11010519491231002X', expected: valid(STANDARD_EXAMPLE, '1949-12-31'), note: 'curly quote' },
    { input: '`11010519491231002X', expected: valid(STANDARD_EXAMPLE, '1949-12-31'), note: 'backtick' },
    { input: '"11010519491231002X"', expected: valid(STANDARD_EXAMPLE, '1949-12-31'), note: 'double quotes' },
    { input: '="11010519491231002X"', expected: valid(STANDARD_EXAMPLE, '1949-12-31'), note: 'a CSV export\'s text formula' },
    { input: STANDARD_LEGACY, expected: legacy(STANDARD_EXAMPLE, '1949-12-31'), note: 'the standard legacy pair' },
    { input: '370481900101123', expected: legacy(withCheck('37048119900101123'), '1990-01-01') },
    { input: '110105491231002.0', expected: legacy(STANDARD_EXAMPLE, '1949-12-31'), note: 'exact number cell' },
    { input: "'110105491231002", expected: legacy(STANDARD_EXAMPLE, '1949-12-31') },
  ],
  rejected: [
    { input: BORN_1990.slice(0, 17) + (BORN_1990.endsWith('1') ? '2' : '1'), expected: invalid('校验码错误') },
    { input: '110105194912310021', expected: invalid('校验码错误') },
    { input: '370481199001011000', expected: invalid('校验码错误（疑似被Excel按数字存储，末位丢失）') },
    { input: withCheck('37048119990229001'), expected: invalid('出生日期不合法'), note: '1999-02-29, correct check' },
    { input: withCheck('37048119901301001'), expected: invalid('出生日期不合法'), note: 'month 13' },
    { input: withCheck('37048119900100001'), expected: invalid('出生日期不合法'), note: 'day 0' },
    { input: withCheck('37048120990101001'), expected: invalid('出生日期不合法'), note: 'born in the future' },
    { input: withCheck('44052418800101001'), expected: invalid('出生日期不合法'), note: 'before 1900' },
    { input: '370481990230123', expected: invalid('出生日期不合法'), note: '15 digits, 1999-02-30' },
    { input: '370481000229123', expected: invalid('出生日期不合法'), note: '15 digits, 1900 is not a leap year' },
    { input: '37048119900101123', expected: invalid('位数错误(17位)') },
    { input: '3704811990010112345', expected: invalid('位数错误(19位)') },
    { input: '3704811990', expected: invalid('位数错误(10位)') },
    { input: '3.70481E+17', expected: invalid('Excel科学计数法，末位已丢失') },
    { input: '3.704811990010112e+17', expected: invalid('Excel科学计数法，末位已丢失') },
    { input: '3.70481199001011E17', expected: invalid('Excel科学计数法，末位已丢失') },
    { input: '37048119900101123*', expected: invalid('已脱敏（含*号），无法比对'), note: 'the check character masked' },
    { input: '370481********123X', expected: invalid('已脱敏（含*号），无法比对'), note: 'the birth date masked (公示 copies)' },
    { input: '370481１９９０＊＊＊＊１２３４', expected: invalid('已脱敏（含*号），无法比对'), note: 'full-width' },
    { input: '3704**', expected: invalid('已脱敏（含*号），无法比对') },
    { input: '*', expected: invalid('已脱敏（含*号），无法比对') },
    { input: '370481*1990-01-01', expected: invalid('含非法字符'), note: 'a star among other characters is no mask' },
    { input: '3704811990010112X3', expected: invalid('含非法字符'), note: 'X not last' },
    { input: '3704811990010112×3', expected: invalid('含非法字符'), note: '× not last' },
    { input: `${BORN_1990.slice(0, 17)}×`, expected: invalid('校验码错误'), note: '× where the check character is a digit' },
    { input: '身份证遗失', expected: invalid('含非法字符') },
    { input: '370481-19900101-123', expected: invalid('含非法字符') },
    { input: '', expected: missing },
    { input: '   \t', expected: missing },
    { input: "'", expected: missing },
    { input: null, expected: missing },
  ],
});

describe('rs_id_parse over many rows', () => {
  it('returns the declared struct type', async () => {
    const row = await queryOneRow(connection(), "SELECT typeof(rs_id_parse('x')) AS type");
    expect(row.type).toBe('STRUCT(id VARCHAR, status VARCHAR, problem VARCHAR, birth_date DATE)');
  });

  it('parses 200,000 generated rows: legacy numbers upgrade, their upgrades re-validate, tampering is caught', async () => {
    // Legacy numbers for every day from 1930 on; the 18-digit form must then validate by itself,
    // and the same number with a different last character must not.
    const row = await queryOneRow(connection(), `
      WITH generated AS (
        SELECT '110105' || strftime(DATE '1930-01-01' + CAST(i % 25000 AS INTEGER), '%y%m%d')
               || lpad(CAST(i % 1000 AS VARCHAR), 3, '0') AS legacy_number
          FROM generate_series(1, 200000) AS series(i)),
      first_pass AS (SELECT rs_id_parse(legacy_number) AS parsed FROM generated),
      second_pass AS (
        SELECT parsed,
               rs_id_parse(parsed.id) AS again,
               rs_id_parse(left(parsed.id, 17) || CASE WHEN right(parsed.id, 1) = '0' THEN '1' ELSE '0' END) AS tampered
          FROM first_pass)
      SELECT count(*) AS total,
             count(*) FILTER (WHERE parsed.status = 'legacy') AS legacy,
             count(*) FILTER (WHERE again.status = 'valid' AND again.id = parsed.id) AS revalidated,
             count(*) FILTER (WHERE tampered.status = 'invalid' AND starts_with(tampered.problem, '校验码错误')) AS caught
        FROM second_pass`);
    expect(row).toEqual({ total: '200000', legacy: '200000', revalidated: '200000', caught: '200000' });
  });

  it('plans as plain projections: no join from a correlated subquery, no per-character splitting', async () => {
    const rows = (await connection().runAndReadAll(
      "EXPLAIN SELECT rs_id_parse(CAST(i AS VARCHAR)) FROM range(10) AS series(i) WHERE rs_id_parse(CAST(i AS VARCHAR)).status = 'valid'",
    )).getRowObjectsJson();
    const plan = rows.map((row) => String(row.explain_value)).join('\n');
    expect(plan).toMatch(/PROJECTION/);
    expect(plan).not.toMatch(/JOIN/);
    expect(plan).not.toMatch(/string_split|list_reduce|unnest/i);
  });
});

describe('the fast lane (rs_id_fast_number, rs_id_canonical)', () => {
  it('takes exactly the numbers rs_id_parse finds valid, with their birth dates: 50,000 bodies, each with all eleven check characters', async () => {
    // Region, birth date (some impossible: day 00, a day past the month's end, a year after this one) and sequence vary
    // independently, so every digit position and every remainder of the weighted sum is reached.
    const row = await queryOneRow(connection(), `
      WITH bodies AS (
        SELECT lpad(CAST(hash(i) % 1000000 AS VARCHAR), 6, '0')
               || CAST(1900 + i % 140 AS VARCHAR) || lpad(CAST(i // 140 % 12 + 1 AS VARCHAR), 2, '0')
               || lpad(CAST(hash(i * 3) % 32 AS VARCHAR), 2, '0') || lpad(CAST(hash(i * 7) % 1000 AS VARCHAR), 3, '0') AS body
          FROM range(50000) AS series(i)),
      numbers AS (SELECT body || unnest(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'X']) AS s FROM bodies),
      read AS (SELECT rs_id_canonical(rs_id_fast_number(s)) AS body, rs_id_parse(s) AS parsed FROM numbers)
      SELECT count(*) AS total, count(*) FILTER (WHERE parsed.status = 'valid') AS valid,
             count(*) FILTER (WHERE (body IS NOT NULL) <> (parsed.status = 'valid')) AS disagreements,
             count(*) FILTER (WHERE body IS NOT NULL AND rs_id_birth_date(body) IS DISTINCT FROM parsed.birth_date) AS other_birth_dates
        FROM read`);
    expect(row.total).toBe('550000');
    expect(Number(row.valid)).toBeGreaterThan(30000); // most bodies have a real birth date, and one check character of eleven holds
    expect(row.disagreements).toBe('0');
    expect(row.other_birth_dates).toBe('0');
  });

  it('leaves every other shape to the full parse, valid ones included', async () => {
    // 11010519491231002X is valid; each variant is not the plain eighteen characters the fast lane reads.
    const variants = ['11010519491231002x', ' 11010519491231002X', '11010519491231002X ', '110105491231002', '１１０１０５１９４９１２３１００２Ｘ',
      '1101051949123100', '110105194912310021', '1101051949123100211', '11010519491231002XX', 'X1010519491231002X', '00000000000000000X',
      '000000000000000000', '-1010519491231002X', '+11010519491231002', '99999999999999999X', '999999999999999999'];
    const reader = await connection().runAndReadAll(`SELECT s, rs_id_canonical(rs_id_fast_number(s)) AS body, rs_id_parse(s).status AS status
      FROM unnest([${[...variants, '11010519491231002X'].map((v) => `'${v}'`).join(', ')}]) t(s)`);
    const rows = reader.getRowObjectsJson();
    expect(rows.filter((r) => r['body'] !== null).map((r) => r['s'])).toEqual(['11010519491231002X']);
    // Lower-case x, spaces, full-width characters and the 15-digit form are valid all the same: the full parse takes them.
    expect(rows.filter((r) => r['status'] === 'valid' || r['status'] === 'legacy').map((r) => r['s'])).toEqual([
      '11010519491231002x', ' 11010519491231002X', '11010519491231002X ', '110105491231002', '１１０１０５１９４９１２３１００２Ｘ', '11010519491231002X',
    ]);
  });
});
